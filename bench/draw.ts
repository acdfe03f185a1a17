// What drawing a Job's timeline costs as its pods multiply (issue 17, finding 1): a pod that
// fails at once, retried until the run's end, for 250 and for 2,500 pods. The lanes drawn stay
// within the drawing budget; the layout reads the events once, so its time grows with the
// events (linear), never with pods × events (it took 112 s for 2,500 pods).

import { readFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run';
import type { Trace, TracePod } from '../src/engine/trace';
import { layoutTimeline } from '../src/ui/timeline/layout';
import { placeRows } from '../src/ui/timeline/rows';
import { median, round, timeRuns } from './stats';

/** The Job of src/cli/fixtures/job-retry-forever.yaml, simulated for `until`. */
const RETRY_FOREVER = readFileSync(new URL('../src/cli/fixtures/job-retry-forever.yaml', import.meta.url), 'utf8');
const retryForever = (until: string) => RETRY_FOREVER.replace('until: 400h', `until: ${until}`);

export interface DrawFigures {
  'draw.jobPods': number;
  'draw.jobLanesDrawn': number;
  'draw.jobLayoutMs': number;
  'draw.growthPerPod': number;
}

function jobTrace(until: string): Trace & { pods: TracePod[] } {
  const run = runScenario(retryForever(until));
  const trace = run.ok ? run.trace : undefined;
  if (!trace?.pods) throw new Error('the retried Job did not simulate');
  return { ...trace, pods: trace.pods };
}

export function measureDraw(runs: number): DrawFigures {
  const small = jobTrace('10h'); // ~100 pods
  const large = jobTrace('400h'); // ~2,500 pods, at the event budget
  const layout = (trace: Trace) => placeRows(layoutTimeline(trace, 'retry-forever'));
  const smallMs = median(timeRuns(() => layout(small), Math.max(runs, 5), 3));
  const largeMs = median(timeRuns(() => layout(large), Math.max(runs, 5), 3));
  return {
    'draw.jobPods': large.pods.length,
    'draw.jobLanesDrawn': layout(large).lanes.length,
    'draw.jobLayoutMs': round(largeMs, 1),
    // Layout time at 2,500 pods ÷ at 100, same run, divided by the ratio of pods (~24): 1 = linear,
    // below 1 = flatter (was ~24: pods × events).
    'draw.growthPerPod': round((largeMs / smallMs) / (large.pods.length / small.pods.length), 2),
  };
}
