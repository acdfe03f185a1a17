// A link's feature gates, checked against the version before they are written into its text:
// a gate the simulator does not know, one that does not exist yet in that version, or one
// locked on (GA) would turn a good scenario into an error, so they are refused and named.

import { FEATURE_GATES, formerGateSpelling, gateExists, gateLocked, gateRemoved, isFeatureGateName, type GateInfo, type KubeVersion } from '../engine/version';

export interface LinkGates {
  accepted: [string, boolean][];
  /** "Foo (unknown)", "ContainerStopSignals (not in 1.30)", "SidecarContainers (locked on since 1.33)". */
  refused: string[];
}

export function checkLinkGates(gates: Record<string, boolean> | undefined, version: KubeVersion): LinkGates {
  const out: LinkGates = { accepted: [], refused: [] };
  for (const [given, on] of Object.entries(gates ?? {})) {
    // A link made when Sidecar Lab spelled a gate otherwise: written into the text as Kubernetes spells it.
    const name = formerGateSpelling(given) ?? given;
    if (!isFeatureGateName(name)) out.refused.push(`${name} (unknown)`);
    else if (gateRemoved(name, version)) out.refused.push(`${name} (removed in 1.${(FEATURE_GATES[name] as GateInfo).removed}; always on)`);
    else if (!gateExists(name, version)) out.refused.push(`${name} (not in ${version}; it arrives in 1.${FEATURE_GATES[name].alpha})`);
    else if (gateLocked(name, version)) out.refused.push(`${name} (locked on in ${version})`);
    else out.accepted.push([name, on]);
  }
  return out;
}
