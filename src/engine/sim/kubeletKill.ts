// A pod the kubelet itself kills ([8.15] an eviction under node pressure, [8.16] a graceful node
// shutdown): pod_workers.go killPodNow, read at the 1.27-era and newest stored copies. It hands the
// pod worker an UpdatePod of type SyncPodKill with a grace override and a status function; the pod
// turns terminating without a deletionTimestamp, and SyncTerminatingPod (kubelet.go, 1.27 and 1.3x
// copies) then, at its next runtime cache ([0.6]):
// - generates the status and applies the function: the kubelet's own status reads Failed (unless
//   Succeeded) with the caller's reason and message, and a DisruptionTarget condition;
// - stops the liveness and startup workers; the readiness workers leave at their next tick, as
//   doProbe reads a terminal phase from the status manager (worker.go), so no result changes again;
// - kills every container as a deletion would ([8.3]-[8.7], [8.12]) with the effective grace;
// - generates the final status with podIsTerminal: getPhase counts the main containers only, so
//   a pod whose main containers all exited 0 on the stop signal is Succeeded, and, its phase no
//   longer the cached Failed, loses the reason and message (generateAPIPodStatus keeps them only
//   for the same phase); the DisruptionTarget condition is copied over either way.
// The status manager's mergePodStatus holds the terminal phase, its reason and message, and the
// DisruptionTarget condition back from the API while a container could run ([13.2]), so until the
// kill is over the API and `kubectl get pod` still show the pod Running, as it was. The object stays.
// killPodNow itself waits at most max(1.5 x the raw override, 10 s), then records Warning
// ExceededGracePeriod ("Container runtime did not kill the pod within specified grace period.")
// and returns, while the kill goes on.

import type { Proc } from './kernel';
import type { PodSim } from './podSim';
import { killPod } from './kill';
import { readAtLastRelist } from './relistSnapshot';
import { writeStatus } from './status';
import { removeExitedAfterEviction } from './evictedCleanup';
import { runningNames, terminationEnded } from './terminate';
import { startTermination } from './terminationStart';
import type { KubeletKill } from './kubeletKillStatus';

export type { KubeletKill } from './kubeletKillStatus';

/**
 * calculateEffectiveGracePeriod for a kill (pod_workers.go, 1.27-1.37): an override of 0 counts as
 * no value, so the spec's grace applies; a deletion's shorter grace wins; at least 1 s.
 */
export function effectiveKillGrace(sim: PodSim, override: number): number {
  let grace = override > 0 ? override : sim.pod.terminationGracePeriodSeconds;
  if (sim.deletion) grace = Math.min(grace, sim.deletion.grace);
  return Math.max(1, grace);
}

/** killPodNow's own timeout: max(1.5 x the override it was handed, 10 s). */
export function killPodNowTimeout(override: number): number {
  return Math.max(1.5 * override, 10);
}

/** killPodNow's Warning ExceededGracePeriod message (pod_workers.go). */
export const EXCEEDED_GRACE_MESSAGE = 'Container runtime did not kill the pod within specified grace period.';

/** What killPodNow found: a kill it began, a termination under way it waits for, or no active pod. */
export type KillRequest = 'begun' | 'joined' | 'inactive';

function anyRunning(sim: PodSim): boolean {
  return sim.specs().some((c) => sim.running(c.name));
}

/**
 * Whether the pod's termination is already under way: a deletion, another kill of the kubelet's,
 * or a terminal phase whose containers are still being stopped. Such a pod is still active
 * (filterOutInactivePods), so the eviction and shutdown managers still ask for it.
 */
export function terminationUnderWay(sim: PodSim): boolean {
  return sim.deletion !== undefined || (sim.kubeletKill !== undefined && !sim.kubeletKill.done) || (sim.terminalDone && anyRunning(sim));
}

/** The kubelet still counts the pod among its active pods: not gone, and not terminal with its containers stopped. */
export function isActive(sim: PodSim): boolean {
  return !sim.gone && !sim.poweredOff && (terminationUnderWay(sim) || !(sim.terminalDone || sim.terminalAt !== undefined));
}

/**
 * killPodNow. A pod already stopped and terminal is no longer active: nothing to do. A pod whose
 * termination is under way keeps it, its grace and its status: UpdatePod queues the request's
 * completion and status function behind it ([8.2b]), and killPodNow waits for that termination.
 * Otherwise the pod worker turns to terminating the pod for this kill. Either way killPodNow gives
 * up after max(1.5 x the override, 10 s), with Warning ExceededGracePeriod, if containers still run;
 * `kill.onDone` runs once the termination is over.
 */
export function killPodNow(sim: PodSim, kill: KubeletKill): KillRequest {
  if (!isActive(sim)) return 'inactive';
  const joined = terminationUnderWay(sim);
  if (joined) sim.k.spawn('killPodNowWaits', waitForTermination(sim, kill));
  else {
    sim.kubeletKill = kill;
    startTermination(sim, (startAt) => terminateForKubelet(sim, kill, startAt), () => completedBySyncInFlight(kill));
  }
  sim.k.after(killPodNowTimeout(kill.override), () => {
    if (sim.gone || sim.poweredOff || (joined ? !anyRunning(sim) : kill.done)) return;
    sim.emit({
      type: 'pod.exceededGracePeriod',
      why: `[8.15] killPodNow waited ${killPodNowTimeout(kill.override)}s (max(1.5 x the ${kill.override}s override it was handed, 10s)) and the pod is not stopped yet: the kubelet records Warning ExceededGracePeriod "Container runtime did not kill the pod within specified grace period." and stops waiting, while the ${joined ? 'termination under way' : 'kill'} goes on.`,
    }, [kill.id]);
  });
  return joined ? 'joined' : 'begun';
}

/**
 * [3.4] The sync in flight found the pod terminal (a deletion meanwhile) and the worker terminated it
 * itself: the kill's request completes with that termination, its status function never applied
 * (fuzz seed 1403489346: a deletion 0.1 s after the eviction waited for the kill's end forever).
 */
function completedBySyncInFlight(kill: KubeletKill): undefined {
  kill.done = true;
  kill.onDone?.();
  return undefined;
}

/** The termination under way ends (nothing runs any more): the queued request completes with it. */
function* waitForTermination(sim: PodSim, kill: KubeletKill): Proc<void> {
  yield { until: () => !anyRunning(sim) };
  kill.onDone?.();
}

/** SyncTerminatingPod for a kill the kubelet asked for; `startAt`: its runtime cache ([0.6]). */
function* terminateForKubelet(sim: PodSim, kill: KubeletKill, startAt: number): Proc<void> {
  if (startAt > sim.now) yield { sleep: startAt - sim.now };
  sim.terminalDone = true; // one SyncTerminatingPod per pod: no sync, no other termination from here
  kill.begun = true; // the status function applies from this status on
  kill.grace = effectiveKillGrace(sim, kill.override); // a deletion since the request may have lowered it
  // the status function's status, written from the last relist's cache entry ([0.6], [8.10]); the kill reads that entry too ([8.11])
  const seenRunning = readAtLastRelist(sim, () => { writeStatus(sim); return runningNames(sim); });
  sim.probes.stop(['startup', 'liveness', 'readiness']); // [5.8] StopLivenessAndStartup; readiness sees the cached Failed phase
  const legacy = sim.minor <= 27 ? { hookBound: sim.pod.terminationGracePeriodSeconds } : undefined; // [8.12] no deletion: the spec's grace bounds the hook
  yield* killPod(sim, kill.grace, 'PodTermination', (name) => killWhy(sim, kill, name), () => [kill.id], seenRunning, legacy);
  kill.done = true;
  sim.probes.stop(['readiness']);
  sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false };
  removeExitedAfterEviction(sim); // [8.15] what the deletor removed during the kill is missing from the runtime's answer
  writeStatus(sim); // the final status: getPhase with podIsTerminal, the DisruptionTarget copied over
  terminationEnded(sim); // SyncTerminatedPod at the next relist (a deletion's removal waits for it)
  kill.onDone?.();
}

function killWhy(sim: PodSim, kill: KubeletKill, name: string): string {
  const spec = sim.rec(name).spec;
  const within = `within the ${kill.grace}s grace period the pod worker takes from the ${kill.override}s override${kill.override === 0 ? ' (0 reads as no value: the spec\'s)' : ''}`;
  if (spec.kind === 'sidecar' && sim.minor >= 29) return `[8.4] ${kill.doing}: ${name} is a sidecar, so its stop signal waits until the main containers and later sidecars have stopped, ${within}.`;
  if (spec.kind === 'sidecar') return `[8.7] ${kill.doing}: in 1.28 sidecars stop together with the main containers, ${within}.`;
  return `[8.3] ${kill.doing}: ${name} gets its preStop hook (if any) and its stop signal, ${within}.`;
}
