// Golden test: upstream END-TO-END tests of container restart rules (KEP-5307) and of the
// RestartAllContainers action (KEP-5532), translated to whole scenarios (fixtures L16-L25).
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e/node/container_restart_policy.go, stored b24ae8b9 (its only stored version):
//   "Container restart policy" [FeatureGate:ContainerRestartRules], "when ContainerRestartRules
//   feature is enabled", five cases (L16-L20). The same five cases, with the same helpers, sit in a
//   1.34-era stored test/e2e/node/pods.go ("Pod Extended (container restart policy)").
// - The "Pod Extended (RestartAllContainers)" Describe [FeatureGate:ContainerRestartRules]
//   [FeatureGate:RestartAllContainersOnContainerExits] of a stored e2e file of package node (library
//   id 51775470128; the library gives no repository path for it, and it is not among the stored
//   test/e2e/node files), five cases (L21-L25), with validateAllContainersRestarted.
//
// How they map: createAndValidateRestartableContainer polls (2 s, 10 min) until the container's
// written restartCount is above 0. createAndValidateNonRestartableContainer waits (2 s, 10 min) for
// the phase Failed or Succeeded (WaitTimeoutForPodNoLongerRunningInNamespace), then reads a
// restartCount of 0. validateAllContainersRestarted polls (2 s, 3 min) until every named container
// has a restartCount above 0 and a lastTerminationState; the trace's written statuses carry no last
// state, so the restart count stands for both (after the in-place restart a 1.36+ kubelet writes a
// last state for every removed container, #136964). WaitForContainerRunning (3 min): the
// container's written state is running. The scripts that keep state in an emptyDir (`if [ -f … ]`)
// are the fixtures' `runs:` (the engine keeps no files); the emptyDir itself is left out.
//
// Upstream quirk kept: "should restart container on container-level restart policy Never" checks
// that the container is NOT restarted (createAndValidateNonRestartableContainer), as its pod-level
// Always is overridden by the container's Never.
//
// Versions: ContainerRestartRules is alpha in 1.34 (turned on here, as the FeatureGate label asks
// of the cluster) and beta, on by default, from 1.35. RestartAllContainersOnContainerExits is alpha
// in 1.35 and beta from 1.36; the cases run from 1.36 only. In 1.35 the in-place restart kept no
// last termination state (kubernetes#136964, merged for 1.36: "The last termination status of
// containers restarted by RestartAllContainers are not preserved"), so validateAllContainersRestarted
// could not pass there; that PR's review says "e2e coverage will be added in separate PR" (2026-03),
// so these cases came after it, with 1.36.
import { describe, it } from 'vitest';
import { fail } from './logAssertions';
import { minors, phaseAtT, pollUntil, runL, statusAt } from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const POLL = 2;

function restartable(trace: Trace, c: string): void {
  const t = pollUntil(0, 600, POLL, (x) => (statusAt(trace, c, x)?.restartCount ?? 0) > 0);
  if (t === undefined || t > trace.end) fail(trace, `failed to see container restart (${c})`, [c]);
}

function nonRestartable(trace: Trace, c: string): void {
  const t = pollUntil(0, 600, POLL, (x) => ['Failed', 'Succeeded'].includes(phaseAtT(trace, x)));
  if (t === undefined || t > trace.end) fail(trace, 'failed to wait for pod terminate', [c]);
  const r = statusAt(trace, c, t)?.restartCount;
  if (r !== 0) fail(trace, `restartCount of ${c} is ${r} at ${t}s, expected 0`, [c]);
}

describe('test/e2e/node/container_restart_policy.go: Container restart policy › when ContainerRestartRules feature is enabled', () => {
  const cases: [string, string, (t: Trace, c: string) => void][] = [
    ['should restart container on rule match', 'L16', restartable],
    ['should not restart container on rule mismatch, container restart policy Never', 'L17', nonRestartable],
    ['should restart container on container-level restart policy Never', 'L18', nonRestartable],
    ['should restart container on container-level restart policy Always', 'L19', restartable],
    ['should restart container on pod-level restart policy Always when no container-level restart policy', 'L20', restartable],
  ];
  for (const v of minors(34)) {
    const gates = v === '1.34' ? { ContainerRestartRules: true } : undefined;
    for (const [name, fixture, check] of cases) {
      it(`${name} (${v})`, () => check(runL(fixture, v as KubeVersion, gates ? { gates } : {}), 'main-container'));
    }
  }
});

/** validateAllContainersRestarted (3 min), then WaitForContainerRunning for each of `running` (3 min each). */
function allRestartedThenRunning(trace: Trace, restarted: string[], running: string[]): void {
  const t = pollUntil(0, 180, POLL, (x) => restarted.every((c) => (statusAt(trace, c, x)?.restartCount ?? 0) > 0));
  if (t === undefined || t > trace.end) {
    const counts = restarted.map((c) => `${c}=${statusAt(trace, c, 180)?.restartCount}`).join(', ');
    fail(trace, `failed to see all containers restart within 3 min (${counts})`, restarted);
  }
  for (const c of running) {
    const r = pollUntil(t, 180, POLL, (x) => statusAt(trace, c, x)?.state === 'running');
    if (r === undefined || r > trace.end) fail(trace, `${c} not running within 3 min of ${t}s`, [c]);
  }
}

describe('Pod Extended (RestartAllContainers) › RestartAllContainers', () => {
  const cases: [string, string, string[], string[]][] = [
    ['should restart all containers on regular container exit', 'L21', ['init', 'sidecar', 'source-container', 'regular'], ['source-container', 'regular']],
    ['should restart all containers on sidecar container exit', 'L22', ['init', 'sidecar', 'source-sidecar', 'regular'], ['regular', 'source-sidecar']],
    ['should restart init and sidecar containers on init container exit', 'L23', ['init', 'sidecar', 'source-init'], ['regular']],
    ['should allow multiple RestartAllContainers actions and not introduce a loop', 'L24', ['source-container', 'regular'], ['source-container', 'regular']],
    ['should restart all containers on a previously restarted regular container exit', 'L25', ['source-container', 'regular'], ['source-container', 'regular']],
  ];
  for (const v of minors(36)) {
    for (const [name, fixture, restarted, running] of cases) {
      it(`${name} (${v})`, () => allRestartedThenRunning(runL(fixture, v), restarted, running));
    }
  }
});
