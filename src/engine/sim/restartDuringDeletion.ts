// [8.14] A kubelet restart or a node reboot while the pod is being deleted. The old kubelet's kill
// dies with its process: its preStop waits, the sidecars' turns and the SIGKILLs it would have sent
// (containerd's stopContainer returns on the cancelled request before its own SIGKILL, so the
// runtime sends none either). A process that got its stop signal goes on handling it. The new
// kubelet finds the pod deleted and kills again with the deletion's whole grace
// (terminate.ts terminateAfterKubeletRestart); it makes no probe worker for it (no SyncPod, so no
// AddPod), and a rebooted node gets no new sandbox.

import { bringKubeletBack, removeExitedRecords } from './node';
import type { PodSim } from './podSim';
import { exitProcess } from './process';
import { terminateAfterKubeletRestart } from './terminate';
import { KUBELET_DOWNTIME } from './timing';


/**
 * The old kubelet's termination stops where it waits; its preStop hooks are no longer waited for.
 * `hookWhy`: the one why of every hook it leaves (a node powering off, [8.16]), else a restart's.
 */
export function abandonKill(sim: PodSim, cause: string, hookWhy?: string): void {
  sim.k.kill(sim.terminating);
  sim.terminating = undefined;
  for (const task of sim.podKillTasks) sim.k.kill(task);
  sim.podKillTasks = [];
  for (const [inst, hook] of [...sim.hooks]) {
    sim.hooks.delete(inst);
    const spec = sim.rec(inst.container).spec;
    const sleep = (hook === 'preStop' ? spec.preStop : spec.postStart)?.handler === 'sleep';
    sim.emit({
      type: 'hook.end', container: inst.container, hook,
      why: hookWhy ?? sleep
        ? `[8.14] The sleep ${hook} hook ran in the old kubelet (runSleepHandler): it ends with that process.`
        : hook === 'preStop'
        ? '[8.14] The old kubelet no longer waits for this preStop hook; the new one runs it again.'
        : '[8.14] The old kubelet no longer waits for this postStart hook, and the new one, finding the pod deleted, starts nothing: no FailedPostStartHook is recorded.',
    }, [cause]);
  }
  for (const rec of sim.recordList) rec.killing = false;
}

export function restartKubeletDuringDeletion(sim: PodSim, reboot: boolean, removeExited = false): void {
  const removed = sim.apiRemovedAt !== undefined;
  const grace = sim.deletion!.grace;
  const id = sim.emit(reboot
    ? { type: 'node.reboot', do: 'recreateSandbox', why: '[2.9] [8.14] The node reboots while the pod is being deleted: the pod sandbox and every container in it are gone, and the kubelet\'s kill with them.' }
    : { type: 'node.kubeletRestart', do: 'restartKubelet', why: `[8.14] The kubelet restarts while the pod is being deleted: it is down for ${KUBELET_DOWNTIME}s. The containers keep running; its kill ends where it was (a preStop wait, a sidecar's turn, a SIGKILL not yet sent), and the runtime sends no SIGKILL in its place.` });
  abandonKill(sim, id);
  if (reboot) {
    for (const spec of sim.specs()) {
      const inst = sim.running(spec.name);
      if (inst) exitProcess(sim, inst, 255, false, 'The container died with the node (exit 255).', 'Unknown', [id]);
    }
    sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false, lostBy: id };
  }
  if (removeExited) removeExitedRecords(sim, id);
  const back = removed
    ? '[8.14] The kubelet is back; the pod object is gone (force-deleted), so it never hears of the pod, and its housekeeping kills what still runs as an orphan.'
    : reboot
    ? '[8.14] The kubelet is back and finds the pod deleted: it makes no sandbox and starts nothing; it writes the terminal status and the pod is removed.'
    : `[8.14] A new kubelet finds the pod deleted (UpdatePod: "Pod is marked for graceful deletion, begin teardown"): it starts nothing and stops what still runs with the deletion's whole ${grace}s grace again, preStop hooks included, from its first relist; nothing remembers the old countdown.`;
  bringKubeletBack(sim, back, id, () => {
    terminateAfterKubeletRestart(sim, id);
  });
}
