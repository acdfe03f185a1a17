// What a run request comes back as on the main thread.

import type { EngineResult, RunRequest, RunResponse } from './protocol';

export type RunOutcome =
  | { kind: 'result'; result: EngineResult }
  | { kind: 'error'; message: string }
  /** A newer request replaced this one; its answer was dropped. */
  | { kind: 'stale' };

export const STALE: RunOutcome = { kind: 'stale' };

export function toOutcome(resp: RunResponse): RunOutcome {
  return resp.kind === 'result'
    ? { kind: 'result', result: resp.result }
    : { kind: 'error', message: resp.message };
}

export interface EngineClient {
  /** Runs a scenario. Only the newest request's promise gets an answer; older ones resolve stale. */
  run(text: string, kubernetesVersion: string): Promise<RunOutcome>;
  dispose(): void;
}

/** Runs one request on the main thread (tests, and browsers without module workers). */
export type InlineRunner = (req: RunRequest) => Promise<RunResponse>;
