// simulate(scenario) -> Trace (contract section 3): a pod, or for a Job or CronJob the Job
// controller's sequence of pods.

import type { Scenario } from '../scenario/types';
import type { Trace } from '../trace';
import { simulateJob } from './job';
import { simulatePod, type SimulateStats } from './simulatePod';

export function simulate(scenario: Scenario): Trace {
  return scenario.job ? simulateJob(scenario) : simulatePod(scenario).trace;
}

/** One pod with the kernel's step count (benchmarks, cost tests). */
export function simulateWithStats(scenario: Scenario): { trace: Trace; stats: SimulateStats } {
  return simulatePod(scenario);
}
