// The status manager's state (issue 13): the status the kubelet last wrote and an index of it by
// container, the container instance each written status describes, the `kubectl get pod` row the
// API server last printed, and per container the runtime events since the last write (the causes
// the next write cites). status.ts generates statuses and statusEvents.ts publishes them through
// this interface; the other modules only read (probe workers read the written status, [0.4]).
// Upstream: pkg/kubelet/status/status_manager.go (podStatuses, SetPodStatus), read at the 1.3x tree.
//
// It also keeps what makes a write cost what changed (issue 16): each container's last generated
// status with the inputs it came from (an unchanged container keeps its very object, and an
// unchanged list its very array), and the last phase, conditions and row with their inputs.
// Written statuses are never modified, so an object reused under equal inputs is exact.

import type { ApiPodStatus, ContainerStatus, PodCondition } from '../api';
import type { ExplainedCondition } from '../kubelet/conditions';
import type { PhaseExplanation } from '../kubelet/getPhase';
import type { KubectlColumns, PrintBasis } from '../kubectl/printPod';
import type { ContainerStatusWrite } from '../trace';
import type { Instance } from './model';

/** How many of a container's events a status write cites at most: the latest ones. */
const STATUS_CAUSES_PER_CONTAINER = 2;

/** One container's last generated status and everything it was generated from ([10]). */
export interface GeneratedStatus {
  status?: ContainerStatus;
  inst?: Instance;
  instState?: Instance['state'];
  prev?: Instance;
  prevState?: Instance['state'];
  /** The start error shown as Waiting ([10.2]); doBackOff writes an equal one at every sync. */
  errorReason?: string;
  errorMessage?: string;
  image?: string;
  deleted: boolean;
  hidden: boolean;
  removed: boolean;
  purged: boolean;
  started: boolean;
  ready: boolean;
  /** [10.8] the run before the newest is still listed by the runtime. */
  prevListed?: boolean;
}

/** A value with the inputs it was computed from (status lists compared by identity). */
export interface Remembered<T> {
  init: ContainerStatus[];
  main: ContainerStatus[];
  /** The other inputs, folded into one comparable string or number. */
  key: string | number;
  value: T;
}

/** What the `kubectl get pod` columns READY, STATUS and the restart count are printed from. */
export interface RowInputs {
  /** The written status printed (never modified: the same object prints the same row). */
  status: ApiPodStatus;
  init: ContainerStatus[];
  main: ContainerStatus[];
  phase?: string;
  reason?: string;
  deletionTimestamp?: number;
  /** The written conditions (their type, status and reason are never modified once written). */
  conditions: readonly PodCondition[];
}

export class StatusManager {
  private written: ApiPodStatus = { conditions: [], initContainerStatuses: [], containerStatuses: [] };
  private readonly byName = new Map<string, ContainerStatus>();
  private readonly instances = new Map<string, Instance | undefined>();
  /** Per container, its runtime events and the write they wait for (`runtimeEventsWrite`: older entries were shown). */
  private readonly runtimeEvents = new Map<string, { write: number; ids: string[] }>();
  private runtimeEventsWrite = 0;
  /** Every write that changed a container's written state, reason, exit code or restart count (Trace.statusWrites). */
  readonly writes: ContainerStatusWrite[] = [];
  /** The row the API server printed last, and the inputs of the last row it printed (shown or not). */
  row?: KubectlColumns;
  /** The last row's lastRestartAt (its "(… ago)"'s whole second). */
  rowLastRestart?: number;
  rowInputs?: RowInputs;
  /** The basis of the last row event: the next row printed by the same branch shares it (statusEvents.ts). */
  rowBasis?: PrintBasis;
  /** Per container, init containers first: the last generated status and its inputs. */
  readonly generated: GeneratedStatus[] = [];
  /** The last generated lists (an unchanged list is reused as is). */
  generatedInit?: ContainerStatus[];
  generatedMain?: ContainerStatus[];
  phase?: Remembered<PhaseExplanation>;
  /** The phase remembered before `phase` (a crash loop's writes alternate between two views, [6.2]). */
  phaseBefore?: Remembered<PhaseExplanation>;
  conditions?: Remembered<ExplainedCondition[]>;
  conditionsBefore?: Remembered<ExplainedCondition[]>;
  containersReady?: Remembered<ExplainedCondition>;

  /** The API's copy when mergePodStatus holds back the kubelet's terminal phase ([13.2], apiStatusHold.ts). */
  private heldForApi: ApiPodStatus | undefined;

  /** The last written status: the kubelet's own, which its steps read (probe workers too, [0.4]). */
  get api(): ApiPodStatus {
    return this.written;
  }

  /** The status the API server has ([13.2]): the written one, but for a terminal phase held back while containers run. */
  get view(): ApiPodStatus {
    return this.heldForApi ?? this.written;
  }

  /** A container's written status. */
  statusOf(name: string): ContainerStatus | undefined {
    return this.byName.get(name);
  }

  /** The instance a container's written status describes (the probe workers follow it). */
  instanceOf(name: string): Instance | undefined {
    return this.instances.get(name);
  }

  /** The runtime events of this container since the last write, the latest few. */
  runtimeEventsOf(name: string): readonly string[] | undefined {
    const entry = this.runtimeEvents.get(name);
    return entry !== undefined && entry.write === this.runtimeEventsWrite ? entry.ids : undefined;
  }

  /** A runtime event a later write will show (its waiting reason, started, ready, phase, conditions). */
  noteRuntimeEvent(name: string, id: string): void {
    const entry = this.runtimeEvents.get(name);
    if (entry === undefined) this.runtimeEvents.set(name, { write: this.runtimeEventsWrite, ids: [id] });
    else if (entry.write !== this.runtimeEventsWrite) { // the first since the last write: a new list, as after a clear
      entry.write = this.runtimeEventsWrite;
      entry.ids = [id];
    } else {
      entry.ids.push(id);
      if (entry.ids.length > STATUS_CAUSES_PER_CONTAINER) entry.ids.shift();
    }
  }

  /** The instance each container's next written status describes. */
  showInstance(name: string, inst: Instance | undefined): void {
    this.instances.set(name, inst);
  }

  /** SetPodStatus: `next` becomes the written status; the runtime events are shown now. */
  /** `view`: what the API got of it, when that differs ([13.2]). */
  commit(next: ApiPodStatus, view?: ApiPodStatus): void {
    const prev = this.written;
    this.written = next;
    this.heldForApi = view === next ? undefined : view;
    if (next.initContainerStatuses !== prev.initContainerStatuses) this.index(prev.initContainerStatuses, next.initContainerStatuses);
    if (next.containerStatuses !== prev.containerStatuses) this.index(prev.containerStatuses, next.containerStatuses);
  }

  /** After the write's events: the runtime events so far are shown. */
  clearRuntimeEvents(): void {
    this.runtimeEventsWrite++; // every entry is older now (Map.clear would allocate a new table at every write)
  }

  /** Indexes what changed; the lists follow the spec, so a status replaces the one at its position. */
  private index(olds: ContainerStatus[], news: ContainerStatus[]): void {
    let aligned = olds.length === news.length;
    for (let i = 0; i < news.length; i++) {
      const s = news[i]!;
      const o = olds[i];
      if (o === s) continue;
      if (o?.name !== s.name) aligned = false;
      this.byName.set(s.name, s);
    }
    if (!aligned) this.reindex();
  }

  private reindex(): void {
    this.byName.clear();
    for (let i = 0; i < this.written.initContainerStatuses.length; i++) { const s = this.written.initContainerStatuses[i]!; this.byName.set(s.name, s); }
    for (let i = 0; i < this.written.containerStatuses.length; i++) { const s = this.written.containerStatuses[i]!; this.byName.set(s.name, s); }
  }
}
