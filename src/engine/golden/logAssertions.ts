// The upstream node-e2e log vocabulary (kubelet-cases.md section 0.2) over a simulator Trace.
//
// Upstream containers write `Starting` / `Started` / `Exiting` lines to a shared log, merged and
// sorted by time; hooks log under `PostStart-<c>` / `PreStop-<c>`. Here those lines are read off
// the trace: `Starting` = container.start, `Started` = container.up, `Exiting` = container.exit;
// for hooks `Starting` and `Started` = hook.start, `Exiting` = hook.end. The order of lines is the
// trace order (events are sorted by time, causal order kept at equal times).
//
// Every checker mirrors the upstream helper of the same name (test/e2e_node/
// container_lifecycle_pod_construction.go): indices into the merged log, nothing about timing.
// A failing check throws a GoldenAssertionError whose message carries a trace excerpt.

import type { HookKind, PodPhase, Trace, TraceEvent } from '../trace';

export type LogWord = 'Starting' | 'Started' | 'Exiting';

export interface LogLine {
  t: number;
  /** Position in the merged log (ties at equal t keep trace order). */
  seq: number;
  name: string;
  word: LogWord;
}

export interface LogOptions {
  /** Scripted hooks that sleep before logging `Started` (e.g. E18's preStop: 10s). */
  hookStartDelay?: Record<string, number>;
}

export class GoldenAssertionError extends Error {
  override name = 'GoldenAssertionError';
}

export function hookLogName(hook: HookKind, container: string): string {
  return `${hook === 'postStart' ? 'PostStart' : 'PreStop'}-${container}`;
}

/** The container a log name belongs to (`PreStop-rinit1` -> `rinit1`). */
export function baseContainer(name: string): string {
  return name.replace(/^(PostStart|PreStop)-/, '');
}

export function mergedLog(trace: Trace, opts: LogOptions = {}): LogLine[] {
  const raw: { t: number; order: number; name: string; word: LogWord }[] = [];
  const delayed: { name: string; start: number; t: number }[] = [];
  trace.events.forEach((e, i) => {
    const order = i;
    if (e.type === 'container.start') raw.push({ t: e.t, order, name: e.container, word: 'Starting' });
    else if (e.type === 'container.up') raw.push({ t: e.t, order, name: e.container, word: 'Started' });
    else if (e.type === 'container.exit') raw.push({ t: e.t, order, name: e.container, word: 'Exiting' });
    else if (e.type === 'hook.start') {
      const name = hookLogName(e.hook, e.container);
      raw.push({ t: e.t, order, name, word: 'Starting' });
      const d = opts.hookStartDelay?.[name];
      if (d === undefined || d <= 0) raw.push({ t: e.t, order: order + 0.1, name, word: 'Started' });
      else delayed.push({ name, start: e.t, t: e.t + d });
    } else if (e.type === 'hook.end') {
      const name = hookLogName(e.hook, e.container);
      raw.push({ t: e.t, order: order + 0.2, name, word: 'Exiting' });
    }
  });
  // A delayed `Started` line is written only if the hook was still alive at that time.
  for (const d of delayed) {
    const endT = raw.find((l) => l.name === d.name && l.word === 'Exiting' && l.t >= d.start)?.t ?? Infinity;
    if (d.t < endT) raw.push({ t: d.t, order: Infinity, name: d.name, word: 'Started' });
  }
  raw.sort((a, b) => a.t - b.t || a.order - b.order);
  return raw.map((l, seq) => ({ t: l.t, seq, name: l.name, word: l.word }));
}

function findIndex(log: LogLine[], name: string, word: LogWord, from: number): number {
  for (let i = Math.max(0, from); i < log.length; i++) {
    const l = log[i]!;
    if (l.name === name && l.word === word) return i;
  }
  return -1;
}

/** The upstream checkers: each returns null when it holds, else the reason it does not. */
export const checks = {
  starts(log: LogLine[], a: string): string | null {
    return findIndex(log, a, 'Started', 0) === -1 ? `${a} never logged Started` : null;
  },
  doesntStart(log: LogLine[], a: string): string | null {
    const i = findIndex(log, a, 'Started', 0);
    return i === -1 ? null : `${a} logged Started at t=${log[i]!.t} but was expected not to start`;
  },
  exits(log: LogLine[], a: string): string | null {
    return findIndex(log, a, 'Exiting', 0) === -1 ? `${a} never logged Exiting` : null;
  },
  startsBefore(log: LogLine[], a: string, b: string): string | null {
    const as = findIndex(log, a, 'Started', 0);
    if (as === -1) return `${a} never logged Started`;
    if (findIndex(log, b, 'Starting', as + 1) === -1) return `no Starting of ${b} after ${a}'s first Started (t=${log[as]!.t})`;
    return null;
  },
  exitsBefore(log: LogLine[], a: string, b: string): string | null {
    const ae = findIndex(log, a, 'Exiting', 0);
    if (ae === -1) return `${a} never logged Exiting`;
    if (findIndex(log, b, 'Exiting', ae + 1) === -1) return `no Exiting of ${b} after ${a}'s first Exiting (t=${log[ae]!.t})`;
    return null;
  },
  runTogetherLhsFirst(log: LogLine[], a: string, b: string): string | null {
    const as = findIndex(log, a, 'Started', 0);
    if (as === -1) return `${a} never logged Started`;
    const bs = findIndex(log, b, 'Started', as + 1);
    if (bs === -1) return `${b} never logged Started after ${a}'s first Started (t=${log[as]!.t})`;
    const ae = findIndex(log, a, 'Exiting', as + 1);
    if (ae === -1) return `${a} never logged Exiting after its Started`;
    if (bs > ae) return `${b} Started (t=${log[bs]!.t}) after ${a} was Exiting (t=${log[ae]!.t})`;
    const be = findIndex(log, b, 'Exiting', bs + 1);
    if (be === -1) return `${b} never logged Exiting after its Started (t=${log[bs]!.t})`;
    return null;
  },
  runTogether(log: LogLine[], a: string, b: string): string | null {
    const ab = checks.runTogetherLhsFirst(log, a, b);
    if (ab === null) return null;
    const ba = checks.runTogetherLhsFirst(log, b, a);
    return ba === null ? null : `neither order holds: (${a} first) ${ab}; (${b} first) ${ba}`;
  },
  restarted(log: LogLine[], a: string): string | null {
    const i = findIndex(log, a, 'Starting', 0);
    if (i === -1) return `${a} never logged Starting`;
    return findIndex(log, a, 'Starting', i + 1) === -1 ? `${a} logged Starting only once` : null;
  },
  notRestarted(log: LogLine[], a: string): string | null {
    const i = findIndex(log, a, 'Starting', 0);
    if (i === -1) return `${a} never logged Starting`;
    const j = findIndex(log, a, 'Starting', i + 1);
    return j === -1 ? null : `${a} logged Starting again at t=${log[j]!.t}`;
  },
};

export type CheckName = keyof typeof checks;

function fmtEvent(e: TraceEvent): string {
  const { t, type, why: _why, ...rest } = e as TraceEvent & Record<string, unknown>;
  const extra = Object.entries(rest).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  return `${t.toFixed(3).padStart(9)}  ${type.padEnd(18)} ${extra}`;
}

/** The events of the named containers (and hook names), plus pod phase / deletion / faults. */
export function excerpt(trace: Trace, names: string[], max = 80): string {
  const cs = new Set(names.map(baseContainer));
  const lines = trace.events
    .filter((e) => {
      if ('container' in e && typeof e.container === 'string') return cs.has(e.container);
      return e.type === 'pod.phase' || e.type === 'pod.deleted' || e.type === 'pod.gone' || e.type === 'fault' || e.type.startsWith('node.');
    })
    .map(fmtEvent);
  const cut = lines.length > max ? [...lines.slice(0, max), `  … ${lines.length - max} more`] : lines;
  return `trace excerpt (${[...cs].join(', ')}; end=${trace.end}):\n${cut.join('\n')}`;
}

export function fail(trace: Trace, what: string, names: string[]): never {
  throw new GoldenAssertionError(`${what}\n${excerpt(trace, names)}`);
}

type Asserts = { [K in CheckName]: (...names: string[]) => void };

export interface LogAssert extends Asserts {
  readonly lines: LogLine[];
  /** The negated checks: throw when the upstream helper would have succeeded. */
  readonly not: Asserts;
}

export function logOf(trace: Trace, opts: LogOptions = {}): LogAssert {
  const lines = mergedLog(trace, opts);
  const pos = {} as Asserts;
  const neg = {} as Asserts;
  for (const name of Object.keys(checks) as CheckName[]) {
    const fn = checks[name] as (log: LogLine[], ...n: string[]) => string | null;
    pos[name] = (...n: string[]) => {
      const r = fn(lines, ...n);
      if (r !== null) fail(trace, `${name}(${n.join(', ')}) does not hold: ${r}`, n);
    };
    neg[name] = (...n: string[]) => {
      if (fn(lines, ...n) === null) fail(trace, `${name}(${n.join(', ')}) holds but upstream expects it not to`, n);
    };
  }
  return { ...pos, lines, not: neg };
}

// ---- status helpers ----------------------------------------------------------------------

function eventsOf<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string, t = Infinity) {
  return trace.events.filter(
    (e): e is Extract<TraceEvent, { type: T }> =>
      e.type === type && e.t <= t && (container === undefined || ('container' in e && e.container === container)),
  );
}

/** When a container's events of one type happened, in order. */
export function timesOf(trace: Trace, type: TraceEvent['type'], container: string): number[] {
  return eventsOf(trace, type, container).map((e) => e.t);
}

/** The phase the API shows at t (a new pod is Pending). */
export function phaseAt(trace: Trace, t: number): PodPhase {
  return eventsOf(trace, 'pod.phase', undefined, t).at(-1)?.phase ?? 'Pending';
}

export function finalPhase(trace: Trace): PodPhase {
  return phaseAt(trace, Infinity);
}

/** The phases shown, in order, consecutive repeats collapsed. */
export function phasesSeen(trace: Trace): PodPhase[] {
  const out: PodPhase[] = [];
  for (const e of eventsOf(trace, 'pod.phase')) if (out.at(-1) !== e.phase) out.push(e.phase);
  return out;
}

/** First time the phase is one of `phases`, or undefined. */
export function phaseReachedAt(trace: Trace, phases: PodPhase[]): number | undefined {
  return eventsOf(trace, 'pod.phase').find((e) => phases.includes(e.phase))?.t;
}

/** Number of container.start events up to t, minus one (never below 0). */
export function restartCount(trace: Trace, container: string, t = Infinity): number {
  return Math.max(0, eventsOf(trace, 'container.start', container, t).length - 1);
}

export function waitingReasons(trace: Trace, container: string, t = Infinity): string[] {
  return eventsOf(trace, 'container.waiting', container, t).map((e) => e.reason);
}

export function lastExit(trace: Trace, container: string, t = Infinity): { exitCode: number; reason: string; t: number } | undefined {
  const e = eventsOf(trace, 'container.exit', container, t).at(-1);
  return e && { exitCode: e.exitCode, reason: e.reason, t: e.t };
}

export function podGoneAt(trace: Trace): number | undefined {
  return eventsOf(trace, 'pod.gone').at(0)?.t;
}

/** Running at t: a start at or before t with no exit after it (up to t). */
export function isRunning(trace: Trace, container: string, t = Infinity): boolean {
  const s = eventsOf(trace, 'container.start', container, t).at(-1);
  if (!s) return false;
  return !eventsOf(trace, 'container.exit', container, t).some((e) => e.t >= s.t && trace.events.indexOf(e) > trace.events.indexOf(s));
}

/** Image of the latest instance started by t (the last pull before its start), if any pull was seen. */
export function imageAt(trace: Trace, container: string, t = Infinity): string | undefined {
  const s = eventsOf(trace, 'container.start', container, t).at(-1);
  if (!s) return undefined;
  const si = trace.events.indexOf(s);
  const pulls = trace.events.filter(
    (e, i) => i < si && (e.type === 'container.pulled' || e.type === 'container.pulling') && e.container === container,
  );
  const p = pulls.at(-1);
  return p && 'image' in p ? p.image : undefined;
}

/** Times where the status may change in [from, to]: from itself and every event time inside. */
function checkpoints(trace: Trace, from: number, to: number): number[] {
  const ts = new Set<number>([from]);
  for (const e of trace.events) if (e.t > from && e.t <= to) ts.add(e.t);
  return [...ts].sort((a, b) => a - b);
}

/** Gomega's Eventually: the first checkpoint in [from, to] where pred holds, else undefined. */
export function eventually(trace: Trace, from: number, to: number, pred: (t: number) => boolean): number | undefined {
  return checkpoints(trace, from, to).find(pred);
}

/** Gomega's Consistently: the first checkpoint in [from, to] where pred fails, else undefined. */
export function consistently(trace: Trace, from: number, to: number, pred: (t: number) => boolean): number | undefined {
  return checkpoints(trace, from, to).find((t) => !pred(t));
}

export function expectEventually(
  trace: Trace, from: number, to: number, what: string, names: string[], pred: (t: number) => boolean,
): number {
  const t = eventually(trace, from, to, pred);
  if (t === undefined) fail(trace, `expected within [${from}s, ${to}s]: ${what}; never seen`, names);
  return t;
}

export function expectConsistently(
  trace: Trace, from: number, to: number, what: string, names: string[], pred: (t: number) => boolean,
): void {
  const t = consistently(trace, from, to, pred);
  if (t !== undefined) fail(trace, `expected throughout [${from}s, ${to}s]: ${what}; violated at t=${t}`, names);
}

/** Throws with an excerpt unless cond holds (for plain status assertions). */
export function expectThat(trace: Trace, cond: boolean, what: string, names: string[]): void {
  if (!cond) fail(trace, what, names);
}

/** Status and reason of a pod condition at t (undefined before the kubelet first wrote it). */
export function conditionAt(trace: Trace, condition: string, t = Infinity): { status: 'True' | 'False'; reason?: string } | undefined {
  const e = eventsOf(trace, 'pod.condition', undefined, t).filter((c) => c.condition === condition).at(-1);
  return e && { status: e.status, ...(e.reason !== undefined ? { reason: e.reason } : {}) };
}

/** Times of a container's events of one type, in order. */
export function times(trace: Trace, type: TraceEvent['type'], container: string): number[] {
  return eventsOf(trace, type, container).map((e) => e.t);
}

/** An instant before t: preconditions of an action are read before the action's own effects. */
export function justBefore(t: number): number {
  return t - 1e-6;
}

export { eventsOf };
