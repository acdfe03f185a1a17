// newTerminationOrdering / waitForTurn / containerTerminated (upstream
// pkg/kubelet/kuberuntime/kuberuntime_termination_order.go, 1.29+) [8.4].
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../testing/build';
import { TerminationOrdering } from './terminationOrder';

const pod = buildScenario({
  init: [{ name: 'setup', kind: 'init' }, { name: 's1', kind: 'sidecar' }, { name: 's2', kind: 'sidecar' }, { name: 's3', kind: 'sidecar' }],
  main: [{ name: 'a' }, { name: 'b' }],
}).pod;

describe('TerminationOrdering (kuberuntime_termination_order.go)', () => {
  it('newTerminationOrdering: a sidecar waits for every main container and the next later sidecar; others go at once', () => {
    const o = new TerminationOrdering(pod, () => true);
    expect(o.waitsForTurn('a')).toBe(false);
    expect(o.waitsForTurn('setup')).toBe(false);
    const s2 = o.turn('s2');
    o.containerTerminated('a');
    expect(s2()).toBe(false);
    o.containerTerminated('b');
    expect(s2()).toBe(false);
    expect(o.blocker('s2')).toBe('s3');
    o.containerTerminated('s3');
    expect(s2()).toBe(true);
  });

  it('waitForTurn chains on the next later sidecar only, not on every later one', () => {
    const o = new TerminationOrdering(pod, () => true);
    const s1 = o.turn('s1');
    for (const name of ['a', 'b', 's2']) o.containerTerminated(name);
    expect(s1()).toBe(true); // s3 still open, but s1 waits on s2 alone
  });

  it('containers not running when the pod is killed are closed from the start (#125935)', () => {
    const o = new TerminationOrdering(pod, (name) => name !== 's3' && name !== 'b');
    const s2 = o.turn('s2');
    expect(s2()).toBe(false);
    o.containerTerminated('a');
    expect(s2()).toBe(true);
  });
});
