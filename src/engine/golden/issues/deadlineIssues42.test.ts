// Golden tests from kubernetes/kubernetes bug reports and PRs about activeDeadlineSeconds (session 42,
// helper "issues11": a pod's own deadline, in a Job's pod template, with an init container running or
// crash-looping, and the controllers that refuse the field), each a scenario built from the report's
// own pod and run on every minor the engine simulates. Read through the library's issues index
// (descriptions and the comments it keeps). Upstream code read: status_manager.go TerminatePod
// (find_string excerpts of a 1.27+ copy, library id 14325063, and a 1.2x-era one, 7814382811: once
// the pod worker is done, every init container "up to the last one with evidence of a start" that is
// not Terminated becomes Terminated ContainerStatusUnknown 137, main containers only once the pod has
// initialized); printPod in pkg/printers/internalversion/printers.go (library id 24478792077: a
// Terminated init container with a reason prints `Init:<reason>`); ValidateReplicaSetSpec's template
// check in pkg/apis/apps/validation/validation.go (library ids 22165655 and 12106392632:
// `field.Forbidden(... "activeDeadlineSeconds"), "activeDeadlineSeconds in ReplicaSet is not
// Supported")`). None of these reports names a fix inside 1.27-1.37, so each is asserted at every minor.
//
// - kubernetes#88613 (comment of 2020-11 by zoeeer, under "Pod is removed from store but the
//   containers are not terminated"): `activeDeadlineSeconds: 20`, busybox `sh -c 'echo ... && sleep
//   120'`; the pod turned Failed/DeadlineExceeded but its container stayed Running "forever", for a
//   bare pod and for a Job's pod template alike. Fixed since (kubernetes#98742, then #108366's
//   mergePodStatus, 1.24): the deadline's sync marks the pod, SyncTerminatingPod kills it at the next
//   relist with the spec's 30 s grace (the shell as PID 1 ignores SIGTERM: SIGKILL, 137), and
//   Failed/DeadlineExceeded reaches the API with the kill's end ([13.1] [13.2] [13.3] [8.6]). In a Job
//   (backoffLimit 1) that failure counts: a new pod 10 s after the failed one's exit second, killed the
//   same way, then BackoffLimitExceeded ([13.4] [16.3]).
// - kubernetes#22343 (2016-03, 1.2 alpha, kind/support, "Pod is disappeared after exceed
//   activeDeadlineSeconds": nginx, `activeDeadlineSeconds: 10`, restartPolicy Always): the pod is not
//   removed (the old kubectl hid terminal pods): it stays in the API, Failed with reason
//   DeadlineExceeded; nginx is stopped with its STOPSIGNAL SIGQUIT and exits 0, so kubectl prints the
//   container's own `Completed`, and Always restarts nothing ([13.2] [13.3] [8.13] [14.1] [6.5]).
// - kubernetes#46305 (PR, 2017-05, merged for 1.7, "clear init container status annotations when
//   cleared in status": a pod whose init container is terminated for exceeding its active deadline
//   printed `Init:0/1`, "because the kubectl printer observes a running init container, which in
//   reality is not running"): an init container that sleeps 600 s under `activeDeadlineSeconds: 20`
//   is killed at the deadline (SIGTERM ignored, SIGKILL 30 s later, 137); the row then reads its own
//   `Init:Error`, not `Init:0/1`, the pod is Failed/DeadlineExceeded, the app never starts ([13.3]
//   [14.1] [6.9]).
// - kubernetes/website#28825 (2021-07, kind/bug, triage/accepted, "The explanation of
//   activeDeadlineSeconds is inaccurate and misleading"; the docs keep "The active deadline includes
//   init containers"): an init container in CrashLoopBackOff is caught by the deadline although
//   nothing runs: Failed/DeadlineExceeded at the deadline's sync (no running container holds the
//   phase back), no further try, the app never starts; TerminatePod turns the waiting init container
//   into ContainerStatusUnknown 137, so the row ends `Init:ContainerStatusUnknown` ([13.1] [13.2]
//   [6.9] [14.1]).
// - kubernetes#70790 (2018-11, 1.1x, "Replicaset can not use ActiveDeadlineSeconds in pod spec":
//   "spec.template.spec.activeDeadlineSeconds: Invalid value: 10: must not be specified"),
//   kubernetes#38684 (2016-12, "Disallow setting activeDeadlineSeconds for restartAlways
//   pods/controllers"; PR #38741, "ActiveDeadlineSeconds is validated in workload controllers now")
//   and kubernetes#58370 (2018-01, smarterclayton, the same refusal for a StatefulSet): every
//   controller that keeps its pods running refuses the field, today with
//   `Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported` (a Deployment's template goes
//   through the ReplicaSet check), `... in StatefulSet ...`, `... in DaemonSet ...`; the 2018 wording
//   ("must not be specified") is older than 1.27 ([1.7]).
//
// Not expressible: the 2016-2020 kubelets themselves (a container left running, statuses cleared into
// annotations), and the old kubectl that hid terminal pods.
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function signals(trace: Trace, container: string, pod?: string): [string, number][] {
  return events(trace, 'container.signal', container).filter((e) => pod === undefined || e.pod === pod).map((e) => [e.signal, e.t]);
}

function lastRow(trace: Trace): { ready: string; status: string; restarts: string } | undefined {
  return events(trace, 'pod.kubectl').at(-1);
}

const TIMEOUT_SPEC = `  activeDeadlineSeconds: 20
  containers:
  - image: busybox
    name: container-0
    resources:
      limits:
        cpu: 250m
        memory: 1024Mi
      requests:
        cpu: 250m
        memory: 1024Mi
    command: ['sh', '-c', 'echo "Hello, Kubernetes!" && sleep 120']`;
const TIMEOUT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: pod-timeout-test
spec:
${TIMEOUT_SPEC}`;
const TIMEOUT_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pod-timeout-test
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
${TIMEOUT_SPEC.split('\n').map((l) => `    ${l}`).join('\n')}`;

describe('kubernetes#88613: Pod is removed from store but the containers are not terminated (activeDeadlineSeconds)', () => {
  it.each(SUPPORTED_VERSIONS)('the pod past its deadline has its container killed (SIGTERM at the next relist, SIGKILL 30 s later, 137) and is Failed/DeadlineExceeded then (%s) [13.1] [13.2] [13.3] [8.6]', (v) => {
    const trace = at(TIMEOUT_POD, '', v);
    expect(first(trace, 'pod.deadlineExceeded')).toBe(20);
    expect(signals(trace, 'container-0')).toEqual([['SIGTERM', 21], ['SIGKILL', 51]]);
    expect(events(trace, 'container.exit', 'container-0').map((e) => [e.exitCode, e.reason, e.t])).toEqual([[137, 'Error', 51]]);
    const failed = events(trace, 'pod.phase').filter((e) => e.phase === 'Failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ t: 51, reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    // while the kill runs the API keeps the Running row; the container's own Error follows
    expect(events(trace, 'pod.kubectl').filter((e) => e.t >= 20).map((e) => [e.status, e.t])).toEqual([['Error', 51]]);
  });

  it.each(SUPPORTED_VERSIONS)('in a Job\'s pod template the same kill fails each pod; the Job replaces it once and fails with BackoffLimitExceeded (%s) [13.3] [13.4] [16.3]', (v) => {
    const trace = at(TIMEOUT_JOB, '', v);
    const pods = events(trace, 'job.podCreated').map((e) => [e.pod, e.t] as [string, number]);
    expect(pods.map(([, t]) => t)).toEqual([0, 61]);
    for (const [pod, created] of pods) {
      expect(signals(trace, 'container-0', pod)).toEqual([['SIGTERM', created + 21], ['SIGKILL', created + 51]]);
      const failed = events(trace, 'pod.phase').filter((e) => e.pod === pod && e.phase === 'Failed');
      expect(failed.map((e) => [e.reason, e.t])).toEqual([['DeadlineExceeded', created + 51]]);
    }
    expect(events(trace, 'job.failed').map((e) => [e.reason, e.t])).toEqual([['BackoffLimitExceeded', 113]]);
  });
});

const NGINX_DEADLINE = `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx-terminating
  name: nginx-terminating
spec:
  activeDeadlineSeconds: 10
  containers:
  - image: nginx
    imagePullPolicy: Always
    name: nginx
    resources:
      limits:
        cpu: 500m
        memory: 512Mi
      requests:
        cpu: 100m
        memory: 256Mi
    terminationMessagePath: /dev/termination-log
  dnsPolicy: ClusterFirst
  restartPolicy: Always
  securityContext: {}`;

describe('kubernetes#22343: Pod is disappeared after exceed activeDeadlineSeconds', () => {
  it.each(SUPPORTED_VERSIONS)('the pod stays in the API, Failed/DeadlineExceeded; nginx exits 0 on SIGQUIT, the row prints Completed, nothing restarts (%s) [13.2] [13.3] [8.13] [14.1]', (v) => {
    const trace = at(NGINX_DEADLINE, 'until: 60s\n', v);
    expect(signals(trace, 'nginx')).toEqual([['SIGQUIT', 11]]);
    expect(events(trace, 'container.exit', 'nginx').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', t: 11 });
    expect(lastRow(trace)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' });
    expect(events(trace, 'container.start', 'nginx')).toHaveLength(1);
    expect(events(trace, 'pod.gone')).toEqual([]);
  });
});

const INIT_SLEEPS = `apiVersion: v1
kind: Pod
metadata:
  name: init-deadline
spec:
  activeDeadlineSeconds: 20
  initContainers:
  - name: init
    image: busybox
    command: ["sleep", "600"]
  containers:
  - name: app
    image: nginx`;

describe('kubernetes#46305: clear init container status annotations when cleared in status (a deadline during init)', () => {
  it.each(SUPPORTED_VERSIONS)('the running init container is killed; the row reads its own Init:Error, not Init:0/1; the app never starts (%s) [13.3] [14.1]', (v) => {
    const trace = at(INIT_SLEEPS, '', v);
    expect(signals(trace, 'init')).toEqual([['SIGTERM', 21], ['SIGKILL', 51]]);
    expect(events(trace, 'container.exit', 'init').map((e) => [e.exitCode, e.t])).toEqual([[137, 51]]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', t: 51 });
    expect(events(trace, 'pod.kubectl').map((e) => [e.status, e.t])).toEqual([['Init:0/1', 0], ['Init:Error', 51]]);
    expect(events(trace, 'container.start', 'app')).toEqual([]);
    expect(events(trace, 'pod.condition').filter((e) => e.condition === 'Initialized').map((e) => e.status)).toEqual(['False']);
  });
});

const INIT_CRASHES = `apiVersion: v1
kind: Pod
metadata:
  name: init-deadline
spec:
  activeDeadlineSeconds: 30
  initContainers:
  - name: wait-db
    image: busybox
    command: ["sh", "-c", "exit 1"]
  containers:
  - name: app
    image: nginx`;

describe('kubernetes/website#28825: The explanation of activeDeadlineSeconds is inaccurate and misleading (the deadline includes init containers)', () => {
  it.each(SUPPORTED_VERSIONS)('an init container in CrashLoopBackOff is caught at the deadline: Failed/DeadlineExceeded, no further try, Init:ContainerStatusUnknown (%s) [13.1] [13.2] [6.9] [14.1]', (v) => {
    const trace = at(INIT_CRASHES, '', v);
    expect(events(trace, 'container.exit', 'wait-db').map((e) => e.exitCode)).toEqual([1, 1, 1]);
    expect(events(trace, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', t: 30 });
    expect(events(trace, 'container.start', 'wait-db').filter((e) => e.t >= 30)).toEqual([]);
    expect(events(trace, 'container.start', 'app')).toEqual([]);
    // TerminatePod keeps the last state, so RESTARTS still counts from the last run's finish
    expect(lastRow(trace)?.status).toBe('Init:ContainerStatusUnknown');
    expect(lastRow(trace)?.restarts).toMatch(/^2 \(\d+s ago\)$/);
  });
});

const CONTROLLER = (kind: string): string => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: replicaset-example
spec:
  replicas: 3
  selector:
    matchLabels:
      test: aa
  template:
    metadata:
      labels:
        test: aa
    spec:
      containers:
      - image: nginx
        name: mpi-worker-aa
      restartPolicy: Always
      activeDeadlineSeconds: 10
      terminationGracePeriodSeconds: 10`;

function errors(workload: string, v: KubeVersion): [string, string][] {
  const r = runScenario(`${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n`);
  return r.problems.filter((p) => p.severity === 'error').map((p) => [p.path, p.message]);
}

const REFUSALS: [string, string][] = [
  ['ReplicaSet', 'ReplicaSet'], ['Deployment', 'ReplicaSet'], ['StatefulSet', 'StatefulSet'], ['DaemonSet', 'DaemonSet'],
];

describe('kubernetes#70790 / #38684 / #58370: activeDeadlineSeconds in a controller\'s pod template', () => {
  it.each(SUPPORTED_VERSIONS)('ReplicaSet, Deployment, StatefulSet and DaemonSet refuse it; a Job template accepts it (%s) [1.7]', (v) => {
    for (const [kind, named] of REFUSALS) {
      expect(errors(CONTROLLER(kind), v).map(([, m]) => m), kind).toEqual([`Forbidden: activeDeadlineSeconds in ${named} is not Supported`]);
    }
    expect(errors(TIMEOUT_JOB, v)).toEqual([]);
  });
});
