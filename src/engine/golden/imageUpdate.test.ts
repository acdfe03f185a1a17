// In-place image updates of main containers (E01–E05) and of regular init containers (E19–E21);
// hard behaviour 5.7 of kubelet-cases.md. Sidecar image updates are in imageUpdateSidecar.test.ts.
import { describe, it } from 'vitest';
import { NEW_IMAGE, OLD_IMAGE, runFixture } from './harness';
import {
  expectConsistently, expectEventually, expectThat, imageAt, isRunning, justBefore, lastExit, logOf, phaseAt, podGoneAt,
  restartCount,
} from './logAssertions';

const POLICIES = [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const;

describe('a pod is running only regular containers: image updates', () => {
  for (const [v, policy] of POLICIES) {
    it(`E01 (restartPolicy=${policy}): should successfully restart when the image is updated`, () => {
      const g = runFixture(`E01-${v}`);
      const { trace } = g;
      const at = g.at('setImage', 'regular-1');
      expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, ['regular-1']);
      expectEventually(trace, at, at + 20, 'regular-1 running with the new image and restartCount > 0', ['regular-1'],
        (t) => isRunning(trace, 'regular-1', t) && imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 0);
      expectEventually(trace, at, at + 30, 'regular-2 running with restartCount 0', ['regular-2'],
        (t) => isRunning(trace, 'regular-2', t) && restartCount(trace, 'regular-2', t) === 0);
    });

    it(`E02 (restartPolicy=${policy}): should not start a regular container when its image is updated during initialization`, () => {
      const g = runFixture(`E02-${v}`);
      const { trace } = g;
      const at = g.at('setImage', 'regular-1');
      const mains = ['regular-1', 'regular-2'];
      expectThat(trace, phaseAt(trace, justBefore(at)) === 'Pending' && isRunning(trace, 'init-1', justBefore(at)),
        `precondition: init-1 running and started, phase Pending, at ${at}s`, ['init-1']);
      expectConsistently(trace, at, at + 50, 'phase Pending and no main container running or restarted', mains,
        (t) => phaseAt(trace, t) === 'Pending' && mains.every((c) => !isRunning(trace, c, t) && restartCount(trace, c, t) === 0));
      expectEventually(trace, at + 50, at + 110, 'phase Running, every main container running with restartCount 0, new image on containerStatuses[0]',
        mains, (t) => phaseAt(trace, t) === 'Running'
          && mains.every((c) => isRunning(trace, c, t) && restartCount(trace, c, t) === 0)
          && imageAt(trace, 'regular-1', t) === NEW_IMAGE);
    });
  }

  for (const [v, policy] of POLICIES.slice(0, 2)) {
    for (const [id, probe] of [['E03', 'startup'], ['E04', 'liveness']] as const) {
      it(`${id} (restartPolicy=${policy}): should update the image after a failed ${probe} probe`, () => {
        const g = runFixture(`${id}-${v}`);
        const { trace } = g;
        const at = g.at('setImage', 'regular-1');
        expectEventually(trace, 0, 120, `the ${probe}-probe failure restarts regular-1 (restartCount >= 1)`, ['regular-1'],
          (t) => restartCount(trace, 'regular-1', t) >= 1);
        expectThat(trace, restartCount(trace, 'regular-1', justBefore(at)) >= 1, `precondition: restartCount >= 1 before the image change at ${at}s`, ['regular-1']);
        expectEventually(trace, at, at + 60, 'status shows the new image with restartCount > 1', ['regular-1'],
          (t) => imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 1);
      });
    }
  }

  for (const [v, policy] of POLICIES) {
    it(`E05 (restartPolicy=${policy}): should not update the image during termination`, () => {
      const g = runFixture(`E05-${v}`);
      const { trace } = g;
      const del = g.at('deletePod');
      const at = g.at('setImage', 'regular-1');
      expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, ['regular-1']);
      expectConsistently(trace, at, at + 50, 'never terminated with exit 0 and restartCount > 0', ['regular-1'],
        (t) => !(lastExit(trace, 'regular-1', t)?.exitCode === 0 && restartCount(trace, 'regular-1', t) > 0));
      const gone = podGoneAt(trace);
      expectThat(trace, gone !== undefined && gone <= at + 50 + 60,
        `the pod is gone within 60s after the 50s window (gone at ${gone}), well before the 120s grace`, ['regular-1']);
    });
  }
});

describe('init containers: image updates', () => {
  const I = 'init-1';
  const unchanged = (trace: Parameters<typeof imageAt>[0], t: number) =>
    lastExit(trace, I, t)?.exitCode === 0 && restartCount(trace, I, t) === 0 && imageAt(trace, I, t) === OLD_IMAGE;

  it('E19: should not restart init container when updated with a new image after finishing', () => {
    const g = runFixture('E19');
    const { trace } = g;
    const at = g.at('setImage', I);
    expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, [I]);
    expectConsistently(trace, at, at + 30, 'init-1 stays terminated (exit 0) with the old image and restartCount 0', [I],
      (t) => unchanged(trace, t));
    logOf(trace).notRestarted(I);
  });

  // Upstream quirk: named "during initialization", but the image changes after phase Running.
  it('E20: should not restart the init container if the image is updated during initialization', () => {
    const g = runFixture('E20');
    const { trace } = g;
    const at = g.at('setImage', I);
    expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, [I]);
    expectConsistently(trace, at, trace.end, 'init-1 terminated exit 0, old image, restartCount 0', [I], (t) => unchanged(trace, t));
    logOf(trace).notRestarted(I);
  });

  it('E21: should not restart the init container if the image is updated during termination', () => {
    const g = runFixture('E21');
    const { trace } = g;
    const del = g.at('deletePod');
    const at = g.at('setImage', I);
    expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, [I]);
    expectConsistently(trace, at, at + 15, 'no completed init container has restartCount > 0 or the new image', [I],
      (t) => lastExit(trace, I, t)?.exitCode !== 0 || (restartCount(trace, I, t) === 0 && imageAt(trace, I, t) !== NEW_IMAGE));
  });
});
