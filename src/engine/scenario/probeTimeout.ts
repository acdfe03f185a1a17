// When a probe's run misses timeoutSeconds ([5.11]): the one owner of the boundary, for the run
// (sim/probeRun.ts) and for the Simulation document's note on a handler's duration.

import type { ProbeSpec } from './types';

/**
 * Whether a handler of this many seconds (null: it never answers) misses timeoutSeconds. An exec
 * probe's timer starts once its process runs (containerd's execInternal: process.Start, then
 * time.After(timeout)), so a command of exactly timeoutSeconds (`sleep 1` under the default 1 s)
 * exits first and answers; an HTTP, TCP or gRPC client's deadline covers the whole request, so
 * there a handler of timeoutSeconds is late.
 */
export function missesTimeout(spec: Pick<ProbeSpec, 'handler' | 'timeoutSeconds'>, handler: number | null): boolean {
  if (handler === null) return true;
  return spec.handler === 'exec' ? handler > spec.timeoutSeconds : handler >= spec.timeoutSeconds;
}
