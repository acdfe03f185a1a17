// Where a termination the pod worker turns to begins ([3.4], [8.1a], [8.15]): a deletion or a
// kill the kubelet asks for (killPodNow) makes pod_workers.go UpdatePod cancel the sync in flight
// ("Cancelling current pod sync"), and SyncTerminatingPod runs once that sync has returned, at a
// runtime cache newer than it ([0.6]).

import type { Proc } from './kernel';
import type { Instance } from './model';
import type { PodSim } from './podSim';
import { probeContextCancelledByDeletion } from './probeContext';
import { resetInFlight } from './restartAll';

/**
 * The pod worker turns to terminating the pod: `terminate(startAt)` is SyncTerminatingPod, run at
 * its cache time; `whenTerminated` what follows when the sync in flight found the pod terminal and
 * terminated it itself (a deletion's removal; nothing for a kill).
 */
export function startTermination(sim: PodSim, terminate: (startAt: number) => Proc<void>, whenTerminated: () => Proc<void> | undefined): void {
  // The pod worker cancels the sync in flight (UpdatePod: "Cancelling current pod sync") and turns to termination.
  if (probeContextCancelledByDeletion(sim.minor)) sim.probes.contextCancelled(); // [5.14]
  if (sim.worker.waitingForCache) {
    // [3.4] The pod worker took a sync's update before the deletion and waits for a newer cache
    // (podWorkerLoop's GetNewerThan): that SyncPod runs at the relist with the update's pod object,
    // not deleted, on the cancelled context, which SyncPod's steps before the runtime's do not check
    // for a pod past its first sync; then SyncTerminatingPod.
    sim.syncPredatesDeletion = true;
    sim.terminating = sim.k.spawn('terminatePod', terminateAfterSync(sim, terminate, whenTerminated));
    return;
  }
  if (runtimeSyncInFlight(sim) || postStartInFlight(sim) || resetInFlight(sim)) {
    // [3.4] [11.4] The runtime's SyncPod never sees the cancellation (an empty, never-cancelled
    // context in the 1.27/1.28 trees, context.WithoutCancel(ctx) since #122087): its pulls, creates, starts and postStart
    // hooks (sleep, exec or HTTP) run to their end, and SyncTerminatingPod waits for the sync on the
    // worker's one goroutine. [11.2] So does an in-place restart's reset, on the same context.
    sim.terminating = sim.k.spawn('terminatePod', terminateAfterSync(sim, terminate, whenTerminated));
    return;
  }
  sim.worker.stop();
  sim.terminating = sim.k.spawn('terminatePod', terminate(sim.worker.earliestStart()));
}

/**
 * [3.4] The sync in flight is in the runtime's SyncPod (a pull, a create, a start, its postStart
 * hook, a kill or a sandbox): the deletion (or the kubelet's own kill) lets it end. kubelet.go SyncPod runs everything before it
 * (the status, the pod's cgroup, the mirror pod, the data directories, WaitForAttachAndMount, AddPod)
 * on the pod worker's context; of those only the first SyncPod's volume wait takes time in the
 * engine (sync.ts, VOLUME_WAIT), and a deletion there cancels the sync.
 */
function runtimeSyncInFlight(sim: PodSim): boolean {
  return sim.worker.syncing && sim.inRuntimeSync && !sim.terminalDone;
}

/**
 * The container whose postStart hook the sync in flight runs (startContainer waits for it), if
 * any: the deletion waits for it ([3.4]).
 */
function postStartInFlight(sim: PodSim): Instance | undefined {
  if (!sim.worker.syncing) return undefined;
  for (const [inst, hook] of sim.hooks) if (hook === 'postStart') return inst;
  return undefined;
}

/**
 * [3.4] [11.4] A deletion during the runtime's SyncPod (a pull, a create, a start, a postStart
 * hook): the sync goes on to its end, then the termination begins.
 * pod_workers.go UpdatePod cancels the context it handed SyncPod ("Cancelling current pod sync"),
 * but kubelet.go SyncPod never passes that cancellation to the runtime's SyncPod, whose
 * startContainer runs the hook (handlers.go Run) on the runtime's context: 1.27-era trees run the
 * whole SyncPod on a tracer span of an empty, never-cancelled context (library id 23403007079; #113591 "ignores the
 * incoming context from the pod worker"), #117412 (1.28+) took the worker's context but handed the
 * runtime a fresh empty context, `todoCtx` (library id 28691928572), and #122087 made that
 * `sctx := context.WithoutCancel(ctx)` (library ids 12114237, 8003756984, 54300650048, the newest).
 * So runSleepHandler's ctx.Done() never fires and sleeps its seconds, an exec hook's ExecSync runs
 * until its command exits, and an HTTP hook's request carries no context anyway
 * (NewRequestForHTTPGetAction, http.NewRequest; the lifecycle HTTP client has no timeout). A hook
 * that fails is then killed by startContainer on that same uncancelled context (postStart.ts).
 * Like every sync, SyncTerminatingPod then waits for a runtime cache newer than that sync's end
 * ([0.6]). The same context reaches the rest of the sync: kuberuntime_manager.go SyncPod's `start`
 * hands it to every startContainer (EnsureImageExists, CreateContainer, StartContainer, the hook;
 * library ids 14701678, 41926215), and nothing checks ctx.Err() between containers, so the image
 * pull under way ends, and the containers the sync planned (every main container, one init
 * container or the sidecars computePodActions listed) are pulled and started one after another.
 * Then podWorkerLoop (pod_workers.go, library id 181051880) completes the work, takes the queued
 * terminating update and runs SyncTerminatingPod, whose killPod stops what the sync started with
 * the deletion's grace and preStop hooks. No later SyncPod runs: the next update is the kill.
 */
function* terminateAfterSync(sim: PodSim, terminate: (startAt: number) => Proc<void>, whenTerminated: () => Proc<void> | undefined): Proc<void> {
  yield { until: () => !sim.worker.syncing && !sim.worker.waitingForCache };
  sim.syncPredatesDeletion = false;
  // [6.5] [13.3] That sync found the pod terminal (its activeDeadlineSeconds passed, its containers
  // done) and the worker already terminated it: there is one SyncTerminatingPod per pod, so what
  // follows is SyncTerminatedPod and, for a deletion, the removal (fuzz seed 1382542882: a second kill a relist later).
  if (sim.terminalDone) {
    const after = whenTerminated();
    if (after) yield* after;
    return;
  }
  sim.worker.stop(); // drops the requeue a failed start asked for
  yield* terminate(sim.worker.earliestStart());
}
