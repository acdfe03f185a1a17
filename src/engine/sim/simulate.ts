// simulate(scenario) -> Trace (contract section 3): a pod, or for a Job or CronJob the Job
// controller's sequence of pods.

import type { Scenario } from '../scenario/types';
import type { Trace } from '../trace';
import { simulateJob } from './job';
import { simulatePod, type ProgressListener, type SimulateStats } from './simulatePod';
import { HORIZON_CAP } from './timing';

export interface SimulateHooks {
  /**
   * Told how far the run is: once at its start (the parse before it may have been long), then
   * every few thousand kernel steps. A listener throttles by wall time if it must.
   */
  onProgress?: ProgressListener;
}

export function simulate(scenario: Scenario, hooks: SimulateHooks = {}): Trace {
  hooks.onProgress?.(0, scenario.sim.until ?? HORIZON_CAP);
  const trace = scenario.job ? simulateJob(scenario, hooks.onProgress) : simulatePod(scenario, { onProgress: hooks.onProgress }).trace;
  if (scenario.pod.namespace !== 'default') trace.namespace = scenario.pod.namespace;
  return trace;
}

/** One pod with the kernel's step count (benchmarks, cost tests). */
export function simulateWithStats(scenario: Scenario): { trace: Trace; stats: SimulateStats } {
  return simulatePod(scenario);
}
