// Golden test: upstream node END-TO-END tests that inject image-pull faults through the CRI proxy
// ([Feature:CriProxy] [Serial]) and read the kubelet's events, translated to whole scenarios run
// through runScenario on every minor (session 42, helper e2eaudit; no earlier golden file translates
// these Its). It sits here, not in engine/golden, because it reads the events through
// describeEvents.ts, which engine/ may not import.
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e_node/criproxy_test.go, five stored copies (find_files lists 8a84988b): library id
//   21134154543 (the first: "Pod failed to start due to an image pull error." waits for
//   WaitForPodRunningInNamespace to fail), 953232676, 697451571, 3492880047 and 51774081133 (the
//   newest: the CRI streaming cases; the same two pull cases, "Pod failed to start…" now waiting
//   1 min for a status.reason of ImagePullBackOff, which must not come). Cases: "Inject a pull image
//   error exception into the CriProxy › Pod failed to start due to an image pull error." and "Inject a
//   pull image timeout exception into the CriProxy › Image pull time exceeded 10 seconds".
// - test/e2e_node/image_pull_test.go, library ids 332903702 and 3646342120 (the later, with the
//   CancelPullImage Describes; find_files lists 3fbe2496): "Pull Image [Feature:CriProxy] [Serial] ›
//   Image pull retry backs off on error." (the same in both).
// Both files date from 2024 (their copyright; the first release with them is not known); what they
// check is older than every minor the engine models (the pull back-off of 10 s doubling to 300 s
// and its events, [10.9] [10.7]; the Pulled event with its duration, eventWording.ts
// pulledMessage), so each runs on 1.27-1.37.
//
// How they map: the proxy's injection is the Simulation document's: a PullImage that returns
// `PullImage failed` is a `failPull` window longer than the test whose message is what the kubelet
// gets from the runtime (gRPC wraps the proxy's error: `rpc error: code = Unknown desc = PullImage
// failed`); a PullImage that sleeps 10 s before the real pull is `pull: 10.5s` (10 s and the default
// half-second pull). newPullImageAlwaysPod: one container `cri-proxy-test-<uid>` (here
// cri-proxy-test), the pause image, imagePullPolicy Always, restartPolicy Always by default. The
// events upstream lists are those `kubectl describe` would show (describeEvents.ts here: the
// kubelet's events after its correlator, [10.7]), with their series count; events.Items is in the
// order of creation, so "the first event with reason X" is the earliest row of that reason.
// - WaitForPodCondition(…, "ImagePullBackOff", 1 min, pod.Status.Reason == ImagePullBackOff) must
//   time out (2 s polls): no pod.phase event carries that reason in the first minute (the reason is
//   the container's, never the pod's). The first copy's WaitForPodRunningInNamespace must fail: no
//   Running phase within PodStart (5 min).
// - getFailedToPullImageMsg: the first Failed event's message contains `PullImage failed`.
// - "Image pull retry backs off on error.": after that minute and time.Sleep(30 s), the Pulling
//   event's count is at least 3 and at most 7.
// - getPodImagePullDuration: the Pulled event's `in <duration>` (regexp `in (\d+m)?(\d+(\.\d+)?s)`)
//   is at least 10 s, once WaitForPodRunningInNamespace has returned.
//
// Not expressible: image_pull_test.go "parallel image pull with MaxParallelImagePulls=5 › should pull
// immediately if no more than 5 pods" and "serialize image pull › should be waiting more" (two pods
// whose pulls overlap or queue on one node, kubelet config SerializeImagePulls and
// MaxParallelImagePulls, which the engine does not take), the "Allow / Disallow cancel pull image"
// Describes (the CancelPullImage gate and the image store read over the CRI after a deletion), and
// criproxy_test.go's image-volume and CRI streaming cases (no image volumes, no CRI list calls).
import { describe, expect, it } from 'vitest';
import { describeEvents, type DescribeRow } from './describeEvents';
import { fail } from '../../engine/golden/logAssertions';
import { minors, phaseAtT, pollUntil, runText } from '../../engine/golden/podLifecycleE2e.testkit';
import type { Trace } from '../../engine/trace';
import type { KubeVersion } from '../../engine/version';

const ALL = minors(27);
const POD = 'cri-proxy-test';
const PAUSE = 'registry.k8s.io/pause:3.10'; // imageutils.GetPauseImageName()
const POD_START = 300; // f.Timeouts.PodStart
const EXPECTED_ERR = 'PullImage failed';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: ${POD}
spec:
  containers:
    - name: ${POD}
      image: ${PAUSE}
      imagePullPolicy: Always
`;

function run(v: KubeVersion, sim: string): Trace {
  return runText(`${pod}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 400s
${sim}`, v);
}

/** The PullImage call always returns the injected error. */
const failingPulls = (v: KubeVersion): Trace => run(v, `events:
  - { at: 0s, container: ${POD}, do: failPull, for: 900s, message: "rpc error: code = Unknown desc = ${EXPECTED_ERR}" }
`);

/** The events of the pod as the API server lists them at t, earliest first. */
const eventsAt = (trace: Trace, t: number): DescribeRow[] => [...describeEvents(trace, t, POD)].sort((a, b) => a.first - b.first);

/** WaitForPodCondition(…, 1 min, status.reason == ImagePullBackOff) must time out; returns when it does. */
function waitReasonTimesOut(trace: Trace): number {
  const hit = trace.events.find((e) => e.type === 'pod.phase' && e.t <= 60 && e.reason === 'ImagePullBackOff');
  if (hit) fail(trace, `the pod's status.reason was ImagePullBackOff at ${hit.t}s`, [POD]);
  return 60;
}

/** getFailedToPullImageMsg at t: the first Failed event must name the injected error. */
function expectFailedToPullMsg(trace: Trace, t: number): void {
  const failed = eventsAt(trace, t).find((r) => r.reason === 'Failed');
  if (!failed) fail(trace, `failed to find FailedToPullImage event for pod: ${POD}`, [POD]);
  expect(failed.message, 'we injected an exception into the PullImage interface of the cri proxy').toContain(EXPECTED_ERR);
}

describe('test/e2e_node/criproxy_test.go: [Feature:CriProxy] [Serial]', () => {
  for (const v of ALL) {
    it(`Inject a pull image error exception into the CriProxy Pod failed to start due to an image pull error. (${v})`, () => {
      const trace = failingPulls(v);
      // The first copy: WaitForPodRunningInNamespace (PodStart) fails.
      if (pollUntil(0, POD_START, 2, (t) => phaseAtT(trace, t) === 'Running') !== undefined) fail(trace, 'the pod ran', [POD]);
      // The newest copy: the 1 min wait for status.reason ImagePullBackOff times out.
      expectFailedToPullMsg(trace, waitReasonTimesOut(trace));
    });

    it(`Inject a pull image timeout exception into the CriProxy Image pull time exceeded 10 seconds (${v})`, () => {
      const trace = run(v, `containers:\n  ${POD}:\n    pull: 10.5s\n`);
      const running = pollUntil(0, POD_START, 2, (t) => phaseAtT(trace, t) === 'Running');
      if (running === undefined) fail(trace, 'the pod never ran', [POD]);
      const pulled = eventsAt(trace, running).find((r) => r.reason === 'Pulled');
      if (!pulled) fail(trace, `no event found regarding the Pod: ${POD} finishing pulling the image`, [POD]);
      const m = /in (\d+m)?(\d+(\.\d+)?s)/.exec(pulled.message);
      if (!m) fail(trace, `no duration in "${pulled.message}"`, [POD]);
      const seconds = (m[1] ? Number(m[1].slice(0, -1)) * 60 : 0) + Number(m[2]!.slice(0, -1));
      expect(seconds, 'PullImages should take more than 10 seconds').toBeGreaterThanOrEqual(10);
    });
  }
});

describe('test/e2e_node/image_pull_test.go: Pull Image [Feature:CriProxy] [Serial]', () => {
  for (const v of ALL) {
    it(`Image pull retry backs off on error. (${v})`, () => {
      const trace = failingPulls(v);
      const waited = waitReasonTimesOut(trace);
      expectFailedToPullMsg(trace, waited);
      // time.Sleep(30 s), then getImagePullAttempts: the Pulling event and its count.
      const pulling = eventsAt(trace, waited + 30).find((r) => r.reason === 'Pulling');
      if (!pulling) fail(trace, 'no Pulling event', [POD]);
      // "3 would take 10s best case"; "7 would take 310s best case, if the infra went slow".
      expect(pulling.count).toBeGreaterThanOrEqual(3);
      expect(pulling.count).toBeLessThanOrEqual(7);
    });
  }
});
