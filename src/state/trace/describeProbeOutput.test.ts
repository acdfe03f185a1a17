// The describe panel's Unhealthy rows carry what a failed run printed ([5.13], sim/probeOutput.ts):
// "Readiness probe failed: Get \"http://<pod IP>:3001/\": dial tcp <pod IP>:3001: connect:
// connection refused" while nothing listens, as a published kubectl events line reads but for the
// IP (dirsigler/uptime-kuma-helm#67); and rows of different messages stay apart, as kubectl's
// aggregation by reason and message keeps them.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const text = `apiVersion: v1
kind: Pod
metadata: { name: uptime-kuma }
spec:
  containers:
    - name: uptime-kuma
      image: louislam/uptime-kuma:1
      readinessProbe: { httpGet: { path: /, port: 3001 }, periodSeconds: 5 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
containers:
  uptime-kuma: { startDelay: 20s }
events:
  - { at: 40s, do: failReadiness, container: uptime-kuma, for: 12s }
`;

describe('describe: what a failed probe run printed [5.13]', () => {
  const trace = runScenario(text).trace!;
  const unhealthy = describeEvents(trace, 59, 'uptime-kuma').filter((r) => r.reason === 'Unhealthy');

  it('prints the connection refused of the runs before the app listens, one row for them all', () => {
    const refused = unhealthy.find((r) => r.message.includes('connection refused'))!;
    expect(refused.message).toBe('spec.containers{uptime-kuma}: Readiness probe failed: Get "http://<pod IP>:3001/": dial tcp <pod IP>:3001: connect: connection refused');
    expect(refused.count).toBeGreaterThanOrEqual(3); // 5 s apart over the app's first 20 s
  });

  it('keeps the injected failures, whose output the engine cannot know, on a row of their own', () => {
    const other = unhealthy.filter((r) => !r.message.includes('connection refused'));
    expect(other).toHaveLength(1);
    expect(other[0]!.message).toBe('spec.containers{uptime-kuma}: Readiness probe failed:');
  });
});
