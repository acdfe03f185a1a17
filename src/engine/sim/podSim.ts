// The simulated node holding one pod: runtime records, sandbox, pod worker state, the trace.
// Behaviour lives in the modules beside this one (sync, start, kill, probes, status, faults);
// this class holds their shared state and the few primitives they all use.

import { BackoffTable, ImagePullBackoff, backoffSettings } from '../kubelet/backoff';
import type { ContainerSpec, Scenario } from '../scenario/types';
import { roundTime, type HookKind, type TraceEvent } from '../trace';
import { minor, type FeatureGates } from '../version';
import { Kernel, type RunningTask } from './kernel';
import { newest, type ContainerRecord, type Instance } from './model';
import type { QueueItem } from './queue';
import { FaultWindows } from './faults';
import { ProbeManager } from './probes';
import { RELIST_PERIOD } from './timing';
import { MAX_TRACE_EVENTS } from '../scenario/limits';
import { StatusManager } from './statusManager';

type Emit = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't' | 'id' | 'cause'> : never) : never;

/** A cause list as callers build it: ids of earlier events, or undefined where there was none. */
export type Causes = readonly (string | undefined)[];

/** Runtime events a later status write shows (its waiting reason, started, ready, phase, conditions). */
const SHOWN_BY_STATUS = new Set<TraceEvent['type']>([
  'container.start', 'container.up', 'container.exit', 'container.backoff', 'probe.result', 'hook.end', 'fault',
]);

export interface Deletion {
  at: number;
  grace: number;
  /** The pod.deleted event's id. */
  id: string;
}

export class PodSim {
  readonly k: Kernel;
  readonly events: TraceEvent[] = [];
  readonly records = new Map<string, ContainerRecord>();
  readonly gates: FeatureGates;
  readonly minor: number;
  readonly backoff: BackoffTable;
  readonly pullBackoff = new ImagePullBackoff();
  readonly pulledImages = new Set<string>();
  /** Hooks running now, per container instance. */
  readonly hooks = new Map<Instance, HookKind>();

  /** Sandbox: id 0 = none yet; ready = networked and usable; conditionReady = what [7.1] reports. */
  sandbox = { id: 0, ready: false, created: 0, conditionReady: false };
  /** The instance whose back-off was already announced in the trace, per container. */
  readonly backoffAnnounced = new Map<string, Instance>();
  readonly faults = new FaultWindows();
  readonly probes: ProbeManager;
  /** The pod worker finished with the pod (terminal phase handled, or deletion done). */
  terminalDone = false;
  /** KEP-5532: instances below this attempt were removed by an in-place restart, per container. */
  readonly hiddenBelow = new Map<string, number>();
  restartAllCount = 0;
  /** Exited instances whose runtime records were deleted (E24/E26): the kubelet no longer sees them. */
  readonly removedFromRuntime = new Set<Instance>();
  /** `until` is only a cap: the run still closes after the terminal phase (a Job's pods). */
  untilIsCap = false;
  /** While the kubelet restarts nothing syncs, probes or relists. */
  kubeletDown = false;
  deletion?: Deletion;
  /** Set once a terminal phase has been written ([6.5]). */
  terminalAt?: number;
  /** The id of the pod.phase event that wrote the terminal phase. */
  terminalPhaseId?: string;
  gone = false;
  /** Events the whole run may write (MAX_TRACE_EVENTS); a Job's pods share it. */
  eventBudget = MAX_TRACE_EVENTS;
  /** Events earlier pods of the same Job already wrote. */
  eventsBefore = 0;
  /** Set when the event budget stopped the run. */
  truncatedAt?: number;

  /** The pod worker: one sync at a time ([0.1]); further requests coalesce. */
  syncTask?: RunningTask;
  syncQueued?: QueueItem;
  syncPending = false;
  requeue?: QueueItem;
  terminating?: RunningTask;
  private relist?: QueueItem;

  /** The status manager: the last written status, which the probe workers read ([0.4]). */
  readonly status = new StatusManager();

  /** Hooks for the other modules, wired by simulate(). */
  onSyncRequested: () => void = () => {};
  onRuntimeChange: (name: string) => void = () => {};
  onPatchStatus: () => void = () => {};

  constructor(readonly scenario: Scenario, horizon: number, maxSteps?: number) {
    this.k = new Kernel(horizon, maxSteps);
    this.gates = scenario.sim.featureGates;
    this.minor = minor(scenario.sim.kubernetesVersion);
    this.probes = new ProbeManager(this);
    this.backoff = new BackoffTable(backoffSettings(this.gates, scenario.sim.kubelet.maxContainerRestartPeriod));
    for (const spec of [...scenario.pod.initContainers, ...scenario.pod.containers]) {
      this.records.set(spec.name, { spec, instances: [], killing: false, image: spec.image });
    }
  }

  get now(): number {
    return this.k.now;
  }

  get pod() {
    return this.scenario.pod;
  }

  /**
   * Writes an event and returns its id. `cause`: the ids of the earlier events that made it happen,
   * as the caller's state remembers them (undefined entries and repeats are dropped).
   */
  emit(e: Emit, cause?: Causes): string {
    // Every caller passes a fresh object literal, so it becomes the event itself (no copy).
    const ev = e as TraceEvent;
    ev.t = roundTime(this.k.now);
    const id = `e${this.events.length}`;
    ev.id = id;
    if (cause) {
      const ids = distinctIds(cause);
      if (ids.length) ev.cause = ids;
    }
    this.events.push(ev);
    if ('container' in ev && ev.container !== undefined && SHOWN_BY_STATUS.has(ev.type)) this.status.noteRuntimeEvent(ev.container, id);
    if (this.eventsBefore + this.events.length >= this.eventBudget && this.truncatedAt === undefined) {
      // The run stops after this step; simulatePod closes the trace here with a sim.truncated event.
      this.truncatedAt = this.k.now;
      this.k.halt();
    }
    return id;
  }

  rec(name: string): ContainerRecord {
    const r = this.records.get(name);
    if (!r) throw new Error(`unknown container ${name}`);
    return r;
  }

  /** Every container's spec, init containers first (the spec does not change during a run: one list, never modified). */
  specs(): readonly ContainerSpec[] {
    return (this.allSpecs ??= [...this.pod.initContainers, ...this.pod.containers]);
  }

  private allSpecs?: ContainerSpec[];

  running(name: string): Instance | undefined {
    const inst = newest(this.rec(name));
    return inst?.state === 'running' ? inst : undefined;
  }

  isSidecar(spec: ContainerSpec): boolean {
    return spec.kind === 'sidecar';
  }

  /** The PLEG notices runtime changes at its next relist and asks for a sync ([0.2]). */
  noticeRuntimeChange(name: string): void {
    this.onRuntimeChange(name);
    if (this.relist || this.gone || this.kubeletDown) return;
    const next = (Math.floor(this.now / RELIST_PERIOD) + 1) * RELIST_PERIOD;
    this.relist = this.k.at(next, () => {
      this.relist = undefined;
      this.requestSync();
    });
  }

  requestSync(): void {
    this.onSyncRequested();
  }

  /** The prober's immediate status patch ([5.6]). */
  patchStatus(): void {
    this.onPatchStatus();
  }

  /** The effective pod-level grace for a container kill outside pod termination ([8.9]). */
  specGrace(): number {
    return this.pod.terminationGracePeriodSeconds;
  }
}

function distinctIds(cause: Causes): string[] {
  const out: string[] = [];
  for (const id of cause) if (id !== undefined && !out.includes(id)) out.push(id);
  return out;
}
