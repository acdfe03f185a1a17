// Field schemas the Simulation document's sections share: durations, as the engine reads them
// (engine/scenario/duration.ts), and exit codes.

import type { JSONSchema } from 'monaco-yaml';
import { MAX_DURATION_SECONDS } from '../../../engine/scenario/limits';

// ---------------------------------------------------------------------------------------------
// Durations: a number of seconds or a Go duration string (engine/scenario/duration.ts).

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const GO_DURATION = String.raw`(?:${NUMBER}(?:ns|us|µs|μs|ms|s|m|h))+`;
/** What parseDurationString accepts (without a sign: negative durations are refused). */
export const DURATION_PATTERN = String.raw`^\s*\+?(?:${GO_DURATION}|${NUMBER})\s*$`;
/** The same, or "never" (any case), for the durations that may be endless. */
export const DURATION_OR_NEVER_PATTERN = String.raw`^\s*(?:\+?(?:${GO_DURATION}|${NUMBER})|[nN][eE][vV][eE][rR])\s*$`;

const DURATION_HELP = 'A number of seconds (2.5) or a Go duration (500ms, 2s, 1m30s, 1h).';

export function duration(description: string, opts: { never?: boolean; min?: number; max?: number } = {}): JSONSchema {
  return {
    type: ['number', 'string'],
    description: `${description}\n\n${DURATION_HELP}${opts.never ? ' `never` means it does not happen.' : ''}`,
    minimum: opts.min ?? 0,
    maximum: opts.max ?? MAX_DURATION_SECONDS,
    pattern: opts.never ? DURATION_OR_NEVER_PATTERN : DURATION_PATTERN,
    patternErrorMessage: opts.never
      ? 'Expected a duration (a number of seconds, or 500ms, 2s, 1m30s) or "never".'
      : 'Expected a duration: a number of seconds, or a Go duration such as 500ms, 2s, 1m30s.',
    ...(opts.never ? { examples: ['never'] } : {}),
  };
}

export const exitCode = (description: string): JSONSchema => ({
  type: 'integer',
  minimum: 0,
  maximum: 255,
  description: `${description}\n\nAn integer from 0 to 255.`,
});
