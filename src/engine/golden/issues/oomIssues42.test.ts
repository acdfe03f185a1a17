// An OOM kill whose container exits 0 (the kernel killed a child; the main process exited as it
// would), as the kubelet reads it, at every minor:
// - kubernetes#104454 (2021, "Container marked OOMKilled when a non init process gets killed") and
//   its fix #104650 (1.23): isInitContainerFailed (kuberuntime/helpers.go, every stored 1.2x/1.3x
//   copy: `if status.Reason == "OOMKilled" { return true }` before the exit-code test) calls such an
//   init container failed, so the main containers never start; under OnFailure/Always it is restarted.
// - kubernetes#116676 (2023, 1.23, restartPolicy Never, "Pod pending in PodInitializing state after
//   Init container OOMKilled") and NVIDIA/nvidia-container-toolkit#30 (1.23.7, `0/1 PodInitializing`):
//   getPhase (kubelet_pods.go, every stored copy) reads the exit code only, so the pod is not Failed:
//   it stays Pending for good (#117712, the fix, was closed unmerged).
// - kubernetes#131530 (2025, 1.28): a main container OOMKilled with exit 0 ends the pod Succeeded
//   (ShouldContainerBeRestarted and getPhase read the exit code only).
// Session 42: the scenario's `oomKill` takes an `exitCode` (it used to be 137 whatever was written).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS } from '../../version';
import type { Trace, TraceEvent } from '../../trace';
import { at } from './issues.testkit';

function ofType<T extends TraceEvent['type']>(trace: Trace, type: T): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

const INIT_OOM = (policy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: oomkill-init
spec:
  restartPolicy: ${policy}
  initContainers:
  - name: stress-init
    image: example.com/stress:1
  containers:
  - name: app
    image: nginx:1.27`;
const INIT_OOM_SIM = `until: 120s
containers:
  stress-init: { exitAfter: never }
events:
  - { at: 2s, container: stress-init, do: oomKill, exitCode: 0 }
`;

describe('kubernetes#104454 / #104650: an init container OOMKilled with exit code 0 has failed', () => {
  it.each(SUPPORTED_VERSIONS)('under OnFailure it is restarted and the app does not start (%s) [2.5]', (v) => {
    const trace = at(INIT_OOM('OnFailure'), INIT_OOM_SIM, v);
    const exit = ofType(trace, 'container.exit').find((e) => e.container === 'stress-init')!;
    expect([exit.exitCode, exit.reason]).toEqual([0, 'OOMKilled']);
    expect(ofType(trace, 'container.start').filter((e) => e.container === 'stress-init')).toHaveLength(2);
    expect(ofType(trace, 'container.start').some((e) => e.container === 'app')).toBe(false);
  });

  it.each(SUPPORTED_VERSIONS)('kubernetes#116676: under Never the app never starts and the pod stays Pending (PodInitializing), not Failed (%s) [2.5] [6.1]', (v) => {
    const trace = at(INIT_OOM('Never'), INIT_OOM_SIM, v);
    expect(ofType(trace, 'container.start').map((e) => e.container)).toEqual(['stress-init']);
    expect(ofType(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    expect(ofType(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '0/1', status: 'PodInitializing', restarts: '0' });
  });
});

describe('kubernetes#131530: a main container OOMKilled with exit code 0', () => {
  it.each(SUPPORTED_VERSIONS)('under OnFailure it is not restarted and the pod is Succeeded, its reason OOMKilled (%s) [4.1] [6.2]', (v) => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  restartPolicy: OnFailure
  containers:
  - name: app
    image: example.com/app:1`;
    const trace = at(pod, 'until: 60s\ncontainers:\n  app: { exitAfter: never }\nevents:\n  - { at: 10s, container: app, do: oomKill, exitCode: 0 }\n', v);
    expect(ofType(trace, 'container.exit').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'OOMKilled']]);
    expect(ofType(trace, 'container.start')).toHaveLength(1);
    expect(ofType(trace, 'pod.phase').at(-1)!.phase).toBe('Succeeded');
    expect(ofType(trace, 'pod.kubectl').at(-1)).toMatchObject({ ready: '0/1', status: 'OOMKilled' });
  });
});
