// One probe run ([5.11]): how long the handler takes and whether it answers within
// timeoutSeconds. Upstream: pkg/kubelet/prober/prober.go runProbe (the exec, HTTP, TCP and gRPC
// probers all get timeoutSeconds; an exec that outlives it fails "timed out" with ExecProbeTimeout
// on, an HTTP request that outlives it fails with the client's deadline) and worker.go doProbe,
// which waits for the run before it looks at the ticker again (read: 1.27-1.36).

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
}

/** The handler's own time: the Simulation document's, else the exec command's, else at once. */
export function handlerSeconds(spec: ProbeSpec, behavior: Behavior | undefined, kind: ProbeKind): number | null {
  const fromDoc = behavior?.probes?.[kind];
  if (fromDoc) return fromDoc.duration;
  return spec.duration === undefined ? 0 : spec.duration;
}

export function runPlan(spec: ProbeSpec, behavior: Behavior | undefined, kind: ProbeKind): RunPlan {
  const handler = handlerSeconds(spec, behavior, kind);
  if (missesTimeout(spec, handler)) return { seconds: spec.timeoutSeconds, timedOut: true, handler };
  return { seconds: handler!, timedOut: false, handler };
}
