// Notes on a feature gate the text sets to what the chosen version already has, the case of a
// Simulation document written for an older version and opened on a newer one (issue 15). Read:
// component-base featuregate.go Set/SetFromMap (every tree 1.27-1.33: setting a GA gate logs
// "Setting GA feature gate X=true. It will be removed in a future release."; a locked gate set
// against its default is refused, handled in simulationDoc.ts), and pkg/features/kube_features.go
// (1.33 tree: SidecarContainers "GA in 1.33 remove in 1.36"; still there in the stored 1.35/early
// 1.36 tree; the removal, kubernetes/kubernetes#137755, was held over 1.36's release on 2026-04-22
// and merged after it, so 1.36 keeps the gate and 1.37 drops it: CHANGELOG-1.37, v1.37.0-alpha.1;
// once removed, the kubelet refuses it as an unrecognized feature gate). The removals come from
// version.ts (GateInfo.removed).

import { FEATURE_GATES, defaultGates, gateLocked, minor, type FeatureGateName, type GateInfo, type KubeVersion } from '../version';

export interface GateNote {
  severity: 'info';
  message: string;
}

/** A note for a modelled gate that exists in `version` and was set to `value`; undefined when the setting changes something. */
export function gateNote(name: FeatureGateName, value: boolean, version: KubeVersion): GateNote | undefined {
  const info = FEATURE_GATES[name] as GateInfo;
  if (gateLocked(name, version) && value) {
    // A removed gate never gets here (gateExists is false, simulationDoc.ts warns): the removal is ahead.
    const later = info.removed === undefined ? ''
      : `; upstream plans to remove the gate in 1.${info.removed}, and from then a kubelet refuses the line as an unrecognized feature gate`;
    // An info, not a warning: the kubelet starts and runs the same (it only logs the line), and
    // `sim check` stays silent on a valid file (contract section 2).
    return {
      severity: 'info',
      message: `Setting GA feature gate ${name}=true. It will be removed in a future release: in ${version} the feature is locked on (GA since 1.${info.ga}), so this line changes nothing and can go${later}`,
    };
  }
  if (info.ga !== undefined && minor(version) >= info.ga) {
    // GA but still settable (ExecProbeTimeout until 1.35): featuregate.go Set logs the same line for
    // either value; true changes nothing, false turns the feature off until the gate is locked.
    const until = info.locked === undefined ? '' : ` until it is locked on in 1.${info.locked}`;
    return {
      severity: 'info',
      message: value
        ? `Setting GA feature gate ${name}=true. It will be removed in a future release: in ${version} the feature is on by default (GA since 1.${info.ga}), so this line changes nothing and can go`
        : `Setting GA feature gate ${name}=false. It will be removed in a future release: the kubelet logs this at start, and turns the feature off (GA since 1.${info.ga}, settable${until})`,
    };
  }
  if (defaultGates(version)[name] === value) {
    const why = value ? `on by default in ${version} (beta since 1.${info.beta})` : `off by default in ${version} (${info.beta === undefined ? 'alpha' : `beta from 1.${info.beta}`})`;
    return { severity: 'info', message: `feature gate ${name} is already ${why}: this line changes nothing in ${version}` };
  }
  return undefined;
}
