// Golden test: cases only in the newest stored copy of container_lifecycle_test.go, at older minors:
// the in-place image updates of main containers (E01-E05, asserted at the newest minor in
// imageUpdate.test.ts) from 1.27, and E69 (a sidecar whose first run fails before its startup probe,
// probes.test.ts) from 1.33.
//
// The cases are only in the newest stored copy of the file: kubernetes#126794 ("Add e2e test for
// Regular Container image change") added them, approved on 2025-03-20, so the test first ran in 1.33
// or 1.34. What they check is older than every minor the engine models: computePodActions restarts a
// main container whose spec hash changed (containerChanged, kuberuntime_manager.go; the same in every
// stored copy, [1.8]), a container that never started is created from the current spec, and a
// terminating pod starts nothing (SyncTerminatingPod kills, never starts). So they run here from 1.27,
// with the same assertions as the fixture's own test (imageUpdate.test.ts), each trace simulated once.
//
// E69 came with its fix, kubernetes#133072 (1.35; picked to 1.33 and 1.34 by #134801/#134800, the
// 1.32 pick closed): a sidecar keeps its probe worker when it ends under restartPolicy Never ([5.12]).
// It runs from 1.33. Before, the worker left only if one of its ticks saw the Terminated status, a
// window of under a second between the exit's relist and the restart's (kubernetes#132826): whether
// E69's pod hits it depends on the worker's phase, so older minors are not asserted either way.
import { eventsOf, expectConsistently, expectEventually, expectThat, imageAt, isRunning, justBefore, lastExit, phaseAt, podGoneAt, restartCount, times } from './logAssertions';
import { NEW_IMAGE } from './harness';
import { byVersion, minors } from './byVersion.testkit';

const POLICIES = [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const;
const MAINS = ['regular-1', 'regular-2'];

for (const [v, policy] of POLICIES) {
  byVersion(`E01 (restartPolicy=${policy}): should successfully restart when the image is updated`, [{
    fixture: `E01-${v}`, versions: minors(27),
    check: (g) => {
      const { trace } = g;
      const at = g.at('setImage', 'regular-1');
      expectThat(trace, phaseAt(trace, justBefore(at)) === 'Running', `precondition: phase Running at ${at}s`, ['regular-1']);
      expectEventually(trace, at, at + 20, 'regular-1 running with the new image and restartCount > 0', ['regular-1'],
        (t) => isRunning(trace, 'regular-1', t) && imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 0);
      expectEventually(trace, at, at + 30, 'regular-2 running with restartCount 0', ['regular-2'],
        (t) => isRunning(trace, 'regular-2', t) && restartCount(trace, 'regular-2', t) === 0);
    },
  }]);

  byVersion(`E02 (restartPolicy=${policy}): should not start a regular container when its image is updated during initialization`, [{
    fixture: `E02-${v}`, versions: minors(27),
    check: (g) => {
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
    },
  }]);

  byVersion(`E05 (restartPolicy=${policy}): should not update the image during termination`, [{
    fixture: `E05-${v}`, versions: minors(27),
    check: (g) => {
      const { trace } = g;
      const del = g.at('deletePod');
      const at = g.at('setImage', 'regular-1');
      expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, ['regular-1']);
      expectConsistently(trace, at, at + 50, 'never terminated with exit 0 and restartCount > 0', ['regular-1'],
        (t) => !(lastExit(trace, 'regular-1', t)?.exitCode === 0 && restartCount(trace, 'regular-1', t) > 0));
      const gone = podGoneAt(trace);
      expectThat(trace, gone !== undefined && gone <= at + 50 + 60,
        `the pod is gone within 60s after the 50s window (gone at ${gone}), well before the 120s grace`, ['regular-1']);
    },
  }]);
}

for (const [v, policy] of POLICIES.slice(0, 2)) {
  for (const [id, probe] of [['E03', 'startup'], ['E04', 'liveness']] as const) {
    byVersion(`${id} (restartPolicy=${policy}): should update the image after a failed ${probe} probe`, [{
      fixture: `${id}-${v}`, versions: minors(27),
      check: (g) => {
        const { trace } = g;
        const at = g.at('setImage', 'regular-1');
        expectEventually(trace, 0, 120, `the ${probe}-probe failure restarts regular-1 (restartCount >= 1)`, ['regular-1'],
          (t) => restartCount(trace, 'regular-1', t) >= 1);
        expectThat(trace, restartCount(trace, 'regular-1', justBefore(at)) >= 1, `precondition: restartCount >= 1 before the image change at ${at}s`, ['regular-1']);
        expectEventually(trace, at, at + 60, 'status shows the new image with restartCount > 1', ['regular-1'],
          (t) => imageAt(trace, 'regular-1', t) === NEW_IMAGE && restartCount(trace, 'regular-1', t) > 1);
      },
    }]);
  }
}

byVersion('E69: should continue probing and allow regular container to start after the restartable init container recovers', [{
  fixture: 'E69', versions: minors(33),
  check: ({ trace }) => {
    const S = 'buggy-restartable-init';
    expectEventually(trace, 0, 90, 'the sidecar restartCount > 0 (restarted despite restartPolicy Never)', [S],
      (t) => restartCount(trace, S, t) > 0);
    const secondStart = times(trace, 'container.start', S)[1]!;
    expectEventually(trace, secondStart, 90, 'the sidecar is running again', [S], (t) => isRunning(trace, S, t));
    const startedAgain = eventsOf(trace, 'container.started', S).find((e) => e.t >= secondStart && e.t <= 90);
    expectThat(trace, startedAgain !== undefined, 'the startup probe is evaluated on the new instance (started within 90s)', [S]);
    expectEventually(trace, 0, 120, 'regular-container is running', ['regular-container'], (t) => isRunning(trace, 'regular-container', t));
  },
}]);
