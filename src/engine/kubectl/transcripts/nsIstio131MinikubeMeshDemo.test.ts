// Source: the same study notes as nsIstio131MinikubeSidecarDemo.test.ts (the search index's file
// 66088180092, no repository named; minikube with the Docker runtime, September 2026; Istio 1.31.0,
// injection by namespace label, istio-proxy injected as a native sidecar), "Part: real Service Mesh
// communication": two one-replica Deployments of nginx, user-service and order-service, each with
// Istio's istio-init and istio-proxy. Server version: not printed; 1.35+ by the same notes' Pulled
// wording ([10.6]): run at 1.35, 1.36, 1.37. Published, verbatim:
//   user-service-68b69db9bb-khgnr   1/2     PodInitializing   0          5s
//   user-service-68b69db9bb-khgnr   2/2     Running   0                        (next get, AGE cut off)
//   order-service-7dd6b7964b-v6jwf   2/2     Running   0          7s          (first row of a watch)
// and user-service's own proxy log, `Readiness succeeded in 1.642303918s`.
// Manifest (rebuilt, mesh-demo.yaml is not printed): fixtures/ns-keerthana-istio131-mesh-demo.yaml.
// Rules: [2.1] [2.2] the app waits for the proxy's startup probe; [5.6] [5.9] the proxy is ready
// with it; [14.2] the sidecar counts in READY (`1/2 PodInitializing`: only the proxy ready, the app
// waiting, [10.1]); [15.6] nginx `:latest` costs a registry check before its start; [0.8] from 1.36
// the start is shown as its sync ends.
// Inputs, not checks: Envoy ready 1.64 s after the proxy's start (this pod's log); proxyv2 present;
// nginx's Docker Hub check, not published. Checks: the rows, strictly, in order; user-service still
// `1/2 PodInitializing` when the 5s `kubectl get` ran (the row after it comes later than 5 s) and the
// identical order-service pod `2/2 Running` when its 7s watch started (before 8 s). One registry time
// must satisfy both pods: 2-3.5 s does on every version (4 s is too slow at 1.35, where the start is
// seen at the next whole-second relist; from 1.36 it is seen as its sync ends, [0.8]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/ns-keerthana-istio131-mesh-demo.yaml', import.meta.url), 'utf8');
const withRegistry = (text: string, seconds: number) => text.replace('registryCheck: 3.5s', `registryCheck: ${seconds}s`);

const userService = publishedRows('user-service-68b69db9bb-khgnr   1/2     PodInitializing   0          5s');
const orderService = publishedRows('order-service-7dd6b7964b-v6jwf   2/2     Running   0          7s');
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

describe('transcript: Istio 1.31 native sidecar in two nginx Deployments (minikube, September 2026)', () => {
  it.each(['1.35', '1.36', '1.37'])('`1/2 PodInitializing` then `2/2 Running`, the proxy counted in READY while nginx is checked at the registry (%s) [2.2] [10.1] [14.2]', (version) => {
    for (const registry of Array.of(2, 2.5, 3, 3.5)) {
      const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), registry));
      expect(ours.map(key), `registry ${registry} s`).toEqual(['0/2 Init:0/2 0', '0/2 Init:1/2 0', '0/2 PodInitializing 0', '1/2 PodInitializing 0', '2/2 Running 0']);
      expectSubsequence([userService[0]!, orderService[0]!], ours);
    }
  });

  it.each(['1.35', '1.36', '1.37'])('one registry time fits both pods: user-service still initializing after 5 s, order-service running before 8 s (%s) [0.8] [5.9] [15.6]', (version) => {
    for (const registry of Array.of(2, 2.5, 3, 3.5)) {
      const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), registry));
      const initializing = ours.find((r) => key(r) === key(userService[0]!))!;
      const running = ours.find((r) => key(r) === key(orderService[0]!))!;
      expect(initializing.t, `registry ${registry} s`).toBeLessThanOrEqual(userService[0]!.t);
      expect(running.t, `registry ${registry} s`).toBeGreaterThan(userService[0]!.t);
      expect(running.t, `registry ${registry} s`).toBeLessThan(orderService[0]!.t + 1);
    }
  });

  it('at 1.35 a 4 s registry check would still show `1/2 PodInitializing` when the 7s watch started: the bound the order-service row sets [15.6]', () => {
    const ours = simulatedRows(withRegistry(withVersion(FIXTURE, '1.35'), 4));
    expect(ours.find((r) => r.status === 'Running')!.t).toBeGreaterThanOrEqual(orderService[0]!.t + 1);
  });
});
