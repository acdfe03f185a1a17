// A deletion while a postStart hook runs ([3.4], [11.4], [8.3]). The pod worker cancels the
// context it handed SyncPod (pkg/kubelet/pod_workers.go UpdatePod, "Cancelling current pod sync"),
// but kubelet.go SyncPod never hands that cancellation to the runtime's SyncPod, whose
// startContainer runs the hook (kuberuntime_container.go startContainer: runner.Run(ctx, …), the
// same ctx for its FailedPostStartHook kill; library id 41926215):
// - 1.27-era tree (library id 23403007079): SyncPod(_ context.Context, …) starts its span on
//   context.TODO() (#113591 "ignores the incoming context from the pod worker");
// - 1.28-era tree (library id 28691928572, after #117412): `todoCtx := context.TODO()` for the
//   runtime's SyncPod;
// - from #122087 (library ids 12114237, 8003756984, and 54300650048, a 1.36+ tree):
//   `sctx := context.WithoutCancel(ctx)` ("Use WithoutCancel instead of a new context.TODO() to
//   propagate trace context"; #127122, which would have passed the cancellation, was closed).
// So in every version 1.27-1.37 the hook runs to its own end: runSleepHandler (handlers.go, 1.29+)
// waits on its timer (ctx.Done() never fires), an exec hook's ExecSync runs until its command
// exits, an HTTP hook's request never had a context. The termination waits for the sync; a hook
// that fails is killed as usual (Killing, preStop, signal, the spec's grace), then
// SyncTerminatingPod runs at the next relist ([0.6]). These cases used to expect the hook cut at
// the deletion (FailedPostStartHook, a kill with no signal) for exec and sleep, and a signal-less
// kill after a failed HTTP request. Session 40: the same uncancelled context runs the rest of the
// runtime's SyncPod (kuberuntime_manager.go SyncPod's `start` for each of ContainersToStart, no
// ctx.Err() check between them; library ids 14701678, 41926215), so `second`, planned in the same
// sync, starts after the hook (and after the FailedPostStartHook kill) and SyncTerminatingPod kills
// it with the deletion's grace; these cases expected `second` never to start.
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

/** A 20s hook that returns well: nothing is killed until it ends, then SyncTerminatingPod's kill with its preStop of 3s. */
function checkRanOn(t: ReturnType<typeof run>): void {
  const started = of(t, 'container.start', 'containerfoo')[0]!;
  const end = hooksOf(t, 'postStart').ends;
  expect(end.map((h) => [h.exitCode, h.failed])).toEqual([[0, undefined]]);
  expect(end[0]!.t).toBeCloseTo(started.t + 20, 6); // not cut at the deletion (5s)
  const kills = of(t, 'container.kill', 'containerfoo');
  expect(kills.map((k) => k.reason)).toEqual(['PodTermination']);
  expect(kills[0]!.t).toBeGreaterThan(end[0]!.t);
  expect(kills[0]!.t - end[0]!.t).toBeLessThanOrEqual(1); // the next relist ([0.6])
  expect(of(t, 'container.signal', 'containerfoo')[0]!.t).toBeCloseTo(kills[0]!.t + 3, 6);
  secondStartedThenKilled(t, end[0]!.t);
}

/**
 * [3.4] The sync goes on after containerfoo's start returned (at `after`): `second`, the other
 * container of its ContainersToStart, is created and started, then SyncTerminatingPod stops it
 * with the deletion's grace, its kill citing the deletion.
 */
function secondStartedThenKilled(t: ReturnType<typeof run>, after: number): void {
  const deleted = of(t, 'pod.deleted')[0]!;
  const starts = of(t, 'container.start', 'second');
  expect(starts.map((s) => s.t)).toEqual([after + 0.2]); // CreateContainer, then StartContainer
  expect(starts[0]!.why).toContain('[3.4] The pod was deleted at 5s, during this sync');
  const kills = of(t, 'container.kill', 'second');
  expect(kills.map((k) => [k.reason, k.gracePeriodSeconds, k.cause])).toEqual([['PodTermination', 30, [deleted.id]]]);
  expect(kills[0]!.t).toBeGreaterThanOrEqual(starts[0]!.t); // 1.36+: the on-demand relist after the sync, at once [0.8]
}

describe('kubelet.go SyncPod hands the runtime context.TODO() (1.27/1.28 trees) or context.WithoutCancel(ctx) (from #122087): a deletion does not cut a postStart hook short, and the sync then starts its next container [3.4] [11.4]', () => {
  for (const version of ALL) {
    it(`${version}: an exec postStart of 20s runs on (ExecSync on the runtime's context); the sync starts second, and the termination waits for both`, () => {
      checkRanOn(run(pod(version, '{ postStart: { exec: { command: [sh, -c, "sleep 20"] } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: 0 }, preStop: { duration: 3s, exitCode: 0 } }')));
    });

    it(`${version}: an exec postStart that fails after 20s: startContainer's FailedPostStartHook kill runs as usual (preStop, then SIGTERM), with the spec's grace; then the sync starts second`, () => {
      const t = run(pod(version, '{ postStart: { exec: { command: [sh, -c, "sleep 20; exit 1"] } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: 1 }, preStop: { duration: 3s, exitCode: 0 } }'));
      const end = hooksOf(t, 'postStart').ends[0]!;
      expect([end.exitCode, end.t]).toEqual([1, of(t, 'container.start', 'containerfoo')[0]!.t + 20]);
      const kills = of(t, 'container.kill', 'containerfoo');
      expect(kills.map((k) => [k.reason, k.t, k.gracePeriodSeconds])).toEqual([['FailedPostStartHook', end.t, 30]]);
      expect(hooksOf(t, 'preStop').ends.map((h) => [h.t, h.exitCode])).toEqual([[end.t + 3, 0]]);
      expect(of(t, 'container.signal', 'containerfoo').map((s) => [s.signal, s.t])).toEqual([['SIGTERM', end.t + 3]]);
      secondStartedThenKilled(t, of(t, 'container.exit', 'containerfoo')[0]!.t); // killContainer returned at the exit
    });

    it(`${version}: an HTTP postStart of 20s (no context on the request either) runs on the same way`, () => {
      checkRanOn(run(pod(version, '{ postStart: { httpGet: { port: 8080, path: /warm } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: 0 }, preStop: { duration: 3s, exitCode: 0 } }')));
    });

    it(`${version}: an HTTP postStart whose 20s request fails: FailedPostStartHook when it returns, and a kill that runs its preStop and sends its signal`, () => {
      const t = run(pod(version, '{ postStart: { httpGet: { port: 8080, path: /warm } }, preStop: { exec: { command: [drain] } } }',
        '{ onStop: { after: 1s, exitCode: 0 }, postStart: { duration: 20s, exitCode: 1 }, preStop: { duration: 3s, exitCode: 0 } }'));
      const end = hooksOf(t, 'postStart').ends[0]!;
      expect(end.exitCode).toBe(1);
      expect(of(t, 'container.kill', 'containerfoo').map((k) => [k.reason, k.t])).toEqual([['FailedPostStartHook', end.t]]);
      expect(hooksOf(t, 'preStop').ends[0]).toMatchObject({ t: end.t + 3, exitCode: 0 });
      expect(of(t, 'container.signal', 'containerfoo')[0]!.t).toBeCloseTo(end.t + 3, 6);
    });
  }
  for (const version of WITH_SLEEP) {
    it(`${version}: runSleepHandler's ctx.Done() never fires: a 20s sleep postStart sleeps its seconds, then SyncTerminatingPod's kill with a sleep preStop of 3s`, () => {
      const t = run(pod(version, '{ postStart: { sleep: { seconds: 20 } }, preStop: { sleep: { seconds: 3 } } }', '{ onStop: { after: 1s, exitCode: 0 } }'));
      checkRanOn(t);
      expect(of(t, 'container.waiting', 'containerfoo').filter((w) => w.reason === 'PostStartHookError')).toEqual([]);
    });
  }
});
