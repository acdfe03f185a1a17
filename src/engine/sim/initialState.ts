// Continue from an observed state (issue 14, `startFrom:` of the Simulation document): before the
// run, the node is seeded with what a real pod's status says, so the simulation takes over at
// `startFrom.now` where the kubelet stands. t = 0 stays the pod's creation.
//
// What is seeded, and the rules it follows:
// - the runtime: each container's runs as instances with their attempts and times (restartCount =
//   the newest attempt, [10.4]); runs the status no longer shows are kept only as attempts, out of
//   the runtime's view; the sandbox exists once anything ran ([7.1]); their images are on the node;
// - the back-off: a container that restarted has the kubelet's entry (client-go
//   flowcontrol.Backoff, read in KR doBackOff 1.27-1.36), with the printed CrashLoopBackOff delay
//   when the status carries one, else initial × 2^(restartCount − 1) up to the cap ([4.5], [4.7]),
//   stepped at its last restart, so the next restart is at lastState.finishedAt + that delay, as
//   `sim explain` predicts (explain/nextSteps);
// - the probe workers: a started container's startup probe has passed ([5.4]), a ready one's
//   readiness has ([5.6]); liveness holds Success, its initial value;
// - the written status: generated once from the seeded runtime (generateAPIPodStatus, [0.1]), so
//   the first sync sees no change to report;
// - [11.2] a container an in-place restart removed (written Waiting RestartingAllContainers): its
//   runs are seeded as removeFromRuntime (restartAll.ts) leaves them, all out of the runtime
//   (hiddenBelow), so the status keeps saying so and the next sync starts it again with its count.
//   Which run was removed follows the written status (convertToAPIContainerStatuses' podRestarting
//   branch, read in a TypeScript port of kubelet_pods.go, library id 54531373814): from 1.36
//   (kubernetes#136964) the last state has no times and restartCount is already one more
//   (oldStatus.restartCount + 1), so the removed run is attempt restartCount − 1; a 1.35 status
//   keeps that run as its last state, with its times, and restartCount is its attempt. The sandbox
//   is kept ([11.2]: the same sandbox, IP and volumes). A shown exit that matches a
//   RestartAllContainers rule means the written AllContainersRestarting is True (the sync that
//   writes such an exit writes True with it, GenerateAllContainersRestartingCondition): the reset
//   is seeded as under way (PodSim.restartAll), so the first sync resumes it rather than writing
//   True again.
// The past is drawn from the observed timestamps: one trace event per observed start and exit,
// and the status as written at `now`, each flagged `observed: true` (decided here: the timeline
// and the tables read them like any event, and the flag says they were not simulated).

import { backoffSettings } from '../kubelet/backoff';
import type { ObservedContainer, ObservedRun, StartFrom } from '../scenario/types';
import { REMOVED_IN_PLACE } from '../scenario/startFrom';
import { matchingRule } from '../kubelet/restartPolicy';
import { goSeconds } from '../kubelet/goDuration';
import { roundTime, type TraceEvent } from '../trace';
import { behaviorFor, newInstance, type Instance } from './model';
import type { PodSim } from './podSim';
import { exitProcess } from './process';
import { backoffKey } from './start';
import { neverPullMessage } from '../scenario/eventEffects';
import { writeStatus } from './status';

interface KnownRun {
  attempt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
}

/** [11.2] A container an in-place restart removed from the runtime: written Waiting RestartingAllContainers. */
export const removedInPlace = (c: ObservedContainer): boolean => c.state === 'waiting' && c.reason === REMOVED_IN_PLACE;

/**
 * The runs the status shows, by attempt: lastState and the current state ([10.4]). A container the
 * in-place restart removed with the 1.36+ timeless last state: its removed run, attempt
 * restartCount − 1, with no times ([11.2]).
 */
export function knownRuns(c: ObservedContainer): KnownRun[] {
  const r = c.restartCount;
  const fromRun = (attempt: number, run: ObservedRun): KnownRun => ({ attempt, ...run });
  if (c.state === 'waiting') {
    if (c.lastState) return [fromRun(r, c.lastState)];
    return removedInPlace(c) ? [{ attempt: Math.max(r - 1, 0) }] : [];
  }
  const current: KnownRun = { attempt: r, startedAt: c.startedAt };
  if (c.state === 'terminated') Object.assign(current, { finishedAt: c.finishedAt, exitCode: c.exitCode, reason: c.reason });
  return c.lastState && r > 0 ? [fromRun(r - 1, c.lastState), current] : [current];
}

/** The back-off delay the kubelet holds after `restartCount` restarts ([4.5], [4.7]). */
export function seededBackoff(sim: PodSim, c: ObservedContainer): number {
  if (c.backoff !== undefined) return c.backoff;
  const { initial, max } = backoffSettings(sim.gates, sim.scenario.sim.kubelet.maxContainerRestartPeriod);
  return c.restartCount === 0 ? 0 : Math.min(initial * 2 ** (c.restartCount - 1), max);
}

function exitReason(run: KnownRun): string {
  return run.reason ?? (run.exitCode === 0 ? 'Completed' : 'Error');
}

function seedInstances(sim: PodSim, name: string, c: ObservedContainer, observed: TraceEvent[]): void {
  const rec = sim.rec(name);
  const runs = knownRuns(c);
  const top = runs.at(-1)?.attempt ?? -1;
  const base = sim.scenario.sim.behaviors[name]!;
  const removed = removedInPlace(c);
  for (let attempt = 0; attempt <= top; attempt++) {
    const run = runs.find((x) => x.attempt === attempt);
    const inst = newInstance(name, attempt, attempt, sim.sandbox.id, rec.image, run?.startedAt ?? 0, behaviorFor(base, attempt));
    inst.state = 'exited';
    rec.instances.push(inst);
    if (!run) {
      sim.removedFromRuntime.add(inst); // an older run the status no longer shows: only its attempt counts
      continue;
    }
    if (run.startedAt !== undefined) {
      inst.startedAt = run.startedAt;
      inst.ids.start = `o${observed.length}`; // observed events: ids o0, o1, … (cause links cite them)
      observed.push({ id: inst.ids.start, t: roundTime(run.startedAt), type: 'container.start', container: name, attempt, observed: true, why: `Observed: run ${attempt} of ${name} started here (the pod's status, startedAt).` });
    }
    if (run.finishedAt === undefined) {
      // [11.2] the removed run of the 1.36+ status: stopped, its times not written (kubernetes#136964)
      if (removed) Object.assign(inst, { exitCode: 137, reason: REMOVED_IN_PLACE });
      else inst.state = 'running';
      continue;
    }
    Object.assign(inst, { finishedAt: run.finishedAt, exitCode: run.exitCode ?? 0, reason: exitReason(run) });
    inst.ids.exit = `o${observed.length}`;
    observed.push({
      id: inst.ids.exit, t: roundTime(run.finishedAt), type: 'container.exit', container: name, attempt, exitCode: inst.exitCode!, reason: inst.reason!, observed: true,
      why: `Observed: run ${attempt} of ${name} exited with code ${inst.exitCode} (${inst.reason}) here (the pod's status, finishedAt).`,
    });
  }
  if (removed) {
    // [11.2] as restartAll.ts removeFromRuntime leaves it: every run out of the runtime, the status kept
    sim.hiddenBelow.set(name, rec.instances.length);
    sim.restartAllCount++;
    return; // no back-off entry is read: the next start finds no exited run (doBackOff)
  }
  if (c.state === 'waiting' && c.reason === 'CrashLoopBackOff') {
    const delay = seededBackoff(sim, c);
    rec.startError = { reason: 'CrashLoopBackOff', message: `back-off ${goSeconds(delay)} restarting failed container=${name} pod=${sim.pod.name}_${sim.pod.namespace}` };
    const last = rec.instances.at(-1);
    if (last) sim.backoffAnnounced.set(name, last); // the wait was already under way: not announced again
  }
  // [10.2] The kubelet's last start failed with ErrImageNeverPull: the status at now shows it, as the
  // pasted one did (the next try fails again while a failPull keeps the image away, start.ts).
  if (c.state === 'waiting' && c.reason === 'ErrImageNeverPull') rec.startError = { reason: 'ErrImageNeverPull', message: neverPullMessage(rec.image) };
  if (c.restartCount > 0 && runs.length > 0) {
    // [4.5] the entry was stepped at the last restart: the start of the newest run we know.
    const newestRun = runs.at(-1)!;
    const steppedAt = c.state === 'waiting' ? newestRun.startedAt ?? newestRun.finishedAt ?? 0 : newestRun.startedAt ?? 0;
    sim.backoff.seed(backoffKey(name, rec.image), seededBackoff(sim, c), steppedAt);
  }
}

/** A running instance goes on as its behaviour says: it comes up, and may exit by itself. */
function resumeRunning(sim: PodSim, inst: Instance, c: ObservedContainer): void {
  const b = inst.behavior;
  const startedAt = inst.startedAt ?? sim.now;
  inst.upAt = c.started ? Math.min(startedAt + b.startDelay, sim.now) : Math.max(startedAt + b.startDelay, sim.now);
  inst.readyAt = c.ready ? Math.min(startedAt + Math.max(b.readyAfter, b.startDelay), sim.now) : Math.max(startedAt + Math.max(b.readyAfter, b.startDelay), inst.upAt);
  if (inst.upAt > sim.now) {
    inst.upTimer = sim.k.at(inst.upAt, () => {
      if (inst.state !== 'running') return;
      sim.emit({ type: 'container.up', container: inst.container, attempt: inst.attempt, why: `The app is up ${b.startDelay}s after its process started (startDelay).` });
      sim.onRuntimeChange(inst.container);
    });
  }
  if (b.exitAfter !== null) {
    const at = Math.max(startedAt + b.exitAfter, sim.now);
    inst.exitTimer = sim.k.at(at, () => exitProcess(sim, inst, b.exitCode, false,
      `The process ends by itself ${b.exitAfter}s after it started, with code ${b.exitCode} (${b.note || 'its behaviour'}).`));
  }
}

/** Seeds the node before the run (the first half: runtime, sandbox, back-off, clock). */
export function seedObservedState(sim: PodSim, from: StartFrom): TraceEvent[] {
  const observed: TraceEvent[] = [{ id: 'o0', t: 0, type: 'pod.scheduled', observed: true, why: 'Observed: the pod was created and bound to its node (t = 0 is its creationTimestamp).' }];
  const anyRan = Object.values(from.containers).some((c) => knownRuns(c).length > 0);
  if (anyRan) sim.sandbox = { id: 1, ready: true, created: 1, conditionReady: true }; // [7.1] containers ran, so the sandbox exists
  sim.k.now = from.now;
  for (const spec of sim.specs()) {
    const c = from.containers[spec.name];
    if (!c) continue;
    seedInstances(sim, spec.name, c, observed);
    const inst = sim.rec(spec.name).instances.at(-1);
    if (inst) sim.pulledImages.add(inst.image);
    if (inst?.state === 'running') resumeRunning(sim, inst, c);
    if (inst?.state === 'exited' && inst.finishedAt !== undefined && !removedInPlace(c)) sim.exits.push(inst); // a sync may read a snapshot from before its end
  }
  seedRestartingAll(sim, from, observed);
  sim.changes.markAll(); // the seeded runtime: every reader looks at every container
  return observed;
}

/**
 * [11.2] The written AllContainersRestarting is True when the status shows, still in the runtime,
 * an exit that matches a RestartAllContainers rule (computePodActions' trigger, with both gates on):
 * GenerateAllContainersRestartingCondition writes True with the status that shows that exit, and
 * the reset removes the matching containers last. The reset is then under way: PodSim.restartAll
 * holds the observed True (drawn at its lastTransitionTime), and the first sync resumes the reset.
 */
function seedRestartingAll(sim: PodSim, from: StartFrom, observed: TraceEvent[]): void {
  if (!sim.gates.RestartAllContainersOnContainerExits || !sim.gates.ContainerRestartRules) return;
  const trigger = sim.specs().find((spec) => {
    const c = from.containers[spec.name];
    const inst = sim.rec(spec.name).instances.at(-1);
    return c !== undefined && !removedInPlace(c) && inst?.state === 'exited' && matchingRule(spec, inst.exitCode ?? 0)?.action === 'RestartAllContainers';
  });
  if (!trigger) return;
  const exitCode = sim.rec(trigger.name).instances.at(-1)!.exitCode ?? 0;
  const id = `o${observed.length}`;
  const t = roundTime(from.conditions?.AllContainersRestarting ?? from.now);
  observed.push({
    id, t, type: 'pod.condition', condition: 'AllContainersRestarting', status: 'True', reason: 'RestartAllContainersStarted', observed: true,
    why: `Observed: AllContainersRestarting=True since ${t}s [11.2]: ${trigger.name} exited with ${exitCode}, which matches its RestartAllContainers rule, so the pod restarts in place; the kubelet stops and removes every container one after another, and the sync after that writes it False and starts them again.`,
  });
  Object.assign(sim.restartAll, { trueId: id, resets: 1, slow: false });
}

/** Whether this observed start has its exit among the observed events. */
function isExited(observed: TraceEvent[], start: TraceEvent): boolean {
  return start.type === 'container.start'
    && observed.some((o) => o.type === 'container.exit' && o.container === start.container && o.attempt === start.attempt);
}

/**
 * Since when a status event held: a condition from its lastTransitionTime; the phase Pending from
 * t = 0, a later phase from when init was complete (Initialized's time) or else the first observed
 * start ([6.2]). Other status events (started, ready, waiting, the kubectl row) stay at "now".
 */
function observedSince(e: TraceEvent, since: Partial<Record<string, number>>, observed: TraceEvent[]): number | undefined {
  if (e.type === 'pod.condition') return since[e.condition];
  if ((e.type === 'container.waiting' && e.reason === 'CrashLoopBackOff') || (e.type === 'container.ready' && !observed.some((o) => o.type === 'container.start' && o.container === e.container && !isExited(observed, o)))) {
    // The back-off wait, and an init container's ready, begin at its last exit.
    const exits = observed.filter((o) => o.type === 'container.exit' && o.container === e.container).map((o) => o.t);
    return exits.length ? Math.max(...exits) : undefined;
  }
  if (e.type !== 'pod.phase') return undefined;
  if (e.phase === 'Pending') return 0;
  const starts = observed.filter((o) => o.type === 'container.start').map((o) => o.t);
  return since.Initialized ?? (starts.length ? Math.min(...starts) : undefined);
}

/** The second half, once the probe workers exist: their results, then the status as written at `now`. */
export function settleObservedStatus(sim: PodSim, from: StartFrom, observed: TraceEvent[]): void {
  for (const [name, c] of Object.entries(from.containers)) {
    const inst = sim.records.get(name)?.instances.at(-1);
    if (inst?.state !== 'running') continue;
    if (c.started) sim.probes.seed(name, 'startup', inst, 'success');
    if (c.ready) sim.probes.seed(name, 'readiness', inst, 'success');
    sim.probes.seed(name, 'liveness', inst, 'success');
  }
  const before = sim.events.length;
  writeStatus(sim);
  const written = sim.events.splice(before);
  const since = from.conditions ?? {};
  for (const c of sim.status.api.conditions) if (since[c.type] !== undefined) c.lastTransitionTime = since[c.type];
  for (const e of written) {
    e.observed = true;
    const t = observedSince(e, since, observed);
    if (t !== undefined && t < e.t) {
      e.t = roundTime(t);
      e.why = `Observed since ${e.t}s: ${e.why}`;
    } else {
      e.why = `Observed at the pod's "now" (${from.now}s): ${e.why}`;
    }
  }
  const all = [...observed, ...written].sort((a, b) => a.t - b.t);
  sim.events.splice(0, 0, ...all);
}
