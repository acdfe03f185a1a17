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
import { byVersion, minors } from './byVersion.testkit';
import { checkE01, checkE02, checkE03E04, checkE05, checkE69, POLICIES } from './imageUpdate.testkit';

for (const [v, policy] of POLICIES) {
  byVersion(`E01 (restartPolicy=${policy}): should successfully restart when the image is updated`, [{ fixture: `E01-${v}`, versions: minors(27), check: checkE01 }]);
  byVersion(`E02 (restartPolicy=${policy}): should not start a regular container when its image is updated during initialization`, [{ fixture: `E02-${v}`, versions: minors(27), check: checkE02 }]);
  byVersion(`E05 (restartPolicy=${policy}): should not update the image during termination`, [{ fixture: `E05-${v}`, versions: minors(27), check: checkE05 }]);
}

for (const [v, policy] of POLICIES.slice(0, 2)) {
  for (const [id, probe] of [['E03', 'startup'], ['E04', 'liveness']] as const) {
    byVersion(`${id} (restartPolicy=${policy}): should update the image after a failed ${probe} probe`, [{ fixture: `${id}-${v}`, versions: minors(27), check: (g) => checkE03E04(g, probe) }]);
  }
}

byVersion('E69: should continue probing and allow regular container to start after the restartable init container recovers', [{
  fixture: 'E69', versions: minors(33), check: checkE69,
}]);
