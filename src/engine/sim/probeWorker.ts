// One probe worker's loop ([5]): pkg/kubelet/prober/worker.go run and doProbe, read 1.27-1.36.
// A worker ticks every periodSeconds from its creation ([5.2]; from 1.32 the ticker restarts at a
// manual run), reads the last written status ([0.4]), runs the handler for its time, at most
// timeoutSeconds ([5.11]), and changes its result only at the thresholds ([5.4]), with counters
// that outlive a container restart ([5.10]); a worker whose container terminated for good leaves
// its loop ([5.12]: sidecars included until 1.34, kept from 1.35; with ContainerRestartRules as
// ContainerShouldRestart, or from 1.35 ShouldAllContainersRestart, says). A worker whose result
// cannot change sleeps until the next moment it could (the app comes up, a fault window opens or
// closes, the status changes): cost follows change. The manager's side (AddPod, UpdatePodStatus,
// the results the kubelet reads) is probes.ts; results/results_manager.go Set/Remove is setResult here.

import type { ProbeKind } from '../trace';
import { apiSecond } from '../kubectl/humanDuration';
import type { PodSim } from './podSim';
import type { Instance } from './model';
import { grpcRunPlan, runPlan, type RunPlan } from './probeRun';
import { failedRunWhyOf, notRunningWhy, probeWhy } from './probeWhys';
import { emitProbeErrored, emitProbeFailed, emitProbeResult } from './frequentEvents';
import { CONTEXT_CANCELED_ERROR, erroredRunWhy, execMeetsExitedContainer, exitedRunWhy, probeRunErrors } from './probeContext';
import { EXEC_ON_EXITED_CONTAINER_ERROR, failedRunOutput, failingStatusOutput, type FailedRunCause } from './probeOutput';
import { nextScriptEdge, scriptWindowAt } from './probeScript';
import { emitExecTimeoutErrored, execTimeoutErrors, withExecRetries } from './execProbeTimeout';
import { exitWhy, keepsProbing } from './probeKeepGoing';

import type { Next, Verdict, Worker } from './probeWorkerState';

export type { Next, Verdict, Worker } from './probeWorkerState';

const INITIAL: Record<ProbeKind, Verdict | undefined> = { readiness: 'failure', liveness: 'success', startup: undefined };
const EPS = 1e-9;

/** The run loop every worker of one pod follows; the manager (probes.ts) creates, triggers and stops workers. */
export class ProbeWorkerLoop {
  constructor(private readonly sim: PodSim) {}

  cancelAll(w: Worker): void {
    this.sim.k.cancel(w.timer);
    this.sim.k.cancel(w.manual);
    this.sim.k.cancel(w.running);
    w.timer = w.manual = w.running = undefined;
  }

  tickTime(w: Worker, idx: number): number {
    return w.phase + idx * w.spec.periodSeconds;
  }

  firstTickAtOrAfter(w: Worker, t: number, floor = w.nextIndex): number {
    return Math.max(floor, Math.ceil((t - w.phase) / w.spec.periodSeconds - EPS));
  }

  /**
   * The tick a wake (a status change) takes: the first at or after now not taken, one slept past
   * included (worker.go run ticks every period, so the first tick after an exit sets Failure, [5.3]).
   */
  wakeTick(w: Worker): number {
    return this.firstTickAtOrAfter(w, this.sim.now, w.sleptFrom ?? w.nextIndex);
  }

  /**
   * The first tick strictly after now (worker.go run, every version: Go's ticker channel holds one
   * tick, so the one due at this very instant is the one the run starting now takes, and the next
   * run waits a period). Was `firstTickAtOrAfter(now + EPS)`, whose EPS cancelled: a run that ended
   * exactly on a tick took it twice, and from then on the worker ran back to back
   * (probeTickTaken.test.ts).
   */
  firstTickAfterNow(w: Worker): number {
    return Math.max(w.nextIndex, Math.floor((this.sim.now - w.phase) / w.spec.periodSeconds + EPS) + 1);
  }

  schedule(w: Worker, idx: number): void {
    this.sim.k.cancel(w.timer);
    w.nextIndex = idx;
    w.sleptFrom = undefined;
    w.timerIndex = idx;
    w.timer = this.sim.k.at(this.tickTime(w, idx), (w.onTick ??= () => this.tick(w, w.timerIndex)));
  }

  private tick(w: Worker, idx: number): void {
    w.timer = undefined;
    w.nextIndex = idx + 1;
    w.sleptFrom = undefined;
    if (w.stopped) return;
    this.begin(w, false);
  }

  /** One pass of run's loop: a tick or a manual trigger starts doProbe. */
  begin(w: Worker, manual: boolean): void {
    if (w.stopped) return;
    if (manual && this.sim.minor >= 32) {
      // [5.2] probeTicker.Reset: the next tick comes a whole period after the manual run.
      this.sim.k.cancel(w.timer);
      w.timer = undefined;
      w.phase = this.sim.now;
      w.nextIndex = 1;
      w.sleptFrom = undefined;
    }
    const inst = this.precheck(w);
    if (typeof inst !== 'object') {
      this.settle(w, inst);
      return;
    }
    if (probeRunErrors(this.sim, w.spec.handler)) {
      this.errored(w, inst);
      return;
    }
    if (execMeetsExitedContainer(w.spec.handler, inst, this.sim.now)) {
      // [5.11] the status still says running, the runtime no longer runs it: ExecSync refuses at once
      this.erroredRun(w, inst, EXEC_ON_EXITED_CONTAINER_ERROR, exitedRunWhy(w.container, w.kind, this.sim.minor, false), [inst.ids.exit]);
      return;
    }
    // [5.17] a gRPC run dials until the app listens or timeoutSeconds runs out; a verdict's handler always answers
    const plan = withExecRetries(this.sim, w.spec, w.spec.handler === 'grpc' && w.spec.verdict === undefined
      ? grpcRunPlan(w.spec, inst.behavior, w.kind, this.sim.now, inst.upAt ?? 0) : runPlan(w.spec, inst.behavior, w.kind));
    if (plan.seconds <= 0) {
      this.finish(w, inst, plan);
      return;
    }
    this.sim.k.cancel(w.timer);
    w.timer = undefined;
    const aliveAtStart = inst.state === 'running';
    w.running = this.sim.k.at(this.sim.now + plan.seconds, () => {
      w.running = undefined;
      this.finish(w, inst, plan, aliveAtStart);
    });
  }

  /**
   * The pod's deletion cancelled the workers' context ([5.14]): the exec fails at once, prober.go
   * records the error, doProbe throws the result away, and the worker waits for its next tick. A
   * run under way when the context is cancelled ends the same way at that moment.
   */
  errored(w: Worker, inst: Instance): void {
    this.erroredRun(w, inst, CONTEXT_CANCELED_ERROR, erroredRunWhy(w.container, w.kind, this.sim.minor), [this.sim.deletion?.id]);
  }

  /**
   * A run that errored now (prober.go probe records "… probe errored…" with the runtime's `error`,
   * [5.13]; worker.go doProbe throws the result away): the worker waits for its next tick.
   */
  private erroredRun(w: Worker, inst: Instance, error: string, why: string, cause: (string | undefined)[]): void {
    this.sim.k.cancel(w.running);
    w.running = undefined;
    w.manualPending = false;
    emitProbeErrored(this.sim, w.container, w.kind, inst.attempt, error, why, cause);
    if (this.tickTime(w, w.nextIndex) <= this.sim.now + EPS) w.nextIndex = this.firstTickAfterNow(w);
    this.settle(w, 'next');
  }

  /** doProbe up to the probe itself: the instance to probe, or when to look next. */
  private precheck(w: Worker): Instance | Next {
    const sim = this.sim;
    const inst = sim.status.instanceOf(w.container);
    const status = sim.status.statusOf(w.container);
    if (!inst || !status) return undefined; // [5.3] no container ID yet
    if (w.instance !== inst) {
      // [5.10] a new container ID: the result starts over, the consecutive counts do not.
      w.instance = inst;
      sim.containerChanged(w.container); // the result read for this instance starts over
      w.onHold = false;
      w.startedOnRestart = false;
      this.setResult(w, INITIAL[w.kind], false, undefined, true);
    }
    if (w.onHold) return undefined;
    if (!status.state.running) {
      const leaves = status.state.terminated !== undefined && !keepsProbing(this.sim, w.container, status);
      // The why is worded only for a change: a container in back-off meets this at every tick (setResult ignores a same result).
      if (w.result !== 'failure') this.setResult(w, 'failure', true, leaves ? exitWhy(this.sim, w.container, w.kind) : notRunningWhy(w.container, w.kind, status.state.terminated !== undefined && !keepsProbing(this.sim, w.container, status, false)));
      if (leaves) this.exit(w);
      return undefined;
    }
    // [5.3] The worker reads the status manager's copy, whose startedAt normalizeStatus cut to the
    // whole second (metav1.Time.Rfc3339Copy): the delay counts from that second.
    const startedAt = apiSecond(status.state.running.startedAt ?? inst.startedAt ?? 0);
    const delayEnd = startedAt + w.spec.initialDelaySeconds;
    if (Math.trunc(sim.now - startedAt) < w.spec.initialDelaySeconds) return delayEnd; // [5.3]
    if (w.kind === 'startup' && status.started) return undefined; // startup runs only until Started
    if (w.kind !== 'startup' && !status.started) return undefined; // the others only after
    return inst;
  }

  /** The worker leaves its loop: its result is removed and the manager forgets it ([5.12]). */
  private exit(w: Worker): void {
    w.stopped = true;
    w.exited = true;
    this.cancelAll(w);
    w.result = undefined;
    this.sim.containerChanged(w.container);
    if (w.kind !== 'liveness') this.sim.patchStatus();
  }

  /**
   * The run's answer, through the thresholds ([5.4]); then the next run. `aliveAtStart`: the
   * container was running when the run began (a run of no duration ends as it begins).
   */
  private finish(w: Worker, inst: Instance, plan: RunPlan, aliveAtStart = false): void {
    if (w.stopped) return;
    let next: Next = 'next';
    const current = this.sim.status.instanceOf(w.container) === inst && inst.state === 'running';
    if (current && execTimeoutErrors(this.sim, w.spec, plan)) {
      emitExecTimeoutErrored(this.sim, w.container, w.kind, w.spec, inst); // ExecProbeTimeout off: thrown away
    } else if (current || (aliveAtStart && w.instance === inst && w.spec.handler !== 'exec')) {
      // [5.11] An httpGet, tcpSocket or gRPC run dials the pod's IP (prober.go runProbe: status.PodIP),
      // not the container: one whose container was killed or exited meanwhile still ends, nothing
      // listening, as a failed run with its Unhealthy event ([5.13]) that counts ([5.4]). E.g. the
      // readiness run a liveness kill's status triggers ([5.9]) just before the kill.
      const outcome = plan.timedOut || !current ? 'failure' : this.outcome(w, inst, this.sim.now);
      w.lastPlan = plan;
      if (outcome === 'failure') w.failedRunId = this.announceFailedRun(w, inst, plan);
      next = this.record(w, inst, outcome, plan);
      w.failedRunId = undefined;
    } else if (aliveAtStart && w.spec.handler === 'exec' && inst.state === 'exited') {
      // [5.11] an exec run whose container exited meanwhile errors ([5.13]); the result is thrown away
      // (one begun at the instant of the exit is lost without an event, execMeetsExitedContainer)
      emitProbeErrored(this.sim, w.container, w.kind, inst.attempt, EXEC_ON_EXITED_CONTAINER_ERROR, exitedRunWhy(w.container, w.kind, this.sim.minor, true), [inst.ids.exit]);
    }
    if (w.stopped) return;
    const tickDue = this.tickTime(w, w.nextIndex) <= this.sim.now + EPS && plan.seconds > 0;
    if (w.manualPending || (tickDue && next !== undefined)) {
      // [5.11] a tick or trigger that came during the run is waiting in its channel: run again now.
      const manual = w.manualPending;
      w.manualPending = false;
      if (!manual) w.nextIndex = this.firstTickAfterNow(w);
      this.begin(w, manual);
      return;
    }
    if (plan.seconds > 0) w.nextIndex = this.firstTickAfterNow(w);
    this.settle(w, next);
  }

  private record(w: Worker, inst: Instance, outcome: Verdict, plan: RunPlan): Next {
    if (outcome === w.lastOutcome && w.run > 0) w.run++;
    else {
      w.lastOutcome = outcome;
      w.run = 1;
      w.streakFrom = inst;
    }
    const threshold = outcome === 'failure' ? w.spec.failureThreshold : w.spec.successThreshold;
    if (w.run >= threshold) {
      this.setResult(w, outcome, true);
      if ((outcome === 'failure' && w.kind === 'liveness') || w.kind === 'startup') {
        w.onHold = true; // [5.4] hold until a new container ID
        w.run = 0;
        return undefined;
      }
    }
    if (outcome === w.result) {
      // [5.13] every failed run is an Unhealthy event: a failing worker runs at every tick, and
      // sleeps (until its answer may change) only while it keeps passing.
      if (outcome === 'failure') return 'next';
      const change = this.nextChange(w, inst, this.sim.now);
      return change === undefined ? undefined : change - plan.seconds;
    }
    return 'next';
  }

  private settle(w: Worker, next: Next): void {
    if (w.stopped || w.running) return;
    if (next === 'next') this.schedule(w, w.nextIndex);
    else if (next !== undefined) {
      const notTaken = w.nextIndex;
      this.schedule(w, this.firstTickAtOrAfter(w, next));
      if (w.nextIndex > notTaken) w.sleptFrom = notTaken; // the ticks slept past stay takeable by a wake
    }
    // undefined: nothing can change until a wake()
  }

  /** What the handler answers at time t ([contract 1]: probes pass when the app is up or ready). */
  private outcome(w: Worker, inst: Instance, t: number): Verdict {
    if (inst.state !== 'running') return 'failure';
    if (w.spec.verdict) return w.spec.verdict === 'pass' ? 'success' : 'failure';
    if (this.sim.faults.probeFails(w.container, w.kind, t)) return 'failure';
    const scripted = scriptWindowAt(w.spec, inst, t); // [15.4] the container's own script answers it
    if (scripted) return scripted.exitCode === 0 ? 'success' : 'failure';
    const from = w.kind === 'readiness' ? inst.readyAt ?? 0 : inst.upAt ?? 0;
    return t >= from ? 'success' : 'failure';
  }

  /** The first moment after t when the handler's answer may differ. */
  private nextChange(w: Worker, inst: Instance, t: number): number | undefined {
    let next = this.sim.faults.nextProbeEdge(w.container, w.kind, t);
    const edge = nextScriptEdge(w.spec, inst, t);
    if (edge !== undefined && (next === undefined || edge < next)) next = edge;
    if (inst.upAt !== undefined && inst.upAt > t && (next === undefined || inst.upAt < next)) next = inst.upAt;
    if (inst.readyAt !== undefined && inst.readyAt > t && (next === undefined || inst.readyAt < next)) next = inst.readyAt;
    return next;
  }

  /**
   * prober.go probe records a Warning Unhealthy event for a failed run before the worker counts it
   * ([5.13]; every version read, 1.27-1.36): one trace event per failed run, with the count the
   * worker is about to reach.
   */
  private announceFailedRun(w: Worker, inst: Instance, plan: RunPlan): string {
    const run = w.lastOutcome === 'failure' && w.run > 0 ? w.run + 1 : 1;
    const faulted = !plan.timedOut && w.spec.verdict === undefined && this.sim.faults.probeFails(w.container, w.kind, this.sim.now);
    const cause = faulted ? this.sim.faults.probeFaultId(w.container, w.kind) : inst.ids.up ?? inst.ids.start;
    // [15.4] the container's own script made the command fail (`rm -f /tmp/healthy` under `cat /tmp/healthy`)
    const scripted = !plan.timedOut && !faulted && w.spec.verdict === undefined ? scriptWindowAt(w.spec, inst, this.sim.now) : undefined;
    // What the run printed: nothing listens before the app is up; an injected fault or a verdict says no more.
    const outputCause: FailedRunCause = plan.dialTimedOut ? 'refused' : plan.timedOut ? 'timedOut'
      : !faulted && !scripted && w.spec.verdict === undefined && (inst.upAt === undefined || this.sim.now < inst.upAt) ? 'refused' : 'other';
    const status = faulted && w.spec.handler === 'httpGet' ? this.sim.faults.probeStatusCode(w.container, w.kind, this.sim.now) : undefined;
    // An exec command that fails by itself (its 'fail' verdict, or the script's stretch) printed what the reader can word ([15.4]).
    const outputs = (w.failedOutputs ??= {});
    const output = status !== undefined ? failingStatusOutput(status)
      : scripted ? scripted.output
      : outputCause === 'other' && faulted ? undefined
      : outputCause in outputs ? outputs[outputCause]
      : (outputs[outputCause] = failedRunOutput(w.spec, outputCause, this.sim.minor, this.sim.rec(w.container).spec.image));
    return emitProbeFailed(this.sim, w.container, w.kind, inst.attempt, run, failedRunWhyOf(w, plan, faulted, run, scripted !== undefined), [cause], output);
  }

  /**
   * What made the result change: an injected probe fault, the container's exit, or its app coming
   * up; and for a failure the run that reached failureThreshold ([5.13]), first.
   */
  private resultCause(w: Worker, result: Verdict): (string | undefined)[] {
    const inst = w.instance;
    if (result === 'success') return [inst?.ids.up ?? inst?.ids.start];
    const why = this.sim.faults.probeFails(w.container, w.kind, this.sim.now) ? this.sim.faults.probeFaultId(w.container, w.kind)
      : inst && inst.state !== 'running' ? inst.ids.exit : undefined;
    return w.failedRunId === undefined ? [why] : [w.failedRunId, why];
  }

  /**
   * results_manager.go Set, and what the kubelet's sync loop does with its update ([0.2]). The
   * cache is keyed by container ID: an update goes out when the result of that ID changes or is
   * first set, so `newContainer` (doProbe's initial value for a new container ID) is an update even
   * when the previous container ended on the same result. kubelet.go syncLoopIteration syncs the
   * pod on every readiness and startup update (after SetContainerReadiness / SetContainerStartup,
   * the patch here) and on a liveness update only when it is a Failure. Read: results_manager.go
   * Set/setInternal (every stored copy), worker.go doProbe (1.27-era and 1.35+ copies), kubelet.go
   * syncLoopIteration (a 1.2x copy and the stored 1.32-era tree); the same in 1.27-1.37.
   * (Was: a sync at every change of the worker's one result: the initial liveness Success of a
   * container that followed a Failure synced the pod, a readiness or startup worker's first look
   * at a restarted container did not.)
   */
  setResult(w: Worker, result: Verdict | undefined, announce: boolean, why?: string, newContainer = false): void {
    const changed = w.result !== result;
    if (!changed && !newContainer) return;
    const sim = this.sim;
    if (changed) {
      w.result = result;
      sim.containerChanged(w.container);
      w.resultId = undefined;
      if (announce && result) {
        w.resultId = emitProbeResult(sim, w.container, w.kind, result, why ?? probeWhy(w, result), this.resultCause(w, result));
      }
    }
    // syncLoopIteration's SetContainerStartup / SetContainerReadiness, for every update (a new
    // container's initial value too: a Started the status had without a result turns false now).
    if (w.kind === 'readiness' || w.kind === 'startup') sim.patchStatus();
    if (w.kind !== 'liveness' || result === 'failure') sim.requestSync();
  }
}
