// A pod's spec.activeDeadlineSeconds ([13]). Models upstream's pkg/kubelet/active_deadline.go
// (activeDeadlineHandler: ShouldSync, ShouldEvict, pastActiveDeadline), its use in
// kubelet_pods.go generateAPIPodStatus (a PodSyncHandler that says "evict" turns the phase to
// Failed with its reason and message, after the reason-preserving step and before the guard that
// keeps a terminal phase) and kubelet.go's sync loop (getPodsToSync asks ShouldSync at each 1 s
// tick), then syncPod returning isTerminal and the pod worker's SyncTerminatingPod killing the
// containers with the spec's grace (no override). Read at the stored commits of 1.3x; the handler
// is unchanged since 1.x, the terminal path since the 1.22 pod-worker rework, so 1.27–1.36 alike.

import type { PhaseExplanation } from '../kubelet/getPhase';
import type { PodSim } from './podSim';

export const DEADLINE_REASON = 'DeadlineExceeded';
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/**
 * The pod's status.startTime: the status manager sets it at the first status it writes, which in
 * the simulation is the first sync, when the pod is created on the node (t = 0 for a lone pod).
 */
const startTime = (sim: PodSim): number => sim.createdAt;

/** pastActiveDeadline: the pod has been active for at least activeDeadlineSeconds ([13.1]). */
export function pastActiveDeadline(sim: PodSim): boolean {
  const deadline = sim.pod.activeDeadlineSeconds;
  return deadline !== undefined && sim.now - startTime(sim) >= deadline - 1e-9;
}

export interface DeadlineVerdict extends PhaseExplanation {
  reason?: string;
  message?: string;
}

/**
 * generateAPIPodStatus's eviction step: past the deadline the phase is Failed with reason
 * DeadlineExceeded, unless the pod already had a terminal phase, which never changes ([6.5]);
 * the reason is set either way, as upstream does ([13.2]).
 */
export function applyActiveDeadline(sim: PodSim, explained: PhaseExplanation, previousPhase: string | undefined): DeadlineVerdict {
  if (!pastActiveDeadline(sim)) return explained;
  const verdict = { reason: DEADLINE_REASON, message: DEADLINE_MESSAGE };
  if (previousPhase === 'Succeeded' || previousPhase === 'Failed') return { ...explained, ...verdict };
  return {
    ...verdict,
    phase: 'Failed',
    rule: '13.2',
    why: `Failed [13.2]: the pod has been active for ${sim.pod.activeDeadlineSeconds}s, its activeDeadlineSeconds, so the kubelet fails it with reason DeadlineExceeded ("${DEADLINE_MESSAGE}"), running containers or not.`,
  };
}

/**
 * ShouldEvict's Event ([13.2]): generateAPIPodStatus asks the deadline handler at every status it
 * generates, and past the deadline the handler records Normal DeadlineExceeded each time (so a
 * deadline sync and SyncTerminatingPod's two statuses give `x3`). The first one is the cause of
 * the kill that follows.
 */
export function noteDeadlineExceeded(sim: PodSim): void {
  const id = sim.emit({
    type: 'pod.deadlineExceeded',
    why: `[13.2] The kubelet generates a status past the pod's activeDeadlineSeconds (${sim.pod.activeDeadlineSeconds}s): the deadline handler records Normal DeadlineExceeded ("${DEADLINE_MESSAGE}"), as it does at every status it generates from now on.`,
  });
  sim.terminalDecisionId ??= id;
}

/**
 * The sync loop's tick that finds the pod past its deadline (ShouldSync) and syncs it ([13.1]).
 * The ticker fires every second; the deadline is a whole number of seconds after the pod's start.
 */
export function watchActiveDeadline(sim: PodSim): void {
  const deadline = sim.pod.activeDeadlineSeconds;
  if (deadline === undefined) return;
  sim.k.at(startTime(sim) + deadline, () => sim.requestSync());
}
