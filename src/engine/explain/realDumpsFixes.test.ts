// Explain mode on real dumps, part 3: what the first reading of ten published dumps found wrong
// (session 38), each fixed and checked on the dump that showed it.
// - kubectl's quirks for a deleted pod that already finished (kubernetes#120207): up to 1.30 printPod
//   prints Terminating for any pod with a deletionTimestamp (the stored older printers.go, id 8906070),
//   from 1.31 only for one whose phase is not terminal (PR #122038) [14.4]; the quirk said the 1.31
//   rule under a 1.27-1.30 line.
// - STATUS hiding the failure a thread is about: Completed on a Failed pod (printPod's walk from the
//   last main container to the first, until 1.35's PR #124766) [14.3], and a container's reason
//   over status.reason Evicted [14.1].
// - "Continue from here" on a terminal pod ran its containers again: kubelet.go SyncPod returns at
//   once for a Succeeded or Failed pod (newest stored copy, id 54300650048) and the phase never
//   changes [6.5], so it now says there is nothing to continue.
// - "Continue from here" on a pod being deleted forgot the deletion: it is replayed at now with the
//   grace left, so SIGKILL comes at the deletionTimestamp ([8.1] [8.5]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, explain, fixture, from } from './realDumps.testkit';

describe('kubernetes/kubernetes#120207: kubectl\'s quirk for a deleted pod that already Failed', () => {
  it.each(from(27, 30))('up to 1.30 the quirk says Terminating is printed although the pod Failed, and that 1.31 changed it [14.4] (%s)', (v) => {
    const [pod] = explain('terminating-finalizer.yaml', v, '2023-08-28T14:06:00Z');
    expect(pod!.kubectl.status).toBe('Terminating');
    const q = pod!.quirks.join(' ');
    expect(q).toMatch(/this pod is already Failed, but kubectl up to 1\.30 prints Terminating/);
    expect(q).not.toMatch(/whose phase is not yet Succeeded or Failed/);
    expect(q).toMatch(/1\.31/);
  });

  it.each(from(27))('a deleted pod that still runs keeps the general line [8.1] [14.4] (%s)', (v) => {
    const [pod] = explain('terminating.json', v, '2019-12-20T06:20:17Z');
    expect(pod!.kubectl.status).toBe('Terminating');
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase: kubectl prints it for any pod with a deletionTimestamp whose phase is not yet Succeeded or Failed/);
  });
});

describe('kubectl\'s quirks when STATUS hides a failure', () => {
  it.each(from(27, 34))('kubectl#1511 / kubernetes#121563, test-srvsp: Completed although the pod Failed is spelled out [14.3] (%s)', (v) => {
    const [pod] = explain('completed-error-list.json', v, '2023-11-02T08:45:00Z');
    expect(pod!.kubectl.status).toBe('Completed');
    expect(pod!.quirks.join(' ')).toMatch(/STATUS Completed although the pod Failed: .*from 1\.35 the failure's reason wins/);
  });

  it.each(['evicted-containercreating.json', 'container-status-unknown.yaml', 'evicted-new-fields.json'])('%s: the pod\'s status.reason Evicted, hidden by a container\'s reason, is named [14.1] [14.3]', (name) => {
    const [pod] = explain(name, '1.37');
    expect(pod!.kubectl.status).not.toBe('Evicted');
    expect(pod!.quirks.join(' ')).toMatch(new RegExp(`The pod's own reason is Evicted \\(status\\.reason\\), but STATUS shows ${pod!.kubectl.status}`));
  });

  it('an evicted pod whose STATUS is its reason gets no such line [14.1]', () => {
    const [pod] = explain('evicted-no-statuses.yaml', '1.37', '2022-10-08T02:00:00Z');
    expect(pod!.kubectl.status).toBe('Evicted');
    expect(pod!.quirks.join(' ')).not.toMatch(/own reason/);
  });
});

describe('"Continue from here" on a terminal pod: nothing to continue, whatever the restartPolicy [6.5]', () => {
  it.each([
    ['evicted-no-statuses.yaml', 'Failed'], ['evicted-completed.yaml', 'Succeeded'],
    ['container-status-unknown.yaml', 'Failed'], ['terminating-finalizer.yaml', 'Failed'],
  ])('%s (%s)', (name, phase) => {
    const r = continueScenario(fixture(name));
    expect(r).toEqual({ ok: false, message: expect.stringMatching(new RegExp(`^the pod is ${phase}, a terminal phase: the kubelet runs none of its containers again`)) });
  });
});

describe('"Continue from here" on a pod being deleted', () => {
  it('terminating.json: the deletion is replayed at now with the grace left, and agnhost is gone by its deletionTimestamp [8.1] [8.5]', () => {
    const now = at('2019-12-20T06:20:17Z');
    const r = continueScenario(fixture('terminating.json'), { now });
    if (!r.ok) throw new Error(r.message);
    const deadline = at('2019-12-20T06:20:41Z') - at('2019-12-20T06:19:16Z');
    expect(r.text).toMatch(new RegExp(`do: deletePod\\n\\s+gracePeriodSeconds: ${Math.floor(deadline - r.now)}\\n`));
    const events = runScenario(r.text).trace!.events;
    expect(events.filter((e) => e.type === 'pod.deleted').map((e) => e.t)).toEqual([r.now]);
    const exit = events.find((e) => e.type === 'container.exit' && 'container' in e && e.container === 'agnhost' && e.t >= r.now);
    expect(exit).toBeDefined();
    expect(exit!.t).toBeLessThanOrEqual(deadline);
  });

  it('a pod that is not being deleted gets no deletion', () => {
    const r = continueScenario(fixture('running-sidecar.yaml'));
    if (!r.ok) throw new Error(r.message);
    expect(r.text).not.toMatch(/deletePod/);
  });
});
