// Explain mode on real dumps, session 42 round 3 (helper dumps43): published pods checked against the
// line kubectl printed for them. Sources, what was published and what was rebuilt: each fixture's
// header and .scratch/rows-dumps43.md.
//
// - iamra-sidecar-podinitializing.yaml: a Zenn post (search-index file 69024901179, 2026-09-20, a home
//   kubeadm cluster) that publishes a pod with one native sidecar (iamra-sidecar, restartPolicy
//   Always, no probes) and one app container, and its `kubectl get pods -o wide -w` rows
//   `0/2 Init:0/1 0 0s/1s`, `1/2 PodInitializing 0 2s`, `2/2 Running 0 3s`. The fixture is the 2 s
//   row; the 1 s and 3 s rows are built here from it.
// - kind-hello-world-unknown-255.yaml: a Korean study note (search-index file 69383149272, kind,
//   2025-11-26) that publishes the whole `kubectl get pod hello-world --output yaml` between two
//   `kubectl get pod` lines for the same pod, `1/1 Running 1 (31m ago) 3d1h` and `1/1 Running 1
//   (36m ago) 3d1h`: one restart (lastState Unknown 255, the kind node restarted), and a finished
//   `kubectl debug` ephemeral container, which READY does not count.
//
// Upstream read for the printed lines: pkg/printers/internalversion/printers.go printPod (the copy the
// earlier rounds cite, 1.31–1.34): the init walk skips a started restartable init container, prints
// Init:<i>/<n> for one that waits with PodInitializing (the reason is not printed); then, the init
// walk done, the main containers are walked and a waiting app prints its reason (PodInitializing);
// READY counts started-and-ready sidecars and ready main containers over containers + sidecars.
//
// Versions: the post states none; a native sidecar that works implies 1.29+ (SidecarContainers on by
// default), and the post's date (September 2026) suggests a current minor. The rows' branches did not
// change from 1.29 to 1.37, so each test runs on every minor from 1.29. The kind dump carries
// observedGeneration in its conditions and status (PodObservedGenerationTracking, beta and on by
// default from 1.34), so it runs from 1.34.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';

type Status = Record<string, unknown> & { containerStatuses: Record<string, unknown>[]; initContainerStatuses?: Record<string, unknown>[]; conditions: Record<string, unknown>[] };
/** The trace fields these tests read. */
interface Ev { type: string; t: number; container?: string; ready?: string; status?: string; restarts?: string }

/** A fixture with its status changed by `edit`. */
function withStatus(name: string, edit: (status: Status) => void): string {
  const obj = parse(fixture(name)) as { status: Status };
  edit(obj.status);
  return stringify(obj);
}
const condition = (s: Status, type: string) => s.conditions.find((c) => c.type === type)!;
const step = (pod: PodExplanation, name: string) => pod.next.find((n) => n.container === name)!;

describe('Zenn post (search-index file 69024901179, 2026-09-20): backend, the IAM Roles Anywhere credential helper as a native sidecar', () => {
  const file = 'iamra-sidecar-podinitializing.yaml';
  const created = at('2026-09-20T06:02:10Z');

  it.each(from(29))('1/2 PodInitializing 0 2s: the sidecar is started and ready (no probes), the app waits with PodInitializing and starts at the next sync [14.1] [14.3] [10.1] [3.2] (%s)', (v) => {
    const [pod] = explain(file, v, '2026-09-20T06:02:12Z');
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'PodInitializing', restarts: '0', age: '2s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['iamra-sidecar', 'sidecar', 'running'], ['app', 'main', 'waiting']]);
    expect(step(pod!, 'app')).toMatchObject({ action: 'start', at: at('2026-09-20T06:02:12Z') });
    expect(pod!.notes).toEqual([]);
  });

  // The 0 s and 1 s rows: no IP yet; the sidecar is not created, so both statuses wait with PodInitializing.
  const at1 = withStatus(file, (s) => {
    const sidecar = s.initContainerStatuses![0]!;
    for (const k of ['containerID', 'imageID']) delete sidecar[k];
    Object.assign(sidecar, { imageID: '', ready: false, started: false, state: { waiting: { reason: 'PodInitializing' } } });
    Object.assign(condition(s, 'Initialized'), { status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [iamra-sidecar]', lastTransitionTime: '2026-09-20T06:02:10Z' });
    Object.assign(condition(s, 'PodReadyToStartContainers'), { status: 'False' });
    for (const t of ['Ready', 'ContainersReady']) Object.assign(condition(s, t), { message: 'containers with unready status: [iamra-sidecar app]' });
    for (const k of ['podIP', 'podIPs']) delete s[k];
  });

  it.each(from(29))('0/2 Init:0/1 0 1s: the sidecar waiting with PodInitializing is printed as the init step it is, not by its reason [14.1] [14.3] (%s)', (v) => {
    const [pod] = explainText(at1, v, '2026-09-20T06:02:11Z');
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Init:0/1', restarts: '0', age: '1s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(step(pod!, 'app').action).toBe('wait');
    expect(step(pod!, 'app').why).toMatch(/iamra-sidecar/);
  });

  // The 3 s row: the app running, started and ready (no probes); the pod Running and Ready.
  const at3 = withStatus(file, (s) => {
    Object.assign(s.containerStatuses[0]!, { containerID: 'containerd://0e93d7f1a2b4', imageID: 'public.ecr.aws/aws-cli/aws-cli@sha256:9a4c2e', ready: true, started: true, state: { running: { startedAt: '2026-09-20T06:02:13Z' } } });
    for (const t of ['Ready', 'ContainersReady']) {
      const c = condition(s, t);
      for (const k of ['reason', 'message']) delete c[k];
      Object.assign(c, { status: 'True', lastTransitionTime: '2026-09-20T06:02:13Z' });
    }
    s.phase = 'Running';
  });

  it.each(from(29))('2/2 Running 0 3s: sidecar and app both counted in READY, phase Running [14.1] [14.3] [6.2] (%s)', (v) => {
    const [pod] = explainText(at3, v, '2026-09-20T06:02:13Z');
    expect(pod!.kubectl).toEqual({ ready: '2/2', status: 'Running', restarts: '0', age: '3s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.containers.map((c) => [c.name, c.state])).toEqual([['iamra-sidecar', 'running'], ['app', 'running']]);
  });

  it.each(from(29))('continued from the 2 s dump: the app starts and the row turns 2/2 Running 0 within a second, as the watch printed at 3 s (%s)', (v) => {
    const r = continueScenario(fixture(file), { version: v, now: at('2026-09-20T06:02:12Z') });
    if (!r.ok) throw new Error(r.message);
    const run = runScenario(r.text);
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const events = run.trace!.events as unknown as Ev[];
    const rows = events.filter((e) => e.type === 'pod.kubectl');
    expect(rows[0]).toMatchObject({ t: 2, ready: '1/2', status: 'PodInitializing', restarts: '0' });
    const running = rows.find((e) => e.status === 'Running')!;
    expect(running).toMatchObject({ ready: '2/2', restarts: '0' });
    expect(running.t).toBeLessThanOrEqual(at('2026-09-20T06:02:13Z') - created);
    // the sidecar keeps running: no start of it after the dump's 2 s
    expect(events.some((e) => e.type === 'container.start' && e.container === 'iamra-sidecar' && e.t > 2)).toBe(false);
  });
});

describe('Korean study note (search-index file 69383149272, kind 1.34+, 2025-11-26): hello-world after a node restart and a kubectl debug session', () => {
  const file = 'kind-hello-world-unknown-255.yaml';

  it.each(from(34))('1/1 Running 1 (31m ago) 3d1h, then 1 (36m ago): RESTARTS dated by the Unknown 255 lastState\'s finishedAt (10:49:50); the finished ephemeral container is not counted [14.1] [14.3] (%s)', (v) => {
    const [before] = explain(file, v, '2025-11-26T11:21:00Z');
    expect(before!.kubectl).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (31m ago)', age: '3d1h' });
    const [after] = explain(file, v, '2025-11-26T11:26:00Z');
    expect(after!.kubectl).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (36m ago)', age: '3d1h' });
    expect(after!.phase.value).toBe('Running');
    expect(after!.containers.map((c) => [c.name, c.kind, c.state, c.restartCount])).toEqual([['hello-server', 'main', 'running', 1]]);
    expect(after!.conditions.every((c) => c.status === 'True')).toBe(true);
    expect(after!.next).toEqual([]);
    expect(after!.notes).toEqual([]);
  });
});
