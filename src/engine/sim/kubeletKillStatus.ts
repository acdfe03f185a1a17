// What a kill the kubelet asks for ([8.15], [8.16]; kubeletKill.ts) does to the status it
// generates: the status function's phase, reason and message (generateAPIPodStatus's merge with
// the cached status), and the DisruptionTarget condition as the API gets it.

import type { ExplainedCondition } from '../kubelet/conditions';
import type { PhaseExplanation } from '../kubelet/getPhase';
import type { PodSim } from './podSim';

export interface KubeletKill {
  /** Who asked: the eviction manager or the node shutdown manager. */
  kind: 'eviction' | 'shutdown';
  /** The event that asked for the kill, the cause of everything it does. */
  id: string;
  /** The override killPodNow was handed (its own timeout is reckoned from it, 0 included). */
  override: number;
  /** The grace the pod worker uses: calculateEffectiveGracePeriod's ([8.2]). */
  grace: number;
  /** The status function's reason and message. */
  reason: string;
  message: string;
  /** The status function adds DisruptionTarget (reason TerminationByKubelet): PodDisruptionConditions. */
  disruption: boolean;
  /** What the kill's why says a container is stopped for, e.g. "The kubelet evicts the pod". */
  doing: string;
  /** SyncTerminatingPod has begun: its statuses carry the status function (a sync in flight before it does not). */
  begun?: boolean;
  /** SyncTerminatingPod has returned: every container stopped and the final status written. */
  done?: boolean;
  /** Called when SyncTerminatingPod returns (the shutdown manager's group waits for it). */
  onDone?: () => void;
}

/**
 * The status function on a generated status (its reason and message), as generateAPIPodStatus
 * merges it: a non-terminal phase takes the cached Failed; a Failed phase keeps the reason; a
 * Succeeded one (every main container exited 0 once the pod was terminal) drops it.
 */
export function applyKubeletKill<T extends PhaseExplanation & { reason?: string; message?: string }>(sim: PodSim, verdict: T): T {
  const kill = sim.kubeletKill;
  if (!kill?.begun || verdict.phase === 'Succeeded') return verdict;
  return {
    ...verdict,
    phase: 'Failed',
    reason: kill.reason,
    message: kill.message,
    rule: kill.kind === 'eviction' ? '8.15' : '8.16',
    why: `Failed [${kill.kind === 'eviction' ? '8.15' : '8.16'}]: ${kill.doing}; its status function sets the phase Failed with reason ${kill.reason} ("${kill.message.trim()}"). The API gets it once no container runs [13.2].`,
  };
}

/**
 * The DisruptionTarget condition the status function added (reason TerminationByKubelet), as the
 * API gets it: only with the terminal phase, once the kill is over (mergePodStatus). Listed first,
 * as the kubelet copies it over before it appends its own conditions (a published evicted pod's
 * dump, kubernetes#105467).
 */
export function disruptionCondition(sim: PodSim): ExplainedCondition | undefined {
  const kill = sim.kubeletKill;
  if (!kill?.disruption || !kill.done || !kill.begun) return undefined;
  return {
    type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: kill.message,
    why: `[7.7] ${kill.doing}: its status function added DisruptionTarget (reason TerminationByKubelet); the status manager sends it with the terminal phase, once no container runs.`,
  };
}

/** The why of a Succeeded phase at the end of the kubelet's own kill, whose status function had said Failed. */
export function succeededAfterKubeletKill(sim: PodSim, phase: string | undefined): string | undefined {
  const kill = sim.kubeletKill;
  if (!kill?.done || phase !== 'Succeeded') return undefined;
  const rule = kill.kind === 'eviction' ? '8.15' : '8.16';
  return `Succeeded [${rule}] [6.2]: every main container exited 0 on its stop signal, and the pod is terminal, so getPhase says Succeeded (sidecars do not count). The kubelet's own status said Failed (${kill.reason}) since the kill began, but a cached terminal phase gives way to another terminal one, and the reason and message, kept only for the same phase, are dropped: nothing in the phase says the pod was ${kill.kind === 'eviction' ? 'evicted' : 'stopped for a node shutdown'}; DisruptionTarget does.`;
}
