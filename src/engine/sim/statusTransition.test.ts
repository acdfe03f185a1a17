// status_manager.go checkContainerStateTransition: an illegal Terminated → other transition makes
// updateStatusInternal drop the whole update. [6.10]
import { describe, expect, it } from 'vitest';
import type { ApiPodStatus, ContainerStatus } from '../api';
import { done, exited, running, specOf, waiting } from '../apiPod/statusBuilders';
import { runScenario } from '../run';
import { illegalTransition } from './statusTransition';

const st = (init: ContainerStatus[], main: ContainerStatus[]): ApiPodStatus => ({ phase: 'Running', conditions: [], initContainerStatuses: init, containerStatuses: main });
const gatesOff = { containerRestartRules: false, restartAllContainers: false };

describe('checkContainerStateTransition [6.10]', () => {
  it('Always: any container may leave Terminated', () => {
    expect(illegalTransition(specOf({ main: ['a'] }), st([], [exited('a', 0)]), st([], [running('a')]), gatesOff)).toBeUndefined();
  });
  it('OnFailure: a failed container may restart, a completed one may not', () => {
    const spec = specOf({ restartPolicy: 'OnFailure', main: ['a'] });
    expect(illegalTransition(spec, st([], [exited('a', 1)]), st([], [waiting('a', 'CrashLoopBackOff', 1)]), gatesOff)).toBeUndefined();
    expect(illegalTransition(spec, st([], [exited('a', 0)]), st([], [running('a')]), gatesOff)).toBe('a');
  });
  it('a completed regular init container may not run again under OnFailure; a sidecar always may', () => {
    const spec = specOf({ restartPolicy: 'OnFailure', init: ['i1', 'p*'], main: ['a'] });
    expect(illegalTransition(spec, st([done('i1'), exited('p', 0)], [running('a')]), st([done('i1'), running('p')], [running('a')]), gatesOff)).toBeUndefined();
    expect(illegalTransition(spec, st([done('i1')], [running('a')]), st([running('i1')], [running('a')]), gatesOff)).toBe('i1');
  });
  it('with ContainerRestartRules (1.34+) a container its own policy restarts may leave Terminated', () => {
    const spec = specOf({ restartPolicy: 'Never', main: [{ name: 'a', restartPolicy: 'Always' }] });
    expect(illegalTransition(spec, st([], [exited('a', 0)]), st([], [running('a')]), gatesOff)).toBe('a');
    expect(illegalTransition(spec, st([], [exited('a', 0)]), st([], [running('a')]), { ...gatesOff, containerRestartRules: true })).toBeUndefined();
  });

  it('a node reboot in an OnFailure pod: the re-run of the completed init container is never written, the phase stays Running', () => {
    const t = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: rb }
spec:
  restartPolicy: OnFailure
  initContainers:
    - { name: init, image: busybox:1.36, command: ['sh', '-c', 'sleep 2'] }
  containers:
    - { name: app, image: example/app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
events:
  - { at: 20s, do: recreateSandbox }
`).trace!;
    const rerun = t.events.find((e) => e.type === 'container.start' && e.container === 'init' && e.attempt === 1);
    expect(rerun).toBeDefined();
    const after = t.events.filter((e) => e.t >= rerun!.t);
    expect(after.filter((e) => e.type === 'pod.phase')).toEqual([]);
    expect(after.some((e) => e.type === 'container.started' && e.container === 'init')).toBe(false);
    expect(t.events.filter((e) => e.type === 'pod.kubectl').at(-1)).toMatchObject({ status: 'Running' });
  });
});
