// (Ready to add as src/engine/sim/probeSyncTriggers.test.ts with sync38-model.patch.)
// What syncs the pod besides the PLEG and pod updates, and what that does to the readiness probe's
// runs ([0.2], [5.9]). Read: kubelet.go syncLoopIteration (a 1.2x copy and the stored 1.32-era tree
// 000d9543: every readiness and startup update syncs, a liveness update only when it is a Failure);
// results_manager.go Set/setInternal (every stored copy: an update when the result of that container
// ID changes or is first set); worker.go doProbe (1.27-era 00421113 and a 1.35+ copy: Set(initialValue)
// for every new container ID); pod_workers.go completeWork (1.2x-1.3x copies, a quoted 1.35+ one: a
// sync without error is enqueued again at the resync interval, 60 s jittered up to 1.5 times) and
// work_queue.go Enqueue (it overwrites the pod's time); prober.go runProbe (1.2x and 1.3x copies: an
// httpGet, tcpSocket or gRPC probe dials status.PodIP). The same in 1.27-1.37: each case runs at both ends.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const pod = (version: string, containers: string, sim: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
${containers}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${sim}`;

function events(text: string) {
  const r = runScenario(text);
  if (!r.trace) throw new Error(JSON.stringify(r.problems));
  return r.trace.events;
}
const failed = (text: string, probe: 'readiness' | 'liveness') =>
  events(text).flatMap((e) => (e.type === 'probe.failed' && e.probe === probe ? [e.t] : []));

describe('kubelet.go syncLoopIteration: a liveness update syncs the pod only when it is a Failure [0.2] [5.9]', () => {
  const text = (version: string) => pod(version, `    - name: app
      image: example/app:1
      readinessProbe: { exec: { command: ["check"] }, periodSeconds: 10, timeoutSeconds: 8 }
      livenessProbe: { exec: { command: ["check"] }, periodSeconds: 10, initialDelaySeconds: 60 }`, `until: 40s
containers:
  app: { readinessProbe: { duration: 5s } }
events:
  - { at: 0s, container: app, do: failReadiness, for: 1000s }`);
  // (Was: the liveness worker's first look at the container, its initial Success at 10 s, synced
  // the pod, whose status triggered one more readiness run: 7, 12, 17, 22, 27, 35 at 1.27.)
  it('1.27: the readiness runs fail at 7, 12 and 17 s (the start-up syncs\' manual runs, back to back), then at the ticks: 25, 35; the liveness Success at 10 s triggers none (the aws-node pod on EKS 1.27: 104, 99, 94, 87 s before its dump)', () => {
    expect(failed(text('1.27'), 'readiness')).toEqual([7, 12, 17, 25, 35]);
  });
  it('1.37: the same from the on-demand relist\'s sync (6.2 s) and the ticker reset at the readiness update\'s sync (1.32+): 6.2, 11.2, 21.2, 31.2', () => {
    expect(failed(text('1.37'), 'readiness')).toEqual(Array.of(6.2, 11.2, 21.2, 31.2));
  });
});

describe('results_manager.go Set + worker.go doProbe: a restarted container\'s initial readiness Failure is an update, and syncs the pod [0.2] [5.9] [5.10]', () => {
  const text = (version: string) => pod(version, `    - name: app
      image: example/app:1
      readinessProbe: { exec: { command: ["check"] }, periodSeconds: 100 }`, `until: 40s
containers:
  app: { exitAfter: 10s, exitCode: 1 }
events:
  - { at: 0s, container: app, do: failReadiness, for: 1000s }`);
  // (Was: the worker's one result stayed Failure across the restart, so no update and no second run.)
  it('1.27: each container gets two manual runs, at the sync that shows it and at the sync its readiness update asks for: 2, 3; 13, 14; 34, 35', () => {
    expect(failed(text('1.27'), 'readiness')).toEqual([2, 3, 13, 14, 34, 35]);
  });
  it('1.37: 1.2, 2; 12.2, 13; 32.4, 33 (the on-demand relist shows each start at once)', () => {
    expect(failed(text('1.37'), 'readiness')).toEqual(Array.of(1.2, 2, 12.2, 13, 32.4, 33));
  });
});

describe('pod_workers.go completeWork: the periodic resync 60-90 s after the last sync, whose status triggers a not-ready container\'s readiness run [0.2] [5.9]', () => {
  const text = (version: string, jitter?: number) => pod(version, `    - name: app
      image: example/app:1
      readinessProbe: { exec: { command: ["check"] }, periodSeconds: 300 }`, `until: 250s
${jitter === undefined ? '' : `requeueJitter: ${jitter}\n`}events:
  - { at: 0s, container: app, do: failReadiness, for: 1000s }`);
  it('1.27: after the start-up syncs (2, 3 s) a run every 60 s (requeueJitter 0): 63, 123, 183, 243; every 90 s at the latest draw: 93, 183', () => {
    expect(failed(text('1.27'), 'readiness')).toEqual([2, 3, 63, 123, 183, 243]);
    expect(failed(text('1.27', 1), 'readiness')).toEqual([2, 3, 93, 183]);
  });
  it('1.37: 1.2, 2, then 62, 122, 182, 242', () => {
    expect(failed(text('1.37'), 'readiness')).toEqual(Array.of(1.2, 2, 62, 122, 182, 242));
  });
});

describe('prober.go runProbe: a gRPC (httpGet, tcpSocket) run dials the pod\'s IP, so the run a liveness kill\'s status triggers fails even though the kill ends the container meanwhile; an exec run is an error, thrown away [5.9] [5.11] [5.13]', () => {
  const grpc = (version: string) => pod(version, `    - name: app
      image: example/app:1
      readinessProbe: { grpc: { port: 8080 }, initialDelaySeconds: 15 }
      livenessProbe: { grpc: { port: 8080 }, initialDelaySeconds: 15 }`, `until: 50s
containers:
  app: { startDelay: 100000s }`);
  const exec = (version: string) => grpc(version).replace(/grpc: \{ port: 8080 \}/g, 'exec: { command: ["check"] }')
    .replace('startDelay: 100000s', 'startDelay: 100000s, readinessProbe: { duration: 2s }, livenessProbe: { duration: 2s }');
  it.each(['1.27', '1.37'])('the kill at 41 s, and a readiness failure 1 s later for gRPC, none for exec (%s)', (version) => {
    const kill = events(grpc(version)).find((e) => e.type === 'container.kill')!.t;
    expect(kill).toBe(41);
    expect(failed(grpc(version), 'readiness').filter((t) => t > kill && t < kill + 5)).toEqual([42]);
    expect(failed(exec(version), 'readiness').filter((t) => t > kill && t < kill + 5)).toEqual([]);
  });
});
