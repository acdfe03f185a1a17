// Golden test: upstream END-TO-END tests of a pod's restarts, phases and status, translated to
// whole scenarios (fixtures L01-L10) run through runScenario on every minor they apply to.
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e/common/node/pods.go, stored d5060de9 (ginkgo v2, f.WithSlow()/f.WithNodeConformance(),
//   ctx arguments: a 1.29+ tree; the older stored copy 01aa0f3f has the same two back-off cases):
//   "should have their auto-restart back-off timer reset on image update" (L01), "should cap back-off
//   at MaxContainerBackOff" (L02), "should support pod readiness gates" (L03, first step only),
//   "should be submitted and removed" (L04).
// - test/e2e/node/pods.go, stored 0031095a (it has the Pod Generation cases: a 1.33+ tree):
//   "Delete Grace Period should be submitted and removed" (L05), "Pod Container Status" (L06-L09),
//   "Pod Container lifecycle should not create extra sandbox if all containers are done" (L10).
//
// How upstream's waits map to ours (podLifecycleE2e.testkit.ts): the API object at time t is the
// trace's written container statuses, pod.phase / pod.condition events and pod.deleted. A poll is
// read at its own instant; where upstream acts after a wait (an image update, a deletion), the test
// first runs the fixture without that action, finds the moment upstream's wait would return, and
// runs it again with the action moved there (the fixture holds the newest minor's moment).
// getRestartDelay, podStartVerifier, podDeleteVerifier and verifyFinal are translated line by line
// in the testkit; their structural checks on the number of statuses (one init, one main container)
// hold by construction (the engine writes one status per spec container) and are left out.
//
// Not expressible, and why:
// - common/node/pods.go "should allow activeDeadlineSeconds to be updated": the engine has no event
//   that changes the spec's activeDeadlineSeconds while the pod runs (setImage is its only spec
//   update). "should run through the lifecycle of Pods and PodStatus" and "should patch a pod
//   status": a client replaces or patches the pod's status (and a label), which the engine has no
//   event for; its only kubelet-side part (the pod Running, then deleted) is L04's. "should support
//   pod readiness gates" after its first step: patches of the gates' conditions. "should get a host
//   IP", "should be updated", the environment, exec, logs and collection cases: no pod IP, labels,
//   environment, exec or logs in the engine.
// - node/pods.go "Pods Set QOS Class" (no resources model), "pod with negative grace period" (the
//   update of the spec's grace), "Pod Generation" (no metadata.generation or observedGeneration),
//   "evicted pods should be terminal" (no ephemeral-storage accounting or eviction manager).
import { describe, expect, it } from 'vitest';
import { fixtureText } from './harness';
import { fail } from './logAssertions';
import {
  conditionTransition, getRestartDelay, minors, phaseAtT, pollUntil, retimed, runL, runText, statusAt,
  verifyPodDelete, verifyPodStart, waitRunning, withoutEvent,
} from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';

const ALL = minors(27);
const MAX_CONTAINER_BACK_OFF = 300;
const MAX_BACK_OFF_TOLERANCE = 1.3 * MAX_CONTAINER_BACK_OFF;

/** The API request upstream sends after the read that ended its wait comes this much later (10 ms). */
const REQUEST_AFTER_READ = 0.01;

/**
 * Runs a fixture twice: without `action`, to find when upstream's wait returns (`when`), then with
 * the action moved just after that moment.
 */
function actAt(name: string, v: (typeof ALL)[number], action: string, when: (before: Trace) => number): { trace: Trace; at: number } {
  const before = runText(withoutEvent(fixtureText(name), action), v);
  const at = when(before) + REQUEST_AFTER_READ;
  return { trace: runText(retimed(fixtureText(name), action, at), v), at };
}

describe('test/e2e/common/node/pods.go: Pods', () => {
  for (const v of ALL) {
    it(`should have their auto-restart back-off timer reset on image update (${v})`, () => {
      const c = 'back-off';
      let delays: { delay: number; at: number }[] = [];
      const { trace, at: updatedAt } = actAt('L01', v, 'setImage', (before) => {
        // startPodAndGetBackOffs: CreateSync, sleep buildBackOffDuration (1 min), three delays.
        const d0 = getRestartDelay(before, c, waitRunning(before, 0) + 60);
        const d1 = getRestartDelay(before, c, d0.at);
        const d2 = getRestartDelay(before, c, d1.at);
        delays = [d0, d1, d2];
        return d2.at;
      });
      const [, delay1, delay2] = delays.map((d) => d.delay) as [number, number, number];
      // The run with the update sees the same three delays before it.
      expect(getRestartDelay(trace, c, delays[1]!.at).delay).toBeCloseTo(delay2, 6);
      // time.Sleep(syncLoopFrequency); WaitForPodNameRunningInNamespace; getRestartDelay.
      const after = getRestartDelay(trace, c, waitRunning(trace, updatedAt + 10));
      const nginxRuns = trace.events.filter((e) => e.type === 'container.pulled' && e.image.includes('nginx') && e.t >= updatedAt);
      if (nginxRuns.length === 0) fail(trace, 'the new image was never pulled', [c]);
      if (after.delay > 2 * delay2 || after.delay > 2 * delay1) {
        fail(trace, `updating image did not reset the back-off value: d3=${after.delay} d1=${delay1} d2=${delay2}`, [c]);
      }
    });

    it(`should cap back-off at MaxContainerBackOff (${v})`, () => {
      const c = 'back-off-cap';
      const trace = runL('L02', v);
      // CreateSync; time.Sleep(2 * MaxContainerBackOff); three getRestartDelay calls (the loop's
      // `continue` does not stop it: delay1 is the third), then one more.
      let d = { delay: 0, at: waitRunning(trace, 0) + 2 * MAX_CONTAINER_BACK_OFF };
      for (let i = 0; i < 3; i++) d = getRestartDelay(trace, c, d.at);
      const delay1 = d.delay;
      const delay2 = getRestartDelay(trace, c, d.at).delay;
      for (const [name, delay] of [['delay1', delay1], ['delay2', delay2]] as const) {
        if (delay < MAX_CONTAINER_BACK_OFF || delay > MAX_BACK_OFF_TOLERANCE) {
          fail(trace, `expected ${MAX_CONTAINER_BACK_OFF}s back-off got=${delay}s in ${name}`, [c]);
        }
      }
    });

    it(`should support pod readiness gates: Ready is False once Running, the gates' conditions missing (${v})`, () => {
      const trace = runL('L03', v);
      const running = waitRunning(trace, 0);
      expect(conditionTransition(trace, 'Ready', running)?.status).toBe('False');
    });

    it(`should be submitted and removed (${v})`, () => {
      const { trace, at } = actAt('L04', v, 'deletePod', (before) => waitRunning(before, 0));
      const gone = trace.events.find((e) => e.type === 'pod.gone')?.t;
      // The watch sees Deleted within DefaultPodDeletionTimeout (3 min), a graceful deletion.
      if (gone === undefined || gone - at > 180) fail(trace, `pod not deleted within 3 min of ${at}s (gone at ${gone})`, ['pause']);
      expect(trace.events.find((e) => e.type === 'pod.deleted')?.gracePeriodSeconds).toBe(30);
    });
  }
});

describe('test/e2e/node/pods.go: Pods Extended', () => {
  for (const v of ALL) {
    it(`Delete Grace Period should be submitted and removed (${v})`, () => {
      const { trace, at } = actAt('L05', v, 'deletePod', (before) => waitRunning(before, 0));
      // wait.Poll(5 s, 3 × 30 s): the kubelet no longer has the pod.
      const gone = trace.events.find((e) => e.type === 'pod.gone')?.t ?? Infinity;
      if (pollUntil(at, 90, 5, (t) => t >= gone) === undefined) fail(trace, `kubelet never observed the termination notice (gone at ${gone})`, ['agnhost-container']);
    });

    /** podFastDeleteScenario.Action with waitCreated: Eventually (50 ms polls) the phase is not Pending, then Delete. */
    const whenNotPending = (before: Trace) => {
      const t = pollUntil(0, 60, 0.05, (x) => phaseAtT(before, x) !== 'Pending');
      if (t === undefined) fail(before, 'pod still Pending after 1 min', []);
      return t;
    };

    it(`Pod Container Status should never report success for a pending container (${v})`, () => {
      const { trace } = actAt('L06', v, 'deletePod', whenNotPending);
      expect(verifyPodStart(trace, { fail: 'fail', waitCreated: true })).toEqual([]);
    });

    it(`Pod Container Status should never report container start when an init container fails (${v})`, () => {
      const { trace } = actAt('L07', v, 'deletePod', whenNotPending);
      expect(verifyPodStart(trace, { fail: 'fail', blocked: 'blocked', waitCreated: true })).toEqual([]);
    });

    // rand.Intn(2000) ms after the creation: a few fixed draws over that range.
    for (const delay of [0, 0.4, 0.8, 1.2, 1.6, 1.999]) {
      it(`Pod Container Status should report StartError for pod removal (${v}, deleted ${delay}s after creation)`, () => {
        const trace = runText(retimed(fixtureText('L08'), 'deletePod', delay), v);
        expect(verifyPodStart(trace, { fail: 'fail', waitCreated: false })).toEqual([]);
      });
    }

    it(`Pod Container Status should not return an error when any health probe fails (${v})`, () => {
      const { trace } = actAt('L09', v, 'deletePod', (before) => {
        // Eventually (100 ms polls, 3 min) ContainerStatuses[0].RestartCount == 1, then Delete.
        const t = pollUntil(0, 180, 0.1, (x) => statusAt(before, 'normal', x)?.restartCount === 1);
        if (t === undefined) fail(before, 'normal never restarted', ['normal']);
        return t;
      });
      expect(verifyPodDelete(trace, 'normal')).toEqual([]);
    });

    it(`Pod Container lifecycle should not create extra sandbox if all containers are done (${v})`, () => {
      const trace = runL('L10', v);
      expect(phaseAtT(trace, trace.end)).toBe('Succeeded');
      const changed = trace.events.filter((e) => e.type === 'pod.sandboxChanged');
      if (changed.length > 0) fail(trace, `Unexpected SandboxChanged event at ${changed.map((e) => e.t).join(', ')}`, ['foo', 'bar']);
    });
  }
});
