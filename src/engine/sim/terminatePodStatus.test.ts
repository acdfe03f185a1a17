// status_manager.go TerminatePod (TestTerminatePod_DefaultUnknownStatus,
// TestTerminatePod_EnsurePodPhaseIsTerminal in status_manager_test.go describe the same cases). [6.9]
import { describe, expect, it } from 'vitest';
import type { ApiPodStatus, ContainerStatus } from '../api';
import { done, exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import { runScenario } from '../run';
import { hasPodInitialized, terminatePodStatus } from './terminatePodStatus';

const st = (phase: ApiPodStatus['phase'], init: ContainerStatus[], main: ContainerStatus[]): ApiPodStatus =>
  ({ phase, conditions: [], initContainerStatuses: init, containerStatuses: main });

describe('TerminatePod [6.9]', () => {
  const noInit: PodShape = { main: ['a', 'b'] };
  it('TestTerminatePod_EnsurePodPhaseIsTerminal: Pending or Running becomes Failed, a terminal phase stays', () => {
    const spec = specOf(noInit);
    expect(terminatePodStatus(spec, st('Pending', [], [exited('a', 0), exited('b', 0)]), st('Pending', [], [])).status.phase).toBe('Failed');
    expect(terminatePodStatus(spec, st('Running', [], [exited('a', 0), exited('b', 0)]), st('Running', [], [])).status.phase).toBe('Failed');
    expect(terminatePodStatus(spec, st('Succeeded', [], [exited('a', 0), exited('b', 0)]), st('Running', [], [])).status.phase).toBe('Succeeded');
  });

  it('TestTerminatePod_DefaultUnknownStatus: an initialized pod\'s non-terminated containers become ContainerStatusUnknown 137', () => {
    const out = terminatePodStatus(specOf(noInit), st('Pending', [], [exited('a', 0), waiting('b', 'ContainerCreating')]), st('Pending', [], []));
    expect(out.status.containerStatuses[0]!.state.terminated?.reason).toBe('Completed');
    expect(out.status.containerStatuses[1]!.state.terminated).toMatchObject({ exitCode: 137, reason: 'ContainerStatusUnknown' });
  });

  it('an uninitialized pod keeps its waiting main containers; only init containers that tried to start are defaulted', () => {
    const shape: PodShape = { init: ['i1', 'i2', 'i3'], main: ['app'] };
    const prev = st('Pending', [done('i1'), running('i2'), waiting('i3', 'PodInitializing')], [waiting('app', 'PodInitializing')]);
    expect(hasPodInitialized(specOf(shape), prev)).toBe(false);
    const now = st('Pending', [done('i1'), waiting('i2', 'ContainerCreating', 1), waiting('i3', 'PodInitializing')], [waiting('app', 'PodInitializing')]);
    const out = terminatePodStatus(specOf(shape), now, prev).status;
    expect(out.initContainerStatuses.map((s) => s.state.terminated?.reason ?? s.state.waiting?.reason)).toEqual(['Completed', 'ContainerStatusUnknown', 'PodInitializing']);
    expect(out.containerStatuses[0]!.state.waiting?.reason).toBe('PodInitializing');
  });

  it('hasPodInitialized: the last init container completed, or a started sidecar last', () => {
    expect(hasPodInitialized(specOf({ init: ['i1'], main: ['a'] }), st('Pending', [done('i1')], [waiting('a', 'PodInitializing')]))).toBe(true);
    expect(hasPodInitialized(specOf({ init: ['p*'], main: ['a'] }), st('Pending', [running('p', { started: true })], [waiting('a', 'PodInitializing')]))).toBe(true);
    expect(hasPodInitialized(specOf({ init: ['p*'], main: ['a'] }), st('Pending', [running('p', { started: false })], [waiting('a', 'PodInitializing')]))).toBe(false);
  });
});

describe('a deleted pod that never got going ends Failed, as TerminatePod makes it [6.9]', () => {
  const pod = (body: string) => `apiVersion: v1
kind: Pod
metadata: { name: x }
spec:
${body}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 40s
events:
  - { at: 0s, container: app, do: failPull, for: 60s }
  - { at: 10s, do: deletePod, gracePeriodSeconds: 5 }
`;
  it('a main container that never started: ContainerStatusUnknown, phase Failed before the pod is gone', () => {
    const t = runScenario(pod('  containers:\n    - { name: app, image: example/app:1 }')).trace!;
    const phases = t.events.filter((e) => e.type === 'pod.phase').map((e) => (e as { phase: string }).phase);
    expect(phases).toEqual(['Pending', 'Failed']);
    const rows = t.events.filter((e) => e.type === 'pod.kubectl').map((e) => (e as { status: string }).status);
    expect(rows.at(-1)).toBe('ContainerStatusUnknown');
    const gone = t.events.findIndex((e) => e.type === 'pod.gone');
    expect(t.events.findIndex((e) => e.type === 'pod.phase' && (e as { phase: string }).phase === 'Failed')).toBeLessThan(gone);
  });
});
