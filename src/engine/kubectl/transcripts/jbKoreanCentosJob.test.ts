// Korean notes "Kubernetes - Job" (search-index file 59131764263, no repository named), on a kubeadm
// cluster (k8s-master, k8s-worker1, k8s-worker2), 20 August 2026; the version is not printed. Three
// watches of centos:7 pods, manifests and published lines in fixtures/jb-kr-*.yaml:
// - jobpod: `kubectl run jobpod --image=centos:7 --command sleep 5` (restartPolicy Always): a
//   `Completed` crash loop whose `CrashLoopBackOff` rows come in the same second as the restart
//   they precede; that is the 1.35+ requeue at the back-off's end ([4.6]), so the timing is
//   checked at 1.35 (up to 1.34 the engine prints the second one 11 s before its restart; at 1.36+
//   the on-demand relist ([0.8]) prints `Running 1 (1s ago)` at 6 s where this watch has
//   `(2s ago)` at 7 s): the node was most likely a 1.35 one.
// - centos-job, completions 3, restartPolicy OnFailure: three pods one after the other, each
//   `Running` at 1 s and `Completed` 20 s later ([16.2]).
// - centos-job, activeDeadlineSeconds 10: the pod `1/1 Terminating` at 10 s ([13.4]).
// What is compared: READY, STATUS and RESTARTS count strictly, in order (the scheduler's `Pending`
// rows, before the kubelet's first status, left out; a line the watch repeats for another update
// of the object counted once); AGEs and "(… ago)" within 1 s, or between the engine's earliest and
// latest requeue (`requeueJitter` 0 and 1) for the crash loop's restarts.
// When the next pod of the completions-3 Job is created was a disagreement, fixed in session 31:
// the Job controller syncs a pod update after its batch period (syncJobBatchPeriod, 1 s: updatePod
// → enqueueSyncJobBatched, pkg/controller/job/job_controller.go), and the watch shows each next pod
// 1 to 3 s after the previous one's first `Completed` line; the engine created it at that instant.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRows, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/jb-kr-${name}.yaml`, import.meta.url), 'utf8');
const at = (name: string, version: string, jitter?: number) => {
  const text = withVersion(fixture(name), version);
  return jitter === undefined ? text : text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
};
const eventsOf = (name: string, version: string): TraceEvent[] => runScenario(at(name, version)).trace!.events;
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;
/** The watch's rows after the scheduler's `Pending`, consecutive repeats of one row counted once. */
const distinct = (rows: TimedRow[]) => rows.filter((r) => r.status !== 'Pending').filter((r, i, all) => i === 0 || key(r) !== key(all[i - 1]!));

describe('transcript: a Korean course, `kubectl run jobpod --image=centos:7 --command sleep 5`, restarted under Always (kubeadm, August 2026)', () => {
  const WATCH = `jobpod     0/1        Pending             0               0s
jobpod     0/1        Pending             0               0s
jobpod     0/1        ContainerCreating   0               0s
jobpod     1/1        Running             0               1s
jobpod     0/1        Completed           0               6s
jobpod     1/1        Running             1 (2s ago)      7s
jobpod     0/1        Completed           1 (7s ago)      12s
jobpod     0/1        CrashLoopBackOff    1 (12s ago)     23s
jobpod     1/1        Running             2 (12s ago)     23s
jobpod     0/1        Completed           2 (17s ago)     28s
jobpod     0/1        CrashLoopBackOff    2 (26s ago)     54s
jobpod     1/1        Running             3 (26s ago)     54s`;
  const LINES = WATCH.split('\n');
  const published = distinct(publishedRows(WATCH));

  it.each(['1.35', '1.36', '1.37'])('prints the published rows in order: a `Completed` run, an immediate restart, then `CrashLoopBackOff` before each later restart (%s) [4.1] [4.5] [10.2] [14.3]', (version) => {
    expect(published).toHaveLength(10);
    expectSubsequence(published, simulatedRows(at('jobpod-always', version)));
  });

  it('prints the rows up to the second restart at their AGEs and "(… ago)", each within 1 s (1.35) [14.1] [4.5]', () => {
    const ours = simulatedRows(at('jobpod-always', '1.35'));
    const rows = runScenario(at('jobpod-always', '1.35')).trace!.events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl');
    const where = expectSubsequence(published, ours);
    // the rows before the back-off's requeue: Running 0 at 1 s, Completed 0 at 6 s, Running 1 at 7 s, Completed 1 at 12 s
    for (const i of [1, 2, 3, 4]) {
      expect(Math.abs(Math.floor(ours[where[i]!]!.t) - published[i]!.t), `${key(published[i]!)}`).toBeLessThanOrEqual(1);
    }
    // "(2s ago)" at 7 s and "(7s ago)" at 12 s: the first run's end, in second 5
    for (const line of LINES.filter((l) => / 1 \(/.test(l) && !l.includes('CrashLoopBackOff'))) {
      const row = rows.find((r) => key(r) === key(publishedRows(line)[0]!))!;
      expect(Math.abs(agoOf(row.restarts)! - agoOf(line)!), line).toBeLessThanOrEqual(1);
    }
  });

  // Published: `CrashLoopBackOff 1` and `Running 2` both at 23 s, `CrashLoopBackOff 2` and `Running 3`
  // both at 54 s. From 1.35 the sync that ends a back-off writes the reason its predecessor
  // recorded ([10.2]) and starts the container: the two rows about a second apart at most. The restarts
  // themselves fall between the engine's earliest and latest requeue.
  it('prints each `CrashLoopBackOff` within a relist of the restart it precedes, and each restart between the earliest and latest requeue (1.35) [4.6] [10.2]', () => {
    const timesOf = (jitter: number) => {
      const rows = simulatedRows(at('jobpod-always', '1.35', jitter));
      const t = (k: string) => rows.find((r) => key(r) === k)!.t;
      return { clbo: [t('0/1 CrashLoopBackOff 1'), t('0/1 CrashLoopBackOff 2')], running: [t('1/1 Running 2'), t('1/1 Running 3')] };
    };
    const low = timesOf(0);
    const high = timesOf(1);
    // the restart's `Running` is written at the relist after the start, up to a second after it
    // (the engine's relists fall on whole seconds, the node's anywhere): within 1.5 s
    for (const times of [low, high]) times.running.forEach((t, i) => expect(t - times.clbo[i]!).toBeLessThanOrEqual(1.5));
    const publishedRestarts = [
      23,
      54,
    ];
    publishedRestarts.forEach((t, i) => {
      expect(t, `restart ${i + 2}: at least the earliest`).toBeGreaterThanOrEqual(Math.floor(low.running[i]!) - 1);
      expect(t, `restart ${i + 2}: at most the latest`).toBeLessThanOrEqual(Math.floor(high.running[i]!) + 1);
    });
  });
});

describe('transcript: a Korean course, centos-job with completions 3, restartPolicy OnFailure (kubeadm, August 2026)', () => {
  const PODS = [
    `centos-job-v649p   0/1   Pending   0   0s
centos-job-v649p   0/1   Pending   0   0s
centos-job-v649p   0/1   ContainerCreating   0   0s
centos-job-v649p   1/1   Running   0   1s
centos-job-v649p   0/1   Completed   0   20s
centos-job-v649p   0/1   Completed   0   21s
centos-job-v649p   0/1   Completed   0   22s`,
    `centos-job-5vvlh   0/1   Pending   0   0s
centos-job-5vvlh   0/1   Pending   0   0s
centos-job-5vvlh   0/1   ContainerCreating   0   0s
centos-job-5vvlh   1/1   Running   0   1s
centos-job-5vvlh   0/1   Completed   0   21s
centos-job-5vvlh   0/1   Completed   0   23s
centos-job-5vvlh   0/1   Completed   0   24s`,
    `centos-job-djh5p   0/1   Pending   0   0s
centos-job-djh5p   0/1   Pending   0   0s
centos-job-djh5p   0/1   ContainerCreating   0   0s
centos-job-djh5p   1/1   Running   0   1s
centos-job-djh5p   0/1   Completed   0   21s
centos-job-djh5p   0/1   Completed   0   22s
centos-job-djh5p   0/1   Completed   0   23s`,
  ];

  it.each(['1.31', '1.35', '1.37'])('runs three pods one after the other, each `ContainerCreating`, `1/1 Running`, `0/1 Completed`, then completes (%s) [16.2] [14.3]', (version) => {
    const events = eventsOf('centos-completions3', version);
    const pods = events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');
    expect(pods).toHaveLength(3);
    pods.forEach(({ pod, t: created }, i) => {
      const ours = events
        .filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl' && e.pod === pod)
        .map((e) => ({ t: e.t - created, ready: e.ready, status: e.status, restarts: e.restarts }));
      const published = distinct(publishedRows(PODS[i]!));
      expect(ours.map(key)).toEqual(published.map(key));
      if (version !== '1.35') return;
      // each row's AGE within 1 s (whole-second creationTimestamps and the relist's phase)
      published.forEach((row, n) => expect(Math.abs(Math.floor(ours[n]!.t) - row.t), `pod ${i + 1}: ${key(row)}`).toBeLessThanOrEqual(1));
    });
    expect(events.filter((e) => e.type === 'job.complete')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'container.start')).toHaveLength(3);
  });

  // Published: pod 2's first line comes between pod 1's `Completed 21s` and `22s` lines, pod 3's
  // between pod 2's `23s` and `24s`: a second or more after the pod's first `Completed`. updatePod
  // enqueues the Job after syncJobBatchPeriod (1 s, enqueueSyncJobBatched, job_controller.go) [16.2].
  it.each(['1.31', '1.35', '1.37'])('creates each next pod a batch period (1 s) after the previous pod\'s first `Completed` row, as the watch orders them (%s) [16.2]', (version) => {
    const events = eventsOf('centos-completions3', version);
    const pods = events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');
    for (const [i, next] of pods.slice(1).entries()) {
      const completed = events.find((e) => e.type === 'pod.kubectl' && e.pod === pods[i]!.pod && e.status === 'Completed')!;
      expect(next.t - completed.t, `pod ${i + 2}`).toBeCloseTo(1, 6);
    }
  });
});

describe('transcript: a Korean course, centos-job with activeDeadlineSeconds 10 on a 20 s bash script (kubeadm, August 2026)', () => {
  const WATCH = `centos-job-d8q4z   0/1   Pending   0   0s
centos-job-d8q4z   0/1   Pending   0   0s
centos-job-d8q4z   0/1   ContainerCreating   0   0s
centos-job-d8q4z   1/1   Running   0   1s
centos-job-d8q4z   1/1   Terminating   0   10s
centos-job-d8q4z   1/1   Terminating   0   10s
centos-job-d8q4z   1/1   Terminating   0   10s`;

  it.each(['1.31', '1.35', '1.37'])('prints `1/1 Terminating 0` at the deadline, 10 s, and fails the Job with DeadlineExceeded (%s) [13.4] [8.1] [14.3]', (version) => {
    const published = distinct(publishedRows(WATCH));
    const ours = simulatedRows(at('centos-deadline10', version));
    const where = expectSubsequence(published, ours);
    const terminating = ours[where.at(-1)!]!;
    expect(Math.abs(Math.floor(terminating.t) - published.at(-1)!.t)).toBeLessThanOrEqual(1);
    const events = eventsOf('centos-deadline10', version);
    expect(events.filter((e) => e.type === 'job.failed')).toEqual([expect.objectContaining({ reason: 'DeadlineExceeded' })]);
    // bash as PID 1 ignores SIGTERM: the pod is still Terminating, 1/1, well after the watch's last line
    expect(events.find((e) => e.type === 'container.exit')!.t).toBeGreaterThan(published.at(-1)!.t + 5);
  });
});
