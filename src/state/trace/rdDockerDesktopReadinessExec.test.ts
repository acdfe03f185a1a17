// Two published `kubectl describe pod` Events listings of exec probes on a Docker Desktop node: a
// readiness probe that starts failing once the script removes its file (the container stays
// running, no restart), and the kubernetes.io liveness-exec pod killed and pulled again. Run
// through the engine and the describe panel's projection (describeEvents).
//
// Source: a French-language study repository's "Persistent Volume" notes, section "Setup Pod with
// startup, liveness, and readiness probes" (search-index file 16467414625; an earlier copy of the
// same text is file 16124149692; no repository named in the stored text). Node `docker-desktop`,
// June 2023 (its jsonpath output `{"running":{"startedAt":"2023-06-21T11:27:50Z"}}`). The server
// version is not printed: the kubelet's Pulled message has no "(… including waiting)" part, which
// 1.27 added ([10.6]), and `Created container X` is the wording up to 1.31, so the kubelet is
// older than 1.27; the behaviour compared has not changed since, so the test runs at 1.27, 1.31
// and 1.36 (the readiness pod at 1.27 and 1.31 only: from 1.32 the probe's phase moves, see
// READINESS_VERSIONS). Manifests not published (ex-readiness.yaml, ex-livesse.yaml): reconstructed from the
// kubernetes.io pages the notes follow (fixtures/rd-dd-readiness-exec.yaml,
// fixtures/rd-dd-liveness-exec.yaml: `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep
// 600`, exec `cat /tmp/healthy`, delay 5 s, period 5 s, failureThreshold 3 by default).
//
// Published, verbatim. readiness-exec, "check before 30 secondes":
//
//     Normal  Scheduled  23s   default-scheduler  Successfully assigned default/readiness-exec to docker-desktop
//     Normal  Pulling    23s   kubelet            Pulling image "localhost:5000/busybox"
//     Normal  Pulled     23s   kubelet            Successfully pulled image "localhost:5000/busybox" in 91.0959ms
//     Normal  Created    22s   kubelet            Created container readiness
//     Normal  Started    22s   kubelet            Started container readiness
//
// "And after 30 seconde":
//
//     Normal   Scheduled  52s               default-scheduler  Successfully assigned default/readiness-exec to docker-desktop
//     Normal   Pulling    51s               kubelet            Pulling image "localhost:5000/busybox"
//     Normal   Pulled     51s               kubelet            Successfully pulled image "localhost:5000/busybox" in 91.0959ms
//     Normal   Created    50s               kubelet            Created container readiness
//     Normal   Started    50s               kubelet            Started container readiness
//     Warning  Unhealthy  2s (x5 over 17s)  kubelet            Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//   then `kubectl get pods readiness-exec -o jsonpath='{.status.containerStatuses[0].ready}'` → false
//
// liveness-exec, "after 30 seconde":
//
//     Normal   Scheduled  89s                default-scheduler  Successfully assigned default/liveness-exec to docker-desktop
//     Normal   Pulled     88s                kubelet            Successfully pulled image "localhost:5000/busybox" in 72.9112ms
//     Warning  Unhealthy  44s (x3 over 54s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//     Normal   Killing    44s                kubelet            Container liveness failed liveness probe, will be restarted
//     Normal   Pulling    14s (x2 over 88s)  kubelet            Pulling image "localhost:5000/busybox"
//     Normal   Created    14s (x2 over 88s)  kubelet            Created container liveness
//     Normal   Started    14s (x2 over 88s)  kubelet            Started container liveness
//
// Compared, with each listing at its Scheduled age (the engine schedules at 0): the Unhealthy row's
// count strictly (x5: three failed runs 5 s apart turn the result to Failure, [5.4]; the result's
// change asks for a sync whose status triggers the readiness worker at once, [5.9], a fourth run
// at the same second as the third; then the next tick) and its two ages within 1 s; no Unhealthy
// in the first listing (the probe passes until the `rm`, [5.3] [5.6]); the container unready and
// never restarted ([5.5]). For liveness-exec: Unhealthy x3 and Killing, their ages, and Pulling,
// Created and Started x2 with their ages within 1 s ([5.4] [5.5] [5.13] [4.4]; `sh` as PID 1
// ignores SIGTERM, so the restart waits out the 30 s grace, [15.3]; a tagless image is pulled
// again, [15.6]), and the messages as 1.27-1.31 word them ([10.6]), the probe output included: the
// engine reads busybox cat's words and the file's removal from the script ([15.4]; no failure is injected).
// Not compared: the Pulled message (the pre-1.27 kubelet printed no "including waiting") and the
// readiness pod's Created/Started ages (50 s published, 52 s in the engine: the node took about
// 2 s from scheduling to the container's start, the engine 0.8 s; the probe ticks count from the
// worker's creation, so the Unhealthy ages do not move with it, [5.2]).
// Inputs, not checks: the two pull times (published), and each probe's failing window from 30 s
// after the engine's start of the container (the script's `rm`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');
const READINESS = fixture('rd-dd-readiness-exec.yaml');
const LIVENESS = fixture('rd-dd-liveness-exec.yaml');
const VERSIONS = ['1.27', '1.31', '1.36'];
/**
 * The readiness listing tells the probe's phase: up to 1.31 the ticks keep the worker's phase (5,
 * 10, …, 35 s), from 1.32 the manual run after the start resets the ticker ([5.2], #119089), so
 * the ticks fall at 2, 7, …, 32 s and the `rm` at 30.8 s is seen at 32 s: at 52 s that gives x6
 * over 20 s, not the published x5 over 17 s. The node is older than 1.27, so 1.27 and 1.31 only.
 */
const READINESS_VERSIONS = ['1.27', '1.31'];

const READINESS_EARLY_AT = 23; // Scheduled 23s
const READINESS_LATE_AT = 52; // Scheduled 52s
const READINESS_UNHEALTHY = publishedEvent(
  "  Warning  Unhealthy  2s (x5 over 17s)  kubelet            Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory");

const LIVENESS_AT = 89; // Scheduled 89s
const LIVENESS_EVENTS = `
  Warning  Unhealthy  44s (x3 over 54s)  kubelet            Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
  Normal   Killing    44s                kubelet            Container liveness failed liveness probe, will be restarted
  Normal   Pulling    14s (x2 over 88s)  kubelet            Pulling image "localhost:5000/busybox"
  Normal   Created    14s (x2 over 88s)  kubelet            Created container liveness
  Normal   Started    14s (x2 over 88s)  kubelet            Started container liveness`
  .trim().split('\n').map(publishedEvent);

/** The message without kubectl 1.35+'s prefix. */
const bare = (message: string) => message.replace(/^spec\.containers\{\w+\}: /, '');

describe('transcript: readiness-exec on Docker Desktop (before 1.27), unready after its file is removed', () => {
  it.each(READINESS_VERSIONS)('describe at 23s: the container started, no Unhealthy yet (%s) [5.3] [5.6]', (version) => {
    const trace = runScenario(withVersion(READINESS, version)).trace!;
    const rows = describeEvents(trace, READINESS_EARLY_AT, 'readiness-exec').filter((r) => r.from === 'kubelet');
    expect(rows.map((r) => r.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
  });

  it.each(READINESS_VERSIONS)('describe at 52s: `Unhealthy 2s (x5 over 17s)`, the fourth run triggered by the result\'s change, ages within 1 s (%s) [5.4] [5.9] [5.13]', (version) => {
    const trace = runScenario(withVersion(READINESS, version)).trace!;
    const rows = describeEvents(trace, READINESS_LATE_AT, 'readiness-exec').filter((r) => r.reason === 'Unhealthy');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const p = READINESS_UNHEALTHY;
    expect(row.type).toBe(p.type);
    expect(bare(row.message)).toBe(bare(p.message));
    expect(row.count).toBe(p.count);
    expect(Math.abs(READINESS_LATE_AT - apiSecond(row.t) - p.age), 'age').toBeLessThanOrEqual(1);
    expect(Math.abs(READINESS_LATE_AT - apiSecond(row.first) - p.over!), 'over').toBeLessThanOrEqual(1);
    // five failed runs in 15 s at a 5 s period: the third and fourth in the same second
    const failed = trace.events.filter((e) => e.type === 'probe.failed' && e.t <= READINESS_LATE_AT).map((e) => apiSecond(e.t));
    expect(failed).toHaveLength(5);
    expect(failed[3]).toBe(failed[2]);
    expect(failed[4]! - failed[0]!).toBe(15);
  });

  it.each(READINESS_VERSIONS)('the pod turns `0/1 Running 0` when the result changes and is never restarted (ready: false) (%s) [5.5] [5.6]', (version) => {
    const rows = simulatedRows(withVersion(READINESS, version));
    const last = rows.at(-1)!;
    expect({ ready: last.ready, status: last.status, restarts: last.restarts }).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    expect(rows.map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(['0/1 ContainerCreating 0', '0/1 Running 0', '1/1 Running 0', '0/1 Running 0']);
    const unready = rows.at(-1)!;
    const trace = runScenario(withVersion(READINESS, version)).trace!;
    const third = trace.events.filter((e) => e.type === 'probe.failed')[2]!;
    expect(Math.abs(unready.t - third.t)).toBeLessThanOrEqual(1);
  });
});

describe('transcript: liveness-exec on the same Docker Desktop node (before 1.27), killed and pulled again', () => {
  it.each(VERSIONS)('describe at 89s: Unhealthy x3, Killing, Pulling/Created/Started x2, counts exact, ages within 1 s (%s) [5.4] [5.13] [4.4] [15.3] [15.6] [10.6]', (version) => {
    const trace = runScenario(withVersion(LIVENESS, version)).trace!;
    const rows = describeEvents(trace, LIVENESS_AT, 'liveness-exec').filter((r) => r.from === 'kubelet');
    for (const p of LIVENESS_EVENTS) {
      const ours = rows.filter((r) => r.reason === p.reason);
      expect(ours, `${p.reason}\nours: ${rows.map((r) => `${r.reason} x${r.count} ${r.message}`).join('\n')}`).toHaveLength(1);
      const row = ours[0]!;
      expect(row.type).toBe(p.type);
      expect(row.count, p.reason).toBe(p.count);
      // 1.27-1.31 word Created/Started as published; 1.32+ as [10.6] says
      if (version !== '1.36') expect(bare(row.message), p.reason).toBe(bare(p.message));
      expect(Math.abs(LIVENESS_AT - apiSecond(row.t) - p.age), `${p.reason}: age`).toBeLessThanOrEqual(1);
      expect(Math.abs(LIVENESS_AT - apiSecond(row.first) - (p.over ?? p.age)), `${p.reason}: over`).toBeLessThanOrEqual(1);
    }
    const exits = trace.events.flatMap((e) => (e.type === 'container.exit' ? [e] : []));
    expect(exits[0]!.exitCode).toBe(137);
  });
});
