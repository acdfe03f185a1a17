// A student's project log, "War Stories" #5 "The crash that nobody noticed" (2026-09-26;
// search-index file 70162724105, no repository named): a Spring Boot API's Deployment on kind,
// its memory limit cut to 40Mi, the new pod OOM-killed at every start, watched with
// `kubectl get pods -w`. Manifest (rebuilt from the log's words) and published lines in
// fixtures/pt-orderflow-oom-40mi.yaml. Server version not printed: 1.35+ by the third start (see
// the last test); run at 1.35, 1.36 and 1.37, whose back-off requeue ([4.6]) is the same.
// Rules exercised: [8.6] [10.3] an OOM kill (137, OOMKilled) shown as STATUS `OOMKilled`; [4.5]
// the first restart at once, then the 10 s back-off; [4.6] from 1.35 the requeue at the
// back-off's end, jittered; [0.2] [5.3] the liveness worker's tick that finds the container not
// running sets Failure, and that update is a sync, which writes the `CrashLoopBackOff` reason
// the refused sync recorded ([10.2]); [14.1] RESTARTS' "(… ago)" from the last termination.
// What is compared: the six rows' READY, STATUS and RESTARTS strictly, in order; which run each
// "(… ago)" dates (AGE minus "ago"); each row but the last at its AGE within 1 s at the mean
// requeue draw; and that a 1.34 kubelet cannot restart the third run by the published 18 s.
// The last row, `CrashLoopBackOff 2 (10s ago) 30s`, is the liveness worker's tick 10 s after the
// third run's end: worker.go run ticks every period whatever the initial delay, so that tick finds
// the container not running. Until session 40 the engine's worker, asleep until the third run's
// initial delay ended, could not be woken before it and wrote the row at 40 s (probeWorker.ts
// sleptFrom).
// The old ReplicaSet's two pods (`1/1 Running 0 8m22s`, `7m15s`) are not simulated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/pt-orderflow-oom-40mi.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];
const POD = 'orderflow-api-5d9cc7cf9b-9lvmf';
const PUBLISHED = `${POD}   0/1     Running            1 (3s ago)    5s
${POD}   0/1     OOMKilled          1 (4s ago)    6s
${POD}   0/1     CrashLoopBackOff   1 (5s ago)    10s
${POD}   0/1     Running            2 (13s ago)   18s
${POD}   0/1     OOMKilled          2 (16s ago)   21s
${POD}   0/1     CrashLoopBackOff   2 (10s ago)   30s`;
const LINES = PUBLISHED.split('\n');
const published = publishedRows(PUBLISHED);

type KubectlRow = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const eventsOf = (text: string): TraceEvent[] => runScenario(text).trace!.events;
const kubectlRows = (events: TraceEvent[]) => events.filter((e): e is KubectlRow => e.type === 'pod.kubectl');
const exits = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: War Stories #5, a Spring Boot pod OOM-killed under a 40Mi limit (kind, 1.35+)', () => {
  it.each(VERSIONS)('prints the six published rows in order, READY 0/1 on each: `Running 1` → `OOMKilled 1` → `CrashLoopBackOff 1` → `Running 2` → `OOMKilled 2` → `CrashLoopBackOff 2` (%s) [8.6] [10.3] [4.5] [10.2] [14.1]', (version) => {
    expectSubsequence(published, simulatedRows(withVersion(fixture, version)));
  });

  it.each(VERSIONS)('ends every run OOMKilled with 137 and dates each "(… ago)" from the run the published line dates (%s) [8.6] [14.1]', (version) => {
    const events = eventsOf(withVersion(fixture, version));
    const ended = exits(events);
    expect(ended.slice(0, 3).map((e) => [e.exitCode, e.reason])).toEqual([[137, 'OOMKilled'], [137, 'OOMKilled'], [137, 'OOMKilled']]);
    const rows = kubectlRows(events);
    const at = expectSubsequence(published, rows.map((r) => ({ ...r, restarts: r.restarts.split(' ')[0]! })));
    // published AGE − ago: the whole second each line's last termination ended (runs 1, 1, 2, 2, 2, 3)
    const RUN = [0, 0, 1, 1, 1, 2];
    LINES.forEach((line, i) => {
      const finished = Math.floor(ended[RUN[i]!]!.t);
      expect(published[i]!.t - agoOf(line)!, line).toBe(finished);
      const row = rows[at[i]!]!;
      const ago = /\((\d+)s ago\)/.exec(row.restarts)?.[1];
      expect(ago, line).toBeDefined();
      expect(Math.floor(row.t) - Number(ago), line).toBe(finished);
    });
  });

  it.each(VERSIONS)('prints the first five rows within a second of their AGE: the restart after the second kill comes 10 s × 1.25 after the refused sync, 13 s after the run\'s end (%s) [4.5] [4.6] [0.2] [5.3]', (version) => {
    const ours = simulatedRows(withVersion(fixture, version));
    // the watch's first line is its initial list: the row showing at AGE 5 s
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '0/1', status: 'Running', restarts: '1' });
    const at = expectSubsequence(published, ours);
    for (let i = 1; i < 5; i++) {
      expect(Math.abs(ours[at[i]!]!.t - published[i]!.t), LINES[i]).toBeLessThanOrEqual(1);
    }
    // `CrashLoopBackOff 1 (5s ago) 10s`: written by the sync the liveness worker's tick at 10 s
    // asks for (the container not running: Failure), 4.5 s after the run ended
    expect(ours[at[2]!]!.t).toBe(10);
  });

  it('cannot be a 1.34 kubelet: its back-off requeue (10-15 s after the refused sync, [4.6]) restarts the third run after 20 s even at the earliest draw, where the published `Running 2 (13s ago)` shows at 18 s [4.6]', () => {
    const text = withVersion(fixture, '1.34').replace('requeueJitter: 0.5', 'requeueJitter: 0').replace(/^ {2}- \{ at: 20\.2s.*\n/m, '');
    const rows = simulatedRows(text);
    const running2 = rows.find((r) => r.status === 'Running' && r.restarts === '2');
    expect(running2).toBeDefined();
    expect(running2!.t).toBeGreaterThan(published[3]!.t + 1);
    // and at 1.35 the same draw is on time
    const rows135 = simulatedRows(withVersion(fixture, '1.35').replace('requeueJitter: 0.5', 'requeueJitter: 0'));
    expect(rows135.find((r) => r.status === 'Running' && r.restarts === '2')!.t).toBeLessThanOrEqual(published[3]!.t);
  });

  it.each(VERSIONS)('prints `CrashLoopBackOff 2 (10s ago)` at 30 s: the liveness worker\'s tick 10 s after the third run\'s end finds it not running (worker.go run ticks every period, the initial delay only returns early), and that Failure\'s sync writes the reason (%s) [5.3] [0.2] [10.2] [14.1]', (version) => {
    const rows = simulatedRows(withVersion(fixture, version));
    const at = expectSubsequence(published, rows);
    const last = rows[at[5]!]!;
    expect(Math.abs(last.t - published[5]!.t), LINES[5]).toBeLessThanOrEqual(1);
    // and with "(10s ago)": the third run ended in second 20
    const events = runScenario(withVersion(fixture, version)).trace!.events;
    const row = events.filter((e) => e.type === 'pod.kubectl' && e.status === 'CrashLoopBackOff' && e.restarts.startsWith('2 '));
    expect(row[0]).toBeDefined();
    expect(row[0]!.type === 'pod.kubectl' && row[0]!.restarts).toBe('2 (10s ago)');
  });
});
