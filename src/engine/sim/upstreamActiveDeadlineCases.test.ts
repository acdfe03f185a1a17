// Golden test: upstream's kubelet tests of spec.activeDeadlineSeconds through the pod worker and the
// status manager, translated to whole scenarios ([13.1]-[13.3]).
//
// Upstream files (kubernetes/kubernetes, read with the library tools):
// - pkg/kubelet/kubelet_test.go, the 1.33-era copy (find_string id 2835627: cri-client,
//   allocation manager; the two tests are the same in the older copies 77123223 and 98951804):
//   TestSyncPodsSetStatusToFailedForPodsThatRunTooLong (a pod whose status.startTime is 1 min ago and
//   activeDeadlineSeconds 30; after HandlePodUpdates the status manager's status has phase Failed and
//   container statuses) and TestSyncPodsDoesNotSetPodsThatDidNotRunTooLongToFailed (the same with 300:
//   not Failed).
// - The code: active_deadline.go at 04791b49 (pastActiveDeadline: clock.Since(startTime) >=
//   activeDeadlineSeconds; ShouldEvict: Reason DeadlineExceeded, Message "Pod was active on the node
//   longer than the specified deadline"), kubelet_pods.go generateAPIPodStatus at 001a80e9 (an
//   eviction sets phase Failed with that reason and message; the reason and message are kept while the
//   phase stays), kubelet.go getPodsToSync (ShouldSync makes the pod due at its deadline).
//
// How they map to ours: upstream's fake clock starts past the deadline; here the pod starts at t=0
// (startTime is the kubelet's first sync, [13.1]) and the test reads the status manager's commits
// (upstreamStatus.testkit.ts writtenStatuses: what statusManager.GetPodStatus returns after each sync)
// up to "1 minute after start". Each test runs on every minor, 1.27-1.37 (no gate).
// The other tables of the deadline (TestActiveDeadlineHandler, generateAPIPodStatus's merge) are in
// kubelet/upstreamGenerateStatusCases.test.ts; TestGetPodsToSync is in upstreamPodWorkerCases.test.ts.
// Not expressible: a pod first seen by the kubelet already past its deadline (the engine's pod always
// starts at t=0 on its node), TestGenerateAPIPodStatusInvokesPodSyncHandlers' arbitrary handler
// ("Evicted", "because": the engine's only PodSyncHandler is the deadline's), TestSyncPodKillPod (a
// KillPodOptions status function: evictions, not modelled).
//
// Disagreements: none.

import { describe, expect, it } from 'vitest';
import { ALL, simHead, writtenStatuses } from './upstreamStatus.testkit';

const MESSAGE = 'Pod was active on the node longer than the specified deadline';

function run(version: (typeof ALL)[number], deadline: number) {
  return writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: bar, namespace: new }
spec:
  activeDeadlineSeconds: ${deadline}
  containers:
    - { name: foo, image: example/foo:1 }
---
${simHead(version, '60s')}
`);
}

describe.each(ALL)('kubelet_test.go active deadline (%s) [13.1] [13.2]', (version) => {
  it('TestSyncPodsSetStatusToFailedForPodsThatRunTooLong', () => {
    const writes = run(version, 30);
    expect(writes.length).toBeGreaterThan(0);
    // Before the deadline the kubelet never writes Failed; from the first sync at or past it, it does.
    expect(writes.filter((w) => w.t < 30).every((w) => w.status.phase !== 'Failed')).toBe(true);
    const late = writes.filter((w) => w.t >= 30);
    expect(late.length).toBeGreaterThan(0);
    // ShouldSync makes the pod due once it is at its deadline; upstream's sync loop asks every second
    // (getPodsToSync on the 1 s ticker, not modelled, [0.2]), so the write comes within that second.
    expect(late[0]!.t).toBeGreaterThanOrEqual(30);
    expect(late[0]!.t).toBeLessThanOrEqual(31);
    for (const w of late) {
      expect([w.status.phase, w.status.reason, w.status.message]).toEqual(['Failed', 'DeadlineExceeded', MESSAGE]);
      expect(w.status.containerStatuses.map((s) => s.name)).toEqual(['foo']); // "contains ContainerStatuses"
    }
  });

  it('TestSyncPodsDoesNotSetPodsThatDidNotRunTooLongToFailed', () => {
    const writes = run(version, 300);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.map((w) => w.status.phase).filter((p) => p === 'Failed')).toEqual([]); // assert.NotEqual(PodFailed)
    expect(writes.some((w) => w.status.reason === 'DeadlineExceeded')).toBe(false);
  });
});
