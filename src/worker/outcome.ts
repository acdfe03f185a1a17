// What a run request comes back as on the main thread.

import type { EngineResult, RunRequest, RunResponse } from './protocol';
import { unpackTrace } from './traceWire';

export type RunOutcome =
  | { kind: 'result'; result: EngineResult }
  | { kind: 'error'; message: string }
  /** A newer request replaced this one; its answer was dropped. */
  | { kind: 'stale' };

export const STALE: RunOutcome = { kind: 'stale' };

/** The outcome of a response, with a posted result's trace unpacked (traceWire.ts). */
export function toOutcome(resp: RunResponse): RunOutcome {
  if (resp.kind === 'error') return { kind: 'error', message: resp.message };
  const posted = resp.result.trace;
  if (!resp.packed || !posted) return { kind: 'result', result: resp.result };
  const trace = unpackTrace(posted, resp.packed);
  if (!trace) {
    return { kind: 'error', message: "The engine's answer arrived incomplete (its events could not be read). Edit the scenario to run it again." };
  }
  return { kind: 'result', result: { ...resp.result, trace } };
}

/** How far a long run is: `t` simulated seconds of at most `horizon`. */
export interface RunProgress {
  t: number;
  horizon: number;
}

export type ProgressCallback = (progress: RunProgress) => void;

export interface EngineClient {
  /**
   * Runs a scenario. Only the newest request's promise gets an answer; older ones resolve stale.
   * `kubernetesVersion` applies only to a text that names none (undefined: the engine's default,
   * the newest). `onProgress` hears how far a long run is (a short one never calls it).
   */
  run(text: string, kubernetesVersion: string | undefined, onProgress?: ProgressCallback): Promise<RunOutcome>;
  /** Stops the run under way, if any (its promise resolves stale). */
  cancel(): void;
  dispose(): void;
}

/** Runs one request on the main thread (tests, and browsers without module workers). */
export type InlineRunner = (req: RunRequest) => Promise<RunResponse>;
