// convertToAPIContainerStatuses' last loop (pkg/kubelet/kubelet_pods.go, read at the 1.36 tree;
// the loop predates 1.27) with ShouldContainerBeRestarted (pkg/kubelet/container/helpers.go), and
// what follows for getPhase and printPod. [10.2] [10.4] [4.1] [6.7] [14.5]
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

const run = (text: string): Trace => {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};

const of = <T extends TraceEvent['type']>(t: Trace, type: T) =>
  t.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

const waitingReasons = (t: Trace, container: string) =>
  of(t, 'container.waiting').filter((e) => e.container === container).map((e) => e.reason);

const statuses = (t: Trace) => of(t, 'pod.kubectl').map((e) => e.status);

const sidecarExitsZero = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: s0 }
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 90s
containers:
  proxy: { runs: [{}, { exitAfter: 5s, exitCode: 0 }, { exitAfter: 5s, exitCode: 0 }] }
events:
  - { at: 10s, container: proxy, do: exit }
`;

describe('convertToAPIContainerStatuses: Waiting only for what ShouldContainerBeRestarted restarts', () => {
  it.each(['1.29', '1.33', '1.36'])('a sidecar that exits 0 stays Terminated (Completed) through its back-off and the pod keeps printing Running (%s)', (v) => {
    const t = run(sidecarExitsZero(v));
    expect(of(t, 'container.backoff').some((e) => e.container === 'proxy')).toBe(true);
    expect(waitingReasons(t, 'proxy')).not.toContain('CrashLoopBackOff');
    const printed = statuses(t);
    const afterStart = printed.slice(printed.indexOf('Running'));
    expect(afterStart.filter((s) => s !== 'Running')).toEqual([]);
  });

  const neverPodCrashingSidecar = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: nv }
spec:
  restartPolicy: Never
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  proxy: { runs: [{}, { exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }, { exitAfter: 2s, exitCode: 1 }] }
events:
  - { at: 5s, container: proxy, do: crash, exitCode: 1 }
`;

  it.each(['1.29', '1.33', '1.34'])('a Never pod\'s crashed sidecar prints Init:Error, not Init:CrashLoopBackOff: the helper reads the pod policy (%s)', (v) => {
    const t = run(neverPodCrashingSidecar(v));
    expect(of(t, 'container.backoff').some((e) => e.container === 'proxy')).toBe(true);
    expect(waitingReasons(t, 'proxy')).not.toContain('CrashLoopBackOff');
    expect(statuses(t)).toContain('Init:Error');
    expect(statuses(t)).not.toContain('Init:CrashLoopBackOff');
  });

  it.each(['1.35', '1.36'])('with ContainerRestartRules on (%s) the sidecar\'s own Always decides: Waiting CrashLoopBackOff', (v) => {
    const t = run(neverPodCrashingSidecar(v));
    expect(waitingReasons(t, 'proxy')).toContain('CrashLoopBackOff');
    expect(statuses(t)).toContain('Init:CrashLoopBackOff');
  });

  it('a pod deleted during an exit-0 back-off ends Succeeded / Completed, not Failed (ShouldContainerBeRestarted is false once deleted)', () => {
    const t = run(`apiVersion: v1
kind: Pod
metadata: { name: del }
spec:
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
containers:
  app: { exitAfter: 3s, exitCode: 0 }
events:
  - { at: 12s, do: deletePod, gracePeriodSeconds: 5 }
`);
    const deletedAt = of(t, 'pod.deleted')[0]!.t;
    const backoffBefore = of(t, 'container.backoff').filter((e) => e.t < deletedAt);
    expect(backoffBefore.length).toBeGreaterThan(0);
    expect(of(t, 'pod.phase').at(-1)?.phase).toBe('Succeeded');
    expect(statuses(t).at(-1)).toBe('Completed');
  });
});

describe('the kubectl row follows the simulated version [14.4]', () => {
  const completedThenDeleted = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: done }
spec:
  restartPolicy: Never
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
containers:
  app: { exitAfter: 3s, exitCode: 0 }
events:
  - { at: 20s, do: deletePod, gracePeriodSeconds: 5 }
`;

  it('a completed pod that is deleted prints Terminating up to 1.30 (printPod before PR #122038)', () => {
    expect(statuses(run(completedThenDeleted('1.30'))).slice(-2)).toEqual(['Completed', 'Terminating']);
  });

  it('and keeps Completed from 1.31', () => {
    const t = run(completedThenDeleted('1.31'));
    expect(statuses(t).at(-1)).toBe('Completed');
    expect(statuses(t)).not.toContain('Terminating');
  });
});

describe('convertContainerStatus: a Created container is Waiting with no reason [10.1] [2.7]', () => {
  it('an init container a kubelet restart left Created prints Init:0/1, not Init:ContainerCreating', () => {
    const t = run(`apiVersion: v1
kind: Pod
metadata: { name: cr }
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 2']
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 30s
events:
  - { at: 1.15, do: restartKubelet }
`);
    // The restart lands between create (1.1 s) and start (1.2 s): the runtime holds a Created init container.
    expect(of(t, 'container.start').filter((e) => e.container === 'init').map((e) => e.attempt)).toEqual([1]);
    expect(waitingReasons(t, 'init')).toEqual(['PodInitializing']);
    expect(statuses(t)).not.toContain('Init:ContainerCreating');
  });
});
