// Stopping containers ([8.3]–[8.7], [8.9]): the Killing event, preStop bounded by the grace,
// sidecars waiting for their turn in reverse order, the 2 s floor, then the stop signal and
// SIGKILL when the time is up. Models upstream's kuberuntime_container.go killContainer,
// executePreStopHook, killContainersWithSyncResult and lifecycle/handlers.go runSleepHandler
// (read at the stored 1.3x commits; the ordering exists from 1.29, see terminationOrder.ts):
// - a `sleep` preStop runs in the kubelet on the kill's own context, so its container exiting
//   does not cut it short: it lasts its seconds or, at most, the remaining grace ([11.4]);
// - an exec or HTTP hook ends with its container (nothing is left to run it in);
// - a sidecar's turn comes when the kills of the main containers and of the next later sidecar
//   have *returned* (containerTerminated after StopContainer), not when their processes exit;
// - a kill ordered from the last relist's snapshot ([0.6]) for a container that has exited since
//   still records its Killing event and runs its preStop hook (a `sleep` runs its seconds, an exec
//   or HTTP handler fails at once: FailedPreStopHook); StopContainer then has nothing to stop
//   ([8.11]; killContainer, executePreStopHook, read at the stored 1.29-1.31-era and 1.3x commits);
// - a tcpSocket preStop fails at once: handlers.go Run has no TCPSocket case (its default branch,
//   "Cannot run handler: invalid handler: …"), so FailedPreStopHook and the stop signal follow with
//   no time taken ([3.4]; Run read in the stored 1.29/1.30-era and 1.35+-era handlers.go).

import type { Proc, RunningTask } from './kernel';
import type { Causes, PodSim } from './podSim';
import { newest, type Instance } from './model';
import { sigkill, signalStop } from './process';
import { MINIMUM_GRACE } from './timing';
import { TerminationOrdering } from './terminationOrder';
import type { LegacyGraceOverride } from './graceOverride127';

/** Whether every task is done; `done` never goes back, so it resumes from the first one still running. */
function allDoneCondition(tasks: RunningTask[]): () => boolean {
  let first = 0;
  return () => {
    while (first < tasks.length && tasks[first]!.done) first++;
    return first === tasks.length;
  };
}

/** Elapsed whole seconds as the kubelet counts them (Go's int64(d.Seconds())), robust to float noise. */
function wholeSeconds(elapsed: number): number {
  return Math.floor(elapsed + 1e-6);
}

/**
 * executePreStopHook: runs the hook and waits for it at most `remaining` seconds; returns the
 * whole seconds it took. A `sleep` hook runs in the kubelet (runSleepHandler) and only the kill's
 * context can cut it short, never its container's exit ([11.4]); an exec or HTTP hook ends with its
 * container ([8.5]).
 */
function* executePreStopHook(sim: PodSim, inst: Instance, remaining: number, waitsForTurn: boolean, ended: { id?: string }): Proc<number> {
  const name = inst.container;
  const hook = sim.rec(name).spec.preStop!;
  const sleep = hook.handler === 'sleep';
  const duration = sleep ? hook.sleepSeconds ?? 0 : inst.behavior.preStop.duration; // null: never returns
  const finishes = duration !== null && duration <= remaining;
  const start = sim.now;
  const next = waitsForTurn ? 'its stop signal waits for its turn [8.4]' : 'now the stop signal';
  sim.hooks.set(inst, 'preStop');
  const startId = sim.emit({
    type: 'hook.start', container: name, hook: 'preStop',
    why: waitsForTurn
      ? '[8.4] Every preStop hook, sidecars\' included, starts at once when the pod is killed; only the stop signals wait for their turn.'
      : `[8.3] The preStop hook runs first, bounded by the ${remaining}s grace period.`,
  }, [inst.ids.kill]);
  if (hook.handler === 'tcpSocket') {
    if (sim.hooks.get(inst) === 'preStop') sim.hooks.delete(inst);
    ended.id = sim.emit({ type: 'hook.end', container: name, hook: 'preStop', failed: true, why: INVALID_PRESTOP_WHY }, [startId]);
    return 0;
  }
  if (sleep) {
    yield { sleep: finishes ? duration : remaining };
    if (sim.hooks.get(inst) === 'preStop') sim.hooks.delete(inst);
    ended.id = sim.emit(finishes
      ? {
        type: 'hook.end', container: name, hook: 'preStop', exitCode: 0,
        why: inst.state === 'running'
          ? `[11.4] The sleep preStop hook slept its ${duration}s; ${next}.`
          : `[11.4] The sleep preStop hook slept its ${duration}s to the end: the kubelet runs it, so the container's exit did not cut it short.`,
      }
      : {
        type: 'hook.end', container: name, hook: 'preStop',
        why: `[8.3] [11.4] The ${remaining}s grace period is used up: the kubelet stops waiting for the ${duration}s sleep preStop hook and moves on.`,
      }, [startId]);
    return wholeSeconds(sim.now - start);
  }
  if (inst.state !== 'running') {
    // [8.11] a kill ordered from a stale snapshot: there is nothing left to exec in or call.
    if (sim.hooks.get(inst) === 'preStop') sim.hooks.delete(inst);
    ended.id = sim.emit({
      type: 'hook.end', container: name, hook: 'preStop', failed: true,
      why: `[8.11] The ${hook.handler} preStop hook fails at once: ${name} already exited, so the handler has nothing to run in (FailedPreStopHook, "PreStopHook failed").`,
    }, [startId]);
    return 0;
  }
  yield { until: () => inst.state !== 'running', timeout: finishes ? duration : remaining };
  if (finishes && inst.state === 'running' && sim.hooks.get(inst) === 'preStop') {
    sim.hooks.delete(inst);
    const code = inst.behavior.preStop.exitCode;
    ended.id = sim.emit({
      type: 'hook.end', container: name, hook: 'preStop', exitCode: code,
      why: code === 0 ? `The preStop hook returned; ${next}.` : `The preStop hook failed with ${code} (FailedPreStopHook); that does not change the container's exit code [10.5].`,
    }, [startId]);
  }
  return wholeSeconds(sim.now - start);
}

/** [8.14] containerd's stopContainer sends the stop signal once per container (IsStopSignaledWithTimeout, containerd 1.5+). */
const ALREADY_SIGNALLED_WHY = '[8.14] The runtime already sent its stop signal at the old kubelet\'s request and does not send it again (containerd: "Skipping the sending of signal … because a prior stop with timeout>0 request already sent the signal"); it waits this kill\'s grace, then SIGKILL.';

/** Why a tcpSocket preStop hook fails at once ([3.4] handlers.go Run's default branch, every minor 1.27-1.37). */
const INVALID_PRESTOP_WHY = '[3.4] A tcpSocket preStop hook fails at once: the kubelet\'s handler runner has no tcpSocket action (handlers.go Run: "Cannot run handler: invalid handler: …"), so it records FailedPreStopHook ("PreStopHook failed") and sends the stop signal without waiting.';

/**
 * killContainer: the Killing event, the preStop hook, a sidecar's wait for its turn, then the stop
 * signal; it returns once the container has stopped, and only then tells the ordering
 * (containerTerminated). `ordering` is false for kills outside a pod kill (probe, spec change,
 * postStart failure) and in 1.28 ([8.7]). `cause`: the events that made the kubelet kill it.
 */
export function* killContainer(
  sim: PodSim, name: string, reason: string, grace: number, ordering: TerminationOrdering | false, why: string, cause?: Causes,
  seenRunning = false, legacy?: LegacyGraceOverride, message?: string,
): Proc<void> {
  const rec = sim.rec(name);
  const inst = newest(rec);
  if (inst?.state === 'exited' && seenRunning) {
    yield* killExited(sim, inst, reason, grace, ordering, why, cause, legacy, message);
    return;
  }
  if (!inst || inst.state !== 'running') {
    if (ordering) ordering.containerTerminated(name);
    return;
  }
  rec.killing = true;
  // [8.14] The old kubelet's StopContainer sent the stop signal before it died: the runtime does not send it again.
  const signalledByOldKubelet = inst.signalledAt !== undefined && inst.signalledAt < sim.kubeletStartedAt;
  const killWhy = signalledByOldKubelet ? `${why} ${ALREADY_SIGNALLED_WHY}` : why;
  inst.ids.kill = sim.emit(message === undefined
    ? { type: 'container.kill', container: name, reason, gracePeriodSeconds: grace, why: killWhy }
    : { type: 'container.kill', container: name, reason, gracePeriodSeconds: grace, message, why: killWhy }, cause);
  const waitsForTurn = ordering !== false && ordering.waitsForTurn(name);
  let remaining = legacy ? legacy.hookBound : grace;
  const preStop: { id?: string } = {};

  if (rec.spec.preStop && remaining > 0) remaining -= yield* executePreStopHook(sim, inst, remaining, waitsForTurn, preStop);

  let turnCame = true;
  if (waitsForTurn) {
    const turn = ordering.turn(name);
    if (remaining > 0) {
      const start = sim.now;
      turnCame = yield { until: turn, timeout: remaining };
      remaining -= wholeSeconds(sim.now - start);
    } else {
      turnCame = turn();
    }
  }
  const floored = remaining < MINIMUM_GRACE && !legacy;
  if (floored) remaining = MINIMUM_GRACE;
  if (legacy) remaining = grace; // [8.12] 1.27: the override replaces whatever the hook left, after the floor

  if (inst.state === 'running' && signalledByOldKubelet) {
    const exited = yield { until: () => inst.state !== 'running', timeout: remaining };
    if (!exited) sigkill(sim, inst, `[8.5] [8.14] ${name} did not stop within ${remaining}s of the new kubelet's stop request (the runtime sent no second stop signal): SIGKILL.`, [preStop.id ?? inst.ids.kill]);
  } else if (inst.state === 'running') {
    signalStop(sim, inst, waitsForTurn && !turnCame
      ? `[8.4] [8.5] The grace period ran out before ${name}'s turn (${ordering.blocker(name) ?? 'a main container or a later sidecar'} is still being stopped): it gets its stop signal now, with the 2s minimum.`
      : waitsForTurn
      ? `[8.4] ${name}'s turn: the kills of every main container and of the next later sidecar have returned${floored ? '; the grace is used up, so it gets the 2s minimum [8.5]' : ''}.`
      : legacy && rec.spec.preStop
      ? `[8.12] The stop signal, with the pod worker's whole ${grace}s override before SIGKILL: in 1.27 killContainer applies it after the preStop hook, so the hook's time is not taken off (#115835, fixed in 1.28).`
      : `[8.3] The stop signal, with ${remaining}s before SIGKILL${floored ? ' (the 2s minimum, [8.5])' : ''}.`,
    [preStop.id ?? inst.ids.kill]);
    const exited = yield { until: () => inst.state !== 'running', timeout: remaining };
    if (!exited) sigkill(sim, inst, `[8.5] ${name} did not stop within ${remaining}s of its stop signal: SIGKILL.`);
  }
  rec.killing = false;
  if (ordering) ordering.containerTerminated(name);
}

/**
 * [8.11] killContainer for a container the sync's snapshot still showed running but whose process
 * has exited since the last relist: the Killing event and the preStop hook, then a StopContainer
 * that finds nothing to stop (no signal), then containerTerminated for the sidecars' order.
 */
function* killExited(
  sim: PodSim, inst: Instance, reason: string, grace: number, ordering: TerminationOrdering | false, why: string, cause?: Causes,
  legacy?: LegacyGraceOverride, message?: string,
): Proc<void> {
  const name = inst.container;
  const exitedAt = inst.finishedAt ?? sim.now;
  inst.ids.kill = sim.emit({
    type: 'container.kill', container: name, reason, gracePeriodSeconds: grace,
    ...(message === undefined ? {} : { message }),
    why: `${why} [8.11] The kubelet reads its cache from the last relist ([0.6]), where ${name} still runs: it exited at ${+exitedAt.toFixed(3)}s, so the stop finds nothing to signal, but the Killing event is recorded${!sim.rec(name).spec.preStop ? '' : legacy && legacy.hookBound <= 0 ? ' (no preStop hook: in 1.27 a force deletion leaves it no time, [8.12])' : ' and the preStop hook runs'}.`,
  }, [...(cause ?? []), inst.ids.exit]);
  // [8.12] 1.27: the hook is bounded by the deletion's own grace here too (0 for a force deletion: no hook).
  const hookBound = legacy ? legacy.hookBound : grace;
  if (sim.rec(name).spec.preStop && hookBound > 0) yield* executePreStopHook(sim, inst, hookBound, false, {});
  if (ordering) ordering.containerTerminated(name);
}

/**
 * Kills every running container of the pod at once and waits for all ([8.3],
 * killContainersWithSyncResult). From 1.29, in a pod with sidecars, they wait for their turn; in
 * 1.28 they stop together with the main containers ([8.7]). `ordered` false: a kill with no pod spec
 * (an orphaned runtime pod, [8.14]) has no termination order.
 */
export function* killPod(
  sim: PodSim, grace: number, reason: string | ((name: string) => string), why: (name: string) => string, cause?: (name: string) => Causes,
  seenRunning?: ReadonlySet<string>, legacy?: LegacyGraceOverride, ordered = true,
): Proc<void> {
  // [0.6] [8.11] the running pod comes from the sync's snapshot when the caller read one
  const runs = seenRunning ? (name: string) => seenRunning.has(name) : (name: string) => sim.running(name) !== undefined;
  const ordering = ordered && sim.minor >= 29 && sim.pod.initContainers.some((c) => c.kind === 'sidecar')
    ? new TerminationOrdering(sim.pod, runs)
    : false;
  const tasks: RunningTask[] = [];
  for (const spec of sim.specs()) {
    if (!runs(spec.name)) continue;
    const r = typeof reason === 'string' ? reason : reason(spec.name);
    tasks.push(sim.k.spawn(`kill ${spec.name}`, killContainer(sim, spec.name, r, grace, ordering, why(spec.name), cause?.(spec.name), seenRunning !== undefined, legacy)));
  }
  sim.podKillTasks = tasks;
  yield { until: allDoneCondition(tasks) };
}
