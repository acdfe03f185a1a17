import { describe, expect, it } from 'vitest';
import { podOf, running, waiting } from '../apiPod/statusBuilders';
import { printPod, printPodWithBasis } from './printPod';

describe('printPod reads each init container list once (printers.go printPod, 1.28+) [14.2] [14.3]', () => {
  it('prints the same row again from the same spec, and sees a sidecar added to that list', () => {
    const pod = podOf({ init: ['proxy*'], main: ['app'] }, [running('proxy', { started: true, ready: true })], [running('app', { ready: true })], { phase: 'Running' });
    expect(printPod(pod, 10).ready).toBe('2/2');
    expect(printPod(pod, 10).ready).toBe('2/2');
    const more = podOf({ init: ['proxy*', 'mesh*'], main: ['app'] }, [running('proxy', { started: true, ready: true }), running('mesh', { started: true, ready: true })], [running('app', { ready: true })], { phase: 'Running' });
    pod.spec.initContainers.push(more.spec.initContainers[1]!);
    pod.status.initContainerStatuses.push(more.status.initContainerStatuses[1]!);
    expect(printPod(pod, 10).ready).toBe('3/3');
  });

  it('names the STATUS after the first main container with a reason, in the basis too', () => {
    const pod = podOf({ init: [], main: ['a', 'b', 'c'] }, [], [running('a', { ready: true }), waiting('b', 'CrashLoopBackOff'), waiting('c', 'ErrImagePull')], { phase: 'Running' });
    const { columns, basis } = printPodWithBasis(pod, 10);
    expect(columns.status).toBe('CrashLoopBackOff');
    expect(JSON.stringify(basis)).toBe('{"minor":37,"source":"main","restarts":"sidecarsAndMains","container":"b"}');
  });
});
