import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api';
import { done, exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import type { PodPhase } from '../trace';
import { containersReadyCondition, initializedCondition, podConditions, readyCondition } from './conditions';

const st = (init: ContainerStatus[], main: ContainerStatus[]) => ({ initContainerStatuses: init, containerStatuses: main });

describe('Initialized [7.2]', () => {
  const shape: PodShape = { init: ['init1', 'init2'], main: ['run1'] };
  it.each<[string, PodShape, ContainerStatus[], ContainerStatus[], PodPhase, string, string | undefined, string | undefined]>([
    ['C03: init1 crash-looping', shape, [waiting('init1', 'CrashLoopBackOff', 1), waiting('init2', 'PodInitializing')],
      [waiting('run1', 'PodInitializing')], 'Pending', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init1 init2]'],
    ['C04: init2 failed', shape, [done('init1'), exited('init2', 1)], [waiting('run1', 'PodInitializing')], 'Failed',
      'False', 'ContainersNotInitialized', 'containers with incomplete status: [init2]'],
    ['all regular inits done', shape, [done('init1'), done('init2')], [waiting('run1', 'PodInitializing')], 'Pending',
      'True', undefined, undefined],
    ['unknown init statuses', shape, [done('init1')], [waiting('run1', 'PodInitializing')], 'Pending',
      'False', 'ContainersNotInitialized', 'containers with unknown status: [init2]'],
    ['Succeeded → PodCompleted', shape, [done('init1'), done('init2')], [exited('run1', 0)], 'Succeeded', 'True', 'PodCompleted', undefined],
    ['sidecar not started', { init: ['i', 'proxy*'], main: ['app'] }, [done('i'), running('proxy', { started: false })],
      [waiting('app', 'PodInitializing')], 'Pending', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [proxy]'],
    ['sidecar started', { init: ['i', 'proxy*'], main: ['app'] }, [done('i'), running('proxy', { started: true })],
      [waiting('app', 'PodInitializing')], 'Pending', 'True', undefined, undefined],
    ['K-PI-10: a main ran, sidecar restarting → stays True', { init: ['proxy*'], main: ['app'] },
      [waiting('proxy', 'CrashLoopBackOff', 1)], [running('app')], 'Running', 'True', undefined, undefined],
    ['no statuses at all', shape, [], [], 'Pending', 'False', 'UnknownContainerStatuses', undefined],
  ])('%s', (_n, shape, init, main, phase, status, reason, message) => {
    const c = initializedCondition(specOf(shape), st(init, main), phase);
    expect(c).toMatchObject({ type: 'Initialized', status });
    expect(c.reason).toBe(reason);
    expect(c.message).toBe(message);
    expect(c.why).toContain('[7.2]');
  });

  it('KEP-5532: a previously True Initialized stays True through an in-place restart', () => {
    const c = initializedCondition(specOf(shape), st([waiting('init1', 'RestartingAllContainers', 137), waiting('init2')], [waiting('run1')]), 'Pending', true);
    expect(c.status).toBe('True');
  });
});

describe('ContainersReady [7.3] and Ready [7.4]', () => {
  const shape: PodShape = { init: ['i', 'proxy*'], main: ['a', 'b'] };
  const init = [done('i'), running('proxy', { started: true, ready: true })];
  it('K-CR-8: an unready sidecar makes ContainersReady False', () => {
    const c = containersReadyCondition(specOf(shape), st([done('i'), running('proxy', { started: true })], [running('a', { ready: true }), running('b', { ready: true })]), 'Running');
    expect(c).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy]' });
  });
  it('lists unknown before unready', () => {
    const c = containersReadyCondition(specOf(shape), st(init, [running('a')]), 'Running');
    expect(c.message).toBe('containers with unknown status: [b], containers with unready status: [a]');
  });
  it('regular init containers do not count', () => {
    const c = containersReadyCondition(specOf(shape), st([exited('i', 0), init[1]!], [running('a', { ready: true }), running('b', { ready: true })]), 'Running');
    expect(c.status).toBe('True');
  });
  it.each<[PodPhase, string]>([['Succeeded', 'PodCompleted'], ['Failed', 'PodFailed']])('%s → False %s', (phase, reason) => {
    const c = containersReadyCondition(specOf(shape), st(init, [exited('a', 0), exited('b', 0)]), phase);
    expect(c).toMatchObject({ status: 'False', reason });
  });
  it('Succeeded with unknown containers falls through to the unready message', () => {
    const c = containersReadyCondition(specOf(shape), st(init, [exited('a', 0)]), 'Succeeded');
    expect(c).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
  });
  it('Ready copies ContainersReady when it is not True', () => {
    const cr = containersReadyCondition(specOf(shape), st(init, [running('a')]), 'Running');
    expect(readyCondition(specOf(shape), cr)).toMatchObject({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: cr.message });
  });
  it('readiness gates: missing and False', () => {
    const s = specOf({ ...shape, readinessGates: ['example.com/lb', 'example.com/dns'] });
    const cr = containersReadyCondition(s, st(init, [running('a', { ready: true }), running('b', { ready: true })]), 'Running');
    expect(cr.status).toBe('True');
    const r = readyCondition(s, cr, { 'example.com/dns': 'False' });
    expect(r).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady' });
    expect(r.message).toBe('corresponding condition of pod readiness gate "example.com/lb" does not exist., '
      + 'the status of pod readiness gate "example.com/dns" is not "True", but False');
    expect(readyCondition(s, cr, { 'example.com/dns': 'True', 'example.com/lb': 'True' }).status).toBe('True');
  });
});

describe('podConditions', () => {
  it('returns the four conditions in order', () => {
    const s = specOf({ init: ['proxy*'], main: ['app'] });
    const out = podConditions(s, st([running('proxy', { started: true, ready: true })], [running('app', { ready: true })]), 'Running', { sandboxReady: true });
    expect(out.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'ContainersReady=True', 'Ready=True',
    ]);
    expect(out.every((c) => /\[7\.\d\]/.test(c.why))).toBe(true);
  });
  it('PodReadyToStartContainers False without a sandbox; absent when its gate is off', () => {
    const s = specOf({ main: ['app'] });
    const status = st([], [waiting('app', 'ContainerCreating')]);
    expect(podConditions(s, status, 'Pending', { sandboxReady: false })[0]).toMatchObject({ type: 'PodReadyToStartContainers', status: 'False' });
    expect(podConditions(s, status, 'Pending', { sandboxReady: false, readyToStartContainers: false }).map((c) => c.type))
      .toEqual(['Initialized', 'ContainersReady', 'Ready']);
  });
});
