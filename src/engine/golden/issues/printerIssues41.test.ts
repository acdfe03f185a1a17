// Golden tests from kubernetes/kubernetes bug reports about what `kubectl get pods` prints and why
// (session 41, helper "issues7": the STATUS column of a multi-container pod, and a container the
// runtime cannot start), each a scenario built from the report's own pod and run on every minor it
// applies to. Read through the library's issues index (descriptions and the comments it keeps).
// Upstream code read: pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses at 001a80e9 (the
// 1.36-era tree, library id 55872494606) and the ctx-era copy (id 3281083): the main containers'
// statuses are sorted by name (kubetypes.SortedContainerStatuses, Less = Name <, ids 45302983372
// and others), the init containers' kept in spec order. The image-pull reports are in
// pullIssues41.test.ts.
//
// - kubernetes#62588 (2018-04, 1.9.3, closed, "Pod is running and has two Containers. Container 1
//   exits with success"): under restartPolicy Never test1 (`echo hello`) exits 0 and test2 (`sleep
//   10000`) runs on; the reporter's 1.9 printed STATUS `Completed` where the pod was Running. The
//   printer has since turned a Completed beside a running, ready container into `Running` when the
//   pod is Ready and `NotReady` otherwise (kubernetes#88240, "Print NotReady when pod is not ready
//   based on its conditions", merged 2020-03). The pod is not Ready (test1 is terminated, so ContainersReady
//   is False), so every minor prints `1/2 NotReady`, phase Running ([14.3] [7.3]).
// - kubernetes#113013 (2022-10, 1.2x, closed rotten, "State of a pod with multiple containers is
//   not accurate in case of failure"): a Job pod with `migrate` (exits 2) and `cloud-sql-proxy`
//   (exits 0) printed `0/2 Completed` while the pod was Failed. The printer walks the statuses from
//   last to first and the first listed one with a reason names STATUS; the kubelet lists the main
//   containers by name, so `cloud-sql-proxy`'s Completed wins up to 1.34. From 1.35 (#124766) a
//   Completed gives way to the reason of a main container that exited non-zero: `Error` ([14.3]).
//   Both sides are here: the engine printed `Error` at 1.27-1.34 too, listing the statuses in spec
//   order, until session 41 (sim/kubectlRow.ts listedAsWritten).
// - kubernetes#15201 (2015-10, closed, "kubectl run waits forever to attach to pod that won't
//   start": `--image=busybox -- bash`, no bash in the image) and kubernetes#14491 (2015-09, "Container
//   failing to start isn't governed by pod's restart policy"): on docker the container stayed Waiting
//   RunContainerError and the pod Pending for ever. With containerd (every minor here) a start the
//   runtime refuses leaves an exited run, exit 128, reason StartError ([3.5]), so the restart
//   policy governs it: under Never the pod is Failed and prints `StartError`; under Always the sync
//   fails with RunContainerError (the printed STATUS), the first restart comes at once and the next
//   after the crash back-off, printed `CrashLoopBackOff` in between ([3.5] [4.5] [10.2] [14.3]).
//
// Not expressible here: #62588's 1.9 printer (before 1.27), #113013's `shareProcessNamespace` (no
// effect on these statuses), #15201's `--attach` waiting (kubectl's client side).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events } from './issues.testkit';

function rows(trace: Trace): string[] {
  return events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status}`);
}

const TEST = `apiVersion: v1
kind: Pod
metadata:
  name: test
  labels:
    name: test
spec:
  restartPolicy: Never
  containers:
  - name: test1
    image: busybox
    command: ["sh", "-c", "echo hello"]
  - name: test2
    image: busybox
    command: ["sh", "-c", "sleep 10000"]`;

describe('kubernetes#62588: Kubectl get pod - Pod is running and has two Containers. Container 1 exits with success', () => {
  it.each(SUPPORTED_VERSIONS)('test1 exits 0 beside a running test2: the row reads 1/2 NotReady, not Completed, and the phase stays Running (%s) [14.3] [7.3]', (v) => {
    const trace = at(TEST, 'until: 2m\n', v);
    const exits = events(trace, 'container.exit');
    expect(exits.map((e) => [e.container, e.exitCode, e.reason])).toEqual([['test1', 0, 'Completed']]);
    expect(events(trace, 'container.start', 'test2')).toHaveLength(1);
    expect(rows(trace)).toEqual(['0/2 ContainerCreating', '1/2 NotReady']);
    expect(rows(trace)).not.toContain('1/2 Completed');
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
    // the pod is not Ready: test1 no longer is
    const ready = events(trace, 'pod.condition').filter((e) => e.condition === 'Ready');
    expect(ready.at(-1)?.status ?? 'False').toBe('False');
  });
});

const MY_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: my-job
spec:
  backoffLimit: 0
  template:
    spec:
      shareProcessNamespace: true
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrate/migrate:v4.15.2
        command: ["sh", "-c", "sleep 2; exit 2"]
      - name: cloud-sql-proxy
        image: gcr.io/cloudsql-docker/gce-proxy:1.33.1
        command: ["sh", "-c", "sleep 2; exit 0"]`;

describe('kubernetes#113013: State of a pod with multiple containers is not accurate in case of failure', () => {
  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 35))('migrate exits 2 and cloud-sql-proxy 0: the Failed pod prints 0/2 Error, the failed container\'s reason over Completed (#124766) (%s) [14.3]', (v) => {
    const trace = at(MY_JOB, 'until: 30s\n', v);
    expect(events(trace, 'container.exit').map((e) => [e.container, e.exitCode, e.reason]).sort())
      .toEqual([['cloud-sql-proxy', 0, 'Completed'], ['migrate', 2, 'Error']]);
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Failed');
    const last = events(trace, 'pod.kubectl').at(-1)!;
    expect([last.ready, last.status, last.restarts]).toEqual(['0/2', 'Error', '0']);
  });
});

const RUN_TEST = (policy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: run-test
spec:
  restartPolicy: ${policy}
  containers:
  - name: run-test
    image: busybox
    command: ["bash"]
    stdin: true`;

// the runtime refuses the start: containerd's message for an executable the image does not have
const NO_BASH = 'until: 60s\ncontainers:\n  run-test:\n    startError: true\n';
const NOT_FOUND = 'exec: "bash": executable file not found in $PATH';

describe('kubernetes#15201: kubectl run waits forever to attach to pod that won\'t start; kubernetes#14491: Container failing to start isn\'t governed by pod\'s restart policy', () => {
  it.each(SUPPORTED_VERSIONS)('restartPolicy Never: the refused start is an exited run (128, StartError), so the pod is Failed and prints 0/1 StartError, not Pending (%s) [3.5] [10.2] [14.3]', (v) => {
    const trace = at(RUN_TEST('Never'), NO_BASH, v);
    const exits = events(trace, 'container.exit', 'run-test');
    expect(exits.map((e) => [e.exitCode, e.reason])).toEqual([[128, 'StartError']]);
    expect(exits[0]!.message).toContain(NOT_FOUND);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Failed']);
    expect(rows(trace)).toEqual(['0/1 ContainerCreating', '0/1 StartError']);
    expect(events(trace, 'container.start', 'run-test')).toHaveLength(0);
  });

  it.each(SUPPORTED_VERSIONS)('restartPolicy Always: RunContainerError, the first restart at once, then CrashLoopBackOff between tries and RESTARTS counting each refused start (%s) [3.5] [4.5] [10.2]', (v) => {
    const trace = at(RUN_TEST('Always'), NO_BASH, v);
    const exits = events(trace, 'container.exit', 'run-test');
    expect(exits.length).toBeGreaterThanOrEqual(3);
    expect(exits.every((e) => e.exitCode === 128 && e.reason === 'StartError')).toBe(true);
    // the second try follows the first in its own sync's wake-up, well inside the first back-off
    expect(exits[1]!.t - exits[0]!.t).toBeLessThan(3);
    expect(events(trace, 'container.backoff', 'run-test').map((e) => e.delay).slice(0, 2)).toEqual([10, 20]);
    const statuses = new Set(events(trace, 'pod.kubectl').map((e) => e.status));
    expect(statuses.has('RunContainerError')).toBe(true);
    expect(statuses.has('CrashLoopBackOff')).toBe(true);
    expect(statuses.has('StartError')).toBe(false);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
    const last = events(trace, 'pod.kubectl').at(-1)!;
    expect(last.restarts).toMatch(new RegExp(`^${exits.length - 1} \\(\\d+s ago\\)$`));
  });
});

describe('kubernetes#113013: State of a pod with multiple containers is not accurate in case of failure (1.27-1.34)', () => {
  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) <= 34))('migrate exits 2 and cloud-sql-proxy 0: the kubelet lists the statuses by name, so cloud-sql-proxy\'s Completed is walked last and the Failed pod prints 0/2 Completed (%s) [14.3]', (v) => {
    const trace = at(MY_JOB, 'until: 30s\n', v);
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Failed');
    const last = events(trace, 'pod.kubectl').at(-1)!;
    expect([last.ready, last.status, last.restarts]).toEqual(['0/2', 'Completed', '0']);
    expect(last.basis).toMatchObject({ source: 'main', container: 'cloud-sql-proxy' });
  });

  it.each(SUPPORTED_VERSIONS)('kubectl#1511 reversed: containers [z: false, a: true] print Completed up to 1.34 (a is listed first by name) and Error from 1.35 (%s) [14.3]', (v) => {
    const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: test
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: z
        image: busybox
        command: ["/bin/sh", "-exc", "false"]
      - name: a
        image: busybox
        command: ["/bin/sh", "-exc", "true"]`;
    const trace = at(job, 'until: 30s\n', v);
    const last = events(trace, 'pod.kubectl').at(-1)!;
    expect([last.ready, last.status]).toEqual(['0/2', minor(v) >= 35 ? 'Error' : 'Completed']);
  });
});
