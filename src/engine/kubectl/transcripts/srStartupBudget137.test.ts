// A slow app (`sh -c "sleep 20; exec nginx"`) behind a startup probe, with a budget of 30 × 2 s
// and one of 3 × 2 s, as two students of the same course printed them on v1.37 clusters
// (fixtures/sr-sst137-startup-*.yaml give the sources and the manifest as rebuilt from the text):
// - Rudhar Bajaj (search-index file 70169779728, 2026-10-07; kind v0.33.0, node v1.37.0), polls
//   with the node's clock: startup-slow `0/1 Running 0 4s`, `0/1 Running 0 22s`, `1/1 Running 0 25s`;
//   startup-too-short `0/1 Running 0 38s`, `0/1 Running 1 (5s ago) 42s`, Last State Terminated,
//   Error, 137 ("the kubelet waited the 30 s grace period and then sent SIGKILL").
// - Ridaa Mirza (search-index file 70160465649; minikube, `kube-probe/1.37`), both pods applied
//   together and polled every 10 s: startup-demo `0/1 … 10s`, `1/1 … 30s`, `1/1 … 40s`,
//   `1/1 … 96s`; startup-fail-demo `0/1 Running 0 10s`, `0 30s`, `1 (4s ago) 40s`, `2 (24s ago) 96s`.
// Rules: [5.4] [5.13] the startup probe fails every 2 s until the app listens, [2.2] [5.6] started
// and ready at its first success; [4.4] the third failure kills, [15.3] [8.5] [8.6] `sh` as PID 1
// ignores SIGTERM and is SIGKILLed 30 s later (137, Error), [4.5] restarted at once (the back-off
// is read from the status before the kill). Run at 1.37 and, the behaviour being older, 1.31, 1.34.
// Timing: the kind node's container start and probe phase are not published; its polls show the
// first run ending at 37 s and the second kill 38 s after the first (its Killing `31s (x2 over
// 69s)`), the minikube's at 36 s and 36 s, the engine's at 36 s and 36 s: so the minikube's rows
// are compared within kubectl's 1 s rounding, the kind's within one probe period (2 s).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import { agoOf, expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34', '1.37'];
const SLOW = 'sr-sst137-startup-slow.yaml';
const SHORT = 'sr-sst137-startup-too-short.yaml';

/** The whole API seconds at which the container's runs ended. */
function exitSeconds(name: string, version: string): number[] {
  return runScenario(withVersion(fixture(name), version)).trace!.events
    .filter((e) => e.type === 'container.exit')
    .map((e) => apiSecond(e.t));
}

describe('transcript: startup probe 30 × 2 s on an app that listens after 20 s (v1.37 kind and minikube)', () => {
  it.each(VERSIONS)('is 0/1 Running until its first success about 22 s in, then 1/1 Running, never restarted (%s) [5.4] [2.2] [5.6]', (version) => {
    const rows = simulatedRows(fixture(SLOW), version);
    // kind: `0/1 Running 0 4s`, `0/1 Running 0 22s`, `1/1 Running 0 25s` (the `started=false`/`true`
    // of each poll: the container's started flag)
    const kind = publishedRows(`startup-slow   0/1   Running   0     4s
startup-slow   0/1   Running   0     22s
startup-slow   1/1   Running   0     25s`);
    // polls repeat a row; the changes are what a watch would list
    expectSubsequence(kind.filter((r, i) => i === 0 || r.ready !== kind[i - 1]!.ready), rows);
    expect(rowAt(rows, 4)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    const ready = rows.find((r) => r.ready === '1/1')!;
    // the kind polls put the change after AGE 22 and by AGE 25 (< 26 s); the engine's at 22.0 s
    expect(ready.t).toBeGreaterThanOrEqual(22 - 1);
    expect(ready.t).toBeLessThan(26);
    // minikube's polls: 0/1 at AGE 10, 1/1 at AGE 30, 40 and 96
    expect(rowAt(rows, 10)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    for (const t of [30, 40]) expect(rowAt(rows, t)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(rows.filter((r) => r.restarts !== '0')).toEqual([]);
    const events = runScenario(withVersion(fixture(SLOW), version)).trace!.events;
    expect(events.filter((e) => e.type === 'container.kill')).toEqual([]);
    const started = events.find((e) => e.type === 'container.started')!;
    expect(started.t).toBeCloseTo(ready.t, 6);
  });
});

describe('transcript: startup probe 3 × 2 s on the same app: killed before it listens, SIGKILLed 30 s later (v1.37 kind and minikube)', () => {
  it.each(VERSIONS)('minikube\'s polls: Running 0 at 10 s and 30 s, `1 (4s ago)` at 40 s, `2 (24s ago)` at 96 s (%s) [4.4] [4.5] [8.5] [15.3]', (version) => {
    const rows = simulatedRows(fixture(SHORT), version);
    const exits = exitSeconds(SHORT, version);
    const published = publishedRows(`startup-fail-demo   0/1     Running   0          10s
startup-fail-demo   0/1     Running   0          30s
startup-fail-demo   0/1     Running   1 (4s ago)   40s
startup-fail-demo   0/1     Running   2 (24s ago)   96s`);
    const agos = [undefined, undefined, 4, 24];
    published.forEach((row, i) => {
      expect(rowAt(rows, row.t), `AGE ${row.t}`).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
      const ago = agos[i];
      // "(Xs ago)" is AGE minus the last run's whole-second end ([14.1])
      if (ago !== undefined) expect(Math.abs(row.t - exits[Number(row.restarts) - 1]! - ago), `AGE ${row.t}`).toBeLessThanOrEqual(1);
    });
  });

  it.each(VERSIONS)('kind\'s polls: `0/1 Running 0 38s`, `0/1 Running 1 (5s ago) 42s`, the first run ended by SIGKILL, 137 (Error) (%s) [8.5] [8.6] [15.3]', (version) => {
    const rows = simulatedRows(fixture(SHORT), version);
    const kind = publishedRows(`startup-too-short   0/1   Running   0     38s
startup-too-short   0/1   Running   1 (5s ago)   42s`);
    expectSubsequence(kind, rows);
    expect(agoOf('startup-too-short   0/1   Running   1 (5s ago)   42s')).toBe(5);
    // the first run's end: 42 − 5 = 37 s on the kind node; the engine's, within one probe period
    const exits = exitSeconds(SHORT, version);
    expect(Math.abs(exits[0]! - (42 - 5))).toBeLessThanOrEqual(2);
    const events = runScenario(withVersion(fixture(SHORT), version)).trace!.events;
    const exit = events.find((e) => e.type === 'container.exit')!;
    expect(exit).toMatchObject({ exitCode: 137 });
    const kill = events.find((e) => e.type === 'container.kill')!;
    const sigkill = events.find((e) => e.type === 'container.signal' && e.signal === 'SIGKILL')!;
    expect(sigkill.t - kill.t).toBeCloseTo(30, 6);
    // three failures 2 s apart from the first run: the kill 6 s after the pod's creation, within
    // the kind node's 7 s (37 − 30)
    expect(Math.abs(kill.t - (37 - 30))).toBeLessThanOrEqual(2);
    // never ready, never started
    expect(rows.filter((r) => r.ready !== '0/1')).toEqual([]);
    expect(events.filter((e) => e.type === 'container.started')).toEqual([]);
  });
});
