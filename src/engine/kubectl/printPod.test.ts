import { describe, expect, it } from 'vitest';
import type { ApiPod, PodCondition } from '../api';
import { done, exited, podOf, running, waiting, type PodShape } from '../apiPod/statusBuilders';
import { printPod } from './printPod';

const cond = (type: string, status: 'True' | 'False', reason?: string): PodCondition => ({ type, status, ...(reason ? { reason } : {}) });
const three: PodShape = { init: ['init-myservice', 'init-mydb', 'istio-proxy*'], main: ['myapp'] };

const rows: [string, ApiPod, string, string][] = [
  ['Init:0/3 while the first init runs',
    podOf(three, [running('init-myservice'), waiting('init-mydb', 'PodInitializing'), waiting('istio-proxy', 'PodInitializing')],
      [waiting('myapp', 'PodInitializing')], { phase: 'Pending' }), '0/2', 'Init:0/3'],
  ['Init:2/3 while the sidecar is not started yet (index counts sidecars)',
    podOf(three, [done('init-myservice'), done('init-mydb'), running('istio-proxy', { started: false })],
      [waiting('myapp', 'PodInitializing')], { phase: 'Pending' }), '0/2', 'Init:2/3'],
  ['Init:1/3 counts a started sidecar as done',
    podOf({ init: ['proxy*', 'i1', 'i2'], main: ['app'] }, [running('proxy', { started: true, ready: true }), running('i1'), waiting('i2', 'PodInitializing')],
      [waiting('app', 'PodInitializing')], { phase: 'Pending' }), '1/2', 'Init:1/3'],
  ['PodInitializing once init is done but the main container waits',
    podOf(three, [done('init-myservice'), done('init-mydb'), running('istio-proxy', { started: true, ready: true })],
      [waiting('myapp', 'PodInitializing')], { phase: 'Pending' }), '1/2', 'PodInitializing'],
  ['Init:CrashLoopBackOff',
    podOf(three, [waiting('init-myservice', 'CrashLoopBackOff', 1, { restartCount: 3 }), waiting('init-mydb', 'PodInitializing'), waiting('istio-proxy', 'PodInitializing')],
      [waiting('myapp', 'PodInitializing')], { phase: 'Pending' }), '0/2', 'Init:CrashLoopBackOff'],
  ['Init:Error',
    podOf(three, [exited('init-myservice', 1)], [waiting('myapp', 'PodInitializing')], { phase: 'Pending' }), '0/2', 'Init:Error'],
  ['Init:ExitCode:1 when the terminated state has no reason',
    podOf(three, [exited('init-myservice', 1, { noReason: true })], [waiting('myapp', 'PodInitializing')]), '0/2', 'Init:ExitCode:1'],
  ['Init:Signal:9 when there is a signal but no reason',
    podOf(three, [exited('init-myservice', 137, { noReason: true, signal: 9 })], [waiting('myapp', 'PodInitializing')]), '0/2', 'Init:Signal:9'],
  ['Init:ImagePullBackOff',
    podOf(three, [waiting('init-myservice', 'ImagePullBackOff')], [waiting('myapp', 'PodInitializing')]), '0/2', 'Init:ImagePullBackOff'],
  ['Running with a ready sidecar',
    podOf(three, [done('init-myservice'), done('init-mydb'), running('istio-proxy', { started: true, ready: true })],
      [running('myapp', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True'), cond('Ready', 'True')] }), '2/2', 'Running'],
  ['READY counts a started sidecar only when it is also ready',
    podOf(three, [done('init-myservice'), done('init-mydb'), running('istio-proxy', { started: true, ready: false })],
      [running('myapp', { ready: true })], { phase: 'Running' }), '1/2', 'Running'],
  ['a running but unstarted sidecar is not READY',
    podOf({ init: ['proxy*'], main: ['app'] }, [running('proxy', { started: false, ready: true })], [waiting('app', 'PodInitializing')], { phase: 'Pending' }),
    '0/2', 'Init:0/1'],
  ['NotReady: a main Completed while another still runs, pod not Ready',
    podOf({ main: ['a', 'b'] }, [], [exited('a', 0), running('b', { ready: true })], { phase: 'Running', conditions: [cond('Ready', 'False')] }), '1/2', 'NotReady'],
  ['Running: a main Completed while another runs and the pod is Ready',
    podOf({ main: ['a', 'b'] }, [], [exited('a', 0), running('b', { ready: true })], { phase: 'Running', conditions: [cond('Ready', 'True')] }), '1/2', 'Running'],
  ['Completed', podOf({ restartPolicy: 'Never', main: ['a'] }, [], [exited('a', 0)], { phase: 'Succeeded' }), '0/1', 'Completed'],
  ['Completed with a sidecar that ended 143 (E63)',
    podOf({ restartPolicy: 'Never', init: ['proxy*'], main: ['a'] }, [exited('proxy', 143)], [exited('a', 0)],
      { phase: 'Succeeded', conditions: [cond('Initialized', 'True', 'PodCompleted')] }), '0/2', 'Completed'],
  ['without Initialized=True, a sidecar that ended 143 shows Init:Error',
    podOf({ restartPolicy: 'Never', init: ['proxy*'], main: ['a'] }, [exited('proxy', 143)], [exited('a', 0)], { phase: 'Succeeded' }), '0/2', 'Init:Error'],
  ['Error', podOf({ restartPolicy: 'Never', main: ['a'] }, [], [exited('a', 1)], { phase: 'Failed' }), '0/1', 'Error'],
  ['ExitCode:3 without a reason', podOf({ main: ['a'] }, [], [exited('a', 3, { noReason: true })], { phase: 'Running' }), '0/1', 'ExitCode:3'],
  ['CrashLoopBackOff', podOf({ main: ['a'] }, [], [waiting('a', 'CrashLoopBackOff', 1, { restartCount: 2 })], { phase: 'Running' }), '0/1', 'CrashLoopBackOff'],
  ['the earliest main container wins',
    podOf({ main: ['a', 'b'] }, [], [waiting('a', 'ImagePullBackOff'), waiting('b', 'CrashLoopBackOff', 1)], { phase: 'Pending' }), '0/2', 'ImagePullBackOff'],
  ['quirk: a crash-looping sidecar shows Init:CrashLoopBackOff even after init',
    podOf({ init: ['proxy*'], main: ['a'] }, [waiting('proxy', 'CrashLoopBackOff', 1, { restartCount: 1 })], [running('a', { ready: true })],
      { phase: 'Running', conditions: [cond('Initialized', 'True')] }), '1/2', 'Init:CrashLoopBackOff'],
  ['Terminating', podOf({ main: ['a'] }, [], [running('a', { ready: true })], { phase: 'Running', deletionTimestamp: 100 }), '1/1', 'Terminating'],
  ['a terminal deleted pod keeps its status',
    podOf({ restartPolicy: 'Never', main: ['a'] }, [], [exited('a', 0)], { phase: 'Succeeded', deletionTimestamp: 100 }), '0/1', 'Completed'],
  ['NodeLost → Unknown', podOf({ main: ['a'] }, [], [running('a')], { phase: 'Running', reason: 'NodeLost', deletionTimestamp: 100 }), '0/1', 'Unknown'],
  ['status.reason wins over the phase (Evicted)', podOf({ main: ['a'] }, [], [exited('a', 137, { reason: 'ContainerStatusUnknown' })],
    { phase: 'Failed', reason: 'Evicted' }), '0/1', 'ContainerStatusUnknown'],
  ['Evicted with no container statuses', podOf({ main: ['a'] }, [], [], { phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
  ['SchedulingGated', podOf({ main: ['a'] }, [], [], { phase: 'Pending', conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }),
    '0/1', 'SchedulingGated'],
];

describe('printPod STATUS and READY', () => {
  it.each(rows)('%s', (_name, pod, ready, status) => {
    const out = printPod(pod, 1000);
    expect(out.status).toBe(status);
    expect(out.ready).toBe(ready);
  });
});

describe('printPod READY counts past the texts it keeps made (64 containers)', () => {
  it('prints 70/70 and 0/70 like 1/1', () => {
    const names = Array.from({ length: 70 }, (_, i) => `c${i}`);
    const all = podOf({ main: names }, [], names.map((n) => running(n, { ready: true })), { phase: 'Running' });
    expect(printPod(all, 1000).ready).toBe('70/70');
    const none = podOf({ main: names }, [], names.map((n) => running(n)), { phase: 'Running' });
    expect(printPod(none, 1000).ready).toBe('0/70');
    expect(printPod(podOf({ main: ['a'] }, [], [running('a', { ready: true })], { phase: 'Running' }), 1000).ready).toBe('1/1');
  });
});

describe('printPod RESTARTS', () => {
  it('N (AGE ago) from the newest lastState finish', () => {
    const pod = podOf({ main: ['a', 'b'] }, [], [
      running('a', { restartCount: 2, lastExit: 1, lastFinishedAt: 900 }),
      running('b', { restartCount: 1, lastExit: 1, lastFinishedAt: 990 }),
    ], { phase: 'Running' });
    expect(printPod(pod, 1000).restarts).toBe('3 (10s ago)');
    expect(printPod(pod, 990 + 123).restarts).toBe('3 (2m3s ago)');
  });
  it('just N when no finish time is known, and 0 without restarts', () => {
    expect(printPod(podOf({ main: ['a'] }, [], [running('a', { restartCount: 4 })]), 0).restarts).toBe('4');
    expect(printPod(podOf({ main: ['a'] }, [], [running('a')]), 0).restarts).toBe('0');
  });
  it('counts regular init restarts while initializing', () => {
    const pod = podOf(three, [waiting('init-myservice', 'CrashLoopBackOff', 1, { restartCount: 3, lastFinishedAt: 995 })],
      [waiting('myapp', 'PodInitializing')], { phase: 'Pending' });
    expect(printPod(pod, 1000)).toEqual({ ready: '0/2', status: 'Init:CrashLoopBackOff', restarts: '3 (5s ago)' });
  });
  it('V-12/W-3: drops regular init restarts once initialized, keeps sidecar restarts', () => {
    const pod = podOf(three, [
      done('init-myservice', { restartCount: 3, lastExit: 1, lastFinishedAt: 999 }),
      done('init-mydb'),
      running('istio-proxy', { started: true, ready: true, restartCount: 2, lastExit: 137, lastFinishedAt: 940 }),
    ], [running('myapp', { ready: true, restartCount: 1, lastExit: 1, lastFinishedAt: 700 })], { phase: 'Running' });
    expect(printPod(pod, 1000).restarts).toBe('3 (60s ago)');
  });
  it('Initialized=True walks the mains even when the init walk stopped (STATUS keeps Init:i/n)', () => {
    const pod = podOf(three, [done('init-myservice', { restartCount: 5, lastExit: 1, lastFinishedAt: 10 }), running('init-mydb')],
      [running('myapp', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True')] });
    expect(printPod(pod, 1000)).toEqual({ ready: '1/2', status: 'Init:1/3', restarts: '0' });
  });
});

describe('printPod follows the API server version (printers.go history 1.27-1.36) [14.1]', () => {
  const deletedTerminal = (phase: 'Succeeded' | 'Failed', code: number) =>
    podOf({ restartPolicy: 'Never', main: ['a'] }, [], [exited('a', code)], { phase, deletionTimestamp: 100 });

  it.each([27, 28, 29, 30])('[14.4] before 1.31 a deleted pod prints Terminating even in a terminal phase (1.%d)', (minor) => {
    expect(printPod(deletedTerminal('Succeeded', 0), 1000, { minor }).status).toBe('Terminating');
    expect(printPod(deletedTerminal('Failed', 1), 1000, { minor }).status).toBe('Terminating');
  });

  it.each([31, 33, 36])('[14.4] from 1.31 (PR #122038) a deleted terminal pod keeps Completed / Error (1.%d)', (minor) => {
    expect(printPod(deletedTerminal('Succeeded', 0), 1000, { minor }).status).toBe('Completed');
    expect(printPod(deletedTerminal('Failed', 1), 1000, { minor }).status).toBe('Error');
  });

  it('[14.4] a deleted pod that is not terminal prints Terminating in every version', () => {
    const pod = podOf({ main: ['a'] }, [], [running('a', { ready: true })], { phase: 'Running', deletionTimestamp: 100 });
    for (const minor of [27, 30, 31, 36]) expect(printPod(pod, 1000, { minor }).status).toBe('Terminating');
  });

  it('[14.1] 1.27 knows no sidecars: restartPolicy Always on an init container changes nothing in the row', () => {
    const pod = podOf({ init: ['proxy*'], main: ['app'] }, [running('proxy', { started: true, ready: true })],
      [running('app', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True')] });
    expect(printPod(pod, 1000, { minor: 27 })).toEqual({ ready: '0/1', status: 'Init:0/1', restarts: '0' });
    expect(printPod(pod, 1000, { minor: 28 })).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('[14.3] up to 1.27 the RESTARTS age may come from an init container that finished later', () => {
    const pod = podOf({ init: ['i1'], main: ['app'] }, [done('i1', { restartCount: 2, lastExit: 1, lastFinishedAt: 990 })],
      [running('app', { ready: true, restartCount: 1, lastExit: 1, lastFinishedAt: 700 })], { phase: 'Running' });
    expect(printPod(pod, 1000, { minor: 27 }).restarts).toBe('1 (10s ago)');
    expect(printPod(pod, 1000, { minor: 28 }).restarts).toBe('1 (5m ago)');
  });
});
