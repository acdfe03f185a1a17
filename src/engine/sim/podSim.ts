// One pod on a simulated node (simNode.ts owns the clock): runtime records, sandbox, its pod
// worker (podWorker.ts), its events. Behaviour lives in the modules beside this one (sync, start,
// kill, probes, status, faults); this class holds their shared state and the few primitives they
// all use.

import type { RestartAllState } from './restartAll';
import { newBackoffMemo } from './backoffMemo';
import { BackoffTable, ImagePullBackoff, backoffSettings } from '../kubelet/backoff';
import type { ContainerSpec, Scenario } from '../scenario/types';
import { roundTime, type HookKind, type TraceEvent } from '../trace';
import { minor, type FeatureGates } from '../version';
import type { Kernel, RunningTask, Task } from './kernel';
import { newest, type ContainerRecord, type Instance } from './model';
import type { QueueItem } from './queue';
import { FaultWindows } from './faults';
import { ProbeManager } from './probes';
import { RELIST_PERIOD, RESYNC_INTERVAL, jitteredDelay } from './timing';
import { SimNode } from './simNode';
import { KubeletPodWorker, type PodWorker } from './podWorker';
import { StatusManager } from './statusManager';
import { ContainerChanges } from './changedSet';
import { eventId } from './eventIds';
import type { KubeletKill } from './kubeletKillStatus';

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
  /** The pod's deletionGracePeriodSeconds as the API server set it (0 for a force deletion). */
  requested: number;
  /** The pod.deleted event's id. */
  id: string;
}

export class PodSim {
  readonly k: Kernel;
  readonly events: TraceEvent[] = [];
  readonly records = new Map<string, ContainerRecord>();
  /** The same records in specs() order (init containers first): hot loops walk this, with no lookup by name. */
  readonly recordList: ContainerRecord[] = [];
  readonly gates: FeatureGates;
  readonly minor: number;
  readonly backoff: BackoffTable;
  readonly pullBackoff = new ImagePullBackoff();
  /** The images on the node (the node's own set: a Job's later pods find their image there, [16.2]). */
  readonly pulledImages: Set<string>;
  /** Hooks running now, per container instance. */
  readonly hooks = new Map<Instance, HookKind>();
  /** A run whose container exited under its exec or HTTP postStart hook: the hook.end event that failed it ([3.4]; the start fails as for any failed hook). */
  readonly postStartKilled = new WeakMap<Instance, string>();

  /**
   * Sandbox: id 0 = none yet; ready = networked and usable; conditionReady = what [7.1] reports;
   * lostBy = the event that killed a sandbox that existed (the next one cites it, [2.11]).
   */
  sandbox: { id: number; ready: boolean; created: number; conditionReady: boolean; lostBy?: string } = { id: 0, ready: false, created: 0, conditionReady: false };
  /** The instance whose back-off was already announced in the trace, per container. */
  readonly backoffAnnounced = new Map<string, Instance>();
  readonly faults = new FaultWindows();
  readonly probes: ProbeManager;
  /** The pod worker finished with the pod (terminal phase handled, or deletion done). */
  terminalDone = false;
  /** KEP-5532: instances below this run index (Instance.run) were removed by an in-place restart, per container. */
  readonly hiddenBelow = new Map<string, number>();
  restartAllCount = 0;
  /** KEP-5532: the written AllContainersRestarting condition and the in-place restart's reset (restartAll.ts). */
  readonly restartAll: RestartAllState = { resets: 0, slow: false };
  /**
   * Instances that ended, in the order they ended, until no relist snapshot can come before their
   * end (relistSnapshot.ts reads these, not every container, at each sync).
   */
  readonly exits: Instance[] = [];
  /** [10.8] Dead runs the pod container deletor removes, until a status generation reads a relist without them (containerDeletor.ts). */
  readonly collecting: Instance[] = [];
  /** Exited instances whose runtime records were deleted (E24/E26): the kubelet no longer sees them. */
  readonly removedFromRuntime = new Set<Instance>();
  /** `until` is only a cap: the run still closes after the terminal phase (a Job's pods). */
  untilIsCap = false;
  /** While the kubelet restarts nothing syncs, probes or relists. */
  kubeletDown = false;
  /** The node powered off after a graceful shutdown ([8.16]): nothing on it runs or reports again. */
  poweredOff = false;
  /** When the kubelet last came back (its PLEG relists at once, [0.6]); 0 when it never restarted. */
  kubeletStartedAt = 0;
  /**
   * The sandbox id when the sync in flight (or last begun) read its runtime status: an init
   * container's run of an older sandbox is in that status only in the sync that replaces the
   * sandbox, whose purgeInitContainers removes it after the read ([2.9], kubernetes#124002,
   * process.ts restartCountOf).
   */
  syncReadSandbox = 0;
  /** The sync in flight acted (started, killed, created a sandbox) without error: SyncPod's postSync relists ([0.8]). */
  syncActed = false;
  /** The sync in flight (or last begun) is past SyncPod's cancellable steps, in the runtime's SyncPod, which a deletion lets end ([3.4]). */
  inRuntimeSync = false;
  /**
   * The sync the pod worker runs next (or now) took its update before the pod's deletion, while it
   * waited for a newer cache: its pod object has no deletionTimestamp, and it runs ([3.4]).
   */
  syncPredatesDeletion = false;
  /** When an on-demand relist last wrote this pod's cache entry ([0.8]); 0 before any. */
  onDemandRelistAt = 0;
  /**
   * How many events the pod had written when the sync that asked for that relist returned: the
   * relist sees the runtime as that sync left it, and an exit written after it, at the same
   * instant, came after the relist ([0.8]).
   */
  onDemandRelistSeq = 0;
  /** How many events the pod had written when the last sync that acted returned ([0.8]). */
  private actedSyncEndSeq = 0;
  deletion?: Deletion;
  /** A kill the kubelet itself asked for: an eviction or a node shutdown ([8.15], [8.16]). */
  kubeletKill?: KubeletKill;
  /**
   * The eviction manager evicted this pod (its event, and when): never again ([8.15]). `removesContent`:
   * the pod worker took it as an eviction (it was not terminating yet), so its exited containers go (evictedCleanup.ts).
   */
  evicted?: { id: string; at: number; removesContent: boolean };
  /**
   * When the API server deleted the pod object while the kubelet still stops its containers: a force
   * deletion (grace 0) of a pod no finalizer holds ([8.2]). From then on no status write, row,
   * phase or condition reaches the API.
   */
  apiRemovedAt?: number;
  /** The Job controller's batch.kubernetes.io/job-tracking finalizer holds the pod object until it counts the pod ([16]). */
  jobTrackingFinalizer = false;
  /** Set once the kubelet has written a terminal phase ([6.5]): its own steps read this. */
  terminalAt?: number;
  /** Set once the API shows the terminal phase, which it may get later ([13.2]): the Job controller reads this. */
  apiTerminalAt?: number;
  /** The id of the pod.phase event that showed the terminal phase in the API. */
  terminalPhaseId?: string;
  /** An event of the write where the kubelet's phase turned terminal (its pod.phase event, or what the API saw of it), the cause of the kill that follows. */
  terminalDecisionId?: string;
  gone = false;
  /** The latest time `emit` gave an event (a run that does not start from an observed state never changes it after). */
  latestEventAt = 0;
  /** When the pod was created on the node's clock (0 for a lone pod; a Job's later pods later). */
  createdAt = 0;

  /** The pod worker: one sync at a time ([0.1]); further requests coalesce. */
  readonly worker: PodWorker;
  /** What one sync does (sync.ts syncPod: the rest of the sync after its first wait, if any), wired by simulatePod. */
  syncPod: () => Task | undefined = () => undefined;
  terminating?: RunningTask;
  /** The kill routines of the pod kill under way (killPod): a kubelet restart ends them where they wait ([8.14]). */
  podKillTasks: RunningTask[] = [];
  private relist?: QueueItem;

  /** The status manager: the last written status, which the probe workers read ([0.4]), and every write that changed a container (Trace.statusWrites). */
  readonly status = new StatusManager();

  /** Hooks for the other modules, wired by simulatePod. */
  onRuntimeChange: (name: string) => void = () => {};
  onPatchStatus: () => void = () => {};

  /** The node this pod runs on; without one the pod gets a node of its own. */
  readonly node: SimNode;

  /** Which containers changed since each per-container reader last looked (changedSet.ts). */
  readonly changes: ContainerChanges;

  constructor(readonly scenario: Scenario, horizon: number, maxSteps?: number, node?: SimNode) {
    this.node = node ?? new SimNode(horizon, maxSteps);
    this.k = this.node.k;
    this.pulledImages = this.node.pulledImages;
    this.worker = new KubeletPodWorker(this.k, () => this.syncPod(), () => !(this.gone || this.deletion || this.kubeletKill || this.terminalDone || this.kubeletDown), () => this.postSync(), {
      delay: () => jitteredDelay(RESYNC_INTERVAL, this.scenario.sim.requeueJitter),
      matters: () => this.resyncMatters(),
    });
    this.gates = scenario.sim.featureGates;
    this.minor = minor(scenario.sim.kubernetesVersion);
    this.probes = new ProbeManager(this);
    this.backoff = new BackoffTable(backoffSettings(this.gates, scenario.sim.kubelet.maxContainerRestartPeriod));
    for (const spec of [...scenario.pod.initContainers, ...scenario.pod.containers]) {
      // [0.3] `pull: 0` says the image is on the node already (contract 1: "0 if present"): an
      // IfNotPresent or Never start then pulls nothing and the kubelet says so ([10.6]); Always still checks.
      if (scenario.sim.behaviors[spec.name]?.pull === 0) this.pulledImages.add(spec.image);
      // Every field present from the start (one shape for every record: the hot loops read them).
      const rec: ContainerRecord = {
        spec, position: this.recordList.length, instances: [], startError: undefined, killing: false, image: spec.image,
        imageChangeId: undefined, pullFailedId: undefined, pullFailedMessage: undefined, backoffId: undefined, backoffKey: undefined, runtimeView: undefined, backoffMemo: newBackoffMemo(),
      };
      this.records.set(spec.name, rec);
      this.recordList.push(rec);
    }
    this.changes = new ContainerChanges(this.recordList.length);
  }

  /**
   * Something a status, probe patch or sync reads of this container changed (an instance, its
   * state, the start error, the image, a probe worker's result): its readers look at it again.
   */
  containerChanged(container: string | ContainerRecord): void {
    const rec = typeof container === 'string' ? this.records.get(container) : container;
    if (rec !== undefined) this.changes.mark(rec.position);
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
    ev.t = this.eventTime();
    ev.id = this.nextEventId();
    const ids = causeIds(cause);
    if (ids !== undefined) ev.cause = ids;
    return this.keep(ev);
  }

  /** The next event's time (frequentEvents.ts builds the most frequent events whole with it). */
  eventTime(): number {
    const t = roundTime(this.k.now);
    if (t > this.latestEventAt) this.latestEventAt = t;
    return t;
  }

  /** The next event's id. */
  nextEventId(): string {
    return eventId(this.events.length);
  }

  /** Adds a complete event (its time, id and causes set) to the trace; returns its id. */
  keep(ev: TraceEvent): string {
    const id = ev.id!;
    this.events.push(ev);
    if ('container' in ev && ev.container !== undefined && SHOWN_BY_STATUS.has(ev.type)) this.status.noteRuntimeEvent(ev.container, id);
    this.node.record(this.pod.name, ev); // the shared budget: it stops the run when reached
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
    this.noticeSandboxChange();
  }

  /** The PLEG relists the sandbox as a container too: a new one is a ContainerStarted event and asks for a sync ([0.7]). */
  noticeSandboxChange(): void {
    if (this.relist || this.gone || this.kubeletDown) return;
    const next = (Math.floor(this.now / RELIST_PERIOD) + 1) * RELIST_PERIOD;
    this.relist = this.k.at(next, this.relisted);
  }

  // The relist's callbacks, made once (not at every runtime change or sync).
  private readonly relisted = (): void => {
    this.relist = undefined;
    this.requestSync();
  };

  private readonly relistNowTask = (): void => this.relistNow();

  requestSync(): void {
    this.worker.requestSync();
  }

  /**
   * SyncPod's postSync ([0.8], 1.36+ with PLEGOnDemandRelist): after a sync that acted without
   * error the PLEG relists this pod at once, so what the sync changed asks for the next sync now
   * and the cache is newer than the sync that just ended.
   */
  private postSync(): void {
    const acted = this.syncActed;
    this.syncActed = false;
    if (!acted || !this.gates.PLEGOnDemandRelist) return;
    // The PLEG's own goroutine serves the request, after the worker has taken its next update
    // ([0.9]); it lists the runtime as the sync left it: the runtime records the exit of a process
    // that ends as soon as it starts only after that (containerd's exit event), so the relist sees
    // it running and the next periodic relist reports the exit.
    this.actedSyncEndSeq = this.events.length;
    this.k.at(this.now, this.relistNowTask);
  }

  /**
   * [0.2] Whether the pod worker's periodic resync, now due (completeWork enqueues every successful
   * sync at the resync interval, 60 s jittered up to 1.5 times), would change anything: its status
   * generation triggers a readiness run of a started container that is not ready ([5.9]) or turns a
   * started container without a startup result back ([5.12]), or writes what the container deletor
   * removed: a run the written status still shows as a last state, up to 1.35 or with
   * RestartAllContainersOnContainerExits off ([10.8]; with the gate on the written last state is
   * kept). A resync that would do none of these is left out (cost follows change).
   */
  private resyncMatters(): boolean {
    return (this.collecting.length > 0 && !this.gates.RestartAllContainersOnContainerExits) || this.probes.resyncMatters();
  }

  /** The on-demand relist of this pod ([0.8]): the cache is newer than the last sync; a change since the last relist asks for a sync now. */
  private relistNow(): void {
    if (this.gone || this.kubeletDown) return;
    this.onDemandRelistAt = this.now;
    this.onDemandRelistSeq = this.actedSyncEndSeq;
    this.worker.cacheRefreshed();
    if (!this.relist) return;
    this.k.cancel(this.relist);
    this.relist = undefined;
    this.requestSync();
    if (this.exitedSinceSeq(this.onDemandRelistSeq)) this.noticeSandboxChange(); // left to the periodic relist
  }

  /** Whether a container exit was written at this instant from event index `seq` on. */
  private exitedSinceSeq(seq: number): boolean {
    const events = this.events;
    for (let i = events.length - 1; i >= seq; i--) {
      const e = events[i]!;
      if (e.t < this.now) return false;
      if (e.type === 'container.exit') return true;
    }
    return false;
  }

  /** Events the whole run may write; a Job's pods share the node's budget. */
  get eventBudget(): number {
    return this.node.eventBudget;
  }

  /** Set when the event budget stopped the run. */
  get truncatedAt(): number | undefined {
    return this.node.truncatedAt;
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

/** An event's cause list as the trace keeps it: the defined ids, each once; undefined when none. */
export function causeIds(cause: Causes | undefined): string[] | undefined {
  if (cause === undefined) return undefined;
  const ids = distinctIds(cause);
  return ids.length ? ids : undefined;
}

/**
 * The defined ids of a cause list, each once, in an array of exactly their number: the trace keeps
 * it for the whole run, and an array grown by `push` from empty keeps room for 17 (issue 16: a cause
 * list held 150 bytes of backing store for one or two ids).
 */
function distinctIds(cause: Causes): string[] {
  if (isDistinct(cause)) return cause.slice() as string[];
  const out: string[] = [];
  for (const id of cause) if (id !== undefined && !out.includes(id)) out.push(id);
  return out.slice();
}

/** Every id defined and none repeated (the usual cause list: it is copied as it is). */
function isDistinct(cause: Causes): boolean {
  for (let i = 0; i < cause.length; i++) {
    const id = cause[i];
    if (id === undefined) return false;
    for (let j = 0; j < i; j++) if (cause[j] === id) return false;
  }
  return true;
}
