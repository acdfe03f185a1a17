// A deletion during a SyncPod does not stop that sync's pulls and starts ([0.3], [3.4], [8.3]).
// Upstream read (session 40):
// - pkg/kubelet/kubelet.go SyncPod: what comes before the runtime's SyncPod (the status, the pod's
//   cgroup, the mirror pod, the data directories, volumeManager.WaitForAttachAndMount(ctx, pod),
//   AddPod) runs on the pod worker's context, but the runtime's SyncPod gets `todoCtx :=
//   context.TODO()` in the 1.27/1.28-era trees (library id 28691928572) and `sctx :=
//   context.WithoutCancel(ctx)` from #122087 (library id 12114237): nothing the deletion cancels.
//   The engine models none of the steps before it as a wait (no volumes), so a sync the deletion
//   finds under way is always in the runtime's part.
// - pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod (library id 14701678, a SidecarContainers
//   era copy): its `start` helper hands that ctx to startContainer for each container to start,
//   init containers (InitContainersToStart, or NextInitContainerToStart without the gate) then
//   ContainersToStart, and no ctx.Err() is checked between them; kuberuntime_container.go
//   startContainer (library id 41926215) gives the same ctx to EnsureImageExists, so the pull under
//   way, or one that begins after the deletion, runs to its end.
// - pkg/kubelet/pod_workers.go (library id 181051880): UpdatePod cancels the worker's context
//   ("Cancelling current pod sync") and queues the terminating update; podWorkerLoop completes the
//   SyncPod's work, then takes that update, waits for a cache newer than the sync's end
//   (GetNewerThan) and runs SyncTerminatingPod, whose killPod stops what the sync started with the
//   deletion's grace and preStop hooks. No SyncPod follows, so a next init container never starts.
// The same in every version 1.27-1.37; 1.36+ relist at once after a sync that started something
// ([0.8]), so the kill follows the last start without waiting for the next whole second.
// (Before session 40 the engine started nothing once the pod was deleted, as if EnsureImageExists
// failed on a cancelled context.) A pod deleted while its image pulls stays Terminating until the
// pull ends: a commonly reported symptom.
import { describe, expect, it } from 'vitest';
import { minor, type KubeVersion } from '../version';
import { ALL, WITH_SIDECARS, of, run, simHead } from './upstreamRuntime.testkit';

type T = ReturnType<typeof run>;

/** When SyncTerminatingPod begins after a sync whose last start was at `lastStart` ([0.6], [0.8]). */
function terminationAfter(version: KubeVersion, lastStart: number): number {
  return minor(version) >= 36 ? lastStart : Math.floor(lastStart) + 1;
}

/** Every kill of the containers is SyncTerminatingPod's, at `at`, with `grace`, citing the deletion. */
function killedByTermination(t: T, names: string[], at: number, grace: number): void {
  const deleted = of(t, 'pod.deleted')[0]!;
  for (const name of names) {
    expect(of(t, 'container.kill', name).map((k) => [k.reason, k.t, k.gracePeriodSeconds, k.cause]), name).toEqual([['PodTermination', at, grace, [deleted.id]]]);
  }
}

/**
 * The kubectl rows from the deletion to SyncTerminatingPod's first kill (at `until`, in trace
 * order): all Terminating (the deletion's own row, and any the sync's start changed).
 */
function terminatingRows(t: T, until: number): boolean {
  const deleted = t.events.findIndex((e) => e.type === 'pod.deleted');
  const kill = t.events.findIndex((e) => e.type === 'container.kill' && e.t === until);
  const rows = t.events.slice(deleted, kill).filter((e) => e.type === 'pod.kubectl').map((r) => r.status);
  return rows.length >= 1 && rows.every((s) => s === 'Terminating');
}

function longPullPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - name: app
      image: example/big:1
      lifecycle: { preStop: { exec: { command: [drain] } } }
---
${simHead(version, '120s')}
containers:
  app: { pull: 30s, onStop: { after: 1s, exitCode: 0 }, preStop: { duration: 3s, exitCode: 0 } }
events:
  - { at: 5s, do: deletePod, gracePeriodSeconds: 20 }
`;
}

describe('kubelet.go SyncPod (context.TODO() 1.27/1.28-era, context.WithoutCancel from #122087) and kuberuntime_manager.go SyncPod: a deletion during the image pull lets the pull end and the container start; SyncTerminatingPod then kills it [3.4] [8.3]', () => {
  for (const version of ALL) {
    it(`${version}: deleted at 5 s during a 30 s pull: Terminating until the pull ends at 30.5 s, the start at 30.7 s, then the kill with the deletion's 20 s grace, preStop first`, () => {
      const t = run(longPullPod(version));
      expect(of(t, 'container.pulled', 'app').map((e) => e.t)).toEqual(Array.of(30.5));
      const start = of(t, 'container.start', 'app');
      expect(start.map((e) => e.t)).toEqual(Array.of(30.7));
      expect(start[0]!.why).toContain('[3.4] The pod was deleted at 5s, during this sync');
      const killAt = terminationAfter(version, 30.7);
      killedByTermination(t, ['app'], killAt, 20);
      const preStop = of(t, 'hook.end', 'app').filter((h) => h.hook === 'preStop');
      expect(preStop.map((h) => [h.t, h.exitCode])).toEqual([[killAt + 3, 0]]);
      expect(of(t, 'container.signal', 'app').map((s) => [s.signal, s.t])).toEqual([['SIGTERM', killAt + 3]]);
      const gone = of(t, 'pod.gone')[0]!;
      expect(gone.t).toBeGreaterThan(killAt + 4);
      expect(terminatingRows(t, killAt)).toBe(true);
    });
  }
});

function threeMainsPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - { name: a, image: example/a:1 }
    - { name: b, image: example/b:1 }
    - { name: c, image: example/c:1 }
---
${simHead(version, '120s')}
containers:
  a: { pull: 10s }
  b: { pull: 10s }
  c: { pull: 10s }
events:
  - { at: 5s, do: deletePod }
`;
}

describe('kuberuntime_manager.go SyncPod step 8 (every ContainersToStart, one after another on the uncancelled ctx): a deletion during the first main container\'s pull does not stop the later pulls and starts [0.3] [3.4]', () => {
  for (const version of ALL) {
    it(`${version}: deleted at 5 s during a's pull: b and c are still pulled and started, then SyncTerminatingPod kills all three`, () => {
      const t = run(threeMainsPod(version));
      const starts = of(t, 'container.start');
      expect(starts.map((s) => [s.container, s.t])).toEqual([['a', 10.7], ['b', 20.9], ['c', 31.1]]);
      const pulling = of(t, 'container.pulling');
      expect(pulling.map((p) => [p.container, p.t])).toEqual([['a', 0.5], ['b', 10.7], ['c', 20.9]]);
      // a pull that begins after the deletion says why it still runs
      expect(pulling.slice(1).every((p) => p.why.includes('[3.4] The pod was deleted at 5s'))).toBe(true);
      killedByTermination(t, ['a', 'b', 'c'], terminationAfter(version, 31.1), 30);
    });
  }
});

function sidecarPullPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
    - { name: proxy, image: example/proxy:1, restartPolicy: Always }
    - { name: setup, image: example/setup:1 }
  containers:
    - { name: app, image: example/app:1 }
---
${simHead(version, '120s')}
containers:
  proxy: { pull: 20s }
  setup: { pull: 1s, exitAfter: 1s }
events:
  - { at: 3s, do: deletePod, gracePeriodSeconds: 10 }
`;
}

describe('kuberuntime_manager.go SyncPod step 6 (InitContainersToStart) then pod_workers.go podWorkerLoop: a deletion during a sidecar\'s pull lets the sidecar start; the next init container is not started, as the next sync is SyncTerminatingPod [2.1] [3.4] [8.4] [8.7]', () => {
  for (const version of WITH_SIDECARS) {
    it(`${version}: deleted at 3 s during proxy's 20 s pull: proxy starts at 20.7 s and is killed with the deletion's 10 s grace; setup and app never start`, () => {
      const t = run(sidecarPullPod(version));
      expect(of(t, 'container.start').map((s) => [s.container, s.t])).toEqual([['proxy', 20.7]]);
      expect(of(t, 'container.pulling', 'setup')).toEqual([]);
      const killAt = terminationAfter(version, 20.7);
      killedByTermination(t, ['proxy'], killAt, 10);
      // 1.28 stops sidecars with the main containers ([8.7]); from 1.29 after them ([8.4])
      expect(of(t, 'container.kill', 'proxy')[0]!.why).toContain(minor(version) >= 29 ? '[8.4]' : '[8.7]');
      expect(terminatingRows(t, killAt)).toBe(true);
    });
  }
});

function initPullPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
    - { name: setup, image: example/setup:1 }
    - { name: migrate, image: example/migrate:1 }
  containers:
    - { name: app, image: example/app:1 }
---
${simHead(version, '120s')}
containers:
  setup: { pull: 20s, exitAfter: 60s }
events:
  - { at: 3s, do: deletePod }
`;
}

describe('kuberuntime_manager.go SyncPod step 6 (NextInitContainerToStart without SidecarContainers, InitContainersToStart with it): a deletion during a regular init container\'s pull lets it start; SyncTerminatingPod stops it at once, and the next init container never starts [2.1] [3.4] [8.4]', () => {
  for (const version of ALL) {
    it(`${version}: deleted at 3 s during setup's 20 s pull: setup starts at 20.7 s, then is killed citing the deletion; migrate and app never start`, () => {
      const t = run(initPullPod(version));
      expect(of(t, 'container.start').map((s) => [s.container, s.t])).toEqual([['setup', 20.7]]);
      const killAt = terminationAfter(version, 20.7);
      killedByTermination(t, ['setup'], killAt, 30);
      expect(of(t, 'container.kill', 'setup')[0]!.why).toContain('[8.4] The pod is deleted: a running regular init container is stopped at once.');
      expect(terminatingRows(t, killAt)).toBe(true);
    });
  }
});
