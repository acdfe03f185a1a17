// What the engine said about the text: the last result, its problems, and the last trace of a
// valid scenario (the timeline keeps showing it while the text is broken).

import type { ContainerSummary } from '../../engine/scenario/eventEffects';
import type { Problem } from '../../engine/scenario/types';
import type { Trace } from '../../engine/trace';
import type { EngineResult } from '../../worker/protocol';
import type { RunOutcome, RunProgress } from '../../worker/client';
import type { AppState, SliceCreator } from './types';

export interface ResultSlice {
  result: EngineResult | null;
  problems: Problem[];
  /** The trace of the last valid scenario, or null before the first one. */
  trace: Trace | null;
  /** The pod name that goes with `trace`. */
  podName: string;
  /** Per container of `trace`'s scenario: its probes and pull policy (inject buttons read them). */
  containerSummaries: Record<string, ContainerSummary>;
  /** An engine failure (a crash or a timeout), not a problem with the scenario. */
  engineError: string | null;
  /** A run is under way (debouncing or in the worker). */
  running: boolean;
  /** How far a long run is, while it runs (short runs never say). */
  progress: RunProgress | null;
}

export const createResultSlice: SliceCreator<ResultSlice> = () => ({
  result: null,
  problems: [],
  trace: null,
  podName: '',
  containerSummaries: {},
  engineError: null,
  running: false,
  progress: null,
});

/** The store update an engine outcome makes. Stale outcomes change nothing. */
export function reduceOutcome(state: AppState, outcome: RunOutcome): Partial<AppState> {
  switch (outcome.kind) {
    case 'stale':
      return {};
    case 'error':
      return { engineError: outcome.message, running: false, progress: null };
    case 'result': {
      const { result } = outcome;
      const fresh = result.ok ? result.trace : undefined;
      const trace = fresh ?? state.trace;
      const podName = fresh ? result.podName ?? 'pod' : state.podName;
      const containerSummaries = fresh ? result.containers ?? {} : state.containerSummaries;
      const cursorTime = state.cursorTime !== null && trace ? Math.min(state.cursorTime, trace.end) : state.cursorTime;
      // Indices into the old trace mean nothing in a new one.
      const selected = fresh ? null : state.selected;
      return { result, problems: result.problems, trace, podName, containerSummaries, engineError: null, running: false, progress: null, cursorTime, selected };
    }
  }
}
