// Three pods of a "Day 57 – Resource Requests, Limits, and Probes" write-up (search-index file
// 69790717189, no repository named; a student's run on an EC2 host, ubuntu@ip-172-31-6-80, outputs
// dated Fri, 18 Sep 2026) on a kind cluster (node devops-cluster-control-plane). A new source: the
// Day 57 tests of lvDay57LivenessRestarts135.test.ts read another student's run (file 71215186901,
// Azure, October 2026). Version: not printed; the kubelet's `Container created` / `Container
// started` and kubectl's `spec.containers{x}: ` prefix are 1.35+ ([10.6]); the memory-stress watch's
// `1/1 Running 2` for a run OOM-killed within its first second needs the on-demand relist of 1.36+
// ([0.8]; at 1.35 the periodic relist sees the run already dead, and the engine prints no such row),
// so the watch is run at 1.36 and 1.37, the rest at 1.35-1.37. Manifests (rebuilt from the describes;
// the files are not printed): fixtures/pq-day57-ec2-*.yaml. Published, verbatim:
//
// memory-stress (polinux/stress, --vm-bytes 200M under a 100Mi limit):
//   memory-stress   0/1     CrashLoopBackOff   1 (7s ago)   10s
//   memory-stress   1/1     Running            2 (12s ago)   15s
//   memory-stress   0/1     OOMKilled          2 (13s ago)   16s
//   describe (Start Time 14:31:50): State Terminated OOMKilled 137, Started/Finished 14:32:30; Last
//   State OOMKilled 137, Started/Finished 14:32:05; Restart Count 3; Events:
//     Normal   Scheduled  49s               default-scheduler  Successfully assigned default/memory-stress to devops-cluster-control-plane
//     Normal   Pulled     47s               kubelet            spec.containers{stress}: Successfully pulled image "polinux/stress" in 1.521s (1.521s including waiting). Image size: 4041495 bytes.
//     Normal   Pulled     46s               kubelet            spec.containers{stress}: Successfully pulled image "polinux/stress" in 453ms (453ms including waiting). Image size: 4041495 bytes.
//     Normal   Pulling    9s (x4 over 49s)  kubelet            spec.containers{stress}: Pulling image "polinux/stress"
//     Normal   Created    9s (x4 over 47s)  kubelet            spec.containers{stress}: Container created
//     Normal   Started    9s (x4 over 47s)  kubelet            spec.containers{stress}: Container started
//     Normal   Pulled     9s (x2 over 34s)  kubelet            spec.containers{stress}: Successfully pulled image "polinux/stress" in 443ms (443ms including waiting). Image size: 4041495 bytes.
//     Warning  BackOff    8s (x4 over 45s)  kubelet            spec.containers{stress}: Back-off restarting failed container stress in pod memory-stress_default(fa2b1384-…)
//   and hours later: memory-stress   0/1     CrashLoopBackOff   56 (2m23s ago)   4h24m
//
// startup-demo (busybox:latest, `sleep 20; touch /tmp/started`, startup probe 5 s × 12):
//   startup-demo   1/1     Running   0          92s
//   Events (Scheduled 112s): Pulling 112s; Pulled 111s `in 460ms (460ms including waiting). Image
//   size: 2236931 bytes.`; Created 111s; Started 111s;
//     Warning  Unhealthy  92s (x4 over 107s)  kubelet            spec.containers{app}: Startup probe failed: cat: can't open '/tmp/started': No such file or directory
//
// liveness-demo (busybox:latest, `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 3600`,
// liveness exec period 5 s, threshold 3): `1/1 Running 0 9s`, `1/1 Running 1 (5s ago) 81s`,
// `1/1 Running 1 (13s ago) 89s`; describe (Start Time 16:14:01): Last State Error 137, Started
// 16:14:02, Finished 16:15:17; Restart Count 1; Events:
//     Normal   Scheduled  113s                default-scheduler  Successfully assigned default/liveness-demo to devops-cluster-control-plane
//     Normal   Pulled     112s                kubelet            spec.containers{busybox}: Successfully pulled image "busybox:latest" in 459ms (459ms including waiting). Image size: 2236931 bytes.
//     Normal   Killing    67s                 kubelet            spec.containers{busybox}: Container busybox failed liveness probe, will be restarted
//     Normal   Pulling    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Pulling image "busybox:latest"
//     Normal   Created    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Container created
//     Normal   Started    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Container started
//     Normal   Pulled     37s                 kubelet            spec.containers{busybox}: Successfully pulled image "busybox:latest" in 497ms (497ms including waiting). Image size: 2236931 bytes.
//     Warning  Unhealthy  2s (x4 over 77s)    kubelet            spec.containers{busybox}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//
// Rules: [4.5] [4.6] the back-off (immediate, 10 s, 20 s … capped at 300 s) and, from 1.35, the
// requeue at its end jittered × [1, 1.5) and capped at the resync; [0.8] [0.9] [10.2] [10.3] the
// rows (`OOMKilled` for a run the kernel killed, `CrashLoopBackOff` one relist after the refused
// start); [15.6] a registry check before every start under Always (untagged images); [5.3] [5.4]
// [5.5] [5.13] the probes (StartedAt's whole second, one Unhealthy per failed run, the third kills);
// [15.3] [8.6] `sh` as PID 1 drops SIGTERM: SIGKILL 30 s after the kill (137, Error); [4.4] the
// restart in the kill's sync; [10.6] the 1.35+ wording; [14.1] whole-second ages and "ago".
// Input versus checked: inputs are the pull and registry times and the image sizes (published), the
// OOM at each start, the scripts' file times (30 s, 20 s after each start) and the requeue draw
// (the node draws one per requeue, the engine one per scenario: restarts are checked between the
// earliest and latest draw, or at the stated draw). Checked: rows, counts, wording, ages within 1 s.
// Not compared: the three registry answers (453, 443, 443 ms) as three rows: the engine has one
// registry time, so its two rows are the first pull and `in 450ms` x3.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { agoOf, columnsWithLastRestart, expectSubsequence, matchSubsequence, publishedRows, rowAt, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');
const STRESS = fixture('pq-day57-ec2-memory-stress.yaml');
const STARTUP = fixture('pq-day57-ec2-startup-demo.yaml');
const LIVENESS = fixture('pq-day57-ec2-liveness-demo.yaml');
const VERSIONS = ['1.35', '1.36', '1.37'];

const startsOf = (text: string) => runScenario(text).trace!.events.filter((e) => e.type === 'container.start').map((e) => e.t);
const ms = (t: number) => Math.round(t * 1000) / 1000;

/** memory-stress with one OOM kill 0.1 s after each of the engine's first `runs` starts. */
function stress(version: string, jitter: number, runs = 5): string {
  let text = `${withVersion(STRESS, version).trimEnd()}\nrequeueJitter: ${jitter}\nevents:\n`;
  for (let n = 0; n < runs; n++) {
    const starts = startsOf(text);
    if (starts.length <= n) break;
    text += `  - { at: ${ms(starts[n]! + 0.1)}s, container: stress, do: oomKill }\n`;
  }
  return text;
}

/** liveness-demo: the probe fails from the script's `rm`, 30 s after each start, read from the script ([15.4]; nothing injected). */
const liveness = (version: string): string => withVersion(LIVENESS, version);

const STRESS_WATCH = `
memory-stress   0/1     CrashLoopBackOff   1 (7s ago)   10s
memory-stress   1/1     Running            2 (12s ago)   15s
memory-stress   0/1     OOMKilled          2 (13s ago)   16s`.trim();

const STRESS_DUMP = 49;
const STRESS_EVENTS = `
  Normal   Pulling    9s (x4 over 49s)  kubelet            spec.containers{stress}: Pulling image "polinux/stress"
  Normal   Created    9s (x4 over 47s)  kubelet            spec.containers{stress}: Container created
  Normal   Started    9s (x4 over 47s)  kubelet            spec.containers{stress}: Container started
  Warning  BackOff    8s (x4 over 45s)  kubelet            spec.containers{stress}: Back-off restarting failed container stress in pod memory-stress_default`
  .trim().split('\n').map(publishedEvent);

describe('transcript: Day 57 (EC2) memory-stress, OOM-killed at every start (kind, 1.36+)', () => {
  it.each(['1.36', '1.37'])('watch: `CrashLoopBackOff 1 (7s ago)` 10s, `1/1 Running 2 (12s ago)` 15s, `0/1 OOMKilled 2 (13s ago)` 16s, within 1.5 s at the earliest draw (%s) [0.8] [0.9] [10.2] [10.3] [14.1]', (version) => {
    const published = publishedRows(STRESS_WATCH);
    const lines = STRESS_WATCH.split('\n');
    for (const jitter of Array.of(0, 0.5, 1)) expectSubsequence(published, columnsWithLastRestart(stress(version, jitter)));
    // the third run's start is the one draw this watch shows: the node restarted at the back-off's
    // end (its describe: run 3 started 15 s after the pod), as the earliest draw does
    const ours = columnsWithLastRestart(stress(version, 0));
    const at = expectSubsequence(published, ours);
    // the first line is the watch's initial listing: the row showing at 10 s, printed earlier
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '1' });
    at.forEach((i, n) => {
      if (n > 0) expect(Math.abs(ours[i]!.t - published[n]!.t), lines[n]).toBeLessThanOrEqual(1.5);
      expect(ours[i]!.lastRestartAt, lines[n]).toBe(published[n]!.t - agoOf(lines[n]!)!);
    });
  });

  it('at 1.35 the same rows lack `1/1 Running 2`: the periodic relist sees the run dead (the node is 1.36+) [0.8]', () => {
    const published = publishedRows(STRESS_WATCH);
    const ours = columnsWithLastRestart(stress('1.35', 0));
    expect(matchSubsequence(published, ours)).toBeNull();
    expect(matchSubsequence(published.filter((r) => r.status !== 'Running'), ours)).not.toBeNull();
  });

  it.each(VERSIONS)('describe at 49 s: four runs (run 3 at 15 s, run 4 at 40 s: State and Last State), Pulling/Created/Started x4, BackOff x4, the pulls (%s) [4.5] [4.6] [4.9] [10.6] [15.6]', (version) => {
    // the fourth run's start (40 s) is the draw 0.35 of the 20 s back-off's requeue (15.9 s to
    // 35.1-49.5 s over the draws); run 3 stays within 1 s of 15 s at that draw
    const trace = runScenario(stress(version, 0.35)).trace!;
    const starts = trace.events.filter((e) => e.type === 'container.start').map((e) => apiSecond(e.t));
    expect(starts).toHaveLength(4);
    expect(Math.abs(starts[2]! - 15)).toBeLessThanOrEqual(1);
    expect(Math.abs(starts[3]! - 40)).toBeLessThanOrEqual(1);
    const exits = trace.events.filter((e) => e.type === 'container.exit');
    expect(exits.map((e) => (e.type === 'container.exit' ? [e.exitCode, e.reason] : []))).toEqual(Array(4).fill([137, 'OOMKilled']));
    const rows = describeEvents(trace, STRESS_DUMP, 'memory-stress').filter((r) => r.from === 'kubelet');
    for (const p of STRESS_EVENTS) {
      const message = p.reason === 'BackOff' ? rows.find((r) => r.reason === 'BackOff')?.message : undefined;
      if (message !== undefined) expect(message.startsWith(p.message)).toBe(true);
      expectPublishedEvent(rows, p, STRESS_DUMP, { message });
    }
    // the pulls: the first (1.521 s) at 47s, then a registry answer before each restart: 46s, 34s, 9s
    const pulled = rows.filter((r) => r.reason === 'Pulled');
    const first = pulled.find((r) => r.message.includes('in 1.521s (1.521s including waiting). Image size: 4041495 bytes.'))!;
    expect(first.count).toBe(1);
    expect(Math.abs(STRESS_DUMP - apiSecond(first.t) - 47)).toBeLessThanOrEqual(1);
    const checks = pulled.filter((r) => r !== first);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.count).toBe(1 + 2);
    expect(Math.abs(STRESS_DUMP - apiSecond(checks[0]!.first) - 46)).toBeLessThanOrEqual(1);
    expect(Math.abs(STRESS_DUMP - apiSecond(checks[0]!.t) - 9)).toBeLessThanOrEqual(1);
  });

  // `0/1 CrashLoopBackOff 56 (2m23s ago) 4h24m`: AGE in whole minutes, so the listing is within
  // [15840, 15900) s and the 57th run ended 143 s before it. Hours of 300 s back-offs, each ended by
  // a requeue the node draws afresh: the published count lies within the engine's over the draws.
  it.each(VERSIONS)('after 4h24m: restart count 56 lies within the engine\'s over the requeue draws, in CrashLoopBackOff (%s) [4.5] [4.6]', (version) => {
    // the OOM at each start given as an exit 137 0.1 s after it (the back-off does not read the
    // reason; 57 oomKill events would each need a run of their own)
    const long = (jitter: number) => withVersion(STRESS, version)
      .replace('until: 60s', `until: 15900s\nrequeueJitter: ${jitter}`)
      .replace('imageSize: 4041495 }', 'imageSize: 4041495, exitAfter: 0.1s, exitCode: 137 }');
    const counts = Array.of(0, 0.25, 0.5, 0.75, 1).map((jitter) => {
      const rows = columnsWithLastRestart(long(jitter));
      return Number(rowAt(rows, 15870)!.restarts);
    });
    expect(Math.min(...counts)).toBeLessThanOrEqual(56);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(56);
    // and 143 s after a run's end the pod waits in CrashLoopBackOff at every draw
    for (const jitter of Array.of(0, 0.5, 1)) {
      const rows = columnsWithLastRestart(long(jitter));
      const end = rows.filter((r) => r.status === 'Error' && r.t < 15700).at(-1)!;
      expect(rowAt(rows, end.t + 143)!.status).toBe('CrashLoopBackOff');
    }
  });
});

describe('transcript: Day 57 (EC2) startup-demo, a startup probe 5 s × 12 on a 20 s start (kind, 1.35+)', () => {
  it.each(VERSIONS)('describe at 112 s: Unhealthy `92s (x4 over 107s)`, the pull and start at 111s; `1/1 Running 0` at 92s (%s) [5.3] [5.4] [5.6] [5.13] [10.6]', (version) => {
    const text = withVersion(STARTUP, version); // the probe fails until the script's `touch`, read from it ([15.4])
    const trace = runScenario(text).trace!;
    const rows = describeEvents(trace, 112, 'startup-demo').filter((r) => r.from === 'kubelet');
    const events = `
  Normal   Pulling    112s                kubelet            spec.containers{app}: Pulling image "busybox:latest"
  Normal   Pulled     111s                kubelet            spec.containers{app}: Successfully pulled image "busybox:latest" in 460ms (460ms including waiting). Image size: 2236931 bytes.
  Normal   Created    111s                kubelet            spec.containers{app}: Container created
  Normal   Started    111s                kubelet            spec.containers{app}: Container started
  Warning  Unhealthy  92s (x4 over 107s)  kubelet            spec.containers{app}: Startup probe failed: cat: can't open '/tmp/started': No such file or directory`
      .trim().split('\n').map(publishedEvent);
    for (const p of events) expectPublishedEvent(rows, p, 112); // the Unhealthy row with busybox cat's words ([15.4])
    expect(rows).toHaveLength(events.length);
    const ours = columnsWithLastRestart(text);
    expect(rowAt(ours, 92)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(ours.filter((r) => r.restarts !== '0')).toEqual([]);
  });
});

describe('transcript: Day 57 (EC2) liveness-demo, a script that removes its health file after 30 s (kind, 1.35+)', () => {
  it.each(VERSIONS)('gets `1/1 Running 0` 9s, `1 (5s ago)` 81s, `1 (13s ago)` 89s; run 1 from 1 s to 76 s, exit 137 (%s) [5.4] [5.5] [15.3] [8.6] [4.4] [14.1]', (version) => {
    const text = liveness(version);
    const ours = columnsWithLastRestart(text);
    const lines = ['liveness-demo   1/1     Running   0          9s', 'liveness-demo   1/1     Running   1 (5s ago)   81s', 'liveness-demo   1/1     Running   1 (13s ago)   89s'];
    for (const line of lines) {
      const p = publishedRows(line)[0]!;
      expect(rowAt(ours, p.t), line).toEqual({ ready: p.ready, status: p.status, restarts: p.restarts.split(' ')[0] });
      const ago = agoOf(line);
      if (ago !== undefined) expect(Math.abs(ours.filter((r) => r.t <= p.t).at(-1)!.lastRestartAt! - (p.t - ago)), line).toBeLessThanOrEqual(1);
    }
    const trace = runScenario(text).trace!;
    const starts = trace.events.filter((e) => e.type === 'container.start').map((e) => apiSecond(e.t));
    const exit = trace.events.find((e) => e.type === 'container.exit')!;
    expect(Math.abs(starts[0]! - 1)).toBeLessThanOrEqual(1);
    expect(Math.abs(apiSecond(exit.t) - 76)).toBeLessThanOrEqual(1);
    expect(exit).toMatchObject({ exitCode: 137 });
    expect(Math.abs(starts[1]! - 76)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('describe at 113 s: every kubelet row, counts exact, ages within 1 s (%s) [5.13] [10.6] [15.6]', (version) => {
    const trace = runScenario(liveness(version)).trace!;
    const rows = describeEvents(trace, 113, 'liveness-demo').filter((r) => r.from === 'kubelet');
    const events = `
  Normal   Pulled     112s                kubelet            spec.containers{busybox}: Successfully pulled image "busybox:latest" in 459ms (459ms including waiting). Image size: 2236931 bytes.
  Normal   Killing    67s                 kubelet            spec.containers{busybox}: Container busybox failed liveness probe, will be restarted
  Normal   Pulling    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Pulling image "busybox:latest"
  Normal   Created    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Container created
  Normal   Started    37s (x2 over 112s)  kubelet            spec.containers{busybox}: Container started
  Normal   Pulled     37s                 kubelet            spec.containers{busybox}: Successfully pulled image "busybox:latest" in 497ms (497ms including waiting). Image size: 2236931 bytes.
  Warning  Unhealthy  2s (x4 over 77s)    kubelet            spec.containers{busybox}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory`
      .trim().split('\n').map(publishedEvent);
    for (const p of events) expectPublishedEvent(rows, p, 113); // the Unhealthy row with busybox cat's words ([15.4])
    expect(rows).toHaveLength(events.length);
  });
});
