// A published liveness-kill loop of a busybox script that removes its own health file, watched for
// 7.5 minutes until the restart back-off catches up, and its `kubectl describe pod` Events after the
// second kill: run through the engine and the describe panel's projection.
//
// Source: a "Day 57 – Resource Requests, Limits, and Probes" write-up, Task 4 (search-index file
// 71215186901, no repository named; its describe outputs are dated Fri, 09 Oct 2026), on a kind
// cluster (node `devops-cluster-control-plane`). The version is not printed: `spec.containers{busybox}:
// Container created` / `Container started` are a 1.35+ kubelet's words with a 1.35+ kubectl's prefix
// ([10.6]), so the test runs at 1.35, 1.36 and 1.37. Manifest: fixtures/lv-day57-liveness-pod.yaml
// (busybox:1.36, `/bin/sh -c` "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
// liveness exec `cat /tmp/healthy`, period 5 s, threshold 3; grace 30 s by default). Published:
//
//   Events:
//     Normal   Scheduled  2m1s                default-scheduler  Successfully assigned default/liveness-pod to devops-cluster-control-plane
//     Normal   Pulling    2m                  kubelet            spec.containers{busybox}: Pulling image "busybox:1.36"
//     Normal   Pulled     116s                kubelet            spec.containers{busybox}: Successfully pulled image "busybox:1.36" in 4.166s (4.166s including waiting). Image size: 2217006 bytes.
//     Normal   Created    45s (x2 over 116s)  kubelet            spec.containers{busybox}: Container created
//     Normal   Started    45s (x2 over 116s)  kubelet            spec.containers{busybox}: Container started
//     Normal   Pulled     45s                 kubelet            spec.containers{busybox}: Container image "busybox:1.36" already present on machine and can be accessed by the pod
//     Warning  Unhealthy  1s (x6 over 86s)    kubelet            spec.containers{busybox}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//     Normal   Killing    1s (x2 over 76s)    kubelet            spec.containers{busybox}: Container busybox failed liveness probe, will be restarted
//
//   azureuser@Tws-lab:~$ kubectl get pod -w
//   NAME           READY   STATUS    RESTARTS   AGE
//   liveness-pod   1/1     Running   0          72s
//   liveness-pod   1/1     Running   1 (1s ago)   76s
//   liveness-pod   1/1     Running   2 (1s ago)   2m31s
//   liveness-pod   1/1     Running   3 (1s ago)   3m46s
//   liveness-pod   1/1     Running   4 (1s ago)   5m1s
//   liveness-pod   1/1     Running   5 (1s ago)   6m16s
//   liveness-pod   0/1     CrashLoopBackOff   5 (1s ago)   7m31s
//
// (The describe is listed before the watch in the write-up but its ages, the second Killing 120 s
// after scheduling, place it at 2m1s, during the watch; the watch's first row is its initial listing.)
// Compared: every watch row in order as a subsequence of ours (READY, STATUS, RESTARTS strictly), each
// printed row within 1.5 s of its AGE and its AGE minus "ago" (the run's finishedAt second) within
// 1 s; every kubelet Events row with the listing at 121 s (Scheduled 2m1s; the engine schedules at
// 0): reason, type, count and message exactly (the Unhealthy row's probe output too: the engine reads
// busybox cat's words from the script, [15.4]), ages within 1 s. Rules: [5.4] [5.5] three failed runs 5 s apart kill the
// container 10 s after the `rm`, [5.13] one Unhealthy per failed run, [15.3] `sh` as PID 1 drops
// SIGTERM: SIGKILL 30 s after each kill (exit 137), [4.4] the kill and the restart in one sync,
// [4.5] each restart is decided in the kill's sync, whose status still shows the killed run
// running, so doBackOff reads the run before it, which ended 75 s earlier: the first restart finds
// no exited run (no back-off yet); the second starts the back-off at 10 s, and each later one, 75 s
// after that run, passes and doubles it (20, 40, 80 s); the sixth meets 80 s > 75 s and waits:
// `CrashLoopBackOff 5` at 7m31s. [10.6] the 1.35+ wording.
// Inputs, not checks: the first pull's time and the image size (published), the image present at
// the restarts (published), and each run's failing window, from its `rm` (30 s after the engine's
// start of that run) to past its kill.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { agoOf, expectSubsequence, publishedRows, columnsWithLastRestart, rowAt, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/lv-day57-liveness-pod.yaml', import.meta.url), 'utf8');
const POD = 'liveness-pod';
const VERSIONS = ['1.35', '1.36', '1.37'];
const LISTING_AT = 2 * 60 + 1; // Scheduled 2m1s

const WATCH_LINES = `
liveness-pod   1/1     Running   0          72s
liveness-pod   1/1     Running   1 (1s ago)   76s
liveness-pod   1/1     Running   2 (1s ago)   2m31s
liveness-pod   1/1     Running   3 (1s ago)   3m46s
liveness-pod   1/1     Running   4 (1s ago)   5m1s
liveness-pod   1/1     Running   5 (1s ago)   6m16s
liveness-pod   0/1     CrashLoopBackOff   5 (1s ago)   7m31s`.trim().split('\n');

const EVENTS = `
  Normal   Pulling    2m                  kubelet            spec.containers{busybox}: Pulling image "busybox:1.36"
  Normal   Pulled     116s                kubelet            spec.containers{busybox}: Successfully pulled image "busybox:1.36" in 4.166s (4.166s including waiting). Image size: 2217006 bytes.
  Normal   Created    45s (x2 over 116s)  kubelet            spec.containers{busybox}: Container created
  Normal   Started    45s (x2 over 116s)  kubelet            spec.containers{busybox}: Container started
  Normal   Pulled     45s                 kubelet            spec.containers{busybox}: Container image "busybox:1.36" already present on machine and can be accessed by the pod
  Warning  Unhealthy  1s (x6 over 86s)    kubelet            spec.containers{busybox}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
  Normal   Killing    1s (x2 over 76s)    kubelet            spec.containers{busybox}: Container busybox failed liveness probe, will be restarted`
  .trim().split('\n').map(publishedEvent);

/** The scenario at a version: the probe's failures come from the script's own `rm` ([15.4]), nothing is injected. */
const scenario = (version: string): string => withVersion(FIXTURE, version);

describe('transcript: Day 57 liveness-pod on kind (1.35+), killed every 75 s until the back-off catches up', () => {
  it.each(VERSIONS)('watch: `1/1 Running N (1s ago)` at 76s, 2m31s, 3m46s, 5m1s, 6m16s, then `0/1 CrashLoopBackOff 5 (1s ago)` at 7m31s, each within 1.5 s (%s) [4.4] [4.5] [15.3] [14.1]', (version) => {
    const text = scenario(version);
    const published = publishedRows(WATCH_LINES.join('\n'));
    const ours = columnsWithLastRestart(text);
    // the first row is the watch's initial listing at 72 s
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    const from = ours.findLastIndex((r) => r.t <= published[0]!.t);
    const watched = ours.slice(from);
    const at = expectSubsequence(published, watched);
    at.slice(1).forEach((i, n) => {
      const row = watched[i]!;
      const p = published[n + 1]!;
      expect(Math.abs(row.t - p.t), `${p.restarts} at ${p.t}`).toBeLessThanOrEqual(1.5);
      expect(Math.abs(row.lastRestartAt! - (p.t - agoOf(WATCH_LINES[n + 1]!)!)), `${p.restarts}: ago`).toBeLessThanOrEqual(1);
    });
  });

  it.each(VERSIONS)('each run killed 10 s after its `rm` and SIGKILLed 30 s later (137); no back-off at the first five restarts, 80 s at the sixth (%s) [5.5] [15.3] [4.5]', (version) => {
    const events = runScenario(scenario(version)).trace!.events;
    const kills = events.filter((e) => e.type === 'container.kill').map((e) => e.t);
    const exits = events.flatMap((e) => (e.type === 'container.exit' ? [e] : []));
    expect(kills.length).toBeGreaterThanOrEqual(6);
    exits.slice(0, 6).forEach((exit, n) => {
      expect(exit.exitCode).toBe(137);
      expect(exit.t - kills[n]!).toBeCloseTo(30, 5);
    });
    // the published finishedAt seconds (AGE minus "ago"): 75, 150, 225, 300, 375, 450
    expect(exits.slice(0, 6).map((e) => apiSecond(e.t))).toEqual([75, 150, 225, 300, 375, 450]);
    const backoffs = events.flatMap((e) => (e.type === 'container.backoff' ? [e] : []));
    expect(backoffs.length).toBeGreaterThanOrEqual(1);
    expect(backoffs[0]!.t).toBeGreaterThanOrEqual(exits[5]!.t);
    expect(backoffs[0]!.delay).toBe(80);
  });

  it.each(VERSIONS)('describe at 2m1s: every kubelet row\'s reason, count and message as published, ages within 1 s (%s) [5.13] [4.4] [10.6]', (version) => {
    const trace = runScenario(scenario(version)).trace!;
    const rows = describeEvents(trace, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    for (const p of EVENTS) expectPublishedEvent(rows, p, LISTING_AT); // the Unhealthy row with busybox cat's words ([15.4])
    expect(rows).toHaveLength(EVENTS.length);
  });
});

// Task 6 of the same write-up: the startup-pod (`sleep 20; touch /tmp/started; …; sleep 3600`,
// startup and liveness probes `cat /tmp/started`, period 5 s), run with `failureThreshold: 2` to
// answer the write-up's question "What would happen if failureThreshold were 2 instead of 12?"; the
// manifest it prints says 12, so the threshold is reconstructed (fixtures/lv-day57-startup-threshold2.yaml).
// Published, verbatim (the describe cut by the write-up; its first line begins mid-row):
//
//   …  spec.containers{busybox}: Successfully pulled image "busybox:latest" in 1.329s (1.33s including waiting). Image size: 2236767 bytes.
//     Warning  Unhealthy  14s (x4 over 59s)  kubelet            spec.containers{busybox}: Startup probe failed: cat: can't open '/tmp/started': No such file or directory
//     Normal   Killing    14s (x2 over 54s)  kubelet            spec.containers{busybox}: Container busybox failed startup probe, will be restarted
//
//   azureuser@Tws-lab:~$ kubectl get po -w -o wide
//   startup-pod   0/1     Running   0          3s    10.244.0.11   devops-cluster-control-plane   <none>           <none>
//   startup-pod   0/1     Running   1 (1s ago)   42s   10.244.0.11   devops-cluster-control-plane   <none>           <none>
//   startup-pod   0/1     Running   2 (1s ago)   82s   10.244.0.11   devops-cluster-control-plane   <none>           <none>
//
// Compared: the rows in order (strictly), each within 1.5 s of its AGE, AGE minus "ago" (the exit's
// second: 41, 81) within 1 s; the describe's Unhealthy and Killing rows' counts, messages (the probe's
// output included) and spacing (the listing's time is not published, so it is placed 14 s after the
// engine's last kill and the first occurrences' ages are checked: 59 s and 54 s). Rules: [5.4] [5.5]
// two failed startup runs 5 s apart kill the container, [15.3] `sh` drops SIGTERM: SIGKILL 30 s
// later, [4.5] no back-off at these restarts, [5.13], [10.6] the 1.35+ wording.
const STARTUP = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/lv-day57-startup-threshold2.yaml', import.meta.url), 'utf8');
const STARTUP_WATCH = [
  'startup-pod   0/1     Running   0          3s',
  'startup-pod   0/1     Running   1 (1s ago)   42s',
  'startup-pod   0/1     Running   2 (1s ago)   82s',
];
const STARTUP_EVENTS = [
  '  Warning  Unhealthy  14s (x4 over 59s)  kubelet            spec.containers{busybox}: Startup probe failed: cat: can\'t open \'/tmp/started\': No such file or directory',
  '  Normal   Killing    14s (x2 over 54s)  kubelet            spec.containers{busybox}: Container busybox failed startup probe, will be restarted',
].map(publishedEvent);

describe('transcript: Day 57 startup-pod with failureThreshold 2 (reconstructed), killed every 40 s (1.35+)', () => {
  it.each(VERSIONS)('watch: `0/1 Running 0` 3s, `1 (1s ago)` 42s, `2 (1s ago)` 82s, each within 1.5 s (%s) [5.5] [15.3] [4.5] [14.1]', (version) => {
    const published = publishedRows(STARTUP_WATCH.join('\n'));
    const ours = columnsWithLastRestart(withVersion(STARTUP, version));
    const at = expectSubsequence(published, ours);
    at.forEach((i, n) => expect(Math.abs(ours[i]!.t - published[n]!.t), `row ${n}`).toBeLessThanOrEqual(1.5));
    at.slice(1).forEach((i, n) => expect(Math.abs(ours[i]!.lastRestartAt! - (published[n + 1]!.t - agoOf(STARTUP_WATCH[n + 1]!)!))).toBeLessThanOrEqual(1));
  });

  it.each(VERSIONS)('describe: Unhealthy x4 and Killing x2, the first 45 s and 40 s before the last, with the published messages (%s) [5.5] [5.13] [10.6]', (version) => {
    const trace = runScenario(withVersion(STARTUP, version)).trace!;
    const kills = trace.events.filter((e) => e.type === 'container.kill').map((e) => e.t);
    const now = apiSecond(kills[1]!) + 14; // the published Killing's age
    const rows = describeEvents(trace, now, 'startup-pod').filter((r) => r.from === 'kubelet');
    for (const p of STARTUP_EVENTS) {
      const row = rows.find((r) => r.reason === p.reason && r.message === p.message); // with busybox cat's words ([15.4])
      expect(row, `${p.reason} ${p.message}\nours: ${rows.map((r) => `${r.reason} x${r.count} ${r.message}`).join('\n')}`).toBeDefined();
      expect(row!.type).toBe(p.type);
      expect(row!.count).toBe(p.count);
      expect(now - apiSecond(row!.t)).toBe(p.age);
      expect(now - apiSecond(row!.first)).toBe(p.over);
    }
  });
});
