// Small hand-written traces for unit tests (the shape of contract.md section 3), and the engine's
// trace of a scenario text for tests that need a real run.

import { runScenario } from '../engine/run';
import { TRACE_SCHEMA, type Trace, type TraceEvent } from '../engine/trace';

/** The engine's trace of `text`; throws when the scenario does not run. */
export function simulatedTrace(text: string): Trace {
  const r = runScenario(text);
  if (!r.ok || !r.trace) throw new Error('the scenario should run');
  return r.trace;
}

/**
 * One app (30 s grace, draining 20 s after its stop signal) deleted at 10 s with `grace`: 0 is a
 * force deletion, the object gone at once while the node still drains the app ([8.2]).
 */
export function deletedDrainingPod(grace: number): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  terminationGracePeriodSeconds: 30
  containers:
    - { name: app, image: example/app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
containers:
  app: { onStop: { after: 20s, exitCode: 0 } }
events:
  - { at: 10s, do: deletePod, gracePeriodSeconds: ${grace} }
`;
}

const why = 'fixture';

/** The default scenario's shape: two init containers, a sidecar, then the app. */
export function sidecarPodTrace(): Trace {
  const events: TraceEvent[] = [
    { t: 0, type: 'pod.scheduled', why },
    { t: 0, type: 'pod.phase', phase: 'Pending', why },
    { t: 0, type: 'pod.kubectl', ready: '0/2', status: 'Pending', restarts: '0', why },
    { t: 0.5, type: 'container.waiting', container: 'init-myservice', reason: 'PodInitializing', why },
    { t: 0.5, type: 'container.start', container: 'init-myservice', attempt: 0, why },
    { t: 0.5, type: 'pod.kubectl', ready: '0/2', status: 'Init:0/3', restarts: '0', why },
    { t: 4.5, type: 'container.exit', container: 'init-myservice', attempt: 0, exitCode: 0, reason: 'Completed', why },
    { t: 4.5, type: 'container.start', container: 'init-mydb', attempt: 0, why },
    { t: 4.5, type: 'pod.kubectl', ready: '0/2', status: 'Init:1/3', restarts: '0', why },
    { t: 7.5, type: 'container.exit', container: 'init-mydb', attempt: 0, exitCode: 0, reason: 'Completed', why },
    { t: 7.5, type: 'container.pulling', container: 'istio-proxy', image: 'istio/proxyv2:1.16.0', why },
    { t: 7.5, type: 'pod.kubectl', ready: '0/2', status: 'Init:2/3', restarts: '0', why },
    { t: 9.5, type: 'container.pulled', container: 'istio-proxy', image: 'istio/proxyv2:1.16.0', why },
    { t: 9.5, type: 'container.start', container: 'istio-proxy', attempt: 0, why },
    { t: 9.5, type: 'container.started', container: 'istio-proxy', attempt: 0, why },
    { t: 11.5, type: 'container.up', container: 'istio-proxy', attempt: 0, why },
    { t: 11.5, type: 'container.ready', container: 'istio-proxy', attempt: 0, why },
    { t: 11.5, type: 'pod.condition', condition: 'Initialized', status: 'True', why },
    { t: 11.5, type: 'container.start', container: 'myapp-container', attempt: 0, why },
    { t: 11.5, type: 'pod.phase', phase: 'Running', why },
    { t: 11.5, type: 'pod.kubectl', ready: '1/2', status: 'Running', restarts: '0', why },
    { t: 12.5, type: 'container.up', container: 'myapp-container', attempt: 0, why },
    { t: 12.5, type: 'container.started', container: 'myapp-container', attempt: 0, why },
    { t: 12.5, type: 'container.ready', container: 'myapp-container', attempt: 0, why },
    { t: 12.5, type: 'pod.kubectl', ready: '2/2', status: 'Running', restarts: '0', why },
    { t: 120, type: 'sim.horizon', why },
  ];
  return {
    schema: TRACE_SCHEMA,
    kubernetesVersion: '1.36',
    end: 120,
    containers: [
      { name: 'init-myservice', kind: 'init', index: 0 },
      { name: 'init-mydb', kind: 'init', index: 1 },
      { name: 'istio-proxy', kind: 'sidecar', index: 2 },
      { name: 'myapp-container', kind: 'main', index: 0 },
    ],
    events,
  };
}

/** One main container that crashes, backs off and restarts, then the pod is deleted. */
export function crashLoopTrace(): Trace {
  const c = 'app';
  const events: TraceEvent[] = [
    { t: 0, type: 'pod.phase', phase: 'Pending', why },
    { t: 0, type: 'container.waiting', container: c, reason: 'ContainerCreating', why },
    { t: 1, type: 'container.start', container: c, attempt: 0, why },
    { t: 1, type: 'pod.phase', phase: 'Running', why },
    { t: 1, type: 'pod.kubectl', ready: '0/1', status: 'Running', restarts: '0', why },
    { t: 3, type: 'fault', do: 'crash', container: c, exitCode: 1, why },
    { t: 3, type: 'container.exit', container: c, attempt: 0, exitCode: 1, reason: 'Error', why },
    { t: 3, type: 'container.backoff', container: c, delay: 10, why },
    { t: 3, type: 'container.waiting', container: c, reason: 'CrashLoopBackOff', why },
    { t: 3, type: 'pod.kubectl', ready: '0/1', status: 'CrashLoopBackOff', restarts: '1 (0s ago)', why },
    { t: 13, type: 'container.start', container: c, attempt: 1, why },
    { t: 13, type: 'pod.kubectl', ready: '0/1', status: 'Running', restarts: '1 (10s ago)', why },
    { t: 14, type: 'container.started', container: c, attempt: 1, why },
    { t: 15, type: 'container.ready', container: c, attempt: 1, why },
    { t: 20, type: 'pod.deleted', gracePeriodSeconds: 30, why },
    { t: 20, type: 'container.kill', container: c, reason: 'PodTermination', gracePeriodSeconds: 30, why },
    { t: 20, type: 'container.signal', container: c, signal: 'SIGTERM', why },
    { t: 20, type: 'container.unready', container: c, attempt: 1, why },
    { t: 21, type: 'container.exit', container: c, attempt: 1, exitCode: 137, reason: 'Error', why },
    { t: 21, type: 'pod.phase', phase: 'Failed', why },
    { t: 25, type: 'sim.horizon', why },
  ];
  return {
    schema: TRACE_SCHEMA,
    kubernetesVersion: '1.36',
    end: 25,
    containers: [{ name: c, kind: 'main', index: 0 }],
    events,
  };
}
