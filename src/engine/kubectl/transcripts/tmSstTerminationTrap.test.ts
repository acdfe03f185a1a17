// The SST course's 12-termination.yaml (a `sh` PID 1 with a TERM trap that "cleans up" for 10 s and
// exits 0, its loop `while true; do sleep 2; done`, terminationGracePeriodSeconds 20), deleted in
// five write-ups of session 10, September-October 2026 (search-index files, no repositories named).
// Manifest: fixtures/tm-sst-lifecycle-termination.yaml. Rules: [8.1] [8.3] the deletion's SIGTERM,
// [15.3] `sh` runs its trap when the running foreground command (`sleep 2`) returns, [8.6] the
// trap's `exit 0` (Completed, no SIGKILL within the 20 s), [6.5] [0.6] [15.8] the pod removed once
// the kubelet reported the terminal phase, [14.4] `Terminating` then, from 1.31, the terminal STATUS.
// The one input per run is the deletion's place in the 2 s sleep cycle, read from its log stamps.
//
// 1. Ridaa Mirza (file 70441151561): "minikube cluster (docker driver on macOS, Kubernetes v1.37.0,
//    single node)". Published, verbatim:
//      16:46:13
//      pod "lifecycle-termination" deleted from s10-lifecycle namespace
//      16:46:26
//      logs:
//      2026-10-07T11:16:11.809215013Z Application running
//      2026-10-07T11:16:15.813241959Z SIGTERM received; cleaning up...
//      2026-10-07T11:16:25.818793714Z Cleanup complete
//      watch:
//      ADDED      lifecycle-termination   1/1     Running       0          0s
//      MODIFIED   lifecycle-termination   1/1     Terminating   0          2s
//      MODIFIED   lifecycle-termination   0/1     Completed     0          14s
//      DELETED    lifecycle-termination   0/1     Completed     0          15s
//    "The SIGTERM message shows up ~2s after the delete, not immediately. The shell's main loop is
//    `sleep 2`, and `sh` only runs the trap once the current foreground `sleep` finishes."
//    The trap ran 4.004 s after the start, at the end of the second `sleep 2`; the deletion (AGE 2s)
//    came just after the first ended: given as start + 2.1 s.
// 2. Netram (file 70512568154): "minikube v1.39.0 (single node) and Kubernetes v1.37.0". Published:
//      delete at 16:41:52
//      pod "lifecycle-termination" deleted from default namespace
//      real	0m11.008s
//      16:41:50  Application running
//      16:41:52  SIGTERM received; cleaning up...
//      16:42:02  Cleanup complete
//    (`ts` stamps, whole seconds.) The trap ran in the deletion's own second: the deletion came less
//    than 1 s before a `sleep 2` returned; run with 0.1, 0.5 and 0.9 s left.
// 3. File 70543313162 ("single-node kind cluster (`hw-legacy`, images pre-pulled)", 1.35+ by its
//    `spec.containers{nginx}: Container created` events, [10.6]). Published:
//      [18:53:55] $ time kubectl delete pod lifecycle-termination
//      [18:54:05] delete returned after 10 seconds
//      [18:53:53] Application running
//      [18:53:55] SIGTERM received; cleaning up...
//      [18:54:05] Cleanup complete
//      [18:53:53] lifecycle-termination   1/1     Running       0          1s
//      [18:53:55] lifecycle-termination   1/1     Terminating   0          3s
//      [18:54:05] lifecycle-termination   0/1     Completed     0          13s
//    The trap, the exit and the removal each in the second of the one before (+10 s): run with the
//    deletion 0.1 s before a `sleep 2` returned.
// 4. Raj Prakash (file 70948547576): "kind v0.30.0, Kubernetes v1.34.0". Published:
//      2026-10-07T17:47:02.194414965Z Application running
//      17:47:05 kubectl delete issued
//      pod "lifecycle-termination" deleted from s10 namespace
//      2026-10-07T17:47:05.432623300Z SIGTERM received; cleaning up...
//      17:47:05  lifecycle-termination   1/1   Terminating   0     4s
//      17:47:07  lifecycle-termination   1/1   Terminating   0     6s
//      17:47:09  lifecycle-termination   1/1   Terminating   0     8s
//      17:47:11  lifecycle-termination   1/1   Terminating   0     10s
//      17:47:13  lifecycle-termination   1/1   Terminating   0     12s
//      2026-10-07T17:47:15.550055138Z Cleanup complete
//      17:47:15  lifecycle-termination   1/1   Terminating   0     15s
//      17:47:18  Error from server (NotFound): pods "lifecycle-termination" not found
//    Its trap ran 3.238 s after the start, inside the second `sleep 2`, which [15.3] does not allow
//    (the engine runs it at 4.0 s, the sleep's end): a disagreement of 0.76 s, not asserted; what
//    is asserted: the rows, the exit within 1 s, the removal before the NotFound. The deletion is
//    given as start + 3.1 s ("delete issued" at 17:47:05, 0.3 s before the trap's line).
// 5. A write-up run from Windows PowerShell on a single-node minikube (file 68755711786; `kubectl get
//    nodes`: v1.37.0; September 2026), polled every 2 s after `kubectl delete … --wait=false`:
//      lifecycle-termination   1/1     Running   0          1s
//      10:34:45  lifecycle-termination   1/1   Terminating   0     2s
//      10:34:48  lifecycle-termination   1/1   Terminating   0     4s
//      10:34:50  lifecycle-termination   1/1   Terminating   0     6s
//      10:34:52  lifecycle-termination   1/1   Terminating   0     8s
//      10:34:54  lifecycle-termination   1/1   Terminating   0     10s
//      10:34:57  Error from server (NotFound): pods "lifecycle-termination" not found
//    "Total observed window: ~11 seconds". Deleted between AGE 1s and 2s: given as start + 0.8 s, in
//    the first `sleep 2` (a deletion after it would put the removal past the NotFound poll).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRows, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-sst-lifecycle-termination.yaml', import.meta.url), 'utf8');

interface Run {
  rows: TimedRow[];
  start: number;
  deleted: number;
  signal: number;
  exit: { t: number; exitCode: number; reason: string };
  gone: number;
  signals: string[];
}

/** The container's start at `version` (the deletion comes after it, so the fixture's own run gives it). */
function startAt(version: string): number {
  const start = runScenario(withVersion(SCENARIO, version)).trace!.events.find((e) => e.type === 'container.start');
  return start!.t;
}

/** The pod deleted `afterStart` seconds after its container started, at `version`. */
function run(version: string, afterStart: number): Run {
  const start = startAt(version);
  const at = Math.round((start + afterStart) * 1000) / 1000;
  const text = withVersion(SCENARIO, version);
  expect(text).toContain('{ at: 2.8s, do: deletePod }');
  const scenario = text.replace('{ at: 2.8s, do: deletePod }', `{ at: ${at}s, do: deletePod }`);
  const events = runScenario(scenario).trace!.events;
  const one = <T extends (typeof events)[number]['type']>(type: T) => events.filter((e) => e.type === type);
  const exits = one('container.exit');
  expect(exits).toHaveLength(1);
  const exit = exits[0]!;
  if (exit.type !== 'container.exit') throw new Error('not an exit');
  const signals = one('container.signal').flatMap((e) => (e.type === 'container.signal' ? [e.signal] : []));
  return {
    rows: simulatedRows(scenario),
    start,
    deleted: one('pod.deleted')[0]!.t,
    signal: one('container.signal')[0]!.t,
    exit: { t: exit.t, exitCode: exit.exitCode, reason: exit.reason },
    gone: one('pod.gone')[0]!.t,
    signals,
  };
}

const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

/** The engine's rows from the last Running one on, up to the pod's removal. */
function fromRunning(r: Run): TimedRow[] {
  const shown = r.rows.filter((row) => row.t <= r.gone);
  return shown.slice(shown.findLastIndex((row) => row.status === 'Running'));
}

describe('transcript: 12-termination deleted just after a `sleep 2` began, watched with --output-watch-events (Ridaa Mirza, minikube v1.37.0)', () => {
  const published = publishedRows(`
lifecycle-termination   1/1     Running       0          0s
lifecycle-termination   1/1     Terminating   0          2s
lifecycle-termination   0/1     Completed     0          14s
lifecycle-termination   0/1     Completed     0          15s`);

  it.each(['1.36', '1.37'])('prints Running, `1/1 Terminating` at 2s, `0/1 Completed` at 14s and is DELETED at 15s, each within 1 s (%s) [8.3] [15.3] [8.6] [6.5] [14.4]', (version) => {
    const r = run(version, 2.1);
    const ours = fromRunning(r);
    // ADDED … Running, MODIFIED … Terminating, MODIFIED … Completed: exactly these rows
    expect(ours.map(key)).toEqual(published.slice(0, 3).map(key));
    expect(ours[0]!.t).toBeLessThan(1);
    expect(Math.abs(ours[1]!.t - published[1]!.t)).toBeLessThan(1);
    expect(Math.abs(ours[2]!.t - published[2]!.t)).toBeLessThan(1);
    // DELETED … 0/1 Completed 15s: the last row before the removal, the removal at AGE 15
    expect(key(ours.at(-1)!)).toBe(key(published[3]!));
    expect(Math.abs(r.gone - published[3]!.t)).toBeLessThan(1);
  });

  it.each(['1.36', '1.37'])('runs the trap when the second `sleep 2` returns, 4.004 s after the start, and exits 0 ten seconds later (%s) [15.3] [8.6]', (version) => {
    const r = run(version, 2.1);
    const trapAt = r.exit.t - 10; // the handler: echo, sleep 10, echo, exit 0
    // 11:16:11.809 Application running → 11:16:15.813 SIGTERM received → 11:16:25.818 Cleanup complete
    expect(Math.abs(trapAt - r.start - 4.004)).toBeLessThan(0.1);
    expect(r.signal).toBe(r.deleted);
    expect(r.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(r.signals).toEqual(['SIGTERM']);
    // `date +%T` before and after `kubectl delete`: 16:46:13 → 16:46:26
    expect(Math.abs(r.gone - r.deleted - 13)).toBeLessThanOrEqual(1);
  });
});

describe('transcript: `time kubectl delete pod lifecycle-termination`, real 0m11.008s (Netram, minikube v1.37.0)', () => {
  it.each(['1.36', '1.37'])('the trap in the deletion\'s second, `Cleanup complete` 10 s later, and kubectl returns within 1 s of 11.008 s, for 0.1, 0.5 or 0.9 s left of the sleep (%s) [8.3] [15.3] [8.6] [6.5]', (version) => {
    for (const left of [0.1, 0.5, 0.9]) {
      const r = run(version, 2 - left);
      const trapAt = r.exit.t - 10;
      expect(trapAt - r.deleted, `${left} s left`).toBeCloseTo(left, 6);
      expect(r.exit, `${left} s left`).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(r.signals).toEqual(['SIGTERM']);
      expect(Math.abs(r.gone - r.deleted - 11.008), `${left} s left`).toBeLessThanOrEqual(1);
    }
  });

  it.each(['1.36', '1.37'])('is `1/1 Running 0` at the 1 s poll after `kubectl wait` (%s)', (version) => {
    const r = run(version, 1.5);
    const [row] = publishedRows('lifecycle-termination   1/1     Running   0          1s');
    const at = r.rows.filter((x) => x.t <= row!.t + 0.999).at(-1)!;
    expect(key(at)).toBe(key(row!));
  });
});

describe('transcript: 12-termination on a kind cluster, `[hh:mm:ss]`-stamped watch (file 70543313162, 1.35+)', () => {
  const published = publishedRows(`
lifecycle-termination   1/1     Running       0          1s
lifecycle-termination   1/1     Terminating   0          3s
lifecycle-termination   0/1     Completed     0          13s`);

  it.each(['1.35', '1.37'])('prints Running → `1/1 Terminating` → `0/1 Completed` 10 s apart, and kubectl returns in that second (%s) [8.3] [15.3] [8.6] [6.5] [14.4]', (version) => {
    const r = run(version, 1.9);
    const ours = fromRunning(r);
    expect(ours.map(key)).toEqual(published.map(key));
    // AGE 3s → 13s ([18:53:55] → [18:54:05]); the node started the container a second later after
    // creation than the engine's 0.7 s, so the ages are compared from the deletion's row
    expect(Math.abs((ours[2]!.t - ours[1]!.t) - (published[2]!.t - published[1]!.t))).toBeLessThan(1);
    // "delete returned after 10 seconds", stamped [18:53:55] → [18:54:05]: under 11 s
    expect(r.gone - r.deleted).toBeLessThan(11);
    expect(r.gone - r.exit.t).toBeLessThan(1);
    expect(r.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('transcript: 12-termination polled every 2 s (Raj Prakash, kind v0.30.0, Kubernetes v1.34.0)', () => {
  // Wall-clock seconds, from "Application running" at 17:47:02.194 (the container's start)
  const startWall = 2.194;
  const sinceStart = (wall: number) => wall - startWall;

  it.each(['1.31', '1.34'])('prints `1/1 Terminating 0` at every poll up to 17:47:15, exits 0 within 1 s of 17:47:15.550 and is gone before 17:47:18 (%s) [8.3] [15.3] [8.6] [6.5] [14.4]', (version) => {
    const r = run(version, 3.1);
    // Polls at 17:47:05 … 17:47:15: the pod is deleted at the first, the container runs past the last
    // (Cleanup complete 17:47:15.550), so each poll shows `1/1 Terminating 0`
    const lines = [
      'lifecycle-termination   1/1   Terminating   0     4s',
      'lifecycle-termination   1/1   Terminating   0     6s',
      'lifecycle-termination   1/1   Terminating   0     8s',
      'lifecycle-termination   1/1   Terminating   0     10s',
      'lifecycle-termination   1/1   Terminating   0     12s',
      'lifecycle-termination   1/1   Terminating   0     15s',
    ];
    const polls = [5, 7, 9, 11, 13, 15];
    lines.forEach((line, n) => {
      const at = Math.max(r.start + sinceStart(polls[n]!), r.deleted);
      const row = r.rows.filter((x) => x.t <= at).at(-1)!;
      expect(key(row), line).toBe(key(publishedRows(line)[0]!));
    });
    expect(r.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(r.signals).toEqual(['SIGTERM']);
    expect(Math.abs(r.exit.t - r.start - sinceStart(15.550))).toBeLessThanOrEqual(1);
    // 17:47:18 NotFound
    expect(r.gone - r.start).toBeLessThan(sinceStart(18));
  });
});

describe('transcript: 12-termination polled every 2 s after `kubectl delete --wait=false` (file 68755711786, minikube v1.37.0)', () => {
  it.each(['1.36', '1.37'])('prints `1/1 Terminating 0` at AGE 2, 4, 6, 8 and 10 s, and the pod is gone by the NotFound poll 3 s after the last (%s) [8.3] [15.3] [8.6] [6.5]', (version) => {
    const r = run(version, 0.8);
    const polls = publishedRows(`
lifecycle-termination   1/1   Terminating   0     2s
lifecycle-termination   1/1   Terminating   0     4s
lifecycle-termination   1/1   Terminating   0     6s
lifecycle-termination   1/1   Terminating   0     8s
lifecycle-termination   1/1   Terminating   0     10s`);
    for (const poll of polls) {
      const row = r.rows.filter((x) => x.t <= poll.t).at(-1)!;
      expect(key(row), `${poll.t}s`).toBe(key(poll));
    }
    expect(r.exit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    // 10:34:54 (AGE 10) still listed, 10:34:57 NotFound: gone before AGE 10 + 3 + 1
    expect(r.gone).toBeGreaterThan(polls.at(-1)!.t);
    expect(r.gone).toBeLessThan(polls.at(-1)!.t + 4);
  });
});
