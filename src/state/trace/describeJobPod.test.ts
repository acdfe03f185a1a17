// `kubectl describe pod NAME` prints that pod's events only: a Job's pods each have their own
// (involvedObject is the pod), and each its own spam-filter bucket ([10.7]: getSpamKey names the
// pod). Gallery 14, an indexed Job whose pods run side by side.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const text = readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');
const trace = runScenario(text).trace!;

describe('describe of one of a Job\'s pods', () => {
  it('has that pod\'s events only: one Scheduled naming it, and as many Started as its own starts', () => {
    expect(trace.pods!.length).toBeGreaterThan(2);
    for (const pod of trace.pods!) {
      const rows = describeEvents(trace, trace.end, pod.name);
      const scheduled = rows.filter((r) => r.reason === 'Scheduled');
      expect(scheduled, pod.name).toHaveLength(1);
      expect(scheduled[0]).toMatchObject({ count: 1, message: `Successfully assigned default/${pod.name} to node-1` });
      const starts = trace.events.filter((e) => e.type === 'container.start' && e.pod === pod.name).length;
      const started = rows.filter((r) => r.reason === 'Started').reduce((n, r) => n + r.count, 0);
      expect(started, pod.name).toBe(starts);
    }
  });
});
