// Node-level events ([2.9], kubelet-cases section 5 item 8): a kubelet restart with the sandbox
// intact, and a node reboot that loses the sandbox. The kubelet is down for a few seconds; the
// containers keep running through a kubelet restart and die with the sandbox on a reboot. They
// are the node's doing, not the user's: the trace writes them as `node.*` events, never `fault`
// (contract section 3, second round), keeping the scenario action's name in `do`.

import type { PodSim } from './podSim';
import { exitProcess } from './process';
import { KUBELET_DOWNTIME } from './timing';
import { keepsStatusAcrossKubeletRestart } from './kubeletRestartStatus';
import { terminateAfterKubeletRestart } from './terminate';

/** The kubelet goes down for KUBELET_DOWNTIME, then a new one starts; `onBack` runs once it has. */
export function bringKubeletBack(sim: PodSim, why: string, downId: string, onBack?: () => void): void {
  sim.kubeletDown = true;
  sim.worker.stop();
  sim.probes.stop(['startup', 'liveness', 'readiness']);
  sim.k.after(KUBELET_DOWNTIME, () => {
    sim.kubeletDown = false;
    sim.kubeletStartedAt = sim.now;
    // A new kubelet's reason cache (NewReasonCache, in memory) is empty: no start error of the old
    // one turns a written Terminated status Waiting (convertToAPIContainerStatuses' last loop).
    for (const rec of sim.recordList) {
      if (rec.startError === undefined) continue;
      rec.startError = undefined;
      sim.containerChanged(rec);
    }
    // [0.2] a new kubelet recreates its probe workers; from 1.35 they start from the written status (E73).
    sim.probes.restart(keepsStatusAcrossKubeletRestart(sim));
    sim.emit({ type: 'node.kubeletStarted', do: 'kubeletStarted', why }, [downId]);
    sim.requestSync();
    if (onBack) onBack();
    // [8.14] deleted while no kubelet ran: the new one finds the deletion (or, the object gone, an orphan)
    // (a termination already over, such as an eviction's [8.15], leaves a done task behind: fuzz seed 1390240477)
    else if (sim.deletion && (!sim.terminating || sim.terminating.done) && !sim.gone) terminateAfterKubeletRestart(sim, downId);
  });
}

/** [10.3] While the kubelet is down, the runtime records of the exited containers are deleted. */
export function removeExitedRecords(sim: PodSim, cause: string): void {
  for (const spec of sim.specs()) {
    const inst = sim.rec(spec.name).instances.at(-1);
    if (inst?.state === 'exited') sim.removedFromRuntime.add(inst);
  }
  sim.emit({ type: 'node.containersRemoved', do: 'removeExitedContainers', why: '[10.3] While the kubelet is down, the runtime records of the exited containers are deleted (E24, E26).' }, [cause]);
}

export function restartKubelet(sim: PodSim, removeExited = false): void {
  const id = sim.emit({ type: 'node.kubeletRestart', do: 'restartKubelet', why: `The kubelet restarts: it is down for ${KUBELET_DOWNTIME}s while the containers keep running (E23–E26, E73).` });
  if (removeExited) removeExitedRecords(sim, id);
  bringKubeletBack(sim, 'The kubelet is back: it rebuilds its state from the runtime and syncs the pod; completed init containers are not re-run (E23).', id);
}

/**
 * [2.12] The sandbox alone dies (its pause process killed): the kubelet stays up and the containers
 * keep running in it until the next relist's sync finds it dead ([2.11]) and kills them.
 */
export function killSandbox(sim: PodSim): void {
  if (!sim.sandbox.ready || sim.deletion || sim.kubeletDown) {
    sim.emit({ type: 'node.sandboxDied', do: 'killSandbox', why: '[2.12] No live sandbox to kill now (not made yet, already dead, or the pod is terminating): nothing happens.' });
    return;
  }
  const id = sim.emit({ type: 'node.sandboxDied', do: 'killSandbox', why: '[2.12] The pod sandbox dies (its pause process is killed): the containers keep running, but the namespaces and the IP they shared are gone. The PLEG sees it at the next relist.' });
  sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false, lostBy: id }; // [7.1] the next status the kubelet writes says so
  sim.noticeSandboxChange();
}

export function recreateSandbox(sim: PodSim): void {
  const id = sim.emit({ type: 'node.reboot', do: 'recreateSandbox', why: '[2.9] The node reboots: the pod sandbox and every container in it are gone.' });
  for (const spec of sim.specs()) {
    const inst = sim.running(spec.name);
    if (inst) exitProcess(sim, inst, 255, false, 'The container died with the node (exit 255).', 'Unknown', [id]);
  }
  sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false, lostBy: id }; // [7.1] the next status the kubelet writes says so
  bringKubeletBack(sim, '[2.9] The kubelet is back and finds the sandbox dead: it creates a new one and runs the init containers again from the first (E22, E70).', id);
}
