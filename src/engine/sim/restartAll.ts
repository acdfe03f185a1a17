// KEP-5532, RestartAllContainers ([11.2], 1.35α / 1.36β): a matching exit restarts the whole pod
// in place. Every running container is killed at once, without preStop and without grace; the
// containers are removed from the runtime (their API statuses stay, waiting RestartingAllContainers);
// then a normal start-up runs from the first init container, in the same sandbox.

import type { PodActions } from '../kubelet/podActionsTypes';
import type { PodSim } from './podSim';
import { sigkill } from './process';
import { RESYNC_INTERVAL, jitteredDelay } from './timing';

export function restartAllContainers(sim: PodSim, trigger: NonNullable<PodActions['restartAllContainers']>): void {
  const triggerExit = sim.rec(trigger.container).instances.at(-1)?.ids.exit;
  const restarting = sim.emit({
    type: 'pod.condition', condition: 'AllContainersRestarting', status: 'True', reason: 'RestartAllContainersStarted',
    why: `[11.2] ${trigger.container} exited with ${trigger.exitCode}, which matches its RestartAllContainers rule: the pod restarts in place.`,
  }, [triggerExit]);
  let killed = 0;
  for (const spec of sim.specs()) {
    const inst = sim.running(spec.name);
    if (!inst) continue;
    killed++;
    inst.ids.kill = sim.emit({ type: 'container.kill', container: spec.name, reason: 'RestartAllContainers', gracePeriodSeconds: 0, why: '[11.2] An in-place restart kills every container at once: no preStop hook, no grace period.' }, [restarting]);
    sigkill(sim, inst, '[11.2] Killed at once for the in-place restart.', [inst.ids.kill]);
  }
  for (const spec of sim.specs()) sim.hiddenBelow.set(spec.name, sim.rec(spec.name).instances.length);
  sim.restartAllCount++;
  sim.emit({
    type: 'pod.condition', condition: 'AllContainersRestarting', status: 'False',
    why: `[11.2] Every container is gone from the runtime: a normal start-up follows, from the first init container; the sandbox, IP and volumes are kept.${slowStartUp(sim, killed) ? ' In 1.35 it waits for the pod worker\'s periodic resync: no other container was running, so no kill makes a ContainerDied event to sync the pod again, and the kubelet ignores ContainerRemoved (fixed in 1.36, kubernetes#136966).' : ''}`,
  }, [restarting]);
  // [11.2] The start-up is the next sync's. 1.35 syncs again only on a ContainerDied event (a
  // container this restart killed) or the periodic resync (completeWork: resyncInterval, jittered);
  // from 1.36 (#136966) the kubelet asks for the sync itself once the restart removed containers.
  if (slowStartUp(sim, killed)) sim.worker.requeueAt(sim.now + jitteredDelay(RESYNC_INTERVAL, sim.scenario.sim.requeueJitter));
  else sim.requestSync();
}

/** [11.2] 1.35 only: the restart killed no running container, so nothing but the resync syncs the pod again. */
function slowStartUp(sim: PodSim, killed: number): boolean {
  return sim.minor === 35 && killed === 0;
}

/** Whether an instance was removed from the runtime by an in-place restart. */
export function hiddenByRestartAll(sim: PodSim, name: string, attempt: number): boolean {
  return sim.hiddenBelow.size > 0 && attempt < (sim.hiddenBelow.get(name) ?? 0);
}
