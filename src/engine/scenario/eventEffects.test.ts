import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const pod = (events: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 2']
  containers:
    - name: app
      image: busybox
      imagePullPolicy: Always
      command: ['sh', '-c', 'sleep 3600']
      readinessProbe:
        exec: { command: ['true'] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
events:
${events}`;

const warnings = (events: string) => runScenario(pod(events)).problems.filter((p) => p.severity === 'warning' && p.path === 'events');

describe('events that cannot act are warnings at their line (prober_manager AddPod [5.1], faults applyFault; read 1.27–1.36)', () => {
  it('warns about a probe fault on a probe the container does not define, or on a regular init container', () => {
    const found = warnings('  - { at: 20s, container: app, do: failLiveness, for: 5s }\n  - { at: 1s, container: init, do: failReadiness }\n  - { at: 20s, container: app, do: failReadiness, for: 5s }\n');
    expect(found.map((p) => [p.line, p.message])).toEqual([
      [23, 'failReadiness on init has no effect: a regular init container runs no probes, so there is no readiness probe to fail'],
      [22, 'failLiveness on app has no effect: it has no livenessProbe, so there is no liveness probe to fail'],
    ]);
  });

  it('warns about a crash at a time the container is not running, known from the run', () => {
    const found = warnings('  - { at: 0.5s, container: app, do: crash }\n  - { at: 30s, container: init, do: exit }\n  - { at: 30s, container: app, do: oomKill }\n');
    expect(found.map((p) => p.line)).toEqual([22, 23]);
    expect(found[0]!.message).toBe('crash of app at 0.5s has no effect: app is not running then (it has not started, or has already exited), so there is no process to end');
    expect(found[1]!.message).toMatch(/^exit of init at 30s has no effect/);
  });

  it('carries each container\'s probes and pull policy to the page', async () => {
    const { toEngineResult } = await import('../../worker/protocol');
    expect(toEngineResult(runScenario(pod('  []\n'))).containers).toEqual({
      init: { probes: [], pullAlways: false },
      app: { probes: ['readiness'], pullAlways: true },
    });
  });
});

describe('a deletePod once the pod is gone from the API [8.2]', () => {
  it('is a warning at its line after a force deletion (NotFound), and none before', () => {
    const r = runScenario(pod('  - { at: 5s, do: deletePod, gracePeriodSeconds: 0 }\n  - { at: 20s, do: deletePod }\n'));
    const w = r.problems.filter((p) => /deletePod at/.test(p.message));
    expect(w.map((p) => [p.line, p.message])).toEqual([[23, 'deletePod at 20s has no effect: the pod object is gone from the API since 5s, so the deletion finds nothing (NotFound)']]);
  });

  it('says nothing of a second deletion while the pod is still terminating', () => {
    const r = runScenario(pod('  - { at: 5s, do: deletePod }\n  - { at: 6s, do: deletePod, gracePeriodSeconds: 1 }\n'));
    expect(r.problems.filter((p) => /deletePod at/.test(p.message))).toEqual([]);
  });
});
