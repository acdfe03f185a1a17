// The prober manager ([5]): a worker per container and probe kind, created by AddPod ([5.1]) and
// again by SyncPod's AddPod for a worker that left its loop ([5.12]); the results the kubelet reads
// (Started and Ready for UpdatePodStatus [5.6], startup and liveness for computePodActions); each
// status the kubelet generates triggers an immediate readiness run for a started container that is
// not ready yet ([5.9]); StopLivenessAndStartup at termination ([5.8]). The worker's own loop
// (ticks, doProbe, thresholds, results) is probeWorker.ts.
//
// Upstream (read: 1.27-1.36): pkg/kubelet/prober/prober_manager.go AddPod,
// StopLivenessAndStartup, UpdatePodStatus, and worker.go's manual trigger channel.

import type { ContainerSpec, ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import type { PodSim } from './podSim';
import type { ContainerRecord, Instance } from './model';
import { KUBELET_RESTART_GRACE } from './timing';
import { ProbeWorkerLoop, type Verdict, type Worker } from './probeWorker';
import { carryOverResults } from './probeCarryOver';
import { keepsStatusAcrossKubeletRestart } from './kubeletRestartStatus';
import { keepsProbing } from './probeKeepGoing';

const KINDS = ['startup', 'liveness', 'readiness'] as const;
/** AddPod's order within a container. */
const ADD_ORDER = ['startup', 'readiness', 'liveness'] as const;

function probeOf(spec: { startupProbe?: ProbeSpec; livenessProbe?: ProbeSpec; readinessProbe?: ProbeSpec }, kind: ProbeKind): ProbeSpec | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'liveness' ? spec.livenessProbe : spec.readinessProbe;
}

export class ProbeManager {
  private readonly workers: Worker[] = [];
  /** The readiness workers among them, in the same order (each status generation walks these, [5.9]). */
  private readonly readinessWorkers: Worker[] = [];
  /** The workers of each container by its record's position, by probe kind (read at every status write and sync: no lookup by name). */
  private readonly byPosition: Partial<Record<ProbeKind, Worker>>[] = [];

  private readonly loop: ProbeWorkerLoop;

  constructor(private readonly sim: PodSim) {
    this.loop = new ProbeWorkerLoop(sim);
  }

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
    // Every field present from the start (one shape for every worker: the loop reads them at every tick).
    const w: Worker = {
      container, kind, spec, phase: this.sim.now, nextIndex: 0, sleptFrom: undefined, timer: undefined, timerIndex: 0, onTick: undefined, manual: undefined, running: undefined,
      manualPending: false, instance: undefined, result: undefined, lastOutcome: undefined, run: 0, streakFrom: undefined,
      onHold: false, stopped: false, exited: false, startedOnRestart: false, beforeAddPod: false, lastPlan: undefined, resultId: undefined, failedRunId: undefined, failedWhys: undefined, failedOutputs: undefined,
    };
    this.workers.push(w);
    if (kind === 'readiness') this.readinessWorkers.push(w);
    this.workersOf(container)[kind] = w;
    this.sim.containerChanged(container); // a new worker has no result yet ([5.6] reads it)
    this.loop.schedule(w, 0);
    return w;
  }

  /**
   * A kubelet restart drops every worker and creates new ones ([0.2], E73/E74). Up to 1.34 the
   * results start over (readiness Failure, startup Unknown); from 1.35 (ChangeContainerStatusOnKubeletRestart
   * off) doProbe sets no initial result for a container that was running 10 s before the kubelet
   * started (kubeletRestartGracePeriod), so its workers go on from the last written status, while
   * a younger container's start over ([5.16]). New workers count consecutive results from zero
   * either way ([5.10]).
   */
  restart(keepResults: boolean): void {
    const previous = this.workers.slice();
    for (const w of previous) this.loop.cancelAll(w);
    this.workers.length = 0;
    this.readinessWorkers.length = 0;
    this.byPosition.length = 0;
    this.addPod();
    this.sim.changes.markAll(); // every worker is new
    for (const w of this.workers) this.sleepAfterRestart(w);
    if (!keepResults) {
      this.holdStatusWorkersUntilAddPod();
      return;
    }
    carryOverResults(previous, this.workers, this.sim.now - KUBELET_RESTART_GRACE);
    // A younger container's workers start over, as up to 1.34: the first sync finds none of them
    // (isContainerStarted and UpdatePodStatus, 1.35+ copy; setReadyStateOnKubeletRestart leaves a
    // container younger than the grace alone), so it too writes it started and ready ([5.16]).
    this.holdStatusWorkersUntilAddPod((w) => w.instance === undefined);
  }

  /**
   * [5.16] Up to 1.34 (or with ChangeContainerStatusOnKubeletRestart on) the restarted kubelet's
   * first SyncPod generates the status before probeManager.AddPod makes the workers (kubelet.go
   * SyncPod, a 1.29/1.30-era copy), and UpdatePodStatus, finding no startup or readiness worker
   * (prober_manager.go, pre-sidecar, 1.34-era and 1.36+ copies), writes a running container
   * started (`started = !exists`) and ready (`ready = !exists`): a NotReady pod is Ready, and a
   * container in its startup period started, until the workers' first looks set their initial
   * results (startup Unknown, readiness Failure) and the next sync writes them (kubernetes#135795).
   * The startup and readiness workers wait, unmade as far as the status goes, for the first status
   * generation (statusGenerated).
   */
  private holdStatusWorkersUntilAddPod(which: (w: Worker) => boolean = () => true): void {
    for (const w of this.workers) {
      if (w.kind === 'liveness' || !which(w)) continue;
      w.beforeAddPod = true;
      this.loop.cancelAll(w);
    }
  }

  /** Whether the container's readiness worker is still unmade after a kubelet restart, so its Ready is "no worker" ([5.16]). */
  readinessBeforeAddPod(container: string): boolean {
    return this.workersAt(container)?.readiness?.beforeAddPod === true;
  }

  /** AddPod after the restarted kubelet's first status: the held startup and readiness workers are made and start their loops. */
  private releaseHeldWorkers(): void {
    for (const w of this.workers) {
      if (!w.beforeAddPod) continue;
      w.beforeAddPod = false;
      this.sim.containerChanged(w.container); // no longer "no worker": Started and Ready read its (missing) result
      this.sleepAfterRestart(w);
    }
  }

  /** Whether the container's startup worker is still unmade after a kubelet restart, so its Started is "no worker" ([5.16]). */
  startupBeforeAddPod(container: string): boolean {
    return this.workersAt(container)?.startup?.beforeAddPod === true;
  }

  /**
   * [5.2] worker.go run: a worker made less than a period after the kubelet started sleeps a
   * random part of its period before its first look; the engine draws it as the requeues do, the
   * scenario's requeueJitter (0, the default: no sleep), so a scenario always gives the same trace.
   */
  private sleepAfterRestart(w: Worker): void {
    w.phase = this.sim.now + (this.sim.scenario.sim.requeueJitter ?? 0) * w.spec.periodSeconds;
    this.loop.schedule(w, 0);
  }

  /** The worker's current result for this instance (undefined: not decided, like a missing entry). */
  result(container: string | ContainerRecord, kind: ProbeKind, inst: Instance | undefined): Verdict | undefined {
    const w = this.workersAt(container)?.[kind];
    if (!w || !inst || w.instance !== inst) return undefined;
    return w.result;
  }

  /** The id of the probe.result event behind the worker's current result for this instance. */
  resultId(container: string, kind: ProbeKind, inst: Instance | undefined): string | undefined {
    const w = this.workersAt(container)?.[kind];
    if (!w || !inst || w.instance !== inst) return undefined;
    return w.resultId;
  }

  /**
   * Continuing from an observed state (issue 14, sim/initialState): this worker already reached
   * `result` on this instance, as the pod's started/ready flags say; a passed startup probe holds
   * until a new container ID ([5.4]).
   */
  seed(container: string, kind: ProbeKind, inst: Instance, result: Verdict): void {
    const w = this.workersAt(container)?.[kind];
    if (!w) return;
    w.instance = inst;
    w.result = result;
    this.sim.containerChanged(container);
    w.lastOutcome = result;
    w.streakFrom = inst;
    w.run = kind === 'startup' ? 0 : result === 'success' ? w.spec.successThreshold : w.spec.failureThreshold;
    w.onHold = kind === 'startup' && result === 'success';
  }

  /**
   * UpdatePodStatus's Started ([5.6]): the startup result, else "no startup worker"; from 1.35, for
   * a container the startup worker has not looked at yet, the Started its name had ([5.15]).
   */
  started(container: string | ContainerRecord, inst: Instance): boolean {
    const w = this.workersAt(container)?.startup; // read at every status write: one lookup
    if (!w || w.beforeAddPod) return true; // no worker (yet): `started = !exists`
    if (w.instance === inst) return w.result !== undefined ? w.result === 'success' : w.exited || w.startedOnRestart;
    return w.exited || this.startedByName(w, inst);
  }

  /** Whether this container counts as started only because the kubelet restarted in its startup period ([5.16]). */
  startedOnRestart(container: string, inst: Instance): boolean {
    const w = this.workersAt(container)?.startup;
    return w !== undefined && w.instance === inst && w.result === undefined && w.startedOnRestart;
  }

  /**
   * [5.15] 1.35-1.37 as released (ChangeContainerStatusOnKubeletRestart off, kubernetes#141155):
   * convertToAPIContainerStatuses copies Started from the container's previous status by name,
   * whatever its container ID, when the runtime says Running; isContainerStarted keeps it while the
   * startup cache has no entry for the new ID, i.e. until the startup worker first looks at it. So a
   * container the kubelet replaced while it counted as started (a liveness kill) is started at once.
   */
  startedByName(w: Worker, inst: Instance): boolean {
    const sim = this.sim;
    if (!keepsStatusAcrossKubeletRestart(sim) || inst.state !== 'running' || w.instance === inst) return false;
    return sim.status.statusOf(w.container)?.started === true;
  }

  /** Whether this container's Started is the copy of [5.15] (its startup worker has not looked at it yet). */
  startedByCopy(container: string, inst: Instance): boolean {
    const w = this.workersAt(container)?.startup;
    return w !== undefined && !w.exited && this.startedByName(w, inst);
  }

  /** Whether the container has a readiness worker: only its results patch Ready into the written status ([5.6]). */
  hasReadiness(container: string | ContainerRecord): boolean {
    return this.workersAt(container)?.readiness !== undefined;
  }

  /** UpdatePodStatus's Ready for a started, running container ([5.6]): readiness Success, else "no readiness worker". */
  ready(container: string | ContainerRecord, inst: Instance): boolean {
    const w = this.workersAt(container)?.readiness;
    if (!w || w.beforeAddPod) return true; // no worker (yet): `ready = !exists`
    return (w.instance === inst && w.result === 'success') || w.exited;
  }

  /**
   * After each generated status (generateAPIPodStatus calls UpdatePodStatus, [5.9]): every
   * running, started container whose readiness is not Success gets an immediate readiness run;
   * and SyncPod's AddPod creates the workers that exited ([5.12]).
   */
  statusGenerated(): void {
    const sim = this.sim;
    this.startedWithoutResult = false; // this generation reads the new startup workers
    if (sim.deletion === undefined && !sim.terminalDone && sim.terminalAt === undefined) this.addMissing();
    const readiness = this.readinessWorkers;
    for (let i = 0; i < readiness.length; i++) {
      const w = readiness[i]!;
      if (this.wouldTrigger(w)) this.trigger(w);
    }
    // [5.16] the restarted kubelet's first SyncPod calls AddPod after its status (no trigger for them);
    // [8.14] a pod it found deleted gets no SyncPod, so no AddPod: its workers stay unmade
    if (sim.deletion === undefined) this.releaseHeldWorkers();
  }

  /** UpdatePodStatus's manual trigger ([5.9]): a running, started container whose readiness result is not Success. */
  private wouldTrigger(w: Worker): boolean {
    if (w.stopped || w.beforeAddPod) return false;
    const sim = this.sim;
    const inst = sim.status.instanceOf(w.container);
    if (!inst || (w.instance === inst && w.result === 'success')) return false; // already ready: no status lookup
    const status = sim.status.statusOf(w.container);
    return status?.state.running !== undefined && status.started === true;
  }

  /**
   * Whether the pod worker's periodic resync would change anything here ([0.2]): its status
   * generation would trigger a readiness run ([5.9]), or read a startup worker AddPod made after the
   * last status had called its container started ([5.12]).
   */
  resyncMatters(): boolean {
    return this.startedWithoutResult || this.readinessWorkers.some((w) => this.wouldTrigger(w));
  }

  /** The containers in AddPod's order (the spec does not change during a run). */
  private addOrder?: ContainerSpec[];

  /**
   * AddPod as SyncPod calls it: main containers, then sidecars. Up to 1.36 it returns at the first
   * worker it already has; from 1.37 it goes on to the next container instead (#138930, merged
   * by 2026-06, a `continue` for each of the three `return`s), so a missing worker behind an existing
   * one is made again too ([5.12]).
   */
  private addMissing(): void {
    this.addOrder ??= [...this.sim.pod.containers, ...this.sim.pod.initContainers.filter((c) => c.kind === 'sidecar')];
    containers: for (const spec of this.addOrder) {
      for (const kind of ADD_ORDER) {
        const probe = probeOf(spec, kind);
        if (!probe) continue;
        const old = this.workersAt(spec.name)?.[kind];
        if (old && !old.exited) {
          if (this.sim.minor >= 37) continue containers;
          return;
        }
        // A worker for a container that stays terminated would leave again at its first look
        // (and only set Failure on the way out): it is not created at all here.
        const status = this.sim.status.statusOf(spec.name);
        if (old && status?.state.terminated && !keepsProbing(this.sim, old.container, status)) continue;
        if (old) this.forget(old);
        this.createWorker(spec.name, kind, probe);
        // [5.12] The status just written called the container started because it had no startup
        // worker; the next status generation finds this one with no result and turns started
        // back to false, and only then does it probe. The pod worker's periodic resync is that
        // next generation when nothing else syncs the pod ([0.2], syncFrequency).
        if (kind === 'startup' && status?.started) this.startedWithoutResult = true;
      }
    }
  }

  /** A worker that left its loop is replaced: it leaves the lists (the new one goes at their end). */
  private forget(old: Worker): void {
    this.workers.splice(this.workers.indexOf(old), 1);
    if (old.kind === 'readiness') this.readinessWorkers.splice(this.readinessWorkers.indexOf(old), 1);
  }

  /** A startup worker made after the written status called its container started: the next generation turns it back ([5.12]). */
  private startedWithoutResult = false;

  /** manualTriggerCh: a run now, or right after the run under way ([5.9]). */
  private trigger(w: Worker): void {
    if (w.running) {
      w.manualPending = true;
      return;
    }
    if (w.manual) return; // the channel holds one trigger
    w.manual = this.sim.k.at(this.sim.now, () => {
      w.manual = undefined;
      this.loop.begin(w, true);
    });
  }

  /** Something the workers read changed (status write, runtime change, fault): tick again soon. */
  wake(container?: string): void {
    if (container === undefined) {
      for (const w of this.workers) this.wakeWorker(w);
      return;
    }
    const workers = this.workersAt(container);
    if (!workers) return;
    for (const kind of KINDS) {
      const w = workers[kind];
      if (w) this.wakeWorker(w);
    }
  }

  /**
   * The pod's deletion cancelled the workers' context ([5.14]): a run under way errors now, and a
   * worker that slept because its answer could not change ticks again, since every run of an exec
   * probe is now an error the kubelet records.
   */
  contextCancelled(): void {
    for (const w of this.workers) {
      if (w.stopped || w.spec.handler !== 'exec') continue;
      if (w.running && w.instance) this.loop.errored(w, w.instance);
      else this.wakeWorker(w);
    }
  }

  private wakeWorker(w: Worker): void {
    if (w.stopped || w.running || w.beforeAddPod) return; // an unmade worker has no loop to wake
    const idx = this.loop.wakeTick(w);
    if (w.timer && !w.timer.cancelled && w.timer.t <= this.loop.tickTime(w, idx)) return;
    this.loop.schedule(w, idx);
  }

  private workersOf(container: string): Partial<Record<ProbeKind, Worker>> {
    const at = this.sim.rec(container).position;
    return (this.byPosition[at] ??= {});
  }

  /** A container's workers, if it has any. */
  private workersAt(container: string | ContainerRecord): Partial<Record<ProbeKind, Worker>> | undefined {
    const rec = typeof container === 'string' ? this.sim.records.get(container) : container;
    return rec === undefined ? undefined : this.byPosition[rec.position];
  }

  /**
   * Stops workers of these kinds (for the containers `which` selects): worker.stop(), after which
   * run()'s deferred cleanup removes the result (results_manager.go Remove: no update, so no
   * SetContainerStartup or SetContainerReadiness patch) and the worker ([5.8]). Nothing generates
   * a status of the pod until its containers have stopped ([8.10]), so the written Started and
   * Ready stay as they were: the stopped worker keeps its result here, which is what the status
   * patches of other workers read. None reports Success first, as doProbe's "Graceful shutdown of
   * the pod" branch would: that branch reads the worker's own copy of the pod, which never gets
   * the deletionTimestamp (config.go merge hands the kubelet copyPods), so no path of the running
   * kubelet takes it.
   */
  stop(kinds: ProbeKind[], which: (container: string) => boolean = () => true): void {
    for (const w of this.workers) {
      if (!kinds.includes(w.kind) || w.stopped || !which(w.container)) continue;
      w.stopped = true;
      this.loop.cancelAll(w);
    }
  }

  /**
   * StopLivenessAndStartup at the start of termination ([5.8]; prober_manager.go, read in the
   * 1.27-era and 1.35-era stored copies, the same; called by kubelet.go SyncTerminatingPod after
   * its first SetPodStatus, read at the 1.27-era and 1.34+-era stored copies): it only calls
   * worker.stop(), so the results are removed without an update and a main container whose startup
   * probe had not passed stays Started=false (and its readiness probe, gated on Started, never
   * runs) until it stops, in every version 1.27-1.37 (was: Success reported, Started patched true
   * and Ready following). It walks pod.Spec.Containers only, so a sidecar's liveness and startup
   * probes keep running until the pod is removed, in every version 1.28-1.37 (kubernetes#141766,
   * merged after 1.37.0, adds the sidecars for 1.38).
   */
  stopLivenessAndStartup(): void {
    this.stop(['liveness', 'startup'], (name) => this.sim.rec(name).spec.kind === 'main');
  }
}
