// The Kubernetes version picker in the header, and the feature gates of the chosen version. Both
// are part of the scenario: they show what its Simulation document sets, and a change is written
// into that document (created if missing) as a careful text edit, so the version travels with
// the text (share links, reload) and Ctrl+Z in the editor takes it back.

import { useEffect, useRef, useState } from 'react';
import { isSupportedVersion, NEWEST_VERSION, SUPPORTED_VERSIONS } from '../../engine/version';
import { useAppStore } from '../../state/appStore';
import { selectSetVersion, selectVersion } from '../../state/selectors';
import type { AppState } from '../../state/store';
import { selectEffectiveVersion } from '../editor/scenarioSelectors';
import { readSimulationSettings, scenarioVersion, withKubernetesVersion } from '../editor/simulationSettings';
import { writeSimulationEdit } from '../editor/writeSimulation';
import { FeatureGates } from './FeatureGates';

const selectWrittenVersion = (s: AppState) => readSimulationSettings(s.text).version;
const selectNamedVersion = (s: AppState) => scenarioVersion(s.text);

export function VersionSelect() {
  const version = useAppStore(selectEffectiveVersion);
  const written = useAppStore(selectWrittenVersion);
  const [error, setError] = useState<string | null>(null);
  const [gatesOpen, setGatesOpen] = useState(false);
  // The store's version follows the one the text names: share links carry it, and it is the
  // version for a text that names none (the engine itself reads the text). When an edit takes the
  // version out of the text, it goes back to the newest, as after a reload.
  const named = useAppStore(selectNamedVersion);
  const stored = useAppStore(selectVersion);
  const setVersion = useAppStore(selectSetVersion);
  const seen = useRef({ named, stored });
  useEffect(() => {
    const before = seen.current;
    seen.current = { named, stored };
    if (named !== undefined && named !== stored) setVersion(named);
    else if (named === undefined && before.named !== undefined && stored === before.stored && stored !== NEWEST_VERSION) setVersion(NEWEST_VERSION);
  }, [named, stored, setVersion]);
  const unsupported = written !== undefined && !isSupportedVersion(written) ? written : undefined;
  return (
    <div className="version-controls">
      <label className="version-select">
        <span>Kubernetes</span>
        <select
          data-testid="k8s-version"
          value={unsupported ?? version}
          title="Written into the scenario's Simulation document as kubernetesVersion"
          onChange={(e) => {
            const v = e.target.value;
            if (isSupportedVersion(v)) setError(writeSimulationEdit((t) => withKubernetesVersion(t, v)));
          }}
        >
          {unsupported !== undefined && <option value={unsupported} disabled>{unsupported} (not supported)</option>}
          {[...SUPPORTED_VERSIONS].reverse().map((v) => (
            <option key={v} value={v}>v{v}</option>
          ))}
        </select>
      </label>
      <FeatureGates error={error} onError={setError} open={gatesOpen} onOpenChange={setGatesOpen} />
      {error && !gatesOpen && <p className="version-error" role="alert">{error}</p>}
    </div>
  );
}
