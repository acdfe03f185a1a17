// A Korean course's notes "00. Pod", section 8, 실험 B (search-index file 57555175504, no
// repository named; 2026-08-11, a kubeadm cluster whose nodes print v1.35.7): an init container
// that sleeps 3 s and exits 1 under the pod's default restartPolicy Always, before an nginx that
// never starts. Manifest and published lines in fixtures/jb-kr135-init-fail.yaml.
// Rules exercised: [2.5] a failed init container is restarted; [4.5] the back-off 10, 20, 40, 80,
// 160 s (the first restart at once); [4.6] from 1.35 the requeue at the back-off's end, jittered
// ×[1, 1.5) and capped at the resync; [10.2] the CrashLoopBackOff reason written by the sync after
// the refused one; [14.1] [14.3] the printer's `Init:0/1`, `Init:Error`, `Init:CrashLoopBackOff`.
// What is compared: the sixteen published rows' STATUS and RESTARTS count strictly, in order (the
// watch printed no READY column; the pod has one container, so 0/1 throughout); the first
// "(3s ago)"; the six pulls of busybox and none of nginx; the back-off message `2m40s` after the
// fifth restart; and each wait (an `Init:Error` row to the next `Init:CrashLoopBackOff` and
// `Init:0/1` rows) between the engine's earliest and latest requeue (`requeueJitter` 0 and 1),
// within 1 s: the node drew a new jitter at each requeue (the published waits sit at 0.8, 0.5 and
// 0.95 of the range), the engine one draw for the whole run, so no single draw fits them all.
// Run at 1.35 (the source), 1.36 and 1.37, whose requeue ([4.6]) is the same; the jitter range
// at 1.35 and 1.37.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/jb-kr135-init-fail.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];

// The watch's lines: the local time, STATUS, RESTARTS; t in seconds from the first line (15:25:37).
const WATCH = `15:25:37  Init:0/1                0
15:25:40  Init:Error              0
15:25:42  Init:0/1                1 (3s ago)
15:25:45  Init:Error              1
15:25:59  Init:CrashLoopBackOff   1
15:26:01  Init:0/1                2
15:26:04  Init:Error              2
15:26:29  Init:CrashLoopBackOff   2
15:26:31  Init:0/1                3
15:26:34  Init:Error              3
15:27:33  Init:CrashLoopBackOff   3
15:27:35  Init:0/1                4
15:27:38  Init:Error              4
15:28:42  Init:CrashLoopBackOff   4
15:29:08  Init:0/1                5
15:29:11  Init:Error              5`;
const seconds = (hms: string) => hms.split(':').reduce((s, n) => s * 60 + Number(n), 0);
const LINES = WATCH.split('\n');
const published: TimedRow[] = LINES.map((line) => {
  const [time, status, restarts] = line.split(/\s+/);
  return { t: seconds(time!) - seconds('15:25:37'), ready: '0/1', status: status!, restarts: restarts! };
});

const scenarioAt = (version: string, jitter?: number) => {
  const text = withVersion(fixture, version);
  return jitter === undefined ? text : text.replace(/^until: .*$/m, `until: 260s\nrequeueJitter: ${jitter}`);
};
const eventsOf = (version: string, jitter?: number): TraceEvent[] => runScenario(scenarioAt(version, jitter)).trace!.events;

/** For each `Init:Error` row after the first, how long until the next row of `status`. */
function waits(rows: TimedRow[], status: string): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (row.status !== 'Init:Error' || row.restarts === '0') return;
    const next = rows.slice(i + 1).find((r) => r.status === status);
    if (next) out.push(next.t - row.t);
  });
  return out;
}

describe('transcript: a Korean course, an init container that exits 1 after 3 s, restarted under Always (kubeadm v1.35.7)', () => {
  it.each(VERSIONS)('prints the sixteen published rows in order: `Init:0/1`, `Init:Error`, then `Init:CrashLoopBackOff` before each restart from the second (%s) [2.5] [4.5] [10.2] [14.3]', (version) => {
    const ours = simulatedRows(scenarioAt(version));
    expectSubsequence(published, ours);
  });

  it.each(VERSIONS)('dates the first restart\'s "(3s ago)" from the first run\'s end, restarted at once (%s) [4.5] [14.1]', (version) => {
    const events = eventsOf(version);
    const rows = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl');
    const row = rows.find((r) => r.status === 'Init:0/1' && r.restarts.startsWith('1 '))!;
    expect(row.restarts).toMatch(/^1 \(\d+s ago\)$/);
    // whole-second finishedAt on one end, the relist's write on the other: within 1 s
    expect(Math.abs(agoOf(row.restarts)! - agoOf(LINES[2]!)!)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('backs off 10, 20, 40, 80 and 160 s: the fifth restart waits `back-off 2m40s` (%s) [4.5] [10.2]', (version) => {
    const events = eventsOf(version);
    const delays = events.filter((e) => e.type === 'container.backoff').map((e) => e.type === 'container.backoff' && e.delay);
    expect(delays.slice(0, 5)).toEqual([
      10,
      20,
      40,
      80,
      160,
    ]);
    // the fifth restarted run lasts the 3 s of its `sleep 3`, as its lastState (06:29:08 to 06:29:11)
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    const exits = events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    expect(Math.floor(exits[5]!) - Math.floor(starts[5]!)).toBe(3);
  });

  it.each(VERSIONS)('pulls busybox before each of the six runs and never nginx: main never starts (%s) [2.1] [0.3]', (version) => {
    const events = eventsOf(version);
    const pulls = events.filter((e) => e.type === 'container.pulling');
    expect(pulls.filter((e) => e.type === 'container.pulling' && e.container === 'init-fail')).toHaveLength(6);
    expect(pulls.filter((e) => e.type === 'container.pulling' && e.container === 'main')).toHaveLength(0);
    expect(events.filter((e) => e.type === 'container.start' && e.container === 'main')).toHaveLength(0);
  });

  // The published waits: Init:Error → Init:CrashLoopBackOff 14, 25, 59, 64 s; Init:Error → the
  // restart's Init:0/1 16, 27, 61, 90 s. The fourth CrashLoopBackOff (64 s into an 80 s back-off)
  // is the resync cap's requeue (60 s × [1, 1.5)), a refused sync whose reason the next row shows.
  it.each(['1.35', '1.37'])('waits, after each run from the second, between the engine\'s earliest and latest requeue, within 1 s (%s) [4.6]', (version) => {
    const early = simulatedRows(scenarioAt(version, 0));
    const late = simulatedRows(scenarioAt(version, 1));
    for (const status of ['Init:CrashLoopBackOff', 'Init:0/1']) {
      const ours = waits(published, status);
      const low = waits(early, status);
      const high = waits(late, status);
      expect(ours, status).toHaveLength(4);
      ours.forEach((wait, i) => {
        expect(wait, `${status} ${i + 1}: at least the earliest`).toBeGreaterThanOrEqual(low[i]! - 1);
        expect(wait, `${status} ${i + 1}: at most the latest`).toBeLessThanOrEqual(high[i]! + 1);
      });
    }
  });
});
