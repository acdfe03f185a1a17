// The end of a pod's life ([8]): deletion with a grace period, and the terminal phase reached by
// itself (all main containers done under Never/OnFailure, a failed init under Never, or the
// activeDeadlineSeconds, [13.3]). Models upstream's pkg/kubelet/pod_workers.go (UpdatePod,
// calculateEffectiveGracePeriod, completeSync) and kubelet.go SyncTerminatingPod (status written
// at the start and once everything stopped, liveness/startup probes stopped first, readiness
// after the kill; its own context, so a shorter second deletion does not cut a kill short), read
// at the stored 1.3x commits; the same from 1.27 to 1.36. SyncTerminatingPod, like every sync,
// first waits for a runtime cache newer than the last sync ([0.6], podWorkerLoop GetNewerThan).
// The deletion cancels the pod worker's context, but not the runtime's SyncPod (kubelet.go SyncPod
// hands it context.TODO() or context.WithoutCancel(ctx), 1.27-1.37): the pulls, starts and postStart
// hooks of the sync under way run to their end and hold the termination back until the sync
// returns ([3.4], [11.4]).

import type { Proc } from './kernel';
import type { PodSim } from './podSim';
import { legacyOverride } from './graceOverride127';
import { writeStatus } from './status';
import { publishKubectl } from './kubectlRow';
import { AFTER_TERMINAL, API_REMOVAL_DELAY, HOUSEKEEPING_PERIOD } from './timing';
import { DEADLINE_REASON } from './activeDeadline';
import { readAtLastRelist } from './relistSnapshot';
import { firstRelistAfter } from './podCache';
import { killPod } from './kill';
import { restartingAtTermination } from './restartAll';
import { startTermination } from './terminationStart';

/**
 * When SyncTerminatedPod runs, per pod ([0.6]): like every sync it waits for a runtime cache newer
 * than the end of SyncTerminatingPod, i.e. the first relist after the containers stopped (it asks
 * for no on-demand relist, [0.8]); it ends with statusManager.TerminatePod, after which the status
 * manager may delete the pod from the API (kubelet.go SyncTerminatedPod, read at the 1.27-era and
 * 1.36 versions).
 */
const terminatedSyncAt = new WeakMap<PodSim, number>();

/** SyncTerminatingPod has returned now: SyncTerminatedPod follows at the next relist. */
export function terminationEnded(sim: PodSim): void {
  terminatedSyncAt.set(sim, firstRelistAfter(sim.now));
}

/** The pod is over: stop probing, remove the sandbox, and let the horizon close in ([6.5], [7.1]). */
export function* enterTerminal(sim: PodSim): Proc<void> {
  if (sim.terminalDone) return;
  sim.terminalDone = true;
  // [8.10] SyncTerminatingPod writes the status before the kill (from the last relist's cache entry, [0.6]) and once all stopped
  readAtLastRelist(sim, () => { writeStatus(sim); restartingAtTermination(sim, [sim.terminalPhaseId]); }); // [11.2]
  // Every worker leaves: doProbe reads the terminal phase from the status manager ("Pod is
  // terminated, exiting probe worker"), and run()'s cleanup removes its result without an update
  // (worker.go, 1.27-era and 1.3x stored copies): no Success is reported, nothing is patched ([5.8]).
  sim.probes.stop(['startup', 'liveness', 'readiness']);
  sim.worker.cancelRequeue();
  if (sim.specs().some((c) => sim.running(c.name))) {
    const why = sim.status.api.reason === DEADLINE_REASON
      ? `[13.3] The pod is Failed (DeadlineExceeded): the pod worker terminates it, and what still runs is stopped with the spec's ${sim.specGrace()}s grace period.`
      : '[6.5] The pod is terminal: what still runs is stopped.';
    yield* killPod(sim, sim.specGrace(), 'PodTermination', () => why, () => [sim.terminalDecisionId]);
  }
  sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false };
  writeStatus(sim);
  restartingAtTermination(sim, [sim.terminalPhaseId]); // [11.2]
  terminationEnded(sim);
  closeHorizon(sim, sim.now + AFTER_TERMINAL);
}

/** [8.2] The runtime's last work for a pod whose object the API server already removed: the run may end. */
export function runtimeDoneAfterRemoval(sim: PodSim): void {
  sim.gone = true;
  closeHorizon(sim, sim.now + AFTER_TERMINAL);
}

/** [8.15] [8.16] The kubelet's own kill is over and the pod object stays: the run may end a little later. */
export function closeHorizonAfterKill(sim: PodSim): void {
  closeHorizon(sim, sim.now + AFTER_TERMINAL);
}

function closeHorizon(sim: PodSim, at: number): void {
  if (sim.node.keepLog) return; // the node runs other pods: its owner (the Job controller) closes the run
  if (sim.scenario.sim.until === undefined || sim.untilIsCap) sim.k.horizon = Math.min(sim.k.horizon, at);
}

/**
 * The grace the pod worker uses (calculateEffectiveGracePeriod in pod_workers.go, 1.27–1.36): the
 * deletion's value, but a 0 (a force deletion) counts as no value, so the spec's applies; at least 1s ([8.2]).
 */
export function effectiveGracePeriod(sim: PodSim, deletionGracePeriodSeconds: number): number {
  const value = deletionGracePeriodSeconds === 0 ? sim.pod.terminationGracePeriodSeconds : deletionGracePeriodSeconds;
  return Math.max(1, value);
}

/** deletePod: the API sets a deletionTimestamp; the kubelet stops everything within the grace ([8.1a]). */
export function deletePod(sim: PodSim, gracePeriodSeconds: number | undefined): void {
  const requested = gracePeriodSeconds ?? sim.pod.terminationGracePeriodSeconds;
  if (sim.deletion) {
    deleteAgain(sim, requested);
    return;
  }
  const grace = effectiveGracePeriod(sim, requested);
  const id = sim.emit({
    type: 'pod.deleted', gracePeriodSeconds: grace,
    why: gracePeriodSeconds === undefined
      ? `[8.1] The pod is deleted with the spec's terminationGracePeriodSeconds (${grace}s).`
      : requested === 0
      ? `[8.2] A force deletion (grace 0): the API server drops the pod at once, but the kubelet reads 0 as "no value" and still gives the containers the spec's ${grace}s grace period.`
      : `[8.1] The pod is deleted with a ${grace}s grace period.`,
  });
  sim.deletion = { at: sim.now, grace, requested, id };
  publishKubectl(sim, '[14.4] The API server prints the row from the pod object: its deletionTimestamp is set, so STATUS reads Terminating (from 1.31, a Succeeded or Failed pod keeps its STATUS).', [id]);
  if (requested === 0 && !sim.jobTrackingFinalizer) removeObject(sim, [id], `[8.2] A force deletion: the API server deletes the pod object at once, as no finalizer holds it. The kubelet still stops the containers, with the spec's ${grace}s grace period; its status writes find no pod from now on.`);
  // [8.14] No kubelet runs: nothing on the node hears of the deletion until the new one starts
  // (node.ts bringKubeletBack, then terminateAfterKubeletRestart).
  if (sim.kubeletDown) return;
  if (sim.kubeletKill !== undefined && sim.kubeletKill.done !== true) {
    // [8.15] [8.16] The pod worker already terminates the pod for the kubelet's own kill (or will, once
    // the sync in flight returns): one SyncTerminatingPod per pod, whose grace a deletion may still
    // lower before it begins; the object goes once it is over (fuzz seed 1391883701: two terminations).
    sim.k.spawn('removeKilledPod', removeAfterTermination(sim));
    return;
  }
  if (sim.terminalDone) {
    // [8.2] The pod worker is already terminating the pod (its phase is terminal): the kill under
    // way keeps its grace (SyncTerminatingPod ignores the cancelled context); once it is over the
    // kubelet reports the final status and the API server removes the pod.
    sim.terminating = sim.k.spawn('removeTerminalPod', removeAfterTermination(sim));
    return;
  }
  startTermination(sim, (startAt) => terminatePod(sim, startAt), () => removeAfterTermination(sim));
}

/**
 * [8.2] A deletion of a pod already being deleted (apiserver rest/delete.go BeforeDelete, the same
 * from the 1.2x-era to the newest stored copies): only a shorter grace changes anything; it moves
 * deletionTimestamp back (the first deletion's time plus the new grace) and lowers
 * deletionGracePeriodSeconds, and a 0 deletes the object at once when no finalizer holds it. The
 * kubelet's kill under way keeps the grace it started with (SyncTerminatingPod's own context); a
 * termination not begun yet, or a new kubelet's ([8.14]), takes the lower one. A deletion after the
 * object is gone finds nothing (NotFound; the editor warns of it).
 */
function deleteAgain(sim: PodSim, requested: number): void {
  const d = sim.deletion!;
  if (sim.apiRemovedAt !== undefined || sim.gone) return;
  if (requested >= d.requested) {
    sim.emit({
      type: 'pod.deleted', gracePeriodSeconds: d.requested,
      why: `[8.2] The pod is already being deleted with ${d.requested}s: the API server only shortens a deletion, so a ${requested}s one changes nothing.`,
    }, [d.id]);
    return;
  }
  const kills = sim.terminating !== undefined && !sim.terminating.done;
  d.requested = requested;
  d.grace = Math.min(d.grace, effectiveGracePeriod(sim, requested));
  const id = sim.emit({
    type: 'pod.deleted', gracePeriodSeconds: requested,
    why: `[8.2] The pod is deleted again with a shorter grace: the API server lowers deletionGracePeriodSeconds to ${requested}s and moves deletionTimestamp back to ${+(d.at + requested).toFixed(3)}s${kills ? '; the kubelet\'s kill under way keeps the grace it started with' : ''}.`,
  }, [d.id]);
  if (requested === 0 && !sim.jobTrackingFinalizer) removeObject(sim, [id], '[8.2] A force deletion of a pod already being deleted: the API server deletes the object at once, as no finalizer holds it. The kubelet goes on stopping the containers as it was; its status writes find no pod from now on.');
}

/**
 * [8.2] A force deletion (grace 0) of a pod no finalizer holds: the API server deletes the object in
 * the same request (rest.BeforeDelete sets deletionGracePeriodSeconds 0, then
 * Store.updateForGracefulDeletionAndFinalizers deletes at once), while the kubelet still stops the
 * containers with the spec's grace; its status writes then find no pod (status_manager.go syncPod:
 * NotFound, "Pod does not exist on the server") and change nothing (kubernetes#119276).
 */
function removeObject(sim: PodSim, cause: (string | undefined)[], why: string): void {
  sim.apiRemovedAt = sim.now;
  sim.emit({ type: 'pod.gone', why }, cause);
}

/**
 * [8.2] [16.3] The Job controller counted a pod and removed its batch.kubernetes.io/job-tracking
 * finalizer (trackJobStatusAndRemoveFinalizers): a pod force-deleted (grace 0) is then deleted by
 * the API server at once, while the kubelet may still be stopping its containers.
 */
export function finalizerReleased(sim: PodSim, countedBy: string | undefined): void {
  if (sim.deletion?.requested !== 0 || sim.apiRemovedAt !== undefined || sim.gone) return;
  removeObject(sim, [sim.deletion.id, countedBy], `[8.2] [16.3] The Job controller counted the pod and removed its job-tracking finalizer: the pod was force-deleted (grace 0), so the API server deletes the object now. The kubelet still stops the containers with the spec's ${sim.deletion.grace}s grace period; its status writes find no pod from now on.`);
}

/**
 * A terminal pod deleted while (or after) the pod worker stops it: removed once its containers are
 * stopped. The kubelet's own kill (an eviction, a node shutdown) runs beside the worker's syncs: the
 * status manager deletes the object only once the API's phase is terminal and SyncTerminatedPod
 * has run (status_manager.go canBeDeleted), so the removal waits for that kill too ([8.15]).
 */
function* removeAfterTermination(sim: PodSim): Proc<void> {
  yield { until: () => !sim.worker.syncing && (sim.kubeletKill === undefined || sim.kubeletKill.done === true) };
  yield* removeFromApi(sim);
}

/** Once SyncTerminatedPod has run ([0.6]) and the pod is deleted, the API server removes it ([6.5]). */
function* removeFromApi(sim: PodSim): Proc<void> {
  if (sim.apiRemovedAt !== undefined) { // [8.2] the API server deleted it at the force deletion
    runtimeDoneAfterRemoval(sim);
    return;
  }
  const terminated = terminatedSyncAt.get(sim) ?? sim.now;
  yield { sleep: Math.max(terminated, sim.now) - sim.now + API_REMOVAL_DELAY };
  sim.gone = true;
  if (sim.apiRemovedAt !== undefined) { // [8.2] a force-deleted Job pod went when its finalizer did, meanwhile
    closeHorizon(sim, sim.now);
    return;
  }
  sim.emit({ type: 'pod.gone', why: '[6.5] Every container has stopped and the kubelet reported the terminal phase: the API server removes the pod.' }, [sim.deletion?.id, sim.terminalPhaseId]);
  closeHorizon(sim, sim.now);
}

/**
 * [8.14] A new kubelet picks up a pod being deleted: UpdatePod on a pod worker it has never seen
 * (pod_workers.go, newest stored copy) turns it terminating at once, with the deletion's whole
 * grace again (calculateEffectiveGracePeriod starts from DeletionGracePeriodSeconds; nothing on the
 * node kept the old countdown). SyncTerminatingPod kills what runs at its first cache entry, the
 * first relist after the kubelet is back (ConvertPodStatusToRunningPod: a container that exited
 * meanwhile is not killed again). A pod that is terminal with nothing running (#116925, fixed by
 * #117019 in 1.28 and a 1.27 patch) gets no kill: SyncTerminatedPod, the final status, the delete.
 */
export function terminateAfterKubeletRestart(sim: PodSim, cause: string | undefined): void {
  sim.syncPredatesDeletion = false;
  if (sim.apiRemovedAt !== undefined) {
    sim.probes.stop(['startup', 'liveness', 'readiness']); // a pod it does not know: no worker at all
    sim.terminating = sim.k.spawn('killOrphans', killOrphans(sim, cause));
    return;
  }
  sim.probes.stop(['liveness']); // no SyncPod, so no AddPod: nothing probes the pod again
  const at = firstRelistAfter(sim.now);
  if (sim.terminalDone && !sim.specs().some((c) => sim.running(c.name))) {
    terminatedSyncAt.set(sim, at);
    sim.terminating = sim.k.spawn('removeTerminalPod', removeFromApi(sim));
    return;
  }
  sim.terminating = sim.k.spawn('terminatePod', terminatePod(sim, at));
}

/**
 * [8.14] The pod object is gone (a force deletion, [8.2]): the new kubelet never hears of the pod.
 * Its housekeeping (HandlePodCleanups, every HOUSEKEEPING_PERIOD) finds the containers as a runtime
 * pod no pod worker knows and kills it with a 1 s grace override ("Clean up containers for orphaned
 * pod we had not seen before"; kubelet_pods.go, the 1.2x-era and a ctx-era stored copy): the preStop
 * hooks from the containers' labels, no sidecar order (no pod spec), the 2 s floor; no status.
 */
function* killOrphans(sim: PodSim, cause: string | undefined): Proc<void> {
  yield { sleep: HOUSEKEEPING_PERIOD };
  if (sim.specs().some((c) => sim.running(c.name))) {
    const legacy = sim.minor <= 27 ? { hookBound: sim.pod.terminationGracePeriodSeconds } : undefined; // [8.12]
    yield* killPod(sim, 1, 'PodTermination', () => ORPHAN_KILL_WHY, () => [cause], undefined, legacy, false);
  }
  runtimeDoneAfterRemoval(sim);
}

const ORPHAN_KILL_WHY = '[8.14] The pod object is gone, so the new kubelet never hears of the pod: its housekeeping finds these containers as an orphaned runtime pod ("Clean up containers for orphaned pod we had not seen before") and kills them with a 1 s grace override, in no order (it has no pod spec).';

/** The containers running as the sync reads them (ConvertPodStatusToRunningPod of its cache entry, [8.11]). */
export function runningNames(sim: PodSim): Set<string> {
  const names = new Set<string>();
  for (const spec of sim.specs()) if (sim.running(spec.name)) names.add(spec.name);
  return names;
}

/** `startAt`: SyncTerminatingPod, like any sync, waits for a runtime cache newer than the last sync ([0.6]). */
function* terminatePod(sim: PodSim, startAt: number): Proc<void> {
  if (startAt > sim.now) yield { sleep: startAt - sim.now };
  const grace = sim.deletion!.grace;
  // [8.10] statuses are written at the start of termination (from the last relist's cache entry, [0.6]), then at the end;
  // [8.11] the running pod it kills is that entry's too
  const seenRunning = readAtLastRelist(sim, () => { writeStatus(sim); restartingAtTermination(sim, [sim.deletion?.id]); return runningNames(sim); });
  sim.probes.stopLivenessAndStartup(); // [5.8]
  yield* killPod(sim, grace, 'PodTermination', (name) => {
    const spec = sim.rec(name).spec;
    if (spec.kind === 'sidecar' && sim.minor >= 29) return `[8.4] The pod is deleted: ${name} is a sidecar, so its stop signal waits until the main containers and later sidecars have stopped.`;
    if (spec.kind === 'sidecar') return `[8.7] The pod is deleted: in 1.28 sidecars stop together with the main containers.`;
    if (spec.kind === 'init') return `[8.4] The pod is deleted: a running regular init container is stopped at once.`;
    return `[8.3] The pod is deleted: ${name} gets its preStop hook (if any) and its stop signal, within the ${grace}s grace period.`;
  }, () => [sim.deletion?.id], seenRunning, legacyOverride(sim));
  sim.probes.stop(['readiness']);
  sim.sandbox = { ...sim.sandbox, ready: false, conditionReady: false };
  writeStatus(sim);
  restartingAtTermination(sim, [sim.deletion?.id, sim.terminalPhaseId]); // [11.2] False, reason PodFailed or PodCompleted
  sim.terminalDone = true;
  terminationEnded(sim);
  yield* removeFromApi(sim);
}
