// The describe panel's Warning FailedPreStopHook row for an exec preStop hook cut short by its
// container's exit ([8.3]; kubernetes#39170: `nginx -s quit` in the hook makes PID 1 exit, the
// hook's process dies with it, ExecSync returns exit 137, executePreStopHook records the event).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { SUPPORTED_VERSIONS } from '../../engine/version';
import { describeEvents } from './describeEvents';

const text = (v: string) => `apiVersion: v1
kind: Pod
metadata: { name: nginx }
spec:
  containers:
  - name: nginx
    image: nginx:1.11
    lifecycle:
      preStop:
        exec:
          command: ["bash", "-c", "/usr/sbin/nginx -s quit ; sleep 29"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 2m
containers:
  nginx:
    preStop: { duration: 29s, exitCode: 0 }
events:
  - { at: 10s, do: deletePod }
  - { at: 11s, container: nginx, do: exit }
`;

describe('describe events: a preStop hook killed with its container (kubernetes#39170) [8.3]', () => {
  it.each(SUPPORTED_VERSIONS)('one Warning FailedPreStopHook "PreStopHook failed" at the exit (%s)', (v) => {
    const trace = runScenario(text(v)).trace!;
    const failed = describeEvents(trace, 12, 'nginx').filter((r) => r.reason === 'FailedPreStopHook');
    // from 1.35 a container's event message starts with its field path (#133627, [10.6])
    expect(failed.map((r) => [r.type, r.message.replace('spec.containers{nginx}: ', ''), r.t])).toEqual([['Warning', 'PreStopHook failed', 11]]);
  });
});
