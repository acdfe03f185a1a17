// A node fault injected while the pod terminates: the engine does not simulate it, and its trace
// says so at the fault's time instead of staying silent (a user's click must leave a trace).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const scenario = (fault: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: app, image: nginx}]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
containers:
  app: { onStop: { after: 20s, exitCode: 0 } }
events:
  - { at: 5s, do: deletePod }
  - { at: 10s, do: ${fault} }
`;

describe('a node fault during termination', () => {
  it.each(['restartKubelet', 'recreateSandbox'])('%s: a fault event that says it is not simulated, and nothing else changes', (fault) => {
    const events = runScenario(scenario(fault)).trace!.events;
    const ev = events.filter((e) => e.type === 'fault');
    expect(ev.map((e) => [e.t, (e as { do: string }).do])).toEqual([[10, fault]]);
    expect(ev[0]!.why).toMatch(/^Not simulated: a (kubelet restart|node reboot) once the pod is being deleted/);
    expect(events.some((e) => e.type.startsWith('node.'))).toBe(false);
    const exit = events.find((e) => e.type === 'container.exit')!;
    expect(exit.t).toBeCloseTo(25, 0);
  });
});
