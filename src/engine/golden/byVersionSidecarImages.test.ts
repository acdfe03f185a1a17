// Golden test: upstream's container_lifecycle_test.go sidecar cases run at every older minor they ran
// at, part 3: image updates of restartable init containers (E28-E30, E32/E39/E46, E53, E56, E58, as
// imageUpdateSidecar.test.ts, probes.test.ts and termination.test.ts assert them) and a node running
// restartable init containers reboots (E70-E72, reboot.test.ts). The stored versions read and how
// they are dated: byVersion.test.ts.
//
// All but E70 appear in the copy dated 1.31/1.32 (index id 413137960), with the newest copy's
// assertions. That copy is from the 1.32 cycle: these cases came with kubernetes#126525 ("Restart
// sidecar container when the image has changed", for issue #121333, whose list asks for these very
// scenarios: while running, while initializing, under Never/OnFailure, during termination; reviewed
// 2024-08 to 2024-10, merged after 1.31.0; rulebook [1.8]), the kubelet change they test. So they start
// at 1.32: at 1.31 nothing acts on a running sidecar's new image, and E28-E30, E32/E39/E46 and E72 fail
// there, as they would have upstream.
// E70 ("should restart the containers in right order after the node reboot", sidecar pod) is in the
// 1.29/1.30 copy (commit 03b40b6f) and the 1.31/1.32 one, which wait for
// ContainerStatuses[0].RestartCount >= 1 and phase Running before checking the Started order; the
// newest copy wants phase Pending when initContainerStatuses[0].restartCount first reaches 1
// (kubernetes#128516, 1.33). 1.29-1.32 run the older expectation, 1.33-1.36 the newest one.
import { NEW_IMAGE } from './harness';
import {
  eventsOf, expectConsistently, expectEventually, expectThat, finalPhase, imageAt, isRunning, justBefore, lastExit, logOf,
  phaseAt, phaseReachedAt, restartCount, times,
} from './logAssertions';
import { byVersion, goneWithin, minors, runningAt, startedInOrderTwice } from './byVersion.testkit';
import type { Trace } from '../trace';

const POLICIES = [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const;
const R1 = 'restartable-init-1';
const R2 = 'restartable-init-2';

const runningNew = (trace: Trace, c: string, t: number) => isRunning(trace, c, t) && imageAt(trace, c, t) === NEW_IMAGE;

for (const [id, policy] of [['E28', 'Always'], ['E29', 'OnFailure'], ['E30', 'Never']] as const) {
  byVersion(`${id}: initializing an init container after a restartable init container › Should begin initializing the pod, restartPolicy=${policy}`, [{
    fixture: id, versions: minors(32),
    check: (g) => {
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
    },
  }]);
}

for (const [id, policy] of [['E32', 'Never'], ['E39', 'OnFailure'], ['E46', 'Always']] as const) {
  byVersion(`${id}: using a restartable init container in a Pod with restartPolicy=${policy} › a restartable init container runs continuously › should restart when updated with a new image`, [{
    fixture: id, versions: minors(32),
    check: (g) => {
      const { trace } = g;
      const at = g.at('setImage', R1);
      runningAt(trace, at, [R1, 'regular-1']);
      const t = expectEventually(trace, at, at + 120, 'initContainerStatuses[0] running with the new image', [R1], (x) => runningNew(trace, R1, x));
      const l = logOf(trace);
      if (policy === 'Always') {
        expectEventually(trace, 0, trace.end, 'containerStatuses[0].restartCount >= 2', ['regular-1'], (x) => restartCount(trace, 'regular-1', x) >= 2);
      } else {
        l.notRestarted('regular-1');
      }
      if (policy === 'OnFailure') {
        const done = phaseReachedAt(trace, ['Succeeded']);
        expectThat(trace, done !== undefined && done >= t, `then the pod reaches Succeeded (at ${done})`, [R1, 'regular-1']);
      }
      l.restarted(R1);
      l.notRestarted(R2);
    },
  }]);
}

for (const [v, policy] of POLICIES) {
  byVersion(`E53: the image is updated after the restartable init container's startup probe fails › should update the image when restartPolicy=${policy}`, [{
    fixture: `E53-${v}`, versions: minors(32),
    check: (g) => {
      const { trace } = g;
      const at = g.at('setImage', R2);
      // probes.test.ts: before the image change
      expectEventually(trace, 0, Math.min(120, at), 'initContainerStatuses[1].restartCount >= 1', [R2], (t) => restartCount(trace, R2, t) >= 1);
      // imageUpdateSidecar.test.ts: the image change
      expectThat(trace, restartCount(trace, R2, justBefore(at)) >= 1, `precondition: ${R2} restartCount >= 1 before the image change at ${at}s`, [R2]);
      expectThat(trace, phaseAt(trace, at) === 'Pending', `phase Pending at the image change (got ${phaseAt(trace, at)})`, [R2]);
      expectEventually(trace, at, trace.end, `${R2} restartCount >= 2`, [R2], (t) => restartCount(trace, R2, t) >= 2);
      expectEventually(trace, at, at + 30, 'status shows the new image with restartCount > 1', [R2],
        (t) => imageAt(trace, R2, t) === NEW_IMAGE && restartCount(trace, R2, t) > 1);
      const l = logOf(trace);
      l.doesntStart('regular-1');
      l.notRestarted(R1);
    },
  }]);

  byVersion(`E56: A restartable init container has its image changed after its liveness probe fails › should update the image when restartPolicy=${policy}`, [{
    fixture: `E56-${v}`, versions: minors(32),
    check: (g) => {
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
    },
  }]);

  byVersion(`E58: A restartable init container has its image updated during pod termination › should terminate gracefully when restartPolicy=${policy}`, [{
    fixture: `E58-${v}`, versions: minors(32),
    check: (g) => {
      const { trace } = g;
      const inits = ['init-1', 'restartable-init-2', 'restartable-init-3'];
      runningAt(trace, g.at('deletePod'), inits);
      const from = g.at('setImage', 'restartable-init-2');
      expectConsistently(trace, from, from + 20, 'no init container terminated with exit 0 has restartCount > 0', inits,
        (t) => inits.every((c) => lastExit(trace, c, t)?.exitCode !== 0 || restartCount(trace, c, t) === 0));
      goneWithin(trace, from + 20, 70, [...inits, 'regular-1']);
    },
  }]);
}

const ORDER = ['init-1', R2, 'init-3', 'regular-1'];

byVersion('E70: A node running restartable init containers reboots › should restart the containers in right order after the node reboot', [
  {
    fixture: 'E70', versions: minors(29, 32),
    check: (g) => {
      const { trace } = g;
      const at = g.at('recreateSandbox');
      runningAt(trace, at, ORDER);
      expectEventually(trace, at, trace.end, 'containerStatuses[0].restartCount >= 1 and phase Running', ORDER,
        (t) => restartCount(trace, 'regular-1', t) >= 1 && phaseAt(trace, t) === 'Running');
      startedInOrderTwice(trace, ORDER, at);
    },
  },
  {
    fixture: 'E70', versions: minors(33),
    check: (g) => {
      const { trace } = g;
      const at = g.at('recreateSandbox');
      runningAt(trace, at, ORDER);
      const restart = times(trace, 'container.start', 'init-1').find((t) => t > at);
      expectThat(trace, restart !== undefined, 'init-1 is re-run after the reboot', ORDER);
      const nextPhase = eventsOf(trace, 'pod.phase').find((e) => e.t > restart!)?.phase;
      expectThat(trace, phaseAt(trace, restart!) === 'Pending' || nextPhase === 'Pending',
        `phase Pending when init-1's restartCount is first >= 1 (phase ${phaseAt(trace, restart!)}, next ${nextPhase})`, ORDER);
      expectEventually(trace, restart!, trace.end, 'then regular-1 becomes running', ['regular-1'],
        (t) => isRunning(trace, 'regular-1', t) && times(trace, 'container.start', 'regular-1').some((x) => x > restart! && x <= t));
      startedInOrderTwice(trace, ORDER, at);
    },
  },
]);

byVersion('E71: A node is rebooting and receives an update request › should handle an update during the node reboot', [{
  fixture: 'E71', versions: minors(32),
  check: (g) => {
    const { trace } = g;
    runningAt(trace, g.at('recreateSandbox'), ORDER);
    const at = g.at('setImage', R2);
    expectEventually(trace, at, trace.end, 'containerStatuses[0].restartCount >= 1 and phase Running', ORDER,
      (t) => restartCount(trace, 'regular-1', t) >= 1 && phaseAt(trace, t) === 'Running');
    expectEventually(trace, at, trace.end, `${R2} restartCount > 0 with the new image`, [R2],
      (t) => restartCount(trace, R2, t) > 0 && imageAt(trace, R2, t) === NEW_IMAGE);
  },
}]);

byVersion('E72: A node is rebooting and receives an update request › should handle an update during the kubelet restart', [{
  fixture: 'E72', versions: minors(32),
  check: (g) => {
    const { trace } = g;
    runningAt(trace, g.at('restartKubelet'), ORDER);
    const at = g.at('setImage', R2);
    expectEventually(trace, at, trace.end,
      `phase Running, containerStatuses[0].restartCount 0, ${R2} restartCount > 0 with the new image`, [R2, 'regular-1'],
      (t) => phaseAt(trace, t) === 'Running' && restartCount(trace, 'regular-1', t) === 0
        && restartCount(trace, R2, t) > 0 && imageAt(trace, R2, t) === NEW_IMAGE);
  },
}]);
