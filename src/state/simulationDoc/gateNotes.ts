// Why a feature gate the text sets has no effect in a version (the gates menu lists these with a
// button to remove them; the engine warns about the same gates at their line).

import { FEATURE_GATES, gateExists, gateLocked, gateRemoved, isFeatureGateName, type GateInfo, type KubeVersion } from '../../engine/version';

export interface StrayGate {
  name: string;
  value: boolean;
  reason: string;
}

/** Why gate `name` written as `value` has no effect in `v`, or undefined when it does. */
export function strayReason(name: string, value: boolean, v: KubeVersion): string | undefined {
  if (!isFeatureGateName(name)) return 'not a gate the simulator knows';
  if (gateRemoved(name, v)) return `removed in 1.${(FEATURE_GATES[name] as GateInfo).removed}: the feature is always on`;
  if (!gateExists(name, v)) return `not in ${v} (arrives in 1.${FEATURE_GATES[name].alpha})`;
  if (gateLocked(name, v)) return value ? `GA in ${v}: always on` : `GA in ${v}: locked on, false is refused`;
  return undefined;
}

/** The written gates that have no effect in `v`, in written order. */
export function strayGates(written: Record<string, boolean>, v: KubeVersion): StrayGate[] {
  return Object.entries(written).flatMap(([name, value]) => {
    const reason = strayReason(name, value, v);
    return reason === undefined ? [] : [{ name, value, reason }];
  });
}
