// `sim check FILE`: validates a scenario; prints nothing when valid (warnings go to stderr).

import { parseScenario } from '../engine/scenario/parse';
import type { CliArgs } from './args';
import { EXIT_INVALID, EXIT_OK, reportProblems, type CliIO } from './io';
import { readScenarioFile, scenarioOptions } from './scenarioInput';

export function runCheck(args: CliArgs, io: CliIO): number {
  const input = readScenarioFile(args, io);
  if (!input) return EXIT_INVALID;
  const { file, text } = input;
  const parsed = parseScenario(text, scenarioOptions(args, file));
  const hasErrors = reportProblems(io, file, parsed.problems);
  return parsed.ok && !hasErrors ? EXIT_OK : EXIT_INVALID;
}
