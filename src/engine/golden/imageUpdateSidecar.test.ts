// Sidecar image updates (E28–E30, E32, E39, E46, E53 image part, E56 of kubelet-cases.md; hard
// behaviour 5.7): a sidecar is killed and recreated for a new image whatever the pod policy, also
// while a later regular init container runs (which is not restarted).
import { describe, it } from 'vitest';
import { NEW_IMAGE, runFixture } from './harness';
import {
  expectEventually, expectThat, finalPhase, imageAt, isRunning, justBefore, logOf, phaseAt, phaseReachedAt, restartCount,
} from './logAssertions';
import type { Trace } from '../trace';

const POLICIES = [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const;
const R1 = 'restartable-init-1';
const R2 = 'restartable-init-2';

const runningNew = (trace: Trace, c: string, t: number) => isRunning(trace, c, t) && imageAt(trace, c, t) === NEW_IMAGE;

describe('initializing an init container after a restartable init container', () => {
  for (const [id, policy] of [['E28', 'Always'], ['E29', 'OnFailure'], ['E30', 'Never']] as const) {
    it(`${id}: Should begin initializing the pod, restartPolicy=${policy}`, () => {
      const g = runFixture(id);
      const { trace } = g;
      const at = g.at('setImage', R1);
      expectThat(trace, phaseAt(trace, justBefore(at)) === 'Pending' && isRunning(trace, 'init-2', justBefore(at)),
        `precondition: init-2 running and started, phase Pending, at ${at}s`, ['init-2', R1]);
      const failAt = policy === 'Never' ? phaseReachedAt(trace, ['Failed']) ?? trace.end : at + 60;
      expectEventually(trace, at, Math.min(at + 60, failAt), `${R1} running again with restartCount > 0 and the new image`, [R1],
        (t) => runningNew(trace, R1, t) && restartCount(trace, R1, t) > 0);
      const l = logOf(trace);
      l.startsBefore('init-1', R1);
      l.startsBefore(R1, 'init-2');
      for (const c of ['init-1', R1, 'init-2']) l.starts(c);
      l.doesntStart(R2);
      l.doesntStart('regular-1');
      l.notRestarted('init-1');
      l.notRestarted('init-2');
      l.restarted(R1);
      if (policy === 'Never') {
        expectThat(trace, finalPhase(trace) === 'Failed', `when init-2 fails the pod is Failed (got ${finalPhase(trace)})`, ['init-2']);
        l.exits('init-2');
        l.exits(R1);
        l.exits('init-1');
        l.exitsBefore('init-2', R1);
      }
    });
  }
});

describe('a restartable init container runs continuously: should restart when updated with a new image', () => {
  for (const [id, policy] of [['E32', 'Never'], ['E39', 'OnFailure'], ['E46', 'Always']] as const) {
    it(`${id} (restartPolicy=${policy}): should restart when updated with a new image`, () => {
      const g = runFixture(id);
      const { trace } = g;
      const at = g.at('setImage', R1);
      expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, [R1, 'regular-1']);
      const t = expectEventually(trace, at, at + 120, `initContainerStatuses[0] running with the new image`, [R1],
        (x) => runningNew(trace, R1, x));
      const l = logOf(trace);
      if (policy === 'Always') {
        expectEventually(trace, 0, trace.end, 'containerStatuses[0].restartCount >= 2', ['regular-1'],
          (x) => restartCount(trace, 'regular-1', x) >= 2);
      } else {
        l.notRestarted('regular-1');
      }
      if (policy === 'OnFailure') {
        const done = phaseReachedAt(trace, ['Succeeded']);
        expectThat(trace, done !== undefined && done >= t, `then the pod reaches Succeeded (at ${done})`, [R1, 'regular-1']);
      }
      l.restarted(R1);
      l.notRestarted(R2);
    });
  }
});

describe("a restartable init container's image is updated after a probe failure", () => {
  for (const [v, policy] of POLICIES) {
    it(`E53 (restartPolicy=${policy}): should update the image after the restartable init container's startup probe fails`, () => {
      const g = runFixture(`E53-${v}`);
      const { trace } = g;
      const at = g.at('setImage', R2);
      expectThat(trace, restartCount(trace, R2, justBefore(at)) >= 1, `precondition: ${R2} restartCount >= 1 before the image change at ${at}s`, [R2]);
      expectThat(trace, phaseAt(trace, at) === 'Pending', `phase Pending at the image change (got ${phaseAt(trace, at)})`, [R2]);
      expectEventually(trace, at, trace.end, `${R2} restartCount >= 2`, [R2], (t) => restartCount(trace, R2, t) >= 2);
      expectEventually(trace, at, at + 30, 'status shows the new image with restartCount > 1', [R2],
        (t) => imageAt(trace, R2, t) === NEW_IMAGE && restartCount(trace, R2, t) > 1);
      const l = logOf(trace);
      l.doesntStart('regular-1');
      l.notRestarted(R1);
    });

    it(`E56 (restartPolicy=${policy}): should update the image after the restartable init container's liveness probe fails`, () => {
      const g = runFixture(`E56-${v}`);
      const { trace } = g;
      const at = g.at('setImage', R2);
      expectThat(trace, restartCount(trace, R2, justBefore(at)) >= 1, `precondition: ${R2} restartCount >= 1 before the image change at ${at}s`, [R2]);
      expectEventually(trace, at, trace.end, `${R2} restartCount >= 2 and the new image`, [R2],
        (t) => restartCount(trace, R2, t) >= 2 && imageAt(trace, R2, t) === NEW_IMAGE);
      const l = logOf(trace);
      l.starts('regular-1');
      if (policy === 'Always') l.restarted('regular-1');
      else l.notRestarted('regular-1');
      l.notRestarted(R1);
    });
  }
});
