// A course lab's pods on a kind cluster, watched, sampled and described as they ran: Dhruv Yadav,
// SST DevOps session 10, "Task 2 - Pod Lifecycle" (the search index's file 70080870275, Tue 06 Oct
// 2026). No version is printed; the events are a 1.35+ kubelet's shown by a 1.35+ kubectl ([10.6]),
// so the pods run on 1.35, 1.36 and 1.37. The manifests and every published line used are in
// fixtures/lifecycle-lab-*.yaml. (Its startup, init and readiness pods are checked in
// src/state/trace/describeProbeLabTranscript.test.ts.)
// - 08-liveness: an exec liveness probe (period 5 s, failureThreshold 2) that fails from 20 s after
//   each start; the shell is PID 1 without a trap, so each kill ends in SIGKILL 30 s later (exit
//   137) and the container restarts in the same sync ([5.2] [5.4] [5.5] [5.13] [4.4] [4.5] [15.3]
//   [8.6]). Its rows, Last State and describe Events (Unhealthy x4, Killing x2, starts x2) agree.
// - 05-crashloopbackoff: exit 1 after 3 s under Always ([4.1] [4.5] [4.6] [10.2] [14.1]). The rows
//   agree in order, READY, STATUS and RESTARTS; their ages agree within 1 s up to the first
//   back-off. Each back-off restart came later on this node than in the engine (22 s and 55 s
//   against 17.4 s and 40.6 s): the kubelet requeues at the back-off's end times U[1, 1.5)
//   (wait.Jitter, [4.6]) and the engine takes the earliest, so those rows' ages, the later samples
//   (T+50s `2 (43s ago)`, T+90s `3 (66s ago)`, 108 s `3 (83s ago)`: the engine has one restart
//   more by then) and the describe counts are not compared at 1 s; the test checks the node's waits
//   lie inside the jitter's range instead.
// - 13-lifecycle-hooks: a delete whose preStop takes 3 s and whose two shells ignore SIGTERM: the
//   preStop starts at the deletion and the pod is gone when the 15 s grace is over, "delete
//   returned" 16 s after "delete started" ([8.3] [8.5] [15.3] [0.6]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import type { Trace } from '../../trace';
import { agoOf, expectDescribeAges, type DescribeRowCheck, publishedRows, restartCount, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];

interface KubectlRow { t: number; ready: string; status: string; restarts: string; lastRestartAt?: number }

/** The engine's `kubectl get pod` rows, RESTARTS as a bare count, with the second "(… ago)" counts from. */
function kubectlRows(trace: Trace): KubectlRow[] {
  return trace.events.flatMap((e) => (e.type === 'pod.kubectl'
    ? [{ t: e.t, ready: e.ready, status: e.status, restarts: restartCount(e.restarts), lastRestartAt: e.lastRestartAt }]
    : []));
}

/** The row showing at `t`. */
const rowAt = (rows: KubectlRow[], t: number) => rows.filter((r) => r.t <= t).at(-1);

/** Published watch lines without the author's host-clock prefix. */
const withoutClock = (text: string) => text.replace(/^\s*\d\d:\d\d:\d\d /gm, '');

describe('transcript: 08-liveness, an exec liveness probe that fails 20 s after each start (kind, 1.35+)', () => {
  const SCENARIO = fixture('lifecycle-lab-liveness.yaml');

  it.each(VERSIONS)('prints the watch row and the four samples: no restart until 60 s, then `1 (…ago)` dated 60 s (%s) [4.4] [14.1]', (version) => {
    const rows = kubectlRows(runScenario(withVersion(SCENARIO, version)).trace!);
    const samples = [
      'lifecycle-liveness          1/1     Running             0          1s',
      'lifecycle-liveness          1/1     Running            0             3s',
      'lifecycle-liveness          1/1     Running            0             15s',
      'lifecycle-liveness          1/1     Running            0             50s',
      'lifecycle-liveness          1/1     Running            1 (30s ago)   90s',
      'lifecycle-liveness   1/1     Running   1 (48s ago)   108s',
    ];
    for (const line of samples) {
      const [published] = publishedRows(line);
      const ours = rowAt(rows, published!.t);
      expect(ours && `${ours.ready} ${ours.status} ${ours.restarts}`, line).toBe(`${published!.ready} ${published!.status} ${published!.restarts}`);
      const ago = agoOf(line);
      if (ago !== undefined) expect(Math.abs(published!.t - ours!.lastRestartAt! - ago), `"ago" of ${line}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(VERSIONS)('ends the first run with exit 137 at 60 s and starts the next at once, as describe\'s Last State says (%s) [15.3] [8.6] [4.5]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    // Last State: Terminated, Error, Exit Code 137, Started 19:32:45, Finished 19:33:44; State:
    // Running, Started 19:33:44 (the pod created at 19:32:44).
    const exit = events.find((e) => e.type === 'container.exit');
    expect(exit).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(Math.abs(apiSecond(exit!.t) - 60)).toBeLessThanOrEqual(1);
    const starts = events.filter((e) => e.type === 'container.start').map((e) => apiSecond(e.t));
    expect(Math.abs(starts[0]! - 1)).toBeLessThanOrEqual(1);
    expect(Math.abs(starts[1]! - 60)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('counts what describe counted at 108 s: Unhealthy x4 over 83s, Killing x2 over 78s, two starts, each age within 1 s (%s) [5.2] [5.4] [5.13]', (version) => {
    const dumpAt = 108; // `Scheduled 108s`: the engine schedules at t = 0
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events.filter((e) => e.t <= dumpAt);
    const times = (pick: (e: (typeof events)[number]) => boolean) => events.filter(pick).map((e) => apiSecond(e.t));
    // Published: reason → [count, age of the last, age of the first].
    const published: DescribeRowCheck[] = [
      ['Unhealthy', times((e) => e.type === 'probe.failed' && e.probe === 'liveness'), 4, 18, 83],
      ['Killing', times((e) => e.type === 'container.kill' && e.reason === 'LivenessProbe'), 2, 18, 78],
      ['Pulled/Created', times((e) => e.type === 'container.start'), 2, 48, 108],
      ['Started', times((e) => e.type === 'container.start'), 2, 48, 107],
    ];
    expectDescribeAges(dumpAt, published);
  });
});

describe('transcript: 05-crashloopbackoff, exit 1 after 3 s under restartPolicy Always (kind, 1.35+)', () => {
  const SCENARIO = fixture('lifecycle-lab-crashloop.yaml');
  // The watch after its first line (`0/1 Pending 0s`: the API server's object before the kubelet's
  // first status, which the engine does not print).
  const watch = withoutClock(`
19:32:43 lifecycle-crashloop   0/1     ContainerCreating   0          0s
19:32:44 lifecycle-crashloop         1/1     Running             0          1s
19:32:48 lifecycle-crashloop         0/1     Error               0          5s
19:32:48 lifecycle-crashloop         1/1     Running             1 (1s ago)   5s
19:32:52 lifecycle-crashloop         0/1     Error               1 (5s ago)   9s
19:33:05 lifecycle-crashloop         0/1     CrashLoopBackOff    1 (14s ago)   22s
19:33:05 lifecycle-crashloop         1/1     Running             2 (14s ago)   22s
19:33:09 lifecycle-crashloop         0/1     Error               2 (18s ago)   26s
19:33:38 lifecycle-crashloop         0/1     CrashLoopBackOff    2 (30s ago)   55s
19:33:38 lifecycle-crashloop         1/1     Running             3 (30s ago)   55s
19:33:41 lifecycle-crashloop         0/1     Error               3 (33s ago)   58s`).trim().split('\n');
  const published = publishedRows(watch.join('\n'));
  const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${restartCount(r.restarts)}`;

  it.each(VERSIONS)('prints exactly the watch\'s rows, in order, and each CrashLoopBackOff only just before its restart (%s) [4.1] [10.2] [14.1]', (version) => {
    const ours = kubectlRows(runScenario(withVersion(SCENARIO, version)).trace!);
    expect(ours.slice(0, published.length).map(key)).toEqual(published.map(key));
    // Published: each CrashLoopBackOff and the Running after it in the same second.
    ours.slice(0, published.length).forEach((r, i) => {
      if (r.status === 'CrashLoopBackOff') expect(ours[i + 1]!.t - r.t, `row ${i + 1}`).toBeLessThan(1);
    });
  });

  it.each(VERSIONS)('prints the rows before the first back-off at their ages and "ago" within 1 s, and the T+15s sample (%s) [4.5] [14.1]', (version) => {
    const ours = kubectlRows(runScenario(withVersion(SCENARIO, version)).trace!);
    const firstBackOff = published.findIndex((r) => r.status === 'CrashLoopBackOff');
    for (let i = 0; i < firstBackOff; i++) {
      expect(Math.abs(ours[i]!.t - published[i]!.t), `age of: ${watch[i]}`).toBeLessThanOrEqual(1);
      const ago = agoOf(watch[i]!);
      if (ago !== undefined) expect(Math.abs(published[i]!.t - ago - ours[i]!.lastRestartAt!), `"ago" of: ${watch[i]}`).toBeLessThanOrEqual(1);
    }
    // T+15s: `lifecycle-crashloop  0/1  Error  1 (12s ago)  16s`
    const sample = rowAt(ours, 16)!;
    expect(key(sample)).toBe('0/1 Error 1');
    expect(Math.abs(16 - sample.lastRestartAt! - 12)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('waits, before each restart in back-off, between the back-off and 1.5 times it, as this node did (%s) [4.5] [4.6]', (version) => {
    const trace = runScenario(withVersion(SCENARIO, version)).trace!;
    const delays = trace.events.flatMap((e) => (e.type === 'container.backoff' ? [e.delay] : []));
    // The node's waits: from the run's end (AGE − "ago" of the CrashLoopBackOff row) to the restart
    // (its AGE): 22 − 8 = 14 s and 55 − 25 = 30 s, whole seconds both.
    const waits = published.flatMap((r, i) => (r.status === 'CrashLoopBackOff' ? [agoOf(watch[i]!)!] : []));
    expect(waits).toHaveLength(2);
    waits.forEach((wait, n) => {
      expect(wait, `wait ${n + 1}`).toBeGreaterThanOrEqual(delays[n]! - 1);
      expect(wait, `wait ${n + 1}`).toBeLessThanOrEqual(1.5 * delays[n]! + 1);
    });
  });
});

describe('transcript: 13-lifecycle-hooks, a 3 s preStop and two shells that ignore SIGTERM, deleted with a 15 s grace (kind, 1.35+)', () => {
  const SCENARIO = fixture('lifecycle-lab-hooks.yaml');

  it.each(VERSIONS)('runs the postStart with the main process, the preStop at the deletion, and removes the pod 16 s after it (%s) [3.3] [8.3] [8.5] [15.3]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const at = (pick: (e: (typeof events)[number]) => boolean) => events.find(pick)?.t;
    // "11:36:00 main process started", "11:36:00 postStart hook ran": the same second.
    const start = at((e) => e.type === 'container.start' && e.container === 'app')!;
    const postStart = at((e) => e.type === 'hook.start' && e.hook === 'postStart')!;
    expect(Math.abs(apiSecond(postStart) - apiSecond(start))).toBeLessThanOrEqual(1);
    // "delete started at 19:36:03", "11:36:03 preStop hook ran (draining)": the same second.
    const deleted = at((e) => e.type === 'pod.deleted')!;
    const preStop = at((e) => e.type === 'hook.start' && e.hook === 'preStop')!;
    expect(Math.abs(apiSecond(preStop) - apiSecond(deleted))).toBeLessThanOrEqual(1);
    // "delete returned at 19:36:19": `kubectl delete` waits until the pod is gone, 16 s (two
    // host-clock seconds, so within 1 s).
    const gone = at((e) => e.type === 'pod.gone')!;
    expect(Math.abs(gone - deleted - 16)).toBeLessThanOrEqual(1);
  });
});
