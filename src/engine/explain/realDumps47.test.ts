// Explain mode on real dumps, session 43 round 7 (helper dumps47): a published pod checked against the
// lines kubectl printed for it. Source, what was published and what was rebuilt: the fixture's header
// and .scratch/rows-dumps47.md.
//
// - trident-node-shutdown-terminating.yaml: a NetApp lab README, "Trident Force Detach Test for iSCSI
//   Backend" (search-index file 47218892615; five nodes printing v1.29.4, cri-o, 2025-03-21): the
//   Deployment pod test-deployment-57fb685899-d5r6n (alpine `sleep 7d`, tolerating the not-ready and
//   unreachable NoExecute taints for 30 s) prints `1/1 Running 0 2m49s` and `3m10s`; its node rhel2 is
//   shut down, the node turns NotReady and the pod still prints `1/1 Running 0 4m53s` (the
//   Deployment already 0/1 available); 30 s later it prints `1/1 Terminating 0 5m43s` beside its
//   replacement, and describe shows `Status: Terminating (lasts 24s)`, the container Running and
//   Ready True, the conditions Ready False, ContainersReady True, DisruptionTarget True, and the event
//   `NodeNotReady 89s node-controller Node is not ready`. The README then taints the node
//   out-of-service and the pod is gone. The fixture is the object at the describe, rebuilt from it; the
//   earlier rows are built here from it (the deletion and the controllers' writes taken away).
// - node-shutdown-control-plane.yaml: a Chinese note on why pods of a NotReady node cannot be deleted
//   (search-index file 71510643075; a kubeadm control-plane node printing v1.28.13-supcon, August 2025):
//   the three control-plane static pods after the kubelet's graceful node shutdown, each with its line
//   (`1/1 Terminated 6 (42h ago) 42h`, `0/1 Completed 5 (45h ago) 42h`, `0/1 Error 5 (45h ago) 42h`) and
//   its status cut to the container statuses, message, phase, reason and startTime. The fixture is
//   the three pods in one List, metadata and spec rebuilt as kubeadm and the kubelet write them.
//
// Upstream read: pkg/printers/internalversion/printers.go printPod (the stored copy the earlier rounds
// cite, library file id 59882936): READY counts the container statuses with ready true (the Ready
// condition plays no part), and a pod with a deletionTimestamp whose phase is not terminal prints
// Terminating (before 1.31 whatever the phase). pkg/controller/util/node/controller_utils.go
// MarkPodsNotReady (library file id 2920841573): on a node whose Ready goes Unknown it sets only the
// pod's Ready condition to False and records `NodeNotReady` "Node is not ready", so the container
// statuses keep ready: true (1/1) while the Deployment counts the pod unavailable.
// pkg/controller/tainteviction/taint_eviction.go addConditionAndDeletePod (library file id 24457498):
// DisruptionTarget True, reason DeletionByTaintManager, then a delete with the pod's 30 s grace, here
// once the 30 s tolerations ran out.
//
// For the node-shutdown pods, printPod's first step matters: STATUS starts from status.reason when
// it is set (here the shutdown manager's `Terminated`), and a container's Terminated reason replaces
// it; a running, ready container does not, and counts in READY. RESTARTS' "(Nh ago)" is the
// lastState's finishedAt, not the current state's.
//
// Version: the README's `k get node` prints v1.29.4 on every node, so the tests run on 1.29; the line
// (a Running pod under deletion) prints the same at every minor, which the first test shows. The
// control-plane note's node prints v1.28.13-supcon: its tests run on 1.28, the lines on every minor.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { at, expectDeletionReplayedAtOnce, explain, explainText, fixture, from } from './realDumps.testkit';

type Condition = Record<string, unknown>;
interface Obj { metadata: Record<string, unknown>; status: { conditions: Condition[] } }

const file = 'trident-node-shutdown-terminating.yaml';
const v = '1.29';
const describedAt = '2025-03-21T01:41:04Z';
const deadline = '2025-03-21T01:40:40Z';

/** The pod before the taint-eviction controller deleted it: no deletion, no DisruptionTarget; Ready as `ready` says. */
function undeleted(ready: 'True' | 'False'): string {
  const obj = parse(fixture(file)) as Obj;
  for (const k of ['deletionTimestamp', 'deletionGracePeriodSeconds']) delete obj.metadata[k];
  obj.status.conditions = obj.status.conditions.filter((c) => c.type !== 'DisruptionTarget');
  if (ready === 'True') Object.assign(obj.status.conditions.find((c) => c.type === 'Ready')!, { status: 'True', lastTransitionTime: '2025-03-21T01:34:52Z' });
  return stringify(obj);
}

describe('Trident force-detach lab (search-index file 47218892615, v1.29.4, cri-o): test-deployment-57fb685899-d5r6n on a node that was shut down', () => {
  it.each(from(27))('1/1 Terminating 0 5m43s: a Running pod with a deletionTimestamp prints Terminating at every minor [8.1] [14.4] (%s)', (minor) => {
    expect(explain(file, minor, '2025-03-21T01:40:26Z')[0]!.kubectl).toEqual({ ready: '1/1', status: 'Terminating', restarts: '0', age: '5m43s' });
  });

  it('1/1 Running 0 2m49s and 3m10s: alpine running and ready, nothing left to do [6.2] [7.3] [7.4]', () => {
    for (const [now, age] of [['2025-03-21T01:37:32Z', '2m49s'], ['2025-03-21T01:37:53Z', '3m10s']] as const) {
      const [pod] = explainText(undeleted('True'), v, now);
      expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Running', restarts: '0', age });
      expect(pod!.phase.value).toBe('Running');
      expect(pod!.next).toEqual([]);
      expect(pod!.notes).toEqual([]);
    }
  });

  it('1/1 Running 0 4m53s with the node NotReady: the node controller set Ready False (the Deployment 0/1 available) but READY counts the container statuses, still ready [7.6] [14.3]', () => {
    const [pod] = explainText(undeleted('False'), v, '2025-03-21T01:39:36Z');
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Running', restarts: '0', age: '4m53s' });
    expect(pod!.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', observed: 'False' });
    const notes = pod!.notes.map((n) => n.message).join(' ');
    expect(notes).toMatch(/the node looks unreachable: Ready=False with no reason while every container is ready/);
    expect(notes).not.toMatch(/DeletionByTaintManager/);
    expect(pod!.next).toEqual([]);
  });

  it('1/1 Terminating 0 5m43s: deleted by the taint-eviction controller once the 30 s tolerations ran out; alpine still reported running and ready, its kill due at deletionTimestamp, but the node stopped reporting [7.6] [8.1] [8.5]', () => {
    const [pod] = explain(file, v, '2025-03-21T01:40:26Z');
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Terminating', restarts: '0', age: '5m43s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['alpine', 'main', 'running']]);
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase/);
    // the conditions describe printed: the kubelet would write Ready True; ContainersReady and DisruptionTarget kept
    expect(pod!.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', observed: 'False' });
    expect(pod!.conditions.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'True' });
    expect(pod!.conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    const notes = pod!.notes.map((n) => n.message).join(' ');
    expect(notes).toMatch(/MarkPodsNotReady, the NodeNotReady event/);
    expect(notes).toMatch(/DeletionByTaintManager/);
    expect(pod!.next).toHaveLength(1);
    expect(pod!.next[0]).toMatchObject({ container: 'alpine', action: 'kill', at: at(deadline) });
    expect(pod!.next[0]!.why).toMatch(/its node stopped reporting \[7\.6\]: the kubelet there may never see the deletion/);
  });

  it('the describe, 24 s past the deadline ("Terminating (lasts 24s)"): still 1/1 Terminating, the pod stays until the kubelet reports or it is force-deleted, as the README found [7.6] [8.2]', () => {
    const [pod] = explain(file, v, describedAt);
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Terminating', restarts: '0', age: '6m21s' });
    expect(pod!.next[0]).toMatchObject({ container: 'alpine', action: 'kill', at: at(deadline) });
    expect(pod!.next[0]!.why).toMatch(/stays Terminating until that kubelet reports again or the pod is force-deleted/);
  });

  it('"Continue from here" at the describe: the deletion is replayed with the least grace (its deadline passed), alpine is stopped and the pod is gone within seconds, as after the out-of-service taint; nothing restarts [8.2] [8.5]', () => {
    expectDeletionReplayedAtOnce(fixture(file), v, describedAt);
  });
});

const shutdown = 'node-shutdown-control-plane.yaml';
const printedAt = '2025-08-25T03:00:00Z';

describe('Chinese note on a NotReady node (search-index file 71510643075, v1.28.13): the control-plane static pods after a graceful node shutdown', () => {
  it.each(from(27))('the three lines: 1/1 Terminated 6 (42h ago), 0/1 Completed 5 (45h ago), 0/1 Error 5 (45h ago), all 42h [14.3] (%s)', (minor) => {
    const rows = explain(shutdown, minor, printedAt).map((p) => p.kubectl);
    expect(rows).toEqual([
      { ready: '1/1', status: 'Terminated', restarts: '6 (42h ago)', age: '42h' },
      { ready: '0/1', status: 'Completed', restarts: '5 (45h ago)', age: '42h' },
      { ready: '0/1', status: 'Error', restarts: '5 (45h ago)', age: '42h' },
    ]);
  });

  it('kube-apiserver 1/1 Terminated: STATUS is the pod\'s own reason, which its running container does not replace; the container still counts ready, as its status was never rewritten; phase Failed stays [6.5] [14.3]', () => {
    const [api] = explain(shutdown, '1.28', printedAt);
    expect(api!.kubectl).toEqual({ ready: '1/1', status: 'Terminated', restarts: '6 (42h ago)', age: '42h' });
    expect(api!.phase.value).toBe('Failed');
    expect(api!.phase.why).toMatch(/terminal phases never change/);
    expect(api!.containers.map((c) => [c.name, c.state])).toEqual([['kube-apiserver', 'running']]);
    expect(api!.conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet' });
  });

  it('kube-scheduler 0/1 Completed and kube-controller-manager 0/1 Error: the containers\' terminated reasons replace the pod\'s reason Terminated; RESTARTS dates the last state (05:41:52 two days before), not the shutdown [6.5] [14.3]', () => {
    const [, scheduler, manager] = explain(shutdown, '1.28', printedAt);
    for (const pod of [scheduler!, manager!]) {
      expect(pod.phase.value).toBe('Failed');
      expect(pod.quirks.join(' ')).toMatch(/The pod's own reason is Terminated \(status\.reason\)/);
      expect(pod.notes).toEqual([]);
      expect(pod.next.map((n) => n.action)).toEqual(['wait']);
    }
    expect(scheduler!.kubectl.status).toBe('Completed');
    expect(scheduler!.quirks.join(' ')).toMatch(/STATUS Completed although the pod Failed/);
    expect(manager!.kubectl.status).toBe('Error');
    // an hour later the "(Nh ago)" counts from the last state's finish, not from the shutdown at 01:30:24
    expect(explain(shutdown, '1.28', '2025-08-25T04:00:00Z')[2]!.kubectl.restarts).toBe('5 (46h ago)');
  });

  it('kube-apiserver shown running under phase Failed and reason Terminated: the kubelet writes a terminal phase only once nothing can run (mergePodStatus), so its container status is older than the phase [6.5] [13.2]', () => {
    const [api] = explain(shutdown, '1.28', printedAt);
    const step = api!.next.find((n) => n.container === 'kube-apiserver')!;
    expect(step.why).toMatch(/older than the phase|no longer running|has stopped/);
    expect(api!.notes.map((n) => n.message).join(' ')).toMatch(/writes a terminal phase only once nothing can run/);
  });
});
