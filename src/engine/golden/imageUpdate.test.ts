// In-place image updates of main containers (E01–E05) and of regular init containers (E19–E21);
// hard behaviour 5.7 of kubelet-cases.md. Sidecar image updates are in imageUpdateSidecar.test.ts.
import { describe, it } from 'vitest';
import { NEW_IMAGE, OLD_IMAGE, runFixture } from './harness';
import { checkE01, checkE02, checkE03E04, checkE05, POLICIES } from './imageUpdate.testkit';
import {
  expectConsistently, expectThat, imageAt, justBefore, lastExit, logOf, phaseAt,
  restartCount,
} from './logAssertions';

describe('a pod is running only regular containers: image updates', () => {
  for (const [v, policy] of POLICIES) {
    it(`E01 (restartPolicy=${policy}): should successfully restart when the image is updated`, () => checkE01(runFixture(`E01-${v}`)));
    it(`E02 (restartPolicy=${policy}): should not start a regular container when its image is updated during initialization`, () => checkE02(runFixture(`E02-${v}`)));
  }
  for (const [v, policy] of POLICIES.slice(0, 2)) {
    for (const [id, probe] of [['E03', 'startup'], ['E04', 'liveness']] as const) {
      it(`${id} (restartPolicy=${policy}): should update the image after a failed ${probe} probe`, () => checkE03E04(runFixture(`${id}-${v}`), probe));
    }
  }
  for (const [v, policy] of POLICIES) {
    it(`E05 (restartPolicy=${policy}): should not update the image during termination`, () => checkE05(runFixture(`E05-${v}`)));
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
