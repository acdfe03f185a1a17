// The restartCountsGrow invariant's one drop (kubernetes#124002, [2.9]): kuberuntime_manager.go
// SyncPod's purgeInitContainers after a new sandbox removes every init container's runs and logs,
// and startContainer's calcRestartCountByLogDir (kuberuntime_container.go, stored 1.3x copy, library
// id 41926215; every minor 1.27-1.37) starts a later init container again at 0. Only an init
// container, only to 0, only across a sandbox change or a node reboot.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace';
import { restartCountsGrow } from './invariants';
import type { PodDesc } from './build';

const d: PodDesc = { init: [{ name: 'a', kind: 'init' }, { name: 'b', kind: 'init' }], main: [{ name: 'm' }] };

/** A trace of `b`'s starts and started flags at 10, 20, 40; `between` (if any) at 30. */
function trace(attempts: number[], between?: 'pod.sandboxChanged' | 'node.reboot', container = 'b'): Trace {
  const times = [10, 20, 40];
  const events: Record<string, unknown>[] = [];
  attempts.forEach((attempt, i) => {
    if (between && times[i] === 40) events.push({ t: 30, type: between, attempt: 1, why: 'w' });
    events.push({ t: times[i], type: 'container.start', container, attempt, why: 'w' }, { t: times[i]! + 1, type: 'container.started', container, attempt, why: 'w' });
  });
  return { events } as unknown as Trace;
}

describe('restartCountsGrow and calcRestartCountByLogDir after purgeInitContainers (kubernetes#124002) [2.9]', () => {
  it('an init container may start again at attempt 0 (or at a count a surviving log gives) after a sandbox change or a node reboot', () => {
    expect(restartCountsGrow(d, trace([0, 1, 0], 'pod.sandboxChanged'))).toEqual([]);
    expect(restartCountsGrow(d, trace([0, 1, 0], 'node.reboot'))).toEqual([]);
    expect(restartCountsGrow(d, trace([0, 1, 1], 'node.reboot'))).toEqual([]);
  });

  it('not without one, never past the next count, and never a main container', () => {
    expect(restartCountsGrow(d, trace([0, 1, 0]))).toEqual(['b attempts 0,1,0', 'b restartCount went down: 0,1,0']);
    expect(restartCountsGrow(d, trace([0, 1, 1]))).toEqual(['b attempts 0,1,1']);
    expect(restartCountsGrow(d, trace([0, 2, 1], 'pod.sandboxChanged'))).toEqual(['b attempts 0,2,1']);
    expect(restartCountsGrow(d, trace([0, 1, 0], 'pod.sandboxChanged', 'm'))).toEqual(['m attempts 0,1,0', 'm restartCount went down: 0,1,0']);
  });
});

describe('restartCountsGrow: a status that missed the run at 0 after the purge (fuzz seed 1364950110) [2.9]', () => {
  const ev = (t: number, type: string, attempt: number) => ({ t, type, container: 'b', attempt, why: 'w' });
  const withStarts = (restart: number[]) => ({ events: [
    ev(10, 'container.start', 0), ev(11, 'container.started', 0), ev(20, 'container.start', 1), ev(21, 'container.started', 1),
    ev(25, 'container.start', 2), ev(26, 'container.started', 2), { t: 30, type: 'pod.sandboxChanged', attempt: 1, why: 'w' },
    ...restart.map((a, i) => ev(40 + 10 * i, 'container.start', a)), ev(65, 'container.started', 1),
  ] } as unknown as Trace);

  it('the restartCount may go from 2 to the 1 of a run started after the purge, but not to a count no run since has', () => {
    expect(restartCountsGrow(d, withStarts([0, 1]))).toEqual([]);
    expect(restartCountsGrow(d, withStarts([0]))).toEqual(['b restartCount went down: 0,1,2,1']);
  });
});
