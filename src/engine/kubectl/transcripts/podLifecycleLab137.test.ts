// The same course lab on a 2-node minikube, Kubernetes v1.37.0 (client and server): Saptak
// Banerjee, SST DevOps & Cloud session 10, "Kubernetes Pods, ReplicaSets & Deployments" (the search
// index's file 70463606637). It adds 1.37 rows to the kind run of podLifecycleLab.test.ts: run at
// 1.37 and at 1.36 (same on-demand relist, [0.8]). Manifests (the course's files as printed in file
// 70080870275; the Recreate one rebuilt from the lines the README prints) and the rows used are in
// fixtures/minikube137-*.yaml.
// - 08-liveness: samples at 10, 26, 46 s with no restart, then `1 (5s ago)` at 66s; describe's
//   ages, read relative to the first start: two failed runs at +25 and +30 s, one kill at +30 s, the
//   restart at +60 s ([5.2] [5.4] [5.13] [4.4] [15.3]). The describe's messages were trimmed by the
//   author (no `spec.containers{app}: ` prefix), so only ages and counts are compared.
// - 05-crashloopbackoff: the watch's eleven rows in order; up to the first back-off each at its AGE
//   and "ago" within 1 s ([4.1] [4.5] [14.1]). The back-off restarts came at 19s and 51s where the
//   engine restarts at 17.4s and 40.6s (the kubelet's requeue is jittered ×U[1, 1.5), the engine
//   takes the earliest, [4.6]): the node's waits are checked against that range, not at 1 s.
// - Recreate: nginx, deleted by the rollout at AGE 27s, prints `1/1 Terminating` and `0/1 Completed`
//   in that same second: it exits 0 at once on its stop signal, the deleted pod is Succeeded, and
//   the printer keeps a terminal pod's STATUS from 1.31 ([8.3] [6.5] [14.4]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import { agoOf, expectDescribeAges, type DescribeRowCheck, publishedRows, restartCount, rowAt, simulatedRows, rowsWithLastRestart, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.36', '1.37'];


describe('transcript: 08-liveness on a 1.37 minikube', () => {
  const SCENARIO = fixture('minikube137-lifecycle-liveness.yaml');

  it.each(VERSIONS)('prints the four samples, the restart dated 60 s (%s) [4.4] [14.1]', (version) => {
    const lines = [
      'lifecycle-liveness   1/1     Running   0          10s',
      'lifecycle-liveness   1/1     Running   0          26s',
      'lifecycle-liveness   1/1     Running   0          46s',
      'lifecycle-liveness   1/1     Running   1 (5s ago)   66s',
    ];
    const text = withVersion(SCENARIO, version);
    const rows = simulatedRows(text);
    const withAgo = rowsWithLastRestart(text);
    for (const line of lines) {
      const [published] = publishedRows(line);
      expect(rowAt(rows, published!.t), line).toEqual({ ready: published!.ready, status: published!.status, restarts: published!.restarts });
      const ago = agoOf(line);
      if (ago !== undefined) {
        const ours = withAgo.filter((r) => r.t <= published!.t).at(-1)!;
        expect(Math.abs(published!.t - ours.lastRestartAt! - ago), `"ago" of ${line}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it.each(VERSIONS)('fails twice 25 and 30 s after the first start, kills once at 30 s and restarts at 60 s, as describe dates them (%s) [5.2] [5.4] [5.13] [15.3]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const starts = events.filter((e) => e.type === 'container.start').map((e) => apiSecond(e.t));
    // Published ages; `Pulled 5s (x2 over 65s)`: the first start is 65 s before the dump.
    const dumpAt = starts[0]! + 65;
    const upTo = (pick: (e: (typeof events)[number]) => boolean) => events.filter((e) => pick(e) && apiSecond(e.t) <= dumpAt).map((e) => apiSecond(e.t));
    const published: DescribeRowCheck[] = [
      // reason, ours, count, age of the last, age of the first
      ['Unhealthy', upTo((e) => e.type === 'probe.failed' && e.probe === 'liveness'), 2, 35, 40],
      ['Killing', upTo((e) => e.type === 'container.kill'), 1, 35, 35],
      ['Pulled/Created/Started', upTo((e) => e.type === 'container.start'), 2, 5, 65],
    ];
    expectDescribeAges(dumpAt, published);
  });
});

describe('transcript: 05-crashloopbackoff on a 1.37 minikube', () => {
  const SCENARIO = fixture('minikube137-lifecycle-crashloop.yaml');
  const watch = `
lifecycle-crashloop   0/1     ContainerCreating   0            0s
lifecycle-crashloop   1/1     Running             0            0s
lifecycle-crashloop   0/1     Error               0            4s
lifecycle-crashloop   1/1     Running             1 (1s ago)   4s
lifecycle-crashloop   0/1     Error               1 (5s ago)   8s
lifecycle-crashloop   0/1     CrashLoopBackOff    1 (12s ago)  19s
lifecycle-crashloop   1/1     Running             2 (12s ago)  19s
lifecycle-crashloop   0/1     Error               2 (16s ago)  23s
lifecycle-crashloop   0/1     CrashLoopBackOff    2 (29s ago)  51s
lifecycle-crashloop   1/1     Running             3 (29s ago)  51s
lifecycle-crashloop   0/1     Error               3 (33s ago)  55s`.trim().split('\n');
  const published = publishedRows(watch.join('\n'));
  const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${restartCount(r.restarts)}`;

  it.each(VERSIONS)('prints exactly the watch\'s rows in order, each CrashLoopBackOff just before its restart (%s) [4.1] [10.2] [14.1]', (version) => {
    const ours = rowsWithLastRestart(withVersion(SCENARIO, version));
    expect(ours.slice(0, published.length).map((r) => r.key)).toEqual(published.map(key));
    ours.slice(0, published.length).forEach((r, i) => {
      if (r.key.includes('CrashLoopBackOff')) expect(ours[i + 1]!.t - r.t, `row ${i + 1}`).toBeLessThan(1);
    });
  });

  it.each(VERSIONS)('prints the rows before the first back-off at their ages and "ago" within 1 s (%s) [4.5] [14.1]', (version) => {
    const ours = rowsWithLastRestart(withVersion(SCENARIO, version));
    const firstBackOff = published.findIndex((r) => r.status === 'CrashLoopBackOff');
    for (let i = 0; i < firstBackOff; i++) {
      expect(Math.abs(ours[i]!.t - published[i]!.t), `age of: ${watch[i]}`).toBeLessThanOrEqual(1);
      const ago = agoOf(watch[i]!);
      if (ago !== undefined) expect(Math.abs(published[i]!.t - ago - ours[i]!.lastRestartAt!), `"ago" of: ${watch[i]}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(VERSIONS)('waits, before each restart in back-off, between the back-off and 1.5 times it, as this node did (%s) [4.5] [4.6]', (version) => {
    const delays = runScenario(withVersion(SCENARIO, version)).trace!.events.flatMap((e) => (e.type === 'container.backoff' ? [e.delay] : []));
    // The node's waits: "ago" of each CrashLoopBackOff row (its AGE is the restart's): 12 s and 29 s.
    const waits = published.flatMap((r, i) => (r.status === 'CrashLoopBackOff' ? [agoOf(watch[i]!)!] : []));
    expect(waits).toHaveLength(2);
    waits.forEach((wait, n) => {
      expect(wait, `wait ${n + 1}`).toBeGreaterThanOrEqual(delays[n]! - 1);
      expect(wait, `wait ${n + 1}`).toBeLessThanOrEqual(1.5 * delays[n]! + 1);
    });
  });
});

describe('transcript: a Recreate rollout deletes nginx pods on a 1.37 minikube', () => {
  const SCENARIO = fixture('minikube137-app-recreate.yaml');
  const published = publishedRows(`
app-recreate-6c78cb55bb-h8wxk   1/1     Running       0          27s
app-recreate-6c78cb55bb-h8wxk   1/1     Terminating   0          27s
app-recreate-6c78cb55bb-h8wxk   0/1     Completed     0          27s`);

  it.each(VERSIONS)('prints `1/1 Terminating` and `0/1 Completed` in the second of the deletion (%s) [8.3] [6.5] [14.4]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    const from = ours.findIndex((r) => r.status === 'Running');
    expect(ours.slice(from).map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(published.map((r) => `${r.ready} ${r.status} ${r.restarts}`));
    ours.slice(from + 1).forEach((r, n) => expect(Math.abs(r.t - published[n + 1]!.t), `${r.ready} ${r.status}`).toBeLessThanOrEqual(1));
  });
});
