import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace } from '../trace';

const pod = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: rac }
spec:
  initContainers:
    - name: init-1
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 2']
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
      lifecycle: { preStop: { sleep: { seconds: 5 } } }
  containers:
    - name: app
      image: example/app:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  app:
    runs:
      - { exitAfter: 10s, exitCode: 42 }
`;

const run = (version: string): Trace => {
  const r = runScenario(pod(version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};

describe('RestartAllContainers (KEP-5532) [11.2]', () => {
  it('restarts every container in place when the rule matches (1.36, gate on by default)', () => {
    const t = run('1.36');
    const cond = t.events.filter((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
    expect(cond.map((e) => (e as { status: string }).status)).toEqual(['True', 'False']);
    // The sidecar is killed with a grace override of 0: no preStop hook (then the 2s minimum, [8.5]).
    const kill = t.events.find((e) => e.type === 'container.kill' && e.container === 'proxy');
    expect(kill).toMatchObject({ reason: 'RestartAllContainers', gracePeriodSeconds: 0 });
    expect(t.events.some((e) => e.type === 'hook.start' && e.container === 'proxy')).toBe(false);
    // Init containers run again, in order, then the app; every container gets a new attempt.
    const starts = t.events.filter((e) => e.type === 'container.start' && e.t > kill!.t).map((e) => (e as { container: string }).container);
    expect(starts).toEqual(['init-1', 'proxy', 'app']);
    // Initialized stays True throughout [7.2].
    const initialized = t.events.filter((e) => e.type === 'pod.condition' && e.condition === 'Initialized').map((e) => (e as { status: string }).status);
    expect(initialized.at(-1)).toBe('True');
    expect(initialized.indexOf('False', 1)).toBe(-1);
  });

  it('does nothing special without the gate: the Never container stays stopped (1.34)', () => {
    const r = runScenario(pod('1.34'));
    // In 1.34 ContainerRestartRules is alpha and off: the API server drops the rules (a warning).
    expect(r.problems.some((p) => p.severity === 'warning')).toBe(true);
    expect(r.trace!.events.some((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting')).toBe(false);
  });

  // kubernetes#136966 (merged 2026-02-11, in 1.36.0; no 1.35 pick found): the in-place restart
  // takes two syncs, the first kills and removes, the second starts. With another container
  // running, its kill is a ContainerDied event at the next relist and the pod syncs again at once;
  // a lone container's removal is only a ContainerRemoved event, which the kubelet ignores
  // (kubelet.go isSyncPodWorthy), so 1.35 waited for the pod worker's periodic resync (60 s).
  const lone = (version: string, gates = '') => `apiVersion: v1
kind: Pod
metadata: { name: lone }
spec:
  containers:
    - name: app
      image: example/app:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 3m
${gates}containers:
  app:
    runs:
      - { exitAfter: 10s, exitCode: 42 }
`;
  // Measured from the True write: since session 39 the False is written by the sync that starts
  // the pod again (GenerateAllContainersRestartingCondition, AllContainersRestartCleanedUp), so in
  // 1.35 the API shows True through the whole wait.
  const restartDelay = (text: string): number => {
    const r = runScenario(text);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const marked = r.trace!.events.find((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting' && e.status === 'True')!;
    const restart = r.trace!.events.find((e) => e.type === 'container.start' && e.container === 'app' && e.t > marked.t)!;
    return restart.t - marked.t;
  };
  const GATE = 'featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }\n';

  it('1.35 restarts a lone container only at the pod worker\'s periodic resync; 1.36 at once (#136966)', () => {
    expect(restartDelay(lone('1.35', GATE))).toBeGreaterThanOrEqual(60);
    expect(restartDelay(lone('1.35', GATE))).toBeLessThan(61);
    for (const version of ['1.36', '1.37']) expect(restartDelay(lone(version))).toBeLessThan(2);
    const r = runScenario(lone('1.35', GATE));
    const conds = r.trace!.events.filter((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
    // GenerateAllContainersRestartingCondition: the API shows True until the sync that finds the runtime empty
    expect(conds.map((e) => (e as { status: string }).status)).toEqual(['True', 'False']);
    expect(conds[1]!.t - conds[0]!.t).toBeGreaterThanOrEqual(60);
    expect(conds[1]!.why).toMatch(/periodic resync.*ContainerRemoved.*#136966/);
  });

  it('1.35 restarts at once when the restart killed another running container (its ContainerDied syncs the pod)', () => {
    const r = runScenario(pod('1.35').replace('until: 60s', `until: 60s\n${GATE.trimEnd()}`));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const done = r.trace!.events.find((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting' && e.status === 'False')!;
    const next = r.trace!.events.find((e) => e.type === 'container.start' && e.t > done.t)!;
    expect(next).toMatchObject({ container: 'init-1' });
    expect(next.t - done.t).toBeLessThan(2);
  });

  // kubernetes#136964 (1.36.0): convertToAPIContainerStatuses' podRestarting branch gives a
  // container the restart removed a Waiting RestartingAllContainers status with the kubelet's
  // message, a last state of exit 137 with reason RestartingAllContainers and no times, and the
  // restart counted at once; the new run keeps that last state. Published: a kind v1.36.1 capture
  // of a gang-restarted pod (search-index file 61059765563), both containers running with
  // `lastState.terminated` 137 / RestartingAllContainers, "both stamps null", no containerID,
  // message "The container is removed because RestartAllContainers in place". Before it (1.35)
  // the last termination was "not preserved" (the PR's description).
  const writesOf = (text: string, container: string) => {
    const r = runScenario(text);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return { trace: r.trace!, writes: (r.trace!.statusWrites ?? []).filter((w) => w.container === container) };
  };

  it('1.36+: a removed container waits with its restart already counted; 1.35 counts it when the new run starts (#136964)', () => {
    for (const version of ['1.36', '1.37']) {
      const { writes } = writesOf(pod(version), 'app');
      const waiting = writes.find((w) => w.state === 'waiting' && w.reason === 'RestartingAllContainers')!;
      expect(waiting.restartCount).toBe(1);
      expect(writes.find((w) => w.state === 'running' && w.t > waiting.t)?.restartCount).toBe(1);
    }
    const { writes } = writesOf(pod('1.35').replace('until: 60s', `until: 60s\n${GATE.trimEnd()}`), 'app');
    const waiting = writes.find((w) => w.state === 'waiting' && w.reason === 'RestartingAllContainers')!;
    expect(waiting.restartCount).toBe(0);
    expect(writes.find((w) => w.state === 'running' && w.t > waiting.t)?.restartCount).toBe(1);
  });

  it('after the restart RESTARTS has no "(… ago)": the last state has no finish time (1.36+) or is gone (1.35) (#136964)', () => {
    for (const [version, text] of [['1.36', pod('1.36')], ['1.37', pod('1.37')], ['1.35', pod('1.35').replace('until: 60s', `until: 60s\n${GATE.trimEnd()}`)]]) {
      const { trace } = writesOf(text!, 'app');
      const done = trace.events.findIndex((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting' && e.status === 'False');
      const rows = trace.events.slice(done).filter((e): e is Extract<typeof e, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl');
      expect(rows.length).toBeGreaterThan(1);
      // running again: the sidecar's restart and the app's [14.3], and no "(… ago)"
      expect(rows.at(-1)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '2' });
      expect(rows.at(-1)!.lastRestartAt).toBeUndefined();
      // 1.36+: not while they wait either (1.35's waiting status is left as the engine had it: the
      // removed run's own last state, renamed)
      if (version !== '1.35') for (const row of rows) expect(row.lastRestartAt).toBeUndefined();
    }
  });
});
