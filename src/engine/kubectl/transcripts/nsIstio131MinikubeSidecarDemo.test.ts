// Source: study notes of a Kubernetes/Istio proof of concept on minikube (the search index's file
// 66088180092, no repository named; the Docker runtime, `docker-pullable://` image IDs; logs dated
// 2026-09-08/09), "Part 6 - Service Mesh with Istio": Istio 1.31.0 (demo profile), the namespace
// labelled for injection, a pod `sidecar-demo` (nginx `app`, busybox `sidecar` echoing in a loop)
// re-applied. Istio put `istio-init` and `istio-proxy` among the INIT containers (the notes'
// jsonpath `{.spec.initContainers[*].name}` → `istio-init istio-proxy`): Istio's native sidecar
// mode, istio-proxy an init container with restartPolicy Always.
// Server version: not printed. The pod dump in the same notes has `observedGeneration` in its
// conditions (PodObservedGenerationTracking, 1.34+), and the Pulled events the long wording
// `already present on machine and can be accessed by the pod` (1.35+, [10.6]): run at 1.35, 1.36,
// 1.37. Published, verbatim (two `kubectl get pod`, then `kubectl get pod -w`; its first row is the
// state at the watch's start):
//   sidecar-demo   1/3     PodInitializing   0          4s
//   sidecar-demo   1/3     PodInitializing   0          10s
//   sidecar-demo   3/3     Running   0          18s
// Manifest (rebuilt: the notes do not print sidecar-pod.yaml nor the injected spec):
// fixtures/ns-keerthana-istio131-sidecar-demo.yaml.
// Rules: [2.1] istio-init runs first, then istio-proxy; [2.2] the main containers wait for the
// proxy's startup probe; [5.4] [5.6] the proxy's readiness passes with it; [14.2] the sidecar
// counts in READY's total (3 = the proxy and the two main containers, not istio-init) and, ready,
// in READY while the main containers wait: `1/3 PodInitializing`; [10.1] the main containers'
// Waiting reason is PodInitializing until they run (the pod has init containers); [3.2] the two
// main containers start in one sync, one after the other, each behind its registry check ([15.6]),
// and the status showing them comes after that sync ([0.2]; at once from 1.36, [0.8]).
// Inputs, not checks: the proxyv2 image present (its events); Envoy ready 1.64 s after the proxy's
// start (the same notes' user-service proxy: `Readiness succeeded in 1.642303918s`); the two
// Docker Hub registry checks of `nginx` and `busybox` (`:latest`, so Always), not published: any
// pair summing to 8-14 s gives the three rows at 1.35-1.37 (checked below for several; 7 s is
// too fast from 1.36, whose on-demand relist shows the starts at once, [0.8]), a faster registry (4 s
// together) would show `3/3 Running` before the 10 s `kubectl get`.
// Compared: READY/STATUS/RESTARTS strictly at each published AGE (a `kubectl get` at AGE 4s ran
// in [4, 5) s); the order of the rows as a subsequence.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/ns-keerthana-istio131-sidecar-demo.yaml', import.meta.url), 'utf8');

const published = publishedRows(`
sidecar-demo   1/3     PodInitializing   0          4s
sidecar-demo   1/3     PodInitializing   0          10s
sidecar-demo   3/3     Running   0          18s`);

/** The fixture with the two registry checks (nginx, busybox) set. */
function withRegistry(text: string, app: number, sidecar: number): string {
  return text
    .replace('app: { pull: 0, registryCheck: 6s }', `app: { pull: 0, registryCheck: ${app}s }`)
    .replace('sidecar: { pull: 0, registryCheck: 3s }', `sidecar: { pull: 0, registryCheck: ${sidecar}s }`);
}

const row = (r: { ready: string; status: string; restarts: string } | undefined) => r && `${r.ready} ${r.status} ${r.restarts}`;

describe('transcript: Istio 1.31 native sidecar injected into a two-container pod (minikube, September 2026)', () => {
  it.each(['1.35', '1.36', '1.37'])('shows `1/3 PodInitializing` at 4 s and 10 s, then `3/3 Running` by 18 s (%s) [2.1] [2.2] [10.1] [14.2]', (version) => {
    const pairs = [Array.of(6, 3), Array.of(4, 4), Array.of(7, 7), Array.of(9, 4), Array.of(5, 8)];
    for (const [app, sidecar] of pairs) {
      const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), app!, sidecar!));
      const label = `registry ${app} s + ${sidecar} s`;
      // each published `kubectl get` ran at some instant of its AGE's second: the row all through it
      for (const p of published.slice(0, 2)) {
        expect(row(rowAt(ours, p.t)), `${label} at ${p.t} s`).toBe(row(p));
        expect(row(rowAt(ours, p.t + 0.99)), `${label} at ${p.t}.99 s`).toBe(row(p));
      }
      // the watch's first row is the state when it started, at AGE 18s
      expect(row(rowAt(ours, published[2]!.t)), `${label} at 18 s`).toBe(row(published[2]));
      expectSubsequence([published[0]!, published[2]!], ours); // the two 1/3 rows are one state, seen twice
      // and the rows between: no main container counted before both run (one sync starts both)
      expect(ours.map((r) => `${r.ready} ${r.status}`)).toEqual(['0/3 Init:0/2', '0/3 Init:1/2', '0/3 PodInitializing', '1/3 PodInitializing', '3/3 Running']);
    }
  });

  it.each(['1.35', '1.36', '1.37'])('the proxy is ready well inside the first second of AGE 4s: ready 1.64 s after its start, found by the 1 s startup probe (%s) [2.2] [5.4] [5.6]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    const ready = ours.find((r) => r.ready === '1/3')!;
    expect(ready.t).toBeGreaterThan(2);
    expect(ready.t).toBeLessThan(4);
  });

  it.each(['1.35', '1.36', '1.37'])('a faster registry (2 s + 2 s) would already show `3/3 Running` at the 10 s `kubectl get`: the registry time is the input the 10 s row constrains (%s) [3.2] [15.6]', (version) => {
    const ours = simulatedRows(withRegistry(withVersion(FIXTURE, version), 2, 2));
    expect(row(rowAt(ours, 10))).toBe('3/3 Running 0');
  });
});
