// Node reboot (recreateSandbox) and kubelet restart (restartKubelet): E22–E26, E70–E72 of
// kubelet-cases.md; hard behaviour 5.8. E24/E26 delete the exited init containers' runtime records
// while the kubelet is down (restartKubelet with removeExitedContainers: true).
import { describe, it } from 'vitest';
import { NEW_IMAGE, runFixture } from './harness';
import {
  eventsOf, expectConsistently, expectEventually, expectThat, imageAt, isRunning, justBefore, logOf, phaseAt, restartCount,
  times,
} from './logAssertions';
import type { Trace } from '../trace';

function runningAt(trace: Trace, t: number, names: string[]): void {
  const b = justBefore(t);
  expectThat(trace, phaseAt(trace, b) === 'Running', `precondition: phase Running at ${t}s (got ${phaseAt(trace, b)})`, names);
}

/** `Started` order of the first run, then of the run after `after` (the sandbox loss). */
function startedInOrderTwice(trace: Trace, order: string[], after: number): void {
  const first = order.map((c) => times(trace, 'container.up', c)[0] ?? NaN);
  expectThat(trace, first.every((t, i) => Number.isFinite(t) && (i === 0 || t > first[i - 1]!)),
    `first run: ${order.join(' < ')} (Started at ${first.join(', ')})`, order);
  let prev = after;
  const second: number[] = [];
  for (const c of order) {
    const t = times(trace, 'container.up', c).find((x) => x > prev);
    second.push(t ?? NaN);
    if (t === undefined) break;
    prev = t;
  }
  expectThat(trace, second.length === order.length && second.every(Number.isFinite),
    `second run after ${after}s: ${order.join(' < ')} (Started at ${second.join(', ')})`, order);
}

describe('a node reboots (regular init containers)', () => {
  it('E22: should restart the containers in right order after the node reboot', () => {
    const g = runFixture('E22');
    const { trace } = g;
    const at = g.at('recreateSandbox');
    const order = ['init-1', 'init-2', 'init-3', 'regular-1'];
    runningAt(trace, at, order);
    expectEventually(trace, at, trace.end, 'containerStatuses[0].restartCount >= 2 and phase Running', order,
      (t) => restartCount(trace, 'regular-1', t) >= 2 && phaseAt(trace, t) === 'Running');
    startedInOrderTwice(trace, order, at);
  });
});

describe('the kubelet restarts (regular init containers)', () => {
  for (const id of ['E23', 'E24']) {
    it(`${id}: should not restart any completed init container after the kubelet restart${id === 'E24' ? ' (even with the completed init container records removed)' : ''}`, () => {
      const g = runFixture(id);
      const { trace } = g;
      const at = g.at('restartKubelet');
      const inits = ['init-1', 'init-2', 'init-3'];
      runningAt(trace, at, [...inits, 'regular-1']);
      expectConsistently(trace, at, at + 60, 'every init container keeps restartCount 0', inits,
        (t) => inits.every((c) => restartCount(trace, c, t) === 0));
      const l = logOf(trace);
      for (const [a, b] of [['init-1', 'init-2'], ['init-2', 'init-3']] as const) {
        l.startsBefore(a, b);
        l.exitsBefore(a, b);
      }
      l.startsBefore('init-3', 'regular-1'); // regular-1 runs 300s: it has no Exiting line to order

      if (id === 'E24') {
        expectThat(trace, isRunning(trace, 'regular-1', at + 60), 'containerStatuses[0] still running', ['regular-1']);
      }
    });
  }

  for (const id of ['E25', 'E26']) {
    it(`${id}: should not restart any completed init container after the kubelet restart while the long-running init container runs${id === 'E26' ? ' (even with the completed init container records removed)' : ''}`, () => {
      const g = runFixture(id);
      const { trace } = g;
      const at = g.at('restartKubelet');
      const L = 'long-running-init-3';
      const up = eventsOf(trace, 'container.up', L).some((e) => e.t < at);
      expectThat(trace, isRunning(trace, L, justBefore(at)) && up, `precondition: ${L} running and started at ${at}s`, [L]);
      expectConsistently(trace, at, at + 60, 'init-1 and init-2 keep restartCount 0', ['init-1', 'init-2'],
        (t) => restartCount(trace, 'init-1', t) === 0 && restartCount(trace, 'init-2', t) === 0);
      const l = logOf(trace);
      l.startsBefore('init-1', 'init-2');
      l.exitsBefore('init-1', 'init-2');
    });
  }
});

describe('a node running restartable init containers reboots', () => {
  const order = ['init-1', 'restartable-init-2', 'init-3', 'regular-1'];

  it('E70: should restart the containers in right order after the node reboot', () => {
    const g = runFixture('E70');
    const { trace } = g;
    const at = g.at('recreateSandbox');
    runningAt(trace, at, order);
    // When initContainerStatuses[0].restartCount is first seen >= 1, the phase must be Pending: the
    // status written once init-1 runs again shows Pending, and it stays Pending while re-initializing.
    const restart = times(trace, 'container.start', 'init-1').find((t) => t > at);
    expectThat(trace, restart !== undefined, 'init-1 is re-run after the reboot', order);
    const nextPhase = eventsOf(trace, 'pod.phase').find((e) => e.t > restart!)?.phase;
    expectThat(trace, phaseAt(trace, restart!) === 'Pending' || nextPhase === 'Pending',
      `phase Pending when init-1's restartCount is first >= 1 (phase ${phaseAt(trace, restart!)}, next ${nextPhase})`, order);
    expectEventually(trace, restart!, trace.end, 'then regular-1 becomes running', ['regular-1'],
      (t) => isRunning(trace, 'regular-1', t) && times(trace, 'container.start', 'regular-1').some((x) => x > restart! && x <= t));
    startedInOrderTwice(trace, order, at);
  });

  it('E71: should handle an update during the node reboot', () => {
    const g = runFixture('E71');
    const { trace } = g;
    const R = 'restartable-init-2';
    runningAt(trace, g.at('recreateSandbox'), order);
    const at = g.at('setImage', R);
    expectEventually(trace, at, trace.end, 'containerStatuses[0].restartCount >= 1 and phase Running', order,
      (t) => restartCount(trace, 'regular-1', t) >= 1 && phaseAt(trace, t) === 'Running');
    expectEventually(trace, at, trace.end, `${R} restartCount > 0 with the new image`, [R],
      (t) => restartCount(trace, R, t) > 0 && imageAt(trace, R, t) === NEW_IMAGE);
  });

  it('E72: should handle an update during the kubelet restart', () => {
    const g = runFixture('E72');
    const { trace } = g;
    const R = 'restartable-init-2';
    runningAt(trace, g.at('restartKubelet'), order);
    const at = g.at('setImage', R);
    expectEventually(trace, at, trace.end,
      `phase Running, containerStatuses[0].restartCount 0, ${R} restartCount > 0 with the new image`, [R, 'regular-1'],
      (t) => phaseAt(trace, t) === 'Running' && restartCount(trace, 'regular-1', t) === 0
        && restartCount(trace, R, t) > 0 && imageAt(trace, R, t) === NEW_IMAGE);
  });
});
