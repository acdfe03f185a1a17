// Golden test: upstream's container_lifecycle_test.go sidecar cases run at every older minor they ran
// at, part 2: the start order of restartable init containers (E27), one restartable init container
// per pod restartPolicy (E31-E51, as sidecarRestart.test.ts), and E52 (probes.test.ts). The stored
// versions read and how they are dated: byVersion.test.ts. 1.28 runs with SidecarContainers on (alpha;
// upstream's "[NodeAlphaFeature:SidecarContainers]" suite).
//
// Where an older copy asserts differently, that copy's assertions are used:
//   - E27 at 1.29/1.30 (commit 03b40b6f): "should run first init container and first restartable init
//     container together" is RunTogether(restartable-init-1, init-2), not RunTogetherLhsFirst (1.31+).
//     E27 at 1.28 (old helpers) and its It "should start first restartable init container before
//     starting second init container" (1.28-1.30 only) are in lifecycleNewE2e.test.ts.
//   - E31/E38 at 1.28 (index id 4679983245): "should complete a Pod successfully" only waits for the pod
//     to stop running (no Succeeded check); at 1.29/1.30 it wants Succeeded. Until 1.30 "should not
//     restart a restartable init container" is DoesntStartAfter (lifecycleNewE2e.test.ts), not
//     HasNotRestarted (1.31+). E45 likewise: restartCount >= 2 and HasRestarted(regular-1) until 1.30.
//     The switch to RunTogetherLhsFirst came with kubernetes#124668 ("node_e2e: refactor RunTogether
//     function", May 2024, so 1.31); no PR found dates the switch to HasNotRestarted, taken at 1.31 as
//     lifecycleNewE2e.test.ts takes it (both expectations hold on the engine at 1.31 and 1.32).
//   - 1.28 ran a 1 s sidecar in "starts and exits with exit code 0|1 continuously" (E34, E35, E41, E42,
//     E48, E49) and "an Init container after restartable init container fails" (E37, E44, E51): those
//     pods are fixtures N02-N10 in lifecycleNewE2e.test.ts, so these cases start at 1.29 here.
//   - E52 at 1.28 is named "should launch restartable init cotnainers serially considering the startup
//     probe" (sic), same assertions.
import { expectConsistently, expectEventually, expectThat, logOf, phaseAt, restartCount, waitingReasons } from './logAssertions';
import { byVersion, minors, phaseWithin, stopsRunningWithin, type Row } from './byVersion.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const R = 'restartable-init-1';
const R2 = 'restartable-init-2';
const upTo30 = (v: KubeVersion) => v === '1.28' || v === '1.29' || v === '1.30';

// ---- E27 --------------------------------------------------------------------------------------

const E27: [string, (trace: Trace, v: KubeVersion) => void][] = [
  ['should finish and produce log', (trace) => {
    stopsRunningWithin(trace, 300, ['regular-1', R, R2]);
    phaseWithin(trace, 'Succeeded', 300, ['regular-1', R, R2]);
  }],
  ['should run the first init container to completion before starting first restartable init container', (trace) => {
    const l = logOf(trace);
    l.startsBefore('init-1', R);
    l.exitsBefore('init-1', R);
  }],
  ['should run first init container and first restartable init container together', (trace, v) => {
    if (upTo30(v)) logOf(trace).runTogether(R, 'init-2');
    else logOf(trace).runTogetherLhsFirst(R, 'init-2');
  }],
  ['should run second init container to completion before starting second restartable init container', (trace) => {
    const l = logOf(trace);
    l.startsBefore('init-2', R2);
    l.exitsBefore('init-2', R2);
  }],
  ['should start second restartable init container before third init container', (trace) => logOf(trace).startsBefore(R2, 'init-3')],
  ['should run both restartable init containers and third init container together', (trace) => {
    const l = logOf(trace);
    l.runTogether(R, R2);
    l.runTogether(R, 'init-3');
    l.runTogether(R2, 'init-3');
  }],
  ['should run third init container to completion before starting regular container', (trace) => {
    const l = logOf(trace);
    l.startsBefore('init-3', 'regular-1');
    l.exitsBefore('init-3', 'regular-1');
  }],
  ['should run both restartable init containers and a regular container together', (trace) => {
    const l = logOf(trace);
    l.runTogether(R, 'regular-1');
    l.runTogether(R2, 'regular-1');
  }],
];

for (const [name, check] of E27) {
  byVersion(`E27: using a Pod with restartPolicy=Never, three init container and two restartable init containers › ${name}`,
    [{ fixture: 'E27', versions: minors(29), check: ({ trace }, v) => check(trace, v) }]);
}

// ---- E31-E51 ----------------------------------------------------------------------------------

interface Block {
  policy: 'Never' | 'OnFailure' | 'Always';
  cont: string; bad: string; x0: string; x1: string; before: string; after: string;
}
const BLOCKS: Block[] = [
  { policy: 'Never', cont: 'E31', bad: 'E33', x0: 'E34', x1: 'E35', before: 'E36', after: 'E37' },
  { policy: 'OnFailure', cont: 'E38', bad: 'E40', x0: 'E41', x1: 'E42', before: 'E43', after: 'E44' },
  { policy: 'Always', cont: 'E45', bad: 'E47', x0: 'E48', x1: 'E49', before: 'E50', after: 'E51' },
];

const names = [R, 'regular-1', 'init-1'];

/** Upstream polls until `count` is reached and fails the moment the phase is not Pending. */
function pendingWhileReaching(trace: Trace, container: string, count: number, seconds: number): void {
  const t = expectEventually(trace, 0, seconds, `${container} restartCount >= ${count}`, [container],
    (x) => restartCount(trace, container, x) >= count);
  expectConsistently(trace, 0, t, 'phase Pending', [container], (x) => phaseAt(trace, x) === 'Pending');
}

for (const b of BLOCKS) {
  const completes = b.policy !== 'Always';
  const prefix = `using a restartable init container in a Pod with restartPolicy=${b.policy}`;

  const continuous: Row = {
    fixture: b.cont, versions: minors(28),
    check: ({ trace }, v) => {
      const l = logOf(trace);
      if (completes) {
        if (v === '1.28') stopsRunningWithin(trace, 300, names); // the 1.28 copy checks no phase
        else phaseWithin(trace, 'Succeeded', 300, names);
        if (!upTo30(v)) l.notRestarted(R);
        l.exits('regular-1');
      } else {
        expectEventually(trace, 0, 120, 'containerStatuses[0].restartCount >= 2', ['regular-1'],
          (t) => restartCount(trace, 'regular-1', t) >= 2);
        if (!upTo30(v)) l.notRestarted(R);
        l.restarted('regular-1');
      }
    },
  };
  byVersion(`${b.cont}: ${prefix} › a restartable init container runs continuously`, [continuous]);

  const quirk = b.policy === 'Always' ? ' (upstream quirk: the pod uses restartPolicy Never)' : '';
  byVersion(`${b.bad}: ${prefix} › a restartable init container fails to start because of a bad image${quirk}`, [{
    fixture: b.bad, versions: minors(28),
    check: ({ trace }) => {
      expectThat(trace, waitingReasons(trace, R).includes('ImagePullBackOff'),
        'initContainerStatuses[0] reaches waiting reason ImagePullBackOff', [R]);
      const l = logOf(trace);
      l.doesntStart(R);
      l.doesntStart('regular-1');
    },
  }]);

  for (const [id, code] of [[b.x0, 0], [b.x1, 1]] as const) {
    byVersion(`${id}: ${prefix} › a restartable init container starts and exits with exit code ${code} continuously`, [{
      fixture: id, versions: minors(29),
      check: ({ trace }) => {
        const l = logOf(trace);
        if (completes) phaseWithin(trace, 'Succeeded', 300, names);
        else {
          expectEventually(trace, 0, 120, 'containerStatuses[0].restartCount >= 1', ['regular-1'],
            (t) => restartCount(trace, 'regular-1', t) >= 1);
        }
        l.startsBefore(R, 'regular-1'); // restarted before the regular container started
        l.startsBefore('regular-1', R); // restarted after the regular container started
        if (completes) l.exits('regular-1');
        else l.starts('regular-1');
      },
    }]);
  }

  const fails = b.policy === 'Never' ? 'fails' : 'continuously fails';
  byVersion(`${b.before}: ${prefix} › an Init container before restartable init container ${fails}`, [{
    fixture: b.before, versions: minors(28),
    check: ({ trace }) => {
      const l = logOf(trace);
      if (b.policy === 'Never') {
        phaseWithin(trace, 'Failed', 60, names);
        l.exits('init-1');
      } else {
        pendingWhileReaching(trace, 'init-1', 3, 300);
        l.restarted('init-1');
      }
      l.doesntStart(R);
    },
  }]);

  byVersion(`${b.after}: ${prefix} › an Init container after restartable init container fails`, [{
    fixture: b.after, versions: minors(29),
    check: ({ trace }) => {
      const l = logOf(trace);
      if (b.policy === 'Never') {
        phaseWithin(trace, 'Failed', 60, names);
        l.exits('init-1');
      } else {
        pendingWhileReaching(trace, R, 3, 300); // initContainerStatuses[0] is the sidecar
        l.restarted('init-1');
      }
      l.runTogether(R, 'init-1');
    },
  }]);
}

// ---- E52 --------------------------------------------------------------------------------------

byVersion('E52: should launch restartable init containers serially considering the startup probe', [{
  fixture: 'E52', versions: minors(28),
  check: ({ trace }) => {
    stopsRunningWithin(trace, 300, ['regular-1']);
    const l = logOf(trace);
    l.startsBefore(R, R2);
    l.startsBefore(R2, 'regular-1');
  },
}]);
