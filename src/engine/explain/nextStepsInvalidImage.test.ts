// A pasted pod whose container waits in InvalidImageName ([10.11]: images/image_manager.go
// EnsureImageExists refuses a name applyDefaultImageTag cannot parse, before any pull): no set
// time for its start, and the editor's warning at the image stands as it is.
import { describe, expect, it } from 'vitest';
import { podOf, waiting } from '../apiPod/statusBuilders';
import type { LoadedPod } from '../apiPod/loadPods';
import { defaultGates } from '../version';
import { analyzeText } from './analyzeText';
import { nextSteps } from './nextSteps';
import type { PodExtras } from './types';

const EXTRAS: PodExtras = { startupProbes: {}, terminationGracePeriodSeconds: 30 };

describe('explain mode, InvalidImageName [10.11]', () => {
  it.each(['1.27', '1.37'] as const)('the next step has no time: it never starts while the spec keeps the name (%s)', (v) => {
    const pod = podOf({ main: ['app'] }, [], [waiting('app', 'InvalidImageName')], { conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }] });
    const loaded: LoadedPod & { extras: PodExtras } = { pod, actionsSpec: { initContainers: [], containers: [{ name: 'app', image: 'Busybox:1.36' }] }, line: 1, col: 1, extras: EXTRAS };
    const [step] = nextSteps(loaded, { version: v, gates: defaultGates(v) }, 10);
    expect(step).toMatchObject({ container: 'app', action: 'start', at: null });
    expect(step!.why).toMatch(/^Never starts while the spec keeps this image: the kubelet cannot parse the name/);
  });

  it('a pasted pod keeps the warning at its image word for word (no "knows the field" suffix, which is for version errors)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default, creationTimestamp: "2026-12-01T10:00:00Z" }
spec:
  containers:
  - name: app
    image: Busybox:1.36
status:
  phase: Pending
  containerStatuses:
  - name: app
    image: Busybox:1.36
    ready: false
    restartCount: 0
    state: { waiting: { reason: InvalidImageName } }
`;
    const a = analyzeText(text);
    expect(a.kind).toBe('explain');
    if (a.kind !== 'explain') return;
    const image = a.problems.filter((p) => p.path === 'spec.containers[0].image');
    expect(image).toHaveLength(1);
    expect(image[0]!.severity).toBe('warning');
    expect(image[0]!.message).toMatch(/InvalidImageName \[10\.11\]\.$/);
  });
});
