// The engine's front door: scenario text in, problems and trace out. Used by the Web Worker,
// the `sim` command and the tests alike.

import { parseScenario } from './scenario/parse';
import { simulate, type SimulateHooks } from './sim/simulate';
import { roughDuration } from './scenario/duration';
import { thousands } from './thousands';
import { goneDeleteWarnings, idleExitWarnings, probeEventWarnings, statusCodeWarnings } from './scenario/eventEffects';
import { START_SPAN } from './scenario/problems';
import type { ParseOptions, Problem, Scenario } from './scenario/types';
import type { StepListener } from './scenario/yamlInSteps';
import type { Trace } from './trace';

export interface RunResult {
  /** False when the scenario has errors; warnings and infos may be present either way. */
  ok: boolean;
  problems: Problem[];
  scenario?: Scenario;
  trace?: Trace;
}

export interface RunHooks extends SimulateHooks {
  /** Called now and then while the text is read, before the run can say how far it is. */
  onReadStep?: StepListener;
}

export function runScenario(text: string, opts: ParseOptions = {}, hooks: RunHooks = {}): RunResult {
  const parsed = parseScenario(text, opts, hooks.onReadStep);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const trace = simulate(parsed.scenario, hooks);
  const idle = [...probeEventWarnings(parsed.scenario), ...statusCodeWarnings(parsed.scenario), ...idleExitWarnings(parsed.scenario, trace), ...goneDeleteWarnings(parsed.scenario, trace)];
  const problems = [...parsed.problems, ...idle, ...(trace.truncated ? [truncationProblem(parsed.scenario, trace)] : [])];
  return { ok: true, problems, scenario: parsed.scenario, trace };
}


/** A run cut short by its budget is a warning at `until` (or the top when the default horizon applied). */
function truncationProblem(scenario: Scenario, trace: Trace): Problem {
  const cut = trace.truncated!;
  const what = cut.reason === 'events' ? `${thousands(cut.limit)} trace events` : `${thousands(cut.limit)} simulation steps`;
  const advice = scenario.sim.untilSpan ? 'shorten until, or simulate fewer containers or faults' : 'simulate fewer containers or faults';
  const span = scenario.sim.untilSpan ?? START_SPAN;
  return {
    severity: 'warning',
    path: 'until',
    message: `the simulation stopped early, at ${roughDuration(trace.end)} of ${roughDuration(cut.horizon)}: it reached the budget of ${what} that keeps the lab responsive; ${advice}`,
    line: span.line, col: span.col, endLine: span.endLine, endCol: span.endCol,
  };
}
