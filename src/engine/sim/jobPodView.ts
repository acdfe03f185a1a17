// What the Job controller reads of one of its pods ([16]): the pod as the API object shows it to
// the controller's informer: whether and how it finished, and when, in the API's whole seconds
// (backoff_utils.go getFinishedTime); the exit codes podFailurePolicy matches; the restarts
// pastBackoffLimitOnFailure sums. The controller's decisions are jobController.ts.

import type { PodSim } from './podSim';
import { apiSecond } from '../kubectl/humanDuration';

export interface JobPod {
  sim: PodSim;
  name: string;
  start: number;
  index?: number;
  /** How the controller counted it, once it did. */
  outcome?: 'Succeeded' | 'Failed';
  /** The id of the event that made it finish for the controller (its terminal phase, or its deletion). */
  finishedBy?: string;
}

/**
 * The pod counts as failed for the controller (isPodFailed): Failed, or deleted before it
 * succeeded unless only failed pods are replaced. `at` is its finish time as the controller reads
 * it from the API object, in whole seconds ([16.3]): the pod back-off counts from there.
 */
export function finishOf(p: JobPod, onlyFailed: boolean): { outcome: 'Succeeded' | 'Failed'; at: number; by?: string } | undefined {
  const sim = p.sim;
  if (sim.apiTerminalAt !== undefined) {
    return { outcome: sim.status.view.phase === 'Succeeded' ? 'Succeeded' : 'Failed', at: apiSecond(finishedTime(sim)), by: sim.terminalPhaseId };
  }
  if (sim.deletion && !onlyFailed) return { outcome: 'Failed', at: apiSecond(sim.deletion.at), by: sim.deletion.id };
  if (sim.gone) return { outcome: 'Failed', at: apiSecond(sim.now), by: sim.deletion?.id };
  return undefined;
}

/** getFinishedTime: the latest finishedAt of the main containers and sidecars, else when the terminal phase was written. */
function finishedTime(sim: PodSim): number {
  let latest = -Infinity;
  for (const spec of sim.specs()) {
    if (spec.kind === 'init') continue;
    const at = sim.records.get(spec.name)?.instances.at(-1)?.finishedAt;
    if (at === undefined) return sim.apiTerminalAt!;
    latest = Math.max(latest, at);
  }
  return Number.isFinite(latest) ? latest : sim.apiTerminalAt!;
}

/**
 * What podFailurePolicy's onExitCodes reads ([16.7], matchOnExitCodes, pod_failure_policy.go, 1.3x):
 * the Terminated exit codes of the pod's written status, main containers first, then the init
 * containers, sidecars included (a sidecar SIGKILLed at the pod's end brings its 137).
 */
export function exitCodes(sim: PodSim): Map<string, number> {
  const codes = new Map<string, number>();
  const { containerStatuses, initContainerStatuses } = sim.status.api;
  for (const list of [containerStatuses, initContainerStatuses]) {
    for (const s of list) {
      const code = s.state.terminated?.exitCode;
      if (code !== undefined && !codes.has(s.name)) codes.set(s.name, code);
    }
  }
  return codes;
}

/** Restarts of a running or pending pod's containers, as its written status shows them. */
export function restartsOf(sim: PodSim): number {
  if (sim.status.view.phase !== 'Running' && sim.status.view.phase !== 'Pending' && sim.status.view.phase !== undefined) return 0;
  let n = 0;
  for (const s of sim.status.api.initContainerStatuses) n += s.restartCount;
  for (const s of sim.status.api.containerStatuses) n += s.restartCount;
  return n;
}
