// [8.15] The kubelet's eviction manager evicts the pod under node pressure (an `evictPod` event):
// eviction_manager.go synchronize and evictPod, read at a 1.27-1.30-era copy (a hard threshold passes
// a 0 override; DisruptionTarget behind PodDisruptionConditions), a 1.32-1.34 one and a 1.35+ one
// (immediateEvictionGracePeriodSeconds = 1, #124063 in 1.31; a soft threshold's
// min(evictionMaxPodGracePeriod, the pod's grace), #122890 in 1.32); helpers.go for the message.
// evictPod records Warning Evicted on the pod and calls killPodNow (kubeletKill.ts) with a status
// function: phase Failed, reason Evicted, the message, DisruptionTarget (TerminationByKubelet).
// The pod object stays; nothing restarts; a critical pod is never evicted.

import type { SimEvent } from '../scenario/types';
import type { PodSim } from './podSim';
import { effectiveKillGrace, isActive, killPodNow, killPodNowTimeout, terminationUnderWay } from './kubeletKill';
import { closeHorizonAfterKill } from './terminate';
import { scheduleEvictedCleanup } from './evictedCleanup';

/** The message's first sentence (helpers.go nodeLowMessageFmt; every piece ends with ". "). */
export const EVICTION_MESSAGE = 'The node was low on resource: memory. ';

/** The priority from which a pod is critical (scheduling.SystemCriticalPriority): the kubelet never evicts it. */
export const SYSTEM_CRITICAL_PRIORITY = 2000000000;

/** The override evictPod hands killPodNow ([8.15]). */
export function evictionOverride(sim: PodSim, threshold: 'hard' | 'soft'): number {
  if (threshold === 'hard') return sim.minor >= 31 ? 1 : 0;
  const max = sim.scenario.sim.kubelet.evictionMaxPodGracePeriod ?? 0;
  return sim.minor >= 32 ? Math.min(max, sim.pod.terminationGracePeriodSeconds) : max;
}

export function evictPod(sim: PodSim, ev: SimEvent): void {
  const threshold = ev.threshold ?? 'hard';
  const critical = (sim.pod.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
  if (sim.kubeletDown || critical || sim.evicted !== undefined || !isActive(sim)) {
    sim.emit({ type: 'node.eviction', do: 'evictPod', why: notEvictedWhy(sim, critical) });
    return;
  }
  const override = evictionOverride(sim, threshold);
  const grace = effectiveKillGrace(sim, override);
  const id = sim.emit({ type: 'node.eviction', do: 'evictPod', message: EVICTION_MESSAGE, why: terminationUnderWay(sim) ? joinedWhy(override) : evictionWhy(sim, threshold, override, grace) });
  // [8.15] UpdatePod marks the pod worker evicted only when the kill starts its termination (not for
  // a pod already deleted or terminal): from then on its exited containers are removed (evictedCleanup.ts)
  const removesContent = !terminationUnderWay(sim);
  sim.evicted = { id, at: sim.now, removesContent };
  if (removesContent) scheduleEvictedCleanup(sim); // an exit not yet reported is reported at the next relist
  const disruption = sim.minor >= 31 || sim.gates.PodDisruptionConditions;
  killPodNow(sim, {
    kind: 'eviction', id, override, grace, reason: 'Evicted', message: EVICTION_MESSAGE, disruption,
    doing: 'The kubelet evicts the pod',
    onDone: () => closeHorizonAfterKill(sim),
  });
}

function notEvictedWhy(sim: PodSim, critical: boolean): string {
  if (sim.kubeletDown) return '[8.15] No kubelet runs now, so no eviction manager either: nothing happens.';
  if (critical) return `[8.15] The pod is critical (priority ${sim.pod.priority}): the eviction manager never evicts it ("cannot evict a critical pod").`;
  if (sim.evicted !== undefined) return '[8.15] The eviction manager evicted this pod already: it evicts at most one pod a pass, blocks in killPodNow until the kill returns, then waits up to 30 s for the pod\'s resources (waitForPodsCleanup); by its next pass the pod is no longer active. Nothing happens.';
  return '[8.15] The pod is terminal and its containers have stopped: the eviction manager ranks only active pods, so it is not evicted.';
}

function joinedWhy(override: number): string {
  return `[8.15] [8.2] The node is under memory pressure and the pod, though already being stopped, is still an active pod: the kubelet's eviction manager records Warning Evicted ("${EVICTION_MESSAGE.trim()}") and calls killPodNow with a ${override}s override. The pod worker queues that request behind the termination under way, which keeps its own grace and status; killPodNow waits for it at most ${killPodNowTimeout(override)}s.`;
}

function evictionWhy(sim: PodSim, threshold: 'hard' | 'soft', override: number, grace: number): string {
  const spec = sim.pod.terminationGracePeriodSeconds;
  const max = sim.scenario.sim.kubelet.evictionMaxPodGracePeriod ?? 0;
  const how = threshold === 'hard'
    ? sim.minor >= 31
      ? 'A hard threshold: the kubelet evicts at once, with a 1 s grace override (immediateEvictionGracePeriodSeconds, 1.31+).'
      : `A hard threshold: the kubelet evicts with a 0 override, which the pod worker reads as no value, so the pod's own ${spec}s apply (1.27-1.30; 1 s from 1.31).`
    : sim.minor >= 32
      ? `A soft threshold: the override is min(evictionMaxPodGracePeriod ${max}s, the pod's ${spec}s) (1.32+)${override === 0 ? ', 0: no value, so the pod\'s own grace' : ''}.`
      : `A soft threshold: the override is evictionMaxPodGracePeriod, ${max}s${max > spec ? ', even longer than the pod\'s own grace (until 1.32)' : ''}${override === 0 ? ', 0: no value, so the pod\'s own grace' : ''}.`;
  return `[8.15] The node is under memory pressure: the kubelet's eviction manager records Warning EvictionThresholdMet on the node and Warning Evicted on the pod ("${EVICTION_MESSAGE.trim()}"), and kills it. ${how} The containers stop within ${grace}s, sidecars last; the pod is not deleted and nothing restarts.`;
}
