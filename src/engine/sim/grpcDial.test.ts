// [5.17] A gRPC probe waits for a connection. pkg/probe/grpc Probe (read in the stored grpc.go of
// 1.2x and of 1.3x) dials with grpc.WithBlock() under a context of timeoutSeconds, so a refused
// connection is retried (grpc-go's back-off: 0, 1, 2.6, 5.16… s) until the app listens or the
// deadline passes, and the run fails with
//   timeout: failed to connect service "<addr>" within <timeout>: context deadline exceeded
// Published kubelet events with that output (search-index files, no repository named): a GKE
// troubleshooting lab's `Liveness probe failed: timeout: failed to connect service
// "10.168.0.10:7001" within 1s: context deadline exceeded`, and a cluster report's tetragon pod,
// `Liveness probe failed: timeout: failed to connect service "10.0.X.X:6789" within 1m0s: context
// deadline exceeded` (a 60 s timeout; the report masked the address). An HTTP or TCP probe fails
// such a run at once ("connection refused", [5.13]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

/** A sidecar `proxy` whose app listens 2 s after its start, with this startup probe, and a main container after it. */
const sidecarPod = (handler: string, timeoutSeconds: number) => `apiVersion: v1
kind: Pod
metadata: { name: grpc-demo }
spec:
  initContainers:
    - name: proxy
      image: example.com/proxy:1
      restartPolicy: Always
      startupProbe:
        ${handler}
        periodSeconds: 1
        timeoutSeconds: ${timeoutSeconds}
  containers:
    - name: app
      image: example.com/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 30s
containers:
  proxy: { startDelay: 2s }
`;

/** A container whose gRPC liveness probe dials a port its app opens only after `startDelay`. */
const livenessPod = (port: number, timeoutSeconds: number, startDelay: string) => `apiVersion: v1
kind: Pod
metadata: { name: currencyservice }
spec:
  containers:
    - name: server
      image: example.com/currencyservice:1
      livenessProbe:
        grpc: { port: ${port} }
        periodSeconds: 10
        timeoutSeconds: ${timeoutSeconds}
        failureThreshold: 3
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 5m
containers:
  server: { startDelay: ${startDelay} }
`;

function events(text: string): TraceEvent[] {
  const r = runScenario(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.trace!.events;
}

const startedAt = (evs: TraceEvent[], container: string) => evs.find((e) => e.type === 'container.started' && e.container === container)?.t;
const failedRuns = (evs: TraceEvent[]) => evs.filter((e): e is Extract<TraceEvent, { type: 'probe.failed' }> => e.type === 'probe.failed');

describe('a gRPC probe waits for a connection [5.17]', () => {
  it.each(['1.27', '1.31', '1.37'])('prints the dial\'s timeout, as the published events do, the pod IP aside (%s)', (version) => {
    const gke = failedRuns(events(livenessPod(7001, 1, '100s').replace('until: 5m', `until: 5m\nkubernetesVersion: "${version}"`)));
    expect(gke.length).toBeGreaterThan(0);
    expect(gke[0]!.output?.replace('<pod IP>', '10.168.0.10')).toBe('timeout: failed to connect service "10.168.0.10:7001" within 1s: context deadline exceeded');
    const tetragon = failedRuns(events(livenessPod(6789, 60, '200s')));
    expect(tetragon[0]!.output?.replace('<pod IP>', '10.0.X.X')).toBe('timeout: failed to connect service "10.0.X.X:6789" within 1m0s: context deadline exceeded');
  });

  it('a run on a port nobody opens lasts timeoutSeconds: each Unhealthy event comes a timeout after its run began', () => {
    const grpc = failedRuns(events(livenessPod(7001, 5, '100s'))).map((e) => e.t);
    const tcp = failedRuns(events(livenessPod(7001, 5, '100s').replace('grpc: { port: 7001 }', 'tcpSocket: { port: 7001 }'))).map((e) => e.t);
    expect(grpc.length).toBe(tcp.length);
    expect(grpc.map((t, i) => t - tcp[i]!)).toEqual(grpc.map(() => 5));
  });

  it('a sidecar\'s startup run that began before its app listened connects at grpc-go\'s next attempt: the main container waits for it', () => {
    const grpc = events(sidecarPod('grpc: { port: 9090 }', 5));
    const tcp = events(sidecarPod('tcpSocket: { port: 9090 }', 5));
    const start = grpc.find((e) => e.type === 'container.start' && e.container === 'proxy')!.t;
    const up = grpc.find((e) => e.type === 'container.up' && e.container === 'proxy')!.t;
    expect(up - start).toBe(2);
    // the TCP probe passes at the first tick after the app is up; the gRPC run that began at the
    // first tick after the start dialled then, 1 s later (not yet listening) and 2.6 s after it
    // began, when it connected (the ticks meanwhile waited in the channel)
    expect(startedAt(tcp, 'proxy')).toBe(Math.ceil(up));
    expect(startedAt(grpc, 'proxy')).toBeCloseTo(Math.ceil(start) + 2.6, 6);
    expect(Math.ceil(start) + 1).toBeLessThan(up);
    expect(failedRuns(grpc)).toEqual([]);
    const result = grpc.find((e) => e.type === 'probe.result' && e.container === 'proxy')!;
    expect(result.why).toMatch(/dialled for 2\.6s, until the app listened.*\[5\.17\]/);
    expect(startedAt(grpc, 'app')! - startedAt(tcp, 'app')!).toBeCloseTo(startedAt(grpc, 'proxy')! - startedAt(tcp, 'proxy')!, 6);
  });

  it('under the default 1 s timeout a run before the app listens fails a second after it began, and the tick that came meanwhile runs next', () => {
    const grpc = events(sidecarPod('grpc: { port: 9090 }', 1));
    const failed = failedRuns(grpc);
    expect(failed.map((e) => e.t)).toEqual(Array.of(3, 4));
    expect(failed[0]!.why).toMatch(/nothing listened, and a gRPC probe dials again until timeoutSeconds \(1s\) runs out \[5\.17\]/);
    expect(startedAt(grpc, 'proxy')).toBe(4);
  });
});
