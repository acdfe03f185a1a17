// Golden test: upstream END-TO-END tests of the pod conditions' order and of the crash-loop
// back-off's tuning, translated to whole scenarios (fixtures L11-L15).
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e_node/pod_conditions_test.go, stored d0e8692a (f.Context/feature.* labels, gomega
//   BeTrueBecause; the older 025f2834 has the same four cases per context, without the second pod of
//   the volume cases): "Pod conditions managed by Kubelet", contexts "including
//   PodReadyToStartContainers condition" (the kubelet config's FeatureGates replaced by
//   {PodReadyToStartContainersCondition: true}) and "without PodReadyToStartContainersCondition
//   condition" (the node's defaults), each with runPodReadyConditionsTest(hasInitContainers) (L11
//   without, L12 with the init container) and runPodFailingConditionsTest.
// - test/e2e_node/container_restart_test.go, stored 0ff9d457: "Container Restart" [Feature:CriProxy]
//   [Serial], four contexts, each a kubelet config (gates KubeletCrashLoopBackOffMax and
//   ReduceDefaultCrashLoopBackOffDecay, crashLoopBackOff.maxContainerRestartPeriod) and doTest with
//   its maxRestarts (L13 no period, L14 30 s, L15 1 s).
//
// How they map: runPodReadyConditionsTest waits until the pod is Ready, reads it once, and compares
// the conditions' lastTransitionTime: the times of the trace's pod.condition flips (PodScheduled is
// the pod.scheduled event at 0). Upstream compares whole seconds (metav1.Time) with "not Before";
// here the engine's times themselves must be in order, which implies it at any second boundary.
// doTest: WaitForPodContainerToFail (2 s polls, 1 min) must end in an error, which it does when the
// phase leaves Pending before the container waits in CrashLoopBackOff while Pending; then 30 s;
// waitForContainerRestartedNTimes (2 s polls, 5 min) until the written restartCount reaches 3; that
// restartCount must not exceed maxRestarts. The CRI proxy only lets the test skip when absent.
//
// Versions: the "including" context needs the gate, which exists from 1.28 (1.25-1.27 named it
// PodHasNetworkCondition, a name the engine does not know: 1.27 is left out); it is locked on in
// 1.37, where the config's `true` is what the node has anyway. The "without" context uses each
// minor's defaults (the gate on from 1.29, not checked by that context). container_restart_test.go
// sets both back-off gates in every context, so it applies from 1.33, where
// ReduceDefaultCrashLoopBackOffDecay arrives (a 1.32 kubelet refuses that name).
//
// Not expressible: "a pod failing to mount volumes and {without, with} init containers should report
// {scheduled and initialized, just the scheduled} condition set" (both contexts): the engine has no
// volumes and no mount failure that blocks the sandbox; there is no event that holds a pod before
// its sandbox.
import { describe, expect, it } from 'vitest';
import { fail } from './logAssertions';
import { conditionTransition, minors, phaseAtT, pollUntil, runL, statusAt } from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';
import { gateLocked, type KubeVersion } from '../version';

const POLL = 2; // the e2e framework's pod polling interval

/** WaitTimeoutForPodReadyInNamespace: the first time the pod is Running and Ready. */
function readyAt(trace: Trace): number {
  const t = pollUntil(0, 300, 0.1, (x) => phaseAtT(trace, x) === 'Running' && conditionTransition(trace, 'Ready', x)?.status === 'True');
  if (t === undefined) fail(trace, 'pod never Running and Ready', []);
  return t;
}

/** runPodReadyConditionsTest's checks on the pod read at `t`; returns upstream's failures. */
function checkConditionOrder(trace: Trace, t: number, hasInit: boolean, checkReadyToStart: boolean): string[] {
  const errs: string[] = [];
  const transition = (cond: string) => {
    const c = conditionTransition(trace, cond, t);
    if (c?.status !== 'True') errs.push(`condition ${cond} is ${c?.status ?? 'missing'}, expected True`);
    return c?.at ?? NaN;
  };
  const notBefore = (a: number, b: number, what: string) => { if (!(a >= b)) errs.push(`${what}: ${a} is before ${b}`); };
  const scheduled = trace.events.find((e) => e.type === 'pod.scheduled')?.t ?? NaN;
  const initialized = transition('Initialized');
  let beforeContainersReady = initialized;
  if (checkReadyToStart) {
    const readyToStart = transition('PodReadyToStartContainers');
    if (hasInit) {
      // Scheduled => PodReadyToStartContainers => Initialized
      notBefore(readyToStart, scheduled, 'ready to start vs scheduled');
      notBefore(initialized, readyToStart, 'initialized vs ready to start');
    } else {
      // Scheduled => Initialized => PodReadyToStartContainers
      beforeContainersReady = readyToStart;
      notBefore(initialized, scheduled, 'initialized vs scheduled');
      notBefore(readyToStart, initialized, 'ready to start vs initialized');
    }
  } else {
    notBefore(initialized, scheduled, 'initialized vs scheduled');
  }
  const containersReady = transition('ContainersReady');
  notBefore(containersReady, beforeContainersReady, 'containers ready');
  notBefore(transition('Ready'), containersReady, 'pod ready vs containers ready');
  return errs;
}

describe('test/e2e_node/pod_conditions_test.go: Pod conditions managed by Kubelet', () => {
  const cases = [
    { name: 'a pod without init containers should report all conditions set in expected order after the pod is up', fixture: 'L11', hasInit: false },
    { name: 'a pod with init containers should report all conditions set in expected order after the pod is up', fixture: 'L12', hasInit: true },
  ];
  for (const v of minors(28)) {
    const gates: Record<string, boolean> = gateLocked('PodReadyToStartContainersCondition', v) ? {} : { PodReadyToStartContainersCondition: true };
    for (const c of cases) {
      it(`including PodReadyToStartContainers condition › ${c.name} (${v})`, () => {
        const trace = runL(c.fixture, v, { gates });
        expect(checkConditionOrder(trace, readyAt(trace), c.hasInit, true)).toEqual([]);
      });
    }
  }
  for (const v of minors(27)) {
    for (const c of cases) {
      it(`without PodReadyToStartContainersCondition condition › ${c.name} (${v})`, () => {
        const trace = runL(c.fixture, v);
        expect(checkConditionOrder(trace, readyAt(trace), c.hasInit, false)).toEqual([]);
      });
    }
  }
});

describe('test/e2e_node/container_restart_test.go: Container Restart', () => {
  const contexts = [
    { ctx: 'Container restart backs off', it: 'Container restart backs off.', fixture: 'L13', max: false, reduce: false, maxRestarts: 7 },
    { ctx: 'Alternate container restart backs off as expected', it: 'Alternate restart backs off.', fixture: 'L14', max: true, reduce: false, maxRestarts: 13 },
    { ctx: 'Reduced default container restart backs off as expected', it: 'Reduced default restart backs off.', fixture: 'L13', max: false, reduce: true, maxRestarts: 13 },
    { ctx: 'Lower node config container restart takes precedence', it: 'Reduced default restart backs off.', fixture: 'L15', max: true, reduce: true, maxRestarts: 298 },
  ];
  const c = 'restarts';
  for (const v of minors(33)) {
    for (const x of contexts) {
      it(`${x.ctx} › ${x.it} (${v})`, () => {
        const trace = runL(x.fixture, v as KubeVersion, { gates: { KubeletCrashLoopBackOffMax: x.max, ReduceDefaultCrashLoopBackOffDecay: x.reduce } });
        // WaitForPodContainerToFail(…, 0, "CrashLoopBackOff", 1 min): nil only if seen Pending with
        // that waiting reason; an error once the phase is Running, Failed or Succeeded, or at 1 min.
        let waitErr = false;
        let t = 0;
        for (; t <= 60; t += POLL) {
          const phase = phaseAtT(trace, t);
          const s = statusAt(trace, c, t);
          if (phase === 'Pending' && s?.state === 'waiting' && s.reason === 'CrashLoopBackOff') break;
          if (phase !== 'Pending') { waitErr = true; break; }
        }
        if (t > 60) { waitErr = true; t = 60; }
        expect(waitErr, 'WaitForPodContainerToFail returns an error').toBe(true);
        // time.Sleep(30 s); waitForContainerRestartedNTimes(…, 5 min, 3).
        const at = pollUntil(t + 30, 300, POLL, (x) => (statusAt(trace, c, x)?.restartCount ?? 0) >= 3);
        if (at === undefined || at > trace.end) fail(trace, `restartCount never reached 3 within 5 min of ${t + 30}s (run ends at ${trace.end})`, [c]);
        const r = statusAt(trace, c, at)!.restartCount;
        if (r > x.maxRestarts) fail(trace, `restartCount ${r} at ${at}s is above ${x.maxRestarts}`, [c]);
      });
    }
  }
});
