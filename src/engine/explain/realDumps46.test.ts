// Explain mode on real dumps, session 43 round 6 (helper dumps46): a published pod checked against the
// lines kubectl printed for it. Source, what was published and what was rebuilt: the fixture's header
// and .scratch/rows-dumps46.md.
//
// - knative-hello-scaled-to-zero.yaml: a "Knative Playground" study note (search-index file
//   49058921070, Knative Serving on kind): the `hello` Knative Service's pod (user-container +
//   Knative's queue-proxy) scaled to zero after a minute without requests; the watch printed
//   `2/2 Running 0 1s`, `2/2 Terminating 0 61s` (twice), `1/2 Terminating 0 91s`, then
//   `0/2 Completed 0 91s` (three times) for the same pod. No -o yaml was published: the fixture is the
//   pod at the last row (both containers out, the kubelet's final status written, the object still
//   there); the 61 s and 91 s Terminating rows are built here from it.
//
// Upstream read: pkg/printers/internalversion/printers.go printPod (library file id 59882936, a
// 1.32–1.34-era copy: it registers MutatingAdmissionPolicy columns and has no PR #124766 error-reason
// memory in the walk): STATUS starts from the phase, each main container
// status, walked from the last listed to the first, overwrites it with its Waiting or Terminated
// reason, and `Terminating` replaces it only while the phase is not Succeeded or Failed (PR #122038,
// 1.31); READY counts the statuses with ready true. kubelet_pods.go convertToAPIContainerStatuses
// sorts the main containers' statuses by name (SortedContainerStatuses), so queue-proxy is listed
// before user-container and its reason is the one printed (rulebook [14.3]).
//
// Version: the thread names none. `0/2 Completed` printed for a pod under deletion needs the 1.31+
// printer (up to 1.30 any pod with a deletionTimestamp prints Terminating); and since the Go sample,
// PID 1 without a SIGTERM handler, exits 2 (its container `Error`), the `Completed` that queue-proxy's
// clean exit names needs the printer before PR #124766 (1.35 prints the failure's `Error`). So the
// rows run on 1.31–1.34; the first test shows both bounds.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';

type Rec = Record<string, unknown>;
interface Obj { status: { phase: string; conditions: Rec[]; containerStatuses: Rec[] } }
/** The trace fields these tests read. */
interface Ev { type: string; t: number; container?: string; ready?: string; status?: string; restarts?: string }

const file = 'knative-hello-scaled-to-zero.yaml';
const started = '2025-03-14T10:00:01Z';

/** The pod at 61 s: just deleted by the autoscaler's scale to zero, both containers still running and ready. */
function justDeleted(): Obj {
  const obj = parse(fixture(file)) as Obj;
  obj.status.phase = 'Running';
  for (const cs of obj.status.containerStatuses) {
    Object.assign(cs, { ready: true, started: true, state: { running: { startedAt: started } } });
  }
  obj.status.conditions = obj.status.conditions.map(({ reason: _r, ...c }) => ({ ...c, status: 'True', lastTransitionTime: c.type === 'PodScheduled' || c.type === 'Initialized' ? c.lastTransitionTime : started }));
  return obj;
}

/** The pod at the 91 s Terminating row: queue-proxy drained and exited 0, user-container (its preStop just released) still running. */
function queueProxyOut(): Obj {
  const obj = justDeleted();
  obj.status.containerStatuses[0] = (parse(fixture(file)) as Obj).status.containerStatuses[0]!;
  for (const c of obj.status.conditions) if (c.type === 'Ready' || c.type === 'ContainersReady') Object.assign(c, { status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [queue-proxy]', lastTransitionTime: '2025-03-14T10:01:31Z' });
  return obj;
}

describe('Knative Playground note (search-index file 49058921070, kind): hello-00001-deployment-5887686fbc-xc68l, a Knative pod scaled to zero', () => {
  it('the version: `0/2 Completed` for a pod with a deletionTimestamp needs the 1.31+ printer, and `Completed` over a failed user-container the printer before 1.35 [14.3] [14.4]', () => {
    expect(explain(file, '1.30', '2025-03-14T10:01:31Z')[0]!.kubectl.status).toBe('Terminating');
    for (const v of from(31, 34)) expect(explain(file, v, '2025-03-14T10:01:31Z')[0]!.kubectl.status).toBe('Completed');
    for (const v of from(35)) expect(explain(file, v, '2025-03-14T10:01:31Z')[0]!.kubectl.status).toBe('Error');
  });

  it.each(from(31, 34))('0/2 Completed 0 91s: both containers out, phase Failed, STATUS named by queue-proxy (listed first by name), nothing starts again [6.2] [14.3] [8.8] (%s)', (v) => {
    const [pod] = explain(file, v, '2025-03-14T10:01:31Z');
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Completed', restarts: '0', age: '91s' });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.phase.why).toMatch(/user-container did not succeed/);
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['user-container', 'main', 'terminated'], ['queue-proxy', 'main', 'terminated']]);
    expect(pod!.quirks.join(' ')).toMatch(/STATUS Completed although the pod Failed/);
    expect(pod!.conditions.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(pod!.notes).toEqual([]);
    expect(pod!.next.map((n) => [n.container, n.action])).toEqual([['user-container', 'wait'], ['queue-proxy', 'wait']]);
  });

  it.each(from(31, 34))('2/2 Terminating 0 61s: the autoscaler deleted the pod, both containers still running and ready, both stopped by deletionTimestamp at the latest [8.1] [8.5] [14.4] (%s)', (v) => {
    const [pod] = explainText(stringify(justDeleted()), v, '2025-03-14T10:01:01Z');
    expect(pod!.kubectl).toEqual({ ready: '2/2', status: 'Terminating', restarts: '0', age: '61s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.notes).toEqual([]);
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase/);
    for (const name of ['user-container', 'queue-proxy']) {
      expect(pod!.next.find((n) => n.container === name)).toMatchObject({ action: 'kill', at: at('2025-03-14T10:06:01Z') });
    }
  });

  it.each(from(31, 34))('1/2 Terminating 0 91s: queue-proxy out (ready false), user-container still running and ready; the phase is not terminal yet, so still Terminating [8.1] [14.3] [14.4] (%s)', (v) => {
    const [pod] = explainText(stringify(queueProxyOut()), v, '2025-03-14T10:01:31Z');
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'Terminating', restarts: '0', age: '91s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.notes).toEqual([]);
    expect(pod!.next.map((n) => [n.container, n.action])).toEqual([['user-container', 'kill'], ['queue-proxy', 'wait']]);
  });

  it.each(from(31, 34))('"Continue from here" at 61 s: 2/2 Terminating, then 0/2 Completed as the watch\'s last row; nothing restarts and the pod is gone before its deadline [8.2] [8.5] (%s)', (v) => {
    const r = continueScenario(stringify(justDeleted()), { version: v, now: at('2025-03-14T10:01:01Z') });
    if (!r.ok) throw new Error(r.message);
    const run = runScenario(r.text);
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const events = run.trace!.events as unknown as Ev[];
    const gone = events.filter((e) => e.type === 'pod.gone').map((e) => e.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]! - r.now).toBeGreaterThan(0);
    expect(gone[0]! - r.now).toBeLessThanOrEqual(300);
    expect(events.filter((e) => e.type === 'container.start' && e.t >= r.now)).toEqual([]);
    // the rows from the deletion on: Terminating with both ready, the watch's last row at the end
    const rows = events.filter((e) => e.type === 'pod.kubectl' && e.t >= r.now).map((e) => `${e.ready} ${e.status} ${e.restarts}`);
    expect(rows.indexOf('2/2 Terminating 0')).toBeGreaterThanOrEqual(0);
    expect(rows.indexOf('2/2 Terminating 0')).toBeLessThan(rows.length - 1);
    expect(rows.at(-1)).toBe('0/2 Completed 0');
  });

  it.each(from(31, 34))('2/2 Terminating 0 61s: user-container\'s preStop hook (/wait-for-drain) runs before its stop signal, which is why it outlives queue-proxy in the 91 s row [8.3] (%s)', (v) => {
    const [pod] = explainText(stringify(justDeleted()), v, '2025-03-14T10:01:01Z');
    const user = pod!.next.find((n) => n.container === 'user-container')!;
    const queue = pod!.next.find((n) => n.container === 'queue-proxy')!;
    expect(user.why).toMatch(/preStop/);
    expect(user.why).not.toMatch(/the stop signal has been sent/);
    expect(queue.why).not.toMatch(/preStop/);
    expect(user).toMatchObject({ action: 'kill', at: at('2025-03-14T10:06:01Z') });
  });

  it.each(from(31, 34))('"Continue from here" at 61 s keeps user-container\'s preStop: its hook runs before its stop signal [8.3] (%s)', (v) => {
    const r = continueScenario(stringify(justDeleted()), { version: v, now: at('2025-03-14T10:01:01Z') });
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toMatch(/preStop:/);
    const events = runScenario(r.text).trace!.events as unknown as Ev[];
    const hook = events.find((e) => e.type === 'hook.start' && e.container === 'user-container' && e.t >= r.now);
    const signal = events.find((e) => e.type === 'container.signal' && e.container === 'user-container' && e.t >= r.now);
    expect(hook).toBeDefined();
    expect(signal).toBeDefined();
    expect(hook!.t).toBeLessThanOrEqual(signal!.t);
    expect(events.indexOf(hook!)).toBeLessThan(events.indexOf(signal!));
  });
});
