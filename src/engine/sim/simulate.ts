// simulate(scenario) -> Trace (contract section 3): a pod, or for a Job or CronJob the Job
// controller's sequence of pods.

import type { Scenario } from '../scenario/types';
import type { Trace } from '../trace';
import { simulateJob } from './job';
import { simulatePod, type ProgressListener, type SimulateStats } from './simulatePod';

export interface SimulateHooks {
  /** Told now and then how far a long run is; never called for a short one. */
  onProgress?: ProgressListener;
}

export function simulate(scenario: Scenario, hooks: SimulateHooks = {}): Trace {
  return scenario.job ? simulateJob(scenario, hooks.onProgress) : simulatePod(scenario, { onProgress: hooks.onProgress }).trace;
}

/** One pod with the kernel's step count (benchmarks, cost tests). */
export function simulateWithStats(scenario: Scenario): { trace: Trace; stats: SimulateStats } {
  return simulatePod(scenario);
}
