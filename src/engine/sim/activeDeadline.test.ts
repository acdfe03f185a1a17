// spec.activeDeadlineSeconds of a pod, against upstream's pkg/kubelet/active_deadline.go
// (pastActiveDeadline, ShouldEvict), kubelet_pods.go generateAPIPodStatus and the pod worker's
// terminal path (SyncTerminatingPod with the spec's grace) [13.1]–[13.3].
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS as VERSIONS, type KubeVersion } from '../version';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));

function run(spec: string, version: KubeVersion = '1.33'): Trace {
  const text = `apiVersion: v1
kind: Pod
metadata: { name: deadline }
spec:
${spec}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const LONG_RUNNING = `  activeDeadlineSeconds: 30
  terminationGracePeriodSeconds: 10
  containers:
    - name: app
      image: example/app:1
`;

describe('activeDeadlineSeconds of a pod (active_deadline.go, generateAPIPodStatus)', () => {
  for (const version of VERSIONS) {
    it(`${version}: pastActiveDeadline → phase Failed, reason DeadlineExceeded, containers killed with the spec's grace [13.2] [13.3] [0.6]`, () => {
      const t = run(LONG_RUNNING, version);
      const failed = of(t, 'pod.phase').find((e) => e.phase === 'Failed')!;
      expect(failed).toMatchObject({ t: 30, reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
      expect(of(t, 'pod.kubectl').find((e) => e.t === 30)?.status).toBe('DeadlineExceeded');
      // [0.6] SyncTerminatingPod waits for the relist after the sync that wrote Failed (podWorkerLoop GetNewerThan).
      expect(of(t, 'container.kill', 'app')[0]).toMatchObject({ t: 31, gracePeriodSeconds: 10 });
      expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Failed');
    });
  }

  it('a pod that finishes before its deadline is not touched by it', () => {
    const t = run(`  activeDeadlineSeconds: 30
  restartPolicy: Never
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 5']
`);
    expect(of(t, 'pod.phase').at(-1)).toMatchObject({ phase: 'Succeeded' });
    expect(of(t, 'pod.phase').some((e) => e.reason !== undefined)).toBe(false);
  });

  it('counts from the pod\'s start, whatever its phase: a pod stuck in init fails too [13.1]', () => {
    const t = run(`  activeDeadlineSeconds: 20
  initContainers:
    - name: wait-for-db
      image: busybox:1.36
      command: [sh, -c, 'until false; do sleep 1; done']
  containers:
    - name: app
      image: example/app:1
`);
    expect(of(t, 'pod.phase').map((e) => e.phase)).toEqual(['Pending', 'Failed']);
    expect(of(t, 'pod.phase').at(-1)).toMatchObject({ t: 20, reason: 'DeadlineExceeded' });
    expect(of(t, 'container.kill', 'wait-for-db')[0]?.t).toBe(21); // [0.6] at the next relist
    expect(of(t, 'container.start', 'app')).toEqual([]);
  });

  it('stops a crash loop: no restart after the deadline [13.3]', () => {
    const t = run(`  activeDeadlineSeconds: 25
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 2; exit 1']
`);
    expect(of(t, 'container.start', 'app').every((e) => e.t < 25)).toBe(true);
    expect(of(t, 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });
});
