// A preStop hook that failed without an exit code (the stale-snapshot kill's hook on a container
// that had already exited, [8.11]: `hook.end` with `failed: true`) is drawn as a failed hook bar.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace';
import { crashLoopTrace } from '../../state/testFixtures';
import { layoutTimeline } from './layout';
import { eventDetail } from './eventText';

const appLane = (trace: Trace) => layoutTimeline(trace, 'my-pod').groups.flatMap((g) => g.lanes).find((l) => l.name === 'app')!;

describe('[8.11] a hook that failed with no exit code', () => {
  it('is a failed bar labelled "preStop failed", and its event text says failed', () => {
    const trace = crashLoopTrace();
    trace.events.splice(11, 0,
      { t: 13, type: 'hook.start', container: 'app', hook: 'preStop', why: '' },
      { t: 13, type: 'hook.end', container: 'app', hook: 'preStop', failed: true, why: '' });
    expect(appLane(trace).hooks).toEqual([{ start: 13, end: 13, hook: 'preStop', event: 11, failed: true, label: 'preStop failed' }]);
    expect(eventDetail(trace.events[12]!)).toBe('preStop, failed');
  });
});
