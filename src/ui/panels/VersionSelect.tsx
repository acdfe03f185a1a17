// The Kubernetes version picker in the header, and the feature gates of the chosen version. Both
// are part of the scenario: they show what its Simulation document sets, and a change is written
// into that document (created if missing) as a careful text edit (state/simulationDoc), so the
// version travels with the text (share links, reload) and Ctrl+Z in the editor takes it back.

import { useState } from 'react';
import { isSupportedVersion, SUPPORTED_VERSIONS } from '../../engine/version';
import { appStore, useAppStore } from '../../state/appStore';
import { selectVersion } from '../../state/simulationDoc/selectors';
import { selectWrittenVersion, withKubernetesVersion, writeSimulationEdit } from '../../state/simulationDoc';
import { FeatureGates } from './FeatureGates';

export function VersionSelect() {
  const version = useAppStore(selectVersion);
  const written = useAppStore(selectWrittenVersion);
  const [error, setError] = useState<string | null>(null);
  const [gatesOpen, setGatesOpen] = useState(false);
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
            if (isSupportedVersion(v)) setError(writeSimulationEdit(appStore, (t) => withKubernetesVersion(t, v)));
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
