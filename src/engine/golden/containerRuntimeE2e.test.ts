// Golden test: upstream END-TO-END tests of a single container's exit, restarts, image pulls and
// deletion, translated to whole scenarios run through runScenario on every minor they apply to
// (session 42, helper e2eaudit; no earlier golden file translates these Its).
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e/common/node/runtime.go, SIGDescribe("Container Runtime") › Describe("blackbox test"):
//   stored 025f2834 (library id 3715521345: ginkgo v2 with ctx, e2epod.NewPodClient, a 1.27+ tree) and
//   13a3a251 (library id 138339646: f.PodClient(), no ctx, a 1.2x tree). Both hold the same cases with
//   the same pods and waits. The helpers: test/e2e/common/node/container.go (library ids 161059339,
//   34850086370): ConformanceContainer (one pod, one container), ContainerStatusRetryTimeout 5 min,
//   ContainerStatusPollInterval 1 s.
// - test/e2e/common/node/kubelet.go, SIGDescribe("Kubelet") › "when scheduling a busybox command that
//   always fails in a pod": library id 644147986 (f.WithNodeConformance(), ctx: a 1.29+ tree) and
//   64377685 (a 1.1x tree: the same two cases, Eventually for 1 min instead of PodStartTimeout).
// All are "Release: v1.13" conformance cases (or NodeConformance ones of the same age) whose behaviour
// is older than every minor the engine models: each runs on 1.27-1.37.
//
// How upstream's checks map (the API object at t: podLifecycleE2e.testkit.ts statusAt / phaseAtT /
// conditionTransition, the status manager's writes and the pod's phase and condition events):
// - "should run with the expected status": the three rows of its table, one test each. The script
//   counts its runs in an emptyDir (`exit 1`, then `exit 0`, then `while true; do sleep 1; done`); the
//   engine keeps no files, so the Simulation document's `runs:` say the same (an exit at once with 1,
//   then with 0, then a loop that, as a shell PID 1 without a trap, ignores SIGTERM). The checks, in
//   upstream's order: Eventually (1 s polls from the creation, 5 min) the status's restartCount equals
//   the row's (GetStatus fails until the pod has exactly its one status); Eventually the phase equals
//   the row's; then, at that poll, podutil.IsPodReady (the Ready condition) and the state. Then the
//   pod is deleted (DeleteOptions{}: the spec's 30 s) and Eventually (1 s, 5 min) it is gone: the
//   test runs the scenario once without the deletion to find that poll, then again with it there.
// - "when running a container with a new image" (imagePullTest): the registry's answer is the
//   Simulation document's: an image that cannot be pulled (the invalid registry, the private one
//   without the pull secret) is a `failPull` window longer than the test; the others pull. The poll
//   (1 s from the creation, 5 min) must see the state Waiting with reason ErrImagePull or
//   ImagePullBackOff and the phase Pending, or the state Running and the phase Running. Upstream
//   retries the whole case up to three times against a flaky registry; the engine is deterministic,
//   so one run stands for all three.
// - kubelet.go "should have an terminated reason": Eventually (4 s polls, PodStartTimeout 5 min)
//   exactly one container status, Terminated, exit code not 0 and a reason. "should be possible to
//   delete": the It deletes right after BeforeEach's Create (no wait) and checks only that the request
//   succeeds; here the deletion comes at 0.01 s with the spec's grace (30 s), and the pod must be gone
//   (the API's answer to that request) within PodDelete (5 min).
//
// Not expressible, and why:
// - runtime.go "on terminated container": the five termination-message cases (TerminationMessagePath,
//   FallbackToLogsOnError): the engine writes no terminated.message (the fields are accepted and
//   unused).
// - kubelet.go "should print the output to logs", "should write entries to /etc/hosts" (with and
//   without hostNetwork), "should not write to root filesystem": container logs, /etc/hosts and the
//   root filesystem are not modelled.
import { describe, expect, it } from 'vitest';
import { fail } from './logAssertions';
import { conditionTransition, e2eScenario, minors, phaseAtT, pollUntil, runText, statusAt } from './podLifecycleE2e.testkit';
import type { PodPhase, Trace } from '../trace';
import type { KubeVersion } from '../version';

const ALL = minors(27);
const BUSYBOX = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1'; // framework.BusyBoxImage
const RETRY_TIMEOUT = 300; // ContainerStatusRetryTimeout
const POLL = 1; // ContainerStatusPollInterval
/** The API request upstream sends after the read that ended its wait comes this much later (10 ms). */
const REQUEST_AFTER_READ = 0.01;

const scenario = e2eScenario;

const goneAt = (trace: Trace): number | undefined => trace.events.find((e) => e.type === 'pod.gone')?.t;

// ---- runtime.go: blackbox test, when starting a container that exits ---------------------------

const COUNT_SCRIPT = `
f=/restart-count/restartCount
count=$(echo 'hello' >> $f ; wc -l $f | awk {'print $1'})
if [ $count -eq 1 ]; then
\texit 1
fi
if [ $count -eq 2 ]; then
\texit 0
fi
while true; do sleep 1; done
`;

const blackboxPod = (name: string, policy: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: ${policy}
  containers:
    - name: ${name}
      image: ${BUSYBOX}
      command: [sh, -c, ${JSON.stringify(COUNT_SCRIPT)}]
      volumeMounts: [{ name: restart-count, mountPath: /restart-count }]
  volumes:
    - name: restart-count
      emptyDir: { medium: Memory }
`;

const blackboxSim = (name: string): string => `containers:
  ${name}:
    startDelay: 0s
    exitAfter: never
    onStop: ignore
    runs:
      - { exitAfter: 0s, exitCode: 1 }
      - { exitAfter: 0s, exitCode: 0 }
`;

interface Row { name: string; policy: 'Always' | 'OnFailure' | 'Never'; phase: PodPhase; state: 'running' | 'terminated'; restartCount: number; ready: boolean }

// The table of "should run with the expected status", as upstream writes it.
const ROWS: Row[] = [
  { name: 'terminate-cmd-rpa', policy: 'Always', phase: 'Running', state: 'running', restartCount: 2, ready: true },
  { name: 'terminate-cmd-rpof', policy: 'OnFailure', phase: 'Succeeded', state: 'terminated', restartCount: 1, ready: false },
  { name: 'terminate-cmd-rpn', policy: 'Never', phase: 'Failed', state: 'terminated', restartCount: 0, ready: false },
];

/** The checks up to the deletion; returns the poll that ended the phase wait. */
function checkRow(trace: Trace, row: Row): number {
  const counted = pollUntil(0, RETRY_TIMEOUT, POLL, (t) => statusAt(trace, row.name, t)?.restartCount === row.restartCount);
  if (counted === undefined) fail(trace, `${row.name}: restartCount never ${row.restartCount}`, [row.name]);
  const phased = pollUntil(counted, RETRY_TIMEOUT, POLL, (t) => phaseAtT(trace, t) === row.phase);
  if (phased === undefined) fail(trace, `${row.name}: phase never ${row.phase} after ${counted}s`, [row.name]);
  expect(conditionTransition(trace, 'Ready', phased)?.status === 'True', `${row.name}: Ready at ${phased}s`).toBe(row.ready);
  expect(statusAt(trace, row.name, phased)?.state, `${row.name}: state at ${phased}s`).toBe(row.state);
  return phased;
}

describe('test/e2e/common/node/runtime.go: Container Runtime blackbox test', () => {
  for (const v of ALL) {
    for (const row of ROWS) {
      it(`when starting a container that exits should run with the expected status [NodeConformance]: ${row.name} (${v})`, () => {
        const pod = blackboxPod(row.name, row.policy);
        const sim = blackboxSim(row.name);
        const at = checkRow(runText(scenario(pod, v, sim), v), row) + REQUEST_AFTER_READ;
        const trace = runText(scenario(pod, v, sim, [`{ at: ${Number(at.toFixed(3))}s, do: deletePod }`]), v);
        // The run with the deletion is the same up to it.
        expect(checkRow(trace, row) + REQUEST_AFTER_READ).toBeCloseTo(at, 6);
        // "should be possible to delete": Eventually (1 s, 5 min) the pod is no longer Present.
        const gone = goneAt(trace) ?? Infinity;
        if (pollUntil(at, RETRY_TIMEOUT, POLL, (t) => t >= gone) === undefined) fail(trace, `${row.name}: still present 5 min after the deletion at ${at}s`, [row.name]);
      });
    }
  }
});

// ---- runtime.go: blackbox test, when running a container with a new image ----------------------

const pullPod = (image: string, secret: boolean): string => `apiVersion: v1
kind: Pod
metadata:
  name: image-pull-test
spec:
  restartPolicy: Never${secret ? '\n  imagePullSecrets: [{ name: image-pull-secret }]' : ''}
  containers:
    - name: image-pull-test
      image: ${image}
      imagePullPolicy: Always
      command: [/bin/sh, -c, "while true; do sleep 1; done"]
`;

/** imagePullTest's checkContainerStatus, polled every second from the creation for 5 min. */
function imagePullTest(v: KubeVersion, image: string, secret: boolean, expectedPhase: PodPhase, expectedPullStatus: boolean): void {
  const c = 'image-pull-test';
  // The registry refuses the pull for longer than the test looks (an image that cannot be pulled).
  const events = expectedPullStatus ? [`{ at: 0s, container: ${c}, do: failPull, for: 900s }`] : [];
  const trace = runText(scenario(pullPod(image, secret), v, '', events), v);
  const ok = pollUntil(0, RETRY_TIMEOUT, POLL, (t) => {
    const s = statusAt(trace, c, t);
    if (!s) return false;
    if (!expectedPullStatus && s.state !== 'running') return false;
    if (expectedPullStatus && (s.state !== 'waiting' || (s.reason !== 'ErrImagePull' && s.reason !== 'ImagePullBackOff'))) return false;
    return phaseAtT(trace, t) === expectedPhase;
  });
  if (ok === undefined) fail(trace, `never ${expectedPullStatus ? 'waiting on the pull' : 'running'} with phase ${expectedPhase} within 5 min`, [c]);
}

const INVALID_REGISTRY_IMAGE = 'invalid.registry.k8s.io/invalid/alpine:3.1'; // imageutils.InvalidRegistryImage
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53'; // imageutils.Agnhost (its tag moves with the release)
const AUTHENTICATED_ALPINE = 'gcr.io/authenticated-image-pulling/alpine:3.7'; // imageutils.AuthenticatedAlpine

describe('test/e2e/common/node/runtime.go: Container Runtime blackbox test when running a container with a new image', () => {
  for (const v of ALL) {
    it(`should not be able to pull image from invalid registry [NodeConformance] (${v})`, () => {
      imagePullTest(v, INVALID_REGISTRY_IMAGE, false, 'Pending', true);
    });
    it(`should be able to pull image [NodeConformance] (${v})`, () => {
      imagePullTest(v, AGNHOST, false, 'Running', false);
    });
    it(`should not be able to pull from private registry without secret [NodeConformance] (${v})`, () => {
      imagePullTest(v, AUTHENTICATED_ALPINE, false, 'Pending', true);
    });
    it(`should be able to pull from private registry with secret [NodeConformance] (${v})`, () => {
      imagePullTest(v, AUTHENTICATED_ALPINE, true, 'Running', false);
    });
  }
});

// ---- kubelet.go: when scheduling a busybox command that always fails in a pod ------------------

const BIN_FALSE = 'bin-false';
const binFalsePod = `apiVersion: v1
kind: Pod
metadata:
  name: ${BIN_FALSE}
spec:
  restartPolicy: Never
  containers:
    - name: ${BIN_FALSE}
      image: ${BUSYBOX}
      command: [/bin/false]
`;

describe('test/e2e/common/node/kubelet.go: Kubelet when scheduling a busybox command that always fails in a pod', () => {
  for (const v of ALL) {
    it(`should have an terminated reason (${v})`, () => {
      const trace = runText(scenario(binFalsePod, v, ''), v);
      const done = pollUntil(0, 300, 4, (t) => {
        const s = statusAt(trace, BIN_FALSE, t);
        return s?.state === 'terminated' && s.exitCode !== undefined && s.exitCode !== 0 && (s.reason ?? '') !== '';
      });
      if (done === undefined) fail(trace, 'expected non-zero exitCode and non-empty terminated state reason', [BIN_FALSE]);
    });

    it(`should be possible to delete (${v})`, () => {
      const trace = runText(scenario(binFalsePod, v, '', [`{ at: ${REQUEST_AFTER_READ}s, do: deletePod }`]), v);
      expect(trace.events.find((e) => e.type === 'pod.deleted')?.gracePeriodSeconds).toBe(30);
      const gone = goneAt(trace);
      if (gone === undefined || gone - REQUEST_AFTER_READ > 300) fail(trace, `the deleted pod is still present (gone at ${gone})`, [BIN_FALSE]);
    });
  }
});
