// Upstream node e2e §1.4 of kubelet-cases.md: one restartable init container in a pod with
// restartPolicy Never (E31–E37), OnFailure (E38–E44) and Always (E45–E51). The image-update cases
// of these blocks (E32, E39, E46) live in imageUpdateSidecar.test.ts.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import {
  expectConsistently, expectEventually, expectThat, logOf, phaseAt, phaseReachedAt, restartCount, waitingReasons,
} from './logAssertions';
import type { Trace } from '../trace';

const R = 'restartable-init-1';

interface Block {
  policy: 'Never' | 'OnFailure' | 'Always';
  cont: string; bad: string; x0: string; x1: string; before: string; after: string;
}
const BLOCKS: Block[] = [
  { policy: 'Never', cont: 'E31', bad: 'E33', x0: 'E34', x1: 'E35', before: 'E36', after: 'E37' },
  { policy: 'OnFailure', cont: 'E38', bad: 'E40', x0: 'E41', x1: 'E42', before: 'E43', after: 'E44' },
  { policy: 'Always', cont: 'E45', bad: 'E47', x0: 'E48', x1: 'E49', before: 'E50', after: 'E51' },
];

function phaseWithin(trace: Trace, phase: 'Succeeded' | 'Failed', seconds: number): void {
  const t = phaseReachedAt(trace, [phase]);
  expectThat(trace, t !== undefined && t <= seconds, `phase ${phase} within ${seconds}s (reached at ${t})`, [R, 'regular-1', 'init-1']);
}

/** Upstream polls until `count` is reached and fails the moment the phase is not Pending. */
function pendingWhileReaching(trace: Trace, container: string, count: number, seconds: number): void {
  const t = expectEventually(trace, 0, seconds, `${container} restartCount >= ${count}`, [container],
    (x) => restartCount(trace, container, x) >= count);
  expectConsistently(trace, 0, t, 'phase Pending', [container], (x) => phaseAt(trace, x) === 'Pending');
}

for (const b of BLOCKS) {
  const completes = b.policy !== 'Always';
  describe(`a restartable init container in a Pod with restartPolicy=${b.policy}`, () => {
    it(`${b.cont}: a restartable init container runs continuously`, () => {
      const { trace } = runFixture(b.cont);
      const l = logOf(trace);
      if (completes) {
        phaseWithin(trace, 'Succeeded', 300);
        l.notRestarted(R);
        l.exits('regular-1');
      } else {
        expectEventually(trace, 0, 120, 'containerStatuses[0].restartCount >= 2', ['regular-1'],
          (t) => restartCount(trace, 'regular-1', t) >= 2);
        l.notRestarted(R);
        l.restarted('regular-1');
      }
    });

    const quirk = b.policy === 'Always' ? ' (upstream quirk: the pod uses restartPolicy Never)' : '';
    it(`${b.bad}: a restartable init container fails to start because of a bad image${quirk}`, () => {
      // Upstream quirk (E33/E47): named "should mark a Pod as failed", but only the waiting reason is checked.
      const { trace } = runFixture(b.bad);
      expectThat(trace, waitingReasons(trace, R).includes('ImagePullBackOff'),
        'initContainerStatuses[0] reaches waiting reason ImagePullBackOff', [R]);
      const l = logOf(trace);
      l.doesntStart(R);
      l.doesntStart('regular-1');
    });

    for (const [id, code] of [[b.x0, 0], [b.x1, 1]] as const) {
      it(`${id}: a restartable init container starts and exits with exit code ${code} continuously`, () => {
        const { trace } = runFixture(id);
        const l = logOf(trace);
        if (completes) phaseWithin(trace, 'Succeeded', 300);
        else {
          expectEventually(trace, 0, 120, 'containerStatuses[0].restartCount >= 1', ['regular-1'],
            (t) => restartCount(trace, 'regular-1', t) >= 1);
        }
        l.startsBefore(R, 'regular-1'); // restarted before the regular container started
        l.startsBefore('regular-1', R); // restarted after the regular container started
        if (completes) l.exits('regular-1');
        else l.starts('regular-1');
      });
    }

    it(`${b.before}: an Init container before restartable init container ${b.policy === 'Never' ? 'fails' : 'continuously fails'}`, () => {
      const { trace } = runFixture(b.before);
      const l = logOf(trace);
      if (b.policy === 'Never') {
        phaseWithin(trace, 'Failed', 60);
        l.exits('init-1');
      } else {
        pendingWhileReaching(trace, 'init-1', 3, 300);
        l.restarted('init-1');
      }
      l.doesntStart(R);
    });

    it(`${b.after}: an Init container after restartable init container fails`, () => {
      const { trace } = runFixture(b.after);
      const l = logOf(trace);
      if (b.policy === 'Never') {
        phaseWithin(trace, 'Failed', 60);
        l.exits('init-1');
      } else {
        pendingWhileReaching(trace, R, 3, 300); // initContainerStatuses[0] is the sidecar
        l.restarted('init-1');
      }
      l.runTogether(R, 'init-1');
    });
  });
}
