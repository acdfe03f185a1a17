// A published reproduction of kubernetes#140509: ryan-vance-cresta/k8s-readiness-probe-regression
// (README and manifests/readiness-probe-demo.yaml, July 2026; kind node images v1.33, v1.34,
// v1.35.5, v1.36.1). A Deployment's busybox pod with an exec readiness probe `test ! -f
// /tmp/shutdown` (every 2 s, failureThreshold 1) and a preStop hook that writes that file and
// sleeps 30 s, deleted with a 60 s grace period. The README's two outcomes:
//   "v1.33 / v1.34 / v1.36 (good) -- READY flips to 0/1 a few seconds after termination begins",
//   "v1.35 (bad) -- READY stays 1/1 until the pod is force-deleted at the grace limit",
// and its `kubectl get events` lines:
//   "Warning   Unhealthy   pod/readiness-demo-544bc44664-gpdgz   Readiness probe failed:"
//   "Warning   Unhealthy   pod/readiness-demo-ddc787b9c-k9jsk   Readiness probe errored and resulted in unknown state: rpc error: code = Canceled desc = context canceled"
// Rule [5.14] (sim/probeContext.ts, after prober_manager.go AddPod and #140882's table of versions):
// the README's good 1.36 was v1.36.1; from 1.36.3 the latest 1.36 patch, which the engine models,
// behaves as 1.35 does. The preStop's file is the Simulation's failReadiness from the deletion on.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const DELETED_AT = 30;
const GRACE = 60;

const demo = (version: string, probe = `exec:
              command:
              - sh
              - -c
              - test ! -f /tmp/shutdown`) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: readiness-demo
  labels:
    app: readiness-demo
spec:
  replicas: 1
  selector:
    matchLabels:
      app: readiness-demo
  template:
    metadata:
      labels:
        app: readiness-demo
    spec:
      terminationGracePeriodSeconds: 60
      containers:
        - name: app
          image: busybox:1.36
          command: ["/bin/sh", "-c"]
          args:
            - |
              echo "app ready; sleeping"
              sleep 3600
          readinessProbe:
            ${probe}
            initialDelaySeconds: 5
            periodSeconds: 2
            failureThreshold: 1
          lifecycle:
            preStop:
              exec:
                command:
                - sh
                - -c
                - |
                  echo "" > /tmp/shutdown
                  sleep 30
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
events:
  - {at: ${DELETED_AT}s, do: deletePod}
  - {at: ${DELETED_AT}s, do: failReadiness, container: app, for: 2m}
`;

function run(text: string) {
  const trace = runScenario(text).trace!;
  const rows = trace.events.flatMap((e) => (e.type === 'pod.kubectl' ? [{ t: e.t, ready: e.ready, status: e.status }] : []));
  const exit = trace.events.find((e) => e.type === 'container.exit')!;
  const unhealthy = describeEvents(trace, exit.t, 'readiness-demo').filter((r) => r.reason === 'Unhealthy');
  return { trace, rows, exit, unhealthy };
}

describe('transcript: an exec readiness probe during a graceful deletion (kubernetes#140509 reproduction) [5.14]', () => {
  it.each(['1.33', '1.34', '1.37'])('READY turns 0/1 within a probe period of the deletion; Unhealthy "Readiness probe failed:" (%s)', (version) => {
    const { rows, unhealthy } = run(demo(version));
    const unready = rows.find((r) => r.t >= DELETED_AT && r.ready === '0/1')!;
    expect(unready.status).toBe('Terminating');
    expect(unready.t - DELETED_AT).toBeLessThanOrEqual(2 + 1); // one period, and the relist that writes it
    expect(unhealthy.map((r) => r.message.replace(/^spec\.containers\{app\}: /, ''))).toEqual(['Readiness probe failed:']);
  });

  it.each(['1.35', '1.36'])('READY stays 1/1 until the container dies at the grace limit; Unhealthy "…errored… context canceled" (%s)', (version) => {
    const { rows, exit, unhealthy } = run(demo(version));
    expect(exit.t).toBeCloseTo(DELETED_AT + GRACE, 0);
    const terminating = rows.filter((r) => r.t >= DELETED_AT && r.t < exit.t);
    expect(terminating.length).toBeGreaterThan(0);
    expect(terminating.every((r) => r.ready === '1/1')).toBe(true);
    expect(rows.find((r) => r.t >= exit.t)?.ready).toBe('0/1');
    expect(unhealthy.map((r) => r.message.replace(/^spec\.containers\{app\}: /, '')))
      .toEqual(['Readiness probe errored and resulted in unknown state: rpc error: code = Canceled desc = context canceled']);
  });

  it('an HTTP readiness probe takes no context and keeps probing in 1.35: READY turns 0/1 (#140881, #140980\'s httpGet test)', () => {
    const { rows, trace } = run(demo('1.35', `httpGet: {path: /ready, port: 8080}`));
    expect(rows.find((r) => r.t >= DELETED_AT && r.ready === '0/1')!.t - DELETED_AT).toBeLessThanOrEqual(3);
    expect(trace.events.some((e) => e.type === 'probe.errored')).toBe(false);
  });
});
