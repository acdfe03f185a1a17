// [8.16] A graceful node shutdown (a `shutdownNode` event): the kubelet's shutdown manager
// (nodeshutdown_manager_linux.go processShutdownEvent, a 1.27-1.30-era copy; the 1.32+ split
// nodeshutdown_manager.go podManager.killPods) holds the machine's shutdown with an inhibitor lock
// and kills the pods group by group, lowest priority first: with shutdownGracePeriod and
// shutdownGracePeriodCriticalPods, one group of regular pods with the difference as its window and
// one of critical pods (priority 2000000000 and up) with the rest; with shutdownGracePeriodByPodPriority
// (gate GracefulNodeShutdownBasedOnPodPriority), one group per entry (shutdownGroups.ts). An empty
// group is skipped. Each pod is killed through killPodNow (kubeletKill.ts) with the override min(its
// terminationGracePeriodSeconds, the window) and a status function: phase Failed, reason
// Terminated, message "Pod was terminated in response to imminent node shutdown.", and
// DisruptionTarget. A group ends when every kill returned (1.32+: and the pods' volumes are
// unmounted, after SyncTerminatedPod; #125070) or its window ran out; after the last group the lock
// is released and the node powers off: what still runs dies with it, and no status is written again.

import type { Proc } from './kernel';
import type { PodSim } from './podSim';
import { exitProcess } from './process';
import { effectiveKillGrace, isActive, killPodNow, killPodNowTimeout } from './kubeletKill';
import { groupIndex, periodRequested, shutdownPlan, whyThisEntry, type ShutdownPlan } from './shutdownGroups';
import { abandonKill } from './restartDuringDeletion';
import { closeHorizonAfterKill } from './terminate';
import { RELIST_PERIOD } from './timing';

export const SHUTDOWN_REASON = 'Terminated';
export const SHUTDOWN_MESSAGE = 'Pod was terminated in response to imminent node shutdown.';
export { DEFAULT_SHUTDOWN_GRACE, DEFAULT_SHUTDOWN_GRACE_CRITICAL } from './shutdownGroups';

/** The pod's group, its window (seconds) and how the why names them ([8.16]: migrateConfig, groupByPriority). */
export function shutdownWindow(sim: PodSim, plan = shutdownPlan(sim.scenario.sim.kubelet, sim.gates)): { window: number; holds: string; group: string } {
  const priority = sim.pod.priority ?? 0;
  const index = groupIndex(plan.periods, priority);
  const entry = plan.periods[index]!;
  if (plan.source === 'migrated') {
    const critical = index === 1;
    return {
      window: entry.seconds,
      holds: `shutdownGracePeriod (${plan.total}s)`,
      group: critical ? `the critical pods' group (priority ${sim.pod.priority}; the regular group has no pod and is skipped)` : 'the regular pods\' group',
    };
  }
  const others = plan.periods.length - 1;
  const skipped = others === 0 ? 'it is the only group' : `the other ${others === 1 ? 'group has' : `${others} groups have`} no pod and ${others === 1 ? 'is' : 'are'} skipped`;
  return {
    window: entry.seconds,
    holds: `the sum of its shutdownGracePeriodByPodPriority windows (${periodRequested(plan)}s)`,
    group: `the group of the entry {priority: ${entry.priority}, shutdownGracePeriodSeconds: ${entry.seconds}} (kubelet.shutdownGracePeriodByPodPriority[${entry.written}]; pod priority ${priority}: ${whyThisEntry(plan.periods, index, priority)}; ${skipped})`,
  };
}

/** Graceful node shutdown is off or cannot act: nothing holds the shutdown back. */
function offReason(sim: PodSim, plan: ShutdownPlan): string | undefined {
  if (sim.kubeletDown) return '[8.16] The node shuts down while no kubelet runs: nothing holds the shutdown back.';
  if (plan.periods.length === 0) return '[8.16] The node shuts down, but shutdownGracePeriod is 0: graceful node shutdown is off, so nothing holds it back.';
  return undefined;
}

export function shutdownNode(sim: PodSim): void {
  const plan = shutdownPlan(sim.scenario.sim.kubelet, sim.gates);
  const off = offReason(sim, plan);
  if (off) {
    const id = sim.emit({ type: 'node.shutdown', do: 'shutdownNode', why: off });
    powerOff(sim, id);
    return;
  }
  if (!isActive(sim)) { // terminal with its containers stopped: no group has a pod, each is skipped
    const id = sim.emit({ type: 'node.shutdown', do: 'shutdownNode', why: '[8.16] The node is shutting down, but the pod is terminal and its containers have stopped: it is no longer an active pod, so every group of the shutdown manager is empty and skipped, and the node powers off at once.' });
    powerOff(sim, id);
    return;
  }
  const { window, holds, group } = shutdownWindow(sim, plan);
  const spec = sim.pod.terminationGracePeriodSeconds;
  const override = spec <= window ? spec : window;
  const grace = effectiveKillGrace(sim, override);
  const id = sim.emit({
    type: 'node.shutdown', do: 'shutdownNode',
    why: `[8.16] The node is shutting down: the kubelet's shutdown manager holds it back for ${holds} and kills the pods group by group, lowest priority first. This pod is in ${group}, whose window is ${window}s: it is killed with min(its ${spec}s grace, ${window}s) = ${override}s${override === 0 ? ' (0 reads as no value: the pod\'s own grace)' : ''}, sidecars last. The node powers off when the group is done or its window runs out.`,
  });
  const groupDone = () => powerOff(sim, id);
  const windowEnd = sim.now + window;
  const windowEnds = sim.k.after(window, groupDone);
  let returned = false;
  // killPodNow returned: up to 1.31 the group is done; from 1.32 it also waits for the pod's
  // volumes, unmounted after SyncTerminatedPod (a relist after the termination), within the window.
  const killReturned = () => {
    if (returned) return;
    returned = true;
    if (sim.minor <= 31) {
      sim.k.cancel(windowEnds);
      groupDone();
      return;
    }
    sim.k.spawn('shutdownUnmount', waitForUnmount(sim, windowEnd, () => { sim.k.cancel(windowEnds); groupDone(); }));
  };
  const request = killPodNow(sim, {
    kind: 'shutdown', id, override, grace, reason: SHUTDOWN_REASON, message: SHUTDOWN_MESSAGE,
    disruption: sim.minor >= 31 || sim.gates.PodDisruptionConditions,
    doing: 'The node is shutting down',
    onDone: killReturned,
  });
  if (request === 'inactive') { // a pod no longer active: its group is empty, skipped at once
    sim.k.cancel(windowEnds);
    groupDone();
    return;
  }
  // killPodNow gives up after max(1.5 x the override, 10 s): the group then counts the pod as done
  const returns = killPodNowTimeout(override);
  if (returns < window) sim.k.after(returns, killReturned);
}

/** [8.16] 1.32+: WaitForAllPodsUnmount, bounded by the group's window: a relist after nothing runs. */
function* waitForUnmount(sim: PodSim, windowEnd: number, done: () => void): Proc<void> {
  const running = () => sim.specs().some((c) => sim.running(c.name));
  if (running()) yield { until: () => !running(), timeout: Math.max(0, windowEnd - sim.now) };
  if (!running()) yield { sleep: Math.max(0, Math.min(RELIST_PERIOD, windowEnd - sim.now)) };
  done();
}

/** The inhibitor lock is released and the node powers off: the containers die with it, the kubelet with them. */
function powerOff(sim: PodSim, cause: string): void {
  if (sim.poweredOff) return;
  sim.poweredOff = true;
  const running = sim.specs().some((c) => sim.running(c.name));
  const id = sim.emit({
    type: 'node.poweredOff', do: 'powerOff',
    why: running
      ? '[8.16] The node powers off with containers still running: they die with it, and no kubelet is left to write a status, so the API keeps the last one it got (kubernetes#110755).'
      : sim.kubeletKill?.done
        ? `[8.16] The shutdown manager's group is done: it releases the inhibitor lock and the node powers off.${sim.minor <= 31 ? ' (Up to 1.31 it does not wait for the final status to reach the API: a real node may power off first.)' : ''}`
        : '[8.16] The node powers off.',
  }, [cause]);
  abandonKill(sim, id, '[8.16] The node powers off: the hook ends with the kubelet.');
  sim.kubeletDown = true;
  sim.worker.stop();
  sim.probes.stop(['startup', 'liveness', 'readiness']);
  for (const spec of sim.specs()) {
    const inst = sim.running(spec.name);
    if (inst) exitProcess(sim, inst, 255, false, 'The container died with the node (exit 255); no kubelet reports it.', 'Unknown', [id]);
  }
  closeHorizonAfterKill(sim);
}
