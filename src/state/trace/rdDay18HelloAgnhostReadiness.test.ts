// A published watch and `kubectl describe pod` of agnhost's liveness server behind a liveness probe
// and a readiness probe with a 15 s initial delay: the pod is never ready, killed every 18 s, and
// the describe stops counting at the events spam filter's burst. Run through the engine and the
// describe panel's projection (describeEvents).
//
// Source: a "Day 18" Kubernetes study note, "Sample2: liveness http and readiness http"
// (search-index file 3631967934, no repository named), on a kind cluster (node
// `lucky-luke-worker`). The version is not printed: `Image size: … bytes.` is 1.30+, `Created
// container liveness` up to 1.31, the short "already present on machine" before 1.35 ([10.6]): so
// 1.30 or 1.31, and the test runs at both. Manifest as published: fixtures/rd-day18-hello-agnhost.yaml
// (agnhost:2.40 `liveness`, liveness httpGet /healthz:8080 delay 3 s period 3 s, readiness on the
// same path delay 15 s period 10 s, failureThreshold 3 for both by default).
//
// Published, verbatim:
//
//   root@localhost:~# kubectl get pod --watch
//   NAME    READY   STATUS    RESTARTS   AGE
//   hello   0/1     Running   0          16s
//   hello   0/1     Running   1 (1s ago)   22s
//   hello   0/1     Running   2 (1s ago)   40s
//
//   Events:
//     Type     Reason     Age                 From               Message
//     ----     ------     ----                ----               -------
//     Normal   Scheduled  2m11s               default-scheduler  Successfully assigned default/hello to lucky-luke-worker
//     Normal   Pulling    2m11s               kubelet            Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.40"
//     Normal   Pulled     2m8s                kubelet            Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 3.022s (3.022s including waiting). Image size: 51155161 bytes.
//     Normal   Created    92s (x3 over 2m8s)  kubelet            Created container liveness
//     Normal   Started    92s (x3 over 2m7s)  kubelet            Started container liveness
//     Warning  Unhealthy  92s (x3 over 111s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500
//     Normal   Pulled     92s (x2 over 110s)  kubelet            Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine
//     Warning  Unhealthy  74s (x9 over 116s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500
//     Normal   Killing    74s (x3 over 110s)  kubelet            Container liveness failed liveness probe, will be restarted
//
// Compared: the watch rows in order as a subsequence of ours from 16 s (READY, STATUS, RESTARTS
// strictly), each within 1.5 s of its AGE, AGE minus "ago" (the run's finishedAt second: 21, 39)
// within 1 s; every kubelet Events row with the listing at 131 s (the Scheduled age; the engine
// schedules at 0): reason, type, message word for word, count exactly, both ages within 1 s, and
// no other row. Rules: [5.4] [5.5] three failed liveness runs 3 s apart, from agnhost's 500s 10 s
// after each start, kill the container 18 s after its start; [5.3] the readiness worker skips its
// runs for 15 s after each start, so no run ever passes (`0/1` throughout); its three failed runs
// are the tick at 20 s and two runs the kill syncs' statuses trigger ([5.9]: at 21 s and 39 s,
// each container 17-18 s old by then); [4.5] the first two restarts at once, the third too (the
// first run's exit 36 s before, past the 10 s back-off); [10.7] the kubelet's 25th event is the
// third Killing at 57 s: the spam filter drops everything after it (the fourth start, the
// BackOffs, their Unhealthy rows), which is why the listing at 131 s ends at 57 s while the pod
// kept restarting (the note's later watch shows it `CrashLoopBackOff 9` at 15m); up to 1.33 the
// filter's bucket is the pod's, all types together ([10.7]), which the count needs (from 1.34
// the Normal and Warning rows have a bucket each and the engine writes more); [10.6] the 1.30-1.31
// wording. The readiness row also dates the kubelet: from 1.32 the manual runs reset the probe's
// ticker ([5.2]), the tick at 20 s is gone and the row reads `74s (x3 over 110s)` (the engine at
// 1.33), where the published `92s (x3 over 111s)` is the 1.31-and-before phase.
// Inputs, not checks: the pull's time and the image size (published); the 500s from 10 s after the
// engine's start of each run (agnhost's liveness server: 200 for 10 s, then 500), one window per
// run; agnhost exiting at once on SIGTERM (exit 2).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { agoOf, expectSubsequence, publishedRows, columnsWithLastRestart, rowAt, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/rd-day18-hello-agnhost.yaml', import.meta.url), 'utf8');
const POD = 'hello';
const VERSIONS = ['1.30', '1.31'];
const LISTING_AT = 2 * 60 + 11; // Scheduled 2m11s

const WATCH_LINES = `
hello   0/1     Running   0          16s
hello   0/1     Running   1 (1s ago)   22s
hello   0/1     Running   2 (1s ago)   40s`.trim().split('\n');

const EVENTS = `
  Normal   Pulling    2m11s               kubelet            Pulling image "registry.k8s.io/e2e-test-images/agnhost:2.40"
  Normal   Pulled     2m8s                kubelet            Successfully pulled image "registry.k8s.io/e2e-test-images/agnhost:2.40" in 3.022s (3.022s including waiting). Image size: 51155161 bytes.
  Normal   Created    92s (x3 over 2m8s)  kubelet            Created container liveness
  Normal   Started    92s (x3 over 2m7s)  kubelet            Started container liveness
  Warning  Unhealthy  92s (x3 over 111s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500
  Normal   Pulled     92s (x2 over 110s)  kubelet            Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine
  Warning  Unhealthy  74s (x9 over 116s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500
  Normal   Killing    74s (x3 over 110s)  kubelet            Container liveness failed liveness probe, will be restarted`
  .trim().split('\n').map(publishedEvent);

/**
 * The scenario with agnhost's 500s: from 10 s after the engine's start of each run for 9 s, past
 * that run's kill (18 s after its start) and into the next run's initial delays, where no probe
 * runs. Each window depends on the start the previous one led to, so they are added one at a time.
 */
function scenario(version: string, runs: number): string {
  let text = `${withVersion(FIXTURE, version).trimEnd()}\nevents:\n`;
  for (let n = 0; n < runs; n++) {
    const starts = runScenario(text).trace!.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    if (starts.length <= n) break;
    const at = Math.round((starts[n]! + 10) * 1000) / 1000;
    text += `  - { at: ${at}s, container: liveness, do: failLiveness, for: 9s, statusCode: 500 }\n`;
    text += `  - { at: ${at}s, container: liveness, do: failReadiness, for: 9s, statusCode: 500 }\n`;
  }
  return text;
}

describe('transcript: Day 18 hello (agnhost liveness, readiness delay 15 s) on kind, 1.30-1.31', () => {
  it.each(VERSIONS)('watch: `0/1 Running 0` 16s, `1 (1s ago)` 22s, `2 (1s ago)` 40s, each within 1.5 s, never ready (%s) [5.3] [5.5] [4.5] [14.1]', (version) => {
    const text = scenario(version, 7);
    const published = publishedRows(WATCH_LINES.join('\n'));
    const ours = columnsWithLastRestart(text);
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    const watched = ours.slice(ours.findLastIndex((r) => r.t <= published[0]!.t));
    const at = expectSubsequence(published, watched);
    at.slice(1).forEach((i, n) => {
      const row = watched[i]!;
      const p = published[n + 1]!;
      expect(Math.abs(row.t - p.t), `${p.restarts} at ${p.t}`).toBeLessThanOrEqual(1.5);
      expect(Math.abs(row.lastRestartAt! - (p.t - agoOf(WATCH_LINES[n + 1]!)!)), `${p.restarts}: ago`).toBeLessThanOrEqual(1);
    });
    expect(ours.filter((r) => r.ready !== '0/1')).toEqual([]);
  });

  it.each(VERSIONS)('describe at 2m11s: every kubelet row as published, counts exact, ages within 1 s, nothing after the 25th event (%s) [5.3] [5.9] [5.13] [4.5] [10.6] [10.7]', (version) => {
    const trace = runScenario(scenario(version, 7)).trace!;
    const rows = describeEvents(trace, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    for (const p of EVENTS) {
      expectPublishedEvent(rows, p, LISTING_AT);
    }
    expect(rows).toHaveLength(EVENTS.length);
    // the pod kept restarting after the listing's last event: the filter, not the pod, stopped
    const starts = trace.events.filter((e) => e.type === 'container.start' && e.t <= LISTING_AT);
    expect(starts.length).toBeGreaterThan(3);
    // the readiness worker's three counted failed runs: the tick at 20 s and the first two kill
    // syncs' manual runs (the third kill's, at 57 s, comes after the 25th event and is dropped)
    const kills = trace.events.flatMap((e) => (e.type === 'container.kill' ? [e.t] : []));
    const readiness = trace.events.flatMap((e) => (e.type === 'probe.failed' && e.probe === 'readiness' && e.t < kills[2]! ? [e.t] : []));
    expect(readiness).toHaveLength(3);
    expect(readiness.slice(1)).toEqual(kills.slice(0, 2));
    expect(kills.slice(0, 3).map(apiSecond)).toEqual([21, 39, 57]);
  });

  // kubectl's order (describe.go DescribeEvents: sort.Sort by LastTimestamp over the list in the
  // order of the events' names, the first occurrence's time; describeEvents.ts kubectlOrder): the
  // four `92s` rows as published, in the order they were first seen (2m8s, 2m7s, 111s, 110s ago),
  // not in the order of their last writes (Unhealthy, Pulled, Created, Started).
  it.each(VERSIONS)('describe at 2m11s: the kubelet rows in the published order (ties by first occurrence) (%s) [10.7]', (version) => {
    const rows = describeEvents(runScenario(scenario(version, 7)).trace!, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    expect(rows.map((r) => `${r.reason} x${r.count} ${r.message}`)).toEqual(EVENTS.map((p) => `${p.reason} x${p.count} ${p.message}`));
  });
});
