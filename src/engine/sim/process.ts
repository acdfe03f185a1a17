// A container's process as the scenario describes it: it comes up after startDelay, may exit by
// itself, and reacts to its stop signal (contract section 1; [8.6] for the exit codes; [15.3] for
// a shell's TERM trap, which waits for the foreground command).

import type { Causes, PodSim } from './podSim';
import type { Behavior, StopBehavior } from '../scenario/types';
import { trapRunsAt } from '../scenario/trapTimeline';
import { stopSignalOf } from '../scenario/stopSignal';
import { behaviorFor, newInstance, newest, type ContainerRecord, type Instance } from './model';
import { deleteOlderRuns } from './containerDeletor';
import { scheduleEvictedCleanup } from './evictedCleanup';
import { emitAttemptEvent, emitExit } from './frequentEvents';

function exitReason(code: number, oom: boolean, reason?: string): string {
  if (reason) return reason;
  if (oom) return 'OOMKilled';
  return code === 0 ? 'Completed' : 'Error';
}

/** Creates the CRI container (state Created). */
export function createInstance(sim: PodSim, name: string): Instance {
  const rec = sim.rec(name);
  const run = rec.instances.length; // the engine's run index: `runs:` and per-run bookkeeping
  const base = sim.scenario.sim.behaviors[name];
  if (!base) throw new Error(`no behaviour for ${name}`);
  const inst = newInstance(name, restartCountOf(sim, rec), run, sim.sandbox.id, rec.image, sim.now, behaviorFor(base, run));
  rec.instances.push(inst);
  sim.containerChanged(rec);
  return inst;
}

/**
 * [2.9] [10.4] The restart count the kubelet gives a new run (the CRI attempt, and so the status's
 * restartCount), as kuberuntime_container.go startContainer computes it (read at the stored 1.3x
 * copy, library id 41926215; the block is the same 1.27-1.37): the newest run of the container in
 * the podStatus the starting sync read, FindContainerStatusByName, gives RestartCount + 1; a
 * container that podStatus does not list falls back to calcRestartCountByLogDir: 1 + the highest
 * `<attempt>.log` left in its log directory, 0 when none is left.
 *
 * Which runs are listed, and which keep their log (removeContainer removes the log first):
 * - an init container's (regular or sidecar) run of an older sandbox is listed only by the sync
 *   that replaces the sandbox (SyncPod reads podStatus, then killPodWithSyncResult and
 *   purgeInitContainers remove every run of every pod.Spec.InitContainers name, with its log);
 *   so that sync's first init container counts on, and every init container a later sync starts
 *   starts again at 0 (kubernetes#124002: init-first 1, init-second 0, main 1 on 1.29);
 * - a run the runtime lost while the kubelet was down (removedFromRuntime, E24/E26) is not
 *   listed, but no kubelet removed its log (neither a later purge nor the deletor, which remove
 *   only what podStatus lists): the log directory counts on from it;
 * - an older run the pod container deletor removed ([10.8], removeContainer) lost its log, but
 *   the newest run is never one of them; a run an in-place restart removed (KEP-5532) is counted
 *   on as before (that path's logs are not modelled);
 * - a node reboot (recreateSandbox) leaves the exited records in the runtime in this engine, so
 *   the sync that replaces the sandbox purges them as after a killSandbox.
 * Every minor 1.27-1.37.
 */
export function restartCountOf(sim: PodSim, rec: ContainerRecord): number {
  const last = newest(rec);
  if (last === undefined) return 0;
  const init = rec.spec.kind !== 'main';
  const purged = (inst: Instance) => init && inst.sandbox < sim.syncReadSandbox && !sim.removedFromRuntime.has(inst);
  if (!purged(last) && !sim.removedFromRuntime.has(last)) return last.attempt + 1; // listed (a hidden KEP-5532 run counts on too)
  let logs = 0; // calcRestartCountByLogDir: the runs whose log no kubelet removed
  for (const inst of rec.instances) {
    // a record already gone from the runtime is in no podStatus the purge or the deletor reads: its log stays
    const kept = sim.removedFromRuntime.has(inst) || (!purged(inst) && inst.collectedAt === undefined);
    if (kept) logs = Math.max(logs, inst.attempt + 1);
  }
  return logs;
}

/** CRI StartContainer: the process runs from now; `cause`: what made the kubelet start it. */
export function startProcess(sim: PodSim, inst: Instance, why: string, cause?: Causes): void {
  const b = inst.behavior;
  inst.state = 'running';
  inst.startedAt = sim.now;
  inst.upAt = sim.now + b.startDelay;
  inst.readyAt = sim.now + Math.max(b.readyAfter, b.startDelay);
  sim.containerChanged(inst.container);
  inst.ids.start = emitAttemptEvent(sim, 'container.start', inst.container, inst.attempt, why, cause);
  inst.upTimer = sim.k.at(inst.upAt, () => {
    if (inst.state !== 'running') return;
    inst.ids.up = emitAttemptEvent(sim, 'container.up', inst.container, inst.attempt, upWhy(sim, inst, b), [inst.ids.start]);
    sim.onRuntimeChange(inst.container);
  });
  if (b.exitAfter !== null) {
    const why = selfExitWhy(sim, inst, b);
    inst.exitTimer = sim.k.at(sim.now + b.exitAfter, () => exitProcess(sim, inst, b.exitCode, false, why, undefined, [inst.ids.start]));
  }
  sim.noticeRuntimeChange(inst.container);
}

/**
 * The whys of a behaviour's own up and exit, made once per behaviour object: every run of a
 * container without a `runs:` entry for its attempt has the same behaviour (behaviorFor), so its
 * events share one string (issue 16: a crash loop kept a new copy of the same sentence per run).
 */
const upWhys = new WeakMap<Behavior, string>();
const selfExitWhys = new WeakMap<Behavior, string>();

function upWhy(sim: PodSim, inst: Instance, b: Behavior): string {
  if (b.startDelay <= 0) return 'The app is up as soon as its process starts.';
  const own = attemptSets(sim, inst, 'startDelay');
  let why = own ? undefined : upWhys.get(b);
  if (why === undefined) {
    why = `The app is up ${b.startDelay}s after its process started (${own ? attemptName(inst) : 'startDelay'}); a startup probe can pass from now [2.2].`;
    if (!own) upWhys.set(b, why);
  }
  return why;
}

function selfExitWhy(sim: PodSim, inst: Instance, b: Behavior): string {
  const own = attemptSets(sim, inst, 'exitAfter') || attemptSets(sim, inst, 'exitCode');
  let why = own ? undefined : selfExitWhys.get(b);
  if (why === undefined) {
    why = `The process ends by itself ${b.exitAfter}s after it started, with code ${b.exitCode} (${own ? attemptName(inst) : b.note || 'its behaviour'}).`;
    if (!own) selfExitWhys.set(b, why);
  }
  return why;
}

/**
 * Where this attempt's settings come from: a `runs:` entry of the Simulation document overrides
 * the base behaviour for that attempt only (contract section 1 extensions), so its whys name it.
 */
function attemptSets(sim: PodSim, inst: Instance, field: string): boolean {
  const over = sim.scenario.sim.behaviors[inst.container]?.attempts?.[inst.run]; // `runs:` is indexed by the run, not the restart count
  return over !== undefined && field in over && (over as Record<string, unknown>)[field] !== undefined;
}

/** The `runs:` entry's name in the whys (built only when a why cites it). */
function attemptName(inst: Instance): string {
  return `runs[${inst.run}] in the Simulation document, for attempt ${inst.run} only`;
}

/** The runtime records the run as exited now, with this code and reason; its older dead runs go ([10.8]). */
function markExited(sim: PodSim, inst: Instance, code: number, reason: string): void {
  sim.k.cancel(inst.exitTimer);
  sim.k.cancel(inst.upTimer);
  // Dropped once cancelled (a cancelled timer is never read again: signalStop skips it as it would
  // skip an absent one), so the instance, which the run keeps, does not keep them and their closures.
  inst.exitTimer = undefined;
  inst.upTimer = undefined;
  inst.state = 'exited';
  inst.finishedAt = sim.now;
  inst.exitCode = code;
  inst.reason = reason;
  sim.containerChanged(inst.container);
  sim.exits.push(inst);
  deleteOlderRuns(sim, inst); // [10.8]
}

/** containerd's exit code and reason for a container whose start failed (its CRI server's errorStartExitCode, errorStartReason). */
export const START_ERROR_EXIT_CODE = 128;
export const START_ERROR_REASON = 'StartError';

/**
 * [3.5] CRI StartContainer failed: containerd marks the created container exited at once, code
 * 128, reason StartError, with the error as its message and no start time; nothing ran. Returns
 * the container.exit event's id (it carries the message, which the kubelet's Failed event and the
 * status repeat).
 */
export function failStart(sim: PodSim, inst: Instance, message: string, why: string, cause?: Causes): string {
  if (inst.state !== 'created') throw new Error(`${inst.container}: only a created container can fail to start`);
  markExited(sim, inst, START_ERROR_EXIT_CODE, START_ERROR_REASON);
  inst.message = message; // convertContainerStatus copies it into terminated.message (TestToKubeContainerStatus "exited container")
  const id = sim.emit({ type: 'container.exit', container: inst.container, attempt: inst.attempt, exitCode: START_ERROR_EXIT_CODE, reason: START_ERROR_REASON, message, why }, cause);
  inst.ids.exit = id;
  sim.noticeRuntimeChange(inst.container);
  return id;
}

/** The process ends (by itself, by a fault, by a signal); `cause`: the event that ended it. */
export function exitProcess(sim: PodSim, inst: Instance, code: number, oom: boolean, why: string, reason?: string, cause?: Causes): void {
  if (inst.state !== 'running' && inst.state !== 'created') return;
  markExited(sim, inst, code, exitReason(code, oom, reason));
  const exitId = emitExit(sim, inst.container, inst.attempt, code, inst.reason!, why, cause);
  inst.ids.exit = exitId;
  const hook = sim.hooks.get(inst);
  // A sleep hook runs in the kubelet, not in the container: it outlives the container ([11.4]).
  const handler = hook ? sim.rec(inst.container).spec[hook]?.handler : undefined;
  if (hook && handler !== 'sleep') {
    sim.hooks.delete(inst);
    if (handler === 'exec' || handler === 'httpGet') {
      // [8.3] [3.4] The hook's process dies with the container (an exec's ExecSync returns exit 137)
      // or its request finds no server (HTTP): the handler returns an error. executePreStopHook
      // records Warning FailedPreStopHook "PreStopHook failed" and the kill goes on (kubernetes#39170,
      // "exited with 137" in the reports); startContainer records FailedPostStartHook, kills the
      // container and fails the start with PostStartHookError (kubernetes#115680; postStart.ts).
      // kuberuntime_container.go, 1.3x copy; handlers.go Run.
      const failed = hook === 'preStop' ? 'FailedPreStopHook' : 'FailedPostStartHook';
      const why = `The ${hook} hook ends with its container: ${handler === 'exec' ? 'its process is killed with it, exit code 137' : 'its request finds no server'}, so the kubelet records ${failed} [${hook === 'preStop' ? '8.3' : '3.4'}].`;
      const endId = sim.emit(handler === 'exec'
        ? { type: 'hook.end', container: inst.container, hook, exitCode: 137, why }
        : { type: 'hook.end', container: inst.container, hook, failed: true, why }, [exitId]);
      if (hook === 'postStart') sim.postStartKilled.set(inst, endId);
    } else {
      const rule = hook === 'preStop' ? '8.3' : '3.3';
      sim.emit({ type: 'hook.end', container: inst.container, hook, why: `The ${hook} hook ends with its container [${rule}].` }, [exitId]);
    }
  }
  sim.noticeRuntimeChange(inst.container);
  if (sim.evicted?.removesContent) scheduleEvictedCleanup(sim); // [8.15] the relist that reports it has the deletor remove exited containers
}

/** Sends the stop signal; the process reacts as its behaviour says ([8.3], [8.6]). `cause`: the kill (or the preStop hook's end). */
export function signalStop(sim: PodSim, inst: Instance, why: string, cause?: Causes): void {
  const rec = sim.rec(inst.container);
  const stop = stopSignalOf(rec.spec);
  const signal = stop.signal;
  inst.signalledAt = sim.now;
  const from = stop.from === 'image' ? ` ${signal}, not SIGTERM: the runtime sends the image's STOPSIGNAL [8.13].` : '';
  const signalId = sim.emit({ type: 'container.signal', container: inst.container, signal, why: why + from }, cause);
  inst.ids.signal = signalId;
  const onStop = inst.behavior.onStop;
  if (onStop.kind === 'ignore') return;
  const handled = handlerStart(sim, inst, onStop, signal);
  if (!handled) return;
  const at = handled.at + onStop.after;
  if (inst.exitTimer && inst.exitTimer.t <= at && !inst.exitTimer.cancelled) return; // it exits by itself first
  sim.k.cancel(inst.exitTimer);
  const took = onStop.after > 0 ? `; the handler takes ${onStop.after}s` : '';
  inst.exitTimer = sim.k.at(at, () =>
    exitProcess(sim, inst, onStop.exitCode, false, `${handled.how}${took} and exits with code ${onStop.exitCode} [8.6].`, undefined, [signalId]));
}

/**
 * When the process starts handling the stop signal ([15.3]): at once, or for a shell's TERM trap
 * once the foreground command it is waiting for returns; undefined when it never does (the trap
 * was not set yet, so PID 1 ignored the signal, or the foreground command never returns).
 */
function handlerStart(sim: PodSim, inst: Instance, onStop: Extract<StopBehavior, { kind: 'exit' }>, signal: string): { at: number; how: string } | undefined {
  if (!onStop.trap) return { at: sim.now, how: `The process handles ${signal}` };
  const started = inst.startedAt ?? sim.now;
  const since = sim.now - started;
  if (since < onStop.trap.armedAt) return undefined;
  const w = onStop.trap.onlyDuring;
  if (w && !(w.from <= since && since < w.to)) return undefined; // the trap runs, and the shell goes on
  const runsAt = trapRunsAt(onStop.trap.timeline, since);
  if (!Number.isFinite(runsAt)) return undefined;
  if (onStop.trap.exec !== undefined) return { at: sim.now, how: `${onStop.trap.exec}, which the shell exec'd ${onStop.trap.armedAt}s after the start, handles ${signal} [15.3]` };
  if (runsAt <= since) return { at: sim.now, how: `The shell runs its ${signal} trap at once` };
  const wait = Math.round((runsAt - since) * 1000) / 1000;
  return { at: started + runsAt, how: `The shell runs its ${signal} trap only once its foreground command returns (${wait}s after the signal) [15.3]` };
}

/** SIGKILL: exit 137 at once ([8.5], [8.6]); by default caused by the stop signal it follows (or the kill). */
export function sigkill(sim: PodSim, inst: Instance, why: string, cause?: Causes): void {
  if (inst.state !== 'running') return;
  const signalId = sim.emit({ type: 'container.signal', container: inst.container, signal: 'SIGKILL', why }, cause ?? [inst.ids.signal ?? inst.ids.kill]);
  inst.ids.signal = signalId;
  exitProcess(sim, inst, 137, false, 'SIGKILL ends the process with exit code 137 (128 + 9) [8.6].', undefined, [signalId]);
}

export function newestInstance(sim: PodSim, name: string): Instance | undefined {
  return newest(sim.rec(name));
}
