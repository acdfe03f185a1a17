// The PLEG and the pod worker's wait for it ([0.6], [0.7]): upstream pod_workers.go podWorkerLoop
// (GetNewerThan(uid, lastSyncTime)), pkg/kubelet/container/cache.go, pleg/generic.go Relist and
// getContainersFromPods, read at the stored 1.3x commits; the same 1.27-1.36.

import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario } from '../testing/build';
import type { KubeVersion } from '../version';
import type { Trace, TraceEvent } from '../trace';

const VERSIONS: KubeVersion[] = ['1.27', '1.31', '1.36'];

function waitingRows(trace: Trace, container: string): [number, string][] {
  return trace.events
    .filter((e): e is Extract<TraceEvent, { type: 'container.waiting' }> => e.type === 'container.waiting' && e.container === container)
    .map((e) => [e.t, e.reason]);
}

const running = (trace: Trace) => trace.events.find((e) => e.type === 'pod.phase' && e.phase === 'Running')?.t;

describe('the PLEG relist and the pod worker\'s cache wait [0.6] [0.7]', () => {
  it.each(VERSIONS)('a first pull that fails is written at the next relist, not after the 10 s requeue (%s; getContainersFromPods relists the new sandbox) [0.7]', (version) => {
    const trace = simulate(buildScenario({ version, until: 30, main: [{ name: 'app' }], events: [{ at: 0, do: 'failPull', container: 'app', for: 3600 }] }));
    // first sync: sandbox 0-0.5 s, the pull fails at 1 s; the relist at 1 s sees the sandbox; the next relist after the sync is at 2 s.
    expect(waitingRows(trace, 'app').find(([, reason]) => reason === 'ErrImagePull')?.[0]).toBe(2);
  });

  it.each(VERSIONS)('a container the first sync started shows Running at the relist after that sync, not when the sync ends (%s; podWorkerLoop GetNewerThan) [0.6]; from 1.36 the on-demand relist right after the sync [0.8]', (version) => {
    // two main containers pulled one after the other: the first sync ends at 2.4 s
    const trace = simulate(buildScenario({ version, until: 10, main: [{ name: 'a', image: 'example/a:1' }, { name: 'b', image: 'example/b:1', behavior: { pull: 1 } }] }));
    const started = trace.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    expect(started).toEqual([1.2, 2.4]);
    expect(running(trace)).toBe(version === '1.36' ? 2.4 : 3);
  });

  it.each(['1.36', '1.37'] as KubeVersion[])('the on-demand relist lists a process that exits as soon as it starts as running, and the next periodic relist reports the exit (%s; Kubelet.SyncPod postSync, generic.go relistPod) [0.8]', (version) => {
    const trace = simulate(buildScenario({ version, until: 3, main: [{ name: 'app', behavior: { pull: 0, exitAfter: 0, exitCode: 1 } }] }));
    const starts = trace.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    // the first run shown started (running) at its start, 0.7 s; its exit acted on at the 1 s relist, the restart 0.2 s later
    expect(trace.events.find((e) => e.type === 'container.started')?.t).toBe(starts[0]);
    expect(starts.slice(0, 2)).toEqual([0.7, 1.2]);
  });

  it('1.36 with PLEGOnDemandRelist off waits for the periodic relist again (kubelet.go SyncPod postSync, generic.go RequestRelist) [0.8]', () => {
    const trace = simulate(buildScenario({ version: '1.36', gates: { PLEGOnDemandRelist: false }, until: 10, main: [{ name: 'a', image: 'example/a:1' }, { name: 'b', image: 'example/b:1', behavior: { pull: 1 } }] }));
    expect(running(trace)).toBe(3);
  });

  it.each(['1.35', '1.36'] as const)('a sidecar without a startup probe lets the next container start one relist later, at once from 1.36 (%s; computeInitContainerActions [2.1], SyncPod postSync [0.8])', (version) => {
    const trace = simulate(buildScenario({ version, until: 10, init: [{ name: 'proxy', kind: 'sidecar', behavior: { pull: 0 } }], main: [{ name: 'app', behavior: { pull: 0 } }] }));
    const started = trace.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    // the first sync creates the sandbox (0.5 s) and starts proxy (0.7 s); the sync that sees it running starts app
    const appStart = version === '1.36' ? 0.9 : 1.2; // 1.36: the on-demand relist at 0.7 s; 1.35: the relist at 1 s
    expect(started).toEqual([0.7, appStart]);
  });
});
