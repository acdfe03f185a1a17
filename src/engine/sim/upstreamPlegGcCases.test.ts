// Golden test: upstream's unit tests of the PLEG, the pod container deletor and the container GC,
// translated to Sidecar Lab.
//
// Upstream files (kubernetes/kubernetes, read 2026-12-08 with the stored copies):
// - pkg/kubelet/pleg/generic_test.go: find_files lists one version (3e4a7900), read_file serves
//   01bed6b0 (the mock-runtime copy with TestRelistIPChange, TestRunningPodAndContainerCount and
//   TestCacheWithEventedPLEG, 1.27+ era): TestRelisting, TestEventChannelFull,
//   TestDetectingContainerDeaths (testReportMissingContainers, testReportMissingPods),
//   TestRelistWithCache, TestRemoveCacheEntry, TestHealthy, TestRelistWithReinspection,
//   TestRelistingWithSandboxes, TestRelistIPChange, TestRunningPodAndContainerCount,
//   TestCacheWithEventedPLEG.
// - The code they test: pkg/kubelet/pleg/generic.go, the newest copy the library holds (found by
//   find_string, library id 51925227665: it has RequestRelist/relistPod, PLEGOnDemandRelist, 1.36
//   era): generateEvents (running → ContainerStarted, exited → ContainerDied, unknown and created →
//   ContainerChanged, gone → ContainerRemoved, after a ContainerDied when it was not reported
//   exited), reconcilePodRecord (the cache is written before the events are sent; ContainerChanged
//   is never sent), getContainersFromPods (sandboxes compared as containers). kubelet.go
//   syncLoopIteration: every PLEG event but ContainerRemoved asks for a sync (isSyncPodWorthy, the
//   same in every copy read), and a ContainerDied calls cleanUpContainersInPod.
// - pkg/kubelet/pod_container_deletor_test.go (find_files: 2876d1ab; served: 10ce5fc0, the klog
//   copy, 1.3x): TestGetContainersToDeleteInPodWithFilter, TestGetContainersToDeleteInPod,
//   TestGetContainersToDeleteInPodWithNoMatch. The kubelet passes containersToKeep =
//   max(MaxPerPodContainer 1, minDeadContainerInPod 1) = 1, and the dead run's ID as the filter
//   (rule [10.8]); only a deleted or evicted pod's removeAll passes "" and 0.
// - pkg/kubelet/kuberuntime/kuberuntime_gc_test.go at 2876d1ab (CRI v1alpha1, about 1.8; the default
//   stored copy 05e06278 is older still, TestGarbageCollect only): TestSandboxGC (6 rows),
//   TestContainerGC (12 rows), TestPodLogDirectoryGC. kuberuntime_gc.go read at 027993364 (about
//   1.20, byAttempt) and a CRI v1 copy with the tracer (library id 656681188, byCreated): evict units
//   are (pod UID, container name); a unit keeps its newest MaxPerPodContainer non-running runs.
//   Defaults: NewKubeletFlags MaxPerPodContainerCount 1, MaxContainerCount -1, MinimumGCAge 0
//   (options.go, many copies); kubelet.go ContainerGCPeriod = time.Minute.
//
// How they map to ours: upstream drives Relist by hand over a fake runtime and reads the events;
// the engine has no event list, only what the events cause. So each row becomes a scenario whose
// runtime goes through the row's transitions, and what is checked is the syncs they ask for (the
// pod worker's SyncPod calls, recorded by the test kit) and what those syncs write.
// - TestRelisting: "report every running/exited container if we see them for the first time"
//   (a sync at the relist after the first sync started them), "the second relist should not send
//   out any event because no container has changed" (no sync at a quiet relist), the third
//   relist's transitions (running → exited, a new run started, and an exited run gone: ContainerRemoved,
//   not sync-worthy). testReportMissingContainers' c3 ("garbage collected ... we should ignore that
//   event") is the same ContainerRemoved row.
// - TestRelistingWithSandboxes: the same three relists with sandboxes: a new sandbox, a sandbox that
//   dies (killSandbox), the replacement sandbox ([0.7], [2.12]).
// - TestGetContainersToDeleteInPodWithFilter, containersToKeep 1: the dead run's own container keeps
//   its newest dead run; the other containers' dead runs are not candidates.
// - TestContainerGC with the kubelet's default policy: a unit (pod, container) keeps its newest
//   non-running run, as the deletor does, so over several GC periods the lastState a container
//   shows stays its newest dead run.
//
// Not expressible (and why):
// - TestEventChannelFull, TestHealthy, TestRunningPodAndContainerCount: the event channel's size,
//   the PLEG health check and metrics are not modelled. TestRelistWithCache,
//   TestRelistWithReinspection, TestRemoveCacheEntry, testReportMissingPods: the engine's runtime
//   never fails an inspection and never loses a pod or a running container. TestRelistIPChange:
//   no pod IP is modelled. TestCacheWithEventedPLEG: EventedPLEG is off by default in 1.27-1.37.
//   The rows' unknown state (ContainerChanged) never occurs; a created container is started in the
//   same sync, and ContainerChanged is never sent anyway.
// - TestGetContainersToDeleteInPod (filter "") is the removeAll path of a deleted or evicted pod,
//   not modelled ([10.8]); the rows with containersToKeep 0 or 2 need a kubelet flag the engine does
//   not have. TestGetContainersToDeleteInPodWithNoMatch: a ContainerDied whose ID is not in the
//   cache's containers (a sandbox's, in the killSandbox case below) deletes nothing: nothing to see.
// - TestContainerGC's rows all use other policies (MinAge 1 h or 1 min, MaxPerPodContainer 2 or -1,
//   MaxContainers 0, 4 or 6), evictNonDeletedPods or deleted pods: none is a scenario knob, and a
//   deleted pod has left the API. TestSandboxGC: old sandboxes are not shown anywhere in a status.
//   TestPodLogDirectoryGC: logs are not modelled.
// - Two races where the GC runs first, by design not modelled: the GC (every minute, at its own
//   phase) sees a run dead as soon as it exits, the deletor only at the relist that reports it, so
//   the older run may go up to one relist earlier; and a run caught by the GC in Created (the
//   0.1 s between CreateContainer and StartContainer) is kept over the newest exited one.
//
// One case disagreed when the file was written: a container that ends for good after a restart
// while the pod keeps running kept its lastState for ever in the engine up to 1.35, where upstream
// drops it at the periodic resync (60-90 s). The engine now runs that resync ([10.8]); its test is
// sim/resyncCollected.test.ts.

import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import { ALL, ON_DEMAND, PERIODIC_ONLY, lastFinished, observe, of, relistPod, simHead, statusAt, type Observed } from './upstreamNodeInternals.testkit';


const times = (o: Observed, type: 'container.start' | 'container.exit', name: string) => of(o.events, type, name).map((e) => e.t);

describe('generic_test.go TestRelisting: which relists ask for a sync (generateEvents, isSyncPodWorthy) [0.2] [0.6]', () => {
  for (const version of ALL) {
    it(`${version}: the runs the relists see: foo starts 0.7 s and 3.2 s, exits 2.7 s and 6.2 s; bar starts 0.9 s`, () => {
      const o = observe(relistPod(version));
      expect(times(o, 'container.start', 'foo')).toEqual(Array.of(0.7, 3.2));
      expect(times(o, 'container.exit', 'foo')).toEqual(Array.of(2.7, 6.2));
      expect(times(o, 'container.start', 'bar')).toEqual(Array.of(0.9));
    });
  }

  for (const version of PERIODIC_ONLY) {
    it(`${version}: report every running/exited container (ContainerStarted, ContainerDied): syncs at 0, 1, 3, 4, 7; none at a relist that sees no change (2, 5, 6) [0.6]`, () => {
      // 0: SyncPodCreate; 1: the sandbox, foo and bar started; 3: foo died; 4: foo's second run started; 7: foo died again
      expect(observe(relistPod(version)).syncs).toEqual(Array.of(0, 1, 3, 4, 7));
    });
  }

  for (const version of ON_DEMAND) {
    it(`${version}: the same events seen by the on-demand relist after each sync that acted: syncs at 0, 0.9, 3, 3.2, 7 [0.8] [0.9]`, () => {
      // 0.9 and 3.2: relistPod after the syncs that started containers; the periodic relists at 1 and 4 then find no change
      expect(observe(relistPod(version)).syncs).toEqual(Array.of(0, 0.9, 3, 3.2, 7));
    });
  }

  for (const version of ALL) {
    it(`${version}: third relist, c1 exited → gone is ContainerRemoved only: not sync-worthy, so the relist at 8 s (foo's first run deleted by the deletor) syncs nothing, nor any before the resync [0.2] [10.8]`, () => {
      const o = observe(relistPod(version), [30]);
      expect(o.syncs.filter((t) => t > 7)).toEqual([]);
      // no status was generated since 7 s: the written status still shows the deleted run as foo's lastState
      const foo = statusAt(o, 30, 'foo');
      expect(foo.state.terminated?.exitCode).toBe(0);
      expect(lastFinished(foo)).toBe(2.7);
    });
  }
});

/** One main container; `events` for the sandbox rows. */
function sandboxPod(version: KubeVersion, events: string, pull = '0'): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: sandboxes, namespace: ns }
spec:
  containers:
    - { name: app, image: example.com/app:1 }
---
${simHead(version, '59s')}
containers:
  app: { pull: ${pull} }
events:
${events}`;
}

describe('generic_test.go TestRelistingWithSandboxes: sandboxes are relisted as containers (getContainersFromPods) [0.7]', () => {
  for (const version of ALL) {
    it(`${version}: first relist, a sandbox seen running is ContainerStarted: the first sync created it and failed its pull, the next sync runs at the relist after it (2 s), not at the 10 s requeue [0.7] [0.6]`, () => {
      const o = observe(sandboxPod(version, '  - { at: 0s, do: failPull, container: app, for: 3600s }\n', '0.5'));
      expect(o.syncs.slice(0, 2)).toEqual(Array.of(0, 2));
      expect(of(o.events, 'container.waiting', 'app').find((e) => e.reason === 'ErrImagePull')?.t).toBe(2);
    });

    it(`${version}: second relist, a sandbox running → exited is ContainerDied: the pause process killed at 10.3 s is seen and acted on at 11 s [0.7] [2.12]`, () => {
      const o = observe(sandboxPod(version, '  - { at: 10.3s, do: killSandbox }\n'));
      expect(o.syncs.filter((t) => t > 10)[0]).toBe(11);
      expect(of(o.events, 'pod.sandboxChanged').map((e) => e.t)).toEqual(Array.of(11));
    });

    const replacement = Number(version.split('.')[1]) >= 36 ? 11.7 : 12;
    it(`${version}: third relist, the new sandbox (and app in it) is ContainerStarted: one more sync, at ${replacement} s${replacement === 12 ? ' (the next relist)' : ' (the on-demand relist, [0.8])'}, then none [0.7]`, () => {
      const o = observe(sandboxPod(version, '  - { at: 10.3s, do: killSandbox }\n'));
      // the sync at 11 creates the new sandbox (11-11.5 s) and starts app at 11.7 s
      expect(times(o, 'container.start', 'app')).toEqual(Array.of(0.7, 11.7));
      expect(o.syncs.filter((t) => t > 10)).toEqual(Array.of(11, replacement));
    });
  }
});

/** foo fails once and then completes; bar crashes every 4 s (OnFailure: it restarts, with the back-off). */
function deletorPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: deletor, namespace: ns }
spec:
  restartPolicy: OnFailure
  containers:
    - { name: foo, image: example.com/app:1 }
    - { name: bar, image: example.com/app:1 }
---
${simHead(version, '40s')}
containers:
  foo:
    pull: 0
    runs:
      - { exitAfter: 2s, exitCode: 1 }
      - { exitAfter: 3s, exitCode: 0 }
  bar: { pull: 0, exitAfter: 4s, exitCode: 1 }
`;
}

describe('pod_container_deletor_test.go TestGetContainersToDeleteInPodWithFilter, containersToKeep 1 (cleanUpContainersInPod on each ContainerDied) [10.8]', () => {
  for (const version of ALL) {
    const carried = Number(version.split('.')[1]) >= 36;
    it(`${version}: a death deletes only its own container's older dead runs; the newest dead run of every container stays${carried ? ' (and from 1.36 the written lastState is carried over)' : ''}`, () => {
      const o = observe(deletorPod(version), [9, 11, 21]);
      expect(times(o, 'container.exit', 'foo')).toEqual(Array.of(2.7, 6.2));
      expect(times(o, 'container.exit', 'bar').slice(0, 2)).toEqual(Array.of(4.9, 9.2));
      // 9 s: foo's second death (reported at 7 s) deleted foo's first run only. bar's dead run of
      // 4.9 s is older than foo's of 6.2 s, but it is not a candidate (other name): bar keeps it.
      expect(statusAt(o, 9, 'bar').state.running).toBeDefined();
      expect(lastFinished(statusAt(o, 9, 'bar'))).toBe(4.9);
      // 11 s: the status of bar's death (relist at 10 s) no longer finds foo's first run; bar's
      // older run is still listed there (its deletion follows that relist)
      expect(lastFinished(statusAt(o, 11, 'foo'))).toBe(carried ? 2.7 : undefined);
      expect(statusAt(o, 11, 'foo').state.terminated?.exitCode).toBe(0);
      expect(statusAt(o, 11, 'bar').state.terminated?.finishedAt).toBe(9.2);
      expect(lastFinished(statusAt(o, 11, 'bar'))).toBe(4.9);
      // 21 s: bar restarted from its back-off: its lastState is its newest dead run, the one kept
      expect(statusAt(o, 21, 'bar').state.running).toBeDefined();
      expect(lastFinished(statusAt(o, 21, 'bar'))).toBe(9.2);
    });
  }
});

/** Two containers in CrashLoopBackOff for more than six GC periods. */
function crashLoopPod(version: KubeVersion): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: gc, namespace: ns }
spec:
  containers:
    - { name: foo, image: example.com/app:1 }
    - { name: bar, image: example.com/app:1 }
---
${simHead(version, '400s')}
containers:
  foo: { pull: 0, exitAfter: 3s, exitCode: 2 }
  bar: { pull: 0, exitAfter: 7s, exitCode: 3 }
`;
}

const EVERY_20S = Array.from({ length: 18 }, (_, i) => 60 + 20 * i); // 60 ... 400 s

describe('kuberuntime_gc_test.go TestContainerGC with the kubelet\'s default policy (MinAge 0, MaxPerPodContainer 1, MaxContainers -1; every minute) [10.8]', () => {
  for (const version of ALL) {
    it(`${version}: "running containers should not be removed", "oldest containers should be removed when per pod container limit exceeded" and "max container count should apply per (UID, container) pair", at 1: each container keeps its own newest dead run as lastState, six GC periods on`, () => {
      const o = observe(crashLoopPod(version), EVERY_20S);
      for (const [name, code] of [['foo', 2], ['bar', 3]] as const) {
        const exits = times(o, 'container.exit', name);
        expect(exits.length).toBeGreaterThan(5);
        let checked = 0;
        for (const t of EVERY_20S) {
          const s = statusAt(o, t, name);
          if (s.state.terminated) continue; // between a death and its back-off the status shows the death itself
          // running: the run before this one; waiting (CrashLoopBackOff): the newest dead run
          const before = s.state.running ? s.state.running.startedAt ?? Number.NaN : t;
          const newestDead = Math.max(...exits.filter((x) => x < before));
          expect(lastFinished(s), `${name} at ${t}s`).toBe(newestDead);
          expect(s.lastState.terminated?.exitCode).toBe(code);
          checked++;
        }
        expect(checked).toBeGreaterThan(5);
      }
    });

    it(`${version}: "no containers should be removed when limits are not exceeded": a finished pod (Never) still shows each container's only run five GC periods later`, () => {
      const o = observe(`apiVersion: v1
kind: Pod
metadata: { name: done, namespace: ns }
spec:
  restartPolicy: Never
  containers:
    - { name: ok, image: example.com/app:1 }
    - { name: failed, image: example.com/app:1 }
---
${simHead(version, '320s')}
containers:
  ok: { pull: 0, exitAfter: 2s, exitCode: 0 }
  failed: { pull: 0, exitAfter: 4s, exitCode: 7 }
`, [300]);
      expect(statusAt(o, 300, 'ok').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
      expect(statusAt(o, 300, 'failed').state.terminated).toMatchObject({ exitCode: 7, reason: 'Error' });
      expect(of(o.events, 'pod.phase').at(-1)?.phase).toBe('Failed');
    });
  }
});
