// Upstream node e2e (test/e2e_node/container_lifecycle_test.go) §1.2 and §1.4 of kubelet-cases.md:
// init containers run serially before the main containers; sidecars start in spec order.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import {
  expectEventually, expectThat, finalPhase, logOf, phaseReachedAt, restartCount, waitingReasons,
} from './logAssertions';
import type { Trace } from '../trace';

const TERMINAL = ['Succeeded', 'Failed'] as const;

function stopsRunningWithin(trace: Trace, seconds: number, names: string[]): number {
  const t = phaseReachedAt(trace, [...TERMINAL]);
  expectThat(trace, t !== undefined && t <= seconds, `pod stops running within ${seconds}s (terminal phase at ${t})`, names);
  return t!;
}

function serialInits(trace: Trace, chain: string[]): void {
  const l = logOf(trace);
  for (let i = 0; i + 1 < chain.length; i++) {
    l.startsBefore(chain[i]!, chain[i + 1]!);
    l.exitsBefore(chain[i]!, chain[i + 1]!);
  }
}

describe('init containers and regular containers (restartPolicy=Never and Always)', () => {
  it('E06: should launch init container serially before a regular container', () => {
    const { trace } = runFixture('E06');
    stopsRunningWithin(trace, 60, ['regular-1']);
    serialInits(trace, ['init-1', 'init-2', 'init-3', 'regular-1']);
  });

  it('E07: should not launch regular containers if an init container fails', () => {
    const { trace } = runFixture('E07');
    const t = phaseReachedAt(trace, ['Failed']);
    expectThat(trace, t !== undefined && t <= 60, `phase Failed within 1 min (at ${t})`, ['init-1']);
    const l = logOf(trace);
    l.starts('init-1');
    l.exits('init-1');
    l.doesntStart('regular-1');
  });

  it('E09: should restart failing container when pod restartPolicy is Always', () => {
    const { trace } = runFixture('E09');
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 3', ['regular-1'], (t) => restartCount(trace, 'regular-1', t) >= 3);
    const l = logOf(trace);
    l.startsBefore('regular-1', 'regular-1');
    l.exitsBefore('regular-1', 'regular-1');
  });

  // Upstream quirk: named "should mark a Pod as failed", but only the waiting reason is checked.
  it('E11: an init container fails to start because of a bad image (ImagePullBackOff; nothing starts)', () => {
    const { trace } = runFixture('E11');
    expectThat(trace, waitingReasons(trace, 'init1-1').includes('ImagePullBackOff'),
      'initContainerStatuses[0] reaches waiting reason ImagePullBackOff', ['init1-1']);
    const l = logOf(trace);
    l.doesntStart('init1-1');
    l.doesntStart('regular-1');
  });

  it("E12: shouldn't restart init containers upon regular container restart", () => {
    const { trace } = runFixture('E12');
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 3', ['regular-1'], (t) => restartCount(trace, 'regular-1', t) >= 3);
    serialInits(trace, ['init-1', 'init-2', 'init-3', 'regular-1']);
    const l = logOf(trace);
    for (const c of ['init-1', 'init-2', 'init-3']) l.notRestarted(c);
    l.restarted('regular-1');
  });
});

describe('three init containers and two restartable init containers (restartPolicy=Never)', () => {
  const r1 = 'restartable-init-1';
  const r2 = 'restartable-init-2';

  it('E27: should finish and produce log (Succeeded within 5 min)', () => {
    const { trace } = runFixture('E27');
    stopsRunningWithin(trace, 300, ['regular-1', r1, r2]);
    expectThat(trace, finalPhase(trace) === 'Succeeded', `ends Succeeded (got ${finalPhase(trace)})`, ['regular-1', r1, r2]);
  });

  it('E27: should run the first init container to completion before starting first restartable init container', () => {
    const l = logOf(runFixture('E27').trace);
    l.startsBefore('init-1', r1);
    l.exitsBefore('init-1', r1);
  });

  it('E27: should run first init container and first restartable init container together', () => {
    logOf(runFixture('E27').trace).runTogetherLhsFirst(r1, 'init-2');
  });

  it('E27: should run second init container to completion before starting second restartable init container', () => {
    const l = logOf(runFixture('E27').trace);
    l.startsBefore('init-2', r2);
    l.exitsBefore('init-2', r2);
  });

  it('E27: should start second restartable init container before third init container', () => {
    logOf(runFixture('E27').trace).startsBefore(r2, 'init-3');
  });

  it('E27: should run both restartable init containers and third init container together', () => {
    const l = logOf(runFixture('E27').trace);
    l.runTogether(r1, r2);
    l.runTogether(r1, 'init-3');
    l.runTogether(r2, 'init-3');
  });

  it('E27: should run third init container to completion before starting regular container', () => {
    const l = logOf(runFixture('E27').trace);
    l.startsBefore('init-3', 'regular-1');
    l.exitsBefore('init-3', 'regular-1');
  });

  it('E27: should run both restartable init containers and a regular container together', () => {
    const l = logOf(runFixture('E27').trace);
    l.runTogether(r1, 'regular-1');
    l.runTogether(r2, 'regular-1');
  });
});
