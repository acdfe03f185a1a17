import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api';
import { done, exited, podOf, running, waiting } from '../apiPod/statusBuilders';
import { printPodWithBasis } from '../kubectl/printPod';
import { sameRowView } from './rowView';

const SHAPE = { init: ['i1', 'proxy*'], main: ['app', 'worker'] };

const statusArb = (name: string): fc.Arbitrary<ContainerStatus> => fc.oneof(
  fc.record({ started: fc.boolean(), ready: fc.boolean(), restartCount: fc.nat(3), lastExit: fc.constantFrom(undefined, 1) })
    .map((x) => running(name, { ...x, lastFinishedAt: 5 })),
  fc.constantFrom(0, 1, 137).map((code) => exited(name, code)),
  fc.constant(done(name)),
  fc.constantFrom('CrashLoopBackOff', 'PodInitializing', undefined).map((reason) => waiting(name, reason, 1)),
);

/** The same status with only what the compared columns never read changed: image, times, the last termination's time. */
function unseenChange(s: ContainerStatus, n: number): ContainerStatus {
  const lastState = s.lastState.terminated ? { terminated: { ...s.lastState.terminated, finishedAt: 10 + n } } : s.lastState;
  const state = s.state.running ? { running: { startedAt: n } } : s.state;
  return { ...s, image: `img:${n}`, state, lastState };
}

const columns = (init: ContainerStatus[], main: ContainerStatus[], minor: number) => {
  const { ready, status, restarts } = printPodWithBasis(podOf(SHAPE, init, main), 100, { minor }).columns;
  return { ready, status, restarts: restarts.split(' ')[0] };
};

describe('sameRowView: what printers.go printPod reads for READY, STATUS and the RESTARTS count, rules [14.1]-[14.3]', () => {
  it('[14.1] lists equal in the row view print the same compared columns, in every version 1.27-1.36', () => {
    fc.assert(fc.property(statusArb('i1'), statusArb('proxy'), statusArb('app'), statusArb('worker'), fc.nat(5), fc.integer({ min: 27, max: 36 }), (i1, proxy, app, worker, n, minor) => {
      const after = { init: [i1, unseenChange(proxy, n)], main: [unseenChange(app, n), worker] };
      expect(sameRowView([i1, proxy], after.init) && sameRowView([app, worker], after.main)).toBe(true);
      expect(columns(after.init, after.main, minor)).toEqual(columns([i1, proxy], [app, worker], minor));
    }));
  });

  it('[14.3] ready, started, the restart count, the waiting reason and a termination are seen', () => {
    expect(sameRowView([running('app', { ready: false })], [running('app', { ready: true })])).toBe(false);
    expect(sameRowView([running('proxy', { started: false })], [running('proxy', { started: true })])).toBe(false);
    expect(sameRowView([running('app')], [running('app', { restartCount: 1 })])).toBe(false);
    expect(sameRowView([waiting('app', 'ErrImagePull')], [waiting('app', 'ImagePullBackOff')])).toBe(false);
    expect(sameRowView([exited('app', 1)], [exited('app', 1, { signal: 9 })])).toBe(false);
    expect(sameRowView([exited('app', 1)], [exited('app', 2)])).toBe(false);
  });
});
