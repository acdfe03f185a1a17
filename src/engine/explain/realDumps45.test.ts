// Explain mode on real dumps, session 43 round 5 (helper dumps45): a published pod checked against the
// lines kubectl printed for it. Source, what was published and what was rebuilt: the fixture's header
// and .scratch/rows-dumps45.md.
//
// - quiz-1-node-unreachable-terminating.yaml: study notes on Kubernetes in Action 2nd ed., chapter 16
//   (search-index file 55831854894, a Docker Desktop kind cluster, nodes v1.34.3, April 2026), lab
//   "Handling node failures": the StatefulSet pod quiz-1 (quiz-api + mongo:7) prints `2/2 Running 0 15s`
//   when re-created and `2/2 Running 0 16m` on desktop-worker2; the node's eth0 is taken down, the node
//   turns NotReady, and the pod prints `2/2 Terminating 0 32m` with describe's event `NodeNotReady 18m
//   node-controller Node is not ready`; the note explains the pod is not replaced and force-deletes it.
//   No -o yaml of quiz-1 was published: the fixture is the object the API server holds at the 32m
//   line, as the three writers leave it (the kubelet's last status; the node-lifecycle controller's
//   MarkPodsNotReady; the taint-eviction controller's DisruptionTarget and deletion). The 15 s and
//   16m rows are built here from it (the deletion and the controllers' writes taken away).
//
// Upstream read: pkg/printers/internalversion/printers.go printPod (the stored 1.31–1.34 copy the
// earlier rounds cite, library file id 59882936): READY counts the container statuses with ready
// true (the Ready condition plays no part), and a pod with a deletionTimestamp whose phase is not
// terminal prints Terminating (its Status.Reason is not NodeLost, which nothing sets any more).
// pkg/controller/util/node/controller_utils.go MarkPodsNotReady (commit 025f2834, library file id
// 2920841573): on a node that stops reporting it sets only the pod's Ready condition to False and
// records the pod event `NodeNotReady` "Node is not ready" (the event the note's describe shows);
// the container statuses keep ready: true, hence READY 2/2 on a pod that is not Ready.
// pkg/controller/tainteviction/taint_eviction.go addConditionAndDeletePod (library file id
// 24457498): DisruptionTarget True, reason DeletionByTaintManager, then a delete with default
// options (the pod's 30 s grace), after the 300 s toleration of node.kubernetes.io/unreachable.
//
// Version: the note's `kubectl get nodes` prints v1.34.3. The printer's branches used here are the
// same from 1.31 (the Terminating branch's terminal-phase check, PR #122038) to 1.37, and the
// fixture carries the observedGeneration fields of 1.34+, so each test runs on every minor from 1.34.
//
// The next steps said both containers are SIGKILLed "at deletionTimestamp", eight and a half minutes
// before the line, and not that a deadline long passed with the containers still reported running
// means the kubelet has not reported since (the report, .scratch/pending-dumps45.txt): explain mode now
// says so ([7.6], explain/nodeLost.ts), and the last test below asserts it.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, expectDeletionReplayedAtOnce, explain, explainText, fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';

type Condition = Record<string, unknown>;
interface Obj { metadata: Record<string, unknown>; status: { conditions: Condition[] } }
/** The trace fields these tests read. */
interface Ev { type: string; t: number; container?: string }

const file = 'quiz-1-node-unreachable-terminating.yaml';
const step = (pod: PodExplanation, name: string) => pod.next.find((n) => n.container === name)!;

/** quiz-1 before the node was cut off: no deletion, no DisruptionTarget, Ready True since 02:30:43. */
function beforeTheCut(): string {
  const obj = parse(fixture(file)) as Obj;
  for (const k of ['deletionTimestamp', 'deletionGracePeriodSeconds']) delete obj.metadata[k];
  obj.status.conditions = obj.status.conditions.filter((c) => c.type !== 'DisruptionTarget');
  Object.assign(obj.status.conditions.find((c) => c.type === 'Ready')!, { status: 'True', lastTransitionTime: '2026-04-19T02:30:43Z' });
  return stringify(obj);
}

describe('Kubernetes in Action notes (search-index file 55831854894, kind v1.34.3, April 2026): quiz-1, a StatefulSet pod on a node that lost its network', () => {
  it.each(from(34))('2/2 Running 0 15s and 2/2 Running 0 16m: both containers running and ready, nothing left to do [6.2] [7.3] [7.4] (%s)', (v) => {
    for (const [now, age] of [['2026-04-19T02:30:45Z', '15s'], ['2026-04-19T02:46:30Z', '16m']] as const) {
      const [pod] = explainText(beforeTheCut(), v, now);
      expect(pod!.kubectl).toEqual({ ready: '2/2', status: 'Running', restarts: '0', age });
      expect(pod!.phase.value).toBe('Running');
      expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['quiz-api', 'main', 'running'], ['mongo', 'main', 'running']]);
      expect(pod!.next).toEqual([]);
      expect(pod!.notes).toEqual([]);
    }
  });

  it.each(from(34))('2/2 Terminating 0 32m: READY counts the container statuses (still ready: true, the kubelet silent), not the Ready condition the node controller set to False; Terminating for the deletionTimestamp on a Running pod [8.1] [14.4] (%s)', (v) => {
    const [pod] = explain(file, v, '2026-04-19T03:03:00Z');
    expect(pod!.kubectl).toEqual({ ready: '2/2', status: 'Terminating', restarts: '0', age: '32m' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.containers.map((c) => [c.name, c.state])).toEqual([['quiz-api', 'running'], ['mongo', 'running']]);
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase/);
    // the Ready=False in the object is not the kubelet's: from these statuses it would write True
    const ready = pod!.conditions.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'True', observed: 'False' });
    expect(pod!.notes.map((n) => n.message).join(' ')).toMatch(/the node looks unreachable: Ready=False with no reason/); // [7.6] said once, not blamed on the object as well
    expect(pod!.notes.map((n) => n.message).join(' ')).not.toMatch(/the object has Ready=False; the kubelet would write True/);
    // the taint-eviction controller's condition is kept as it is
    expect(pod!.conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    // both containers are still running, so the deletion ends in a kill once the grace period is over
    for (const name of ['quiz-api', 'mongo']) expect(step(pod!, name)).toMatchObject({ action: 'kill', at: at('2026-04-19T02:54:30Z') });
  });

  it.each(from(34))('"Continue from here": the deletion is replayed with the least grace (its deadline passed), the containers are stopped and the pod is gone within seconds, as when the note force-deleted it; nothing restarts [8.2] [8.5] (%s)', (v) => {
    expectDeletionReplayedAtOnce(fixture(file), v, '2026-04-19T03:03:00Z');
  });

  it.each(from(34))('2/2 Terminating 0 32m: the deletion deadline passed 8m30s before the line and both containers are still reported running, so the kubelet has not reported since: the pod stays Terminating until it does or is force-deleted, as the note found [8.1] [8.5] [8.10] (%s)', (v) => {
    const [pod] = explain(file, v, '2026-04-19T03:03:00Z');
    for (const name of ['quiz-api', 'mongo']) {
      const s = step(pod!, name);
      expect(s).toMatchObject({ action: 'kill', at: at('2026-04-19T02:54:30Z') });
      expect(s.why).toMatch(/passed/);
      expect(s.why).toMatch(/has not reported/);
      expect(s.why).toMatch(/force-deleted/);
    }
  });
  it.each(from(34))('the object itself says the node stopped reporting (Ready=False with no reason over ready containers, DeletionByTaintManager): a note says so, and even at the deadline the steps say the kubelet may never see the deletion [7.6] (%s)', (v) => {
    const [pod] = explain(file, v, '2026-04-19T02:54:30Z');
    const notes = pod!.notes.map((n) => n.message).join(' ');
    expect(notes).toMatch(/the node looks unreachable: Ready=False with no reason while every container is ready/);
    expect(notes).toMatch(/DeletionByTaintManager/);
    expect(step(pod!, 'mongo').why).toMatch(/its node stopped reporting \[7\.6\]: the kubelet there may never see the deletion/);
    // before the cut: no sign, no such words
    const [before] = explainText(beforeTheCut(), v);
    expect(before!.notes.map((n) => n.message).join(' ')).not.toMatch(/unreachable/);
  });
  it.each(from(34))('"Continue from here" dates only the conditions whose value the kubelet wrote: Ready=False came from the node controller, so the run\'s Ready is drawn from now, not backdated to its time; Initialized keeps the object\'s [7.6] (%s)', (v) => {
    const r = continueScenario(fixture(file), { version: v, now: at('2026-04-19T03:03:00Z') });
    if (!r.ok) throw new Error(r.message);
    expect(r.text).not.toMatch(/\n\s+Ready: /);
    expect(r.text).toMatch(/\n\s+Initialized: /);
    const events = runScenario(r.text).trace!.events as unknown as (Ev & { condition?: string })[];
    const ready = events.filter((e) => e.type === 'pod.condition' && e.condition === 'Ready');
    expect(ready[0]!.t).toBeGreaterThanOrEqual(r.now);
  });
});
