// Explain mode on real dumps, part 2: init containers and native sidecars, then the new real dumps
// through "Continue from here" (`sim explain` on them: src/cli/explainRealDumps.test.ts). Sources, what was published and what
// was rebuilt: fixtures/SOURCES.md; the upstream read for the printed lines: realDumps.test.ts's
// header (printers.go printPod, the stored 1.31–1.34 copy, file id 59882936: the init walk, the
// main walk when Initialized is True, RESTARTS reset to the sidecars' once initialized).
//
// Upstream for what comes next: kuberuntime_container.go doBackOff (the restart waits the back-off
// from the last exit, 10 s doubling per restart after the first immediate one) as [4.5] has it,
// and kubelet.go SyncPod's early return for a terminal pod (nothing is started again).
//
// Versions: the init cases run on 1.27–1.37; the sidecar case from 1.29, where SidecarContainers
// is on by default (1.28's printer knows sidecars, but its API server drops restartPolicy unless
// the alpha gate is on).

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { KubeVersion } from '../version';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';

describe('kubernetes/website#49519 (kind, v1.32.0): pod-x, an init container that exits 1 under restartPolicy Never', () => {
  it.each(from(27))('0/1 Init:Error 0 26s; the pod Failed, the app never starts, nothing is retried [14.1] [2.5] [6.5] (%s)', (v) => {
    const [pod] = explain('init-error-never.yaml', v, '2025-01-21T10:15:26Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:Error', restarts: '0', age: '26s' });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.conditions.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([['init-container', 'init', 'terminated'], ['main-container', 'main', 'waiting']]);
    for (const n of pod!.next) expect(n).toMatchObject({ action: 'wait', at: null });
  });
});

describe('search-index file 70945592809 (kind, v1.34): taskboard\'s migrate init container crash-looping on a wrong DB password', () => {
  const now40 = '2026-10-07T16:52:40Z';

  it.each(from(27))('0/1 Init:CrashLoopBackOff 2 (22s ago) 40s; Pending; the back-off (20 s from 16:52:18) is over, so migrate starts at the next sync [14.1] [4.5] (%s)', (v) => {
    const [pod] = explain('init-crashloop.yaml', v, now40);
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '2 (22s ago)', age: '40s' });
    expect(pod!.phase.value).toBe('Pending');
    const migrate = pod!.next.find((n) => n.container === 'migrate')!;
    expect(migrate).toMatchObject({ action: 'start', at: at(now40) });
    expect(migrate.why).toMatch(/back-off 20s/);
    expect(pod!.next.find((n) => n.container === 'backend')).toMatchObject({ action: 'wait', at: null });
  });

  it.each(from(27))('what happened next: "the stuck pod\'s next init retry succeeded" and kubectl printed 1/1 Running 0 53s, the init restarts no longer counted [14.3] (%s)', (v) => {
    // The 53 s status, rebuilt: migrate's fourth run (after the fix) exited 0, backend runs and is ready.
    const obj = parse(fixture('init-crashloop.yaml')) as { status: Record<string, unknown> };
    const { status } = obj;
    status.phase = 'Running';
    status.conditions = [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2026-10-07T16:52:01Z' },
      { type: 'Initialized', status: 'True', lastTransitionTime: '2026-10-07T16:52:46Z' },
      { type: 'Ready', status: 'True', lastTransitionTime: '2026-10-07T16:52:50Z' },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: '2026-10-07T16:52:50Z' },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-10-07T16:52:00Z' },
    ];
    const [migrate] = status.initContainerStatuses as Record<string, unknown>[];
    Object.assign(migrate!, {
      restartCount: 3, ready: true,
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-10-07T16:52:44Z', finishedAt: '2026-10-07T16:52:46Z' } },
    });
    status.containerStatuses = [{
      name: 'backend', image: 'docker.io/library/taskboard-backend:35788bf', imageID: 'sha256:3f8a', containerID: 'containerd://2c7d',
      state: { running: { startedAt: '2026-10-07T16:52:47Z' } }, lastState: {}, ready: true, restartCount: 0, started: true,
    }];
    const [pod] = explainText(stringify(obj), v, '2026-10-07T16:52:53Z');
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Running', restarts: '0', age: '53s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.quirks.join(' ')).toMatch(/restarts of regular init containers no longer show/);
  });
});

describe('derailed/k9s#4005 with kubernetes/kubectl#1739: a Job pod whose native sidecar was SIGKILLed after the main container completed', () => {
  it.each(from(29))('0/2 Completed 0: the stopped sidecar stops the init walk (Init:Error), but Initialized is True, so the main container names STATUS; the sidecar\'s 137 does not fail the pod [14.2] [14.3] [6.3] (%s)', (v) => {
    const [pod] = explain('sidecar-job-killed.yaml', v);
    expect(pod!.kubectl).toMatchObject({ ready: '0/2', status: 'Completed', restarts: '0' });
    expect(pod!.phase.value).toBe('Succeeded');
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.containers.map((c) => [c.name, c.kind, c.reason])).toEqual([['sidecar', 'sidecar', 'Error'], ['main', 'main', 'Completed']]);
    for (const n of pod!.next) expect(n).toMatchObject({ action: 'wait', at: null });
  });

  it('1.27\'s printer knows no sidecar: the same object printed Init:Error there, as k9s did (derailed/k9s#3101) [14.1]', () => {
    const [pod] = explain('sidecar-job-killed.yaml', '1.27');
    expect(pod!.kubectl.status).toBe('Init:Error');
  });
});

function continued(name: string, opts: { version?: KubeVersion; now?: string } = {}) {
  const r = continueScenario(fixture(name), { ...(opts.version ? { version: opts.version } : {}), ...(opts.now ? { now: at(opts.now) } : {}) });
  if (!r.ok) throw new Error(r.message);
  const run = runScenario(r.text);
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const starts = run.trace!.events.filter((e) => e.type === 'container.start' && e.t > r.now);
  return { text: r.text, now: r.now, scenario: run.scenario!, starts };
}

describe('"Continue from here" on the new real dumps', () => {
  it('the crash-looping migrate keeps its restart count, its last run and the back-off the kubelet printed, and starts again within the window the thread shows (after 38 s, before the 53 s line) [4.5]', () => {
    const { now, scenario, starts } = continued('init-crashloop.yaml', { version: '1.34', now: '2026-10-07T16:52:40Z' });
    expect(now).toBe(40);
    expect(scenario.sim.startFrom!.containers['migrate']).toMatchObject({
      state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 2, backoff: 20,
      lastState: { startedAt: 16, finishedAt: 18, exitCode: 1, reason: 'Error' },
    });
    expect(scenario.sim.startFrom!.containers['backend']).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    expect(scenario.sim.behaviors['migrate']).toMatchObject({ exitCode: 1 });
    const first = starts.find((e) => 'container' in e && e.container === 'migrate')!;
    expect(first.t).toBeGreaterThanOrEqual(18 + 20);
    expect(first.t).toBeLessThan(48);
  });

  it.each([
    'init-error-never.yaml', 'evicted-containercreating.json', 'evicted-new-fields.json', 'completed-error-list.json', 'sidecar-job-killed.yaml',
  ])('%s: a terminal pod under restartPolicy Never: nothing to continue [6.5]', (name) => {
    expect(continueScenario(fixture(name))).toEqual({ ok: false, message: expect.stringMatching(/^the pod is (Succeeded|Failed), a terminal phase/) });
  });
});
