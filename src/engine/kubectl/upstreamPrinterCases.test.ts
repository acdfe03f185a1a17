// Upstream's own printer test tables, replayed against our printer (golden cases).
//
// Source: kubernetes/kubernetes pkg/printers/internalversion/printers_test.go, the stored copy of
// 242,020 characters (the library's file id 100530230; the tool does not expose its commit: the one
// `find_files` names, 41f6f9ddbb176816b756734fdfcd000b0b8e1453, is an older 75,103-character copy
// from the metav1alpha1 era with no sidecar or deletion cases, so it was not used). Which version the
// copy is: TestPrintPod's "test18" expects a deleted Succeeded pod to print Completed (PR #122038,
// 1.31+), TestTableRowDeepCopyShouldNotPanic lists MutatingAdmissionPolicy printers (1.32+) but no
// DeviceTaintRule or PodCertificateRequest, and TestPrintPod has no case for a failed main container
// after a Completed one (PR #124766, 1.35): a 1.32-era tree. Its printPod (printers.go, a 1.31+ copy,
// the library's file id 59882936, the IsPodPhaseTerminal / podutil.IsRestartableInitContainer shape)
// was read alongside.
//
// Test functions translated: TestPrintPod (21 cases), TestPrintPodWithRestartableInitContainer (5),
// TestPrintPodwide (3; READY/STATUS/RESTARTS only: IP, NODE, NOMINATED NODE and READINESS GATES are
// not ours), TestPrintPodConditions (3), TestPrintPodList (1 list, 2 rows), TestPrintNonTerminatedPod
// (5). The other test functions print other kinds, or (TestTableRowDeepCopyShouldNotPanic) print an
// empty Pod with no expected cells.
//
// Times: upstream writes `metav1.NewTime(time.Now().Add(-d))` and its printer counts "(… ago)" with
// time.Since; here `now` is the fixed NOW (a whole second, in seconds) and such a time is NOW - d, so
// "(10s ago)" comes out exactly. The deletionTimestamp (NOW - 10 s) only has to be set. AGE: every
// upstream pod case has no creationTimestamp and expects "<unknown>"; our printer has no AGE column,
// so AGE is not compared. Containers made with `make([]api.Container, n)` have empty names, as do
// statuses without a Name, so they are translated as name ''.
//
// Versions: each case runs on every minor it applies to: 1.27-1.37 unless it needs sidecars
// ([14.2], 1.28+) or keeps a deleted terminal pod's STATUS ([14.4], 1.31+, PR #122038). None of these
// cases has a main container that exited non-zero under a Completed one, so the 1.35 change
// ([14.3], PR #124766) does not touch them; they run on 1.35-1.37 unchanged.

import { describe, expect, it } from 'vitest';
import type { ApiPod, ApiPodStatus, ContainerForStatus, ContainerState, ContainerStatus, PodCondition } from '../api';
import { printPod } from './printPod';

/** The fixed "time.Now()" of these cases, in seconds (a whole second). */
const NOW = 1_700_000_000;
const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Phase = ApiPodStatus['phase'];
/** Upstream's placeholder phase "podPhase" (not one of the five; the printer prints it as given). */
const POD_PHASE = 'podPhase' as string as Phase;

/** A Go zero-valued ContainerStatus, with the fields a case sets. */
function cs(x: {
  name?: string; ready?: boolean; restartCount?: number; started?: boolean;
  state?: ContainerState; lastFinishedAgo?: number;
} = {}): ContainerStatus {
  const s: ContainerStatus = { name: x.name ?? '', state: x.state ?? {}, lastState: {}, ready: x.ready ?? false, restartCount: x.restartCount ?? 0 };
  if (x.started !== undefined) s.started = x.started;
  // LastTerminationState: Terminated{FinishedAt: time.Now().Add(-d)}: exit code 0, no reason.
  if (x.lastFinishedAgo !== undefined) s.lastState.terminated = { exitCode: 0, finishedAt: NOW - x.lastFinishedAgo };
  return s;
}

const running: ContainerState = { running: {} };
const waitingNoReason: ContainerState = { waiting: {} };
const waitingFor = (reason: string): ContainerState => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string): ContainerState => ({ terminated: reason === undefined ? { exitCode } : { exitCode, reason } });

/** `make([]api.Container, n)`: n containers with empty names and no restartPolicy. */
const anonymous = (n: number): ContainerForStatus[] => Array.from({ length: n }, () => ({ name: '' }));
const sidecar = (name: string): ContainerForStatus => ({ name, restartPolicy: 'Always' });
const cond = (type: string, status: PodCondition['status'], reason?: string): PodCondition => (reason === undefined ? { type, status } : { type, status, reason });

function pod(name: string, x: {
  init?: ContainerForStatus[]; main: ContainerForStatus[]; phase?: Phase; reason?: string; conditions?: PodCondition[];
  initStatuses?: ContainerStatus[]; statuses?: ContainerStatus[]; deleted?: boolean;
}): ApiPod {
  const p: ApiPod = {
    name,
    namespace: 'default',
    spec: { restartPolicy: 'Always', initContainers: x.init ?? [], containers: x.main, readinessGates: [] },
    status: { conditions: x.conditions ?? [], initContainerStatuses: x.initStatuses ?? [], containerStatuses: x.statuses ?? [] },
  };
  if (x.phase !== undefined) p.status.phase = x.phase;
  if (x.reason !== undefined) p.status.reason = x.reason;
  if (x.deleted) p.deletionTimestamp = NOW - 10 * SECOND; // deleteTime := time.Now().Add(-10 * time.Second)
  return p;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ALL = range(27, 37);
const SIDECARS = range(28, 37); // [14.2]
const TERMINAL_KEPT = range(31, 37); // [14.4] PR #122038

interface UpstreamCase {
  /** Upstream test function. */
  fn: string;
  /** Upstream's comment for the case and its pod name. */
  name: string;
  /** The rules of docs/kubelet-rules.md the case exercises. */
  rules: string;
  pod: ApiPod;
  /** Upstream's expected READY, STATUS, RESTARTS cells. */
  ready: string;
  status: string;
  restarts: string;
  minors: number[];
}

/** The two containers most cases share: one running and ready with 3 restarts, one zero-state with 3. */
const runningAndBare = (): ContainerStatus[] => [cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3 })];

const cases: UpstreamCase[] = [
  // ---- TestPrintPod ----
  { fn: 'TestPrintPod', name: 'Test name, num of containers, restarts, container ready status (test1)', rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: POD_PHASE, statuses: runningAndBare() }),
    ready: '1/2', status: 'podPhase', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test container error overwrites pod phase (test2)', rules: '[14.3]',
    pod: pod('test2', { main: anonymous(2), phase: POD_PHASE, statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3, state: waitingFor('ContainerWaitingReason') })] }),
    ready: '1/2', status: 'ContainerWaitingReason', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test the same as the above but with Terminated state and the first container overwrites the rest (test3)', rules: '[14.3]',
    pod: pod('test3', { main: anonymous(2), phase: POD_PHASE, statuses: [
      cs({ restartCount: 3, state: waitingFor('ContainerWaitingReason') }), cs({ restartCount: 3, state: terminated(0, 'ContainerTerminatedReason') })] }),
    ready: '0/2', status: 'ContainerWaitingReason', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test ready is not enough for reporting running (test4)', rules: '[14.3]',
    pod: pod('test4', { main: anonymous(2), phase: POD_PHASE, statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }),
    ready: '1/2', status: 'podPhase', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test ready is not enough for reporting running (test5, status.reason over the phase)', rules: '[14.1] [14.3]',
    pod: pod('test5', { main: anonymous(2), phase: POD_PHASE, reason: 'podReason', statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }),
    ready: '1/2', status: 'podReason', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 containers, one is running and the other is completed, w/o ready condition (test6)', rules: '[14.3]',
    pod: pod('test6', { main: anonymous(2), phase: 'Running', statuses: [
      cs({ ready: true, restartCount: 3, state: terminated(0, 'Completed') }), cs({ ready: true, restartCount: 3, state: running })] }),
    ready: '1/2', status: 'NotReady', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 containers, one is running and the other is completed, with ready condition (test6)', rules: '[14.3]',
    pod: pod('test6', { main: anonymous(2), phase: 'Running', conditions: [cond('Ready', 'True')], statuses: [
      cs({ ready: true, restartCount: 3, state: terminated(0, 'Completed') }), cs({ ready: true, restartCount: 3, state: running })] }),
    ready: '1/2', status: 'Running', restarts: '6', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 1 init container restarting and 1 container not running (test7)', rules: '[14.1]',
    pod: pod('test7', { init: anonymous(1), main: anonymous(1), phase: POD_PHASE,
      initStatuses: [cs({ restartCount: 3, state: running, lastFinishedAgo: 10 * SECOND })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/1', status: 'Init:0/1', restarts: '3 (10s ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 init containers, one restarting and the other not running, and 1 container not running (test8)', rules: '[14.1]',
    pod: pod('test8', { init: anonymous(2), main: anonymous(1), phase: POD_PHASE,
      initStatuses: [cs({ restartCount: 3, state: running, lastFinishedAgo: 10 * SECOND }), cs({ state: waitingNoReason })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/1', status: 'Init:0/2', restarts: '3 (10s ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 init containers, one completed without restarts and the other restarting, and 1 container not running (test9)', rules: '[14.1]',
    pod: pod('test9', { init: anonymous(2), main: anonymous(1), phase: POD_PHASE,
      initStatuses: [cs({ state: terminated(0) }), cs({ restartCount: 3, state: running, lastFinishedAgo: 10 * SECOND })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/1', status: 'Init:1/2', restarts: '3 (10s ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 init containers, one completed with restarts and the other restarting, and 1 container not running (test10)', rules: '[14.1]',
    pod: pod('test10', { init: anonymous(2), main: anonymous(1), phase: POD_PHASE,
      initStatuses: [cs({ restartCount: 2, state: terminated(0), lastFinishedAgo: 2 * MINUTE }), cs({ restartCount: 3, state: running, lastFinishedAgo: 10 * SECOND })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/1', status: 'Init:1/2', restarts: '5 (10s ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 1 init container completed with restarts and one container restarting (test11)', rules: '[14.1] [14.3]',
    pod: pod('test11', { init: anonymous(1), main: anonymous(1), phase: 'Running',
      initStatuses: [cs({ restartCount: 2, state: terminated(0), lastFinishedAgo: 2 * MINUTE })],
      statuses: [cs({ restartCount: 4, state: running, lastFinishedAgo: 20 * SECOND })] }),
    ready: '0/1', status: 'Running', restarts: '4 (20s ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 1 container that restarted 5d ago (test12)', rules: '[14.3]',
    pod: pod('test12', { main: anonymous(1), phase: 'Running',
      statuses: [cs({ ready: true, restartCount: 3, state: running, lastFinishedAgo: 5 * DAY })] }),
    ready: '1/1', status: 'Running', restarts: '3 (5d ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 containers, one has never restarted and the other has restarted 10d ago (test13)', rules: '[14.3]',
    pod: pod('test13', { main: anonymous(2), phase: 'Running', statuses: [
      cs({ ready: true, state: running }), cs({ ready: true, restartCount: 3, state: running, lastFinishedAgo: 10 * DAY })] }),
    ready: '2/2', status: 'Running', restarts: '3 (10d ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod has 2 containers, one restarted 5d ago and the other restarted 20d ago (test14)', rules: '[14.3]',
    pod: pod('test14', { main: anonymous(2), phase: 'Running', statuses: [
      cs({ ready: true, restartCount: 6, state: running, lastFinishedAgo: 5 * DAY }),
      cs({ ready: true, restartCount: 3, state: running, lastFinishedAgo: 20 * DAY })] }),
    ready: '2/2', status: 'Running', restarts: '9 (5d ago)', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test PodScheduled condition with reason SchedulingGated (test15)', rules: '[14.1]',
    pod: pod('test15', { main: anonymous(2), phase: POD_PHASE, conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }),
    ready: '0/2', status: 'SchedulingGated', restarts: '0', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod condition succeed (test16)', rules: '[14.3]',
    pod: pod('test16', { main: anonymous(1), phase: 'Succeeded', statuses: [cs({ state: terminated(0, 'Completed') })] }),
    ready: '0/1', status: 'Completed', restarts: '0', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod condition failed (test17)', rules: '[14.3]',
    pod: pod('test17', { main: anonymous(1), phase: 'Failed', statuses: [cs({ state: terminated(1, 'Error') })] }),
    ready: '0/1', status: 'Error', restarts: '0', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod condition succeed with deletion (test18)', rules: '[14.4]',
    pod: pod('test18', { main: anonymous(1), phase: 'Succeeded', deleted: true, statuses: [cs({ state: terminated(0, 'Completed') })] }),
    ready: '0/1', status: 'Completed', restarts: '0', minors: TERMINAL_KEPT },
  { fn: 'TestPrintPod', name: 'Test pod condition running with deletion (test19)', rules: '[14.4]',
    pod: pod('test19', { main: anonymous(1), phase: 'Running', deleted: true, statuses: [cs({ state: running })] }),
    ready: '0/1', status: 'Terminating', restarts: '0', minors: ALL },
  { fn: 'TestPrintPod', name: 'Test pod condition pending with deletion (test20)', rules: '[14.4]',
    pod: pod('test20', { main: anonymous(1), phase: 'Pending', deleted: true }),
    ready: '0/1', status: 'Terminating', restarts: '0', minors: ALL },

  // ---- TestPrintPodWithRestartableInitContainer ----
  { fn: 'TestPrintPodWithRestartableInitContainer', name: 'Test pod has 2 restartable init containers, the first one running but not started (test1)', rules: '[14.2]',
    pod: pod('test1', { init: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], main: anonymous(1), phase: 'Pending',
      conditions: [cond('Initialized', 'False')],
      initStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastFinishedAgo: 10 * SECOND }),
        cs({ name: 'restartable-init-2', state: waitingNoReason, started: false })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/3', status: 'Init:0/2', restarts: '3 (10s ago)', minors: SIDECARS },
  { fn: 'TestPrintPodWithRestartableInitContainer', name: 'Test pod has 2 restartable init containers, the first one started and the second one running but not started (test1)', rules: '[14.2]',
    pod: pod('test1', { init: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], main: anonymous(1), phase: 'Pending',
      conditions: [cond('Initialized', 'False')],
      initStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastFinishedAgo: 10 * SECOND }),
        cs({ name: 'restartable-init-2', state: running, started: false })],
      statuses: [cs({ state: waitingNoReason })] }),
    ready: '0/3', status: 'Init:1/2', restarts: '3 (10s ago)', minors: SIDECARS },
  { fn: 'TestPrintPodWithRestartableInitContainer', name: 'Test pod has 2 restartable init containers started and 1 container running (test2)', rules: '[14.2] [14.3]',
    pod: pod('test2', { init: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], main: anonymous(1), phase: 'Running',
      conditions: [cond('Initialized', 'True')],
      initStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastFinishedAgo: 10 * SECOND }),
        cs({ name: 'restartable-init-2', state: running, started: true })],
      statuses: [cs({ ready: true, restartCount: 4, state: running, lastFinishedAgo: 20 * SECOND })] }),
    ready: '1/3', status: 'Running', restarts: '7 (10s ago)', minors: SIDECARS },
  { fn: 'TestPrintPodWithRestartableInitContainer', name: 'Test pod has 2 restartable init containers completed with non-zero and 1 container completed (test3)', rules: '[14.2] [14.3]',
    pod: pod('test3', { init: [sidecar('restartable-init-1'), sidecar('restartable-init-2')], main: anonymous(1), phase: 'Succeeded',
      conditions: [cond('Initialized', 'True')],
      initStatuses: [
        cs({ name: 'restartable-init-1', restartCount: 3, state: terminated(137, 'Error'), started: false, lastFinishedAgo: 10 * SECOND }),
        cs({ name: 'restartable-init-2', state: terminated(137, 'Error'), started: false })],
      statuses: [cs({ restartCount: 4, state: terminated(0, 'Completed'), lastFinishedAgo: 20 * SECOND })] }),
    ready: '0/3', status: 'Completed', restarts: '7 (10s ago)', minors: SIDECARS },
  { fn: 'TestPrintPodWithRestartableInitContainer', name: 'Test pod has container statuses for non-existent initContainers and containers (test4)', rules: '[14.1] [14.2]',
    pod: pod('test4', { init: [{ name: 'init1' }, sidecar('sidecar1')], main: [{ name: 'container1' }], phase: 'Running',
      initStatuses: [cs({ name: 'initinvalid' }), cs({ name: 'init1' }), cs({ name: 'sidecar1' })],
      statuses: [cs({ name: 'containerinvalid' }), cs({ name: 'container1' })] }),
    ready: '0/2', status: 'Init:0/2', restarts: '0', minors: SIDECARS },

  // ---- TestPrintPodwide (the first five cells only) ----
  { fn: 'TestPrintPodwide', name: 'Test when the NodeName and PodIP are not none (test1, one pod IP)', rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: POD_PHASE, conditions: [cond('condition1', 'False'), cond('condition2', 'True')], statuses: runningAndBare() }),
    ready: '1/2', status: 'podPhase', restarts: '6', minors: ALL },
  { fn: 'TestPrintPodwide', name: 'Test when the NodeName and PodIP are not none (test1, two pod IPs)', rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: POD_PHASE, conditions: [cond('condition1', 'False'), cond('condition2', 'True')], statuses: runningAndBare() }),
    ready: '1/2', status: 'podPhase', restarts: '6', minors: ALL },
  { fn: 'TestPrintPodwide', name: 'Test when the NodeName and PodIP are none (test2)', rules: '[14.3]',
    pod: pod('test2', { main: anonymous(2), phase: POD_PHASE, statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ restartCount: 3, state: waitingFor('ContainerWaitingReason') })] }),
    ready: '1/2', status: 'ContainerWaitingReason', restarts: '6', minors: ALL },

  // ---- TestPrintPodConditions ----
  { fn: 'TestPrintPodConditions', name: 'Should not have TableRowCondition (runningPod test1)', rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: 'Running', statuses: runningAndBare() }),
    ready: '1/2', status: 'Running', restarts: '6', minors: ALL },
  { fn: 'TestPrintPodConditions', name: 'Should have TableRowCondition: podSuccessConditions (succeededPod test1)', rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: 'Succeeded', statuses: runningAndBare() }),
    ready: '1/2', status: 'Succeeded', restarts: '6', minors: ALL },
  { fn: 'TestPrintPodConditions', name: 'Should have TableRowCondition: podFailedCondition (failedPod test2)', rules: '[14.1] [14.3]',
    pod: pod('test2', { main: anonymous(2), phase: 'Failed', statuses: runningAndBare() }),
    ready: '1/2', status: 'Failed', restarts: '6', minors: ALL },

  // ---- TestPrintPodList (one list of two pods: one row each) ----
  { fn: 'TestPrintPodList', name: "Test podList's pod: name, num of containers, restarts, container ready status (test1)", rules: '[14.1] [14.3]',
    pod: pod('test1', { main: anonymous(2), phase: POD_PHASE, statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3, state: running })] }),
    ready: '2/2', status: 'podPhase', restarts: '6', minors: ALL },
  { fn: 'TestPrintPodList', name: "Test podList's pod: name, num of containers, restarts, container ready status (test2)", rules: '[14.1] [14.3]',
    pod: pod('test2', { main: anonymous(1), phase: POD_PHASE, statuses: [cs({ ready: true, restartCount: 1, state: running })] }),
    ready: '1/1', status: 'podPhase', restarts: '1', minors: ALL },

  // ---- TestPrintNonTerminatedPod ----
  { fn: 'TestPrintNonTerminatedPod', name: 'Test pod phase Running should be printed (test1)', rules: '[14.1]',
    pod: pod('test1', { main: anonymous(2), phase: 'Running', statuses: runningAndBare() }),
    ready: '1/2', status: 'Running', restarts: '6', minors: ALL },
  { fn: 'TestPrintNonTerminatedPod', name: 'Test pod phase Pending should be printed (test2)', rules: '[14.1]',
    pod: pod('test2', { main: anonymous(2), phase: 'Pending', statuses: runningAndBare() }),
    ready: '1/2', status: 'Pending', restarts: '6', minors: ALL },
  { fn: 'TestPrintNonTerminatedPod', name: 'Test pod phase Unknown should be printed (test3)', rules: '[14.1]',
    pod: pod('test3', { main: anonymous(2), phase: 'Unknown', statuses: runningAndBare() }),
    ready: '1/2', status: 'Unknown', restarts: '6', minors: ALL },
  { fn: 'TestPrintNonTerminatedPod', name: 'Test pod phase Succeeded should be printed (test4)', rules: '[14.1]',
    pod: pod('test4', { main: anonymous(2), phase: 'Succeeded', statuses: runningAndBare() }),
    ready: '1/2', status: 'Succeeded', restarts: '6', minors: ALL },
  { fn: 'TestPrintNonTerminatedPod', name: "Test pod phase Failed shouldn't be printed (test5)", rules: '[14.1]',
    pod: pod('test5', { main: anonymous(2), phase: 'Failed', statuses: [
      cs({ ready: true, restartCount: 3, state: running }), cs({ ready: true, restartCount: 3 })] }),
    ready: '1/2', status: 'Failed', restarts: '6', minors: ALL },
];

describe('upstream printers_test.go pod cases, replayed on our printPod', () => {
  for (const c of cases) {
    describe(`${c.fn}: ${c.name} ${c.rules}`, () => {
      it.each(c.minors)('1.%d', (minor) => {
        expect(printPod(c.pod, NOW, { minor })).toEqual({ ready: c.ready, status: c.status, restarts: c.restarts });
      });
    });
  }

  it('covers every translated upstream case (39: 21 + 5 + 3 + 3 + 2 + 5)', () => {
    const byFn = new Map<string, number>();
    for (const c of cases) byFn.set(c.fn, (byFn.get(c.fn) ?? 0) + 1);
    expect(Object.fromEntries(byFn)).toEqual({
      TestPrintPod: 21,
      TestPrintPodWithRestartableInitContainer: 5,
      TestPrintPodwide: 3,
      TestPrintPodConditions: 3,
      TestPrintPodList: 2,
      TestPrintNonTerminatedPod: 5,
    });
  });
});
