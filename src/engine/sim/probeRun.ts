// One probe run ([5.11]): how long the handler takes and whether it answers within
// timeoutSeconds. Upstream: pkg/kubelet/prober/prober.go runProbe (the exec, HTTP, TCP and gRPC
// probers all get timeoutSeconds; an exec that outlives it fails "timed out" with ExecProbeTimeout
// on, an HTTP request that outlives it fails with the client's deadline) and worker.go doProbe,
// which waits for the run before it looks at the ticker again (read: 1.27-1.36). A gRPC run that
// finds nothing listening dials again until the deadline ([5.17], grpcRunPlan).

import type { Behavior, ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import { missesTimeout } from '../scenario/probeTimeout';

export interface RunPlan {
  /** Seconds from the start of the run to its answer (timeoutSeconds when it times out). */
  seconds: number;
  /** The handler did not answer within timeoutSeconds: the run is a failure. */
  timedOut: boolean;
  /** How long the handler itself takes (null: never answers), for the explanation. */
  handler: number | null;
  /**
   * [5.17] A gRPC run that found nothing listening and dialled until timeoutSeconds ran out
   * ("timeout: failed to connect service … within 1s: context deadline exceeded").
   */
  dialTimedOut: boolean;
  /** [5.17] Seconds a gRPC run dialled before the app listened and it connected (0: at once). */
  dialled: number;
}

/** The handler's own time: the Simulation document's, else the exec command's, else at once. */
export function handlerSeconds(spec: ProbeSpec, behavior: Behavior | undefined, kind: ProbeKind): number | null {
  const fromDoc = behavior?.probes?.[kind];
  if (fromDoc) return fromDoc.duration;
  return spec.duration === undefined ? 0 : spec.duration;
}

export function runPlan(spec: ProbeSpec, behavior: Behavior | undefined, kind: ProbeKind): RunPlan {
  const handler = handlerSeconds(spec, behavior, kind);
  if (missesTimeout(spec, handler)) return { seconds: spec.timeoutSeconds, timedOut: true, handler, dialTimedOut: false, dialled: 0 };
  return { seconds: handler!, timedOut: false, handler, dialTimedOut: false, dialled: 0 };
}

/**
 * grpc-go's reconnect back-off with its defaults (google.golang.org/grpc/backoff DefaultConfig:
 * BaseDelay 1 s, Multiplier 1.6, MaxDelay 120 s), without its ±20% jitter: the next attempt's
 * delay after one that waited `delay` seconds.
 */
function nextDialDelay(delay: number): number {
  return Math.min(delay * 1.6, 120);
}

/**
 * [5.17] A gRPC probe run begun at `start` on an app that listens from `listensAt`. pkg/probe/grpc
 * Probe dials with grpc.WithBlock() under a context of timeoutSeconds (read: the stored grpc.go of
 * 1.2x and of 1.3x, both the same): a refused connection is not an answer, grpc-go tries again
 * after its back-off (attempts at 0, 1, 2.6, 5.16… s), and the dial ends only when an attempt
 * connects or the deadline passes. So a run before the app listens lasts timeoutSeconds and fails;
 * one whose attempt finds the app listening connects then, and its health check gets what is
 * left of the deadline. (1.38 fails a refused connection at once, kubernetes#142457: not a release yet.)
 */
export function grpcRunPlan(spec: ProbeSpec, behavior: Behavior | undefined, kind: ProbeKind, start: number, listensAt: number): RunPlan {
  const plan = runPlan(spec, behavior, kind);
  if (listensAt <= start) return plan;
  const limit = spec.timeoutSeconds;
  for (let attempt = 0, delay = 1; attempt < limit; attempt += delay, delay = nextDialDelay(delay)) {
    if (start + attempt < listensAt) continue;
    const handler = plan.handler;
    if (handler === null || attempt + handler >= limit) return { seconds: limit, timedOut: true, handler, dialTimedOut: false, dialled: attempt };
    return { seconds: attempt + handler, timedOut: false, handler, dialTimedOut: false, dialled: attempt };
  }
  return { seconds: limit, timedOut: true, handler: plan.handler, dialTimedOut: true, dialled: limit };
}
