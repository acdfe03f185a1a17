// A deletion while a postStart hook runs ([3.4], [11.4], [8.3]): the pod worker cancels the sync in
// flight (pkg/kubelet/pod_workers.go UpdatePod, "Cancelling current pod sync" on becameTerminating;
// read in the stored 1.27-era copy, the pendingUpdate/cancelFn shape, and in the newest one), and
// what the handler does with that context decides what follows (lifecycle/handlers.go Run, read in
// the stored 1.29/1.30-era and 1.35+-era copies):
// - sleep (runSleepHandler, 1.29+) returns "container terminated before sleep hook finished" at once;
// - exec: RunInContainer's ExecSync derives its context from the sync's (remote_runtime.go
//   ExecSync, cri-client copy), so the call in flight fails with the gRPC Canceled status;
// - httpGet: runHTTPHandler's request comes from NewRequestForHTTPGetAction (http.NewRequest, no
//   context) and the kubelet's lifecycle HTTP client has no timeout (kubelet.go NewMainKubelet): the
//   sync, and with it SyncTerminatingPod, waits for the request to return.
// On a handler error startContainer records FailedPostStartHook and calls killContainer on the same
// cancelled context (kuberuntime_container.go, 1.3x stored copy): the Killing event, a preStop hook
// that fails at once (executePreStopHook runs it on that context), and a StopContainer whose gRPC
// call fails before it is sent (grpc-go newAttemptLocked checks the context): no signal. Then
// SyncTerminatingPod, on a context of its own, kills the container with the deletion's grace.
import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import { ALL, WITH_SLEEP, of, run, simHead } from './upstreamRuntime.testkit';

/** containerfoo with `lifecycle`, then `second`; deleted at 5s (containerfoo starts at 1.2s). */
function pod(version: KubeVersion, lifecycle: string, sim: string, grace = 30): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: podfoo, namespace: nsfoo }
spec:
  terminationGracePeriodSeconds: ${grace}
  containers:
    - name: containerfoo
      image: example/app:1
      lifecycle: ${lifecycle}
    - { name: second, image: example/app:1 }
---
${simHead(version, '60s')}
containers:
  containerfoo: ${sim}
events:
  - { at: 5s, do: deletePod }
`;
}

const hooksOf = (t: ReturnType<typeof run>, hook: 'postStart' | 'preStop') => ({
  starts: of(t, 'hook.start', 'containerfoo').filter((h) => h.hook === hook),
  ends: of(t, 'hook.end', 'containerfoo').filter((h) => h.hook === hook),
});

describe('kuberuntime_container.go killContainer on the sync\'s cancelled context: Killing, a preStop that fails at once, no signal; then SyncTerminatingPod\'s kill [3.4] [8.3]', () => {
  const check = (t: ReturnType<typeof run>, preStopSeconds: number) => {
    const deleted = of(t, 'pod.deleted')[0]!;
    const kills = of(t, 'container.kill', 'containerfoo');
    expect(kills.map((k) => k.reason)).toEqual(['FailedPostStartHook', 'PodTermination']);
    expect([kills[0]!.t, kills[0]!.gracePeriodSeconds]).toEqual([deleted.t, 30]); // setTerminationGracePeriod: the pod's
    const preStop = hooksOf(t, 'preStop');
    expect(preStop.starts.map((h) => h.t)).toEqual([deleted.t, kills[1]!.t]);
    expect(preStop.ends[0]).toMatchObject({ t: deleted.t, failed: true }); // Warning FailedPreStopHook at once
    expect(preStop.ends[1]!.t).toBeCloseTo(kills[1]!.t + preStopSeconds, 6); // the second runs on a fresh context
    // StopContainer failed on the cancelled context: the first signal is SyncTerminatingPod's, after its preStop
    const signals = of(t, 'container.signal', 'containerfoo');
    expect(signals[0]!.signal).toBe('SIGTERM');
    expect(signals[0]!.t).toBeCloseTo(kills[1]!.t + preStopSeconds, 6);
    // the cancelled sync returned at once: SyncTerminatingPod waits only for the next relist ([0.6])
    expect(kills[1]!.t).toBeGreaterThan(deleted.t);
    expect(kills[1]!.t - deleted.t).toBeLessThanOrEqual(1);
    expect(of(t, 'container.start', 'second')).toEqual([]);
  };
  for (const version of ALL) {
    it(`${version}: an exec postStart cut by the deletion, with an exec preStop of 3s`, () => {
      const t = run(pod(version, '{ postStart: { exec: { command: [sh, -c, "sleep 100"] } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 100s, exitCode: 0 }, preStop: { duration: 3s, exitCode: 0 } }'));
      expect(hooksOf(t, 'postStart').ends).toMatchObject([{ t: 5, failed: true }]);
      check(t, 3);
    });

    it(`${version}: with terminationGracePeriodSeconds 0 the cancelled kill runs no preStop (killContainer: gracePeriod > 0)`, () => {
      const t = run(pod(version, '{ postStart: { exec: { command: [sh, -c, "sleep 100"] } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 100s, exitCode: 0 } }', 0));
      const first = of(t, 'container.kill', 'containerfoo')[0]!;
      expect([first.reason, first.t, first.gracePeriodSeconds]).toEqual(['FailedPostStartHook', 5, 0]);
      expect(hooksOf(t, 'preStop').starts.filter((h) => h.t === 5)).toEqual([]);
      expect(of(t, 'container.signal', 'containerfoo').filter((s) => s.t === 5)).toEqual([]);
    });
  }
  for (const version of WITH_SLEEP) {
    it(`${version}: a sleep postStart cut by the deletion, with a sleep preStop of 3s: runSleepHandler returns on ctx.Done in both`, () => {
      const t = run(pod(version, '{ postStart: { sleep: { seconds: 20 } }, preStop: { sleep: { seconds: 3 } } }', '{ onStop: { after: 1s, exitCode: 0 } }'));
      expect(hooksOf(t, 'postStart').ends).toMatchObject([{ t: 5, failed: true }]);
      check(t, 3);
    });
  }
});

describe('handlers.go runHTTPHandler: the request carries no context, so the deletion waits for an HTTP postStart hook to return [3.4] [0.6]', () => {
  const http = (version: KubeVersion, exitCode: number) => run(pod(version,
    '{ postStart: { httpGet: { port: 8080, path: /warm } }, preStop: { exec: { command: [drain] } } }',
    `{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: ${exitCode} }, preStop: { duration: 3s, exitCode: 0 } }`));
  for (const version of ALL) {
    it(`${version}: a 20s request that succeeds: nothing is killed until it returns; the sync starts nothing more; then SyncTerminatingPod`, () => {
      const t = http(version, 0);
      const end = hooksOf(t, 'postStart').ends;
      expect(end.map((h) => [h.exitCode, h.failed])).toEqual([[0, undefined]]);
      expect(end[0]!.t).toBeCloseTo(of(t, 'container.start', 'containerfoo')[0]!.t + 20, 6);
      const kills = of(t, 'container.kill', 'containerfoo');
      expect(kills.map((k) => k.reason)).toEqual(['PodTermination']);
      expect(kills[0]!.t).toBeGreaterThan(end[0]!.t);
      expect(kills[0]!.t - end[0]!.t).toBeLessThanOrEqual(1);
      expect(of(t, 'container.start', 'second')).toEqual([]); // the cancelled sync's next start fails at once
      expect(of(t, 'container.pulling', 'second')).toEqual([]);
    });

    it(`${version}: a 20s request that fails: FailedPostStartHook when it returns, the kill on the cancelled context sends no signal`, () => {
      const t = http(version, 1);
      const end = hooksOf(t, 'postStart').ends[0]!;
      expect(end.exitCode).toBe(1);
      const kills = of(t, 'container.kill', 'containerfoo');
      expect(kills.map((k) => [k.reason, k.t])).toEqual([['FailedPostStartHook', end.t], ['PodTermination', kills[1]!.t]]);
      expect(hooksOf(t, 'preStop').ends[0]).toMatchObject({ t: end.t, failed: true });
      expect(of(t, 'container.signal', 'containerfoo')[0]!.t).toBeCloseTo(kills[1]!.t + 3, 6);
    });
  }
});
