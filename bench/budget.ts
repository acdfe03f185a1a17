// The worst run a user can start with one edit: a scenario that reaches the event budget (a
// container crash-looping for a simulated year). What it costs in the engine (in the worker) and
// on the page's main thread afterwards (the cause/effect links of a click, the timeline's lanes).

import { readFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run';
import { MAX_TRACE_EVENTS } from '../src/engine/scenario/limits';
import { causalLinks } from '../src/state/trace/causality';
import { layoutTimeline } from '../src/ui/timeline/layout';
import { placeRows } from '../src/ui/timeline/rows';
import { median, round, timeRuns } from './stats';

/** A container that exits 1 at once, simulated for a year (the CLI's fixture). */
export const CRASH_LOOP_FOR_A_YEAR = readFileSync(new URL('../src/cli/fixtures/crash-loop-year.yaml', import.meta.url), 'utf8');

export interface BudgetFigures {
  'budget.events': number;
  'budget.engineMs': number;
  'budget.causalityMs': number;
  'budget.layoutMs': number;
  /** Engine + cause links + layout: the whole cost of that run before it is drawn (contract key). */
  'budget.totalMs': number;
}

export function measureBudget(runs: number): BudgetFigures {
  const result = runScenario(CRASH_LOOP_FOR_A_YEAR);
  const trace = result.trace;
  if (!trace?.truncated) throw new Error('the crash loop of a year did not reach the event budget');
  if (trace.events.length < MAX_TRACE_EVENTS) throw new Error(`only ${trace.events.length} events`);
  const engineMs = median(timeRuns(() => runScenario(CRASH_LOOP_FOR_A_YEAR), runs, 1));
  // The page looks links up only when an event is selected, one event at a time: the cost of a
  // click on the run's first event (its effects are searched for among all the later ones).
  const causalityMs = median(timeRuns(() => {
    const links = causalLinks(trace);
    return links.causesOf(0).length + links.effectsOf(0).length;
  }, runs, 1));
  const layoutMs = median(timeRuns(() => placeRows(layoutTimeline(trace, 'forever')), runs, 1));
  return {
    'budget.events': trace.events.length,
    'budget.engineMs': round(engineMs, 1),
    'budget.causalityMs': round(causalityMs, 1),
    'budget.layoutMs': round(layoutMs, 1),
    'budget.totalMs': round(engineMs + causalityMs + layoutMs, 1),
  };
}
