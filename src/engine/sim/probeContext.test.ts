// [5.14] The probe workers' context, cancelled by the pod's deletion in 1.35 and 1.36
// (prober_manager.go AddPod since #130487; fixed by #140882 for 1.37; 1.36 from 1.36.3, the
// latest patch the engine models). Only exec probes take that context.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import { probeContextCancelledByDeletion } from './probeContext';

const POD = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: 40
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
      readinessProbe: {exec: {command: [pgrep, envoy]}, periodSeconds: 5}
      livenessProbe: {exec: {command: [pgrep, envoy]}, periodSeconds: 5, failureThreshold: 1}
  containers:
    - name: app
      image: nginx:1.27
      readinessProbe: {httpGet: {path: /ready, port: 80}, periodSeconds: 5}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
containers:
  proxy: {onStop: {after: 30s, exitCode: 0}}
  app: {onStop: {after: 20s, exitCode: 0}}
events:
  - {at: 30s, do: deletePod}
  - {at: 31s, do: failLiveness, container: proxy, for: 2m}
  - {at: 31s, do: failReadiness, container: proxy, for: 2m}
  - {at: 31s, do: failReadiness, container: app, for: 2m}
`;

const after = (events: TraceEvent[], t: number) => events.filter((e) => e.t >= t);

describe('[5.14] exec probes of a deleted pod error in 1.35 and 1.36 (prober_manager.go AddPod, #140882)', () => {
  it('only 1.35 and 1.36 hand the workers a context the deletion cancels', () => {
    expect([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37].filter(probeContextCancelledByDeletion)).toEqual([35, 36]);
  });

  it.each(['1.35', '1.36'])('a sidecar\'s exec probes error and keep their results; the HTTP probe still fails (%s)', (version) => {
    const events = runScenario(POD(version)).trace!.events;
    const late = after(events, 30);
    const errored = late.filter((e) => e.type === 'probe.errored');
    expect(new Set(errored.map((e) => `${e.container}/${(e as { probe: string }).probe}`))).toEqual(new Set(['proxy/readiness', 'proxy/liveness']));
    // Every errored run cites the deletion, which cancelled the context.
    const deleted = events.find((e) => e.type === 'pod.deleted')!;
    expect(errored.every((e) => e.cause?.includes(deleted.id!))).toBe(true);
    // The sidecar's liveness never fails: no kill of its own; its readiness stays True while it runs.
    expect(late.some((e) => e.type === 'probe.result' && e.container === 'proxy' && e.result === 'failure' && e.t < exitOf(events, 'proxy'))).toBe(false);
    expect(late.some((e) => e.type === 'container.kill' && e.container === 'proxy' && e.reason === 'LivenessProbe')).toBe(false);
    // The main container's HTTP probe takes no context: it fails as before.
    expect(late.some((e) => e.type === 'probe.result' && e.container === 'app' && e.result === 'failure')).toBe(true);
  });

  it.each(['1.34', '1.37'])('the probes keep running: the sidecar turns unready and its liveness fails (%s)', (version) => {
    const late = after(runScenario(POD(version)).trace!.events, 30);
    expect(late.some((e) => e.type === 'probe.errored')).toBe(false);
    expect(late.some((e) => e.type === 'probe.result' && e.container === 'proxy' && e.probe === 'readiness' && e.result === 'failure')).toBe(true);
    expect(late.some((e) => e.type === 'probe.result' && e.container === 'proxy' && e.probe === 'liveness' && e.result === 'failure')).toBe(true);
  });
});

function exitOf(events: TraceEvent[], container: string): number {
  return events.find((e) => e.type === 'container.exit' && e.container === container)?.t ?? Infinity;
}
