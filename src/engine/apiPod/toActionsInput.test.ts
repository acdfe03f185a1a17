import { describe, expect, it } from 'vitest';
import { done, exited, podOf, running, waiting, type PodShape } from './statusBuilders';
import type { PodObject } from './readPod';
import { normalizeImage, toActionsInput } from './toActionsInput';

const shape: PodShape = { restartPolicy: 'Never', init: ['setup', 'proxy*'], main: ['app', 'late'] };

function objectOf(pod: ReturnType<typeof podOf>): PodObject {
  return {
    pod,
    actionsSpec: {
      initContainers: [
        { name: 'setup', image: 'busybox' },
        { name: 'proxy', image: 'envoyproxy/envoy:v1', restartPolicy: 'Always', startupProbe: { handler: 'httpGet' } },
      ],
      containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'late', image: 'nginx:1.27' }],
    },
  };
}

describe('toActionsInput', () => {
  it('maps each status to the newest runtime instance', () => {
    const pod = podOf(shape, [
      done('setup', { finishedAt: 5 }),
      { ...running('proxy', { started: true, restartCount: 2, startedAt: 7 }), image: 'docker.io/envoyproxy/envoy:v1' },
    ], [
      waiting('app', 'CrashLoopBackOff', 1, { restartCount: 3, lastFinishedAt: 50 }),
      waiting('late', 'ContainerCreating'),
    ], { conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }] });
    const input = toActionsInput(objectOf(pod), { containerRestartRules: true });
    expect(input).toMatchObject({ restartPolicy: 'Never', deleted: false, sandboxReady: true, sandboxAttempt: 0, containerRestartRules: true });
    expect(input.runtime).toEqual({
      setup: { name: 'setup', image: 'busybox', attempts: 1, state: 'exited', exitCode: 0, finishedAt: 5 },
      proxy: { name: 'proxy', image: 'envoyproxy/envoy:v1', attempts: 3, state: 'running', startedAt: 7 },
      app: { name: 'app', image: 'nginx:1.27', attempts: 4, state: 'exited', exitCode: 1, finishedAt: 50 },
    });
    expect(input.startup).toEqual({ proxy: 'success' });
    expect(input.liveness).toEqual({});
  });

  it('a changed image in the status means the running instance is older than the spec', () => {
    const pod = podOf(shape, [], [{ ...running('app'), image: 'docker.io/library/nginx:1.26' }]);
    expect(toActionsInput(objectOf(pod), { containerRestartRules: false }).runtime.app?.image).toBe('docker.io/library/nginx:1.26');
  });

  it('PodReadyToStartContainers False: the sandbox must be recreated ([2.9])', () => {
    const pod = podOf(shape, [done('setup'), exited('proxy', 255)], [exited('app', 255)], {
      conditions: [{ type: 'PodReadyToStartContainers', status: 'False' }],
    });
    expect(toActionsInput(objectOf(pod), { containerRestartRules: false })).toMatchObject({ sandboxReady: false, sandboxAttempt: 1 });
  });

  it('a brand-new pod has no sandbox yet, attempt 0; a deletionTimestamp means deleted', () => {
    const pod = podOf(shape, [waiting('setup', 'PodInitializing')], [waiting('app', 'PodInitializing')], { deletionTimestamp: 9 });
    expect(toActionsInput(objectOf(pod), { containerRestartRules: false })).toMatchObject({
      sandboxReady: false, sandboxAttempt: 0, deleted: true, runtime: {},
    });
  });
});

describe('toActionsInput reads init progress as the version does ([2.10]; sim actions and explain, as the simulator\'s sync)', () => {
  const pod = podOf(shape, [done('setup'), exited('proxy', 255)], [exited('app', 255)]);
  it.each([
    [27, true, true, false], [28, true, false, false], [32, true, false, false],
    [33, true, false, false], [36, true, false, false], [37, true, false, true],
  ] as const)('1.%i (SidecarContainers %s): legacy findNextInitContainerToRun %s, ActiveContainerStatuses only %s', (minor, gate, legacy, active) => {
    expect(toActionsInput(objectOf(pod), { containerRestartRules: minor >= 35, minor, sidecarContainers: gate })).toMatchObject({
      legacyInitProgress: legacy, initProgressActiveSandboxOnly: active,
    });
  });
});

describe('normalizeImage', () => {
  it.each([
    ['busybox', 'docker.io/library/busybox:latest'],
    ['busybox:1.28', 'docker.io/library/busybox:1.28'],
    ['istio/proxyv2:1.16.0', 'docker.io/istio/proxyv2:1.16.0'],
    ['docker.io/library/busybox:1.28', 'docker.io/library/busybox:1.28'],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    ['busybox@sha256:abc', 'docker.io/library/busybox@sha256:abc'],
  ])('%s', (image, normal) => {
    expect(normalizeImage(image)).toBe(normal);
  });
});
