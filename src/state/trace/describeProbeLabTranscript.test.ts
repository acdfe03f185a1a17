// A course lab's pods on a 1.35+ kind cluster, each watched and described 108 s after it was
// applied: Dhruv Yadav, SST DevOps session 10, "Task 2 - Pod Lifecycle" (the search index's file
// 70080870275, October 2026; kubectl's `spec.containers{…}: ` prefix and "Container created" make
// kubelet and kubectl 1.35 or later, [10.6]). Manifests as published; the images were already on
// the node ("already present on machine"). Watch lines carry the node's clock; the engine's t = 0
// is the pod's creation. Compared on 1.35 and 1.37.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents } from './describeEvents';

const VERSIONS = ['1.35', '1.37'];

const simulation = (version: string, containers: string) => `---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 110s
containers:
${containers}`;

/** The kubectl rows [time, READY, STATUS]. */
function rows(text: string): [number, string, string][] {
  return runScenario(text).trace!.events.flatMap((e) => (e.type === 'pod.kubectl' ? [[e.t, e.ready, e.status] as [number, string, string]] : []));
}

describe('transcript: a startup probe that passes once the app has slept 30 s (09-startup)', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-startup
spec:
  containers:
    - name: slow-app
      image: busybox:1.36
      command: ["sh", "-c", "echo 'Application starting...'; sleep 30; touch /tmp/started; echo 'Application started'; sleep 300"]
      startupProbe:
        exec:
          command: ["sh", "-c", "test -f /tmp/started"]
        periodSeconds: 5
        failureThreshold: 10
`;
  // The file appears 30 s after the start: given as startDelay (the engine cannot read a probe's
  // dependence on the script's `touch`).
  const text = (v: string) => pod + simulation(v, '  slow-app: { pull: 0, startDelay: 30s }\n');

  it.each(VERSIONS)('prints 0/1 Running, then 1/1 Running at 35 s, and describes six failed runs as published (%s) [5.2] [5.13]', (version) => {
    // Published watch: `0/1 Running 0 1s`, `1/1 Running 0 35s`.
    const ours = rows(text(version)).filter(([, , status]) => status === 'Running');
    expect(ours.map(([, ready]) => ready)).toEqual(['0/1', '1/1']);
    expect(Math.abs(ours[0]![0] - 1)).toBeLessThanOrEqual(1);
    expect(Math.abs(ours[1]![0] - 35)).toBeLessThanOrEqual(1);
    // Published describe at 108 s: `Warning Unhealthy 78s (x6 over 103s) kubelet spec.containers{slow-app}: Startup probe failed:`
    const unhealthy = describeEvents(runScenario(text(version)).trace!, 108, 'lifecycle-startup').find((r) => r.reason === 'Unhealthy')!;
    expect(ageText(unhealthy, 108)).toBe('78s (x6 over 103s)');
    expect(unhealthy.message).toBe('spec.containers{slow-app}: Startup probe failed:');
  });
});

describe('transcript: an init container that sleeps 10 s before nginx (10-init-container)', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-init
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
      command: ["sh", "-c", "echo 'Init container running'; sleep 10; echo 'Init complete'"]
  containers:
    - name: app
      image: nginx:1.27
`;
  const text = (v: string) => pod + simulation(v, '  setup: { pull: 0 }\n  app: { pull: 0 }\n');

  it.each(VERSIONS)('prints Init:0/1, PodInitializing at 11 s and 1/1 Running at 12 s (%s) [2.1] [14.2]', (version) => {
    // Published watch: `0/1 Init:0/1 0s`, `0/1 PodInitializing 11s`, `1/1 Running 12s`.
    const published: [number, string, string][] = [[0, '0/1', 'Init:0/1'], [11, '0/1', 'PodInitializing'], [12, '1/1', 'Running']];
    const ours = rows(text(version));
    expect(ours.map(([, r, s]) => `${r} ${s}`)).toEqual(published.map(([, r, s]) => `${r} ${s}`));
    ours.forEach(([t], i) => expect(Math.abs(t - published[i]![0]), `row ${i + 1}`).toBeLessThanOrEqual(1));
  });
});

describe('transcript: a readiness probe with a 5 s initial delay (07-readiness)', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-readiness
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      readinessProbe:
        httpGet:
          path: /
          port: 80
        initialDelaySeconds: 5
        periodSeconds: 5
`;
  const text = (v: string) => pod + simulation(v, '  nginx: { pull: 0 }\n');

  it.each(VERSIONS)('prints 0/1 Running, then 1/1 Running at 7 s (%s) [5.1] [5.2]', (version) => {
    // Published watch (its first rows a second late: the pod was applied with ten others):
    // `0/1 Running 0 2s`, `1/1 Running 0 7s`.
    const ours = rows(text(version)).filter(([, , status]) => status === 'Running');
    expect(ours.map(([, ready]) => ready)).toEqual(['0/1', '1/1']);
    expect(Math.abs(ours[1]![0] - 7)).toBeLessThanOrEqual(1);
  });
});
