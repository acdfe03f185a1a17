// `sim run FILE`: simulates a scenario and prints the trace as text, or as JSON with --json.

import { runScenario } from '../engine/run';
import type { CliArgs } from './args';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, FileError, reportProblems, type CliIO } from './io';
import { timelineText } from './timelineText';

export function runRun(args: CliArgs, io: CliIO): number {
  const file = args.files[0]!;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(e.message);
    return EXIT_INVALID;
  }
  const result = runScenario(text, {
    fileName: file,
    ...(args.k8s ? { kubernetesVersion: args.k8s } : {}),
    ...(Object.keys(args.gateOverrides).length ? { featureGates: args.gateOverrides } : {}),
    ...(args.until === undefined ? {} : { until: args.until }),
  });
  const hasErrors = reportProblems(io, file, result.problems);
  if (!result.ok || hasErrors) return EXIT_INVALID;
  if (!result.trace) {
    io.err('sim: internal error: the scenario is valid but no trace was produced');
    return EXIT_INTERNAL;
  }
  if (args.json) io.out(JSON.stringify(result.trace, null, 2));
  else for (const line of timelineText(result.trace)) io.out(line);
  return EXIT_OK;
}
