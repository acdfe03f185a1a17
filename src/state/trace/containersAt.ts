// The containers' statuses at a moment, as the API shows them (`kubectl get pod -o yaml`): state,
// reason, ready, started, restartCount as the status manager last wrote them (the trace's
// statusWrites and its container.started/ready/unready events, [10.1]). The runtime runs ahead of
// the API: a process that already exited, or one the kubelet is stopping (a kill is the kubelet's
// notion, not an API state), is said beside it, marked as the runtime's truth.

import type { ContainerKind, ContainerStatusWrite, Trace, TraceEvent } from '../../engine/trace';
import { formatSeconds } from '../format';
import { upperBound } from '../kubectlAt';

export type ApiState = 'Waiting' | 'Running' | 'Terminated';
/** What the node's runtime and the kubelet know: Terminating while a kill is under way. */
export type RuntimeState = ApiState | 'Terminating';

export interface ContainerRow {
  name: string;
  kind: ContainerKind;
  /** The state the API status shows. */
  state: ApiState;
  /** Waiting or terminated reason, with the exit code for a terminated one. */
  reason: string;
  ready: boolean;
  started: boolean;
  restarts: number;
  /** The runtime's own state at the cursor (what inject buttons act on). */
  runtime: RuntimeState;
  /** Where the runtime is ahead of the API status: one line saying so, e.g. "runtime: exited 0 at 12.3 s, not yet reported". */
  runtimeNote?: string;
}

const KIND_ORDER: Record<ContainerKind, number> = { init: 0, sidecar: 0, main: 1 };

interface RuntimeView {
  state: RuntimeState;
  reason: string;
  since: number;
  attempt: number;
  exitCode?: number;
  ready: boolean;
  started: boolean;
}

const TITLE: Record<ContainerStatusWrite['state'], ApiState> = { waiting: 'Waiting', running: 'Running', terminated: 'Terminated' };

/**
 * The containers at t. `pod`: for a Job, the pod whose containers these are (the one the kubectl
 * row follows); its pods reuse the container names, and each has its own runtime and status.
 */
export function containersAt(trace: Trace, t: number, pod?: string): ContainerRow[] {
  const ordered = [...trace.containers].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.index - b.index);
  const runtime = new Map<string, RuntimeView>();
  for (const c of ordered) runtime.set(c.name, { state: 'Waiting', reason: 'ContainerCreating', since: 0, attempt: 0, ready: false, started: false });
  const stop = upperBound(trace.events, t);
  let podGone = false;
  for (let i = 0; i < stop; i++) {
    const e = trace.events[i]!;
    if (pod !== undefined && e.pod !== pod) continue;
    if (e.type === 'pod.gone') podGone = true;
    applyRuntime(runtime, e);
  }
  const written = trace.statusWrites ? writtenAt(pod === undefined ? trace.statusWrites : trace.statusWrites.filter((w) => w.pod === pod), t) : undefined;
  const rows: ContainerRow[] = [];
  for (const c of ordered) {
    if (rows.some((r) => r.name === c.name)) continue; // a Job's later pods reuse the names
    const rt = runtime.get(c.name)!;
    const w = written?.get(c.name);
    const row = written ? apiRow(c.name, c.kind, w, rt) : runtimeRow(c.name, c.kind, rt);
    if (podGone && row.runtimeNote) row.runtimeNote = goneNote(rt);
    rows.push(row);
  }
  return rows;
}

/** The latest write of each container at or before t. */
function writtenAt(writes: readonly ContainerStatusWrite[], t: number): Map<string, ContainerStatusWrite> {
  const out = new Map<string, ContainerStatusWrite>();
  for (const w of writes) {
    if (w.t > t) break;
    out.set(w.container, w);
  }
  return out;
}

function applyRuntime(rows: Map<string, RuntimeView>, e: TraceEvent): void {
  const row = 'container' in e && e.container ? rows.get(e.container) : undefined;
  if (!row) return;
  switch (e.type) {
    case 'container.waiting':
      if (row.state === 'Waiting' || row.state === 'Terminated') Object.assign(row, { state: 'Waiting', reason: e.reason });
      break;
    case 'container.start':
      Object.assign(row, { state: 'Running', reason: '', since: e.t, attempt: e.attempt, started: false, ready: false });
      break;
    case 'container.started':
      row.started = true;
      break;
    case 'container.ready':
      row.ready = true;
      break;
    case 'container.unready':
      row.ready = false;
      break;
    case 'container.unstarted':
      row.started = false;
      break;
    case 'container.kill':
      if (row.state === 'Running') Object.assign(row, { state: 'Terminating', reason: e.reason, since: e.t });
      break;
    case 'container.exit':
      Object.assign(row, { state: 'Terminated', reason: `${e.reason} (exit ${e.exitCode})`, since: e.t, exitCode: e.exitCode });
      break;
    case 'container.backoff':
      Object.assign(row, { state: 'Waiting', reason: 'CrashLoopBackOff' });
      break;
    default:
      break;
  }
}

/** The row as the API shows it; ready and started come from the status events the runtime view also read. */
function apiRow(name: string, kind: ContainerKind, w: ContainerStatusWrite | undefined, rt: RuntimeView): ContainerRow {
  const state: ApiState = w ? TITLE[w.state] : 'Waiting';
  const reason = !w ? 'ContainerCreating'
    : w.state === 'terminated' ? `${w.reason ?? 'Terminated'} (exit ${w.exitCode ?? '?'})` : (w.reason ?? '');
  const restarts = w?.restartCount ?? 0;
  // ready and started are written with the state: they only hold for the instance the API shows running.
  const current = state === 'Running' && restarts === rt.attempt;
  const row: ContainerRow = { name, kind, state, reason, ready: current && rt.ready, started: current && rt.started, restarts, runtime: rt.state };
  const note = runtimeNote(state, restarts, rt);
  if (note) row.runtimeNote = note;
  return row;
}

/** Where the runtime is ahead of the written status, one line saying so; undefined when they agree. */
function runtimeNote(api: ApiState, restarts: number, rt: RuntimeView): string | undefined {
  const at = `${formatSeconds(rt.since)} s`;
  if (rt.state === 'Terminating' && api === 'Running') {
    return `runtime: the kubelet is stopping it since ${at} (${rt.reason}); the API shows Running until it exits`;
  }
  if (rt.state === 'Terminated' && api !== 'Terminated') {
    return `runtime: exited ${rt.exitCode ?? ''} at ${at}, not yet reported`;
  }
  if (rt.state === 'Running' && (api !== 'Running' || restarts !== rt.attempt)) {
    return `runtime: started at ${at}${rt.attempt ? ` (restart ${rt.attempt})` : ''}, not yet reported`;
  }
  return undefined;
}

/**
 * [8.2] The runtime ahead of the last written status after the pod object is gone (a force
 * deletion): the node still stops the container, but no status reaches the API any more.
 */
function goneNote(rt: RuntimeView): string {
  const at = `${formatSeconds(rt.since)} s`;
  const what = rt.state === 'Terminating' ? `the kubelet is stopping it since ${at} (${rt.reason})`
    : rt.state === 'Terminated' ? `exited ${rt.exitCode ?? ''} at ${at}` : `started at ${at}`;
  return `runtime: ${what}; the pod object is gone from the API, so no status reports it`;
}

/** Without written statuses (a hand-made trace): the runtime's view, a kill shown as a note. */
function runtimeRow(name: string, kind: ContainerKind, rt: RuntimeView): ContainerRow {
  const state: ApiState = rt.state === 'Terminating' ? 'Running' : rt.state;
  const row: ContainerRow = { name, kind, state, reason: rt.state === 'Terminating' ? '' : rt.reason, ready: rt.ready, started: rt.started && rt.state !== 'Terminated', restarts: rt.attempt, runtime: rt.state };
  if (rt.state === 'Terminating') row.runtimeNote = runtimeNote('Running', rt.attempt, rt);
  return row;
}
