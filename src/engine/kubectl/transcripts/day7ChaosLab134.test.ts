// A course's "Day 7 Lab Solution" (the search index's file 70396773028; no repository or author
// named): nine broken Deployments on a kind cluster, "Kubernetes v1.34.3", outputs dated
// 2026-10-06. Two of them are crash loops with their restarts dated by kubectl's "(Xs ago)", which
// test the back-off and the pod worker's requeue after a refused start ([4.5], [4.6]); published
// lines and the pods as far as the text gives them in fixtures/day7-chaos134-*.yaml. Run at 1.34
// (the source's) and 1.31 (the same rules: 1.35 requeues at the back-off's end, [4.6]).
// - Scenario 2, a Go app exiting 1 at once: `0/1 CrashLoopBackOff 3 (23s ago) 61s` ("earlier:
//   STATUS Error"), a second pod's `0/1 CrashLoopBackOff 2 (20s ago) 36s`, and a describe whose
//   five starts span 85 s (`Started 4s (x5 over 89s)`).
// - Scenario 4, OOM kills set off by a second container's calls every 10 s: seven polled rows,
//   `OOMKilled` between runs, `CrashLoopBackOff` only at the requeue after the first refusal.
// Compared: READY, STATUS and the RESTARTS count exactly, each row at some moment its AGE allows
// (kubectl floors AGE from a creationTimestamp kept in whole seconds, so the sample came between
// AGE - 1 and AGE + 1 s after the pod's creation, [14.1]); the run each "(Xs ago)" dates, as AGE
// minus "ago" against the engine's whole second (within 1 s). The requeue after a refused start is
// 10 s x [1, 1.5) upstream; the Simulation's requeueJitter picks where (0 earliest, 1 latest), and
// each published run falls between the engine's runs at 0 and at 1.
// Not compared (docs/transcripts.md): the describe's `BackOff 4s (x7 over 88s)`. With its five
// starts 84 to 86 s apart the engine records eight BackOff events at any one jitter from 0 to 0.6
// (one requeue more in the 40 s wait than the node had), seven only from 0.8, where its starts are
// 87.5 s and more apart: a real node draws each requeue anew, the engine uses one value for all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, publishedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34'];

/** The scenario with its requeueJitter line set (or added after `until:`). */
function withJitter(scenario: string, jitter: number): string {
  if (/^requeueJitter: /m.test(scenario)) return scenario.replace(/^requeueJitter: .*$/m, `requeueJitter: ${jitter}`);
  return scenario.replace(/^(until: .*)$/m, `$1\nrequeueJitter: ${jitter}`);
}

function eventsOf(scenario: string, version: string, jitter: number, clean = true): TraceEvent[] {
  const r = runScenario(withJitter(withVersion(scenario, version), jitter));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (clean) expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  return r.trace!.events;
}

type Printed = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const printed = (events: TraceEvent[]): Printed[] => events.filter((e): e is Printed => e.type === 'pod.kubectl');
const key = (ready: string, status: string, restarts: string) => `${ready} ${status} ${restarts.split(' ')[0]}`;

/**
 * The engine's row that a sample with this AGE could have read: the last printed row at some
 * moment strictly between AGE - 1 and AGE + 1 whose READY, STATUS and RESTARTS count match; or
 * undefined when none does.
 */
function shownAt(rows: Printed[], line: string): Printed | undefined {
  const [published] = publishedRows(line);
  const want = key(published!.ready, published!.status, published!.restarts);
  const from = published!.t - 1;
  const to = published!.t + 1;
  const moments = [from + 1e-6, ...rows.map((r) => r.t).filter((t) => t > from && t < to)];
  for (const t of moments) {
    const row = rows.filter((r) => r.t <= t).at(-1);
    if (row && key(row.ready, row.status, row.restarts) === want) return row;
  }
  return undefined;
}

/** AGE minus "(Xs ago)": the whole second of the last termination that the line dates. */
const exitSecondOf = (line: string): number => publishedRows(line)[0]!.t - agoOf(line)!;

const starts = (events: TraceEvent[], container: string) =>
  events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);
const exits = (events: TraceEvent[], container: string) =>
  events.filter((e) => e.type === 'container.exit' && e.container === container).map((e) => e.t);

describe('transcript: Day 7 lab, Scenario 2, a Go app that exits 1 at once (kind v1.34.3)', () => {
  const SCENARIO = fixture('day7-chaos134-crashloop.yaml');
  const X2772 = 'chaos-02-crashloop-59c9764b68-x2772   0/1     CrashLoopBackOff   3 (23s ago)   61s';
  const DB2PT = 'chaos-02-crashloop-59c9764b68-db2pt   0/1   CrashLoopBackOff   2 (20s ago)   36s';
  // `Started 4s (x5 over 89s)`: ages floored, so the fifth start 84 to 86 s after the first
  const STARTS_SPAN = 89 - 4;

  it.each(VERSIONS)('prints both published rows at their AGE, after `Error` rows, at requeueJitter 0.5 (%s) [4.5] [14.1] [14.3]', (version) => {
    const rows = printed(eventsOf(SCENARIO, version, 0.5));
    for (const line of [X2772, DB2PT]) {
      const row = shownAt(rows, line);
      expect(row, line).toBeDefined();
      // the run it dates: within the requeue's jitter of the published one (see below), here 2 s
      expect(Math.abs(row!.lastRestartAt! - exitSecondOf(line)), line).toBeLessThanOrEqual(2);
    }
    // "(earlier: STATUS Error)": between runs the row is `Error` until a refused start writes CrashLoopBackOff
    expect(rows.filter((r) => r.t < 61 && r.status === 'Error').map((r) => key(r.ready, r.status, r.restarts))).toEqual(
      expect.arrayContaining(['0/1 Error 1', '0/1 Error 2', '0/1 Error 3']));
  });

  it.each(VERSIONS)('ends each dated run between the engine\'s earliest and latest requeue (jitter 0 and 1) (%s) [4.5] [4.6]', (version) => {
    const earliest = eventsOf(SCENARIO, version, 0);
    const latest = eventsOf(SCENARIO, version, 1);
    // x2772: the fourth run ended in second 38; db2pt: the third in second 16 (AGE minus "ago",
    // each within a second of the run's end: the pod's creation is floored too)
    for (const [line, run] of [[X2772, 3], [DB2PT, 2]] as const) {
      const second = exitSecondOf(line);
      expect(exits(earliest, 'payment-service')[run]!, line).toBeLessThanOrEqual(second + 1);
      expect(exits(latest, 'payment-service')[run]!, line).toBeGreaterThanOrEqual(second - 1);
    }
    const span = (events: TraceEvent[]) => starts(events, 'payment-service')[4]! - starts(events, 'payment-service')[0]!;
    expect(span(earliest)).toBeLessThanOrEqual(STARTS_SPAN + 1);
    expect(span(latest)).toBeGreaterThanOrEqual(STARTS_SPAN - 1);
  });

  it('fits requeueJitter 0.5 best of 0, 0.5 and 1: the fourth run\'s end and the five starts\' span (1.34) [4.6]', () => {
    const misfit = (jitter: number) => {
      const events = eventsOf(SCENARIO, '1.34', jitter);
      const s = starts(events, 'payment-service');
      return Math.abs(Math.floor(exits(events, 'payment-service')[3]!) - exitSecondOf(X2772)) + Math.abs(s[4]! - s[0]! - STARTS_SPAN);
    };
    const [zero, half, one] = [misfit(0), misfit(0.5), misfit(1)];
    expect(half).toBeLessThan(zero);
    expect(half).toBeLessThan(one);
  });
});

describe('transcript: Day 7 lab, Scenario 4, OOM kills set off by a second container (kind v1.34.3)', () => {
  const SCENARIO = fixture('day7-chaos134-oomkill.yaml');
  const LINES = `
chaos-04-oomkill-8469cb9c6d-pc4sz   2/2   Running            0              12s
chaos-04-oomkill-8469cb9c6d-pc4sz   1/2   OOMKilled          1 (13s ago)    24s
chaos-04-oomkill-8469cb9c6d-pc4sz   2/2   Running            2 (15s ago)    36s
chaos-04-oomkill-8469cb9c6d-pc4sz   1/2   OOMKilled          2 (27s ago)    48s
chaos-04-oomkill-8469cb9c6d-pc4sz   1/2   CrashLoopBackOff   2 (19s ago)    60s
chaos-04-oomkill-8469cb9c6d-pc4sz   2/2   Running            3 (31s ago)    72s
...                                 1/2   OOMKilled          4 (61s ago)    2m13s`.trim().split('\n');

  it.each(VERSIONS)('prints every polled row at its AGE, each "ago" dating the same run, at requeueJitter 0 (%s) [4.5] [10.2] [14.1] [14.3]', (version) => {
    const events = eventsOf(SCENARIO, version, 0);
    const rows = printed(events);
    for (const line of LINES) {
      const row = shownAt(rows, line);
      expect(row, line).toBeDefined();
      if (agoOf(line) !== undefined) expect(Math.abs(row!.lastRestartAt! - exitSecondOf(line)), line).toBeLessThanOrEqual(1);
    }
    // every kill is an OOMKilled exit 137 of order-api; curl never restarts
    expect(events.filter((e) => e.type === 'container.exit').map((e) => e.type === 'container.exit' && `${e.container} ${e.exitCode} ${e.reason}`))
      .toEqual(Array(5).fill('order-api 137 OOMKilled'));
  });

  it.each(VERSIONS)('keeps `OOMKilled` between runs and writes `CrashLoopBackOff` at the requeue, not one relist after the exit (%s) [0.9] [4.9] [10.2]', (version) => {
    // 24 s, 2.5 s after the second run's end, and 48 s, 6.5 s after the third's: still OOMKilled;
    // 60 s: CrashLoopBackOff, whose lastState is now the third run (19 s ago: second 41)
    const rows = printed(eventsOf(SCENARIO, version, 0));
    const exitsSeen = [
      21.5,
      41.5,
    ]; // (one per line: docs/rulebook.test.ts reads `[x.y` as a rule citation)
    for (const exit of exitsSeen) {
      const next = rows.filter((r) => r.t > exit);
      expect(next[0]).toMatchObject({ status: 'OOMKilled', t: Math.ceil(exit) });
      // the refused start's sync writes no status change; the next row is the requeue's, 10 s later
      expect(next[1]!.status).toBe('CrashLoopBackOff');
      expect(next[1]!.t - next[0]!.t).toBeCloseTo(10, 6);
    }
  });

  it.each(VERSIONS)('prints the rows up to 72 s at requeueJitter 0.5 too; at 1 the third run starts after the 36 s sample (%s) [4.6]', (version) => {
    // (its last kill, at 123 s, finds no process: the engine warns, and it is left out)
    const half = printed(eventsOf(SCENARIO, version, 0.5, false));
    for (const line of LINES.slice(0, 6)) expect(shownAt(half, line), line).toBeDefined();
    // 0.5 puts the fifth run at 123.2 s, after the curl's call that killed the published one
    // before 2m13s: that row is matched from 0 to 0.45 only.
    const one = printed(eventsOf(SCENARIO, version, 1, false));
    expect(shownAt(one, LINES[2]!)).toBeUndefined();
  });
});
