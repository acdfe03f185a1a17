// The checks of the main-container image-update cases (E01-E05) and of E69, shared by the fixtures'
// own tests at the newest minor (imageUpdate.test.ts, probes.test.ts) and by the same cases at older
// minors (byVersionNewestOnly.test.ts): one wording of each upstream assertion.

import { NEW_IMAGE, type Golden } from './harness';
import {
  eventsOf, expectConsistently, expectEventually, expectThat, imageAt, isRunning, justBefore, lastExit, phaseAt, podGoneAt,
  restartCount, times,
} from './logAssertions';

export const POLICIES = [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const;
const MAINS = ['regular-1', 'regular-2'];

/** E01: should successfully restart when the image is updated. */
export function checkE01(g: Golden): void {
  const { trace } = g;
  const at = g.at('setImage', 'regular-1');
  expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, ['regular-1']);
  expectEventually(trace, at, at + 20, 'regular-1 running with the new image and restartCount > 0', ['regular-1'],
    (t) => isRunning(trace, 'regular-1', t) && imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 0);
  expectEventually(trace, at, at + 30, 'regular-2 running with restartCount 0', ['regular-2'],
    (t) => isRunning(trace, 'regular-2', t) && restartCount(trace, 'regular-2', t) === 0);
}

/** E02: should not start a regular container when its image is updated during initialization. */
export function checkE02(g: Golden): void {
  const { trace } = g;
  const at = g.at('setImage', 'regular-1');
  expectThat(trace, phaseAt(trace, justBefore(at)) === 'Pending' && isRunning(trace, 'init-1', justBefore(at)),
    `precondition: init-1 running and started, phase Pending, at ${at}s`, ['init-1']);
  expectConsistently(trace, at, at + 50, 'phase Pending and no main container running or restarted', MAINS,
    (t) => phaseAt(trace, t) === 'Pending' && MAINS.every((c) => !isRunning(trace, c, t) && restartCount(trace, c, t) === 0));
  expectEventually(trace, at + 50, at + 110, 'phase Running, every main container running with restartCount 0, new image on containerStatuses[0]',
    MAINS, (t) => phaseAt(trace, t) === 'Running'
      && MAINS.every((c) => isRunning(trace, c, t) && restartCount(trace, c, t) === 0)
      && imageAt(trace, 'regular-1', t) === NEW_IMAGE);
}

/** E03 (startup) / E04 (liveness): should update the image after a failed probe. */
export function checkE03E04(g: Golden, probe: 'startup' | 'liveness'): void {
  const { trace } = g;
  const at = g.at('setImage', 'regular-1');
  expectEventually(trace, 0, 120, `the ${probe}-probe failure restarts regular-1 (restartCount >= 1)`, ['regular-1'],
    (t) => restartCount(trace, 'regular-1', t) >= 1);
  expectThat(trace, restartCount(trace, 'regular-1', justBefore(at)) >= 1, `precondition: restartCount >= 1 before the image change at ${at}s`, ['regular-1']);
  expectEventually(trace, at, at + 60, 'status shows the new image with restartCount > 1', ['regular-1'],
    (t) => imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 1);
}

/** E05: should not update the image during termination. */
export function checkE05(g: Golden): void {
  const { trace } = g;
  const del = g.at('deletePod');
  const at = g.at('setImage', 'regular-1');
  expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, ['regular-1']);
  expectConsistently(trace, at, at + 50, 'never terminated with exit 0 and restartCount > 0', ['regular-1'],
    (t) => !(lastExit(trace, 'regular-1', t)?.exitCode === 0 && restartCount(trace, 'regular-1', t) > 0));
  const gone = podGoneAt(trace);
  expectThat(trace, gone !== undefined && gone <= at + 50 + 60,
    `the pod is gone within 60s after the 50s window (gone at ${gone}), well before the 120s grace`, ['regular-1']);
}

/** E69: should continue probing and allow regular container to start after the restartable init container recovers. */
export function checkE69({ trace }: Pick<Golden, 'trace'>): void {
  const S = 'buggy-restartable-init';
  expectEventually(trace, 0, 90, 'the sidecar restartCount > 0 (restarted despite restartPolicy Never)', [S],
    (t) => restartCount(trace, S, t) > 0);
  const secondStart = times(trace, 'container.start', S)[1]!;
  expectEventually(trace, secondStart, 90, 'the sidecar is running again', [S], (t) => isRunning(trace, S, t));
  const startedAgain = eventsOf(trace, 'container.started', S).find((e) => e.t >= secondStart && e.t <= 90);
  expectThat(trace, startedAgain !== undefined, 'the startup probe is evaluated on the new instance (started within 90s)', [S]);
  expectEventually(trace, 0, 120, 'regular-container is running', ['regular-container'], (t) => isRunning(trace, 'regular-container', t));
}
