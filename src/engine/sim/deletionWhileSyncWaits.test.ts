// A deletion that lands after the pod worker took a sync's update, while that sync waits for a
// newer runtime cache: the sync still runs, with the pod object from before the deletion ([3.4], [0.9]).
// Upstream read (session 41):
// - pkg/kubelet/pod_workers.go podWorkerLoop (a 1.28-era copy, library id 28691928572, and the
//   newest, id 67531031738): startPodSync takes the pending update and its WorkType, then
//   `status, err = p.podCache.GetNewerThan(update.Options.Pod.UID, lastSyncTime)` blocks until the
//   next PLEG relist; nothing checks ctx.Err() after it, and the switch runs SyncPod for a SyncPod
//   update. UpdatePod's "Cancelling current pod sync" only cancels the context that sync holds.
// - pkg/kubelet/kubelet.go SyncPod (a 1.27-era tree, id 23403007079): the steps before the
//   runtime's SyncPod skip the pod cgroup and the volume wait once IsPodTerminationRequested (newer
//   trees poll WaitForAttachAndMount on the cancelled context, whose immediate first check passes
//   for a pod whose volumes are mounted), and the runtime's SyncPod runs on a context the deletion
//   does not cancel (deletionDuringSync.test.ts). Its starts go on; SyncTerminatingPod follows,
//   after the next relist (GetNewerThan again, the ~1 s its TODO comment names).
// A pending update not yet taken (the sync in flight has not returned) is replaced by the kill:
// UpdatePod overwrites pendingUpdate, so that sync never runs.
// The pod: a sidecar, then a main container. The relist at 1 s sees the new sandbox during the
// first sync (the sidecar's pull): one more sync, taken when the first returns at 1.2 s, which waits
// for the relist at 2 s (1.29-1.35; from 1.36 the on-demand relist lets it run at 1.2 s at once).
import { describe, expect, it } from 'vitest';
import { minor, type KubeVersion } from '../version';
import { ALL, of, run, simHead } from './upstreamRuntime.testkit';

const BEFORE_ON_DEMAND_RELIST = ALL.filter((v) => minor(v) >= 29 && minor(v) <= 35);
const ON_DEMAND_RELIST = ALL.filter((v) => minor(v) >= 36);

function sidecarThenApp(version: KubeVersion, deleteAt: number): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
    - { name: proxy, image: envoy:1, restartPolicy: Always }
  containers:
    - { name: app, image: busybox:1.36, command: [sleep, '3600'] }
---
${simHead(version, '60s')}
events:
  - { at: ${deleteAt}s, do: deletePod }
`;
}

const TAKEN = "after the pod worker had taken this sync's update and while it waited for a newer runtime cache";

describe("pod_workers.go podWorkerLoop (GetNewerThan, then SyncPod with no context check): a deletion while a taken sync waits for the relist does not stop that sync's starts [3.4] [0.9]", () => {
  for (const version of BEFORE_ON_DEMAND_RELIST) {
    it(`${version}: deleted at 1.5 s, after the sync taken at 1.2 s: that sync runs at the 2 s relist, pulls and starts app (2.7 s), then SyncTerminatingPod kills both at the 3 s relist`, () => {
      const t = run(sidecarThenApp(version, 1.5));
      expect(of(t, 'container.pulling', 'app').map((e) => e.t)).toEqual(Array.of(2));
      expect(of(t, 'container.pulling', 'app')[0]!.why).toContain(TAKEN);
      const start = of(t, 'container.start', 'app');
      expect(start.map((e) => e.t)).toEqual(Array.of(2.7));
      expect(start[0]!.why).toContain(TAKEN);
      expect(start[0]!.why).toContain('[3.2] Main container app has never run');
      const deleted = of(t, 'pod.deleted')[0]!;
      for (const name of ['app', 'proxy']) {
        expect(of(t, 'container.kill', name).map((k) => [k.t, k.reason, k.gracePeriodSeconds, k.cause]), name).toEqual([[3, 'PodTermination', 30, [deleted.id]]]);
      }
      // [8.4] the sidecar's stop signal waits for the main container
      const appExit = of(t, 'container.exit', 'app')[0]!;
      expect(of(t, 'container.signal', 'proxy')[0]!.t).toBeGreaterThanOrEqual(appExit.t);
      // the API's row says Terminating from the deletion on
      const rows = t.events.filter((e) => e.type === 'pod.kubectl' && e.t >= 1.5 && e.t <= 3).map((e) => e.type === 'pod.kubectl' && e.status);
      expect(new Set(rows)).toEqual(new Set(['Terminating']));
    });

    it(`${version}: deleted at 1.1 s, while the first sync still pulls the sidecar: the relist's update was pending, not taken, and the kill replaced it: app never starts`, () => {
      const t = run(sidecarThenApp(version, 1.1));
      expect(of(t, 'container.start', 'proxy').map((e) => e.t)).toEqual(Array.of(1.2));
      expect(of(t, 'container.start', 'app')).toEqual([]);
      expect(of(t, 'container.pulling', 'app')).toEqual([]);
      expect(of(t, 'container.kill', 'proxy').map((k) => k.t)).toEqual(Array.of(2));
    });
  }

  for (const version of ON_DEMAND_RELIST) {
    it(`${version}: the on-demand relist after the first sync lets the taken sync run at 1.2 s at once, so a deletion at 1.5 s finds it pulling app: the start is the sync in flight's`, () => {
      const t = run(sidecarThenApp(version, 1.5));
      const start = of(t, 'container.start', 'app');
      expect(start.map((e) => e.t)).toEqual(Array.of(1.9));
      expect(start[0]!.why).toContain('[3.4] The pod was deleted at 1.5s, during this sync');
      expect(start[0]!.why).not.toContain(TAKEN);
    });
  }
});
