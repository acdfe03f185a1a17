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
    // The sidecar is killed at once: no preStop, no grace.
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
});
