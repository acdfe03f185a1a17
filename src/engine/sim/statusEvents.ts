// The trace events for every change a learner can see between two written statuses: the phase,
// the conditions, each container's waiting reason, started and ready, and the `kubectl get pod`
// row (kubectlRow.ts, [14.1]); and the probe workers
// woken where what they read changed ([0.4]). Upstream: status_manager.go updateLastTransitionTime
// (a condition's time moves only when its status flips, [6.10]), read at the 1.3x tree.
// Each event cites as its cause the runtime events since the previous write whose change it
// shows (StatusManager.runtimeEventsOf, at most a few per container), never a guess from the trace.

import type { ApiPodStatus, ContainerStatus, PodCondition } from '../api';
import type { ExplainedCondition } from '../kubelet/conditions';
import type { ContainerStatusWrite, PodConditionType } from '../trace';
import { apiStatusFor } from './apiStatusHold';
import { publishKubectl, rowStands, type DeferredCause } from './kubectlRow';
import type { PodSim } from './podSim';
import type { Instance } from './model';
import { emitAttemptEvent, emitCondition, emitWaiting } from './frequentEvents';
import { empty } from '../kubelet/scratchList';
import { succeededAfterKubeletKill } from './kubeletKillStatus';

/** At most this many causes on a pod-level event (the latest ones). */
const MAX_POD_CAUSES = 4;

/**
 * The two lists a publish fills and reads before it returns, reused from write to write (issue 16:
 * two new lists at each of a run's hundreds of writes). Nothing keeps them: emit copies a cause
 * list, wake only schedules, and nothing a publish calls publishes again.
 */
const scratchShown: string[] = [];
const scratchChanged: string[] = [];

/** Emits the differences a learner sees between two written statuses. */
/** `beforeEviction`: the phase getPhase gave before the deadline's eviction step ([13.2]), for an API with none yet. */
export function publish(sim: PodSim, next: ApiPodStatus, phaseWhy: string | undefined, explained: readonly ExplainedCondition[], beforeEviction?: ApiPodStatus['phase']): void {
  if (sim.apiRemovedAt !== undefined) {
    keepUnseen(sim, next);
    return;
  }
  const manager = sim.status;
  const prev = manager.api;
  const before = manager.view; // what the API has: the phase the events compare with ([13.2])
  const view = apiStatusFor(sim, before, next, beforeEviction);
  const shown = scratchShown; // this write's events, which the kubectl row shows
  empty(shown);
  const changes = new LazyChanges(sim, prev, next);
  const terminal = next.phase === 'Succeeded' || next.phase === 'Failed';
  if (view.phase !== before.phase && view.phase && view.phase !== 'Unknown') {
    const reason = view.reason ? { reason: view.reason, ...(view.message ? { message: view.message } : {}) } : {};
    const held = before !== prev && sim.terminalAt !== undefined;
    const why = succeededAfterKubeletKill(sim, view.phase) ?? (held
      ? `${view.phase}${view.reason ? ` (${view.reason})` : ''} reaches the API only now [13.2]: the kubelet set it at ${sim.terminalAt}s, but the status manager keeps a terminal phase from the API while the pod's containers may still run (mergePodStatus), and they ran until now.`
      : phaseWhy ?? `The phase is ${view.phase} [6.2].`);
    const id = sim.emit({ type: 'pod.phase', phase: view.phase, ...reason, why }, changes.get().cause(changes.get().state));
    shown.push(id);
    if ((view.phase === 'Succeeded' || view.phase === 'Failed') && sim.apiTerminalAt === undefined) {
      sim.apiTerminalAt = sim.now;
      sim.terminalPhaseId = id;
    }
  }
  if (terminal && sim.terminalAt === undefined) sim.terminalAt = sim.now; // the kubelet's own status is terminal from here ([6.5])
  let firstCondition: string | undefined;
  for (let i = 0; i < next.conditions.length; i++) { const c = next.conditions[i]!;
    const old = conditionOfType(prev.conditions, c.type);
    if (old && old.status === c.status && old.reason === c.reason) {
      c.lastTransitionTime = old.lastTransitionTime;
      continue;
    }
    c.lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : sim.now;
    const id = emitCondition(sim, c.type as PodConditionType, c.status === 'True' ? 'True' : 'False', c.reason || undefined, whyOf(explained, c.type) ?? `[7] ${c.type} is ${c.status}.`, conditionCause(changes.get(), c.type as PodConditionType));
    firstCondition ??= id;
  }
  const changed = scratchChanged;
  empty(changed);
  publishContainers(sim, prev.initContainerStatuses, next.initContainerStatuses, changed, shown);
  publishContainers(sim, prev.containerStatuses, next.containerStatuses, changed, shown);
  manager.commit(next, view);
  if (terminal && sim.terminalDecisionId === undefined) sim.terminalDecisionId = sim.terminalPhaseId ?? firstCondition ?? shown[0];
  for (let i = 0; i < changed.length; i++) sim.probes.wake(changed[i]!); // the workers read this status ([0.4])
  // emit copies a cause list, so `shown` itself is passed when it holds no more than the latest few
  const rowCause = shown.length > MAX_POD_CAUSES ? shown.slice(-MAX_POD_CAUSES) : shown.length ? shown : changes;
  publishKubectl(sim, '[14.1] What `kubectl get pod` prints now: the API server builds the row from the status the kubelet wrote.', rowCause);
  manager.clearRuntimeEvents();
}

/**
 * [8.2] A status the kubelet generates after the API server deleted the pod object (a force
 * deletion): the status manager's cache takes it and the probe workers read it, but its write
 * finds no pod (status_manager.go syncPod: NotFound, "Pod does not exist on the server"), so no
 * event shows it and the API keeps what it had.
 */
function keepUnseen(sim: PodSim, next: ApiPodStatus): void {
  const manager = sim.status;
  const prev = manager.api;
  if ((next.phase === 'Succeeded' || next.phase === 'Failed') && sim.terminalAt === undefined) sim.terminalAt = sim.now; // the kubelet's own status ([6.5])
  for (let i = 0; i < next.conditions.length; i++) { const c = next.conditions[i]!;
    const old = conditionOfType(prev.conditions, c.type);
    c.lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : sim.now;
  }
  const changed = scratchChanged;
  empty(changed);
  changedContainers(sim, prev.initContainerStatuses, next.initContainerStatuses, changed);
  changedContainers(sim, prev.containerStatuses, next.containerStatuses, changed);
  manager.commit(next, manager.view);
  for (let i = 0; i < changed.length; i++) sim.probes.wake(changed[i]!);
  manager.clearRuntimeEvents();
}

/** The containers whose probe workers must look again after a write nobody sees; each changed status is the next probe patch's basis. */
function changedContainers(sim: PodSim, olds: ContainerStatus[], news: ContainerStatus[], changed: string[]): void {
  if (olds === news) return;
  for (let i = 0; i < news.length; i++) {
    const s = news[i]!;
    const o = olds[i]?.name === s.name ? olds[i] : olds.find((x) => x.name === s.name);
    if (o === s) continue;
    const rec = sim.records.get(s.name);
    if (rec !== undefined) sim.changes.probeFlags.mark(rec.position);
    if (!o || !sameRuntimeView(o, s)) changed.push(s.name);
  }
}

/** The first condition of this type, as `find` would return it (a loop: no closure per condition at every write). */
function conditionOfType(conditions: readonly PodCondition[], type: string): PodCondition | undefined {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i];
  return undefined;
}

/** The why of the condition of this type (the last one of that type, as a map by type would keep). */
function whyOf(explained: readonly ExplainedCondition[], type: string): string | undefined {
  for (let i = explained.length - 1; i >= 0; i--) if (explained[i]!.type === type) return explained[i]!.why;
  return undefined;
}

/**
 * A write equal to the written status: no event and nothing to store, but the runtime events so
 * far count as shown, and the row is printed again (a deletion changes it, [14.4]).
 */
export function publishUnchanged(sim: PodSim): void {
  const api = sim.status.api;
  if (rowStands(sim)) { // nothing to print: no cause to gather either
    sim.status.clearRuntimeEvents();
    return;
  }
  publishKubectl(sim, '[14.1] What `kubectl get pod` prints now: the API server builds the row from the status the kubelet wrote.', new LazyChanges(sim, api, api));
  sim.status.clearRuntimeEvents();
}

/** The status changes of a write, computed on first use (many writes need none). */
class LazyChanges implements DeferredCause {
  private changes?: StatusChanges;

  constructor(private readonly sim: PodSim, private readonly prev: ApiPodStatus, private readonly next: ApiPodStatus) {}

  get(): StatusChanges {
    return (this.changes ??= statusChanges(this.sim, this.prev, this.next));
  }

  /** The runtime events behind the changed containers' states. */
  stateCause(): string[] {
    const changes = this.get();
    return changes.cause(changes.state);
  }
}

/** StatusChanges.cause's list, reused from call to call (issue 16: one new list per event with causes). */
const scratchIds: string[] = [];

/** Which containers' statuses differ between two writes, and the runtime events behind them. */
class StatusChanges {
  /** Containers whose state, started flag or restart count changed. */
  readonly state: string[] = [];
  /** Containers whose ready flag changed. */
  readonly ready: string[] = [];
  /** Changed containers among the init containers. */
  readonly init: string[] = [];

  constructor(private readonly sim: PodSim) {}

  /**
   * The runtime events since the last write of these containers, the latest few. The list is
   * valid until the next call (a scratch list: every caller hands it straight to emit, which copies it).
   */
  cause(names: string[]): string[] {
    const sim = this.sim;
    const ids = scratchIds;
    empty(ids);
    for (let i = 0; i < names.length; i++) { const n = names[i]!;
      const since = sim.status.runtimeEventsOf(n);
      if (since) for (let j = 0; j < since.length; j++) ids.push(since[j]!);
    }
    if (ids.length === 0 && sim.deletion) return [sim.deletion.id];
    if (!inEmissionOrder(ids)) ids.sort(byEmission); // a stable sort leaves ordered ids as they are
    return ids.length > MAX_POD_CAUSES ? ids.slice(-MAX_POD_CAUSES) : ids;
  }

  /** Adds the containers of one list whose status differs between the two writes. */
  scan(olds: ContainerStatus[], news: ContainerStatus[], isInit: boolean): void {
    if (olds === news) return;
    let byName: Map<string, ContainerStatus> | undefined;
    for (let i = 0; i < news.length; i++) {
      const s = news[i]!;
      let o = olds[i];
      if (o?.name !== s.name) o = (byName ??= new Map(olds.map((x) => [x.name, x]))).get(s.name);
      if (o === s) continue;
      if (!o || stateKind(o) !== stateKind(s) || o.started !== s.started || o.restartCount !== s.restartCount
        || o.state.waiting?.reason !== s.state.waiting?.reason) {
        this.state.push(s.name);
        if (isInit) this.init.push(s.name);
      }
      if (!o || o.ready !== s.ready) this.ready.push(s.name);
    }
  }
}

function statusChanges(sim: PodSim, prev: ApiPodStatus, next: ApiPodStatus): StatusChanges {
  const changes = new StatusChanges(sim);
  changes.scan(prev.initContainerStatuses, next.initContainerStatuses, true);
  changes.scan(prev.containerStatuses, next.containerStatuses, false);
  return changes;
}

/** Ids in emission order ("e12" before "e100"). */
function byEmission(a: string, b: string): number {
  return emissionIndex(a) - emissionIndex(b);
}

function inEmissionOrder(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!(emissionIndex(ids[i - 1]!) <= emissionIndex(ids[i]!))) return false;
  return true;
}

/** The number after an id's one-letter prefix ("e12" → 12), read without building a substring. */
function emissionIndex(id: string): number {
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(id.slice(1)); // not a plain index: as Number reads it
    n = n * 10 + digit;
  }
  return n;
}

/** A condition's event: type, condition, status, its reason when it has one, why (property stores in that order: no spread). */
/** A condition shows the containers its rule reads ([7]): readiness for Ready, init for Initialized. */
function conditionCause(changes: StatusChanges, type: PodConditionType): string[] {
  if (type === 'Ready' || type === 'ContainersReady') {
    const ids = changes.cause(changes.ready);
    return ids.length ? ids : changes.cause(changes.state);
  }
  if (type === 'Initialized') {
    const ids = changes.cause(changes.init);
    return ids.length ? ids : changes.cause(changes.state);
  }
  return type === 'PodReadyToStartContainers' ? [] : changes.cause(changes.state);
}

/** No runtime event since the last write (one shared list: only read). */
const NO_IDS: readonly string[] = [];

/** The container events between two status lists; `changed` collects the containers whose probe workers must look again. */
function publishContainers(sim: PodSim, olds: ContainerStatus[], news: ContainerStatus[], changed: string[], shown: string[]): void {
  if (olds === news) return; // a probe patch that changed no status in this list
  let byName: Map<string, ContainerStatus> | undefined;
  for (let i = 0; i < news.length; i++) {
    const s = news[i]!;
    let o = olds[i];
    // Both lists follow the spec's order, so the previous status is usually at the same position;
    // otherwise (the first write) it is looked up by name.
    if (o?.name !== s.name) o = (byName ??= new Map(olds.map((x) => [x.name, x]))).get(s.name);
    if (o === s) continue; // a probe patch keeps the statuses it does not change
    const rec = sim.records.get(s.name);
    if (rec !== undefined) sim.changes.probeFlags.mark(rec.position); // a new written status: the next probe patch compares with it
    if (!o || !sameRuntimeView(o, s)) changed.push(s.name);
    if (!o || !sameWrittenState(o, s)) recordWrite(sim, s);
    const reason = s.state.waiting?.reason;
    const since = sim.status.runtimeEventsOf(s.name) ?? NO_IDS;
    if (reason && reason !== o?.state.waiting?.reason) {
      shown.push(emitWaiting(sim, s.name, reason, waitingWhy(reason, s), since));
    }
    const attempt = s.restartCount;
    const inst = sim.status.instanceOf(s.name);
    // A container the kubelet replaced between two writes (a liveness kill restarts it in the same
    // sync): its new run's flags are news even where the old run's were the same.
    const newRun = o !== undefined && o.restartCount !== s.restartCount;
    let startedId: string | undefined;
    if (s.started && (!o?.started || newRun)) {
      startedId = emitAttemptEvent(sim, 'container.started', s.name, attempt, startedWhy(sim, s.name, inst), since.length ? since : [inst?.ids.up ?? inst?.ids.start]);
      if (inst) inst.ids.started = startedId;
      shown.push(startedId);
    }
    if (!s.started && o?.started && !newRun && s.state.running) {
      shown.push(emitAttemptEvent(sim, 'container.unstarted', s.name, attempt, UNSTARTED_WHY, [inst?.ids.started]));
    }
    if (s.ready && (!o?.ready || newRun)) {
      shown.push(emitAttemptEvent(sim, 'container.ready', s.name, attempt, readyWhy(sim, s.name), [...since, startedId]));
    }
    if (!s.ready && o?.ready) {
      shown.push(emitAttemptEvent(sim, 'container.unready', s.name, attempt, '[5.6] The container is no longer ready: it stopped, or its readiness probe failed.', since.length ? since : [inst?.ids.exit ?? inst?.ids.kill]));
    }
  }
}

/** Whether the probe workers see the same thing in both statuses: state (and start time), started, ready, restarts. */
function sameRuntimeView(a: ContainerStatus, b: ContainerStatus): boolean {
  return stateKind(a) === stateKind(b) && a.state.running?.startedAt === b.state.running?.startedAt
    && a.started === b.started && a.ready === b.ready && a.restartCount === b.restartCount;
}

/** Whether two written statuses show the same state, reason, exit code and restart count. */
function sameWrittenState(a: ContainerStatus, b: ContainerStatus): boolean {
  return stateKind(a) === stateKind(b) && a.restartCount === b.restartCount && writtenReason(a) === writtenReason(b)
    && a.state.terminated?.exitCode === b.state.terminated?.exitCode;
}

const writtenReason = (s: ContainerStatus): string | undefined => s.state.waiting?.reason ?? s.state.terminated?.reason;

function recordWrite(sim: PodSim, s: ContainerStatus): void {
  const reason = writtenReason(s);
  const exitCode = s.state.terminated?.exitCode;
  // t, container, state, reason and exitCode when there are, restartCount: in this order, each
  // variant one literal (its fields in the object itself: the trace keeps every write).
  const t = sim.now;
  const container = s.name;
  const state = stateKind(s);
  const restartCount = s.restartCount;
  let write: ContainerStatusWrite;
  if (reason) {
    write = exitCode !== undefined ? { t, container, state, reason, exitCode, restartCount } : { t, container, state, reason, restartCount };
  } else {
    write = exitCode !== undefined ? { t, container, state, exitCode, restartCount } : { t, container, state, restartCount };
  }
  sim.status.writes.push(write);
}

function stateKind(s: ContainerStatus): 'running' | 'terminated' | 'waiting' {
  return s.state.running ? 'running' : s.state.terminated ? 'terminated' : 'waiting';
}

function waitingWhy(reason: string, s: ContainerStatus): string {
  switch (reason) {
    case 'PodInitializing': return '[10.1] Not created yet, and the pod has init containers: PodInitializing.';
    case 'ContainerCreating': return '[10.1] Not running yet: ContainerCreating.';
    case 'CrashLoopBackOff': return crashLoopWhy(s.state.waiting?.message ?? '');
    case 'ErrImagePull': return '[10.2] The image pull failed.';
    case 'ErrImageNeverPull': return `[10.2] The image is not on the node and the pull policy is Never, so the kubelet does not pull it: ${s.state.waiting?.message ?? ''}.`;
    case 'ImagePullBackOff': return `[10.2] The image pull failed before; the kubelet waits before trying again [10.9]. The status message reads: ${s.state.waiting?.message ?? ''}.`;
    case 'PostStartHookError': return '[3.4] The postStart hook failed, so the container was killed.';
    case 'InvalidImageName': return `[10.11] The kubelet cannot parse the image reference, so it never pulls or starts it: ${s.state.waiting?.message ?? ''}.`;
    default: return `[10.2] Waiting: ${reason}.`;
  }
}

/** The last CrashLoopBackOff why and the message it quotes: a crash loop writes the same message (start.ts keeps one per delay) wait after wait. */
let lastCrashLoop = { message: '', why: '' };

function crashLoopWhy(message: string): string {
  if (lastCrashLoop.message !== message || lastCrashLoop.why === '') lastCrashLoop = { message, why: `[10.2] It will be restarted after its back-off: ${message}.` };
  return lastCrashLoop.why;
}

/**
 * Started turned false for a running container: its startup worker has no passing result for it,
 * where the status had called it started. After a replacement took Started from its name, once the
 * worker looks at the new container ([5.15]); after AddPod made a startup worker again ([5.12]);
 * after a kubelet restart that starts the results over ([0.2]).
 */
const UNSTARTED_WHY = '[5.15] The container no longer counts as started: its startup probe worker has no passing result for it yet (it has just looked at a replacement that took Started from its name [5.15], or it was made again [5.12] [0.2]), so its liveness and readiness probes wait for the startup probe again.';

function startedWhy(sim: PodSim, name: string, inst: Instance | undefined): string {
  if (sim.rec(name).spec.startupProbe && sim.probes.startupBeforeAddPod(name) && sim.deletion) {
    return '[5.16] [8.14] The kubelet restarted and found the pod deleted: it runs no SyncPod, so no AddPod makes a startup worker, and UpdatePodStatus, finding none, calls the running container started (`started = !exists`) while it is stopped (kubernetes#135795).';
  }
  if (sim.rec(name).spec.startupProbe && sim.probes.startupBeforeAddPod(name)) {
    return '[5.16] The kubelet restarted: its first sync writes the status before AddPod makes the startup worker, and UpdatePodStatus, finding none, calls the running container started (`started = !exists`) until the worker first looks (kubernetes#135795).';
  }
  if (inst && sim.probes.startedOnRestart(name, inst)) {
    return '[5.16] The kubelet restarted while the container was in its startup period (1.35-1.37, ChangeContainerStatusOnKubeletRestart off; kubernetes#142305): its first sync wrote the status before it made the probe workers again, so isContainerStarted, finding no startup worker, said started; the written Started=true then holds, the startup probe never runs on this container again, and its liveness and readiness probes begin.';
  }
  if (inst && sim.probes.startedByCopy(name, inst)) {
    return '[5.15] Started is copied from the previous container\'s status by name (1.35-1.37 as released, ChangeContainerStatusOnKubeletRestart off; kubernetes#141155): the replacement counts as started before its startup probe has run, so its liveness and readiness probes run on it until the startup worker first looks at it.';
  }
  return sim.rec(name).spec.startupProbe
    ? '[2.2] Its startup probe succeeded, so the container counts as started.'
    : '[2.2] It is running and has no startup probe, so it counts as started at the next status write.';
}

function readyWhy(sim: PodSim, name: string): string {
  const spec = sim.rec(name).spec;
  if (spec.kind === 'init') return '[5.6] A regular init container is ready once it exited 0.';
  if (spec.readinessProbe && sim.probes.readinessBeforeAddPod(name) && sim.deletion) {
    return '[5.16] [8.14] The kubelet restarted and found the pod deleted: it runs no SyncPod, so no AddPod makes a readiness worker, and UpdatePodStatus, finding none, calls the running container ready (`ready = !exists`) while it is stopped (kubernetes#135795).';
  }
  if (spec.readinessProbe && sim.probes.readinessBeforeAddPod(name)) {
    return '[5.16] The kubelet restarted: its first sync writes the status before AddPod makes the readiness worker, and UpdatePodStatus, finding none, calls the container ready (`ready = !exists`) until the worker first looks (kubernetes#135795).';
  }
  return spec.readinessProbe ? '[5.6] Its readiness probe succeeded.' : '[5.6] Started and without a readiness probe: ready.';
}
