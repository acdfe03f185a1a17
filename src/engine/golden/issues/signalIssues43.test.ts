// Golden tests from kubernetes/kubernetes bug reports about STOP SIGNALS AND EXIT CODES (session 43,
// helper "issues17"): which signal the runtime sends, a shell as PID 1 dropping it, what an exit
// code makes of the container's reason, the pod's phase and its Job. Each is a scenario built from
// the report's own pod, run on every minor it applies to. Read through the library's issues index
// (descriptions and the comments it keeps). Upstream code read: pkg/controller/job/job_controller.go
// isPodFailed / onlyReplaceFailedPods (find_string hit id 33249757, the 1.3x shape: a pod counts as
// failed when Failed, or, unless only failed pods are replaced, when deleted and not Succeeded; the
// stored kubernetes/kubernetes copy is 6ae037f1) for #125695; pkg/kubelet/kuberuntime/util/util.go
// PidNamespaceForPod (index id 212339878) for the part of #127188 that disagrees (see below).
//
// - kubernetes#125695 (2024-06, closed rotten, "Kubernetes Job failed status after a graceful
//   termination"): a CronJob's Job (backoffLimit 0, restartPolicy Never, grace 300 s) runs busybox
//   `sh -c "sleep 120"`; `kubectl delete pod` during the sleep: the pod waits (a PID 1 drops SIGTERM,
//   [8.6] [15.3]), finishes its work and exits 0, yet the Job is Failed with BackoffLimitExceeded.
//   isPodFailed counts a deleted pod that is not Succeeded as failed at once ([16.3]); up to 1.30 the
//   Failed condition comes at once, from 1.31 FailureTarget first and Failed once the pod is terminal
//   ([16.8]). Every minor. The way out upstream's code gives: with a podFailurePolicy (or, from 1.29,
//   `podReplacementPolicy: Failed`) only a Failed phase counts ([16.6]), so the same deletion ends
//   with the Job Complete.
// - kubernetes#127188 (2024-09, DRA demo, 1.31, "Pod termination slow when referencing resource
//   claims"): bart0sh: the demo's `bash -c "export; sleep 9999"` makes deletion slow because neither
//   bash nor sleep handles SIGTERM and PID 1 ignores it; `trap 'exit 0' TERM; sleep 9999 & wait`
//   makes it quick. Every minor: SIGKILL at the end of the 30 s grace, 137 Error, pod Failed, versus
//   exit 0 at the signal, pod Succeeded ([8.5] [8.6] [15.3]). His second fix (shareProcessNamespace:
//   true, so the pause process is PID 1) DISAGREES: see .scratch/pending-issues43d.txt.
// - kubernetes#30051 (2016, open, "Support Docker STOPSIGNAL"; yujuhong: `docker stop` sends the
//   image's STOPSIGNAL) and kubernetes#93209 (2020-07, closed by website#24311, "Pod termination
//   documentation should clarify termination signals": the runtime, not the kubelet, picks the
//   signal): nginx:1.25 (STOPSIGNAL SIGQUIT) gets SIGQUIT and nginx:1.19.4 SIGTERM at every minor; a
//   shell with only a TERM trap in the nginx image misses SIGQUIT and waits out the grace ([8.13]).
//   KEP-4960's answer to #30051, `lifecycle.stopSignal` (1.33+, ContainerStopSignals, alpha), wins
//   over the image's.
// - kubernetes#14307 (2015-09, v1.1, priority/P0, "Confusing status for successful pod"): `bash -c
//   "echo ok"` under OnFailure was Succeeded with its container "Terminated, Reason: Error, Exit Code:
//   0" and kubectl's STATUS `Error`. Fixed long before 1.27: every minor has reason Completed and
//   STATUS Completed ([6.2] [14.1]).
// - kubernetes#64015 (2018-05, merged PR, "Handle TERM signal to reduce pod terminating time"):
//   busybox `sh -c 'while true; do sleep 1; done'` takes the whole grace to stop (10 s under docker),
//   `trap exit TERM; while …` 0.69 s. Every minor: the plain loop is SIGKILLed at 30 s (137); the
//   trapped one exits 0 once its foreground `sleep 1` returns, within 1 s ([15.3] [8.6]).
//
// Not expressible: #125695's CronJob schedule (the Job it creates is run directly); #127188's
// resource claims (they change nothing here); docker's 10 s stop timeout in #64015 (a pod's grace is
// 30 s). DISAGREEMENTS: one (#127188 with shareProcessNamespace), left out of this file.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function signals(trace: Trace, container: string): [string, number][] {
  return events(trace, 'container.signal', container).map((e) => [e.signal, e.t]);
}

function exits(trace: Trace, container: string): [number, number, string][] {
  return events(trace, 'container.exit', container).map((e) => [e.t, e.exitCode, e.reason]);
}

const jobOf = (extra: string): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: sleep-job
spec:
  backoffLimit: 0
${extra}  template:
    spec:
      containers:
      - name: sleep
        image: busybox
        command: ["sh", "-c", "sleep 120"]
      restartPolicy: Never
      terminationGracePeriodSeconds: 300`;
const DELETE_AT_30 = 'until: 10m\nevents:\n  - { at: 30s, do: deletePod }\n';

describe('kubernetes#125695: Kubernetes Job failed status after a graceful termination', () => {
  it.each(SUPPORTED_VERSIONS)('the deleted pod finishes its sleep and Succeeds, yet the Job fails with BackoffLimitExceeded (%s) [16.3] [16.8] [8.6]', (v) => {
    const trace = at(jobOf(''), DELETE_AT_30, v);
    // sleep as PID 1 drops SIGTERM: the work runs to its end within the 300 s grace
    expect(signals(trace, 'sleep')).toEqual([['SIGTERM', 30]]);
    expect(exits(trace, 'sleep')).toEqual([[121.2, 0, 'Completed']]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Succeeded', t: 121.2 });
    // the deleted, not yet Succeeded pod counted as failed at the deletion (isPodFailed)
    const failed = events(trace, 'job.failed');
    expect(failed.map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    // the Failed condition at once up to 1.30; from 1.31 (FailureTarget first) once the pod is terminal
    expect(failed[0]!.t).toBe(minor(v) >= 31 ? 122.2 : 31);
    expect(events(trace, 'job.complete')).toEqual([]);
  });

  const POLICY = '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes: { operator: In, values: [42] }\n';
  it.each(SUPPORTED_VERSIONS)('with a podFailurePolicy only a Failed phase counts: the same deletion ends with the Job Complete (%s) [16.6] [16.2]', (v) => {
    const trace = at(jobOf(POLICY), DELETE_AT_30, v);
    expect(exits(trace, 'sleep')).toEqual([[121.2, 0, 'Completed']]);
    expect(events(trace, 'job.failed')).toEqual([]);
    expect(first(trace, 'job.complete')).toBe(122.2);
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 29))('with podReplacementPolicy: Failed the same: the Job waits for the phase and is Complete (%s) [16.6]', (v) => {
    const trace = at(jobOf('  podReplacementPolicy: Failed\n'), DELETE_AT_30, v);
    expect(events(trace, 'job.failed')).toEqual([]);
    expect(first(trace, 'job.complete')).toBe(122.2);
    // nothing replaced the terminating pod meanwhile
    expect(events(trace, 'job.podCreated')).toHaveLength(1);
  });
});

const draPod = (args: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: pod0
spec:
  containers:
  - name: ctr0
    image: ubuntu:22.04
    command: ["bash", "-c"]
    args: [${JSON.stringify(args)}]`;
const DELETE_AT_20 = 'until: 3m\nevents:\n  - { at: 20s, do: deletePod }\n';

describe('kubernetes#127188: DRA: Pod termination slow when referencing resource claims', () => {
  it.each(SUPPORTED_VERSIONS)('bash -c "export; sleep 9999": PID 1 drops SIGTERM, SIGKILL after the 30 s grace, 137 (%s) [15.3] [8.5] [8.6]', (v) => {
    const trace = at(draPod('export; sleep 9999'), DELETE_AT_20, v);
    expect(signals(trace, 'ctr0')).toEqual([['SIGTERM', 20], ['SIGKILL', 50]]);
    expect(exits(trace, 'ctr0')).toEqual([[50, 137, 'Error']]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', t: 50 });
    expect(first(trace, 'pod.gone')).toBeGreaterThan(50);
  });

  it.each(SUPPORTED_VERSIONS)('bart0sh\'s fix, trap \'exit 0\' TERM; sleep 9999 & wait: exit 0 at the signal, the pod Succeeded and gone within 2 s (%s) [15.3] [8.6]', (v) => {
    const trace = at(draPod("export; trap 'exit 0' TERM; sleep 9999 & wait"), DELETE_AT_20, v);
    expect(signals(trace, 'ctr0')).toEqual([['SIGTERM', 20]]);
    expect(exits(trace, 'ctr0')).toEqual([[20, 0, 'Completed']]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Succeeded', t: 20 });
    expect(first(trace, 'pod.gone')).toBeLessThan(22);
  });

  it.each(SUPPORTED_VERSIONS)('bart0sh\'s other fix, shareProcessNamespace: true: pause is PID 1, bash dies of SIGTERM at once, 143 (%s) [15.3] [8.6]', (v) => {
    const pod = draPod('export; sleep 9999').replace('spec:\n', 'spec:\n  shareProcessNamespace: true\n');
    const trace = at(pod, DELETE_AT_20, v);
    expect(signals(trace, 'ctr0')).toEqual([['SIGTERM', 20]]);
    expect(exits(trace, 'ctr0')).toEqual([[20, 143, 'Error']]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', t: 20 });
    expect(first(trace, 'pod.gone')).toBeLessThan(22);
  });
});

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
  - name: old
    image: nginx:1.19.4
  - name: sh
    image: nginx:1.25
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]`;

describe('kubernetes#30051: Support Docker STOPSIGNAL / kubernetes#93209: Pod termination documentation should clarify termination signals', () => {
  it.each(SUPPORTED_VERSIONS)('the runtime sends the image\'s STOPSIGNAL: SIGQUIT to nginx:1.25, SIGTERM to nginx:1.19.4; a TERM trap misses SIGQUIT (%s) [8.13] [8.6]', (v) => {
    const trace = at(WEB, DELETE_AT_20, v);
    expect(signals(trace, 'nginx')).toEqual([['SIGQUIT', 20]]);
    expect(exits(trace, 'nginx')).toEqual([[20, 0, 'Completed']]);
    expect(signals(trace, 'old')).toEqual([['SIGTERM', 20]]);
    expect(exits(trace, 'old')).toEqual([[20, 0, 'Completed']]);
    // the shell's trap names TERM only; as PID 1 it drops SIGQUIT and waits out the grace
    expect(signals(trace, 'sh')).toEqual([['SIGQUIT', 20], ['SIGKILL', 50]]);
    expect(exits(trace, 'sh')).toEqual([[50, 137, 'Error']]);
  });

  const SPEC_SIGNAL = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  os: { name: linux }
  containers:
  - name: nginx
    image: nginx:1.25
    lifecycle:
      stopSignal: SIGTERM`;
  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 33))('KEP-4960 (ContainerStopSignals on): lifecycle.stopSignal SIGTERM wins over the image\'s SIGQUIT (%s) [8.13]', (v) => {
    const trace = at(SPEC_SIGNAL, `featureGates:\n  ContainerStopSignals: true\n${DELETE_AT_20}`, v);
    expect(signals(trace, 'nginx')).toEqual([['SIGTERM', 20]]);
    expect(exits(trace, 'nginx')).toEqual([[20, 0, 'Completed']]);
  });
});

const SUCCEEDER = `apiVersion: v1
kind: Pod
metadata:
  name: succeeder
spec:
  containers:
  - command:
    - bash
    - -c
    - echo ok
    image: centos:centos7
    imagePullPolicy: IfNotPresent
    name: c
  restartPolicy: OnFailure`;

describe('kubernetes#14307: Confusing status for successful pod', () => {
  it.each(SUPPORTED_VERSIONS)('exit 0: reason Completed (not Error), the pod Succeeded, kubectl STATUS Completed (%s) [6.2] [14.1]', (v) => {
    const trace = at(SUCCEEDER, 'until: 1m\n', v);
    expect(events(trace, 'container.exit', 'c').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(events(trace, 'container.start', 'c')).toHaveLength(1);
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Succeeded');
    const rows = events(trace, 'pod.kubectl');
    expect(rows.at(-1)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
    expect(rows.some((r) => r.status === 'Error')).toBe(false);
  });
});

const LOOP = `apiVersion: v1
kind: Pod
metadata:
  name: test
spec:
  containers:
  - name: plain
    image: busybox
    command: ["sh", "-c", "while true; do sleep 1; done"]
  - name: trapped
    image: busybox
    command: ["sh", "-c", "trap exit TERM; while true; do sleep 1; done"]`;

describe('kubernetes#64015: Handle TERM signal to reduce pod terminating time', () => {
  it.each(SUPPORTED_VERSIONS)('the plain loop waits out the grace (137); with trap exit TERM it stops within 1 s, exit 0 (%s) [15.3] [8.5] [8.6]', (v) => {
    const trace = at(LOOP, 'until: 2m\nevents:\n  - { at: 20.5s, do: deletePod }\n', v);
    expect(signals(trace, 'plain')).toEqual([['SIGTERM', 20.5], ['SIGKILL', 50.5]]);
    expect(exits(trace, 'plain')).toEqual([[50.5, 137, 'Error']]);
    expect(signals(trace, 'trapped')).toEqual([['SIGTERM', 20.5]]);
    const [t, code, reason] = exits(trace, 'trapped')[0]!;
    // the trap runs once the foreground `sleep 1` returns, and `exit` keeps its status, 0
    expect([code, reason]).toEqual([0, 'Completed']);
    expect(t).toBeGreaterThan(20.5);
    expect(t).toBeLessThanOrEqual(21.5);
  });
});
