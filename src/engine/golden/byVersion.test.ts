// Golden test: the upstream node e2e cases of test/e2e_node/container_lifecycle_test.go (fixtures
// E01-E74, asserted at the fixtures' own minor, the newest, in initOrder, hooks, termination,
// probeKills, imageUpdate, reboot ... .test.ts) run again at every older minor the case ran at
// upstream, part 1: pods without restartable init containers (E06-E16, E19-E26). The sidecar cases are
// in byVersionSidecars.test.ts (E27, E31-E52), byVersionSidecarImages.test.ts (E28-E30, E32/E39/E46,
// E53, E56, E58, E70-E72) and byVersionSidecarLifecycle.test.ts (E17, E18, E54, E55, E57, E59-E68, C05);
// the shared runner (each fixture and minor simulated once) is byVersion.testkit.ts.
//
// Stored versions of container_lifecycle_test.go read (read_file, repo kubernetes/kubernetes; only
// commit 03b40b6f is listed by find_files, the others are read by index id) and dated by content, as
// lifecycleNewE2e.test.ts dates them:
//   - index id 1598113137 (helpers inline; E06-E11) and 2017332806 (helpers moved out; E06-E12): 1.27;
//   - index id 4679983245: "[NodeAlphaFeature:SidecarContainers] Containers Lifecycle ", E13/E14: 1.28;
//   - commit 03b40b6f (index id 17057048): nodefeature.SidecarContainers, flat Its, E22: 1.29/1.30;
//   - index id 413137960: feature.SidecarContainers, nested Whens, kubelet-restart and image-update
//     cases, E70 still waiting for Running: dated 1.31/1.32, in fact from the 1.32 cycle (below);
//   - index id 4404537335 (commit 01ba738f): the newest, 1.35 or later, the fixtures' source.
// No copy dates to 1.33/1.34: a case present in the 1.31/1.32 copy and unchanged in the newest runs
// at 1.33/1.34 with that expectation. Every case below runs from its first release up to 1.36 (the
// fixture's own test covers 1.37) with the existing test's assertions re-expressed, except where the
// release's copy differs:
//   - 1.27/1.28: E06, E09, E12 used the old ExitsBefore; E08 and E10 ran a 2 s main container;
//     E13/E14 (1.28) allowed grace + 10 s. Those release/case pairs are in lifecycleNewE2e.test.ts
//     (old helpers, fixtures N12/N13, the 10 s buffer) and are not repeated here. E07 and E11 are the
//     same in every copy (Starts, Exits, DoesntStart never changed) and run from 1.27.
//   - 1.29/1.30: E08 had no RunTogether(regular-1, PostStart-regular-1) check.
//   - The 413137960 copy holds the cases of kubernetes#126525 ("Restart sidecar container when the
//     image has changed", reviewed 2024-08 to 2024-10; rulebook [1.8]: merged after 1.31.0), which
//     added E19-E21 (bart0sh's review there quotes "should not restart init container when updated
//     with a new image"), so E19-E21 start at 1.32. E23-E26 (kubelet restart) are in that copy and not
//     in the 1.29/1.30 one; no PR found dates them, so they start at 1.31 (they pass there too).
// Not run here: E73, E74 (only in the newest copy, first release not known; E74 needs
// ChangeContainerStatusOnKubeletRestart, alpha in 1.35). E01-E05 (main-container image updates, also
// only in the newest copy) check behaviour older than 1.27, and E69 came with its fix in 1.33-1.35:
// byVersionNewestOnly.test.ts runs them.
import { expectConsistently, expectEventually, expectThat, eventsOf, imageAt, isRunning, justBefore, lastExit, logOf, phaseAt, phaseReachedAt, restartCount, waitingReasons } from './logAssertions';
import { NEW_IMAGE, OLD_IMAGE } from './harness';
import { byVersion, goneWithin, minors, phaseWithin, runningAt, startedInOrderTwice, stopsRunningWithin } from './byVersion.testkit';
import type { Trace } from '../trace';

function serialInits(trace: Trace, chain: string[]): void {
  const l = logOf(trace);
  for (let i = 0; i + 1 < chain.length; i++) {
    l.startsBefore(chain[i]!, chain[i + 1]!);
    l.exitsBefore(chain[i]!, chain[i + 1]!);
  }
}

const INITS = ['init-1', 'init-2', 'init-3'];

byVersion('E06: should launch init container serially before a regular container', [{
  fixture: 'E06', versions: minors(29),
  check: ({ trace }) => {
    stopsRunningWithin(trace, 60, ['regular-1']);
    serialInits(trace, [...INITS, 'regular-1']);
  },
}]);

byVersion('E07: should not launch regular containers if an init container fails', [{
  fixture: 'E07', versions: minors(27),
  check: ({ trace }) => {
    phaseWithin(trace, 'Failed', 60, ['init-1']);
    const l = logOf(trace);
    l.starts('init-1');
    l.exits('init-1');
    l.doesntStart('regular-1');
  },
}]);

byVersion('E08: should run Init container to completion before call to PostStart of regular container', [{
  fixture: 'E08', versions: minors(29),
  check: ({ trace }, v) => {
    const l = logOf(trace);
    l.startsBefore('init-1', 'PostStart-regular-1');
    l.exitsBefore('init-1', 'PostStart-regular-1');
    if (v !== '1.29' && v !== '1.30') l.runTogether('regular-1', 'PostStart-regular-1'); // not in the 1.29/1.30 copy
  },
}]);

byVersion('E09: should restart failing container when pod restartPolicy is Always', [{
  fixture: 'E09', versions: minors(29),
  check: ({ trace }) => {
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 3', ['regular-1'], (t) => restartCount(trace, 'regular-1', t) >= 3);
    const l = logOf(trace);
    l.startsBefore('regular-1', 'regular-1');
    l.exitsBefore('regular-1', 'regular-1');
  },
}]);

byVersion('E10: should not launch second container before PostStart of the first container completed', [{
  fixture: 'E10', versions: minors(29),
  check: ({ trace }) => {
    const l = logOf(trace);
    l.startsBefore('PostStart-regular-1', 'regular-2');
    l.exitsBefore('PostStart-regular-1', 'regular-2');
  },
}]);

byVersion('E11: an init container fails to start because of a bad image › should mark a Pod as failed and produce log', [{
  fixture: 'E11', versions: minors(27),
  check: ({ trace }) => {
    expectThat(trace, waitingReasons(trace, 'init1-1').includes('ImagePullBackOff'),
      'initContainerStatuses[0] reaches waiting reason ImagePullBackOff', ['init1-1']);
    const l = logOf(trace);
    l.doesntStart('init1-1');
    l.doesntStart('regular-1');
  },
}]);

byVersion("E12: shouldn't restart init containers upon regular container restart", [{
  fixture: 'E12', versions: minors(29),
  check: ({ trace }) => {
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 3', ['regular-1'], (t) => restartCount(trace, 'regular-1', t) >= 3);
    serialInits(trace, [...INITS, 'regular-1']);
    const l = logOf(trace);
    for (const c of INITS) l.notRestarted(c);
    l.restarted('regular-1');
  },
}]);

for (const [id, name] of [
  ['E13', 'should respect termination grace period seconds'],
  ['E14', 'should respect termination grace period seconds with long-running preStop hook'],
] as const) {
  byVersion(`${id}: a pod cannot terminate gracefully › ${name} (grace 30 s + buffer 30 s)`, [{
    fixture: id, versions: minors(29),
    check: (g) => {
      const del = g.at('deletePod');
      runningAt(g.trace, del, ['regular1']);
      goneWithin(g.trace, del, 60, ['regular1']);
    },
  }]);
}

for (const [id, probe] of [['E15', 'startup'], ['E16', 'liveness']] as const) {
  byVersion(`${id}: should call the container's preStop hook and terminate it if its ${probe} probe fails`, [{
    fixture: id, versions: minors(29),
    check: ({ trace }) => {
      expectThat(trace, phaseReachedAt(trace, ['Succeeded', 'Failed']) !== undefined, 'the pod stops running', ['regular-1']);
      const l = logOf(trace);
      l.runTogether('regular-1', 'PreStop-regular-1');
      l.starts('PreStop-regular-1');
      l.exits('regular-1');
    },
  }]);
}

const I = 'init-1';
const unchanged = (trace: Trace, t: number) =>
  lastExit(trace, I, t)?.exitCode === 0 && restartCount(trace, I, t) === 0 && imageAt(trace, I, t) === OLD_IMAGE;

byVersion('E19: should not restart init container when updated with a new image after finishing', [{
  fixture: 'E19', versions: minors(32),
  check: (g) => {
    const { trace } = g;
    const at = g.at('setImage', I);
    runningAt(trace, at, [I]);
    expectConsistently(trace, at, at + 30, 'init-1 stays terminated (exit 0) with the old image and restartCount 0', [I], (t) => unchanged(trace, t));
    logOf(trace).notRestarted(I);
  },
}]);

byVersion('E20: should not restart the init container if the image is updated during initialization', [{
  fixture: 'E20', versions: minors(32),
  check: (g) => {
    const { trace } = g;
    const at = g.at('setImage', I);
    runningAt(trace, at, [I]);
    expectConsistently(trace, at, trace.end, 'init-1 terminated exit 0, old image, restartCount 0', [I], (t) => unchanged(trace, t));
    logOf(trace).notRestarted(I);
  },
}]);

byVersion('E21: should not restart the init container if the image is updated during termination', [{
  fixture: 'E21', versions: minors(32),
  check: (g) => {
    const { trace } = g;
    runningAt(trace, g.at('deletePod'), [I]);
    const at = g.at('setImage', I);
    expectConsistently(trace, at, at + 15, 'no completed init container has restartCount > 0 or the new image', [I],
      (t) => lastExit(trace, I, t)?.exitCode !== 0 || (restartCount(trace, I, t) === 0 && imageAt(trace, I, t) !== NEW_IMAGE));
  },
}]);

byVersion('E22: A node reboots › should restart the containers in right order after the node reboot', [{
  fixture: 'E22', versions: minors(29),
  check: (g) => {
    const { trace } = g;
    const at = g.at('recreateSandbox');
    const order = [...INITS, 'regular-1'];
    runningAt(trace, at, order);
    expectEventually(trace, at, trace.end, 'containerStatuses[0].restartCount >= 2 and phase Running', order,
      (t) => restartCount(trace, 'regular-1', t) >= 2 && phaseAt(trace, t) === 'Running');
    startedInOrderTwice(trace, order, at);
  },
}]);

for (const id of ['E23', 'E24']) {
  const removed = id === 'E24' ? ', even after the completed init container statuses have been removed and the kubelet restarted' : ' after the kubelet restart';
  byVersion(`${id}: The kubelet restarts › a Pod is initialized and running › should not restart any completed init container${removed}`, [{
    fixture: id, versions: minors(31),
    check: (g) => {
      const { trace } = g;
      const at = g.at('restartKubelet');
      runningAt(trace, at, [...INITS, 'regular-1']);
      expectConsistently(trace, at, at + 60, 'every init container keeps restartCount 0', INITS,
        (t) => INITS.every((c) => restartCount(trace, c, t) === 0));
      const l = logOf(trace);
      for (const [a, b] of [['init-1', 'init-2'], ['init-2', 'init-3']] as const) {
        l.startsBefore(a, b);
        l.exitsBefore(a, b);
      }
      l.startsBefore('init-3', 'regular-1');
      if (id === 'E24') expectThat(trace, isRunning(trace, 'regular-1', at + 60), 'containerStatuses[0] still running', ['regular-1']);
    },
  }]);
}

for (const id of ['E25', 'E26']) {
  const removed = id === 'E26' ? ', even after the completed init container statuses have been removed and the kubelet restarted' : ' after the kubelet restart';
  byVersion(`${id}: The kubelet restarts › a Pod is initializing the long-running init container › should not restart any completed init container${removed}`, [{
    fixture: id, versions: minors(31),
    check: (g) => {
      const { trace } = g;
      const at = g.at('restartKubelet');
      const L = 'long-running-init-3';
      const up = eventsOf(trace, 'container.up', L).some((e) => e.t < at);
      expectThat(trace, isRunning(trace, L, justBefore(at)) && up, `precondition: ${L} running and started at ${at}s`, [L]);
      expectConsistently(trace, at, at + 60, 'init-1 and init-2 keep restartCount 0', ['init-1', 'init-2'],
        (t) => restartCount(trace, 'init-1', t) === 0 && restartCount(trace, 'init-2', t) === 0);
      const l = logOf(trace);
      l.startsBefore('init-1', 'init-2');
      l.exitsBefore('init-1', 'init-2');
    },
  }]);
}
