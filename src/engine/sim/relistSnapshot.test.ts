// A sync reads the last relist's cache entry, not the runtime now ([0.6]): upstream pod_workers.go
// podWorkerLoop hands `podCache.GetNewerThan(uid, lastSyncTime)` to SyncPod/SyncTerminatingPod,
// kubelet.go SyncPod and SyncTerminatingPod generate the status from it, kuberuntime_manager.go
// SyncPod gives it to computePodActions; pleg/generic.go Relist/updateCache writes it. Read at the
// stored 1.28-era and 1.36 versions; the same 1.27-1.36.

import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario } from '../testing/build';
import type { KubeVersion } from '../version';
import type { Trace, TraceEvent } from '../trace';
import { lastRelistAtOrBefore } from './podCache';

const VERSIONS: KubeVersion[] = ['1.27', '1.31', '1.36'];

type Row = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const rows = (trace: Trace) => trace.events.filter((e): e is Row => e.type === 'pod.kubectl').map((e) => [e.t, e.ready, e.status] as const);
const starts = (trace: Trace, container: string) =>
  trace.events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

// `a` starts at 1.2 s and exits with 1 at 5.5 s; `b` runs on. Something asks for a sync at 5.8 s,
// after the relist at 5 s (which saw `a` running) and before the one at 6 s.
const pod = (version: KubeVersion, event: { do: 'setImage'; container: 'b'; image: string } | { do: 'deletePod' }) => buildScenario({
  version, until: 15,
  main: [{ name: 'a', behavior: { exitAfter: 4.3, exitCode: 1 } }, { name: 'b' }],
  events: [{ at: 5.8, ...event } as never],
});

describe('a sync reads the containers as the last relist saw them [0.6]', () => {
  it('the last relist at or before a time is the whole second (a relist at that very instant included)', () => {
    expect(lastRelistAtOrBefore(5.8)).toBe(5);
    expect(lastRelistAtOrBefore(6)).toBe(6);
    expect(lastRelistAtOrBefore(0.1 + 0.2 + 0.7)).toBe(1); // 0.9999999999999999 is the instant 1
  });

  it.each(VERSIONS)('a pod update between relists does not see an exit since the last relist: the exit is written, and acted on, by the sync the next relist asks for (%s; podWorkerLoop GetNewerThan, SyncPod, computePodActions)', (version) => {
    const trace = simulate(pod(version, { do: 'setImage', container: 'b', image: 'busybox:1.37' }));
    // the 5.8 s sync restarts b (its spec changed) and leaves a alone: its cache entry shows a running
    expect(starts(trace, 'b')).toEqual([1.4, 6.5]);
    // that sync ends at 6.5 s, so the one the 6 s relist asked for runs at the 7 s relist: a's exit is written and a restarted then;
    // from 1.36 the on-demand relist after that sync ([0.8]) brings it at 6.5 s
    const seen = version === '1.36' ? 6.5 : 7;
    expect(starts(trace, 'a')).toEqual([1.2, seen + 0.2]);
    expect(rows(trace).find(([, , status]) => status === 'Error')?.[0]).toBe(seen);
  });

  it.each(VERSIONS)('a deletion between relists writes its first status from the last relist: no `1/2 Terminating` row for the exit it has not seen (%s; SyncTerminatingPod)', (version) => {
    const trace = simulate(pod(version, { do: 'deletePod' }));
    const after = rows(trace).filter(([t]) => t >= 5.8).map(([, ready, status]) => `${ready} ${status}`);
    expect(after).toEqual(['2/2 Terminating', `0/2 ${version === '1.27' ? 'Terminating' : 'Error'}`]);
  });

  it('writes a\'s status from the cache at 5.8 s and its exit, with its code, once the relist has seen it (the instance is put back after the sync read it)', () => {
    const trace = simulate(pod('1.35', { do: 'setImage', container: 'b', image: 'busybox:1.37' }));
    const writes = (trace.statusWrites ?? []).filter((w) => w.container === 'a').map((w) => [w.t, w.state, w.exitCode] as const);
    expect(writes.slice(0, 3)).toEqual([[0, 'waiting', undefined], [2, 'running', undefined], [7, 'terminated', 1]]);
  });
});
