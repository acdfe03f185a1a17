// What a compare view points out: the first moment two traces part ways, and how each ends.
// Pure: traces in, plain data out.

import type { Trace, TraceEvent } from '../../../engine/trace';

/** An event without its explanation or time: two events are "the same" when these match. */
export function eventKey(e: TraceEvent): string {
  const entries = Object.entries(e).filter(([k]) => k !== 'why' && k !== 't').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

interface Moment {
  t: number;
  events: TraceEvent[];
}

function moments(trace: Trace): Moment[] {
  const out: Moment[] = [];
  for (const e of trace.events) {
    if (e.type === 'sim.horizon') continue;
    const last = out.at(-1);
    if (last && last.t === e.t) last.events.push(e);
    else out.push({ t: e.t, events: [e] });
  }
  return out;
}

export interface Difference {
  t: number;
  /** The first event of A's that B has not at that moment (null: A has nothing there). */
  a: TraceEvent | null;
  b: TraceEvent | null;
}

/** The first event's key of `of` that `other` lacks at the same moment (as multisets). */
function firstMissing(of: TraceEvent[], other: TraceEvent[]): TraceEvent | null {
  const left = new Map<string, number>();
  for (const e of other) left.set(eventKey(e), (left.get(eventKey(e)) ?? 0) + 1);
  for (const e of of) {
    const k = eventKey(e);
    const n = left.get(k) ?? 0;
    if (n === 0) return e;
    left.set(k, n - 1);
  }
  return null;
}

/**
 * The events that tell a pod's story: its phase, what the node does to it (a reboot, a dead
 * sandbox and its replacement, a kubelet restart), and what happens to each container both sides
 * have (started, ready, exited, killed, backing off). Conditions, waiting reasons and kubectl's
 * columns follow from these, and containers only one side has would make every pair differ at
 * 0 s, so they are left out of the comparison (the lanes still show them).
 */
const STORY = new Set<TraceEvent['type']>([
  'pod.phase', 'pod.deleted', 'pod.sandboxChanged', 'pod.deadlineExceeded', 'node.reboot', 'node.sandboxDied', 'node.kubeletRestart',
  'node.eviction', 'node.shutdown', 'node.poweredOff',
  'container.start', 'container.started', 'container.unstarted', 'container.ready', 'container.unready',
  'container.exit', 'container.kill', 'container.signal', 'container.backoff',
]);

function story(trace: Trace, shared: ReadonlySet<string>): Trace {
  return {
    ...trace,
    events: trace.events.filter((e) => STORY.has(e.type) && (!('container' in e) || e.container === undefined || shared.has(e.container))),
  };
}

/** The earliest moment where the two pods' stories differ, or null when they tell the same one. */
export function firstDifference(a: Trace, b: Trace): Difference | null {
  const shared = new Set(a.containers.map((c) => c.name).filter((n) => b.containers.some((c) => c.name === n)));
  return firstDifferentMoment(story(a, shared), story(b, shared));
}

/** The earliest moment where the traces' events differ at all (same-moment order aside). */
export function firstDifferentMoment(a: Trace, b: Trace): Difference | null {
  const ma = moments(a);
  const mb = moments(b);
  for (let i = 0; i < Math.max(ma.length, mb.length); i++) {
    const x = ma[i];
    const y = mb[i];
    if (!x || !y || x.t !== y.t) {
      const t = Math.min(x?.t ?? Infinity, y?.t ?? Infinity);
      return { t, a: x && x.t === t ? x.events[0]! : null, b: y && y.t === t ? y.events[0]! : null };
    }
    const ea = firstMissing(x.events, y.events);
    const eb = firstMissing(y.events, x.events);
    if (ea || eb) return { t: x.t, a: ea, b: eb };
  }
  return null;
}

export interface Ending {
  phase: string;
  /** kubectl's STATUS column at the end. */
  status: string;
  /** When the pod reached that phase. */
  at: number;
}

export function ending(trace: Trace): Ending {
  let phase = { phase: 'Pending', t: 0 };
  let status = '—';
  for (const e of trace.events) {
    if (e.type === 'pod.phase') phase = { phase: e.phase, t: e.t };
    if (e.type === 'pod.kubectl') status = e.status;
  }
  return { phase: phase.phase, status, at: phase.t };
}

export interface Segment {
  start: number;
  end: number;
  kind: 'running' | 'ready';
}

export interface LaneBars {
  name: string;
  kind: string;
  segments: Segment[];
  /** Exits, for ticks: time and code. */
  exits: { t: number; code: number }[];
}

/** Each container's running and ready stretches: enough to see two stories side by side. */
export function laneBars(trace: Trace): LaneBars[] {
  return trace.containers.map((c) => {
    const segments: Segment[] = [];
    const exits: { t: number; code: number }[] = [];
    let run: number | null = null;
    let ready: number | null = null;
    for (const e of trace.events) {
      if (!('container' in e) || e.container !== c.name) continue;
      if (e.type === 'container.start') run ??= e.t;
      // Ready only counts while the process runs (a completed init container reports ready too).
      if (e.type === 'container.ready' && run !== null) ready ??= e.t;
      if ((e.type === 'container.unready' || e.type === 'container.exit') && ready !== null) {
        segments.push({ start: ready, end: e.t, kind: 'ready' });
        ready = null;
      }
      if (e.type === 'container.exit') {
        if (run !== null) segments.push({ start: run, end: e.t, kind: 'running' });
        run = null;
        exits.push({ t: e.t, code: e.exitCode });
      }
    }
    if (run !== null) segments.push({ start: run, end: trace.end, kind: 'running' });
    if (ready !== null) segments.push({ start: ready, end: trace.end, kind: 'ready' });
    segments.sort((x, y) => (x.kind === y.kind ? x.start - y.start : x.kind === 'running' ? -1 : 1));
    return { name: c.name, kind: c.kind, segments, exits };
  });
}
