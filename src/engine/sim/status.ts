// The status manager: generateAPIPodStatus from the runtime at each sync ([0.1], [10]) and probe
// patches in between ([5.6], probePatch.ts). statusEvents.ts turns each written status into trace events.
// Upstream: pkg/kubelet/kubelet_pods.go generateAPIPodStatus, convertToAPIContainerStatuses (its
// last loop: Waiting only for containers ShouldContainerBeRestarted restarts, never an init
// container that exited 0), read at the 1.36 tree; the loop is unchanged since before 1.27.

import type {
  ApiPodStatus, ContainerState, ContainerStatus, PodCondition,
} from '../api';
import { podConditions, type ExplainedCondition } from '../kubelet/conditions';
import {
  anyMainContainerStarted, explainPhase, keepTerminalPhase, phaseVersionRules, type PhaseExplanation, type PhaseStatuses,
} from '../kubelet/getPhase';
import type { ContainerSpec } from '../scenario/types';
import type { PodPhase } from '../trace';
import type { PodSim } from './podSim';
import { newest, previousRun, type ContainerRecord, type Instance } from './model';
import { shouldContainerBeRestarted } from '../kubelet/restartPolicy';
import { vanishedContainer } from './vanishedContainer';
import { hiddenByRestartAll } from './restartAll';
import { noticeCollected } from './containerDeletor';
import { publish, publishUnchanged } from './statusEvents';
import { conditionsToWrite } from './writtenConditions';
import { illegalTransition } from './statusTransition';
import { terminatePodStatus } from './terminatePodStatus';
import { applyKubeletKill, disruptionCondition } from './kubeletKillStatus';
import { applyActiveDeadline, noteDeadlineExceeded, pastActiveDeadline, type DeadlineVerdict } from './activeDeadline';
import type { GeneratedStatus } from './statusManager';
import { holds, remember, specForStatus, statusesByPosition } from './statusMemo';
import { rememberContainersReady } from './probePatch';
import { phaseStillHolds } from './phaseView';
import { conditionsStillHold } from './conditionsView';
import { keepsStatusAcrossKubeletRestart } from './kubeletRestartStatus';
import {
  RESTARTING_ALL_MESSAGE, lastAfterRestartAll, lastOfOlderRun, listedRun, noState, restartedInPlace, runningState, terminated, waitingState,
} from './containerStates';

/** One container's status; the fields in a fixed order and built at once (no spreads: this runs for every container at every write). */
function apiStatus(
  name: string, image: string | undefined, state: ContainerState, lastState: ContainerState, restartCount: number,
  ready = false, started = false,
): ContainerStatus {
  return { name, image, ready, started, state, lastState, restartCount };
}

/** convertToAPIContainerStatuses for one container ([10.1]–[10.4]); `initialized` is podHasInitialized. */
function containerStatus(sim: PodSim, rec: ContainerRecord, initialized: boolean): ContainerStatus {
  const { spec } = rec;
  const { name } = spec;
  const inst = newest(rec);
  const prev = previousRun(rec);
  const image = inst?.image ?? rec.image;
  if (!inst) {
    // [10.1] the default waiting reason; [10.2] a start error replaces it unless the pod is deleted
    // (ShouldContainerBeRestarted is false once there is a deletionTimestamp).
    const error = sim.deletion === undefined ? rec.startError : undefined;
    const reason = error?.reason ?? (sim.pod.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating');
    return apiStatus(name, image, waitingState({ reason, message: error?.message }), noState(), 0);
  }
  const restartCount = inst.attempt;
  if (hiddenByRestartAll(sim, name, inst.run)) {
    // [11.2] removed by an in-place restart: the status stays, waiting to start again. 1.36+
    // (#136964, convertToAPIContainerStatuses' podRestarting branch): the kubelet's message, a last
    // state of exit 137 without times, and the restart already counted; 1.35: the reason only.
    if (sim.minor >= 36 && inst.state !== 'created') {
      return apiStatus(name, image, waitingState({ reason: 'RestartingAllContainers', message: RESTARTING_ALL_MESSAGE }), restartedInPlace(), restartCount + 1);
    }
    const last = terminated(inst);
    if (last.terminated) last.terminated.reason = 'RestartingAllContainers'; // getPhase reads it as a restart ([6.2])
    return apiStatus(name, image, waitingState({ reason: 'RestartingAllContainers' }), last, restartCount);
  }
  if (sim.removedFromRuntime.has(inst)) {
    // [10.3] [10.4] a run the runtime no longer lists (its record deleted while the kubelet was down;
    // [8.15] removed after an eviction: any kind last written Running takes the main containers' rule)
    const error = sim.deletion === undefined ? rec.startError : undefined;
    const defaultReason = sim.pod.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
    const v = vanishedContainer(sim.evicted?.removesContent ? 'main' : spec.kind, sim.status.statusOf(name), defaultReason, sim.deletion !== undefined, error, restartCount, terminated(inst));
    return apiStatus(name, image, v.state, v.lastState, v.restartCount, v.ready, v.started);
  }
  if (spec.kind !== 'main' && inst.sandbox !== sim.sandbox.id && !initialized) {
    // [2.9] a new sandbox purged this init container from the runtime: it waits to run again and
    // its old run is no longer known, so the pod is Pending until re-initialized (E70, P-ALWS-14).
    return apiStatus(name, image, waitingState({ reason: 'PodInitializing' }), noState(), restartCount);
  }
  if (inst.state === 'running') {
    const started = spec.kind === 'init' || sim.probes.started(rec, inst); // [5.6] UpdatePodStatus
    const ready = spec.kind !== 'init' && started && sim.probes.ready(rec, inst);
    return apiStatus(name, image, runningState({ startedAt: inst.startedAt }), lastAfterRestartAll(sim, name, prev) ?? lastOfOlderRun(sim, name, inst, prev), restartCount, ready, started);
  }
  if (inst.state === 'exited') {
    if (rec.startError && showsWaiting(sim, spec, inst)) {
      return apiStatus(name, image, waitingState({ reason: rec.startError.reason, message: rec.startError.message }), terminated(inst), restartCount);
    }
    const ready = spec.kind === 'init' && inst.exitCode === 0; // [5.6] a regular init container is ready once it exited 0
    // [10.8] lastState is the runtime's second-newest run, gone once the deletor's removal is relisted
    // (kept from the written status with RestartAllContainersOnContainerExits).
    return apiStatus(name, image, terminated(inst), lastAfterRestartAll(sim, name, prev) ?? lastOfOlderRun(sim, name, inst, prev), restartCount, ready);
  }
  // Created but not started (e.g. a kubelet restart caught it, [2.7]): Waiting with no reason, or
  // with the start error when there is one and the pod is not deleted (convertContainerStatus, [10.2]).
  const error = sim.deletion === undefined ? rec.startError : undefined;
  return apiStatus(name, image, waitingState(error ? { reason: error.reason, message: error.message } : {}), lastOfOlderRun(sim, name, inst, prev), restartCount);
}

/**
 * A container's generated status: the previous one (the very object) when nothing it is built
 * from changed, else a new one. Instances change only through their state (start, exit), so the
 * newest two instances and their states stand for every field the status copies from them.
 */
function generatedStatus(sim: PodSim, rec: ContainerRecord, memo: GeneratedStatus, initialized: boolean): ContainerStatus {
  const { spec } = rec;
  const inst = newest(rec);
  const prev = previousRun(rec);
  const deleted = sim.deletion !== undefined;
  let hidden = false;
  let removed = false;
  let purged = false;
  let started = false;
  let ready = false;
  const prevListed = listedRun(sim, prev);
  if (inst) {
    hidden = hiddenByRestartAll(sim, spec.name, inst.run);
    removed = sim.removedFromRuntime.size > 0 && sim.removedFromRuntime.has(inst);
    purged = spec.kind !== 'main' && inst.sandbox !== sim.sandbox.id && !initialized;
    if (inst.state === 'running') {
      started = spec.kind === 'init' || sim.probes.started(rec, inst);
      ready = spec.kind !== 'init' && started && sim.probes.ready(rec, inst);
    }
  }
  if (memo.status !== undefined && memo.inst === inst && memo.instState === inst?.state && memo.prev === prev
    && memo.prevState === prev?.state && memo.errorReason === rec.startError?.reason
    && memo.errorMessage === rec.startError?.message && memo.image === rec.image
    && memo.deleted === deleted && memo.hidden === hidden && memo.removed === removed && memo.purged === purged
    && memo.started === started && memo.ready === ready && memo.prevListed === prevListed) return memo.status;
  memo.inst = inst;
  memo.instState = inst?.state;
  memo.prev = prev;
  memo.prevState = prev?.state;
  memo.errorReason = rec.startError?.reason;
  memo.errorMessage = rec.startError?.message;
  memo.image = rec.image;
  memo.deleted = deleted;
  memo.hidden = hidden;
  memo.removed = removed;
  memo.purged = purged;
  memo.started = started;
  memo.ready = ready;
  memo.prevListed = prevListed;
  memo.status = withInitStartedUnset(sim, spec, containerStatus(sim, rec, initialized));
  return memo.status;
}

/**
 * [5.6] Up to 1.27 the kubelet never sets an init container's `started`: prober_manager.go
 * UpdatePodStatus (a pre-sidecar copy) sets Started for the regular containers only, and only Ready
 * (exited 0) for init containers; from 1.28 (#116429, no gate check) it sets both for all.
 */
function withInitStartedUnset(sim: PodSim, spec: ContainerSpec, status: ContainerStatus): ContainerStatus {
  if (spec.kind === 'main' || sim.minor >= 28) return status;
  const { started: _unset, ...rest } = status;
  return rest;
}

/**
 * The generated statuses of one spec list; the previous list itself when no status in it changed.
 * `changed`: the positions to look at (changedSet.ts), or undefined for all of them.
 */
function generatedList(
  sim: PodSim, count: number, offset: number, previous: ContainerStatus[] | undefined, initialized: boolean, changed: readonly number[] | undefined,
): ContainerStatus[] {
  if (changed !== undefined && previous !== undefined && previous.length === count) return regeneratedList(sim, count, offset, previous, initialized, changed);
  const memos = sim.status.generated;
  const records = sim.recordList; // in specs() order: this list's records from `offset`
  let out: ContainerStatus[] | undefined;
  for (let i = 0; i < count; i++) {
    const memo = (memos[offset + i] ??= { deleted: false, hidden: false, removed: false, purged: false, started: false, ready: false });
    const s = generatedStatus(sim, records[offset + i]!, memo, initialized);
    if (out === undefined) {
      if (previous !== undefined && previous[i] === s) continue;
      out = previous === undefined ? [] : previous.slice(0, i);
    }
    out.push(s);
  }
  return out ?? previous ?? [];
}

/** generatedList for the changed positions only: every other container keeps its previous status (its inputs did not change). */
function regeneratedList(sim: PodSim, count: number, offset: number, previous: ContainerStatus[], initialized: boolean, changed: readonly number[]): ContainerStatus[] {
  const memos = sim.status.generated;
  let out: ContainerStatus[] | undefined;
  for (let k = 0; k < changed.length; k++) {
    const at = changed[k]!;
    if (at < offset || at >= offset + count) continue;
    const memo = memos[at]!;
    const s = generatedStatus(sim, sim.recordList[at]!, memo, initialized);
    if (s === previous[at - offset]) continue;
    out ??= previous.slice();
    out[at - offset] = s;
  }
  return out ?? previous;
}

/**
 * The last loop of convertToAPIContainerStatuses ([10.2], [10.4]): an exited container shows its
 * start error as Waiting only when ShouldContainerBeRestarted says it will be restarted, and never
 * an init container (sidecars included) whose newest instance exited 0: that one stays
 * Terminated (Completed) through its back-off.
 */
function showsWaiting(sim: PodSim, spec: ContainerSpec, inst: Instance): boolean {
  const code = inst.exitCode ?? 0;
  if (spec.kind !== 'main' && code === 0) return false;
  return shouldContainerBeRestarted(sim.pod.restartPolicy, spec, code, {
    deleted: sim.deletion !== undefined,
    containerRestartRules: sim.gates.ContainerRestartRules,
  });
}

function podHasInitialized(sim: PodSim): boolean {
  const main = sim.pod.containers;
  for (let i = 0; i < main.length; i++) if (ranInThisSandbox(sim, main[i]!.name)) return true; // a loop: no closure at every write
  return false;
}

/** Some instance of the container ran in the current sandbox and was not removed by an in-place restart. */
function ranInThisSandbox(sim: PodSim, name: string): boolean {
  const instances = sim.rec(name).instances;
  for (let i = instances.length - 1; i >= 0; i--) { // newest first: the likely match
    const inst = instances[i]!;
    if (inst.sandbox === sim.sandbox.id && !hiddenByRestartAll(sim, name, inst.run)) return true;
  }
  return false;
}

/** SyncTerminatingPod's final status: the pod is being deleted or killed by the kubelet ([8.15], [8.16]) and nothing runs. */
function podIsTerminal(sim: PodSim): boolean {
  return (sim.deletion !== undefined || sim.kubeletKill?.begun === true) && sim.specs().every((c) => !sim.running(c.name));
}

/** getPhase for these statuses ([6.2]); the same lists and flags give the same explanation. */
function phaseOf(sim: PodSim, statuses: PhaseStatuses, inSandbox: boolean): PhaseExplanation {
  const podTerminal = podIsTerminal(sim);
  // [6.1] up to 1.32 getPhase asks the statuses (HasAnyRegularContainerStarted), from 1.33 the sandbox
  const rules = phaseVersionRules(sim.minor);
  const initialized = rules.initializedFromStatuses ? anyMainContainerStarted(statuses) : inSandbox;
  const key = (podTerminal ? 1 : 0) + (initialized ? 2 : 0);
  const manager = sim.status;
  const memo = manager.phase;
  if (phaseStillHolds(memo, statuses, key)) return memo.value;
  const before = manager.phaseBefore;
  if (phaseStillHolds(before, statuses, key)) { // the view before the last one (Error, then CrashLoopBackOff, then Error...)
    manager.phaseBefore = memo;
    manager.phase = before;
    return before.value;
  }
  const explained = explainPhase(specForStatus(sim), statuses, {
    podIsTerminal: podTerminal,
    podHasInitialized: initialized,
    containerRestartRules: sim.gates.ContainerRestartRules,
    sidecarStartedVisible: keepsStatusAcrossKubeletRestart(sim),
    restartAllContainers: sim.gates.RestartAllContainersOnContainerExits,
    pendingInitOnlyBeforeInitialized: rules.pendingInitOnlyBeforeInitialized,
    initializedFromStatuses: rules.initializedFromStatuses,
  }, statusesByPosition(sim, statuses));
  manager.phaseBefore = memo;
  manager.phase = remember(statuses, key, explained);
  return explained;
}

/** Each phase as a number, for the conditions' memo key. */
const PHASE_CODE: Record<PodPhase, number> = { Pending: 0, Running: 1, Succeeded: 2, Failed: 3 };

function conditionsFor(sim: PodSim, status: PhaseStatuses, phase: PodPhase): ExplainedCondition[] {
  const sandboxReady = sim.sandbox.conditionReady;
  // [7.2] with KEP-5532's gate on, an Initialized that was True stays True, in-place restart or not
  // (generate.go GeneratePodInitializedCondition; explain's deriveStatus.ts reads it the same way)
  const keepInitialized = sim.gates.RestartAllContainersOnContainerExits && sim.status.api.conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  const disruption = disruptionCondition(sim); // [7.7] copied over first, once the kubelet's own kill is over
  const key = PHASE_CODE[phase] * 8 + (sandboxReady ? 4 : 0) + (keepInitialized ? 2 : 0) + (disruption ? 1 : 0); // no string built at every write
  const manager = sim.status;
  const memo = manager.conditions;
  if (conditionsStillHold(memo, status, key)) return memo.value;
  const before = manager.conditionsBefore;
  if (conditionsStillHold(before, status, key)) { // the view before the last one (a crash loop alternates between two)
    manager.conditionsBefore = memo;
    manager.conditions = before;
    return before.value;
  }
  const generated = podConditions(specForStatus(sim), status, phase, {
    sandboxReady,
    readyToStartContainers: sim.gates.PodReadyToStartContainersCondition,
    keepInitialized,
    mainRanInitializes: sim.minor >= 28,
  }, statusesByPosition(sim, status));
  const conditions = disruption ? [disruption, ...generated] : generated;
  manager.conditionsBefore = memo;
  manager.conditions = remember(status, key, conditions);
  return conditions;
}

/** generateAPIPodStatus + SetPodStatus at the start of a sync ([0.1]). */
export function writeStatus(sim: PodSim): void {
  noticeCollected(sim); // [10.8] before the changed containers are read
  const initialized = podHasInitialized(sim); // read by the phase at every write, and by a purged init container's status
  const manager = sim.status;
  // Only the containers changed since the last generation, unless an input every container reads changed.
  const reader = sim.changes.generated;
  const everyContainer = reader.everything(sim.sandbox.id, sim.restartAllCount, sim.removedFromRuntime.size, (sim.deletion !== undefined ? 1 : 0) + (initialized ? 2 : 0));
  const changed = everyContainer ? undefined : reader.positions();
  const statuses = {
    initContainerStatuses: generatedList(sim, sim.pod.initContainers.length, 0, manager.generatedInit, initialized, changed),
    containerStatuses: generatedList(sim, sim.pod.containers.length, sim.pod.initContainers.length, manager.generatedMain, initialized, changed),
  };
  reader.clear();
  manager.generatedInit = statuses.initContainerStatuses;
  manager.generatedMain = statuses.containerStatuses;
  const previousPhase = manager.api.phase;
  const sticky = keepTerminalPhase(phaseOf(sim, statuses, initialized), previousPhase, manager.view.phase);
  const generated = applyActiveDeadline(sim, sticky, previousPhase); // [13.2]
  if (pastActiveDeadline(sim)) noteDeadlineExceeded(sim);
  // [8.15] [8.16] The kill's status function comes after generateAPIPodStatus, whose conditions read the phase before it.
  const explained = applyKubeletKill(sim, generated);
  const conditions = conditionsFor(sim, statuses, generated.phase);
  if (!holds(manager.containersReady, statuses, generated.phase)) {
    rememberContainersReady(sim, statuses, generated.phase, conditions.find((c) => c.type === 'ContainersReady')!);
  }
  const over = podIsOver(sim);
  if (!over && sameAsWritten(manager.api, statuses, explained, conditions)) {
    // The status manager finds nothing to update: no event, no field changes ([0.1]).
    publishUnchanged(sim);
    sim.probes.statusGenerated();
    return;
  }
  let next: ApiPodStatus = {
    phase: explained.phase, conditions: conditionsToWrite(manager.api.conditions, conditions),
    initContainerStatuses: statuses.initContainerStatuses, containerStatuses: statuses.containerStatuses,
  };
  if (explained.reason) Object.assign(next, { reason: explained.reason, message: explained.message });
  let phaseWhy = explained.why;
  if (over) {
    // [6.9] TerminatePod: the status manager's defaults for a pod that is over.
    const terminated = terminatePodStatus(specForStatus(sim), next, manager.api);
    next = terminated.status;
    if (terminated.markedFailed) {
      phaseWhy = `Failed [6.9]: the pod is over but its phase was still ${explained.phase}, so the status manager marks it Failed (TerminatePod) and reports every container it cannot account for as ContainerStatusUnknown.`;
    }
  }
  // [6.10] checkContainerStateTransition: a container that may not restart cannot leave
  // Terminated; the status manager drops such an update and keeps the previous status.
  if (illegalTransition(specForStatus(sim), manager.api, next, {
    containerRestartRules: sim.gates.ContainerRestartRules,
    restartAllContainers: sim.gates.RestartAllContainersOnContainerExits,
  }) !== undefined) return;
  // The instance each status describes: only the containers whose instances changed since the last
  // written status can show a new one (changedSet.ts).
  const shown = sim.changes.shown;
  if (shown.everything(0)) {
    for (const rec of sim.recordList) showNewest(sim, rec);
  } else {
    const positions = shown.positions();
    for (let k = 0; k < positions.length; k++) showNewest(sim, sim.recordList[positions[k]!]!);
  }
  shown.clear();
  publish(sim, next, phaseWhy, conditions, sticky.phase);
  sim.probes.statusGenerated(); // [5.9] UpdatePodStatus triggers readiness runs; [5.12] SyncPod's AddPod
}

/** The written status describes the container's newest instance from now on. */
function showNewest(sim: PodSim, rec: ContainerRecord): void {
  const inst = newest(rec);
  if (sim.status.instanceOf(rec.spec.name) === inst) return;
  sim.status.showInstance(rec.spec.name, inst);
  sim.changes.probeFlags.mark(rec.position); // the probe patch reads the instance a status describes
}

/**
 * Whether a generated status equals the written one in every field a write compares or copies:
 * the very status lists, the phase with its reason and message, and each condition.
 */
function sameAsWritten(api: ApiPodStatus, st: PhaseStatuses, verdict: DeadlineVerdict, conditions: readonly PodCondition[]): boolean {
  if (api.initContainerStatuses !== st.initContainerStatuses || api.containerStatuses !== st.containerStatuses) return false;
  if (api.phase !== verdict.phase || api.reason !== verdict.reason || api.message !== verdict.message) return false;
  return sameConditions(api.conditions, conditions);
}

function sameConditions(written: readonly PodCondition[], fresh: readonly PodCondition[]): boolean {
  if (written.length !== fresh.length) return false;
  for (let i = 0; i < fresh.length; i++) {
    const a = written[i]!;
    const b = fresh[i]!;
    if (a.type !== b.type || a.status !== b.status || a.reason !== b.reason || a.message !== b.message) return false;
  }
  return true;
}

/** The pod worker is done with the pod: deleted (or terminal by itself) and nothing runs any more. */
function podIsOver(sim: PodSim): boolean {
  return (sim.deletion !== undefined || sim.terminalDone) && sim.specs().every((c) => !sim.running(c.name));
}
