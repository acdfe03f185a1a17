// Explain mode on real dumps, session 41: a student's KodeKloud init-container lab log (k3s, May
// 2023: purple, orange, red) and an AKS StatefulSet pod stuck Terminating for four days. Sources,
// what was published and what was rebuilt: each fixture's header and .scratch/rows-dumps41.md.
//
// Upstream read for the printed lines: pkg/printers/internalversion/printers.go printPod (the stored
// 1.31–1.34 copy, library file id 59882936, as realDumps.test.ts reads it): the init walk prints
// `Init:<reason>` for a waiting or terminated init container with a reason, `Init:N/M` for one that
// runs (N the count of init containers done), RESTARTS the init container's restartCount with the
// "(… ago)" of its lastState.terminated.finishedAt, and `Terminating` for a pod with a
// deletionTimestamp (up to 1.30 always; from 1.31 while the phase is not terminal: a Pending pod
// prints it in every version). The back-off: kuberuntime_container.go doBackOff as [4.5] has it
// (first restart at once, then 10 s doubling: after restart n the wait is 10·2^(n-1) s); up to
// 1.34 a back-off error requeues the pod after 10–15 s, so a restart lands up to ~15 s late ([4.6]).
//
// Versions: the lab ran k3s in May 2023 (1.26 or 1.27: its Pulled events print untruncated
// "(… including waiting)" timings, which [10.6] dates to 1.27, truncated from 1.28); the AKS pod is
// of November 2021 (1.20/1.21). The printers' branches used here did not change from 1.27 to 1.37,
// so every test runs on each engine minor.
//
// Not asserted (the report): "Continue from here" cannot confirm purple's Init:1/2 at 10m, as the
// share-safe spec drops the commands (`sleep 600`), so the continued warm-up-1 runs on.

import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { KubeVersion } from '../version';
import { continueScenario } from './continueScenario';
import { at, explain, explainText, fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';

type Status = Record<string, unknown> & { initContainerStatuses: Record<string, unknown>[] };

/** A fixture with its status changed: `edit` gets the status and the first init container's status. */
function withStatus(name: string, edit: (status: Status, init: Record<string, unknown>) => void): string {
  const obj = parse(fixture(name)) as { status: Status };
  edit(obj.status, obj.status.initContainerStatuses[0]!);
  return stringify(obj);
}

const step = (pod: PodExplanation, name: string) => pod.next.find((n) => n.container === name)!;
const container = (pod: PodExplanation, name: string) => pod.containers.find((c) => c.name === name)!;

function continued(text: string, version: KubeVersion, now: string) {
  const r = continueScenario(text, { version, now: at(now) });
  if (!r.ok) throw new Error(r.message);
  const run = runScenario(r.text);
  expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return { r, events: run.trace!.events };
}

describe('KodeKloud init-container lab (k3s, 2023-05-02): purple, two init containers sleeping 600 s and 1200 s', () => {
  it.each(from(27))('0/1 Init:0/2 0 3m14s: warm-up-1 runs, so none of the two is done; Pending; nothing has a time until warm-up-1 exits [14.1] [2.1] (%s)', (v) => {
    const [pod] = explain('kk-purple-init-sleeping.yaml', v, '2023-05-02T23:53:47Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:0/2', restarts: '0', age: '3m14s' });
    expect(pod!.phase).toMatchObject({ value: 'Pending' });
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.containers.map((c) => [c.name, c.kind, c.state])).toEqual([
      ['warm-up-1', 'init', 'running'], ['warm-up-2', 'init', 'waiting'], ['purple-container', 'main', 'waiting'],
    ]);
    expect(pod!.quirks.join(' ')).toMatch(/STATUS Init:0\/2: 0 of 2 init containers are done/);
    for (const name of ['warm-up-2', 'purple-container']) {
      expect(step(pod!, name)).toMatchObject({ action: 'wait', at: null });
      expect(step(pod!, name).why).toMatch(/until warm-up-1 exits with code 0/);
    }
  });

  // The 10m and 14m statuses, rebuilt from the published spec: warm-up-1 (`sleep 600`) completed at
  // 00:00:34, warm-up-2 (`sleep 1200`, image present) running since 00:00:35.
  const later = withStatus('kk-purple-init-sleeping.yaml', (status, warm1) => {
    Object.assign(warm1, { ready: true, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2023-05-02T23:50:34Z', finishedAt: '2023-05-03T00:00:34Z' } } });
    Object.assign(status.initContainerStatuses[1]!, {
      containerID: 'containerd://5d0e', imageID: 'docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47',
      image: 'docker.io/library/busybox:1.28', state: { running: { startedAt: '2023-05-03T00:00:35Z' } },
    });
    (status.conditions as Record<string, unknown>[])[0]!.message = 'containers with incomplete status: [warm-up-2]';
  });

  it.each(from(27))('what came next: 0/1 Init:1/2 0 10m (00:01:03) and 14m (00:05:04), warm-up-2 running, the app still waiting [14.1] [2.1] (%s)', (v) => {
    for (const [now, age] of [['2023-05-03T00:01:03Z', '10m'], ['2023-05-03T00:05:04Z', '14m']] as const) {
      const [pod] = explainText(later, v, now);
      expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:1/2', restarts: '0', age });
      expect(pod!.phase.value).toBe('Pending');
      expect(step(pod!, 'purple-container').why).toMatch(/until warm-up-2 exits with code 0/);
    }
  });
});

describe('KodeKloud init-container lab (k3s, 2023-05-03): orange, an init container running `sleeeep 2;` (exit 127)', () => {
  it.each(from(27))('orange.yaml as published: Init:CrashLoopBackOff, RESTARTS 3 from the last exit at 00:02:01; the restart waits the printed back-off 40s [14.1] [4.5] [10.2] (%s)', (v) => {
    const [pod] = explain('kk-orange-init-backoff.yaml', v, '2023-05-03T00:02:10Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '3 (9s ago)', age: '53s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(container(pod!, 'init-myservice')).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 3 });
    expect(container(pod!, 'init-myservice').words).toMatch(/last exit code 127 \(Error\) at 2023-05-03T00:02:01Z/);
    const next = step(pod!, 'init-myservice');
    expect(next).toMatchObject({ action: 'start', at: at('2023-05-03T00:02:41Z') });
    expect(next.why).toMatch(/back-off 40s/);
    expect(step(pod!, 'orange-container')).toMatchObject({ action: 'wait', at: null });
  });

  it.each(from(27))('0/1 Init:CrashLoopBackOff 1 (13s ago) 16s: the second run ended 00:01:20 (describe\'s Last State); its 10 s back-off is over, and the third run started 00:01:35 [14.1] [4.5] (%s)', (v) => {
    const text = withStatus('kk-orange-init-backoff.yaml', (_, init) => Object.assign(init, {
      restartCount: 1,
      lastState: { terminated: { exitCode: 127, reason: 'Error', startedAt: '2023-05-03T00:01:20Z', finishedAt: '2023-05-03T00:01:20Z' } },
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=init-myservice pod=orange_default(51bdfb87-bb10-4976-8df1-bbcab1c229ee)' } },
    }));
    const [pod] = explainText(text, v, '2023-05-03T00:01:33Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '1 (13s ago)', age: '16s' });
    const next = step(pod!, 'init-myservice');
    expect(next.action).toBe('start');
    expect(next.at).toBe(at('2023-05-03T00:01:33Z'));
    expect(next.at!).toBeLessThanOrEqual(at('2023-05-03T00:01:35Z'));
  });

  it.each(from(27))('describe at 30 s (Restart Count 2, Terminated Error 127 at 00:01:35): Pending; the next run 20 s later, and the published fourth run (00:02:01) falls within the kubelet\'s lateness [2.5] [4.5] [4.6] (%s)', (v) => {
    const text = withStatus('kk-orange-init-backoff.yaml', (_, init) => Object.assign(init, {
      restartCount: 2,
      lastState: { terminated: { exitCode: 127, reason: 'Error', startedAt: '2023-05-03T00:01:20Z', finishedAt: '2023-05-03T00:01:20Z' } },
      state: { terminated: { exitCode: 127, reason: 'Error', startedAt: '2023-05-03T00:01:35Z', finishedAt: '2023-05-03T00:01:35Z' } },
    }));
    const [pod] = explainText(text, v, '2023-05-03T00:01:47Z');
    expect(pod!.phase.value).toBe('Pending');
    expect(container(pod!, 'init-myservice')).toMatchObject({ state: 'terminated', reason: 'Error', restartCount: 2 });
    const next = step(pod!, 'init-myservice');
    expect(next).toMatchObject({ action: 'start', at: at('2023-05-03T00:01:55Z') });
    expect(at('2023-05-03T00:02:01Z') - next.at!).toBeGreaterThanOrEqual(0);
    expect(at('2023-05-03T00:02:01Z') - next.at!).toBeLessThanOrEqual(15);
  });

  it('"Continue from here" on orange.yaml (1.27): init-myservice keeps its 3 restarts and starts again once the 40 s back-off from 00:02:01 is over [4.5] [4.6]', () => {
    const { r, events } = continued(fixture('kk-orange-init-backoff.yaml'), '1.27', '2023-05-03T00:02:10Z');
    const first = events.find((e) => e.type === 'container.start' && 'container' in e && e.container === 'init-myservice' && e.t > r.now)!;
    expect(first.t).toBeGreaterThanOrEqual(at('2023-05-03T00:02:41Z') - at('2023-05-03T00:01:17Z'));
    expect(first.t).toBeLessThanOrEqual(at('2023-05-03T00:02:41Z') - at('2023-05-03T00:01:17Z') + 15);
  });
});

describe('KodeKloud init-container lab (k3s, 2023-05-03): red, an init container `sleep 20; done;` (a syntax error, fails at once)', () => {
  it.each(from(27))('0/1 Init:Error 1 (3s ago) 5s: the second run just ended; RESTARTS is dated by the first run\'s end; the next run after 10 s [14.1] [2.5] [4.5] (%s)', (v) => {
    const [pod] = explain('kk-red-init-syntax-error.yaml', v, '2023-05-03T00:01:03Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Init:Error', restarts: '1 (3s ago)', age: '5s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(container(pod!, 'init-myservice')).toMatchObject({ state: 'terminated', reason: 'Error', restartCount: 1 });
    expect(step(pod!, 'init-myservice')).toMatchObject({ action: 'start', at: at('2023-05-03T00:01:12Z') });
    expect(step(pod!, 'red-container')).toMatchObject({ action: 'wait', at: null });
  });

  const crashLooping = (restartCount: number, finishedAt: string, backoff: string) => withStatus('kk-red-init-syntax-error.yaml', (_, init) => Object.assign(init, {
    restartCount,
    lastState: { terminated: { exitCode: 2, reason: 'Error', startedAt: finishedAt, finishedAt } },
    state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff} restarting failed container=init-myservice pod=red_default(3e1f7c2a-8b4d-4f6e-9a2c-5d7b1e0f4a86)` } },
  }));

  it.each(from(27))('0/1 Init:CrashLoopBackOff 2 (20s ago) 38s, then 5 (60s ago) 4m5s: RESTARTS dated by the last exit; after restart 5 the back-off is 2m40s [14.1] [4.5] (%s)', (v) => {
    const [at38] = explainText(crashLooping(2, '2023-05-03T00:01:16Z', '20s'), v, '2023-05-03T00:01:36Z');
    expect(at38!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '2 (20s ago)', age: '38s' });
    expect(step(at38!, 'init-myservice')).toMatchObject({ action: 'start', at: at('2023-05-03T00:01:36Z') });
    const [at245] = explainText(crashLooping(5, '2023-05-03T00:04:03Z', '2m40s'), v, '2023-05-03T00:05:03Z');
    expect(at245!.kubectl).toEqual({ ready: '0/1', status: 'Init:CrashLoopBackOff', restarts: '5 (60s ago)', age: '4m5s' });
    expect(step(at245!, 'init-myservice')).toMatchObject({ action: 'start', at: at('2023-05-03T00:06:43Z') });
  });

  it('"Continue from here" on the 5 s status (1.27): the third run ends no later than the 38 s line dates it (00:01:16), and by 4m5s exactly 5 restarts have run, the 6th still ahead [4.5] [4.6]', () => {
    const { r, events } = continued(fixture('kk-red-init-syntax-error.yaml'), '1.27', '2023-05-03T00:01:03Z');
    const created = at('2023-05-03T00:00:58Z');
    const starts = events.filter((e) => e.type === 'container.start' && 'container' in e && e.container === 'init-myservice' && e.t > r.now);
    const exits = events.filter((e) => e.type === 'container.exit' && 'container' in e && e.container === 'init-myservice' && e.t > r.now);
    expect(exits[0]!.t).toBeGreaterThanOrEqual(at('2023-05-03T00:01:12Z') - created);
    expect(exits[0]!.t).toBeLessThanOrEqual(at('2023-05-03T00:01:16Z') - created + 1);
    const by245 = at('2023-05-03T00:05:03Z') - created;
    expect(starts.filter((e) => e.t <= by245)).toHaveLength(4);
    expect(starts.find((e) => e.t > by245)).toBeDefined();
  });
});

describe('AKS, 2021-11 (the "Debugging Terminating namespaces" post): a StatefulSet pod deleted 3 s after creation, never past ContainerCreating', () => {
  const now = '2021-11-25T15:00:00Z';

  it.each(from(27))('0/1 Terminating 0 4d13h: a Pending pod with a deletionTimestamp prints Terminating in every version; planet9 never started [14.4] [8.1] (%s)', (v) => {
    const [pod] = explain('aks-terminating-containercreating.yaml', v, now);
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Terminating', restarts: '0', age: '4d13h' });
    expect(pod!.phase.value).toBe('Pending');
    expect(pod!.phase.observed).toBeUndefined();
    expect(container(pod!, 'planet9')).toMatchObject({ kind: 'main', state: 'waiting', reason: 'ContainerCreating', restartCount: 0 });
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase/);
    expect(step(pod!, 'planet9')).toMatchObject({ action: 'wait', at: null });
    expect(step(pod!, 'planet9').why).toMatch(/The pod is being deleted/);
  });

  it('"Continue from here": the deletion is replayed with the least grace, 1 s (its deadline passed four days before; 0 would be a force deletion, which it was not), and with nothing running the pod is gone within seconds, as when the post force-deleted it [8.2] [8.5]', () => {
    const { r, events } = continued(fixture('aks-terminating-containercreating.yaml'), '1.27', now);
    expect(r.text).toMatch(/do: deletePod\n\s+gracePeriodSeconds: 1\n/);
    const gone = events.filter((e) => e.type === 'pod.gone').map((e) => e.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]! - r.now).toBeGreaterThan(0);
    expect(gone[0]! - r.now).toBeLessThan(5);
    expect(events.filter((e) => e.type === 'container.start' && e.t >= r.now)).toEqual([]);
  });
});
