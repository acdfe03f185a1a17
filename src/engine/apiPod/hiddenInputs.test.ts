import { describe, expect, it } from 'vitest';
import { defaultPodHasInitialized, defaultPodIsTerminal, sandboxReadyFromObject } from './hiddenInputs';
import { exited, podOf, running, waiting } from './statusBuilders';

const shape = { init: ['proxy*'], main: ['app'] };

describe('hidden inputs read from a Pod object', () => {
  it('podIsTerminal: deleted and nothing running', () => {
    expect(defaultPodIsTerminal(podOf(shape, [exited('proxy', 143)], [exited('app', 0)], { deletionTimestamp: 1 }))).toBe(true);
    expect(defaultPodIsTerminal(podOf(shape, [running('proxy')], [exited('app', 0)], { deletionTimestamp: 1 }))).toBe(false);
    expect(defaultPodIsTerminal(podOf(shape, [exited('proxy', 143)], [exited('app', 0)]))).toBe(false);
  });
  it('podIsTerminal (contract section 2): a container waiting with a last termination is not terminated', () => {
    expect(defaultPodIsTerminal(podOf(shape, [exited('proxy', 143)], [waiting('app', 'CrashLoopBackOff', 0)], { deletionTimestamp: 1 }))).toBe(false);
    expect(defaultPodIsTerminal(podOf(shape, [waiting('proxy', 'CrashLoopBackOff', 1)], [exited('app', 0)], { deletionTimestamp: 1 }))).toBe(false);
    expect(defaultPodIsTerminal(podOf(shape, [], [exited('app', 0)], { deletionTimestamp: 1 }))).toBe(false);
  });
  it('podHasInitialized: some main container running or terminated', () => {
    expect(defaultPodHasInitialized(podOf(shape, [running('proxy')], [waiting('app', 'PodInitializing')]))).toBe(false);
    expect(defaultPodHasInitialized(podOf(shape, [running('proxy')], [running('app')]))).toBe(true);
    expect(defaultPodHasInitialized(podOf(shape, [], [exited('app', 1)]))).toBe(true);
    expect(defaultPodHasInitialized(podOf(shape, [], [waiting('app', 'CrashLoopBackOff', 1)]))).toBe(false);
  });
  it('sandboxReady: the condition decides; without it, whether anything has run', () => {
    const cond = (status: 'True' | 'False') => ({ conditions: [{ type: 'PodReadyToStartContainers', status }] });
    expect(sandboxReadyFromObject(podOf(shape, [], [running('app')], cond('False')))).toBe(false);
    expect(sandboxReadyFromObject(podOf(shape, [], [waiting('app')], cond('True')))).toBe(true);
    expect(sandboxReadyFromObject(podOf(shape, [], [running('app')]))).toBe(true);
    expect(sandboxReadyFromObject(podOf(shape, [], [waiting('app', 'ContainerCreating')]))).toBe(false);
  });
});
