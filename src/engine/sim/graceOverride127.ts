// [8.12] 1.27's killContainer takes the pod worker's grace override only after the preStop hook
// and the 2 s floor. Upstream: killContainer in pkg/kubelet/kuberuntime/kuberuntime_container.go
// (the 1.26/1.27-era stored version: preStop, floor, then `gracePeriod = *gracePeriodOverride`;
// the 1.29+ stored versions: the override first), fixed by #115835 in 1.28.0 (CHANGELOG
// v1.28.0-alpha.3; no 1.27 cherry-pick found; issues #115817, #117373). The override exists on
// the deletion path only: UpdatePod sets KillPodOptions.PodTerminationGracePeriodSecondsOverride
// to calculateEffectiveGracePeriod's value for a pod whose termination was requested
// (pod_workers.go); kills from SyncPod (probes, a Never pod's end) and a terminal phase pass none.

import type { PodSim } from './podSim';

export interface LegacyGraceOverride {
  /** What the preStop hook may use: the pod's deletionGracePeriodSeconds (0 for a force deletion: no hook). */
  hookBound: number;
}

/** For a deletion on 1.27: the preStop hook's bound; the stop signal then gets the whole override. */
export function legacyOverride(sim: PodSim): LegacyGraceOverride | undefined {
  if (sim.minor > 27 || !sim.deletion) return undefined;
  return { hookBound: sim.deletion.requested };
}
