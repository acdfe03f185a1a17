// A pod on a node: `startPod` wires a pod's worker, prober, faults and deadline onto the node's
// clock (simNode.ts) at the node's current time; `simulatePod` runs one pod alone on its own node
// until the horizon (contract section 3). Deterministic: no wall clock, no randomness.

import type { Scenario } from '../scenario/types';
import { TRACE_SCHEMA, roundTime, type Trace, type TraceContainer, type TraceEvent, type Truncation } from '../trace';
import { registerFaultWindows, scheduleFaults } from './faults';
import { PodSim } from './podSim';
import { patchProbeFlags } from './probePatch';
import { syncPod } from './sync';
import { SimNode } from './simNode';
import { HORIZON_CAP } from './timing';
import { watchActiveDeadline } from './activeDeadline';
import { seedObservedState, settleObservedStatus } from './initialState';

export interface SimulateStats {
  steps: number;
}

function traceContainers(scenario: Scenario): TraceContainer[] {
  return [...scenario.pod.initContainers, ...scenario.pod.containers].map((c) => ({ name: c.name, kind: c.kind, index: c.index, image: c.image }));
}

export interface PodRunOptions {
  /** Treat `until` as a cap only: the run still ends this long after the pod is terminal. */
  stopAfterTerminal?: number;
  /** Events the whole run may write (default MAX_TRACE_EVENTS). */
  eventBudget?: number;
  /** Kernel steps the run may take (default MAX_KERNEL_STEPS). */
  maxSteps?: number;
  /** Told now and then how far a long run is (simulated seconds, and the horizon). */
  onProgress?: ProgressListener;
}

/** How far a run is: `t` simulated seconds of at most `horizon`. */
export type ProgressListener = (t: number, horizon: number) => void;

/** Where the run stopped early, if it did: the event budget, or the kernel's step guard. */
function truncation(sim: PodSim, horizon: number): { at: number; truncated: Truncation } | undefined {
  return nodeTruncation(sim.node, horizon);
}

/** Where the node's run stopped early, if it did: the shared event budget, or the kernel's step guard. */
export function nodeTruncation(node: SimNode, horizon: number): { at: number; truncated: Truncation } | undefined {
  if (node.truncatedAt !== undefined) return { at: node.truncatedAt, truncated: { reason: 'events', limit: node.eventBudget, horizon } };
  if (node.k.outOfSteps) return { at: node.k.now, truncated: { reason: 'steps', limit: node.k.maxSteps, horizon } };
  return undefined;
}

export function truncationWhy(t: Truncation): string {
  const what = t.reason === 'events' ? `${t.limit} trace events` : `${t.limit} simulation steps`;
  return `The simulation stopped here, before its horizon: it reached its budget of ${what}, `
    + 'which keeps the engine and the timeline responsive. Shorten `until`, or simulate fewer containers or faults.';
}

/** What a pod on a shared node is told at its creation (a Job's pods). */
export interface PodStart {
  /** Injected events to schedule on this pod. */
  events: Scenario['sim']['events'];
  /** Injected events whose probe and pull windows apply to this pod; the caller delivers the events themselves. */
  windows?: Scenario['sim']['events'];
  /** The events that caused the pod's creation (the Job controller's job.podCreated). */
  createdBy?: string;
}

/**
 * Creates a pod on the node at the node's current time and wires its worker, prober, faults and
 * deadline; the node's kernel runs it. A pod alone on its node may start from an observed state.
 */
export function startPod(node: SimNode, scenario: Scenario, horizon: number, start: PodStart): PodSim {
  const sim = new PodSim(scenario, horizon, undefined, node);
  sim.createdAt = node.k.now;
  sim.jobTrackingFinalizer = start.createdBy !== undefined;
  sim.syncPod = () => syncPod(sim);
  sim.onRuntimeChange = (name) => sim.probes.wake(name);
  sim.onPatchStatus = () => patchProbeFlags(sim);

  const from = scenario.sim.startFrom; // issue 14: continue from an observed state (initialState.ts)
  const observed = from ? seedObservedState(sim, from) : undefined;
  if (!from && start.createdBy) sim.emit({ type: 'pod.scheduled', why: 'The scheduler bound the pod the Job controller just created to this node; its kubelet takes over [0.5].' }, [start.createdBy]);
  else if (!from) sim.emit({ type: 'pod.scheduled', why: 'The scheduler bound the pod to this node; its kubelet takes over (t = 0).' });
  sim.probes.addPod();
  if (from && observed) settleObservedStatus(sim, from, observed);
  scheduleFaults(sim, start.events);
  if (start.windows) registerFaultWindows(sim, start.windows);
  watchActiveDeadline(sim);
  sim.requestSync();
  return sim;
}

/**
 * The events at or before `end`: the array itself when none is later (one pass, a copy only from
 * the first later one). `latest`: a time no event is after, when known (then no pass at all).
 */
function eventsUntil(all: TraceEvent[], end: number, latest?: number): TraceEvent[] {
  if (latest !== undefined && latest <= end) return all;
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.t <= end) continue;
    const kept = all.slice(0, i);
    for (let j = i + 1; j < all.length; j++) if (all[j]!.t <= end) kept.push(all[j]!);
    return kept;
  }
  return all;
}

export function simulatePod(scenario: Scenario, opts: PodRunOptions = {}): { trace: Trace; stats: SimulateStats } {
  const horizon = scenario.sim.until ?? HORIZON_CAP;
  const node = new SimNode(horizon, opts.maxSteps);
  if (opts.eventBudget !== undefined) node.eventBudget = opts.eventBudget;
  const { onProgress } = opts;
  if (onProgress) node.k.onProgress = (t) => onProgress(t, horizon);
  const sim = startPod(node, scenario, horizon, { events: scenario.sim.events });
  sim.untilIsCap = opts.stopAfterTerminal !== undefined;
  node.k.run();

  const from = scenario.sim.startFrom;
  const stop = truncation(sim, horizon);
  const end = roundTime(stop ? stop.at : Math.min(sim.k.horizon, horizon));
  // Events keep the time emit gave them, except those an observed state re-times (initialState.ts).
  const events = eventsUntil(sim.events, end, from ? undefined : sim.latestEventAt);
  const trace: Trace = { schema: TRACE_SCHEMA, kubernetesVersion: scenario.sim.kubernetesVersion, end, containers: traceContainers(scenario), events };
  if (from) trace.observedUntil = from.now;
  trace.statusWrites = sim.status.writes.filter((w) => w.t <= end);
  if (stop) {
    trace.truncated = stop.truncated;
    // An id after every emitted one (the events past `end` were dropped, but their ids stay taken).
    events.push({ t: end, type: 'sim.truncated', reason: stop.truncated.reason, limit: stop.truncated.limit, why: truncationWhy(stop.truncated), id: `e${sim.events.length}` });
  }
  return { trace, stats: { steps: sim.k.stepCount } };
}
