// [5.13] [15.4] The Unhealthy row of an exec probe whose command fails by itself: prober.go probe's
// `"%s probe failed: %s"` with the command's output (RunInContainer: stdout, then stderr; exec.go
// Probe: its first 10 KiB), kubectl describe's strings.TrimSpace of the message (DescribeEvents).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const pod = (version: string, image: string, command: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: ${image}
      command: [sh, -c, 'sleep 3600']
      readinessProbe: { exec: { command: [sh, -c, '${command}'] }, periodSeconds: 5 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 30s
`;

const unhealthy = (text: string) => describeEvents(runScenario(text).trace!, 30, 'web').filter((r) => r.reason === 'Unhealthy').map((r) => r.message.replace(/^spec\.containers\{app\}: /, ''));

describe('the Unhealthy message of an exec probe that fails by itself', () => {
  it.each(['1.27', '1.31', '1.35', '1.37'])('`echo "not ready"; exit 1`: "Readiness probe failed: not ready", the newline trimmed (%s)', (v) => {
    expect(unhealthy(pod(v, 'busybox', 'echo "not ready"; exit 1'))).toEqual(['Readiness probe failed: not ready']);
  });

  it.each(['1.27', '1.37'])('a file the command removed: busybox\'s and GNU\'s cat (%s)', (v) => {
    expect(unhealthy(pod(v, 'busybox', 'rm -f /tmp/r; cat /tmp/r'))).toEqual(["Readiness probe failed: cat: can't open '/tmp/r': No such file or directory"]);
    expect(unhealthy(pod(v, 'debian:12', 'rm -f /tmp/r; cat /tmp/r'))).toEqual(['Readiness probe failed: cat: /tmp/r: No such file or directory']);
  });

  it('`exit 1` prints nothing: the bare "Readiness probe failed:", as before', () => {
    expect(unhealthy(pod('1.31', 'busybox', 'exit 1'))).toEqual(['Readiness probe failed:']);
  });
});
