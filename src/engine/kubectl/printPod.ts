// The READY, STATUS and RESTARTS columns of `kubectl get pod`, as the cluster's API server prints
// them (server-side printing: the server's version decides, not kubectl's). Upstream:
// pkg/printers/internalversion/printers.go printPod, in our own words, version by version
// (docs/kubelet-rules.md section 14). Read: the KEP-753 branch of PR #116429 (what 1.28 added),
// a release-1.28 copy, the 1.31+ tree (PR #122038: a terminal pod is no longer "Terminating"), and
// a copy labelled v1.35.0 with PR #124766's thread (a failed main container's reason over Completed).

import type { ApiPod, ContainerStatus, PodCondition } from '../api';
import { isSidecarSpec } from '../api';
import { minor as minorOf, NEWEST_VERSION } from '../version';
import { apiSecond, humanDuration } from './humanDuration';

/** The API server's minor version that prints the row; default: the newest. */
export interface PrintOptions {
  minor?: number;
}

/** [14.2] restartable init containers (sidecars) are known to the printer from 1.28. */
const SIDECARS_FROM = 28;
/** [14.4] from 1.31 (PR #122038) a deleted pod in a terminal phase keeps its STATUS. */
const TERMINAL_KEEPS_STATUS_FROM = 31;
/** [14.3] from 1.35 (PR #124766) a main container that exited non-zero names the STATUS over Completed. */
const ERROR_REASON_FROM = 35;
const NEWEST = minorOf(NEWEST_VERSION);

export interface KubectlColumns {
  ready: string;
  status: string;
  restarts: string;
}

/**
 * Which branch of printPod named the STATUS, and whose restarts RESTARTS sums: the printer's own
 * decision, recorded as it is taken, so an explanation never re-derives it.
 */
export interface PrintBasis {
  /** The printing server's minor version. */
  minor: number;
  /**
   * phase: status.reason or the phase [14.1]; schedulingGated [14.1]; init: an init container stopped
   * the walk [14.1] [14.2]; main: a main container's waiting/terminated reason [14.3];
   * completedRunning: Completed turned Running/NotReady [14.3]; completedError (1.35+): Completed turned
   * into the reason of `container`, a main container that exited non-zero [14.3]; terminating,
   * terminalKept, nodeLost [14.4].
   */
  source: 'phase' | 'schedulingGated' | 'init' | 'main' | 'completedRunning' | 'completedError' | 'terminating' | 'terminalKept' | 'nodeLost';
  /** The container whose status named it (source init or main). */
  container?: string;
  /** Source init: that init container is a sidecar the printer knows (1.28+). */
  sidecar?: boolean;
  /** Source init: what stopped the walk there: a terminated state, a waiting reason, or just not done yet (Init:i/n). */
  by?: 'terminated' | 'waiting' | 'position';
  /** Source init: the pod is Initialized, so the main containers were printed too, and none overrode it [14.2]. */
  initialized?: boolean;
  /** Source terminating / terminalKept: the STATUS the row had before the deletion rule. */
  beneath?: string;
  /** RESTARTS sums: init = the init containers walked (initializing); sidecarsAndMains [1.28+]; mains [≤1.27] [14.3]. */
  restarts: 'init' | 'sidecarsAndMains' | 'mains';
}

/** The first condition of this type is True (loops, not `find` closures: a row is printed at every change of a simulated pod). */
function conditionTrue(conditions: PodCondition[], type: string): boolean {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i]!.status === 'True';
  return false;
}

function schedulingGated(conditions: PodCondition[]): boolean {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'PodScheduled' && conditions[i]!.reason === 'SchedulingGated') return true;
  return false;
}

/** Newest of two optional times (undefined: none yet, like Go's zero time). */
const newer = (a: number | undefined, b: number | undefined): number | undefined =>
  b === undefined ? a : a === undefined || a < b ? b : a;

/** The last exit's finishedAt as the API keeps it, in whole seconds ([14.1]: what "(… ago)" counts from). */
const lastFinish = (s: ContainerStatus): number | undefined => {
  const at = s.lastState.terminated?.finishedAt;
  return at === undefined ? undefined : apiSecond(at);
};

interface InitWalk {
  status?: string;
  /** The init container that stopped the walk, and whether the printer counts it as a sidecar. */
  stoppedAt?: { name: string; sidecar: boolean; by: 'terminated' | 'waiting' | 'position' };
  ready: number;
  restarts: number;
  lastRestart?: number;
  sidecarRestarts: number;
  lastSidecarRestart?: number;
}

type InitSpecs = ApiPod['spec']['initContainers'];

/** What the printer reads of one init container list, by the list itself (a pod's spec is not modified once printed). */
interface InitSpecFacts {
  length: number;
  sidecars: Map<string, boolean>;
  sidecarCount: number;
}

const factsBySpecs = new WeakMap<InitSpecs, InitSpecFacts>();

/** Whether each init container is a sidecar, by name (the first spec of a name decides, like a `find`), and how many are. */
function initSpecFacts(specs: InitSpecs): InitSpecFacts {
  let facts = factsBySpecs.get(specs);
  if (facts === undefined || facts.length !== specs.length) {
    const sidecars = new Map<string, boolean>();
    for (let i = 0; i < specs.length; i++) { const c = specs[i]!; if (!sidecars.has(c.name)) sidecars.set(c.name, isSidecarSpec(c)); }
    facts = { length: specs.length, sidecars, sidecarCount: specs.filter(isSidecarSpec).length };
    factsBySpecs.set(specs, facts);
  }
  return facts;
}

/** Walks the init statuses in order; the first one not done names the STATUS ([14.1], [14.2]). */
function walkInit(pod: ApiPod, knowsSidecars: boolean): InitWalk {
  const w: InitWalk = { ready: 0, restarts: 0, sidecarRestarts: 0 };
  const specs = pod.spec.initContainers;
  const statuses = pod.status.initContainerStatuses;
  const { sidecars } = initSpecFacts(specs);
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i]!;
    const sidecar = knowsSidecars && (sidecars.get(s.name) ?? false);
    w.restarts += s.restartCount;
    w.lastRestart = newer(w.lastRestart, lastFinish(s));
    if (sidecar) {
      w.sidecarRestarts += s.restartCount;
      w.lastSidecarRestart = newer(w.lastSidecarRestart, lastFinish(s));
    }
    const term = s.state.terminated;
    if (term && term.exitCode === 0) continue;
    if (sidecar && s.started === true) {
      if (s.ready) w.ready++;
      continue;
    }
    w.stoppedAt = { name: s.name, sidecar, by: term ? 'terminated' : s.state.waiting?.reason && s.state.waiting.reason !== 'PodInitializing' ? 'waiting' : 'position' };
    if (term) {
      if (term.reason) w.status = `Init:${term.reason}`;
      else if (term.signal) w.status = `Init:Signal:${term.signal}`;
      else w.status = `Init:ExitCode:${term.exitCode}`;
    } else if (s.state.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      w.status = `Init:${s.state.waiting.reason}`;
    } else {
      w.status = `Init:${i}/${specs.length}`;
    }
    break;
  }
  return w;
}

/** The three columns, with `now` in the same clock as the object's times (seconds). */
export function printPod(pod: ApiPod, now: number, opts: PrintOptions = {}): KubectlColumns {
  return printPodWithBasis(pod, now, opts).columns;
}

/**
 * The basis object, its keys in the one order the printer's branches decide them (minor, source,
 * restarts, container, sidecar, by, initialized, beneath) and the unset ones absent, not undefined:
 * built once at the end from the branch's values, not grown key by key and copied without its
 * unset keys (a row is printed at every change of a simulated pod).
 */
function basisOf(
  minor: number, source: PrintBasis['source'], restarts: PrintBasis['restarts'], container: string | undefined,
  sidecar: boolean | undefined, by: PrintBasis['by'], initialized: boolean | undefined, beneath: string | undefined,
): PrintBasis {
  const basis: PrintBasis = { minor, source, restarts };
  if (container !== undefined) basis.container = container;
  if (sidecar !== undefined) basis.sidecar = sidecar;
  if (by !== undefined) basis.by = by;
  if (initialized !== undefined) basis.initialized = initialized;
  if (beneath !== undefined) basis.beneath = beneath;
  return basis;
}

/** The three columns and the branch that named them, for explanations ([14.6]; branches [14.1]–[14.4]). */
/**
 * The columns, the printer's branch, and the whole second RESTARTS' "(… ago)" counts from when it
 * has one (`lastRestart`): what a later `kubectl get pod` prints before the status changes.
 */
export function printPodWithBasis(pod: ApiPod, now: number, opts: PrintOptions = {}): { columns: KubectlColumns; basis: PrintBasis; lastRestart?: number } {
  const minor = opts.minor ?? NEWEST;
  const knowsSidecars = minor >= SIDECARS_FROM;
  const { status, spec } = pod;
  let reason: string = status.reason || status.phase || '';
  // The basis's values, decided branch by branch (basisOf builds the object once at the end).
  let source: PrintBasis['source'] = 'phase';
  let restartsFrom: PrintBasis['restarts'] = 'init';
  let container: string | undefined;
  let sidecar: boolean | undefined;
  let by: PrintBasis['by'];
  let initialized: boolean | undefined;
  let beneath: string | undefined;
  if (schedulingGated(status.conditions)) {
    reason = 'SchedulingGated';
    source = 'schedulingGated';
  }
  const total = spec.containers.length + (knowsSidecars ? initSpecFacts(spec.initContainers).sidecarCount : 0);

  const init = walkInit(pod, knowsSidecars);
  let ready = init.ready;
  let restarts = init.restarts;
  let lastRestart = init.lastRestart;
  if (init.status !== undefined) {
    reason = init.status;
    source = 'init';
    container = init.stoppedAt?.name;
    sidecar = init.stoppedAt?.sidecar ?? false;
    by = init.stoppedAt?.by;
  }

  // [14.2] from 1.28 an Initialized=True pod also prints its main containers (a sidecar may be
  // restarting); [14.1] before, only a pod whose init walk found nothing pending.
  if (init.status === undefined || (knowsSidecars && conditionTrue(status.conditions, 'Initialized'))) {
    // [14.3] once initialized, regular init containers' restarts no longer count; up to 1.27 the
    // time of the last restart is not reset, so an init container's finish can still date it.
    restarts = init.sidecarRestarts;
    restartsFrom = knowsSidecars ? 'sidecarsAndMains' : 'mains';
    if (init.status !== undefined) initialized = true;
    if (knowsSidecars) lastRestart = init.lastSidecarRestart;
    let hasRunning = false;
    let namedBy: string | undefined; // the last main container (walking back: the first) whose reason names the STATUS
    // [14.3] 1.35+: the reason of the last walked (the first listed) main container that exited non-zero.
    let errorReason: string | undefined;
    let errorBy: string | undefined;
    for (let i = status.containerStatuses.length - 1; i >= 0; i--) {
      const s = status.containerStatuses[i]!;
      restarts += s.restartCount;
      lastRestart = newer(lastRestart, lastFinish(s));
      const { waiting, terminated, running } = s.state;
      if (waiting?.reason || terminated) {
        if (waiting?.reason) reason = waiting.reason;
        else if (terminated?.reason) reason = terminated.reason;
        else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
        namedBy = s.name;
        if (!waiting?.reason && terminated && terminated.exitCode !== 0 && minor >= ERROR_REASON_FROM) {
          errorReason = reason;
          errorBy = s.name;
        }
      } else if (s.ready && running) {
        hasRunning = true;
        ready++;
      }
    }
    if (namedBy !== undefined) { // a main container names it: the init walk's details no longer apply
      source = 'main';
      container = namedBy;
      sidecar = undefined;
      initialized = undefined;
      by = undefined;
    }
    if (reason === 'Completed') {
      if (hasRunning && conditionTrue(status.conditions, 'Ready')) {
        reason = 'Running';
        source = 'completedRunning';
      } else if (errorReason !== undefined) {
        reason = errorReason;
        source = 'completedError';
        container = errorBy;
      } else if (hasRunning) {
        reason = 'NotReady';
        source = 'completedRunning';
      }
    }
  }

  if (pod.deletionTimestamp !== undefined) {
    const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
    // [14.4] NodeLost → Unknown; otherwise Terminating, except (1.31+) in a terminal phase.
    beneath = reason;
    source = status.reason === 'NodeLost' ? 'nodeLost' : !terminal || minor < TERMINAL_KEEPS_STATUS_FROM ? 'terminating' : 'terminalKept';
    if (source === 'nodeLost') reason = 'Unknown';
    else if (source === 'terminating') reason = 'Terminating';
  }

  // One flat string ("12 (5m ago)", joined): the trace keeps every row's, and a concatenation of
  // 13 characters or more would keep a chain of its partial strings instead (issue 16).
  const restartsText = restarts !== 0 && lastRestart !== undefined
    ? [restarts, ' (', humanDuration(now - lastRestart), ' ago)'].join('')
    : String(restarts);
  const columns = { ready: readyColumn(ready, total), status: reason, restarts: restartsText };
  const basis = basisOf(minor, source, restartsFrom, container, sidecar, by, initialized, beneath);
  return restarts !== 0 && lastRestart !== undefined ? { columns, basis, lastRestart } : { columns, basis };
}

/** READY's texts for pods of up to this many containers, made once ("1/3"): a row is printed at every change. */
const READY_TEXTS_UP_TO = 64;
const readyTexts: string[][] = [];

function readyColumn(ready: number, total: number): string {
  if (total > READY_TEXTS_UP_TO || ready < 0 || ready > total) return `${ready}/${total}`;
  const texts = (readyTexts[total] ??= []);
  return (texts[ready] ??= `${ready}/${total}`);
}
