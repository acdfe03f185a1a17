// KEP-5532, RestartAllContainers ([11.2], 1.35α / 1.36β): a matching exit restarts the whole pod
// in place. Every running container is killed at once, without preStop and without grace; the
// containers are removed from the runtime (their API statuses stay, waiting RestartingAllContainers);
// then a normal start-up runs from the first init container, in the same sandbox.

import type { PodActions } from '../kubelet/podActionsTypes';
import type { PodSim } from './podSim';
import { sigkill } from './process';

export function restartAllContainers(sim: PodSim, trigger: NonNullable<PodActions['restartAllContainers']>): void {
  const triggerExit = sim.rec(trigger.container).instances.at(-1)?.ids.exit;
  const restarting = sim.emit({
    type: 'pod.condition', condition: 'AllContainersRestarting', status: 'True', reason: 'RestartAllContainersStarted',
    why: `[11.2] ${trigger.container} exited with ${trigger.exitCode}, which matches its RestartAllContainers rule: the pod restarts in place.`,
  }, [triggerExit]);
  for (const spec of sim.specs()) {
    const inst = sim.running(spec.name);
    if (!inst) continue;
    inst.ids.kill = sim.emit({ type: 'container.kill', container: spec.name, reason: 'RestartAllContainers', gracePeriodSeconds: 0, why: '[11.2] An in-place restart kills every container at once: no preStop hook, no grace period.' }, [restarting]);
    sigkill(sim, inst, '[11.2] Killed at once for the in-place restart.', [inst.ids.kill]);
  }
  for (const spec of sim.specs()) sim.hiddenBelow.set(spec.name, sim.rec(spec.name).instances.length);
  sim.restartAllCount++;
  sim.emit({
    type: 'pod.condition', condition: 'AllContainersRestarting', status: 'False',
    why: '[11.2] Every container is gone from the runtime: a normal start-up follows, from the first init container; the sandbox, IP and volumes are kept.',
  }, [restarting]);
  sim.requestSync();
}

/** Whether an instance was removed from the runtime by an in-place restart. */
export function hiddenByRestartAll(sim: PodSim, name: string, attempt: number): boolean {
  return sim.hiddenBelow.size > 0 && attempt < (sim.hiddenBelow.get(name) ?? 0);
}
