// "Not Change Container Status" (E73, E74 of kubelet-cases.md; hard behaviour 5.8): a kubelet
// restart must not flip phase, restartCount, started or ready. In the trace a flip shows up as a
// container (re)start, a container.unready, a re-emitted container.started / container.ready (these
// are emitted only when the flag flips), or a Ready/ContainersReady condition going False.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import { conditionAt, expectConsistently, expectThat, fail, phaseAt, restartCount } from './logAssertions';
import type { Trace } from '../trace';

const FLIPS = new Set(['container.start', 'container.unready', 'container.started', 'container.ready']);
/** Upstream watches "about 5s after the kubelet is healthy"; this window covers that generously. */
const WATCH = 15;

function noStatusChange(trace: Trace, at: number, containers: string[]): void {
  expectThat(trace, conditionAt(trace, 'Ready', at - 11)?.status === 'True',
    `precondition: Running with PodReady True at least 11s before the restart (${at - 11}s)`, containers);
  expectConsistently(trace, at, at + WATCH, 'phase Running and restartCount 0', containers,
    (t) => phaseAt(trace, t) === 'Running' && containers.every((c) => restartCount(trace, c, t) === 0));
  const flips = trace.events.filter((e) => e.t >= at && e.t <= at + WATCH && (
    (FLIPS.has(e.type) && 'container' in e && containers.includes(e.container as string))
    || (e.type === 'pod.condition' && (e.condition === 'Ready' || e.condition === 'ContainersReady') && e.status === 'False')));
  if (flips.length > 0) {
    fail(trace, `status changed after the kubelet restart at ${at}s: ${flips.map((e) => `${e.t} ${e.type}`).join('; ')}`, containers);
  }
}

const VARIANTS = [['no-probe', 'no probe'], ['startup', 'startupProbe'], ['readiness', 'readinessProbe'],
  ['startup-readiness', 'startupProbe and readinessProbe']] as const;

describe('Not Change Container Status: a Pod is running', () => {
  for (const [multi, label, names] of [['', '', ['regular-1']], ['multi-', 'multiple containers with ', ['regular-1', 'regular-2', 'regular-3']]] as const) {
    for (const [v, what] of VARIANTS) {
      const title = multi && v === 'no-probe' ? 'multiple containers' : `${label}${what}`;
      it(`E73: should not affect pod status when pod has ${title}`, () => {
        const g = runFixture(`E73-${multi}${v}`);
        noStatusChange(g.trace, g.at('restartKubelet'), [...names]);
      });
    }
  }
});

describe('Not Change Container Status: a Pod is running with a restartable init container', () => {
  for (const [v, what] of VARIANTS) {
    it(`E74: should not affect pod status when restartable init container has ${what}`, () => {
      const g = runFixture(`E74-${v}`);
      noStatusChange(g.trace, g.at('restartKubelet'), ['restartable-init']);
    });
  }
});
