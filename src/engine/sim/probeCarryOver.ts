// What a restarted kubelet's new probe workers take from the old ones ([5.16], 1.35+ with
// ChangeContainerStatusOnKubeletRestart off): doProbe sets no initial result for a container that
// was running 10 s before the kubelet started (prober_manager.go kubeletRestartGracePeriod), so its
// workers go on from the last result; a younger container's workers start over.

import type { Worker } from './probeWorker';

/**
 * Copies each old worker's result onto its new worker when its container was already running at
 * `graceStart` (the kubelet's start minus the 10 s grace). The new workers left without an instance
 * start over.
 */
export function carryOverResults(previous: readonly Worker[], fresh: readonly Worker[], graceStart: number): void {
  const byKey = new Map(previous.map((w) => [`${w.container}/${w.kind}`, w]));
  for (const w of fresh) {
    const old = byKey.get(`${w.container}/${w.kind}`);
    const inst = old?.instance;
    if (!old || old.exited || !inst || inst.state !== 'running' || inst.startedAt === undefined || inst.startedAt >= graceStart) continue;
    w.instance = inst;
    w.result = old.result;
    w.resultId = old.resultId;
    w.onHold = old.onHold;
    if (w.kind === 'startup' && w.result === undefined) {
      // #142305: the first sync writes its status before AddPod makes this worker, so
      // isContainerStarted, finding neither a startup result nor a worker, says started; from
      // then on the written Started=true keeps it so, and the worker never probes it.
      w.startedOnRestart = true;
      w.onHold = true;
    }
  }
}
