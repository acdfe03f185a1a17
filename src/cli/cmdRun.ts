// `sim run FILE`: simulates a scenario and prints the trace as text, or as JSON with --json.

import { runScenario } from '../engine/run';
import type { CliArgs } from './args';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, reportProblems, type CliIO } from './io';
import { oneLine } from './printable';
import { readScenarioFile, scenarioOptions } from './scenarioInput';
import { timelineText } from './timelineText';

export function runRun(args: CliArgs, io: CliIO): number {
  const input = readScenarioFile(args, io);
  if (!input) return EXIT_INVALID;
  const { file, text } = input;
  const result = runScenario(text, scenarioOptions(args, file));
  const hasErrors = reportProblems(io, file, result.problems);
  if (!result.ok || hasErrors) return EXIT_INVALID;
  if (!result.trace) {
    io.err('sim: internal error: the scenario is valid but no trace was produced');
    return EXIT_INTERNAL;
  }
  if (args.json) io.out(JSON.stringify(result.trace, null, 2));
  else for (const line of timelineText(result.trace)) io.out(oneLine(line));
  return EXIT_OK;
}
