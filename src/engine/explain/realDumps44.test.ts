// Explain mode on real dumps, session 42 round 4 (helper dumps44): a published pod checked against
// the lines kubectl printed for it. Source, what was published and what was rebuilt: the fixture's
// header and .scratch/rows-dumps44.md.
//
// - demo-pod-sidecar-docker-desktop.yaml: a course note (search-index file 49434350092, "Lab: Sidecar
//   Container", Docker Desktop, 2026-01-03 US Eastern) that publishes the manifest (a native sidecar
//   with no probes, a regular init container `sleep 10`, nginx), the `kubectl get pod -w` rows
//   `0/2 Init:0/2 0 0s`, `1/2 Init:1/2 0 2s` and `4s`, `1/2 PodInitializing 0 15s`,
//   `2/2 Running 0 17s`, and a `kubectl describe pod` cut to the three states with the init
//   container's Started/Finished and main's Started times and the events' ages. The fixture is the
//   pod at that describe; the 0 s, 2 s and 15 s rows are built here from it (the containers' states the
//   rows imply at those times, as the describe's times date them).
//
// Upstream read for the printed lines: pkg/printers/internalversion/printers.go printPod (the copy the
// earlier rounds cite, 1.31–1.34): the init walk skips a started restartable init container and
// prints Init:<i>/<n> for the first regular one not yet completed (i counts the sidecar as done);
// READY counts a started-and-ready sidecar even while the pod initializes; once Initialized is True
// the main containers are walked and a waiting app prints its reason (PodInitializing).
//
// Versions: the note states none; a working native sidecar implies 1.29+ (SidecarContainers on by
// default), and Docker Desktop of January 2026 ships a current minor. The rows' branches did not change
// from 1.29 to 1.37, so each test runs on every minor from 1.29.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';

type Status = Record<string, unknown> & { containerStatuses: Record<string, unknown>[]; initContainerStatuses: Record<string, unknown>[]; conditions: Record<string, unknown>[] };
/** The trace fields these tests read. */
interface Ev { type: string; t: number; container?: string; ready?: string; status?: string; restarts?: string }

const file = 'demo-pod-sidecar-docker-desktop.yaml';

/** The fixture with its status changed by `edit`. */
function withStatus(edit: (status: Status) => void): string {
  const obj = parse(fixture(file)) as { status: Status };
  edit(obj.status);
  return stringify(obj);
}
const condition = (s: Status, type: string) => s.conditions.find((c) => c.type === type)!;
const notReady = (s: Status, message: string) => {
  for (const t of ['Ready', 'ContainersReady']) Object.assign(condition(s, t), { status: 'False', reason: 'ContainersNotReady', message, lastTransitionTime: '2026-01-04T01:43:55Z' });
};
const waitingMain = (s: Status) => {
  const main = s.containerStatuses[0]!;
  for (const k of ['containerID', 'imageID']) delete main[k];
  Object.assign(main, { image: 'nginx', imageID: '', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } });
};
const step = (pod: PodExplanation, name: string) => pod.next.find((n) => n.container === name)!;

describe('course note (search-index file 49434350092, Docker Desktop, 2026-01-03): demo-pod-sidecar, a native sidecar before a regular init container', () => {
  it.each(from(29))('2/2 Running 0 17s: the sidecar and main both counted in READY, the completed init container not; phase Running [14.1] [14.3] [6.2] (%s)', (v) => {
    const [pod] = explain(file, v, '2026-01-04T01:44:12Z');
    expect(pod!.kubectl).toEqual({ ready: '2/2', status: 'Running', restarts: '0', age: '17s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['sidecar', 'sidecar', 'running'], ['init', 'init', 'terminated'], ['main', 'main', 'running']]);
    expect(pod!.next).toEqual([]);
    expect(pod!.notes).toEqual([]);
    // at the describe itself (94 s after the Scheduled event) the line is the same but for AGE
    const [later] = explain(file, v, '2026-01-04T01:45:29Z');
    expect(later!.kubectl).toEqual({ ready: '2/2', status: 'Running', restarts: '0', age: '94s' });
  });

  // The 0 s row: nothing created yet, both init statuses waiting with PodInitializing, no IP.
  const at0 = withStatus((s) => {
    for (const c of s.initContainerStatuses) {
      for (const k of ['containerID', 'imageID']) delete c[k];
      Object.assign(c, { image: 'busybox', imageID: '', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } });
    }
    Object.assign(condition(s, 'Initialized'), { status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [sidecar init]', lastTransitionTime: '2026-01-04T01:43:55Z' });
    Object.assign(condition(s, 'PodReadyToStartContainers'), { status: 'False' });
    notReady(s, 'containers with unready status: [sidecar main]');
    waitingMain(s);
    for (const k of ['podIP', 'podIPs']) delete s[k];
    s.phase = 'Pending';
  });

  it.each(from(29))('0/2 Init:0/2 0 0s: a sidecar not yet started is the first init step still to do [14.1] [14.3] (%s)', (v) => {
    const [pod] = explainText(at0, v, '2026-01-04T01:43:55Z');
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Init:0/2', restarts: '0', age: '0s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(step(pod!, 'main').action).toBe('wait');
  });

  // The 2 s row: the sidecar started (01:43:56), init created and running from 01:43:57, main waiting.
  const at2 = withStatus((s) => {
    const init = s.initContainerStatuses[1]!;
    Object.assign(init, { ready: false, started: true, state: { running: { startedAt: '2026-01-04T01:43:57Z' } } });
    Object.assign(condition(s, 'Initialized'), { status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init]', lastTransitionTime: '2026-01-04T01:43:55Z' });
    notReady(s, 'containers with unready status: [main]');
    waitingMain(s);
    s.phase = 'Pending';
  });

  it.each(from(29))('1/2 Init:1/2 0 2s and 4s: the ready sidecar counts in READY and as the first init step done; init (sleep 10) runs [14.1] [14.3] (%s)', (v) => {
    for (const [now, age] of [['2026-01-04T01:43:57Z', '2s'], ['2026-01-04T01:43:59Z', '4s']] as const) {
      const [pod] = explainText(at2, v, now);
      expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'Init:1/2', restarts: '0', age });
      expect(pod!.phase.value).toBe('Pending');
      expect(step(pod!, 'main').action).toBe('wait');
      expect(step(pod!, 'main').why).toMatch(/until init exits with code 0/);
      expect(pod!.notes).toEqual([]);
    }
  });

  // The 15 s row: init completed at 01:44:07, main not yet started (nginx pulled 01:44:09–10).
  const at15 = withStatus((s) => {
    notReady(s, 'containers with unready status: [main]');
    waitingMain(s);
    s.phase = 'Pending';
  });

  it.each(from(29))('1/2 PodInitializing 0 15s: Initialized, main waiting with PodInitializing is printed by its reason; the sidecar stays counted [14.1] [14.2] [14.3] (%s)', (v) => {
    const [pod] = explainText(at15, v, '2026-01-04T01:44:10Z');
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'PodInitializing', restarts: '0', age: '15s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(step(pod!, 'main').action).toBe('start');
    expect(pod!.notes).toEqual([]);
  });

  it.each(from(29))('continued from the 15 s row: main starts and the row turns 2/2 Running 0, as the watch printed at 17 s; the sidecar is not restarted (%s)', (v) => {
    const r = continueScenario(at15, { version: v, now: at('2026-01-04T01:44:10Z') });
    if (!r.ok) throw new Error(r.message);
    const run = runScenario(r.text);
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const events = run.trace!.events as unknown as Ev[];
    const rows = events.filter((e) => e.type === 'pod.kubectl');
    expect(rows[0]).toMatchObject({ ready: '1/2', status: 'PodInitializing', restarts: '0' });
    const running = rows.find((e) => e.status === 'Running')!;
    expect(running).toMatchObject({ ready: '2/2', restarts: '0' });
    expect(running.t).toBeLessThanOrEqual(at('2026-01-04T01:44:12Z') - at('2026-01-04T01:43:55Z'));
    expect(events.some((e) => e.type === 'container.start' && e.container === 'sidecar' && e.t > 15)).toBe(false);
  });
});
