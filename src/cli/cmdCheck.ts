// `sim check FILE`: validates a scenario; prints nothing when valid (warnings go to stderr).

import { parseScenario } from '../engine/scenario/parse';
import type { CliArgs } from './args';
import { EXIT_INVALID, EXIT_OK, FileError, reportProblems, type CliIO } from './io';

export function runCheck(args: CliArgs, io: CliIO): number {
  const file = args.files[0]!;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(e.message);
    return EXIT_INVALID;
  }
  const parsed = parseScenario(text, {
    fileName: file,
    ...(args.k8s ? { kubernetesVersion: args.k8s } : {}),
    ...(Object.keys(args.gateOverrides).length ? { featureGates: args.gateOverrides } : {}),
  });
  const hasErrors = reportProblems(io, file, parsed.problems);
  return parsed.ok && !hasErrors ? EXIT_OK : EXIT_INVALID;
}
