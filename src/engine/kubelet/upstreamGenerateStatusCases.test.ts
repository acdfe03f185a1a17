// Golden test: upstream's unit tests of the pod-level half of generateAPIPodStatus (the phase after the
// three-way terminal merge, the kubelet-owned conditions, the conditions it copies, and the active
// deadline's eviction), run against deriveStatus ([6.5], [7.1]-[7.3], [13.1]-[13.2]).
//
// Upstream files (kubernetes/kubernetes, read with the library tools):
// - pkg/kubelet/kubelet_pods_test.go Test_generateAPIPodStatus, three stored versions:
//   - commit 001a80e9 (file id 56003138514, 301,973 chars; the newest, 1.36/1.37 development): 11 rows,
//     the 9 below plus two "InPlacePodLevelResourcesVerticalScaling enabled" twins (not modelled); its
//     "terminal phase cannot be changed" row also expects the PodReadyToStartContainers False condition
//     to carry Reason PodSandboxNotReady and a message (kubernetes#135300, first release not established);
//   - file id 8817320 (217,277 chars; generateAPIPodStatus(pod, status, podIsTerminal) without ctx,
//     PodReadyToStartContainersCondition): the same 9 rows, that condition compared on Status only;
//   - file id 810839808 (103,204 chars; PodHasNetworkCondition, generateAPIPodStatus(pod, status), no
//     podIsTerminal): a 1.26-era copy with 8 rows (no "pod disruption condition" row), the same answers.
//   Each row runs twice upstream, with the sandbox condition's gate off and on.
// - The code: pkg/kubelet/kubelet_pods.go generateAPIPodStatus at 001a80e9 (getPhase with
//   HasAnyActiveRegularContainerStarted; a non-terminal phase takes a terminal one from the status
//   manager's cache, else from the API; the reason and message kept while the phase is unchanged;
//   PodSyncHandlers' ShouldEvict sets Failed; the API's terminal phase is never left; conditions not
//   owned by the kubelet and the cached DisruptionTarget copied; then ReadyToStart (gated), Initialized,
//   Ready, ContainersReady and PodScheduled True).
// - pkg/kubelet/active_deadline_test.go TestActiveDeadlineHandler (find_files names e8387da7; served at
//   008b3652, file id 605247289) with active_deadline.go at 04791b49 (file id 1703043952): ShouldSync and
//   ShouldEvict both ask pastActiveDeadline (no deadline or no startTime: false; else
//   clock.Since(startTime) >= activeDeadlineSeconds), and ShouldEvict answers Reason DeadlineExceeded.
//
// How they map to ours: deriveStatus (apiPod/deriveStatus.ts) is `sim status`: it reads a Pod object as
// the kubelet would regenerate it. Upstream's inputs go into one object:
// - containerStatuses: the statuses upstream EXPECTS convertToAPIContainerStatuses to produce (the
//   container half is TestConvertToAPIContainerStatuses', upstreamApiStatusCases.test.ts). They are all
//   `ready(...)` because the test kubelet's fake probe manager marks every container ready; we copy that.
//   waitingWithLastTerminationUnknown(n, rc) = waiting ContainerCreating, lastState terminated 137
//   ContainerStatusUnknown, restartCount rc; succeededState = terminated exit 0.
// - phase: the terminal one of the status manager's cache (previousStatus) or of the API (pod.Status);
//   otherwise the API's. Our object has one phase; upstream's two-source merge has the same answer here.
// - currentStatus's sandbox: READY -> a PodReadyToStartContainers True condition in the object, none ->
//   False (hiddenInputs.ts reads the sandbox from it), only where the gate is on, as upstream would only
//   have written it then. podHasInitialized = a regular container in currentStatus (none, or the rows'
//   running ones); podIsTerminal = the row's isPodTerminal.
// - Conditions are compared as a set of (type, status, reason); upstream's slice order differs from
//   ours (ReadyToStart, Initialized, ContainersReady, Ready, PodScheduled, then the copied ones).
// Versions: every row on 1.27-1.37. The 1.26-era copy already has all rows but the disruption one, with
// the same answers; that row is first seen in a 1.28+ copy, but what it needs (the cached DisruptionTarget
// copied over, generateAPIPodStatus's podIsTerminal from kubernetes#115331) is in the 1.27 kubelet. The
// gate-off run is 1.27 and 1.28 by default (1.27's gate was still PodHasNetworkCondition, alpha, off);
// the gate-on run is 1.29-1.37 by default and 1.28 with the alpha gate switched on.
//
// Not expressible: the pod's own Reason/Message ("Test"/"test", kept while the phase is unchanged):
// deriveStatus does not report them. HostIP(s), QOSClass, PodIP, resources, and the InPlacePodLevel
// rows: not modelled. ReadyToStart's Reason/Message of the newest copy: our conditions carry none
// (upstreamConditionCases.test.ts compares that condition on Status only, for the same reason).
// TestNewActiveDeadlineHandler checks constructor arguments; nothing of it is ours.
//
// Disagreements: none.

import { describe, expect, it } from 'vitest';
import { deriveStatus } from '../apiPod/deriveStatus';
import { loadPods } from '../apiPod/loadPods';
import { minor, resolveGates, SUPPORTED_VERSIONS, type KubeVersion } from '../version';

type Obj = Record<string, unknown>;
const NOW = '2025-06-01T12:00:00Z';
const NOW_S = Date.parse(NOW) / 1000;
const ago = (s: number): string => new Date((NOW_S - s) * 1000).toISOString().replace('.000Z', 'Z');

const spec = (restartPolicy: 'Always' | 'Never'): Obj => ({
  nodeName: 'machine', restartPolicy,
  containers: [{ name: 'containerA', image: 'img' }, { name: 'containerB', image: 'img' }],
});
const UNKNOWN_LAST = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was deleted.  The container used to be Running' } };
const waitingWithLastTerminationUnknown = (name: string, restartCount: number): Obj =>
  ({ name, ready: true, restartCount, state: { waiting: { reason: 'ContainerCreating' } }, lastState: UNKNOWN_LAST });
const waitingCreating = (name: string): Obj => ({ name, ready: true, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } });
const runningAt = (name: string, s: number): Obj =>
  ({ name, ready: true, restartCount: 0, state: { running: { startedAt: new Date(s * 1000).toISOString().replace('.000Z', 'Z') } } });
const succeeded = (name: string): Obj => ({ name, ready: true, restartCount: 0, state: { terminated: { exitCode: 0 } } });

interface Row {
  name: string;
  restartPolicy?: 'Always' | 'Never';
  deleted?: boolean;
  /** The phase the merge starts from: the API's, or the status manager's terminal one. */
  phase?: 'Pending' | 'Running' | 'Succeeded';
  disruption?: boolean;
  statuses: Obj[];
  sandboxReady: boolean;
  podIsTerminal?: boolean;
  /** currentStatus holds a running regular container. */
  regularStarted?: boolean;
  want: { phase: string; conditions: [string, string, string?][] };
}

const T = 'True', F = 'False';
const ALL_TRUE: [string, string, string?][] = [['Initialized', T], ['Ready', T], ['ContainersReady', T], ['PodScheduled', T]];
const COMPLETED: [string, string, string?][] = [['Initialized', T, 'PodCompleted'], ['Ready', F, 'PodCompleted'], ['ContainersReady', F, 'PodCompleted'], ['PodScheduled', T]];

const ROWS: Row[] = [
  {
    name: 'pod disruption condition is copied over and the phase is set to failed when deleted',
    deleted: true, disruption: true, podIsTerminal: true, sandboxReady: true,
    statuses: [waitingWithLastTerminationUnknown('containerA', 0), waitingWithLastTerminationUnknown('containerB', 0)],
    want: { phase: 'Failed', conditions: [['Initialized', T], ['Ready', F, 'PodFailed'], ['ContainersReady', F, 'PodFailed'], ['PodScheduled', T], ['DisruptionTarget', T]] },
  },
  {
    name: 'current status ready, with previous statuses and deletion',
    deleted: true, sandboxReady: true,
    statuses: [waitingWithLastTerminationUnknown('containerA', 0), waitingWithLastTerminationUnknown('containerB', 0)],
    want: { phase: 'Running', conditions: ALL_TRUE },
  },
  {
    name: 'current status ready, with previous statuses and no deletion',
    sandboxReady: true,
    statuses: [waitingWithLastTerminationUnknown('containerA', 1), waitingWithLastTerminationUnknown('containerB', 1)],
    want: { phase: 'Running', conditions: ALL_TRUE },
  },
  {
    name: 'terminal phase cannot be changed (apiserver previous is succeeded)',
    phase: 'Succeeded', sandboxReady: false,
    statuses: [waitingWithLastTerminationUnknown('containerA', 1), waitingWithLastTerminationUnknown('containerB', 1)],
    want: { phase: 'Succeeded', conditions: COMPLETED },
  },
  {
    name: 'terminal phase from previous status must remain terminal, restartAlways',
    phase: 'Succeeded', sandboxReady: false,
    statuses: [waitingWithLastTerminationUnknown('containerA', 1), waitingWithLastTerminationUnknown('containerB', 1)],
    want: { phase: 'Succeeded', conditions: COMPLETED },
  },
  {
    name: 'terminal phase from previous status must remain terminal, restartNever',
    restartPolicy: 'Never', phase: 'Succeeded', sandboxReady: false,
    statuses: [succeeded('containerA'), succeeded('containerB')],
    want: { phase: 'Succeeded', conditions: COMPLETED },
  },
  {
    name: 'running can revert to pending',
    phase: 'Running', sandboxReady: true,
    statuses: [waitingCreating('containerA'), waitingCreating('containerB')],
    want: { phase: 'Pending', conditions: ALL_TRUE },
  },
  {
    name: "reason and message are preserved when phase doesn't change",
    phase: 'Pending', sandboxReady: true, regularStarted: true,
    statuses: [waitingCreating('containerA'), runningAt('containerB', 1)],
    want: { phase: 'Pending', conditions: ALL_TRUE },
  },
  {
    name: 'reason and message are cleared when phase changes',
    phase: 'Pending', sandboxReady: true, regularStarted: true,
    statuses: [runningAt('containerA', 1), runningAt('containerB', 2)],
    want: { phase: 'Running', conditions: ALL_TRUE },
  },
];

function podText(row: Row, readyToStartGate: boolean): string {
  const conditions: Obj[] = [];
  if (row.disruption) conditions.push({ type: 'DisruptionTarget', status: 'True', lastTransitionTime: NOW });
  if (readyToStartGate) conditions.push({ type: 'PodReadyToStartContainers', status: row.sandboxReady ? 'True' : 'False' });
  const status: Obj = { conditions, containerStatuses: row.statuses };
  if (row.phase) status.phase = row.phase;
  const metadata: Obj = { name: 'my-pod', creationTimestamp: ago(120) };
  if (row.deleted) metadata.deletionTimestamp = NOW;
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata, spec: spec(row.restartPolicy ?? 'Always'), status });
}

function derive(text: string, version: KubeVersion, gateOn: boolean, extra: { podIsTerminal?: boolean; podHasInitialized?: boolean } = {}) {
  const { pods, problems } = loadPods(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  const gates = resolveGates(version, { PodReadyToStartContainersCondition: gateOn });
  expect(gates.PodReadyToStartContainersCondition).toBe(gateOn);
  return deriveStatus(pods[0]!, { version, gates, now: NOW_S, ...extra });
}

/** Upstream's two runs per row: gate off (1.27, 1.28 by default), gate on (1.28 alpha switched on, 1.29+). */
const RUNS: [KubeVersion, boolean][] = SUPPORTED_VERSIONS.flatMap((v): [KubeVersion, boolean][] =>
  minor(v) < 28 ? [[v, false]] : minor(v) === 28 ? [[v, false], [v, true]] : [[v, true]]);

const key = (c: [string, string, string?]) => `${c[0]}=${c[1]}${c[2] ? `/${c[2]}` : ''}`;

describe.each(RUNS)('Test_generateAPIPodStatus (pkg/kubelet/kubelet_pods_test.go) on %s, PodReadyToStartContainersCondition %s [6.5] [7.1]-[7.3]', (version, gateOn) => {
  for (const row of ROWS) {
    it(row.name, () => {
      const out = derive(podText(row, gateOn), version, gateOn, { podIsTerminal: row.podIsTerminal ?? false, podHasInitialized: row.regularStarted ?? false });
      expect(out.phase).toBe(row.want.phase);
      const want = [...row.want.conditions];
      if (gateOn) want.push(['PodReadyToStartContainers', row.sandboxReady ? T : F]);
      expect(out.conditions.map((c) => key([c.type, c.status, c.reason])).sort()).toEqual(want.map(key).sort());
    });
  }
});

// TestActiveDeadlineHandler: newTestPods(5) (one container each, no statuses), a fake clock at now,
// startTime now - 1 min. Upstream asserts ShouldSync and ShouldEvict.Evict alike, and for an evicted
// pod Reason DeadlineExceeded and the handler's message; generateAPIPodStatus turns an eviction into
// phase Failed with that reason (kubelet_pods.go, read above).
describe.each([...SUPPORTED_VERSIONS])('TestActiveDeadlineHandler (pkg/kubelet/active_deadline_test.go) on %s [13.1] [13.2]', (version) => {
  const pod = (startTime: string | undefined, deadline: number | undefined): string => JSON.stringify({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', creationTimestamp: ago(120) },
    spec: { containers: [{ name: 'c', image: 'img' }], ...(deadline !== undefined ? { activeDeadlineSeconds: deadline } : {}) },
    status: { phase: 'Running', ...(startTime ? { startTime } : {}) },
  });
  const cases: [string, string, boolean][] = [
    ['pods[0]: this pod has exceeded its active deadline (30 s, started 1 min ago)', pod(ago(60), 30), true],
    ['pods[1]: this pod has not exceeded its active deadline (120 s, started 1 min ago)', pod(ago(60), 120), false],
    ['pods[2]: this pod has no deadline', pod(ago(60), undefined), false],
    ['pods[3]: this pod has no start time', pod(undefined, 120), false],
    ['pods[4]: neither a deadline nor a start time', pod(undefined, undefined), false],
  ];
  for (const [name, text, evict] of cases) {
    it(name, () => {
      const out = derive(text, version, resolveGates(version, {}).PodReadyToStartContainersCondition);
      // ShouldEvict.Evict: the phase is Failed for the deadline's reason, or it is left to getPhase
      // (upstream asserts nothing more about it).
      if (evict) {
        expect(out.phase).toBe('Failed');
        expect(out.phaseWhy).toContain('Failed (reason DeadlineExceeded)');
      } else {
        expect(out.phase).not.toBe('Failed');
        expect(out.phaseWhy).not.toContain('DeadlineExceeded');
      }
    });
  }

  it('pastActiveDeadline is `>=`: a pod exactly at its deadline is evicted, one second before it is not', () => {
    const gateOn = resolveGates(version, {}).PodReadyToStartContainersCondition;
    expect(derive(pod(ago(30), 30), version, gateOn).phase).toBe('Failed');
    expect(derive(pod(ago(29), 30), version, gateOn).phase).not.toBe('Failed');
  });
});
