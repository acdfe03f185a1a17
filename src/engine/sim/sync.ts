// The pod worker and SyncPod ([0.1]–[0.3]): write the status from the runtime snapshot, decide
// with computePodActions, then act in upstream's order: kill, sandbox, init containers, main
// containers. The pod worker that runs it, one sync at a time, is podWorker.ts.
// Upstream read: kuberuntime_manager.go SyncPod (steps 1-8; the `start` helper returns after a
// regular init container's failed start and skips a sidecar's), killContainer's grace from
// kuberuntime_container.go setTerminationGracePeriod, 1.28-1.33 stored versions; the back-off
// snapshot ([4.5]) and the requeue ([4.6], pod_workers.go, PR #133066 for 1.35+). The new sandbox
// is relisted like a container ([0.7], pleg/generic.go getContainersFromPods, 1.27-1.36).

import type { PodActions } from '../kubelet/computePodActions';
import type { PodActionsInput } from '../kubelet/podActionsTypes';
import type { ContainerSpec } from '../scenario/types';
import type { Task } from './kernel';
import type { Instance } from './model';
import type { Causes, PodSim } from './podSim';
import { killContainer, killPod } from './kill';
import { doBackOff, exitedSnapshot, startContainer, type StartOutcome } from './start';
import { writeStatus } from './status';
import { runtimeTables } from './runtimeView';
import { enterTerminal, runningNames } from './terminate';
import { allContainersRestarting, restartAllContainers } from './restartAll';
import { createdInitContainerWaits, exitedMainCountsAsInitialized, initProgressReadsActiveSandbox, sidecarImageChangeRestarts, usesLegacyInitProgress } from '../kubelet/initProgressPath';
import { REQUEUE_AFTER_ERROR, RESYNC_INTERVAL, SANDBOX_CREATE, VOLUME_WAIT, jitteredDelay } from './timing';
import { firstRelistAfter } from './podCache';
import { readAtLastRelist } from './relistSnapshot';
import { plannedActions, previousPlan } from './planMemo';

const NOTHING_EXITED: ReadonlyMap<string, Instance | undefined> = new Map<string, Instance>();

/** The spec list with each container's current image ([1.8]); the list itself when no image changed. */
function withImages(sim: PodSim, specs: ContainerSpec[], offset: number): ContainerSpec[] {
  let out: ContainerSpec[] | undefined;
  for (let i = 0; i < specs.length; i++) {
    const c = specs[i]!;
    const { image } = sim.recordList[offset + i]!; // recordList follows specs(): init containers, then main
    if (image === c.image && out === undefined) continue;
    out ??= specs.slice(0, i);
    out.push(image === c.image ? c : { ...c, image }); // a copy only for a changed image
  }
  return out ?? specs;
}

/**
 * Whether the pod object this sync reads is deleted: not for a sync that took its update before the
 * deletion, while it waited for a newer cache ([3.4], podWorkerLoop's update.Options.Pod).
 */
function deletedForSync(sim: PodSim): boolean {
  return sim.deletion !== undefined && !sim.syncPredatesDeletion;
}

export function actionsInput(sim: PodSim): PodActionsInput {
  const tables = runtimeTables(sim);
  return inputFrom(sim, tables, withImages(sim, sim.pod.initContainers, 0), withImages(sim, sim.pod.containers, sim.pod.initContainers.length));
}

/** The input from the refilled runtime tables and the spec lists with their current images. */
function inputFrom(sim: PodSim, tables: ReturnType<typeof runtimeTables>, initContainers: ContainerSpec[], containers: ContainerSpec[]): PodActionsInput {
  const { runtime, startup, liveness } = tables;
  const legacy = usesLegacyInitProgress(sim.minor, sim.gates.SidecarContainers, sim.pod.initContainers);
  return {
    restartPolicy: sim.pod.restartPolicy,
    initContainers,
    containers,
    deleted: deletedForSync(sim),
    sandboxReady: sim.sandbox.ready,
    sandboxAttempt: sim.sandbox.created,
    runtime, startup, liveness,
    containerRestartRules: sim.gates.ContainerRestartRules,
    restartAllContainers: sim.gates.RestartAllContainersOnContainerExits,
    legacyInitProgress: legacy,
    initProgressCountsExited: exitedMainCountsAsInitialized(sim.minor, legacy),
    initProgressActiveSandboxOnly: initProgressReadsActiveSandbox(sim.minor),
    createdInitWaits: createdInitContainerWaits(sim.minor, legacy),
    sidecarImageChangeIgnored: !sidecarImageChangeRestarts(sim.minor),
  };
}

/** The event that shows a container's current runtime state: its exit, else its started status, up or start. */
function stateEventId(sim: PodSim, name: string): string | undefined {
  const inst = sim.records.get(name)?.instances.at(-1);
  if (!inst) return undefined;
  return inst.state === 'exited' ? inst.ids.exit : inst.ids.started ?? inst.ids.up ?? inst.ids.start;
}

/** What made the plan start a container: the state of the container its reason read ([2.1], [4.1]). */
function startCause(sim: PodSim, plan: PodActions, name: string): string[] {
  const after = plan.reasons[name]?.after;
  const id = after === undefined ? undefined : stateEventId(sim, after);
  return id === undefined ? [] : [id];
}

/** What made the plan kill a container: the probe result, the image change, or the exits that ended the pod. */
function killCause(sim: PodSim, plan: PodActions, name: string): Causes {
  const kill = plan.containersToKill.find((k) => k.name === name);
  const inst = sim.records.get(name)?.instances.at(-1);
  if (kill?.reason === 'LivenessProbe') return [sim.probes.resultId(name, 'liveness', inst)];
  if (kill?.reason === 'StartupProbe') return [sim.probes.resultId(name, 'startup', inst)];
  if (kill?.reason === 'SpecChanged') return [sim.rec(name).imageChangeId];
  const exits = (plan.killPodAfter ?? []).map((n) => sim.records.get(n)?.instances.at(-1)?.ids.exit).filter((id) => id !== undefined);
  return exits.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).slice(-3);
}

/** Whether the named container is a regular init container (not a sidecar). */
function isRegularInit(sim: PodSim, name: string | undefined): boolean {
  return name !== undefined && sim.records.get(name)?.spec.kind === 'init';
}

/** The grace of a probe kill: the probe's own terminationGracePeriodSeconds, else the pod's ([8.9]). */
function killGrace(sim: PodSim, name: string, reason: string): number {
  const spec = sim.rec(name).spec;
  const probe = reason === 'LivenessProbe' ? spec.livenessProbe : reason === 'StartupProbe' ? spec.startupProbe : undefined;
  return probe?.terminationGracePeriodSeconds ?? sim.specGrace();
}

/** The plan's reason for what it does to a container. */
function whyFor(plan: PodActions, name: string, fallback: string): string {
  return plan.reasons[name]?.text ?? fallback;
}

/** computePodActions for this sync: the previous plan while its input is equal (planMemo.ts), checked before the input is built. */
function syncPlan(sim: PodSim): PodActions {
  const tables = runtimeTables(sim);
  const initContainers = withImages(sim, sim.pod.initContainers, 0);
  const containers = withImages(sim, sim.pod.containers, sim.pod.initContainers.length);
  return previousPlan(sim, initContainers, containers, deletedForSync(sim), sim.sandbox.ready, sim.sandbox.created)
    ?? plannedActions(sim, inputFrom(sim, tables, initContainers, containers));
}

/** What a sync reads of the cache entry: the status it writes, then the plan and what the plan's starts and kills read. */
function readForSync(sim: PodSim) {
  writeStatus(sim);
  if (sim.terminalAt !== undefined) return undefined;
  const plan = syncPlan(sim); // computePodActions, the previous plan for an equal input
  // [11.2] the AllContainersRestarting condition of this status: True makes this sync the in-place restart's reset
  const restarting = allContainersRestarting(sim, plan.restartAllContainers);
  // [4.5] doBackOff reads the status from before this sync's kills; only a plan that starts something reads it.
  const starts = !restarting && (plan.initContainersToStart.length > 0 || plan.containersToStart.length > 0);
  // [8.11] what a kill reads as running: the same snapshot
  const seenRunning = restarting || plan.killPod || plan.containersToKill.length > 0 ? runningNames(sim) : undefined;
  return { plan, exited: starts ? exitedSnapshot(sim, plan.initContainersToStart, plan.containersToStart) : NOTHING_EXITED, seenRunning, restarting };
}

/**
 * One SyncPod. What it does before its first wait runs at once; the rest (a kill, a new sandbox, a
 * start, the terminal path) is returned as the task the pod worker runs, or undefined when the sync
 * is already over. Issue 16: most syncs of a pod in back-off only write the status and refuse the
 * start, and build no generator, task or wait for that.
 */
export function syncPod(sim: PodSim): Task | undefined {
  sim.syncActed = false;
  // [0.6] the status and the plan come from the last relist's cache entry, not the runtime now.
  const read = readAtLastRelist(sim, readForSync);
  sim.syncReadSandbox = sim.sandbox.id; // [2.9] what this sync's podStatus lists of the init containers (process.ts restartCountOf)
  sim.inRuntimeSync = read !== undefined; // [3.4] what follows is the runtime's SyncPod (not the terminal path), which a deletion lets end
  if (read === undefined) return terminalSync(sim);
  const { plan, exited, seenRunning, restarting } = read;
  sim.syncActed = restarting || actsOn(plan); // [0.8] SyncPod's postSync asks for a relist when the sync had results and no error
  // [11.2] with the condition True the runtime's SyncPod only stops and removes the containers (restartingAllContainers)
  if (restarting) return restartAllContainers(sim, seenRunning!);
  if (plan.killPod || plan.containersToKill.length > 0 || plan.createSandbox) return killsThenStarts(sim, plan, exited, seenRunning);
  const failures = new SyncFailures();
  const first = refuseUntilStart(sim, plan, exited, failures, 0);
  if (first !== STARTS_DONE) return startsFrom(sim, plan, exited, failures, first);
  endSync(sim, failures);
  return undefined;
}

/** [0.6] SyncPod returned isTerminal; SyncTerminatingPod waits for the next relist's cache. */
function* terminalSync(sim: PodSim): Task {
  const startAt = firstRelistAfter(sim.now);
  if (!sim.terminalDone) yield { sleep: startAt - sim.now };
  yield* enterTerminal(sim);
}

/** SyncPod's kills and sandbox, then its starts. */
function* killsThenStarts(sim: PodSim, plan: PodActions, exited: ReadonlyMap<string, Instance | undefined>, seenRunning: ReadonlySet<string> | undefined): Task {
  if (plan.createSandbox && sim.sandbox.created > 0) announceSandboxChange(sim);
  if (plan.killPod) {
    // The Killing reason names what caused it where computePodActions saw one (a probe, a spec change).
    const reasonOf = (name: string) => plan.containersToKill.find((k) => k.name === name)?.reason ?? 'PodTermination';
    yield* killPod(sim, sim.specGrace(), reasonOf, (name) => whyFor(plan, name, plan.why.at(-1) ?? '[8.1c] The pod is killed.'), (name) => killCause(sim, plan, name), seenRunning);
    if (!plan.createSandbox) return; // the PLEG sees the exits and the next sync writes the outcome
  } else {
    for (let i = 0; i < plan.containersToKill.length; i++) { const kill = plan.containersToKill[i]!;
      const why = `[${kill.reason === 'SpecChanged' ? '1.8' : '4.4'}] ${kill.message}.`;
      yield* killContainer(sim, kill.name, kill.reason, killGrace(sim, kill.name, kill.reason), false, why, killCause(sim, plan, kill.name), seenRunning?.has(kill.name), undefined, kill.message);
    }
  }

  if (plan.createSandbox) {
    if (sim.sandbox.created === 0) {
      // [3.4] The first SyncPod waits for the pod's volumes (WaitForAttachAndMount) on the pod worker's
      // context, before the runtime's SyncPod: a deletion meanwhile cancels the poll, SyncPod returns
      // its error, and nothing of this sync is left to do (no sandbox, no start).
      sim.inRuntimeSync = false;
      yield { sleep: VOLUME_WAIT };
      if (sim.deletion) {
        sim.syncActed = false; // [0.8] an error, not results: no relist asked for
        return;
      }
      sim.inRuntimeSync = true;
      yield { sleep: SANDBOX_CREATE - VOLUME_WAIT };
    } else {
      yield { sleep: SANDBOX_CREATE };
    }
    const { id, created, conditionReady } = sim.sandbox; // a new sandbox: what killed the old one is no longer its story ([2.11])
    sim.sandbox = { id: id + 1, ready: true, created: created + 1, conditionReady };
    sim.noticeSandboxChange(); // [0.7] the next relist sees the new sandbox and asks for a sync
    if (sim.minor >= 36) {
      sim.sandbox.conditionReady = true; // [7.1] from 1.36 right after the sandbox exists
      writeStatus(sim);
    }
  }
  const failures = new SyncFailures();
  const first = refuseUntilStart(sim, plan, exited, failures, 0);
  if (first !== STARTS_DONE) yield* startsFrom(sim, plan, exited, failures, first);
  else endSync(sim, failures);
}

/** [2.11] SyncPod's first step when it replaces a sandbox: the SandboxChanged event, before the kills. */
function announceSandboxChange(sim: PodSim): void {
  const attempt = sim.sandbox.created;
  const lost = sim.sandbox.lostBy;
  sim.emit({
    type: 'pod.sandboxChanged',
    attempt,
    why: `[2.11] The kubelet finds the pod's sandbox dead: it records SandboxChanged ("Pod sandbox changed, it will be killed and re-created."), kills what is left of the pod and makes sandbox attempt ${attempt}.`,
  }, lost === undefined ? [] : [lost]);
}

/** No start is left: every one was made, refused, or a regular init container's failure aborted the rest. */
const STARTS_DONE = -1;

/**
 * The plan's starts in SyncPod's order, init containers (plan.initContainersToStart) then main
 * containers (plan.containersToStart), as one list: the position `pos` is the name's index in it.
 */
function startName(plan: PodActions, pos: number): string {
  const init = plan.initContainersToStart;
  return pos < init.length ? init[pos]! : plan.containersToStart[pos - init.length]!;
}

/**
 * [4.5] doBackOff for each start from `pos` on; a refused start is a failure of the sync (for a
 * regular init container it aborts the rest, [2.8]). Returns the position of the first start
 * doBackOff lets through, or STARTS_DONE.
 */
function refuseUntilStart(sim: PodSim, plan: PodActions, exited: ReadonlyMap<string, Instance | undefined>, failures: SyncFailures, pos: number): number {
  const total = plan.initContainersToStart.length + plan.containersToStart.length;
  for (; pos < total; pos++) {
    const name = startName(plan, pos);
    const refused = doBackOff(sim, name, exited.get(name)); // a refused start builds no why
    if (refused === null) return pos;
    if (settleStart(sim, plan, failures, refused, pos)) return STARTS_DONE;
  }
  return STARTS_DONE;
}

/** Counts a start that did not succeed; true when it aborts the sync's other starts ([2.8]: a regular init container's; a sidecar's is skipped). */
function settleStart(sim: PodSim, plan: PodActions, failures: SyncFailures, outcome: StartOutcome, pos: number): boolean {
  if (outcome.ok) return false;
  failures.add(outcome);
  return pos < plan.initContainersToStart.length && isRegularInit(sim, startName(plan, pos));
}

/** The starts from `pos` (doBackOff let that one through), each followed by the back-off checks up to the next start. */
function* startsFrom(sim: PodSim, plan: PodActions, exited: ReadonlyMap<string, Instance | undefined>, failures: SyncFailures, pos: number): Task {
  while (pos !== STARTS_DONE) {
    const name = startName(plan, pos);
    const fallback = pos < plan.initContainersToStart.length ? `[2.1] Init container ${name} starts.` : `[3.2] Main container ${name} starts.`;
    const outcome = yield* startContainer(sim, name, whyFor(plan, name, fallback), exited.get(name), startCause(sim, plan, name));
    pos = settleStart(sim, plan, failures, outcome, pos) ? STARTS_DONE : refuseUntilStart(sim, plan, exited, failures, pos + 1);
  }
  endSync(sim, failures);
}

/** The end of every sync that reached its starts: the sandbox's condition, and the requeue after a failed start. */
function endSync(sim: PodSim, failures: SyncFailures): void {
  if (!sim.sandbox.conditionReady && sim.sandbox.ready) sim.sandbox.conditionReady = true; // [7.1] up to 1.35: after the first sync
  if (failures.any) {
    sim.syncActed = false;
    scheduleRequeue(sim, failures.retryAt);
  }
}

/** Whether the plan gives kuberuntime's SyncPod a result: a kill, a sandbox, a start (or its back-off), an in-place restart. */
function actsOn(plan: PodActions): boolean {
  return plan.killPod || plan.createSandbox || plan.containersToKill.length > 0 || plan.initContainersToStart.length > 0
    || plan.containersToStart.length > 0 || plan.restartAllContainers !== undefined;
}

/** The sync's failed starts; MinBackoffExpiration: the earliest CrashLoopBackOff expiry among them. */
class SyncFailures {
  any = false;
  retryAt: number | undefined;

  add(outcome: StartOutcome): void {
    this.any = true;
    if (outcome.retryAt !== undefined) this.retryAt = Math.min(outcome.retryAt, this.retryAt ?? Infinity);
  }
}

/**
 * After an error the pod is requeued ([0.2]): after backOffPeriod, from 1.35 at the earliest
 * back-off expiry, at most the resync interval away; then jittered ([4.6], completeWork).
 */
function scheduleRequeue(sim: PodSim, retryAt: number | undefined): void {
  let delay = REQUEUE_AFTER_ERROR;
  if (sim.minor >= 35 && retryAt !== undefined) delay = Math.min(Math.max(retryAt - sim.now, 0), RESYNC_INTERVAL);
  sim.worker.requeueAt(Math.max(sim.now + jitteredDelay(delay, sim.scenario.sim.requeueJitter), sim.now + 0.001));
}
