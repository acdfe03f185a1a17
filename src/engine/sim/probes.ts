// Probe workers ([5]): one per container and probe kind, ticking every periodSeconds ([5.2]),
// reading the last written status ([0.4]) and changing their result only at the thresholds
// ([5.4]), with counters that outlive a container restart ([5.10]). A run takes the handler's
// time, at most timeoutSeconds ([5.11]); each status the kubelet generates triggers an immediate
// readiness run for a started container that is not ready yet ([5.9]). A worker whose result
// cannot change sleeps until the next moment it could (the app comes up, a fault window opens or
// closes, the status changes): cost follows change.
//
// Upstream (read: 1.27-1.36): pkg/kubelet/prober/worker.go run, doProbe; prober_manager.go AddPod,
// StopLivenessAndStartup, UpdatePodStatus; prober.go probe/runProbe; results/results_manager.go
// Set/Remove. Version differences modelled: the ticker restarts at a manual run from 1.32
// ([5.2]); a worker whose container terminated for good exits, sidecars included until 1.34,
// kept from 1.35 (and with ContainerRestartRules, by ContainerShouldRestart) ([5.12]).

import type { ContainerSpec, ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import type { ContainerStatus } from '../api';
import { shouldRestartAfterExit } from '../kubelet/restartPolicy';
import type { PodSim } from './podSim';
import type { Instance } from './model';
import type { QueueItem } from './queue';
import { runPlan, type RunPlan } from './probeRun';
import { RESYNC_INTERVAL } from './timing';

type Verdict = 'success' | 'failure';
type Next = 'next' | number | undefined;

interface Worker {
  container: string;
  kind: ProbeKind;
  spec: ProbeSpec;
  /** The ticker's origin: the worker's creation, or (1.32+) its last manual run ([5.2]). */
  phase: number;
  nextIndex: number;
  timer?: QueueItem;
  /** A manual run waiting to start (the trigger channel holds one). */
  manual?: QueueItem;
  /** The run under way ends here ([5.11]). */
  running?: QueueItem;
  /** A manual trigger arrived during the run. */
  manualPending: boolean;
  instance?: Instance;
  result?: Verdict;
  lastOutcome?: Verdict;
  run: number;
  /** The container instance the current run of equal results began on ([5.10]). */
  streakFrom?: Instance;
  onHold: boolean;
  stopped: boolean;
  /** Left its loop by itself ([5.12]): gone from the manager, so AddPod may create it again. */
  exited: boolean;
  lastPlan?: RunPlan;
  /** The id of the probe.result event that announced `result` (the kill it leads to cites it). */
  resultId?: string;
}

const KINDS = ['startup', 'liveness', 'readiness'] as const;
/** AddPod's order within a container. */
const ADD_ORDER = ['startup', 'readiness', 'liveness'] as const;
const INITIAL: Record<ProbeKind, Verdict | undefined> = { readiness: 'failure', liveness: 'success', startup: undefined };
const EPS = 1e-9;

function probeOf(spec: { startupProbe?: ProbeSpec; livenessProbe?: ProbeSpec; readinessProbe?: ProbeSpec }, kind: ProbeKind): ProbeSpec | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'liveness' ? spec.livenessProbe : spec.readinessProbe;
}

export class ProbeManager {
  private readonly workers: Worker[] = [];
  /** The workers of each container, by probe kind (read at every status write: no string keys). */
  private readonly byContainer = new Map<string, Partial<Record<ProbeKind, Worker>>>();

  constructor(private readonly sim: PodSim) {}

  /** AddPod: workers for every probe of every sidecar and main container ([5.1]). */
  addPod(): void {
    for (const spec of this.sim.specs()) {
      if (spec.kind === 'init') continue;
      for (const kind of KINDS) {
        const probe = probeOf(spec, kind);
        if (probe) this.createWorker(spec.name, kind, probe);
      }
    }
  }

  private createWorker(container: string, kind: ProbeKind, spec: ProbeSpec): Worker {
    const w: Worker = {
      container, kind, spec, phase: this.sim.now, nextIndex: 0, manualPending: false,
      run: 0, onHold: false, stopped: false, exited: false,
    };
    this.workers.push(w);
    this.workersOf(container)[kind] = w;
    this.schedule(w, 0);
    return w;
  }

  /**
   * A kubelet restart drops every worker and creates new ones ([0.2], E73/E74). Up to 1.34 the
   * results start over (readiness Failure, startup Unknown); from 1.35 the new workers take the
   * last written status as their starting point (ChangeContainerStatusOnKubeletRestart off).
   * New workers count consecutive results from zero either way ([5.10]).
   */
  restart(keepResults: boolean): void {
    const previous = new Map(this.workers.map((w) => [`${w.container}/${w.kind}`, w]));
    for (const w of this.workers) this.cancelAll(w);
    this.workers.length = 0;
    this.byContainer.clear();
    this.addPod();
    if (!keepResults) return;
    for (const w of this.workers) {
      const old = previous.get(`${w.container}/${w.kind}`);
      if (!old || old.exited) continue;
      w.instance = old.instance;
      w.result = old.result;
      w.resultId = old.resultId;
      w.onHold = old.onHold;
    }
  }

  /** The worker's current result for this instance (undefined: not decided, like a missing entry). */
  result(container: string, kind: ProbeKind, inst: Instance | undefined): Verdict | undefined {
    const w = this.byContainer.get(container)?.[kind];
    if (!w || !inst || w.instance !== inst) return undefined;
    return w.result;
  }

  /** The id of the probe.result event behind the worker's current result for this instance. */
  resultId(container: string, kind: ProbeKind, inst: Instance | undefined): string | undefined {
    const w = this.byContainer.get(container)?.[kind];
    if (!w || !inst || w.instance !== inst) return undefined;
    return w.resultId;
  }

  /**
   * Continuing from an observed state (issue 14, sim/initialState): this worker already reached
   * `result` on this instance, as the pod's started/ready flags say; a passed startup probe holds
   * until a new container ID ([5.4]).
   */
  seed(container: string, kind: ProbeKind, inst: Instance, result: Verdict): void {
    const w = this.byContainer.get(container)?.[kind];
    if (!w) return;
    w.instance = inst;
    w.result = result;
    w.lastOutcome = result;
    w.streakFrom = inst;
    w.run = kind === 'startup' ? 0 : result === 'success' ? w.spec.successThreshold : w.spec.failureThreshold;
    w.onHold = kind === 'startup' && result === 'success';
  }

  /** UpdatePodStatus's Started ([5.6]): the startup result, else "no startup worker". */
  started(container: string, inst: Instance): boolean {
    const w = this.byContainer.get(container)?.startup; // read at every status write: one lookup
    if (!w) return true;
    const r = w.instance === inst ? w.result : undefined;
    return r !== undefined ? r === 'success' : w.exited;
  }

  /** UpdatePodStatus's Ready for a started, running container ([5.6]): readiness Success, else "no readiness worker". */
  ready(container: string, inst: Instance): boolean {
    const w = this.byContainer.get(container)?.readiness;
    if (!w) return true;
    return (w.instance === inst && w.result === 'success') || w.exited;
  }

  /**
   * After each generated status (generateAPIPodStatus calls UpdatePodStatus, [5.9]): every
   * running, started container whose readiness is not Success gets an immediate readiness run;
   * and SyncPod's AddPod creates the workers that exited ([5.12]).
   */
  statusGenerated(): void {
    const sim = this.sim;
    if (sim.deletion === undefined && !sim.terminalDone && sim.terminalAt === undefined) this.addMissing();
    for (const w of this.workers) {
      if (w.kind !== 'readiness' || w.stopped) continue;
      const status = sim.status.statusOf(w.container);
      const inst = sim.status.instanceOf(w.container);
      if (!status?.state.running || !status.started || !inst) continue;
      if (w.instance === inst && w.result === 'success') continue;
      this.trigger(w);
    }
  }

  /** The containers in AddPod's order (the spec does not change during a run). */
  private addOrder?: ContainerSpec[];

  /** AddPod as SyncPod calls it: main containers, then sidecars; it returns at the first worker it already has. */
  private addMissing(): void {
    this.addOrder ??= [...this.sim.pod.containers, ...this.sim.pod.initContainers.filter((c) => c.kind === 'sidecar')];
    for (const spec of this.addOrder) {
      for (const kind of ADD_ORDER) {
        const probe = probeOf(spec, kind);
        if (!probe) continue;
        const old = this.byContainer.get(spec.name)?.[kind];
        if (old && !old.exited) return;
        // A worker for a container that stays terminated would leave again at its first look
        // (and only set Failure on the way out): it is not created at all here.
        const status = this.sim.status.statusOf(spec.name);
        if (old && status?.state.terminated && !this.keepsProbing(old, status)) continue;
        if (old) this.workers.splice(this.workers.indexOf(old), 1);
        this.createWorker(spec.name, kind, probe);
        // [5.12] The status just written called the container started because it had no startup
        // worker; the next status generation finds this one with no result and turns started
        // back to false, and only then does it probe. The pod worker's periodic resync is that
        // next generation ([0.2], syncFrequency).
        if (kind === 'startup' && status?.started) this.resyncLater();
      }
    }
  }

  private resyncAt?: QueueItem;
  /** The pod worker's next periodic sync, where nothing else would sync the pod ([0.2]). */
  private resyncLater(): void {
    if (this.resyncAt) return;
    this.resyncAt = this.sim.k.at(this.sim.now + RESYNC_INTERVAL, () => {
      this.resyncAt = undefined;
      this.sim.requestSync();
    });
  }

  /** manualTriggerCh: a run now, or right after the run under way ([5.9]). */
  private trigger(w: Worker): void {
    if (w.running) {
      w.manualPending = true;
      return;
    }
    if (w.manual) return; // the channel holds one trigger
    w.manual = this.sim.k.at(this.sim.now, () => {
      w.manual = undefined;
      this.begin(w, true);
    });
  }

  /** Something the workers read changed (status write, runtime change, fault): tick again soon. */
  wake(container?: string): void {
    if (container === undefined) {
      for (const w of this.workers) this.wakeWorker(w);
      return;
    }
    const workers = this.byContainer.get(container);
    if (!workers) return;
    for (const kind of KINDS) {
      const w = workers[kind];
      if (w) this.wakeWorker(w);
    }
  }

  private wakeWorker(w: Worker): void {
    if (w.stopped || w.running) return;
    const idx = this.firstTickAtOrAfter(w, this.sim.now);
    if (w.timer && !w.timer.cancelled && w.timer.t <= this.tickTime(w, idx)) return;
    this.schedule(w, idx);
  }

  private workersOf(container: string): Partial<Record<ProbeKind, Worker>> {
    let workers = this.byContainer.get(container);
    if (!workers) this.byContainer.set(container, (workers = {}));
    return workers;
  }

  /**
   * Stops workers of these kinds (for the containers `which` selects). Deletion: liveness and
   * startup workers end, which reads as success ([5.8]); terminal: all stop.
   */
  stop(kinds: ProbeKind[], reportSuccess = true, which: (container: string) => boolean = () => true): void {
    for (const w of this.workers) {
      if (!kinds.includes(w.kind) || w.stopped || !which(w.container)) continue;
      w.stopped = true;
      this.cancelAll(w);
      if (reportSuccess && w.kind !== 'readiness' && w.result !== 'success' && w.instance) this.setResult(w, 'success', false);
    }
  }

  /**
   * StopLivenessAndStartup at the start of termination ([5.8]): it walks pod.Spec.Containers
   * only, so a sidecar's liveness and startup probes keep running until the pod is removed, in
   * every version 1.28-1.36 (kubernetes#141766 adds the sidecars after 1.36).
   */
  stopLivenessAndStartup(): void {
    this.stop(['liveness', 'startup'], true, (name) => this.sim.rec(name).spec.kind === 'main');
  }

  private cancelAll(w: Worker): void {
    this.sim.k.cancel(w.timer);
    this.sim.k.cancel(w.manual);
    this.sim.k.cancel(w.running);
    w.timer = w.manual = w.running = undefined;
  }

  private tickTime(w: Worker, idx: number): number {
    return w.phase + idx * w.spec.periodSeconds;
  }

  private firstTickAtOrAfter(w: Worker, t: number): number {
    return Math.max(w.nextIndex, Math.ceil((t - w.phase) / w.spec.periodSeconds - EPS));
  }

  private schedule(w: Worker, idx: number): void {
    this.sim.k.cancel(w.timer);
    w.nextIndex = idx;
    w.timer = this.sim.k.at(this.tickTime(w, idx), () => this.tick(w, idx));
  }

  private tick(w: Worker, idx: number): void {
    w.timer = undefined;
    w.nextIndex = idx + 1;
    if (w.stopped) return;
    this.begin(w, false);
  }

  /** One pass of run's loop: a tick or a manual trigger starts doProbe. */
  private begin(w: Worker, manual: boolean): void {
    if (w.stopped) return;
    if (manual && this.sim.minor >= 32) {
      // [5.2] probeTicker.Reset: the next tick comes a whole period after the manual run.
      this.sim.k.cancel(w.timer);
      w.timer = undefined;
      w.phase = this.sim.now;
      w.nextIndex = 1;
    }
    const inst = this.precheck(w);
    if (typeof inst !== 'object') {
      this.settle(w, inst);
      return;
    }
    const plan = runPlan(w.spec, inst.behavior, w.kind);
    if (plan.seconds <= 0) {
      this.finish(w, inst, plan);
      return;
    }
    this.sim.k.cancel(w.timer);
    w.timer = undefined;
    w.running = this.sim.k.at(this.sim.now + plan.seconds, () => {
      w.running = undefined;
      this.finish(w, inst, plan);
    });
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
      w.onHold = false;
      this.setResult(w, INITIAL[w.kind], false);
    }
    if (w.onHold) return undefined;
    if (!status.state.running) {
      const leaves = status.state.terminated !== undefined && !this.keepsProbing(w, status);
      this.setResult(w, 'failure', true, leaves ? this.exitWhy(w) : `[5.3] ${w.container} is not running, so its ${w.kind} result is set to failure without running the probe.`);
      if (leaves) this.exit(w);
      return undefined;
    }
    const startedAt = status.state.running.startedAt ?? inst.startedAt ?? 0;
    const delayEnd = startedAt + w.spec.initialDelaySeconds;
    if (Math.trunc(sim.now - startedAt) < w.spec.initialDelaySeconds) return delayEnd; // [5.3]
    if (w.kind === 'startup' && status.started) return undefined; // startup runs only until Started
    if (w.kind !== 'startup' && !status.started) return undefined; // the others only after
    return inst;
  }

  /** doProbe's "abort if the container will not be restarted" ([5.12]). */
  private keepsProbing(w: Worker, status: ContainerStatus): boolean {
    const sim = this.sim;
    const spec = sim.rec(w.container).spec;
    const exitCode = status.state.terminated?.exitCode ?? 0;
    if (sim.gates.ContainerRestartRules) return shouldRestartAfterExit(sim.pod.restartPolicy, spec, exitCode, true);
    return sim.pod.restartPolicy !== 'Never' || (spec.kind === 'sidecar' && sim.minor >= 35);
  }

  /** The worker leaves its loop: its result is removed and the manager forgets it ([5.12]). */
  private exit(w: Worker): void {
    w.stopped = true;
    w.exited = true;
    this.cancelAll(w);
    w.result = undefined;
    if (w.kind !== 'liveness') this.sim.patchStatus();
  }

  private exitWhy(w: Worker): string {
    const sidecar = this.sim.rec(w.container).spec.kind === 'sidecar';
    return `[5.12] ${w.container} terminated and the pod's restartPolicy is ${this.sim.pod.restartPolicy}, so its ${w.kind} probe worker stops and its result is dropped`
      + (sidecar ? ' (up to 1.34 this happens to a sidecar as well, although the kubelet restarts it: a sidecar with a startup probe then never counts as started, #132826).' : '.');
  }

  /** The run's answer, through the thresholds ([5.4]); then the next run. */
  private finish(w: Worker, inst: Instance, plan: RunPlan): void {
    if (w.stopped) return;
    let next: Next = 'next';
    if (this.sim.status.instanceOf(w.container) === inst && inst.state === 'running') {
      const outcome = plan.timedOut ? 'failure' : this.outcome(w, inst, this.sim.now);
      w.lastPlan = plan;
      next = this.record(w, inst, outcome, plan);
    } // else: the container went away during the run: a prober error, the result is thrown away
    if (w.stopped) return;
    const tickDue = this.tickTime(w, w.nextIndex) <= this.sim.now + EPS && plan.seconds > 0;
    if (w.manualPending || (tickDue && next !== undefined)) {
      // [5.11] a tick or trigger that came during the run is waiting in its channel: run again now.
      const manual = w.manualPending;
      w.manualPending = false;
      if (!manual) w.nextIndex = this.firstTickAtOrAfter(w, this.sim.now + EPS);
      this.begin(w, manual);
      return;
    }
    if (plan.seconds > 0) w.nextIndex = this.firstTickAtOrAfter(w, this.sim.now + EPS);
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
      if (plan.timedOut) return undefined; // every run times out until something changes
      const change = this.nextChange(w, inst, this.sim.now);
      return change === undefined ? undefined : change - plan.seconds;
    }
    return 'next';
  }

  private settle(w: Worker, next: Next): void {
    if (w.stopped || w.running) return;
    if (next === 'next') this.schedule(w, w.nextIndex);
    else if (next !== undefined) this.schedule(w, this.firstTickAtOrAfter(w, next));
    // undefined: nothing can change until a wake()
  }

  /** What the handler answers at time t ([contract 1]: probes pass when the app is up or ready). */
  private outcome(w: Worker, inst: Instance, t: number): Verdict {
    if (inst.state !== 'running') return 'failure';
    if (w.spec.verdict) return w.spec.verdict === 'pass' ? 'success' : 'failure';
    if (this.sim.faults.probeFails(w.container, w.kind, t)) return 'failure';
    const from = w.kind === 'readiness' ? inst.readyAt ?? 0 : inst.upAt ?? 0;
    return t >= from ? 'success' : 'failure';
  }

  /** The first moment after t when the handler's answer may differ. */
  private nextChange(w: Worker, inst: Instance, t: number): number | undefined {
    let next = this.sim.faults.nextProbeEdge(w.container, w.kind, t);
    if (inst.upAt !== undefined && inst.upAt > t && (next === undefined || inst.upAt < next)) next = inst.upAt;
    if (inst.readyAt !== undefined && inst.readyAt > t && (next === undefined || inst.readyAt < next)) next = inst.readyAt;
    return next;
  }

  /** What made the handler answer so: an injected probe fault, the container's exit, or its app coming up. */
  private resultCause(w: Worker, result: Verdict): (string | undefined)[] {
    const inst = w.instance;
    if (result === 'success') return [inst?.ids.up ?? inst?.ids.start];
    if (this.sim.faults.probeFails(w.container, w.kind, this.sim.now)) return [this.sim.faults.probeFaultId(w.container, w.kind)];
    if (inst && inst.state !== 'running') return [inst.ids.exit];
    return [];
  }

  private setResult(w: Worker, result: Verdict | undefined, announce: boolean, why?: string): void {
    if (w.result === result) return;
    w.result = result;
    const sim = this.sim;
    w.resultId = undefined;
    if (announce && result) {
      w.resultId = sim.emit({ type: 'probe.result', container: w.container, probe: w.kind, result, why: why ?? probeWhy(w, result) }, this.resultCause(w, result));
    }
    if (w.kind === 'readiness' || w.kind === 'startup') sim.patchStatus();
    sim.requestSync();
  }
}

function probeWhy(w: Worker, result: Verdict): string {
  const times = result === 'failure' ? w.spec.failureThreshold : w.spec.successThreshold;
  const n = `${times} consecutive ${result === 'failure' ? 'failure' : 'success'}${times > 1 ? (result === 'failure' ? 's' : 'es') : ''}`;
  const plan = w.lastPlan;
  const slow = plan?.timedOut && result === 'failure'
    ? ` Each run timed out after timeoutSeconds (${w.spec.timeoutSeconds}s): the handler ${plan.handler === null ? 'never answers' : `takes ${plan.handler}s`} [5.11].`
    : plan && plan.seconds > 0 ? ` Each run takes ${plan.seconds}s [5.11].` : '';
  const counted = w.streakFrom !== undefined && w.streakFrom !== w.instance
    ? ` The count includes results from the container's previous run, which the kubelet keeps across a restart [5.10].` : '';
  switch (w.kind) {
    case 'startup':
      return result === 'success'
        ? `[5.4] The startup probe passed (${n}): the container is started, and the next container may start [2.2].${slow}`
        : `[5.5] The startup probe failed ${n}: the kubelet kills the container (reason StartupProbe).${slow}${counted}`;
    case 'liveness':
      return result === 'success'
        ? `[5.4] The liveness probe passes again (${n}).${slow}`
        : `[5.5] The liveness probe failed ${n}: the kubelet kills the container (reason LivenessProbe).${slow}${counted}`;
    default:
      return result === 'success'
        ? `[5.4] The readiness probe passed (${n}): the container is ready.${slow}${counted}`
        : `[5.5] The readiness probe failed ${n}: the container is unready but keeps running.${slow}`;
  }
}
