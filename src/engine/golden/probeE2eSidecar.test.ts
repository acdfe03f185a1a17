// Upstream END-TO-END tests: test/e2e/common/node/container_probe.go, SIGDescribe("Probing
// restartable init container") (Release v1.28 in every case's conformance comment; feature
// SidecarContainers), as golden scenarios Pnn-sidecar.yaml: the 23 cases of "Probing container"
// (probeE2e.test.ts, which says which stored versions were read: both hold all 23 sidecar cases,
// the two terminating ones included) with the probed container an init container with
// restartPolicy Always and a main container `main` (agnhost pause). Run on 1.28 (SidecarContainers
// turned on, as upstream's alpha job does) through 1.37.
//
// What differs from the main-container block, as upstream writes it:
// - RunSidecarLivenessTest watches InitContainers[0] (runLivenessTest on it; same timeouts).
// - runReadinessFailTest(…, waitForNotPending = false): the minute is counted from the creation.
// - "should be ready immediately after startupProbe succeeds": WaitForPodContainerStarted(index 0)
//   reads ContainerStatuses[0], which is `main` here, not the sidecar: the 0-25 s window runs from
//   main's Started (after the sidecar's startup probe passed) to the pod's Ready.
// - "with readiness probe should not be ready before initial delay": GetContainerStartedTime looks in
//   initContainerStatuses too, so startedAt is the sidecar's.
// - the terminating cases: the sidecar keeps its liveness worker through termination up to 1.37 ([5.8]),
//   but a failed liveness result kills only from SyncPod, which a terminating pod no longer runs, so
//   upstream's "no failed liveness probe event" holds here as well.
// Not expressible: as in probeE2e.test.ts (the non-local redirect's ProbeWarning event; the
// `sleep 10 & exit 1` run's timing).
import { describe, it } from 'vitest';
import type { KubeVersion } from '../version';
import { eventsOf, eventually, expectConsistently, expectThat, justBefore } from './logAssertions';
import {
  DEFAULT_OBSERVATION_TIMEOUT as OBS, POD_START_TIMEOUT, SIDECAR_VERSIONS, apiSeconds, podReady, podRestartCount,
  podRunningReady, readyTransitionAt, runAt, runLivenessTest, runReadinessFailTest, runningStartedAt, unreadyAfterDeletion,
} from './probeE2e.testkit';

type Check = (v: KubeVersion) => void;

function each(id: string, title: string, check: Check): void {
  const name = `${id}-sidecar`;
  for (const v of SIDECAR_VERSIONS) it(`${title} (${name}, ${v})`, () => check(v));
}

function liveness(id: string, title: string, container: string, restarts: number, timeout = OBS): void {
  each(id, title, (v) => { runLivenessTest(runAt(`${id}-sidecar`, v), container, restarts, timeout); });
}

describe('Probing restartable init container', () => {
  each('P01', 'with readiness probe should not be ready before initial delay and never restart', (v) => {
    const trace = runAt('P01-sidecar', v);
    const C = 'test-webserver';
    const readyAt = eventually(trace, 0, POD_START_TIMEOUT, (t) => podReady(trace, t));
    expectThat(trace, readyAt !== undefined, `the pod is Ready within ${POD_START_TIMEOUT}s`, [C, 'main']);
    const t = readyAt!;
    expectThat(trace, podRunningReady(trace, t), 'PodRunningReady', [C, 'main']);
    const readyTime = readyTransitionAt(trace, t)!;
    const startedTime = runningStartedAt(trace, C, t);
    expectThat(trace, startedTime !== undefined, `${C} is running`, [C]);
    const gap = apiSeconds(readyTime) - apiSeconds(startedTime!);
    expectThat(trace, gap >= 15, `Ready (${readyTime}s) no sooner than 15 s after the sidecar's startedAt (${startedTime}s): ${gap}s in whole seconds`, [C, 'main']);
    expectThat(trace, podRestartCount(trace, t) === 0, `restart count 0 (got ${podRestartCount(trace, t)})`, [C, 'main']);
  });

  each('P02', 'with readiness probe that fails should never be ready and never restart', (v) => {
    const trace = runAt('P02-sidecar', v);
    const C = 'test-webserver';
    expectConsistently(trace, 0, 60, 'the pod is not Ready', [C, 'main'], (t) => !podReady(trace, t));
    expectThat(trace, !podRunningReady(trace, 60), 'not PodRunningReady after a minute', [C, 'main']);
    expectThat(trace, podRestartCount(trace, 60) === 0, `restart count 0 (got ${podRestartCount(trace, 60)})`, [C, 'main']);
  });

  liveness('P03', 'should be restarted with a exec "cat /tmp/health" liveness probe', 'busybox', 1);
  liveness('P04', 'should *not* be restarted with a exec "cat /tmp/health" liveness probe', 'busybox', 0);
  liveness('P05', 'should be restarted with a /healthz http liveness probe', 'sidecar', 1);
  liveness('P06', 'should *not* be restarted with a tcp:8080 liveness probe', 'sidecar', 0);
  liveness('P07', 'should have monotonically increasing restart count', 'sidecar', 5, 120 + OBS + 4 * 120);
  liveness('P08', 'should *not* be restarted with a /healthz http liveness probe', 'test-webserver', 0);
  liveness('P09', 'should be restarted with an exec liveness probe with timeout', 'busybox', 1);

  each('P10', 'should not be ready with an exec readiness probe timeout', (v) => {
    runReadinessFailTest(runAt('P10-sidecar', v), ['busybox', 'main'], 60, false);
  });

  liveness('P11', 'should be restarted with a failing exec liveness probe that took longer than the timeout', 'busybox', 1);
  liveness('P12', 'should be restarted with a local redirect http liveness probe', 'sidecar', 1);
  liveness('P13', 'should *not* be restarted with a non-local redirect http liveness probe', 'sidecar', 0);
  liveness('P14', 'should be restarted startup probe fails', 'sidecar', 1);
  liveness('P15', 'should *not* be restarted by liveness probe because startup probe delays it', 'sidecar', 0);
  liveness('P16', 'should be restarted by liveness probe after startup probe enables it', 'sidecar', 1);

  each('P17', 'should be ready immediately after startupProbe succeeds', (v) => {
    const trace = runAt('P17-sidecar', v);
    const M = 'main'; // ContainerStatuses[0]
    const started = eventsOf(trace, 'container.started', M)[0]?.t;
    expectThat(trace, started !== undefined && started <= POD_START_TIMEOUT, `${M} started within ${POD_START_TIMEOUT}s`, ['sidecar', M]);
    const sidecarStarted = eventsOf(trace, 'container.started', 'sidecar')[0]?.t;
    expectThat(trace, sidecarStarted !== undefined && sidecarStarted <= started!, 'the sidecar started (its startup probe passed) first', ['sidecar', M]);
    const readyTime = eventually(trace, started!, started! + POD_START_TIMEOUT, (t) => podReady(trace, t));
    expectThat(trace, readyTime !== undefined, `the pod is Ready within ${POD_START_TIMEOUT}s of ${started}s`, ['sidecar', M]);
    expectThat(trace, podRunningReady(trace, readyTime!), 'PodRunningReady', ['sidecar', M]);
    const readyIn = readyTime! - started!;
    expectThat(trace, readyIn >= 0 && readyIn <= 25, `Ready ${readyIn}s after ${M} started (upstream: 0 to 25 s)`, ['sidecar', M]);
  });

  for (const [id, title, reason] of [
    ['P18', 'should override timeoutGracePeriodSeconds when LivenessProbe field is set', 'LivenessProbe'],
    ['P19', 'should override timeoutGracePeriodSeconds when StartupProbe field is set', 'StartupProbe'],
  ] as const) {
    each(id, title, (v) => {
      const trace = runAt(`${id}-sidecar`, v);
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
      const trace = runAt(`${id}-sidecar`, v);
      const names = ['probe-test', 'main'];
      const deleted = eventsOf(trace, 'pod.deleted')[0]?.t;
      expectThat(trace, deleted !== undefined, 'the pod is deleted', names);
      expectThat(trace, podRunningReady(trace, justBefore(deleted!)), 'WaitForPodsRunningReady: Running and Ready before the deletion', names);
      const unready = unreadyAfterDeletion(trace, deleted!, names);
      if (!livenessToo) return;
      const killed = eventsOf(trace, 'container.kill').filter((e) => e.t <= unready + 60 && (e.message ?? '').includes('failed liveness probe'));
      expectThat(trace, killed.length === 0, `no "failed liveness probe" event up to a minute after the pod turned unready (${unready}s)`, names);
    });
  }
});
