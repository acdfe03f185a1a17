// Golden tests from kubernetes/kubernetes bug reports about KUBELET RESTARTS AND NODE REBOOTS
// (session 43, helper "issues15": what a terminal pod, an OnFailure pod, a Job's pod and a pod with a
// slow init container look like after the kubelet restarts or the node reboots), each a scenario built
// from the report's own pod and run on every minor the engine simulates. Read through the library's
// issues index (descriptions and the comments it keeps). Kubelet code read: convertToAPIContainerStatuses
// in pkg/kubelet/kubelet_pods.go (the ctx-era copy, library id 3281083: a written Terminated status is
// kept whole for a container the runtime no longer lists; a written Running one gets lastState
// ContainerStatusUnknown and restartCount + 1; the statuses are sorted by name) and computePodActions'
// createPodSandbox branch (as nodeIssues41.test.ts quotes it: under OnFailure a container that
// succeeded is not among the containers to start in the new sandbox). The earlier reboot and
// kubelet-restart reports are in nodeIssues41.test.ts and syncIssues41.test.ts.
//
// - kubernetes#37447 (2016-11, 1.4.6, release-blocker, "Upon restart, kubelet tries to start all pods
//   including terminated ones") and kubernetes#7250 (2015-04, smarterclayton, "Kubelet syncPod looks like
//   it will start pods that have a 'Succeded' pod phase after a cold-start"; PR #7301 filtered terminal
//   pods, and named the hole left: containers "garbage collected" before a kubelet restart): a finished
//   pod stays finished across a kubelet restart, even when the runtime lost the exited containers'
//   records meanwhile. The written Terminated status is kept whole ([10.3]), the phase stays Succeeded
//   (OnFailure, exit 0) or Failed (Never, exit 1), nothing starts, nothing is written again ([6.2]
//   [4.1]). Every minor (from 1.36 the run's start shows as a short Running first, [0.8]).
// - kubernetes#16816 (2015-11, kind/support, "Pod does not start despite restartPolicy=OnFailure", the
//   reporter's bare `spark-driver` pod after its node restarted; in the same era a restarted Docker
//   daemon could report exit 0 for every container, coreos/etcd-operator#902): with containerd a reboot
//   leaves the running container exited 255 (reason Unknown), which OnFailure restarts in the new
//   sandbox (SandboxChanged once, restartCount 1), while a container of the same pod that had already
//   exited 0 is not run again ([2.9] [2.11] [4.1]). The row sorts the statuses by name, so between the
//   reboot and the restart it reads the first one's `Completed`, and from 1.35 (PR #124766) the failed
//   driver's `Unknown` ([14.3]). Every minor.
// - kubernetes#63954 (2018-05, vishh, rotten, "Node Failures handling via the Job API": a Job should be
//   retried on a node failure but not on its own code's failure): a reboot fails a Never Job pod like
//   any failure (exit 255, Unknown, no DisruptionTarget condition), so with backoffLimit 0 the Job fails
//   BackoffLimitExceeded ([2.9] [16.3]); a podFailurePolicy rule `Ignore` on exit code 255 (the answer
//   since KEP-3329, beta and on from 1.26) leaves the failure uncounted, and a new pod completes the Job
//   ([16.7]). Every minor.
// - kubernetes#97512 (2020-12, 1.16.9, rotten, "After restarting all nodes, init container and normal
//   container are started at the same time"; pacoxu could not reproduce it): after a reboot the app
//   container waits for the init container's whole new run (a 20 s wait here), then starts with
//   restartCount 1 ([2.9] [3.1]). Every minor.
//
// Not expressible or not modelled: the 2015-2016 kubelets themselves, Docker's exit code 0 on a daemon
// restart, a node object deleted and recreated by the cloud provider. Looked at and left out (see
// rows-issues43b.md): kubernetes#133579 and #100277 (startup and readiness re-run after a kubelet
// restart: the behaviour of #125397 and #113646, already asserted), #54476 (a static pod's restart
// count; the engine has no static or mirror pods), #109596 (static pods not started after a kubelet
// restart, a config-source race), #104531 (graceful node shutdown, not modelled).
// DISAGREEMENTS: kubernetes#95561 (a container last written Running whose record is gone after a
// kubelet restart): .scratch/pending-issues43b.txt.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace, TraceEvent } from '../../trace';
import { at } from './issues.testkit';

function ofType<T extends TraceEvent['type']>(trace: Trace, type: T): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

const startsOf = (trace: Trace, c: string): number[] =>
  ofType(trace, 'container.start').filter((e) => e.container === c).map((e) => e.t);

const exitsOf = (trace: Trace, c: string) => ofType(trace, 'container.exit').filter((e) => e.container === c);

function phaseAt(trace: Trace, t: number): string {
  return ofType(trace, 'pod.phase').filter((e) => e.t <= t).at(-1)?.phase ?? 'Pending';
}

function rowAt(trace: Trace, t: number): { ready: string; status: string; restarts: string } | undefined {
  return ofType(trace, 'pod.kubectl').filter((e) => e.t <= t).at(-1);
}

function writeAt(trace: Trace, c: string, t: number) {
  return (trace.statusWrites ?? []).filter((w) => w.container === c && w.t <= t).at(-1);
}

const kubeletBack = (trace: Trace): number => trace.events.find((e) => e.type === 'node.kubeletStarted')!.t;

// ---------------------------------------------------------------------------------------------
// kubernetes#37447 / #7250: a run-once pod finishes at once; the kubelet restarts a minute later,
// and the runtime's records of the exited containers are deleted while it is down (#7301's hole).
const RUN_ONCE = (policy: 'OnFailure' | 'Never', code: number): string => `apiVersion: v1
kind: Pod
metadata:
  name: run-once
spec:
  restartPolicy: ${policy}
  containers:
  - name: job
    image: busybox:1.36
    command: [sh, -c, "echo done; exit ${code}"]`;
const RUN_ONCE_SIM = (removed: boolean): string => `until: 120s
containers:
  job: { pull: 0 }
events:
  - { at: 60s, do: restartKubelet${removed ? ', removeExitedContainers: true' : ''} }
`;

describe('kubernetes#37447 / kubernetes#7250: Upon restart, kubelet tries to start all pods including terminated ones', () => {
  const cases = [
    { policy: 'OnFailure', code: 0, phase: 'Succeeded', reason: 'Completed', row: 'Completed' },
    { policy: 'Never', code: 1, phase: 'Failed', reason: 'Error', row: 'Error' },
  ] as const;
  for (const c of cases) {
    for (const removed of [false, true]) {
      it.each(SUPPORTED_VERSIONS)(`a ${c.phase} ${c.policy} pod stays ${c.phase} and nothing starts after a kubelet restart${removed ? ' that lost the exited records' : ''} (%s) [10.3] [6.2] [4.1]`, (v) => {
        const trace = at(RUN_ONCE(c.policy, c.code), RUN_ONCE_SIM(removed), v);
        expect(kubeletBack(trace)).toBe(65);
        expect(ofType(trace, 'node.containersRemoved')).toHaveLength(removed ? 1 : 0);
        expect(startsOf(trace, 'job')).toHaveLength(1);
        expect(startsOf(trace, 'job')[0]!).toBeLessThan(5);
        // from 1.36 the on-demand relist writes the start before the exit: a short Running ([0.8])
        expect(ofType(trace, 'pod.phase').map((e) => e.phase)).toEqual(minor(v) >= 36 ? ['Pending', 'Running', c.phase] : ['Pending', c.phase]);
        expect(phaseAt(trace, trace.end)).toBe(c.phase);
        // the status written before the restart is the last one: nothing is written from 60 s on
        expect((trace.statusWrites ?? []).filter((w) => w.t >= 60)).toEqual([]);
        expect(writeAt(trace, 'job', trace.end)).toMatchObject({ state: 'terminated', reason: c.reason, exitCode: c.code, restartCount: 0 });
        expect(rowAt(trace, trace.end)).toMatchObject({ ready: '0/1', status: c.row, restarts: '0' });
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// kubernetes#16816: the reporter's bare OnFailure pod (spark-driver; a `setup` container that exits
// 0 at once stands in for a finished part of the same pod); the node reboots at 60 s.
const SPARK = `apiVersion: v1
kind: Pod
metadata:
  name: spark-driver
  labels:
    name: spark-driver
spec:
  restartPolicy: OnFailure
  containers:
  - name: spark-driver
    image: busybox:1.36
    command: [sh, -c, "sleep 3600"]
  - name: setup
    image: busybox:1.36
    command: [sh, -c, "echo ok"]`;
const SPARK_SIM = `until: 120s
containers:
  spark-driver: { pull: 0 }
  setup: { pull: 0 }
events:
  - { at: 60s, do: recreateSandbox }
`;

describe('kubernetes#16816: Pod does not start despite restartPolicy=OnFailure', () => {
  it.each(SUPPORTED_VERSIONS)('after a reboot OnFailure restarts the container that died with the node, not the one that succeeded (%s) [2.9] [2.11] [4.1]', (v) => {
    const trace = at(SPARK, SPARK_SIM, v);
    const back = kubeletBack(trace);
    expect(back).toBe(65);
    expect(exitsOf(trace, 'spark-driver')[0]).toMatchObject({ t: 60, exitCode: 255, reason: 'Unknown' });
    // a new sandbox: SandboxChanged once, at the returning kubelet's first sync
    const changed = ofType(trace, 'pod.sandboxChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.t).toBe(back);
    const driver = startsOf(trace, 'spark-driver');
    expect(driver).toHaveLength(2);
    expect(driver[1]!).toBeGreaterThan(back);
    expect(driver[1]!).toBeLessThan(back + 2);
    // the container that exited 0 is not run again in the new sandbox
    expect(startsOf(trace, 'setup')).toHaveLength(1);
    expect(writeAt(trace, 'setup', trace.end)).toMatchObject({ state: 'terminated', reason: 'Completed', exitCode: 0, restartCount: 0 });
    // the returning kubelet writes the reboot's exit, then the restart
    expect(writeAt(trace, 'spark-driver', back)).toMatchObject({ state: 'terminated', reason: 'Unknown', exitCode: 255, restartCount: 0 });
    expect(writeAt(trace, 'spark-driver', trace.end)).toMatchObject({ state: 'running', restartCount: 1 });
    // OnFailure with a failed container left to restart: the phase never leaves Running
    expect(ofType(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Running']);
    // statuses sorted by name: setup's Completed names the row while both are terminated, up to 1.34;
    // from 1.35 (PR #124766) the failed spark-driver's reason wins over Completed ([14.3])
    expect(rowAt(trace, back)).toMatchObject({ ready: '0/2', status: minor(v) >= 35 ? 'Unknown' : 'Completed', restarts: '0' });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/2', status: 'NotReady' });
    expect(rowAt(trace, trace.end)!.restarts).toMatch(/^1 \(\d+s ago\)$/);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#63954: a Never Job whose only pod's node reboots at 30 s.
const TRAIN = (policy: boolean): string => `apiVersion: batch/v1
kind: Job
metadata:
  name: train
spec:
  backoffLimit: 0
${policy ? `  podFailurePolicy:
    rules:
    - action: Ignore
      onExitCodes:
        containerName: train
        operator: In
        values: [255]
` : ''}  template:
    spec:
      restartPolicy: Never
      containers:
      - name: train
        image: busybox:1.36
        command: [sh, -c, "sleep 60"]`;
const TRAIN_SIM = `until: 200s
containers:
  train: { pull: 0 }
events:
  - { at: 30s, do: recreateSandbox }
`;

describe('kubernetes#63954: Node Failures handling via the Job API', () => {
  it.each(SUPPORTED_VERSIONS)('a reboot fails the Job pod (exit 255), which backoffLimit 0 counts: BackoffLimitExceeded (%s) [2.9] [16.3]', (v) => {
    const trace = at(TRAIN(false), TRAIN_SIM, v);
    const created = ofType(trace, 'job.podCreated');
    expect(created).toHaveLength(1);
    const pod = created[0]!.pod;
    expect(exitsOf(trace, 'train')).toMatchObject([{ t: 30, exitCode: 255, reason: 'Unknown', pod }]);
    const phases = ofType(trace, 'pod.phase').filter((e) => e.pod === pod).map((e) => e.phase);
    expect(phases).toEqual(['Pending', 'Running', 'Failed']);
    const failed = ofType(trace, 'job.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toBe('BackoffLimitExceeded');
    expect(failed[0]!.t).toBeGreaterThan(kubeletBack(trace));
    expect(ofType(trace, 'job.complete')).toEqual([]);
  });

  it.each(SUPPORTED_VERSIONS)('with a podFailurePolicy Ignore rule on exit code 255 the reboot is not counted: a new pod completes the Job (%s) [16.7]', (v) => {
    const trace = at(TRAIN(true), TRAIN_SIM, v);
    const created = ofType(trace, 'job.podCreated');
    expect(created).toHaveLength(2);
    const [first, second] = created.map((e) => e.pod);
    expect(ofType(trace, 'pod.phase').filter((e) => e.pod === first).at(-1)!.phase).toBe('Failed');
    expect(created[1]!.t).toBeGreaterThan(kubeletBack(trace));
    expect(ofType(trace, 'pod.phase').filter((e) => e.pod === second).at(-1)!.phase).toBe('Succeeded');
    expect(ofType(trace, 'job.failed')).toEqual([]);
    expect(ofType(trace, 'job.complete')).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#97512: an app behind an init container that waits 20 s (for a database, say); the node
// reboots at 60 s, long after the pod came up.
const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-for-db
    image: busybox:1.36
    command: [sh, -c, "sleep 20"]
  containers:
  - name: web
    image: nginx:1.25`;
const WEB_SIM = `until: 120s
containers:
  wait-for-db: { pull: 0 }
  web: { pull: 0 }
events:
  - { at: 60s, do: recreateSandbox }
`;

describe('kubernetes#97512: After restarting all nodes, init container and normal container are started at the same time', () => {
  it.each(SUPPORTED_VERSIONS)('after the reboot the app starts only once the init container has run again to its end (%s) [2.9] [3.1]', (v) => {
    const trace = at(WEB, WEB_SIM, v);
    const back = kubeletBack(trace);
    const init = startsOf(trace, 'wait-for-db');
    const web = startsOf(trace, 'web');
    expect(init).toHaveLength(2);
    expect(web).toHaveLength(2);
    expect(exitsOf(trace, 'web')[0]).toMatchObject({ t: 60, exitCode: 255, reason: 'Unknown' });
    expect(init[1]!).toBeGreaterThan(back);
    const initDone = exitsOf(trace, 'wait-for-db')[1]!;
    expect(initDone).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(initDone.t - init[1]!).toBeCloseTo(20, 6);
    // nothing of web runs during the init container's second run
    expect(web[1]!).toBeGreaterThan(initDone.t);
    expect(ofType(trace, 'container.start').filter((e) => e.container === 'web' && e.t > back).map((e) => e.attempt)).toEqual([1]);
    expect(writeAt(trace, 'web', trace.end)).toMatchObject({ state: 'running', restartCount: 1 });
    expect(writeAt(trace, 'wait-for-db', trace.end)).toMatchObject({ state: 'terminated', reason: 'Completed', restartCount: 1 });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running' });
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#95561: the container exits at 30 s, the kubelet stops at 30.2 s (before the 31 s relist
// could write the exit) and the runtime's record is deleted while it is down.
const VANISHED = (policy: 'Always' | 'Never'): string => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  restartPolicy: ${policy}
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 3600"]`;
const VANISHED_SIM = `until: 90s
containers:
  app: { pull: 0 }
events:
  - { at: 30s, container: app, do: crash, exitCode: 1 }
  - { at: 30.2s, do: restartKubelet, removeExitedContainers: true }
`;

describe('kubernetes#95561: kubelet container status calculation doesn\'t handle suddenly missing data properly', () => {
  it.each(SUPPORTED_VERSIONS)('a container last written Running and gone from the runtime: Waiting with lastState ContainerStatusUnknown, restartCount 1, then restarted (%s) [10.4] [6.2]', (v) => {
    const trace = at(VANISHED('Always'), VANISHED_SIM, v);
    const back = kubeletBack(trace);
    expect(back).toBeCloseTo(35.2, 6);
    // the last status before the restart said Running: the exit was never written
    expect(writeAt(trace, 'app', 30.2)).toMatchObject({ state: 'running', restartCount: 0 });
    // the returning kubelet cannot know the exit code: the default Waiting, with the restart counted
    expect(writeAt(trace, 'app', back)).toMatchObject({ t: back, state: 'waiting', reason: 'ContainerCreating', restartCount: 1 });
    expect(writeAt(trace, 'app', back)!.exitCode).toBeUndefined();
    expect(rowAt(trace, back)).toMatchObject({ ready: '0/1', status: 'ContainerCreating', restarts: '1' });
    expect(phaseAt(trace, trace.end)).toBe('Running');
    expect(ofType(trace, 'pod.phase').filter((e) => e.t > 2)).toEqual([]);
    // then started at once, attempt 1 from the log directory
    const after = ofType(trace, 'container.start').filter((e) => e.container === 'app' && e.t > back);
    expect(after.map((e) => e.attempt)).toEqual([1]);
    expect(after[0]!.t).toBeLessThan(back + 1);
    expect(writeAt(trace, 'app', trace.end)).toMatchObject({ state: 'running', restartCount: 1 });
  });

  it.each(SUPPORTED_VERSIONS)('under Never the guessed stop fails the pod: ContainerStatusUnknown, RESTARTS 1, nothing runs again (%s) [10.4] [6.2]', (v) => {
    const trace = at(VANISHED('Never'), VANISHED_SIM, v);
    const back = kubeletBack(trace);
    expect(startsOf(trace, 'app')).toHaveLength(1);
    expect(phaseAt(trace, back)).toBe('Failed');
    expect(writeAt(trace, 'app', trace.end)).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137, restartCount: 1 });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '0/1', status: 'ContainerStatusUnknown', restarts: '1' });
  });
});
