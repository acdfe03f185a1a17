// One pod on one node: wires the pod worker, the prober and the faults onto one virtual clock and
// runs until the horizon (contract section 3). Deterministic: no wall clock, no randomness.

import type { Scenario } from '../scenario/types';
import { TRACE_SCHEMA, roundTime, type Trace, type TraceContainer, type Truncation } from '../trace';
import { scheduleFaults } from './faults';
import { PodSim } from './podSim';
import { patchProbeFlags } from './status';
import { requestSync } from './sync';
import { HORIZON_CAP } from './timing';
import { watchActiveDeadline } from './activeDeadline';
import { seedObservedState, settleObservedStatus } from './initialState';

export interface SimulateStats {
  steps: number;
}

function traceContainers(scenario: Scenario): TraceContainer[] {
  return [...scenario.pod.initContainers, ...scenario.pod.containers].map((c) => ({ name: c.name, kind: c.kind, index: c.index }));
}

export interface PodRunOptions {
  /** Treat `until` as a cap only: the run still ends this long after the pod is terminal. */
  stopAfterTerminal?: number;
  /** Events the whole run may write (default MAX_TRACE_EVENTS). */
  eventBudget?: number;
  /** Events a Job's earlier pods already wrote, out of the same budget. */
  eventsBefore?: number;
  /** Kernel steps the run may take (default MAX_KERNEL_STEPS). */
  maxSteps?: number;
  /** Told now and then how far a long run is (simulated seconds, and the horizon). */
  onProgress?: ProgressListener;
}

/** How far a run is: `t` simulated seconds of at most `horizon`. */
export type ProgressListener = (t: number, horizon: number) => void;

/** Where the run stopped early, if it did: the event budget, or the kernel's step guard. */
function truncation(sim: PodSim, horizon: number): { at: number; truncated: Truncation } | undefined {
  if (sim.truncatedAt !== undefined) return { at: sim.truncatedAt, truncated: { reason: 'events', limit: sim.eventBudget, horizon } };
  if (sim.k.outOfSteps) return { at: sim.now, truncated: { reason: 'steps', limit: sim.k.maxSteps, horizon } };
  return undefined;
}

export function truncationWhy(t: Truncation): string {
  const what = t.reason === 'events' ? `${t.limit} trace events` : `${t.limit} simulation steps`;
  return `The simulation stopped here, before its horizon: it reached its budget of ${what}, `
    + 'which keeps the engine and the timeline responsive. Shorten `until`, or simulate fewer containers or faults.';
}

export function simulatePod(scenario: Scenario, opts: PodRunOptions = {}): { trace: Trace; stats: SimulateStats } {
  const horizon = scenario.sim.until ?? HORIZON_CAP;
  const sim = new PodSim(scenario, horizon, opts.maxSteps);
  if (opts.eventBudget !== undefined) sim.eventBudget = opts.eventBudget;
  sim.eventsBefore = opts.eventsBefore ?? 0;
  const { onProgress } = opts;
  if (onProgress) sim.k.onProgress = (t) => onProgress(t, horizon);
  sim.untilIsCap = opts.stopAfterTerminal !== undefined;
  sim.onSyncRequested = () => requestSync(sim);
  sim.onRuntimeChange = (name) => sim.probes.wake(name);
  sim.onPatchStatus = () => patchProbeFlags(sim);

  const from = scenario.sim.startFrom; // issue 14: continue from an observed state (initialState.ts)
  const observed = from ? seedObservedState(sim, from) : undefined;
  if (!from) sim.emit({ type: 'pod.scheduled', why: 'The scheduler bound the pod to this node; its kubelet takes over (t = 0).' });
  sim.probes.addPod();
  if (from && observed) settleObservedStatus(sim, from, observed);
  scheduleFaults(sim, scenario.sim.events);
  watchActiveDeadline(sim);
  sim.requestSync();
  sim.k.run();

  const stop = truncation(sim, horizon);
  const end = roundTime(stop ? stop.at : Math.min(sim.k.horizon, horizon));
  const events = sim.events.filter((e) => e.t <= end);
  const trace: Trace = { schema: TRACE_SCHEMA, kubernetesVersion: scenario.sim.kubernetesVersion, end, containers: traceContainers(scenario), events };
  if (from) trace.observedUntil = from.now;
  trace.statusWrites = sim.statusWrites.filter((w) => w.t <= end);
  if (stop) {
    trace.truncated = stop.truncated;
    // An id after every emitted one (the events past `end` were dropped, but their ids stay taken).
    events.push({ t: end, type: 'sim.truncated', reason: stop.truncated.reason, limit: stop.truncated.limit, why: truncationWhy(stop.truncated), id: `e${sim.events.length}` });
  }
  return { trace, stats: { steps: sim.k.stepCount } };
}
