// printPodWithBasis: the branch of printers.go printPod (read at the KEP-753 branch of PR #116429,
// release-1.28 and the 1.31+ tree, PR #122038) that named the STATUS, recorded as the printer takes
// it, so the page explains a row without re-deriving it. [14.1] [14.2] [14.3] [14.4]

import { describe, expect, it } from 'vitest';
import type { PodCondition } from '../api';
import { exited, podOf, running, waiting } from '../apiPod/statusBuilders';
import { printPod, printPodWithBasis } from './printPod';

const cond = (type: string, status: 'True' | 'False'): PodCondition => ({ type, status });
const sidecarPod = { init: ['proxy*'], main: ['app'] };

describe('printPodWithBasis: the printer says which branch named the STATUS', () => {
  it('[14.2] Init:CrashLoopBackOff on an initialized, running pod: a crashed sidecar stops the walk and no main container overrides it', () => {
    const pod = podOf(sidecarPod, [waiting('proxy', 'CrashLoopBackOff', 1, { restartCount: 1, started: false })],
      [running('app', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True')] });
    const { columns, basis } = printPodWithBasis(pod, 100, { minor: 33 });
    expect(columns.status).toBe('Init:CrashLoopBackOff');
    expect(basis).toEqual({ minor: 33, source: 'init', container: 'proxy', sidecar: true, by: 'waiting', initialized: true, restarts: 'sidecarsAndMains' });
  });

  it('[14.1] Init:0/1 while a regular init container runs: the walk stopped there, restarts are the init containers\'', () => {
    const pod = podOf({ init: ['setup'], main: ['app'] }, [running('setup')], [waiting('app', 'PodInitializing')], { phase: 'Pending' });
    expect(printPodWithBasis(pod, 10).basis).toEqual({ minor: 37, source: 'init', container: 'setup', sidecar: false, by: 'position', restarts: 'init' });
  });

  it('[14.3] a main container\'s reason names it; [14.3] up to 1.27 only the mains\' restarts count', () => {
    const pod = podOf({ main: ['a', 'b'] }, [], [waiting('a', 'CrashLoopBackOff', 1), running('b', { ready: true })], { phase: 'Running' });
    expect(printPodWithBasis(pod, 10, { minor: 27 }).basis).toEqual({ minor: 27, source: 'main', container: 'a', restarts: 'mains' });
  });

  it('[14.3] Completed with a ready container still running turns Running (pod Ready) or NotReady', () => {
    const pod = podOf({ main: ['job', 'web'] }, [], [exited('job', 0), running('web', { ready: true })], { phase: 'Running', conditions: [cond('Ready', 'False')] });
    const r = printPodWithBasis(pod, 10);
    expect(r.columns.status).toBe('NotReady');
    expect(r.basis.source).toBe('completedRunning');
  });

  it('[14.3] 1.35+ (printPod after PR #124766): a failed main container\'s reason wins over Completed, whatever the order; up to 1.34 the first listed one named it', () => {
    // The #121563 pod: the first container exited 0, the second 1, restartPolicy Never.
    const pod = podOf({ main: ['reporter', 'worker'] }, [], [exited('reporter', 0), exited('worker', 1)], { phase: 'Failed' });
    expect(printPod(pod, 10, { minor: 34 }).status).toBe('Completed');
    const r = printPodWithBasis(pod, 10, { minor: 35 });
    expect(r.columns.status).toBe('Error');
    expect(r.basis).toEqual({ minor: 35, source: 'completedError', container: 'worker', restarts: 'sidecarsAndMains' });
    // Two failures: the first listed one's reason (the walk goes from last to first).
    const two = podOf({ main: ['a', 'b', 'c'] }, [], [exited('a', 0), exited('b', 137, { reason: 'OOMKilled' }), exited('c', 2)], { phase: 'Failed' });
    expect(printPod(two, 10, { minor: 35 }).status).toBe('OOMKilled');
    // A ready running container in a Ready pod still makes it Running; not Ready: the error, not NotReady.
    const running1 = podOf({ main: ['a', 'b', 'web'] }, [], [exited('a', 0), exited('b', 1), running('web', { ready: true })], { phase: 'Running', conditions: [cond('Ready', 'True')] });
    expect(printPod(running1, 10, { minor: 35 }).status).toBe('Running');
    const notReady = podOf({ main: ['a', 'b', 'web'] }, [], [exited('a', 0), exited('b', 1), running('web', { ready: true })], { phase: 'Running', conditions: [cond('Ready', 'False')] });
    expect(printPod(notReady, 10, { minor: 35 }).status).toBe('Error');
    expect(printPod(notReady, 10, { minor: 34 }).status).toBe('NotReady');
  });

  it('[14.1] the phase names a running pod', () => {
    const pod = podOf(sidecarPod, [running('proxy', { started: true, ready: true })], [running('app', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True')] });
    expect(printPodWithBasis(pod, 10).basis).toEqual({ minor: 37, source: 'phase', restarts: 'sidecarsAndMains' });
  });

  it.each([[30, 'terminating', 'Terminating'], [31, 'terminalKept', 'Completed']] as const)(
    '[14.4] a deleted Succeeded pod on 1.%d: %s, with the STATUS it had beneath', (minor, source, status) => {
      const pod = podOf({ restartPolicy: 'Never', main: ['a'] }, [], [exited('a', 0)], { phase: 'Succeeded', deletionTimestamp: 5 });
      const r = printPodWithBasis(pod, 10, { minor });
      expect(r.columns.status).toBe(status);
      expect(r.basis).toMatchObject({ source, beneath: 'Completed' });
    });

  it('printPod returns the same columns as printPodWithBasis', () => {
    const pod = podOf(sidecarPod, [exited('proxy', 1)], [running('app', { ready: true })], { phase: 'Running', conditions: [cond('Initialized', 'True')] });
    expect(printPod(pod, 10)).toEqual(printPodWithBasis(pod, 10).columns);
  });
});
