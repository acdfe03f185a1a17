// One simulated node: it owns the clock (one Kernel) and the trace's shared budget, and runs any
// number of pods on it (a single pod, or a Job's pods side by side). Each pod keeps its own
// state and pod worker (podSim.ts, podWorker.ts); what concerns the whole node lives here: time,
// the event budget (MAX_TRACE_EVENTS, shared by every pod), and the order in which events
// happened across pods (the Job's trace is that order).

import { Kernel } from './kernel';
import { MAX_TRACE_EVENTS } from '../scenario/limits';
import type { TraceEvent } from '../trace';

/** An event in the order it happened on the node, with the pod that wrote it (undefined: a controller's). */
export interface NodeLogEntry {
  pod?: string;
  event: TraceEvent;
}

export class SimNode {
  readonly k: Kernel;
  /** Events the whole run may write (MAX_TRACE_EVENTS); every pod's events count. */
  eventBudget = MAX_TRACE_EVENTS;
  /** Events written so far, by every pod and controller. */
  written = 0;
  /** Set when the event budget stopped the run. */
  truncatedAt?: number;
  /** The images pulled onto the node: every pod's kubelet sees them (imagePullPolicy IfNotPresent). */
  readonly pulledImages = new Set<string>();
  /** Kept only when several pods share the node (keepLog): their events in the order they happened. */
  readonly log: NodeLogEntry[] = [];

  constructor(horizon: number, maxSteps?: number, readonly keepLog = false) {
    this.k = new Kernel(horizon, maxSteps);
  }

  /** Counts an event against the budget (and logs it when asked); stops the run when the budget is reached. */
  record(pod: string | undefined, event: TraceEvent): void {
    this.written++;
    if (this.keepLog) this.log.push(pod === undefined ? { event } : { pod, event });
    if (this.written >= this.eventBudget && this.truncatedAt === undefined) {
      // The run stops after this step; the caller closes the trace with a sim.truncated event.
      this.truncatedAt = this.k.now;
      this.k.halt();
    }
  }
}
