// The Kubernetes version picker in the header.

import { isSupportedVersion, SUPPORTED_VERSIONS } from '../../engine/version';
import { useAppStore } from '../../state/appStore';
import { selectSetVersion, selectVersion } from '../../state/selectors';

export function VersionSelect() {
  const version = useAppStore(selectVersion);
  const setVersion = useAppStore(selectSetVersion);
  return (
    <label className="version-select">
      <span>Kubernetes</span>
      <select
        data-testid="k8s-version"
        value={version}
        onChange={(e) => {
          if (isSupportedVersion(e.target.value)) setVersion(e.target.value);
        }}
      >
        {[...SUPPORTED_VERSIONS].reverse().map((v) => (
          <option key={v} value={v}>v{v}</option>
        ))}
      </select>
    </label>
  );
}
