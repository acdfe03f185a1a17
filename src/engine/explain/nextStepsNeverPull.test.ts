// nextSteps for a container waiting in ErrImageNeverPull (images/image_manager.go EnsureImageExists,
// 00a3928b, cfce511e, a 1.34/1.35-era copy): no set time, the image must be put on the node [10.2].
import { describe, expect, it } from 'vitest';
import { podOf, waiting } from '../apiPod/statusBuilders';
import type { LoadedPod } from '../apiPod/loadPods';
import { defaultGates } from '../version';
import { nextSteps } from './nextSteps';
import type { PodExtras } from './types';

const EXTRAS: PodExtras = { startupProbes: {}, terminationGracePeriodSeconds: 30 };

describe('nextSteps, ErrImageNeverPull (EnsureImageExists, Never branch) [10.2]', () => {
  it.each(['1.33', '1.35'] as const)('starts only once the image is on the node: no set time, never "at the next sync" (%s)', (v) => {
    const pod = podOf({ main: ['app'] }, [], [waiting('app', 'ErrImageNeverPull')], { conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }] });
    const loaded: LoadedPod & { extras: PodExtras } = { pod, actionsSpec: { initContainers: [], containers: [{ name: 'app', image: 'img' }] }, line: 1, col: 1, extras: EXTRAS };
    const [step] = nextSteps(loaded, { version: v, gates: defaultGates(v) }, 10);
    expect(step).toMatchObject({ container: 'app', action: 'start', at: null });
    expect(step!.why).toMatch(/^Starts only once its image is on the node: its imagePullPolicy is Never/);
  });
});
