// A container that exits while its exec postStart hook runs ([3.4]): the hook's process dies with
// the container, ExecSync returns exit 137, handlers.go Run returns the error, and startContainer
// records FailedPostStartHook, kills the (exited) container and fails the start with
// PostStartHookError (kuberuntime_container.go startContainer, 1.3x copy, library id 41926215;
// kubernetes#115680, "FailedPostStartHook … exited with 137"). Every minor.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { SUPPORTED_VERSIONS } from '../version';

const pod = (v: string, policy: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  restartPolicy: ${policy}
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 5']
      lifecycle:
        postStart:
          exec:
            command: [sh, -c, 'sleep 30']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 60s
containers:
  app:
    postStart: { duration: 30s, exitCode: 0 }
`;

describe('startContainer: a container that exits under its exec postStart hook fails the hook (exit 137) [3.4]', () => {
  it.each(SUPPORTED_VERSIONS)('Never: the hook ends with exit 137 at the exit, a FailedPostStartHook kill of the exited container, and the pod still Succeeded (%s)', (v) => {
    const t = runScenario(pod(v, 'Never')).trace!;
    const exit = t.events.find((e) => e.type === 'container.exit')!;
    const end = t.events.find((e) => e.type === 'hook.end')!;
    expect(end.type === 'hook.end' && [end.t, end.hook, end.exitCode]).toEqual([exit.t, 'postStart', 137]);
    const kills = t.events.filter((e) => e.type === 'container.kill');
    expect(kills.map((k) => k.type === 'container.kill' && [k.t, k.reason])).toEqual([[exit.t, 'FailedPostStartHook']]);
    expect(kills[0]!.cause).toContain(end.id);
    expect(t.events.filter((e) => e.type === 'pod.phase').map((e) => e.type === 'pod.phase' && e.phase).at(-1)).toBe('Succeeded');
  });

  it.each(SUPPORTED_VERSIONS)('Always: the failed start shows PostStartHookError, then the restart and its back-off (%s)', (v) => {
    const t = runScenario(pod(v, 'Always')).trace!;
    const reasons = t.events.filter((e) => e.type === 'container.waiting').map((e) => e.type === 'container.waiting' && e.reason);
    expect(reasons).toContain('PostStartHookError');
    const statuses = t.events.filter((e) => e.type === 'pod.kubectl').map((e) => e.type === 'pod.kubectl' && e.status);
    expect(statuses).toContain('PostStartHookError');
    expect(statuses).toContain('CrashLoopBackOff');
    expect(t.events.filter((e) => e.type === 'hook.end').every((e) => e.type === 'hook.end' && e.exitCode === 137)).toBe(true);
  });
});
