// Golden tests from kubernetes bug reports about JOBS WHOSE PODS HAVE SIDECARS (session 42, helper
// "issues13"): a sidecar that keeps the Job from completing, the replacement of a deleted pod whose
// sidecar is still stopping, the Job's terminal condition while a sidecar holds the pod terminating,
// and the STATUS of a completed Job pod whose sidecar was SIGKILLed. Each is a scenario built from the
// report's own Job (or the docs' example it names) and run on every minor it applies to. Read through
// the library's issues index (descriptions and the comments it keeps). Controller code as the
// rulebook quotes it (section 16: manageJob, onlyReplaceFailedPods, isPodFailed, syncJob with
// delayTerminalCondition); kubelet sidecar termination as in [8.1c] [8.4].
//
// - kubernetes#73118 (2019-01, closed, "Jobs aren't Marked as Complete with Sidecars"; the long
//   feature request is kubernetes#25908, "Better support for sidecar containers in batch jobs",
//   closed by KEP-753's native sidecars): an Envoy proxy beside the Job's container keeps running
//   after the job's container exited 0, so the pod stays Running and the Job never completes. Still
//   so for a sidecar written as a regular container, at every minor ([6.2c] [16.2]). As a native
//   sidecar (an init container with restartPolicy Always; 1.28 with the SidecarContainers gate, on
//   by default from 1.29), the kubelet stops it once the main container is done, the pod is
//   Succeeded and the Job Complete ([8.1c] [6.3] [16.2]).
// - kubernetes#115844 (2023-02, triage/accepted, "Jobs create replacement Pods as soon as a Pod is
//   marked for deletion"; fixed by KEP-3939, #117015, podReplacementPolicy, alpha 1.28, beta and on
//   from 1.29): a deleted Job pod whose containers take their grace to stop (here a native sidecar
//   that ignores SIGTERM and a main `sleep` as PID 1, 30 s grace) is replaced while it still runs:
//   two pods at once. With `podReplacementPolicy: Failed` (1.29+) the replacement waits until the
//   old pod is Failed; at 1.28 the gate is off, the field dropped, and the replacement comes early
//   as before ([16.6] [16.3]).
// - kubernetes#123775 (2024-03, mimowo, "A Job might finish with ready!=0, terminating!=0"; fixed by
//   #125510, 1.31, "Delay setting terminal Job conditions until all pods are terminal"): a Job's
//   activeDeadlineSeconds deletes its pod, whose sidecar ignores SIGTERM: up to 1.30 the Failed
//   condition (DeadlineExceeded) is written at the deadline while the pod is still terminating;
//   from 1.31 only once the pod is Failed (FailureTarget first) ([13.4] [16.8]). The same report's
//   other half: a pod failure (main exits 1, backoffLimit 0) counts only once the pod is Failed,
//   i.e. once its sidecar has stopped (here SIGKILLed at the end of the 30 s grace), at every minor
//   (as kubernetes-sigs/jobset#928's timeline shows: FailureTarget after the sidecar's finishedAt).
// - kubernetes/kubectl#1739 (2025-04, server 1.30.11, "Pod shows as Completed when InitContainer is
//   terminated in Error"): the docs' "Jobs with sidecar containers" example with the sidecar's
//   command `sleep infinity` (PID 1, ignores SIGTERM): the sidecar is SIGKILLed (137, Error) when
//   the job's container is done, yet the pod is Succeeded and prints `Completed`; answered there as
//   intended ("exit codes different from 0 for sidecar containers are normal on Pod termination").
//   Asserted at every sidecar minor ([6.3] [14.1] [8.1c]).
//
// Not expressible: the Job object's status counters (ready, terminating, failed; the trace has the
// pods' phases and the job.* events instead), the FailureTarget condition itself (job.failed is the
// Failed condition), Istio's injection, CronJob schedules (a CronJob's Job is simulated as one pod).
// DISAGREEMENTS: none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import { at, events, first } from './issues.testkit';

const SIDECAR_MINORS = SUPPORTED_VERSIONS.filter((v) => minor(v) >= 28);
const gate = (v: KubeVersion) => (minor(v) === 28 ? 'featureGates:\n  SidecarContainers: true\n' : '');
const phaseAt = (t: ReturnType<typeof at>, pod: string, phase: string) =>
  events(t, 'pod.phase').find((e) => e.pod === pod && e.phase === phase)?.t;

const ENVOY = `
        - name: envoy
          image: envoyproxy/envoy:v1.29
          command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done']`;
const job73118 = (native: boolean) => `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
${native ? `      initContainers:${ENVOY}\n          restartPolicy: Always\n` : ''}      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', 'sleep 10; echo done']${native ? '' : ENVOY}`;

describe('kubernetes#73118: Jobs are not marked Complete with sidecars', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`${v}: a sidecar written as a regular container keeps the pod Running and the Job active for good`, () => {
      const t = at(job73118(false), 'until: 300s\n', v);
      expect(events(t, 'container.exit', 'main')).toMatchObject([{ exitCode: 0 }]);
      expect(events(t, 'container.exit', 'envoy')).toEqual([]);
      expect(events(t, 'container.signal', 'envoy')).toEqual([]);
      expect(events(t, 'job.complete')).toEqual([]);
      expect(events(t, 'job.podCreated')).toHaveLength(1);
      expect(t.pods!.map((p) => p.phase)).toEqual([undefined]);
      expect(events(t, 'pod.phase').at(-1)!.phase).toBe('Running');
    });
  }
  for (const v of SIDECAR_MINORS) {
    it(`${v}: as a native sidecar it is stopped once main is done; the pod is Succeeded and the Job Complete`, () => {
      const t = at(job73118(true), `${gate(v)}until: 300s\n`, v);
      const mainExit = first(t, 'container.exit', 'main');
      expect(first(t, 'container.signal', 'envoy')).toBeGreaterThanOrEqual(mainExit);
      expect(events(t, 'container.exit', 'envoy')).toMatchObject([{ exitCode: 0 }]);
      const pod = t.pods![0]!.name;
      const succeeded = phaseAt(t, pod, 'Succeeded')!;
      expect(succeeded).toBeGreaterThan(first(t, 'container.exit', 'envoy') - 1);
      expect(events(t, 'job.complete')).toHaveLength(1);
      expect(first(t, 'job.complete')).toBeGreaterThanOrEqual(succeeded);
      expect(events(t, 'job.podCreated')).toHaveLength(1);
    });
  }
});

/** A Job whose native sidecar ignores SIGTERM (SIGKILLed at the end of the 30 s grace). */
const slowJob = (spec: string, command: string) => `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 30
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.29
          restartPolicy: Always
      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', '${command}']`;
const SLOW_SIM = 'until: 200s\ncontainers:\n  proxy:\n    onStop: ignore\n';

describe('kubernetes#115844: Jobs create replacement Pods as soon as a Pod is marked for deletion', () => {
  const del = 'events:\n  - { at: 20s, do: deletePod }\n';
  for (const v of SIDECAR_MINORS) {
    it(`${v}: default podReplacementPolicy: the replacement runs while the deleted pod's sidecar is still stopping`, () => {
      const t = at(slowJob('  backoffLimit: 6', 'sleep 3600'), `${gate(v)}${SLOW_SIM}${del}`, v);
      const [old, repl] = events(t, 'job.podCreated').map((e) => e.pod);
      expect(repl).toBeDefined();
      expect(first(t, 'pod.deleted')).toBe(20);
      const oldFailed = phaseAt(t, old!, 'Failed')!;
      expect(events(t, 'container.exit', 'proxy').find((e) => e.pod === old)).toMatchObject({ exitCode: 137 });
      expect(oldFailed).toBeGreaterThanOrEqual(50);
      expect(phaseAt(t, repl!, 'Running')!).toBeLessThan(oldFailed); // two pods at once
    });
  }
  for (const v of SIDECAR_MINORS) {
    const honoured = minor(v) >= 29;
    it(`${v}: podReplacementPolicy Failed ${honoured ? 'waits for the deleted pod to be Failed' : 'is dropped (gate off): the replacement comes early'}`, () => {
      const t = at(slowJob('  backoffLimit: 6\n  podReplacementPolicy: Failed', 'sleep 3600'), `${gate(v)}${SLOW_SIM}${del}`, v);
      const created = events(t, 'job.podCreated');
      expect(created).toHaveLength(2);
      const oldFailed = phaseAt(t, created[0]!.pod, 'Failed')!;
      if (honoured) expect(created[1]!.t).toBeGreaterThanOrEqual(oldFailed);
      else expect(created[1]!.t).toBeLessThan(oldFailed);
    });
  }
});

describe('kubernetes#123775: a Job might finish with terminating pods (#125510 delays the terminal condition, 1.31)', () => {
  for (const v of SIDECAR_MINORS) {
    const delayed = minor(v) >= 31;
    it(`${v}: activeDeadlineSeconds with a sidecar that ignores SIGTERM: Failed (DeadlineExceeded) ${delayed ? 'once the pod is Failed' : 'at the deadline, the pod still terminating'}`, () => {
      const t = at(slowJob('  activeDeadlineSeconds: 20', 'sleep 3600'), `${gate(v)}${SLOW_SIM}`, v);
      const pod = t.pods![0]!.name;
      expect(events(t, 'pod.deleted')).toMatchObject([{ t: 20, gracePeriodSeconds: 30 }]);
      const podFailed = phaseAt(t, pod, 'Failed')!;
      expect(first(t, 'container.exit', 'proxy')).toBeGreaterThanOrEqual(50);
      expect(podFailed).toBeGreaterThanOrEqual(first(t, 'container.exit', 'proxy'));
      const failed = events(t, 'job.failed');
      expect(failed).toMatchObject([{ reason: 'DeadlineExceeded' }]);
      expect(failed[0]!.t).toBe(delayed ? podFailed + 1 : 20);
    });
  }
  for (const v of SIDECAR_MINORS) {
    it(`${v}: main exits 1 under backoffLimit 0: the failure counts only once the sidecar is SIGKILLed and the pod is Failed`, () => {
      const t = at(slowJob('  backoffLimit: 0', 'sleep 10; exit 1'), `${gate(v)}${SLOW_SIM}`, v);
      const pod = t.pods![0]!.name;
      const mainExit = first(t, 'container.exit', 'main');
      const proxyExit = events(t, 'container.exit', 'proxy');
      expect(proxyExit).toMatchObject([{ exitCode: 137 }]);
      expect(proxyExit[0]!.t).toBeGreaterThanOrEqual(mainExit + 30);
      const podFailed = phaseAt(t, pod, 'Failed')!;
      expect(podFailed).toBeGreaterThanOrEqual(proxyExit[0]!.t);
      expect(events(t, 'job.failed')).toMatchObject([{ reason: 'BackoffLimitExceeded' }]);
      expect(first(t, 'job.failed')).toBeGreaterThanOrEqual(podFailed);
      expect(events(t, 'job.podCreated')).toHaveLength(1);
    });
  }
});

/** The docs' example as kubectl#1739 ran it (shared with kubectl/transcripts/sidecars.test.ts). */
const DOCS_JOB = readFileSync(new URL('../../kubectl/transcripts/fixtures/kubectl-1739-docs-job.yaml', import.meta.url), 'utf8');

describe('kubernetes/kubectl#1739: Pod shows as Completed when its sidecar is terminated in Error', () => {
  for (const v of SIDECAR_MINORS) {
    it(`${v}: the sidecar is SIGKILLed (137, Error) after the job's container, the pod is Succeeded, STATUS Completed, the Job Complete`, () => {
      const t = at(DOCS_JOB, gate(v), v);
      expect(events(t, 'container.exit', 'myjob')).toMatchObject([{ exitCode: 0, reason: 'Completed' }]);
      expect(events(t, 'container.signal', 'logshipper').map((e) => e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
      expect(events(t, 'container.exit', 'logshipper')).toMatchObject([{ exitCode: 137, reason: 'Error' }]);
      const succeeded = phaseAt(t, t.pods![0]!.name, 'Succeeded')!;
      expect(succeeded).toBeGreaterThanOrEqual(first(t, 'container.exit', 'logshipper'));
      const row = events(t, 'pod.kubectl').at(-1)!;
      expect(row).toMatchObject({ status: 'Completed', ready: '0/2' });
      expect(events(t, 'job.complete')).toHaveLength(1);
    });
  }
});
