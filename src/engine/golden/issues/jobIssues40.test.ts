// Golden tests from kubernetes/kubernetes bug reports about the Job controller (session 40, helper
// "issues4"): backoffLimit and how failed pods and restarts count, the pod-creation back-off, a
// Job's activeDeadlineSeconds, each a scenario built from the report's own Job and run on every
// minor the engine simulates. Read through the library's issues index (descriptions and the
// comments it keeps). Controller code read: pkg/controller/job/job_controller.go
// pastBackoffLimitOnFailure (find_string excerpts of two stored copies, index ids 33249757 and
// 66920481658, the 1.3x shapes with FailureTarget; both sum the restartCount of
// initContainerStatuses and containerStatuses of pods Running or Pending, `>= backoffLimit`, `> 0`
// when it is 0) and backoff_utils.go (the one stored commit e0a566e7: newBackoffRecord adds every
// newly failed pod to failuresAfterLastSuccess, the delay is 10 s × 2^(n−1) capped at 6 min from
// the last failure's finish time). The back-off timings are asserted from 1.28: no 1.27 copy of
// the controller was read (the rulebook gives 1.27 the work queue's rate limiter, [16.3]).
//
// - kubernetes#92245 (2020-06, 1.18, "Job's backoffLimit not correct"): backoffLimit 6, `exit 1`,
//   Never; the Job failed after 5 failed pods. Since failed pods are tracked with finalizers the
//   Job fails when failed pods exceed backoffLimit: 7 pods, 7 failed, BackoffLimitExceeded, each
//   retry 10, 20, 40, 80, 160, 320 s after the previous pod's exit second ([16.3]).
// - kubernetes#60735 (2018-03, "specifying both parallelism and backoffLimit can lead to unexpected
//   results"): backoffLimit 3, parallelism 2, 7 pods were created. Now: two waves of 2 pods, the
//   second 20 s after the first wave's exit second (2 failures since the last success), and the
//   Job fails with 4 failed pods ([16.2] [16.3]).
// - kubernetes#70251 (2018-10, janetkuo, "Job's backoffLimit needs to take number of failed pods
//   into account"): backoffLimit 10, parallelism 10, `exit 1`: the Job failed after 64 failed pods
//   (the work queue's NumRequeues). Now the first wave's 10 failures count 10 (a back-off of
//   10 s × 2^9, capped at 6 min), the second wave of 10 pods is created once it ends, and the first
//   failure past 10 fails the Job: 20 pods, all failed, not 64 ([16.3]).
// - kubernetes#54870 (2017-10, 1.8, "Job backoffLimit does not cap pod restarts when restartPolicy:
//   OnFailure"; fixed by #58972, 1.10): backoffLimit 2, `exit 1`, OnFailure: the pod restarted for
//   ever. Now pastBackoffLimitOnFailure fails the Job once the restarts reach 2; the pod is deleted
//   and never replaced ([16.3]).
// - kubernetes#77644 (2019-05, "InitContainer exec failed when job-pod start, the Restartcount
//   can't used for backoffLimit"): OnFailure, backoffLimit 6, an init container that fails: the pod
//   stayed Pending for ever. pastBackoffLimitOnFailure now counts Pending pods and their
//   initContainerStatuses: the Job fails at 6 init restarts, the main container never starts. The
//   same sum holds a native sidecar's restarts ([16.3] [4.1]): under OnFailure a sidecar that
//   crashes every 5 s fails the Job while its main container is healthy; under Never the function
//   returns false at once and the Job completes.
// - kubernetes#58384 (2018-01, soltysh, "ProgressDeadlineSeconds for a job"; the reproduction of
//   kubernetes/enhancements#875): a Job with a mistyped image and backoffLimit 0 stays active with
//   its pod in ImagePullBackOff: a pull failure is no container exit, the pod never fails, so
//   neither backoffLimit nor a new pod ever comes ([16.3] [10.9]).
// - kubernetes#111948 (2022-08, 1.24, "Support active deadline in jobs since the time the pod
//   started", closed rotten): the Job's activeDeadlineSeconds counts from the Job's start even while
//   its pods are Pending; they "get deleted without even running". Asserted with a pod in
//   ImagePullBackOff: DeadlineExceeded at 60 s, the pod deleted, main never started ([13.4]); from
//   1.31 the Failed condition waits for the pod to be terminal (FailureTarget first), which a pod
//   that never ran is at once.
// - kubernetes#71993 (2018-12, 1.13, "Job and pod does not terminate even after exceeding
//   activeDeadlineSeconds", answered: the Job completed first): activeDeadlineSeconds 700 on a Job
//   whose pod succeeds in seconds: Complete, and no DeadlineExceeded ever follows ([13.4] [16.2]).
//
// Not expressible: the old controllers' numbers themselves (5, 7, 64 pods; restarts for ever), all
// before 1.27; a node taint (kubernetes#111948's Pending pods are unschedulable; the engine has one
// node and no scheduler, so a pull back-off stands in); status.failed of the Job object (the pods'
// phases are asserted instead).
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace, TraceEvent } from '../../trace';

const FROM_128 = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);
const SIDECAR_MINORS = FROM_128;

function run(job: string, v: KubeVersion, sim: string): Trace {
  const gates = v === '1.28' && job.includes('restartPolicy: Always') ? 'featureGates:\n  SidecarContainers: true\n' : '';
  const r = runScenario(`${job}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${gates}${sim}`);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const of = <T extends TraceEvent['type']>(t: Trace, type: T): Ev<T>[] => t.events.filter((e): e is Ev<T> => e.type === type);
const created = (t: Trace) => of(t, 'job.podCreated');
const failedPods = (t: Trace) => (t.pods ?? []).filter((p) => p.phase === 'Failed');
/** The exit time of the pod's first container exit. */
const exitOf = (t: Trace, pod: string) => of(t, 'container.exit').find((e) => e.pod === pod)!.t;
const starts = (t: Trace, container: string) => of(t, 'container.start').filter((e) => e.container === container);
/**
 * When the controller decided the Job failed: it deletes its one pod in that sync ([16.8]); the
 * Failed condition (`job.failed`) comes then up to 1.30, once the pod is terminal from 1.31.
 */
function decision(t: Trace): number {
  const deleted = of(t, 'pod.deleted').map((e) => e.t);
  expect(deleted).toHaveLength(1);
  expect(of(t, 'job.failed')[0]!.t).toBeGreaterThanOrEqual(deleted[0]!);
  return deleted[0]!;
}

const nonIndexed = (name: string, spec: string, rp: string, containers: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: ${rp}
${containers}`;

const EXIT1 = (name: string) => `      containers:
      - name: ${name}
        image: busybox
        command: ["/bin/sh", "-c", "exit 1"]`;

describe("kubernetes#92245: Job's backoffLimit not correct", () => {
  const job = nonIndexed('demo', '  completions: 1\n  parallelism: 1\n  backoffLimit: 6', 'Never', EXIT1('nginx'));

  it.each(SUPPORTED_VERSIONS)('backoffLimit 6: 7 pods, all Failed, then BackoffLimitExceeded after the 7th (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 20m\n');
    const pods = created(t);
    expect(pods).toHaveLength(7);
    expect(failedPods(t)).toHaveLength(7);
    const failed = of(t, 'job.failed');
    expect(failed.map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    expect(failed[0]!.t).toBeGreaterThan(exitOf(t, pods[6]!.pod));
  });

  it.each(FROM_128)('each retry waits 10 s × 2^(n−1) from the previous exit second: 10 … 320 s (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 20m\n');
    const pods = created(t);
    const waits = pods.slice(1).map((p, i) => p.t - Math.floor(exitOf(t, pods[i]!.pod)));
    expect(waits).toEqual(Array.of(10, 20, 40, 80, 160, 320));
  });
});

describe('kubernetes#60735: Jobs: specifying both parallelism and backoffLimit can lead to unexpected results', () => {
  const job = nonIndexed('backoff-fail', '  backoffLimit: 3\n  parallelism: 2', 'Never', EXIT1('fail'));

  it.each(SUPPORTED_VERSIONS)('backoffLimit 3, parallelism 2: two waves of 2 pods, the Job fails with 4 failed pods, not 7 (%s) [16.2] [16.3]', (v) => {
    const t = run(job, v, 'until: 10m\n');
    const times = created(t).map((e) => e.t);
    expect(times).toHaveLength(4);
    expect(times[0]).toBe(times[1]);
    expect(times[2]).toBe(times[3]);
    expect(failedPods(t)).toHaveLength(4);
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
  });

  it.each(FROM_128)('the second wave comes 20 s after the first wave exit second: two failures since the last success (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 10m\n');
    const pods = created(t);
    const lastExit = Math.max(exitOf(t, pods[0]!.pod), exitOf(t, pods[1]!.pod));
    expect(pods[2]!.t - Math.floor(lastExit)).toBe(20);
  });
});

describe("kubernetes#70251: Job's backoffLimit needs to take number of failed pods into account", () => {
  const job = nonIndexed('error', '  backoffLimit: 10\n  parallelism: 10', 'Never', `      containers:
        - name: job
          image: busybox
          args: ["/bin/sh", "-c", "exit 1"]`);

  it.each(SUPPORTED_VERSIONS)('backoffLimit 10, parallelism 10: 20 pods, all Failed, not 64; BackoffLimitExceeded once (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 20m\n');
    expect(created(t)).toHaveLength(20);
    expect(failedPods(t)).toHaveLength(20);
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
  });

  it.each(FROM_128)('the first wave 10 failures back off for the 6 min cap before the second wave (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 20m\n');
    const pods = created(t);
    expect(pods.slice(0, 10).every((p) => p.t === 0)).toBe(true);
    const lastExit = Math.max(...pods.slice(0, 10).map((p) => exitOf(t, p.pod)));
    expect(pods.slice(10).every((p) => p.t - Math.floor(lastExit) === 360)).toBe(true);
  });
});

describe('kubernetes#54870: Job backoffLimit does not cap pod restarts when restartPolicy: OnFailure', () => {
  const job = nonIndexed('failed-job', '  backoffLimit: 2', 'OnFailure', `      containers:
      - name: nginx
        image: nginx:1.7.9
        command: ["bash", "-c", "exit 1"]`);

  it.each(SUPPORTED_VERSIONS)('the Job fails once the restarts reach 2; its one pod is deleted and never replaced (%s) [16.3]', (v) => {
    const t = run(job, v, 'until: 10m\n');
    expect(created(t)).toHaveLength(1);
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    const decided = decision(t);
    expect(starts(t, 'nginx').filter((s) => s.t < decided)).toHaveLength(3); // the first run and 2 restarts
  });
});

describe("kubernetes#77644: InitContainer exec failed when job-pod start, the Restartcount can't used for backoffLimit", () => {
  const job = nonIndexed('pi-with-ttl2', '  backoffLimit: 6', 'OnFailure', `      containers:
      - name: container0
        image: ubuntu:latest
        imagePullPolicy: Never
        command: ["echo", "hello world"]
      initContainers:
      - name: container-1
        image: ubuntu
        command: ["/bin/bash", "-c", "exit 1"]`);

  it.each(SUPPORTED_VERSIONS)('a Pending pod whose init container restarted 6 times fails the Job; main never starts (%s) [16.3] [4.1]', (v) => {
    const t = run(job, v, 'until: 30m\n');
    expect(created(t)).toHaveLength(1);
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    const decided = decision(t);
    expect(starts(t, 'container-1').filter((s) => s.t < decided)).toHaveLength(7);
    expect(starts(t, 'container0')).toEqual([]);
    const phases = of(t, 'pod.phase').filter((e) => e.t < decided).map((e) => e.phase);
    expect(new Set(phases)).toEqual(new Set(['Pending']));
  });

  const sidecarJob = (rp: string) => nonIndexed('sc', '  backoffLimit: 2', rp, `      initContainers:
      - name: proxy
        image: busybox
        restartPolicy: Always
        command: ["sh", "-c", "sleep 5; exit 1"]
      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep 120"]`);

  it.each(SIDECAR_MINORS)('OnFailure: a native sidecar restarts count too; 2 of them fail the Job while main runs (%s) [16.3] [4.1]', (v) => {
    const t = run(sidecarJob('OnFailure'), v, 'until: 10m\n');
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    const decided = decision(t);
    expect(starts(t, 'proxy').filter((s) => s.t < decided)).toHaveLength(3);
    expect(of(t, 'container.exit').filter((e) => e.container === 'main' && e.t < decided)).toEqual([]);
    expect(of(t, 'job.complete')).toEqual([]);
  });

  it.each(SIDECAR_MINORS)('Never: the same sidecar restarts count for nothing, the Job completes (%s) [16.3] [8.1]', (v) => {
    const t = run(sidecarJob('Never'), v, 'until: 10m\n');
    expect(of(t, 'job.failed')).toEqual([]);
    expect(of(t, 'job.complete')).toHaveLength(1);
    expect(starts(t, 'proxy').length).toBeGreaterThan(3);
    expect(created(t)).toHaveLength(1);
  });
});

describe('kubernetes#58384: ProgressDeadlineSeconds for a job', () => {
  const job = nonIndexed('job-bad-image', '  backoffLimit: 0', 'Never', `      containers:
      - name: job-bag-image-container
        image: busyboxnotexisted
        command: ["echo"]
        args: ["hello", "world"]`);

  it.each(SUPPORTED_VERSIONS)('a mistyped image: the pod stays Pending in ImagePullBackOff, the Job neither fails nor retries (%s) [16.3] [10.9]', (v) => {
    const t = run(job, v, 'until: 30m\nevents:\n  - { at: 0s, container: job-bag-image-container, do: failPull, for: 60m }\n');
    expect(created(t)).toHaveLength(1);
    expect(of(t, 'job.failed')).toEqual([]);
    expect(of(t, 'job.complete')).toEqual([]);
    expect(of(t, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    expect(starts(t, 'job-bag-image-container')).toEqual([]);
    const rows = of(t, 'pod.kubectl').filter((e) => e.t > 25 * 60);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((e) => e.status === 'ImagePullBackOff' || e.status === 'ErrImagePull')).toBe(true);
  });
});

describe('kubernetes#111948: Support active deadline in jobs since the time the pod started', () => {
  const job = nonIndexed('deadline-pending', '  activeDeadlineSeconds: 60', 'Never', `      containers:
      - name: main
        image: busybox
        command: ["sh", "-c", "sleep 30"]`);

  it.each(SUPPORTED_VERSIONS)('a pod Pending since the start: DeadlineExceeded at 60 s, the pod deleted without running (%s) [13.4]', (v) => {
    const t = run(job, v, 'until: 10m\nevents:\n  - { at: 0s, container: main, do: failPull, for: 120s }\n');
    const failed = of(t, 'job.failed');
    expect(failed.map((e) => [e.t, e.reason])).toEqual([[60, 'DeadlineExceeded']]);
    expect(of(t, 'pod.deleted').map((e) => e.t)).toEqual([60]);
    expect(starts(t, 'main')).toEqual([]);
    expect(of(t, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Failed']);
    expect(created(t)).toHaveLength(1);
  });
});

describe('kubernetes#71993: Job and pod does not terminate even after exceeding activeDeadlineSeconds', () => {
  const job = nonIndexed('pi-with-timeout', '  backoffLimit: 5\n  activeDeadlineSeconds: 700', 'Never', `      containers:
      - name: pi
        image: perl
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]`);

  it.each(SUPPORTED_VERSIONS)('the Job completes long before its deadline, and the deadline never fails it afterwards (%s) [13.4] [16.2]', (v) => {
    const t = run(job, v, 'until: 20m\ncontainers:\n  pi: { exitAfter: 5s, exitCode: 0 }\n');
    const done = of(t, 'job.complete');
    expect(done).toHaveLength(1);
    expect(done[0]!.t).toBeLessThan(700);
    expect(of(t, 'job.failed')).toEqual([]);
    expect(t.end).toBeGreaterThan(700);
    expect((t.pods ?? []).map((p) => p.phase)).toEqual(['Succeeded']);
  });
});
