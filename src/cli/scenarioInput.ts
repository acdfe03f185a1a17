// What `run` and `check` share: reading the one scenario file, and the engine options from flags.

import type { ParseOptions } from '../engine/scenario/types';
import type { CliArgs } from './args';
import { FileError, type CliIO } from './io';

/** The scenario file's text, or undefined after reporting why it could not be read. */
export function readScenarioFile(args: CliArgs, io: CliIO): { file: string; text: string } | undefined {
  const file = args.files[0]!;
  try {
    return { file, text: io.readFile(file) };
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    io.err(e.message);
    return undefined;
  }
}

/** --k8s, --feature-gates, --until and --requeue-jitter as the engine's parse options. */
export function scenarioOptions(args: CliArgs, file: string): ParseOptions {
  return {
    fileName: file,
    ...(args.k8s ? { kubernetesVersion: args.k8s } : {}),
    ...(Object.keys(args.gateOverrides).length ? { featureGates: args.gateOverrides } : {}),
    ...(args.until === undefined ? {} : { until: args.until }),
    ...(args.requeueJitter === undefined ? {} : { requeueJitter: args.requeueJitter }),
  };
}
