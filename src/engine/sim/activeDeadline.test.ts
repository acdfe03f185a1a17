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
    it(`${version}: pastActiveDeadline → the kubelet's phase Failed (DeadlineExceeded), containers killed with the spec's grace; the API sees Failed once they stopped [13.2] [13.3] [0.6]`, () => {
      const t = run(LONG_RUNNING, version);
      // At the deadline the kubelet's own status is Failed: its ready conditions turn False (PodFailed,
      // [7.3]), but mergePodStatus keeps the API's phase Running while the container runs ([13.2]).
      expect(of(t, 'pod.condition').filter((e) => e.t === 30).map((e) => [e.condition, e.status, e.reason])).toEqual([
        ['ContainersReady', 'False', 'PodFailed'], ['Ready', 'False', 'PodFailed'],
      ]);
      expect(of(t, 'pod.phase').filter((e) => e.t === 30)).toEqual([]);
      expect(of(t, 'pod.kubectl').filter((e) => e.t === 30)).toEqual([]); // still `1/1 Running`
      // [0.6] SyncTerminatingPod waits for the relist after the sync that wrote Failed (podWorkerLoop GetNewerThan).
      const kill = of(t, 'container.kill', 'app')[0]!;
      expect(kill).toMatchObject({ t: 31, gracePeriodSeconds: 10 });
      expect(kill.cause?.length).toBe(1);
      const exit = of(t, 'container.exit', 'app')[0]!;
      const failed = of(t, 'pod.phase').find((e) => e.phase === 'Failed')!;
      expect(failed).toMatchObject({ t: exit.t, reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
      expect(failed.why).toMatch(/reaches the API only now \[13\.2\]: the kubelet set it at 30s/);
      expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Failed');
    });
  }

  it('a container that ignores SIGTERM keeps the API at `1/1 Running` through the whole grace period, then `0/1 Error` (mergePodStatus, kubernetes#108366) [13.2] [8.6] [14]', () => {
    const t = run(`  activeDeadlineSeconds: 30
  terminationGracePeriodSeconds: 10
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 3600']
`);
    expect(of(t, 'container.signal', 'app').map((e) => [e.t, e.signal])).toEqual([[31, 'SIGTERM'], [41, 'SIGKILL']]);
    const rows = of(t, 'pod.kubectl').map((e) => [e.t, e.ready, e.status]);
    expect(rows.filter(([at]) => (at as number) >= 30)).toEqual([[41, '0/1', 'Error']]);
    expect(rows.filter(([at]) => (at as number) < 30).at(-1)).toEqual([expect.any(Number), '1/1', 'Running']);
    expect(of(t, 'pod.phase').find((e) => e.phase === 'Failed')).toMatchObject({ t: 41, reason: 'DeadlineExceeded' });
  });

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
    expect(of(t, 'container.kill', 'wait-for-db')[0]?.t).toBe(21); // [0.6] at the next relist
    // [13.2] the API keeps Pending until the init container has stopped: its shell ignores SIGTERM, SIGKILL after the 30 s grace
    expect(of(t, 'pod.phase').at(-1)).toMatchObject({ t: 51, reason: 'DeadlineExceeded' });
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
