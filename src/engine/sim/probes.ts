// Probe workers ([5]): one per container and probe kind, ticking every periodSeconds from their
// creation ([5.2]), reading the last written status ([0.4]) and changing their result only at the
// thresholds ([5.4]). A worker whose result cannot change sleeps until the next moment it could
// (the app comes up, a fault window opens or closes, the status changes): cost follows change.

import type { ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import type { PodSim } from './podSim';
import type { Instance } from './model';
import type { QueueItem } from './queue';

type Verdict = 'success' | 'failure';

interface Worker {
  container: string;
  kind: ProbeKind;
  spec: ProbeSpec;
  createdAt: number;
  nextIndex: number;
  timer?: QueueItem;
  instance?: Instance;
  result?: Verdict;
  lastOutcome?: Verdict;
  run: number;
  onHold: boolean;
  stopped: boolean;
}

const KINDS = ['startup', 'liveness', 'readiness'] as const;
const INITIAL: Record<ProbeKind, Verdict | undefined> = { readiness: 'failure', liveness: 'success', startup: undefined };

export class ProbeManager {
  private readonly workers: Worker[] = [];
  /** The workers of each container, by probe kind (read at every status write: no string keys). */
  private readonly byContainer = new Map<string, Partial<Record<ProbeKind, Worker>>>();

  constructor(private readonly sim: PodSim) {}

  /** AddPod: workers for every probe of every sidecar and main container ([5.1]). */
  addPod(): void {
    for (const spec of this.sim.specs()) {
      const probes: [ProbeKind, ProbeSpec | undefined][] = [
        ['startup', spec.startupProbe], ['liveness', spec.livenessProbe], ['readiness', spec.readinessProbe],
      ];
      for (const [kind, probe] of probes) {
        if (!probe || spec.kind === 'init') continue;
        const w: Worker = { container: spec.name, kind, spec: probe, createdAt: this.sim.now, nextIndex: 0, run: 0, onHold: false, stopped: false };
        this.workers.push(w);
        this.workersOf(spec.name)[kind] = w;
        this.schedule(w, 0);
      }
    }
  }

  /**
   * A kubelet restart drops every worker and creates new ones ([0.2], E73/E74). Up to 1.34 the
   * results start over (readiness Failure, startup Unknown); from 1.35 the new workers take the
   * last written status as their starting point (ChangeContainerStatusOnKubeletRestart off).
   */
  restart(keepResults: boolean): void {
    const previous = new Map(this.workers.map((w) => [`${w.container}/${w.kind}`, w]));
    for (const w of this.workers) this.sim.k.cancel(w.timer);
    this.workers.length = 0;
    this.byContainer.clear();
    this.addPod();
    if (!keepResults) return;
    for (const w of this.workers) {
      const old = previous.get(`${w.container}/${w.kind}`);
      if (!old) continue;
      w.instance = old.instance;
      w.result = old.result;
      w.lastOutcome = old.lastOutcome;
      w.run = old.run;
      w.onHold = old.onHold;
    }
  }

  /** The worker's current result for this instance (undefined: not decided, like a missing entry). */
  result(container: string, kind: ProbeKind, inst: Instance | undefined): Verdict | undefined {
    const w = this.byContainer.get(container)?.[kind];
    if (!w || !inst || w.instance !== inst) return undefined;
    return w.result;
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
    if (w.stopped) return;
    const idx = Math.max(w.nextIndex, Math.ceil((this.sim.now - w.createdAt) / w.spec.periodSeconds - 1e-9));
    if (w.timer && !w.timer.cancelled && w.timer.t <= this.tickTime(w, idx)) return;
    this.schedule(w, idx);
  }

  private workersOf(container: string): Partial<Record<ProbeKind, Worker>> {
    let workers = this.byContainer.get(container);
    if (!workers) this.byContainer.set(container, (workers = {}));
    return workers;
  }

  /** Deletion: liveness and startup workers report success and stop ([5.8]). Terminal: all stop. */
  stop(kinds: ProbeKind[], reportSuccess = true): void {
    for (const w of this.workers) {
      if (!kinds.includes(w.kind) || w.stopped) continue;
      w.stopped = true;
      this.sim.k.cancel(w.timer);
      if (reportSuccess && w.kind !== 'readiness' && w.result !== 'success' && w.instance) this.setResult(w, 'success', false);
    }
  }

  private tickTime(w: Worker, idx: number): number {
    return w.createdAt + idx * w.spec.periodSeconds;
  }

  private schedule(w: Worker, idx: number): void {
    this.sim.k.cancel(w.timer);
    w.nextIndex = idx;
    w.timer = this.sim.k.at(this.tickTime(w, idx), () => this.tick(w, idx));
  }

  /** The next tick at or after `t`. */
  private scheduleAtOrAfter(w: Worker, after: number, t: number): void {
    const idx = Math.max(after, Math.ceil((t - w.createdAt) / w.spec.periodSeconds - 1e-9));
    this.schedule(w, idx);
  }

  private tick(w: Worker, idx: number): void {
    w.timer = undefined;
    w.nextIndex = idx + 1;
    if (w.stopped) return;
    const settleAt = this.doProbe(w);
    if (w.stopped) return;
    if (settleAt === 'next') this.schedule(w, idx + 1);
    else if (settleAt !== undefined) this.scheduleAtOrAfter(w, idx + 1, settleAt);
    // undefined: nothing can change until a wake()
  }

  /** Returns when to look next: 'next' tick, a time, or undefined (wait for a wake). */
  private doProbe(w: Worker): 'next' | number | undefined {
    const sim = this.sim;
    const inst = sim.apiInstances.get(w.container);
    const status = sim.apiStatusOf(w.container);
    if (!inst || !status) return undefined; // [5.3] no container ID yet
    if (w.instance !== inst) {
      w.instance = inst;
      w.run = 0;
      w.lastOutcome = undefined;
      w.onHold = false;
      this.setResult(w, INITIAL[w.kind], false);
    }
    if (w.onHold) return undefined;
    if (!status.state.running) {
      this.setResult(w, 'failure', true, `[5.3] ${w.container} is not running, so its ${w.kind} result is set to failure without running the probe.`);
      return undefined;
    }
    const startedAt = status.state.running.startedAt ?? inst.startedAt ?? 0;
    const delayEnd = startedAt + w.spec.initialDelaySeconds;
    if (Math.trunc(sim.now - startedAt) < w.spec.initialDelaySeconds) return delayEnd; // [5.3]
    if (w.kind === 'startup' && status.started) return undefined; // startup runs only until Started
    if (w.kind !== 'startup' && !status.started) return undefined; // the others only after

    const outcome = this.outcome(w, inst, sim.now);
    if (outcome === w.lastOutcome) w.run++;
    else {
      w.lastOutcome = outcome;
      w.run = 1;
    }
    const threshold = outcome === 'failure' ? w.spec.failureThreshold : w.spec.successThreshold;
    if (w.run >= threshold && outcome !== w.result) {
      this.setResult(w, outcome, true);
      if ((outcome === 'failure' && w.kind !== 'readiness') || w.kind === 'startup') {
        w.onHold = true; // [5.4] hold until a new container ID
        return undefined;
      }
    }
    if (outcome === w.result) return this.nextChange(w, inst, sim.now) ?? undefined;
    return 'next';
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
    const times = [inst.upAt, inst.readyAt, ...this.sim.faults.probeEdges(w.container, w.kind)]
      .filter((x): x is number => x !== undefined && x > t);
    return times.length ? Math.min(...times) : undefined;
  }

  private setResult(w: Worker, result: Verdict | undefined, announce: boolean, why?: string): void {
    if (w.result === result) return;
    w.result = result;
    const sim = this.sim;
    if (announce && result) {
      sim.emit({ type: 'probe.result', container: w.container, probe: w.kind, result, why: why ?? probeWhy(w, result) });
    }
    if (w.kind === 'readiness' || w.kind === 'startup') sim.patchStatus();
    sim.requestSync();
  }
}

function probeWhy(w: Worker, result: Verdict): string {
  const times = result === 'failure' ? w.spec.failureThreshold : w.spec.successThreshold;
  const n = `${times} consecutive ${result === 'failure' ? 'failure' : 'success'}${times > 1 ? (result === 'failure' ? 's' : 'es') : ''}`;
  switch (w.kind) {
    case 'startup':
      return result === 'success'
        ? `[5.4] The startup probe passed (${n}): the container is started, and the next container may start [2.2].`
        : `[5.5] The startup probe failed ${n}: the kubelet kills the container (reason StartupProbe).`;
    case 'liveness':
      return result === 'success'
        ? `[5.4] The liveness probe passes again (${n}).`
        : `[5.5] The liveness probe failed ${n}: the kubelet kills the container (reason LivenessProbe).`;
    default:
      return result === 'success'
        ? `[5.4] The readiness probe passed (${n}): the container is ready.`
        : `[5.5] The readiness probe failed ${n}: the container is unready but keeps running.`;
  }
}
