// The status manager's state (issue 13) and a write that costs what changed (issue 16): status.ts
// writes through StatusManager; a write equal to the written status keeps the very objects.
// Upstream: pkg/kubelet/status/status_manager.go SetPodStatus (read at the 1.3x tree). [0.1] [0.4]
import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api';
import { buildScenario } from '../testing/build';
import { PodSim } from './podSim';
import { writeStatus } from './status';
import { StatusManager } from './statusManager';

const status = (name: string, restartCount = 0): ContainerStatus => ({
  name, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, restartCount,
});

describe('StatusManager [0.4]', () => {
  it('indexes the committed status by container, replacing only the statuses that changed', () => {
    const m = new StatusManager();
    const a = status('a');
    const b = status('b');
    m.commit({ conditions: [], initContainerStatuses: [a], containerStatuses: [b] });
    expect(m.statusOf('a')).toBe(a);
    expect(m.statusOf('b')).toBe(b);
    const b2 = status('b', 1);
    m.commit({ conditions: [], initContainerStatuses: [a], containerStatuses: [b2] });
    expect(m.statusOf('b')).toBe(b2);
    m.commit({ conditions: [], initContainerStatuses: [], containerStatuses: [b2] });
    expect(m.statusOf('a')).toBeUndefined();
  });

  it('keeps the latest two runtime events per container until the write shows them', () => {
    const m = new StatusManager();
    for (const id of ['e1', 'e2', 'e3']) m.noteRuntimeEvent('app', id);
    expect(m.runtimeEventsOf('app')).toEqual(['e2', 'e3']);
    m.clearRuntimeEvents();
    expect(m.runtimeEventsOf('app')).toBeUndefined();
  });
});

describe('a status write costs what changed (issue 16) [0.1]', () => {
  it('a write with nothing changed emits nothing and keeps the written status object', () => {
    const sim = new PodSim(buildScenario({ until: 60, main: [{ name: 'app' }] }), 60);
    writeStatus(sim);
    const written = sim.status.api;
    const events = sim.events.length;
    writeStatus(sim);
    expect(sim.status.api).toBe(written);
    expect(sim.events.length).toBe(events);
  });

  it('a write after a change rebuilds only that container: the other keeps its status object', () => {
    const sim = new PodSim(buildScenario({ until: 60, main: [{ name: 'a' }, { name: 'b' }] }), 60);
    writeStatus(sim);
    const [a, b] = sim.status.api.containerStatuses;
    sim.rec('b').startError = { reason: 'ErrImagePull', message: 'failed to pull' };
    sim.containerChanged('b'); // as start.ts marks it: the write looks at the changed containers only (changedSet.ts)
    writeStatus(sim);
    const [a2, b2] = sim.status.api.containerStatuses;
    expect(a2).toBe(a);
    expect(b2).not.toBe(b);
    expect(b2!.state.waiting?.reason).toBe('ErrImagePull');
  });
});
