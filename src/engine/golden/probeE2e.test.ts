// Upstream END-TO-END tests: test/e2e/common/node/container_probe.go, SIGDescribe("Probing
// container"), every ginkgo.It / f.It / framework.ConformanceIt of it, as golden scenarios P01-P23
// (src/engine/golden/fixtures/Pnn.yaml; the restartable-init-container block is
// probeE2eSidecar.test.ts, fixtures Pnn-sidecar.yaml). Stored versions read (kubernetes/kubernetes):
// 002c17be (1.29/1.30-era: nodefeature/feature labels, two names ending "[MinimumKubeletVersion:1.20]")
// and 297a562f (later: framework.WithFeatureGate(features.SidecarContainers), the tag gone). Both hold
// the same 23 cases of this block with the same pods, probes and timeouts; no case exists in only one
// of them (the sidecar block's "Release: v1.28" cases are in both too). Every case runs on every
// minor 1.27-1.37: nothing here is newer than 1.23 (gRPC probes, GA in 1.27).
//
// How upstream's checks map (helpers in probeE2e.testkit.ts):
// - RunLivenessTest(pod, n, timeout): runLivenessTest on Containers[0]: from when the container's
//   written status is first running/terminated, at least n more restarts by t0 + timeout (+10 s per
//   initial restart), or none when n = 0; restartCount never goes down. defaultObservationTimeout = 4 min.
// - runReadinessFailTest: not Ready for a minute from the first non-Pending phase (see the testkit for
//   upstream's never-refreshed pod object).
// - readiness with initial delay: Ready within PodStartTimeout (5 min), PodRunningReady, the Ready
//   condition's lastTransitionTime minus state.running.startedAt (both whole seconds in the API) >= 15 s,
//   getRestartCount 0.
// - "ready immediately after startupProbe succeeds": WaitForPodContainerStarted(index 0), then
//   WaitTimeoutForPodReadyInNamespace; ready no earlier and at most 25 s later.
// - the terminating cases: Running and Ready before the deletion, then Ready false seen by an
//   informer within PodDelete (5 min) of it, before the pod is gone; and (liveness case) no event whose
//   message contains "failed liveness probe" (the Killing event of a liveness kill, the trace's
//   container.kill `message`; the Unhealthy events read "Liveness probe failed: …") up to a minute after.
// What the scenario cannot say is expressed with fault windows; each fixture's header says how.
//
// Not expressible: the ProbeWarning event of "should *not* be restarted with a non-local redirect
// http liveness probe" ("Probe terminated redirects, Response body: …"): the engine has no redirects
// and records no ProbeWarning; only its no-restart half is checked (P13). The timing of the exec
// probe `sleep 10 & exit 1` (P11): the engine's shell reader cannot follow `&`, so the run fails at
// once instead of after the background sleep lets its output close.
import { describe, it } from 'vitest';
import type { KubeVersion } from '../version';
import { eventsOf, eventually, expectConsistently, expectThat, justBefore } from './logAssertions';
import {
  ALL_VERSIONS, DEFAULT_OBSERVATION_TIMEOUT as OBS, POD_START_TIMEOUT, apiSeconds, podReady, podRestartCount,
  podRunningReady, readyTransitionAt, runAt, runLivenessTest, runReadinessFailTest, runningStartedAt, unreadyAfterDeletion,
} from './probeE2e.testkit';

type Check = (v: KubeVersion) => void;

function each(id: string, title: string, check: Check): void {
  for (const v of ALL_VERSIONS) it(`${title} (${id}, ${v})`, () => check(v));
}

function liveness(id: string, title: string, container: string, restarts: number, timeout = OBS): void {
  each(id, title, (v) => { runLivenessTest(runAt(id, v), container, restarts, timeout); });
}

describe('Probing container', () => {
  each('P01', 'with readiness probe should not be ready before initial delay and never restart', (v) => {
    const trace = runAt('P01', v);
    const C = 'test-webserver';
    const readyAt = eventually(trace, 0, POD_START_TIMEOUT, (t) => podReady(trace, t));
    expectThat(trace, readyAt !== undefined, `the pod is Ready within ${POD_START_TIMEOUT}s`, [C]);
    const t = readyAt!;
    expectThat(trace, podRunningReady(trace, t), 'PodRunningReady', [C]);
    const readyTime = readyTransitionAt(trace, t)!;
    const startedTime = runningStartedAt(trace, C, t);
    expectThat(trace, startedTime !== undefined, `${C} is running`, [C]);
    const gap = apiSeconds(readyTime) - apiSeconds(startedTime!);
    expectThat(trace, gap >= 15, `Ready (${readyTime}s) no sooner than 15 s after startedAt (${startedTime}s): ${gap}s in whole seconds`, [C]);
    expectThat(trace, podRestartCount(trace, t) === 0, `restart count 0 (got ${podRestartCount(trace, t)})`, [C]);
  });

  each('P02', 'with readiness probe that fails should never be ready and never restart', (v) => {
    const trace = runAt('P02', v);
    const C = 'test-webserver';
    expectConsistently(trace, 0, 60, 'the pod is not Ready', [C], (t) => !podReady(trace, t));
    expectThat(trace, !podRunningReady(trace, 60), 'not PodRunningReady after a minute', [C]);
    expectThat(trace, podRestartCount(trace, 60) === 0, `restart count 0 (got ${podRestartCount(trace, 60)})`, [C]);
  });

  liveness('P03', 'should be restarted with a exec "cat /tmp/health" liveness probe', 'busybox', 1);
  liveness('P04', 'should *not* be restarted with a exec "cat /tmp/health" liveness probe', 'busybox', 0);
  liveness('P05', 'should be restarted with a /healthz http liveness probe', 'agnhost-container', 1);
  liveness('P06', 'should *not* be restarted with a tcp:8080 liveness probe', 'agnhost-container', 0);
  liveness('P07', 'should have monotonically increasing restart count', 'agnhost-container', 5, 120 + OBS + 4 * 120);
  liveness('P08', 'should *not* be restarted with a /healthz http liveness probe', 'test-webserver', 0);
  liveness('P09', 'should be restarted with an exec liveness probe with timeout', 'busybox', 1);

  each('P10', 'should not be ready with an exec readiness probe timeout', (v) => {
    runReadinessFailTest(runAt('P10', v), ['busybox'], 60, true);
  });

  liveness('P11', 'should be restarted with a failing exec liveness probe that took longer than the timeout', 'busybox', 1);
  liveness('P12', 'should be restarted with a local redirect http liveness probe', 'agnhost-container', 1);
  liveness('P13', 'should *not* be restarted with a non-local redirect http liveness probe', 'agnhost-container', 0);
  liveness('P14', 'should be restarted startup probe fails', 'busybox', 1);
  liveness('P15', 'should *not* be restarted by liveness probe because startup probe delays it', 'busybox', 0);
  liveness('P16', 'should be restarted by liveness probe after startup probe enables it', 'busybox', 1);

  each('P17', 'should be ready immediately after startupProbe succeeds', (v) => {
    const trace = runAt('P17', v);
    const C = 'busybox'; // ContainerStatuses[0]
    const started = eventsOf(trace, 'container.started', C)[0]?.t;
    expectThat(trace, started !== undefined && started <= POD_START_TIMEOUT, `${C} started within ${POD_START_TIMEOUT}s`, [C]);
    const readyTime = eventually(trace, started!, started! + POD_START_TIMEOUT, (t) => podReady(trace, t));
    expectThat(trace, readyTime !== undefined, `the pod is Ready within ${POD_START_TIMEOUT}s of ${started}s`, [C]);
    expectThat(trace, podRunningReady(trace, readyTime!), 'PodRunningReady', [C]);
    const readyIn = readyTime! - started!;
    expectThat(trace, readyIn >= 0 && readyIn <= 25, `Ready ${readyIn}s after the startup probe succeeded (upstream: 0 to 25 s)`, [C]);
  });

  for (const [id, title, reason] of [
    ['P18', 'should override timeoutGracePeriodSeconds when LivenessProbe field is set', 'LivenessProbe'],
    ['P19', 'should override timeoutGracePeriodSeconds when StartupProbe field is set', 'StartupProbe'],
  ] as const) {
    each(id, title, (v) => {
      const trace = runAt(id, v);
      // "10s delay + 10s period + 5s grace period = 25s < 30s << pod-level timeout 500"
      runLivenessTest(trace, 'busybox', 1, 40 + OBS);
      const kill = eventsOf(trace, 'container.kill', 'busybox').find((e) => e.reason === reason);
      expectThat(trace, kill?.gracePeriodSeconds === 5, `the ${reason} kill uses the probe's 5 s, not the pod's 500 s (got ${kill?.gracePeriodSeconds})`, ['busybox']);
    });
  }

  liveness('P20', 'should *not* be restarted with a GRPC liveness probe', 'agnhost', 0);
  liveness('P21', 'should be restarted with a GRPC liveness probe', 'agnhost', 1);

  for (const [id, title, livenessToo] of [
    ['P22', 'should mark readiness on pods to false while pod is in progress of terminating when a pod has a readiness probe', false],
    ['P23', 'should mark readiness on pods to false and disable liveness probes while pod is in progress of terminating', true],
  ] as const) {
    each(id, title, (v) => {
      const trace = runAt(id, v);
      const C = 'probe-test';
      const deleted = eventsOf(trace, 'pod.deleted')[0]?.t;
      expectThat(trace, deleted !== undefined, 'the pod is deleted', [C]);
      expectThat(trace, podRunningReady(trace, justBefore(deleted!)), 'WaitForPodsRunningReady: Running and Ready before the deletion', [C]);
      const unready = unreadyAfterDeletion(trace, deleted!, [C]);
      if (!livenessToo) return;
      const killed = eventsOf(trace, 'container.kill').filter((e) => e.t <= unready + 60 && (e.message ?? '').includes('failed liveness probe'));
      expectThat(trace, killed.length === 0, `no "failed liveness probe" event up to a minute after the pod turned unready (${unready}s)`, [C]);
    });
  }
});
