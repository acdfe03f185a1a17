// nextSteps beyond the fixtures: computePodActions (KR kuberuntime_manager.go, 1.29–1.35) read on
// the object, with a time per step: an init container's crash loop [2.5] [4.5], a first restart
// that is immediate [4.5], an image pull back-off [10.2], a lost sandbox [2.9], a terminal pod [6.5].

import { describe, expect, it } from 'vitest';
import { done, exited, podOf, running, waiting } from '../apiPod/statusBuilders';
import type { LoadedPod } from '../apiPod/loadPods';
import type { PodCondition } from '../api';
import { defaultGates } from '../version';
import { nextSteps } from './nextSteps';
import type { ExplainSettings, PodExtras } from './types';

const settings = (v: '1.33' | '1.35' = '1.35'): ExplainSettings => ({ version: v, gates: defaultGates(v) });
const EXTRAS: PodExtras = { startupProbes: {}, terminationGracePeriodSeconds: 30 };

function loaded(pod: ReturnType<typeof podOf>): LoadedPod & { extras: PodExtras } {
  const actions = (cs: { name: string; restartPolicy?: 'Always' | 'OnFailure' | 'Never' }[]) => cs.map((c) => ({ ...c, image: 'img' }));
  return { pod, actionsSpec: { initContainers: actions(pod.spec.initContainers), containers: actions(pod.spec.containers) }, line: 1, col: 1, extras: EXTRAS };
}
const sandbox = (status: 'True' | 'False'): PodCondition[] => [{ type: 'PodReadyToStartContainers', status }];

describe('nextSteps', () => {
  it('[2.5] [4.5] a crash-looping init container restarts at finishedAt + 10 s × 2^(restarts-1); the app waits for it', () => {
    const init = waiting('migrate', 'CrashLoopBackOff', 1, { restartCount: 3, lastFinishedAt: 1000 });
    const pod = podOf({ init: ['migrate'], main: ['app'] }, [init], [waiting('app', 'PodInitializing')], { conditions: sandbox('True') });
    const steps = nextSteps(loaded(pod), settings('1.33'), 1005);
    expect(steps[0]).toMatchObject({ container: 'migrate', action: 'start', at: 1040 });
    expect(steps[0]!.why).toMatch(/up to about 15 s later \[4\.6\]/);
    expect(steps[1]).toMatchObject({ container: 'app', action: 'wait', at: null });
    expect(steps[1]!.why).toMatch(/until migrate exits with code 0/);
  });

  it('[4.5] the first restart is immediate: a container that just exited starts at the next sync', () => {
    const pod = podOf({ main: ['app'] }, [], [exited('app', 1, { finishedAt: 500 })], { conditions: sandbox('True') });
    expect(nextSteps(loaded(pod), settings(), 502)).toEqual([expect.objectContaining({ container: 'app', action: 'start', at: 502 })]);
  });

  it('[10.2] an image that cannot be pulled starts when a pull succeeds: no set time', () => {
    const pod = podOf({ main: ['app'] }, [], [waiting('app', 'ImagePullBackOff')], { conditions: sandbox('True') });
    expect(nextSteps(loaded(pod), settings(), 10)).toEqual([expect.objectContaining({ container: 'app', action: 'start', at: null })]);
  });

  it('[2.9] a lost sandbox: the init containers run again from the first', () => {
    const pod = podOf({ init: ['migrate'], main: ['app'] }, [done('migrate')], [running('app', { ready: true })], { conditions: sandbox('False') });
    const steps = nextSteps(loaded(pod), settings(), 10);
    expect(steps.find((s) => s.container === 'migrate')).toMatchObject({ action: 'start', at: 10 });
  });

  it('[6.5] a Succeeded pod does nothing more', () => {
    const pod = podOf({ restartPolicy: 'Never', main: ['app'] }, [], [exited('app', 0)], { phase: 'Succeeded' });
    expect(nextSteps(loaded(pod), settings(), 10)).toEqual([expect.objectContaining({ action: 'wait', at: null, why: expect.stringMatching(/terminal phase/) })]);
  });

  it('[3.4] a deleted pod: what runs is SIGKILLed at deletionTimestamp; a container still being created may start first (kubelet.go SyncPod: the runtime\'s SyncPod is not cancelled), the others never start', () => {
    const pod = podOf({ init: ['proxy'], main: ['app', 'worker'] }, [running('proxy')], [waiting('app', 'ContainerCreating'), waiting('worker', 'CrashLoopBackOff', 1)], { deletionTimestamp: 130, conditions: sandbox('True') });
    const [proxy, app, worker] = nextSteps(loaded(pod), settings(), 100);
    expect(proxy).toMatchObject({ container: 'proxy', action: 'kill', at: 130 });
    expect(app).toMatchObject({ container: 'app', action: 'wait', at: null });
    expect(app!.why).toMatch(/still starts it .*then stops it with the pod; otherwise it never starts \[3\.4\]/);
    expect(worker).toMatchObject({ container: 'worker', action: 'wait', at: null, why: expect.stringMatching(/nothing starts again/) });
  });
});
