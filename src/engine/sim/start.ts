// Starting one container inside SyncPod ([0.3]: everything blocks): back-off check, image pull,
// create, start, then postStart, which holds the sync until it returns ([3.2]–[3.4], [4.5]).
// Upstream read: pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod (the `start` helper) and
// doBackOff, kuberuntime_container.go startContainer, 1.27-1.36 (doBackOff unchanged in that
// range). doBackOff reads the pod status SyncPod was given, a snapshot taken before this sync
// killed anything: it looks for the newest *exited* instance of the container there, and with
// none it starts at once without touching the back-off ([4.5] probe kills). What EnsureImageExists
// refuses before any pull (an unparsable name, an image absent under Never) is imageRefusals.ts.

import type { Proc } from './kernel';
import type { Causes, PodSim } from './podSim';
import { newest, type ContainerRecord, type Instance, type StartError } from './model';
import { createInstance, failStart, startProcess } from './process';
import type { ContainerSpec } from '../scenario/types';

import { CONTAINER_CREATE, CONTAINER_START, PULL_CHECK, PULL_FAILURE, jitteredDelay } from './timing';
import { emitBackoff, emitBackoffAgain } from './frequentEvents';
import { NOT_STARTED, STARTED, type StartOutcome } from './backoffMemo';
import { runPostStart } from './postStart';
import { refusedBeforePull } from './imageRefusals';
import { goSeconds } from '../kubelet/goDuration';

export type { StartOutcome } from './backoffMemo';


export function backoffKey(name: string, image: string): string {
  return `${name}@${image}`;
}

/** The record's back-off key for its current image, built once per image (a fresh string would be hashed at every lookup). */
function recordBackoffKey(rec: ContainerRecord): string {
  if (rec.backoffKey?.image !== rec.image) rec.backoffKey = { image: rec.image, key: backoffKey(rec.spec.name, rec.image) };
  return rec.backoffKey.key;
}

/** Whether the policy asks for a pull (or its check) before this start: pullImage does nothing else when it does not. */
function pullWanted(sim: PodSim, rec: ContainerRecord): boolean {
  const policy = rec.spec.imagePullPolicy;
  return !(policy === 'Never' || (sim.pulledImages.has(rec.image) && policy === 'IfNotPresent'));
}

/** The engine's wording of a failed pull's error: containerd's, without the registry's own reason. */
function pullFailedMessage(image: string): string {
  return `failed to pull and unpack image "${image}"`;
}

/**
 * The waiting message of a start the pull back-off refused ([10.9]): `Back-off pulling image "X"`,
 * and from 1.32 the last pull's error after it, `: ErrImagePull: <message>` (EnsureImageExists
 * keeps it per pod and image in prevPullErrMsg, #127918, in the 1.32 release's highlights; read in
 * the stored newest image_manager.go). The BackOff event keeps the short form.
 */
function pullBackoffMessage(image: string, minor: number, lastError: string | undefined): string {
  const backOff = `Back-off pulling image "${image}"`;
  return minor >= 32 ? `${backOff}: ErrImagePull: ${lastError ?? pullFailedMessage(image)}` : backOff;
}

/** The container.pulling event's why; a pull the sync begins after the deletion says why it still runs ([3.4]). */
function pullingWhy(sim: PodSim, image: string, present: boolean): string {
  const why = present ? '[0.3] imagePullPolicy Always: the kubelet checks the registry before every start.' : `[0.3] The image ${image} is not on the node yet: the kubelet pulls it, and the sync waits.`;
  return sim.deletion ? `${why} ${deletedDuringSyncWhy(sim.deletion.at, sim.syncPredatesDeletion)}` : why;
}

/** Pulls the image if the policy says so; `pulled.id` is then the container.pulled event's id. */
function* pullImage(sim: PodSim, name: string, cause: Causes, pulled: { id?: string }): Proc<StartOutcome | null> {
  const rec = sim.rec(name);
  const image = rec.image;
  const present = sim.pulledImages.has(image);
  const policy = rec.spec.imagePullPolicy;
  if (policy === 'Never' || (present && policy === 'IfNotPresent')) return null;
  if (sim.pullBackoff.inBackOff(image, sim.now)) {
    rec.startError = { reason: 'ImagePullBackOff', message: pullBackoffMessage(image, sim.minor, rec.pullFailedMessage) };
    sim.containerChanged(rec);
    sim.emit({
      type: 'container.pullBackoff', container: name, image,
      why: `[10.9] The last pull of ${image} failed and its ${sim.pullBackoff.get(image)}s back-off is not over: the kubelet does not pull, records BackOff "Back-off pulling image" and Failed "Error: ImagePullBackOff", and the start fails with ImagePullBackOff.`,
    }, [rec.pullFailedId]);
    return { ok: false };
  }
  const pulling = sim.emit({
    type: 'container.pulling', container: name, image,
    why: pullingWhy(sim, image, present),
  }, cause);
  if (sim.faults.pullFails(name, sim.now)) {
    yield { sleep: PULL_FAILURE };
    sim.pullBackoff.failed(image, sim.now);
    const message = sim.faults.pullError(name, sim.now) ?? pullFailedMessage(image);
    rec.pullFailedMessage = message;
    rec.startError = { reason: 'ErrImagePull', message };
    sim.containerChanged(rec);
    rec.pullFailedId = sim.emit({
      type: 'fault', do: 'failPull', container: name, image, message,
      why: `The pull of ${image} fails (an injected failPull): ErrImagePull, then ImagePullBackOff on the next tries [10.2].`,
    }, [pulling]);
    return { ok: false };
  }
  const b = sim.scenario.sim.behaviors[name]!;
  // [0.3] Always asks the registry even for an image on the node (shouldPullImage): `pull: 0` says the image was there, not that the check is free
  yield { sleep: present ? b.registryCheck ?? (b.pull === 0 ? PULL_CHECK : Math.min(PULL_CHECK, b.pull)) : b.pull };
  sim.pullBackoff.pulled(sim.now);
  sim.pulledImages.add(image);
  const why = `The image ${image} is on the node.`;
  pulled.id = sim.emit(b.imageSize === undefined
    ? { type: 'container.pulled', container: name, image, why }
    : { type: 'container.pulled', container: name, image, size: b.imageSize, why }, [pulling]);
  return null;
}

/**
 * The newest exited instance of each container the sync may start, still in the runtime: what
 * doBackOff finds in the pod status of this sync. Taken when the sync begins, before its kills
 * ([0.1], [4.5]). Issue 16: one map per pod, each entry rewritten at every sync that may start
 * the container (the sync reads only those; syncs of a pod never overlap, [0.1]).
 */
export function exitedSnapshot(sim: PodSim, first: readonly string[], second: readonly string[] = []): ReadonlyMap<string, Instance | undefined> {
  snapshotInto(sim, first); // two lists (a plan's init and main starts), no array of them built at every sync
  return snapshotInto(sim, second);
}

function snapshotInto(sim: PodSim, list: readonly string[]): Map<string, Instance | undefined> {
  let out = snapshots.get(sim);
  if (out === undefined) snapshots.set(sim, (out = new Map()));
  for (let n = 0; n < list.length; n++) out.set(list[n]!, newestExited(sim, sim.rec(list[n]!)));
  return out;
}

const snapshots = new WeakMap<PodSim, Map<string, Instance | undefined>>();

function newestExited(sim: PodSim, rec: ContainerRecord): Instance | undefined {
  const instances = rec.instances;
  // [2.9] an init container's run of an older sandbox is in no podStatus after the sync that
  // replaced the sandbox (purgeInitContainers removed it): doBackOff finds no exited status and
  // lets the start through (kuberuntime_manager.go doBackOff, `if cStatus == nil { return false }`)
  const purgedBelow = rec.spec.kind === 'main' ? -1 : sim.sandbox.id;
  for (let i = instances.length - 1; i >= 0; i--) {
    const inst = instances[i]!;
    if (inst.state !== 'exited' || (sim.removedFromRuntime.size > 0 && sim.removedFromRuntime.has(inst))) continue;
    if (inst.sandbox < purgedBelow) return undefined;
    return inst;
  }
  return undefined;
}

function backoffWhy(rec: ContainerRecord, checked: Instance, killedNow: boolean, delay: number, jitter: number | undefined): string {
  const name = rec.spec.name;
  if (killedNow) {
    return `[4.5] ${name} was killed in this sync, but the back-off is checked against the status read before the kill, where its previous run ended at ${checked.finishedAt}s: that is within the ${delay}s back-off, so it is not started (CrashLoopBackOff).${jitterNote(jitter)}`;
  }
  // Only the exit time differs from one wait to the next: the text around it is made once per
  // container and delay, and the why joined into one flat string (issue 16: a crash loop's every
  // back-off event kept its own chain of seven partial strings).
  const parts = exitedWhyParts(rec, delay, jitter);
  return [parts.head, checked.finishedAt, parts.tail].join('');
}

/** What a scenario's requeueJitter adds to a back-off's why: when the kubelet looks again ([4.6]). */
function jitterNote(jitter: number | undefined): string {
  if (!jitter) return '';
  return ` The pod worker's requeues wait ${jitteredDelay(1, jitter)} times their delay here (requeueJitter ${jitter}; on a node, a random 1 to 1.5 times), so the start comes later than the back-off alone allows [4.6].`;
}

/** The text of the plain back-off why before and after its exit time, per container, for its last delay. */
function exitedWhyParts(rec: ContainerRecord, delay: number, jitter: number | undefined): { head: string; tail: string } {
  const last = rec.backoffMemo.exitedWhy;
  if (last !== undefined && last.delay === delay) return last;
  const parts = { delay, head: `[4.5] ${rec.spec.name} exited at `, tail: `s and restarted before, so it waits ${delay}s (CrashLoopBackOff) before the next start.${jitterNote(jitter)}` };
  rec.backoffMemo.exitedWhy = parts;
  return parts;
}

/** The newest instance exited after the sync's snapshot was taken: this sync killed it (a probe or spec change). */
function killedThisSync(rec: ContainerRecord, lastExited: Instance | undefined): boolean {
  const latest = newest(rec);
  return latest !== undefined && latest.state === 'exited' && latest !== lastExited;
}

/** An init container whose exited runs are all of an older sandbox: the purge removed them, and the status lists none ([2.9]). */
function purgedRunsOnly(sim: PodSim, rec: ContainerRecord, lastExited: Instance | undefined): boolean {
  if (lastExited !== undefined || rec.spec.kind === 'main') return false;
  const latest = newest(rec);
  return latest !== undefined && latest.state === 'exited' && latest.sandbox < sim.sandbox.id;
}

const PURGED_NO_BACKOFF_WHY = '[2.9] No back-off: the new sandbox\'s purge removed its earlier runs, so the status the kubelet reads lists no exit of it (doBackOff lets the start through).';

/** Why a container killed in this sync starts again at once ([4.5]). */
function clearAfterKillWhy(sim: PodSim, lastExited: Instance | undefined): string {
  if (!lastExited || lastExited.finishedAt === undefined) {
    return '[4.5] No back-off: the kubelet checks it against the status read before the kill, where the container was running and had no earlier exit.';
  }
  const ago = Math.round((sim.now - lastExited.finishedAt) * 10) / 10;
  return `[4.5] No back-off: the kubelet checks it against the status read before the kill, where the previous run ended ${ago}s ago, not within the back-off.`;
}

/**
 * doBackOff: whether the start must wait, judged from `lastExited`, the newest exited instance in
 * the sync's status snapshot. None (a first run, or a running instance just killed by this sync
 * with no earlier exit) means start at once and leave the back-off untouched; otherwise the
 * back-off is checked since its FinishedAt and, if clear, moved to its next step ([4.5]).
 * SyncPod calls it before startContainer (a refused start then costs no more than this check).
 */
export function doBackOff(sim: PodSim, name: string, lastExited: Instance | undefined): StartOutcome | null {
  const rec = sim.rec(name);
  if (!lastExited || lastExited.finishedAt === undefined) return null;
  const key = recordBackoffKey(rec);
  if (!sim.backoff.isInBackOffSince(key, lastExited.finishedAt, sim.now)) {
    sim.backoff.next(key, lastExited.finishedAt, sim.now);
    return null;
  }
  const delay = sim.backoff.get(key);
  const error = crashLoopError(sim, rec, delay);
  if (rec.startError !== error) { // every sync in the back-off finds the same error: its readers look again only at a new one
    rec.startError = error;
    sim.containerChanged(rec);
  }
  const latest = newest(rec);
  if (latest && sim.backoffAnnounced.get(name) !== latest) {
    sim.backoffAnnounced.set(name, latest); // the wait begins: one container.backoff per wait
    rec.backoffId = emitBackoff(sim, name, delay, backoffWhy(rec, lastExited, latest !== lastExited, delay, sim.scenario.sim.requeueJitter), [lastExited.ids.exit]);
  } else if (latest) {
    // [4.9] every sync that refuses the start records the BackOff event again (doBackOff).
    emitBackoffAgain(sim, name, delay, refusedAgainWhy(rec, name, delay, lastExited.finishedAt + delay), refusalCause(rec));
  }
  return refusedUntil(rec, lastExited.finishedAt + delay);
}

/** The why of the last refusal of a container: the same sentence for every refusal in one back-off (one string, not one per sync). */
function refusedAgainWhy(rec: ContainerRecord, name: string, delay: number, until: number): string {
  const last = rec.backoffMemo.refusedAgain;
  if (last !== undefined && last.until === until && last.delay === delay) return last.why;
  const why = `[4.9] Another sync finds ${name} still in its ${goSeconds(delay)} back-off (until ${Number(until.toFixed(3))} s): the kubelet refuses the start and records the BackOff event again.`;
  rec.backoffMemo.refusedAgain = { delay, until, why };
  return why;
}

/** The cause list of every refusal in a container's back-off: its back-off event (one list, shared by those events). */
function refusalCause(rec: ContainerRecord): string[] | undefined {
  const id = rec.backoffId;
  if (id === undefined) return undefined;
  const last = rec.backoffMemo.refusalCause;
  if (last !== undefined && last[0] === id) return last;
  const list = [id];
  rec.backoffMemo.refusalCause = list;
  return list;
}

/** The last refused start of each container: every sync in one back-off is refused until the same time (outcomes are only read). */
function refusedUntil(rec: ContainerRecord, retryAt: number): StartOutcome {
  const last = rec.backoffMemo.refusal;
  if (last !== undefined && last.retryAt === retryAt) return last;
  const outcome: StartOutcome = { ok: false, retryAt };
  rec.backoffMemo.refusal = outcome;
  return outcome;
}

/** The CrashLoopBackOff start error for this delay ([10.2]): the one set before when the delay is the same (a start error is never modified once set). */
function crashLoopError(sim: PodSim, rec: ContainerRecord, delay: number): StartError {
  const last = rec.backoffMemo.crashLoop;
  if (last !== undefined && last.delay === delay) return last.error;
  const error: StartError = {
    reason: 'CrashLoopBackOff',
    message: `back-off ${goSeconds(delay)} restarting failed container=${rec.spec.name} pod=${sim.pod.name}_${sim.pod.namespace}`,
  };
  rec.backoffMemo.crashLoop = { delay, error };
  return error;
}

/**
 * Upstream start() once doBackOff let it through: returns when the container runs and its postStart
 * hook (if any) has returned. `lastExited` is the container's entry in the sync's exitedSnapshot;
 * `cause`: what made the plan start it (the start also cites its pull and the back-off it waited for).
 */
export function* startContainer(sim: PodSim, name: string, why: string, lastExited: Instance | undefined, cause: Causes = []): Proc<StartOutcome> {
  // [0.3] [3.4] A deletion during the sync does not stop this start: kubelet.go SyncPod hands the
  // runtime's SyncPod context.TODO() (1.27/1.28 trees, library id 28691928572) or
  // context.WithoutCancel(ctx) (#122087 on, library id 12114237), and kuberuntime_manager.go SyncPod's
  // `start` passes that ctx to startContainer, whose EnsureImageExists, CreateContainer,
  // StartContainer and postStart hook use it (library ids 14701678, 41926215): nothing checks
  // ctx.Err() between containers. So the pull goes on, the container is created and started, in
  // every version 1.27-1.37; SyncTerminatingPod kills it once the sync returns (terminate.ts).
  const rec = sim.rec(name);
  if (purgedRunsOnly(sim, rec, lastExited)) why += ` ${PURGED_NO_BACKOFF_WHY}`;
  else if (killedThisSync(rec, lastExited)) why += ` ${clearAfterKillWhy(sim, lastExited)}`;
  const previous = newest(rec);
  const waitedFor = previous !== undefined && sim.backoffAnnounced.get(name) === previous ? rec.backoffId : undefined;

  // EnsureImageExists' first refusals, before any pull or pull back-off ([10.11], [10.2]).
  const refused = refusedBeforePull(sim, rec, cause);
  if (refused !== undefined) return refused;
  const pull: { id?: string } = {};
  // No generator for a start that pulls nothing (every restart of a crash loop with IfNotPresent).
  const pulled = pullWanted(sim, rec) ? yield* pullImage(sim, name, cause, pull) : null;
  if (pulled) return pulled;

  yield CREATE_WAIT;
  const inst = createInstance(sim, name);
  yield START_WAIT;
  rec.startError = undefined;
  sim.containerChanged(rec);
  if (inst.behavior.startError !== undefined) return startFails(sim, rec, inst, inst.behavior.startError, [pull.id, ...cause, waitedFor]);
  startProcess(sim, inst, sim.deletion ? `${why} ${deletedDuringSyncWhy(sim.deletion.at, sim.syncPredatesDeletion)}` : why, [pull.id, ...cause, waitedFor]);
  // The hook's steps in a generator of their own: a start without one (every restart of a crash
  // loop) keeps no room for their state in its own.
  return rec.spec.postStart ? yield* runPostStart(sim, rec, inst) : STARTED;
}

/**
 * [3.4] Why a start the deletion found under way, or still to come in the same sync, goes on;
 * `beforeSync`: the deletion came after the pod worker took this sync's update, while it waited
 * for a newer cache.
 */
export function deletedDuringSyncWhy(deletedAt: number, beforeSync = false): string {
  const at = Number(deletedAt.toFixed(3));
  if (beforeSync) {
    return `[3.4] The pod was deleted at ${at}s, after the pod worker had taken this sync's update and while it waited for a newer runtime cache (podWorkerLoop's GetNewerThan): the sync still runs, with the pod object as it was before the deletion, and the runtime's SyncPod gets a context the deletion does not cancel; SyncTerminatingPod stops the container once the sync returns.`;
  }
  return `[3.4] The pod was deleted at ${at}s, during this sync, but kubelet.go SyncPod runs the runtime's SyncPod on a context the deletion does not cancel (context.TODO() in the 1.27/1.28-era trees, context.WithoutCancel(ctx) from #122087): the pull, the create, the start and the postStart hook go on, and SyncTerminatingPod stops the container once the sync returns.`;
}

/**
 * The runtime's message for a command it cannot find (containerd 1.7 with runc 1.1, as published
 * dumps print it); without a command, the image's entrypoint is the one that cannot run, whose name
 * the engine does not know: the message of a binary built for another architecture.
 */
export function defaultStartError(spec: ContainerSpec): string {
  const command = spec.command?.[0];
  const cause = command === undefined ? 'exec format error' : `exec: ${JSON.stringify(command)}: executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${cause}: unknown`;
}

/**
 * [3.5] startContainer's StartContainer returned an error: the kubelet records Warning Failed
 * "Error: <message>" and returns ErrRunContainer, so the sync fails (it is requeued, [4.6]) and
 * the container's next status shows Waiting RunContainerError with the message ([10.2]).
 */
function startFails(sim: PodSim, rec: ContainerRecord, inst: Instance, setting: string | true, cause: Causes): StartOutcome {
  if (inst.state !== 'created') return NOT_STARTED; // something ended the created container during the start call
  const name = rec.spec.name;
  const message = setting === true ? defaultStartError(rec.spec) : setting;
  failStart(sim, inst, message, `[3.5] The runtime cannot start ${name}'s process (startError in the Simulation document): containerd marks the container exited at once, code 128, reason StartError, with no start time. The kubelet's start fails with RunContainerError, which the next status shows as ${name}'s Waiting reason; the exited container then follows the restart rules like any failed run [4.1].`, cause);
  rec.startError = { reason: 'RunContainerError', message };
  sim.containerChanged(rec);
  return NOT_STARTED;
}

/** The waits of every start, shared (the kernel only reads them). */
const CREATE_WAIT = { sleep: CONTAINER_CREATE };
const START_WAIT = { sleep: CONTAINER_START };
