// The engine's front door: scenario text in, problems and trace out. Used by the Web Worker,
// the `sim` command and the tests alike.

import { parseScenario } from './scenario/parse';
import { simulate } from './sim/simulate';
import type { ParseOptions, Problem, Scenario } from './scenario/types';
import type { Trace } from './trace';

export interface RunResult {
  /** False when the scenario has errors; warnings and infos may be present either way. */
  ok: boolean;
  problems: Problem[];
  scenario?: Scenario;
  trace?: Trace;
}

export function runScenario(text: string, opts: ParseOptions = {}): RunResult {
  const parsed = parseScenario(text, opts);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const trace = simulate(parsed.scenario);
  return { ok: true, problems: parsed.problems, scenario: parsed.scenario, trace };
}
