// Golden test: upstream END-TO-END test test/e2e/common/node/init_container.go, its four cases on the
// pod object as a watch delivers it, on every minor (the C01-C04 fixtures of conformance.test.ts).
//
// Upstream file (kubernetes/kubernetes): test/e2e/common/node/init_container.go, stored commit 06adee84
// (ginkgo v2, framework.WithNodeConformance(), contexts: a 1.29+ tree; find_files names 21cd2f24 too).
// The four cases are "Release: v1.12" conformance tests, so they apply to every minor, 1.27-1.37.
//
// conformance.test.ts checks C01-C04 on the newest minor from trace events. This file reads the API
// object instead (hookInitE2e.testkit.ts apiWatch: the run stepped to every instant its trace has an
// event, the pod status the API server then holds, one snapshot per change) and runs upstream's
// watchtools.Until conditions over those snapshots in order, as upstream's watch does (a condition
// that returns an error fails the test; once one holds the next starts with the following event),
// then its assertions on the object that ended the wait: the phase, the Initialized condition with
// its reason and message ("containers with incomplete status: [init1 init2]" / "[init2]"), two
// InitContainerStatuses, each Ready and Terminated with exit 0 where upstream asks, restartCount >= 3,
// lastState.terminated.
//
// Not translated: checkInvariants(events, containerInitInvariant). Upstream discards its result, and
// its `events` slice stays empty (recordEvents appends to a copy), so it never fails a run; as written,
// initialized() would also flag every init container that completed ("is after an initializing
// container but isn't waiting": allInit starts true). conformance.test.ts checks the invariants'
// intent over the trace.
import { describe, it } from 'vitest';
import type { ApiPodStatus, ContainerStatus } from '../api';
import { apiWatch, type Snapshot } from './hookInitE2e.testkit';
import { minors } from './podLifecycleE2e.testkit';
import type { KubeVersion } from '../version';

/** framework.PodStartTimeout: every Until here gives up after 5 min. */
const POD_START_TIMEOUT = 300;

type Condition = (s: ApiPodStatus) => boolean;

class WatchError extends Error {
  override name = 'WatchError';
}

/**
 * watchtools.UntilWithoutRetry: the conditions hold one after the other; each after the first is tried
 * on the event that satisfied the one before, then on the following events. Returns the snapshot that
 * satisfied the last; throws on a condition's error or when the watch ends (or times out) first.
 */
function until(snaps: Snapshot[], ...conditions: Condition[]): Snapshot {
  let last: Snapshot | undefined;
  let i = 0;
  const evaluate = (condition: Condition, s: Snapshot): boolean => {
    try {
      return condition(s.status);
    } catch (e) {
      throw new WatchError(`at t=${s.t}: ${(e as Error).message}\n${JSON.stringify(s.status)}`);
    }
  };
  conditions.forEach((condition, n) => {
    if (last !== undefined && evaluate(condition, last)) return;
    for (;;) {
      const s = snaps[i++];
      if (s === undefined || s.t > POD_START_TIMEOUT) throw new WatchError(`watch ended before condition ${n + 1} held (${describeLast(snaps)})`);
      last = s;
      if (evaluate(condition, s)) return;
    }
  });
  if (last === undefined) throw new Error('no condition given');
  return last;
}

function describeLast(snaps: Snapshot[]): string {
  const s = snaps.at(-1);
  return s ? `last at t=${s.t}: ${JSON.stringify(s.status)}` : 'no snapshot';
}

function check(cond: boolean, what: string, end: Snapshot): void {
  if (!cond) throw new WatchError(`${what}\nat t=${end.t}: ${JSON.stringify(end.status)}`);
}

/** conditions.PodCompleted / PodRunning. */
const podCompleted: Condition = (s) => s.phase === 'Failed' || s.phase === 'Succeeded';
const podRunning: Condition = (s) => {
  if (s.phase === 'Failed' || s.phase === 'Succeeded') throw new Error('pod ran to completion');
  return s.phase === 'Running';
};

const waitingReason = (c: ContainerStatus) => (c.state.waiting ? c.state.waiting.reason : undefined);

function initializedCondition(end: Snapshot) {
  return end.status.conditions.find((c) => c.type === 'Initialized');
}

function allInitsDone(end: Snapshot): void {
  check(end.status.initContainerStatuses.length === 2, 'InitContainerStatuses has length 2', end);
  for (const c of end.status.initContainerStatuses) {
    check(c.ready, `init container ${c.name} should be in Ready status`, end);
    check(c.state.terminated !== undefined && c.state.terminated.exitCode === 0, `${c.name} Terminated with exit code 0`, end);
  }
}

function expectInitialized(end: Snapshot, status: 'True' | 'False', reason?: string, message?: string): void {
  const c = initializedCondition(end);
  check(c !== undefined && c.status === status, `Initialized ${status} (got ${JSON.stringify(c)})`, end);
  if (reason !== undefined) check(c!.reason === reason && c!.message === message, `Initialized reason ${reason}, message "${message}"`, end);
}

/** Every main container is Waiting with reason PodInitializing (the first condition of C03 and C04). */
function mainsInitializing(s: ApiPodStatus): void {
  for (const c of s.containerStatuses) {
    if (!c.state.waiting) throw new Error(`container "${c.name}" should not be out of waiting`);
    if (c.state.waiting.reason !== 'PodInitializing') throw new Error(`container "${c.name}" should have reason PodInitializing`);
  }
}

function c01(v: KubeVersion): void {
  const end = until(apiWatch('C01', v), podCompleted);
  check(end.status.phase === 'Succeeded', 'phase Succeeded', end);
  expectInitialized(end, 'True');
  allInitsDone(end);
}

function c02(v: KubeVersion): void {
  const end = until(apiWatch('C02', v), podRunning);
  check(end.status.phase === 'Running', 'phase Running', end);
  expectInitialized(end, 'True');
  allInitsDone(end);
}

function c03(v: KubeVersion): void {
  const end = until(apiWatch('C03', v),
    // check for the first container to fail at least once
    (s) => {
      mainsInitializing(s);
      if (s.initContainerStatuses.length !== 2) return false;
      const second = s.initContainerStatuses[1]!;
      if (!second.state.waiting) throw new Error('second init container should not be out of waiting');
      if (second.state.waiting.reason !== 'PodInitializing') throw new Error('second init container should have reason PodInitializing');
      const first = s.initContainerStatuses[0]!;
      if (first.state.terminated && first.state.terminated.exitCode === 0) throw new Error('first init container should have exitCode != 0');
      // continue until we see an attempt to restart the pod
      return first.lastState.terminated !== undefined;
    },
    // verify we get two restarts
    (s) => s.initContainerStatuses[0]!.restartCount >= 3);
  check(end.status.phase === 'Pending', 'phase Pending', end);
  expectInitialized(end, 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init1 init2]');
  check(end.status.initContainerStatuses.length === 2, 'InitContainerStatuses has length 2', end);
}

function c04(v: KubeVersion): void {
  const end = until(apiWatch('C04', v),
    // check for the second container to fail at least once
    (s) => {
      mainsInitializing(s);
      if (s.initContainerStatuses.length !== 2) return false;
      const first = s.initContainerStatuses[0]!;
      if (!first.state.terminated) {
        if (first.state.waiting && waitingReason(first) !== 'PodInitializing') throw new Error('second init container should have reason PodInitializing');
        return false;
      }
      if (first.state.terminated.exitCode !== 0) throw new Error('first init container should have exitCode != 0');
      const second = s.initContainerStatuses[1]!;
      if (!second.state.terminated) return false;
      if (second.state.terminated.exitCode === 0) throw new Error('second init container should have failed');
      return true;
    },
    podCompleted);
  check(end.status.phase === 'Failed', 'phase Failed', end);
  expectInitialized(end, 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init2]');
  check(end.status.initContainerStatuses.length === 2, 'InitContainerStatuses has length 2', end);
  check(end.status.containerStatuses[0]?.state.waiting !== undefined, 'ContainerStatuses[0] is Waiting', end);
}

describe('[NodeConformance] InitContainer (the pod object as the watch sees it)', () => {
  for (const v of minors(27)) {
    it(`C01 ${v}: should invoke init containers on a RestartNever pod`, () => c01(v));
    it(`C02 ${v}: should invoke init containers on a RestartAlways pod`, () => c02(v));
    it(`C03 ${v}: should not start app containers if init containers fail on a RestartAlways pod`, () => c03(v));
    it(`C04 ${v}: should not start app containers and fail the pod if init containers fail on a RestartNever pod`, () => c04(v));
  }
});
