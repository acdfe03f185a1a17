// kubernetes/kubernetes#125050, "Pod deleted during image pull still starts way later" (mimowo,
// 2024-05-22): an Indexed Job's pod (bash with a SIGTERM trap that exits 0) deleted while its 40 s
// image pull runs; the kubelet log of the later comment, quoted in
// fixtures/tm-k8s125050-delete-during-pull.yaml with the Job as published. Server version not
// printed: kind in May 2024, so 1.30.
// Checked here: the pull begins with the kubelet's first sync (Pulling 0.473 s after its ADD, the
// engine 0.5 s, [0.3]) and the deletion, during the pull, is seen at once (`Terminating`, [8.1]
// [14.4]); and what the log shows next: the pull going on to its end, the container created and
// started 41 s after the ADD (31 s after the deletion), then killed by the terminating sync
// (SIGTERM, the trap's exit 0) and the pod Succeeded after the start. The runtime SyncPod a
// deletion finds in progress is not cancelled ([3.4]; kubelet.go SyncPod passes
// `context.WithoutCancel(ctx)` to the runtime since #122087, `context.TODO()` before). Until session
// 40 the engine stopped the sync at the deletion and marked the pod Failed 1 s later ([6.9]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { rowAt, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-k8s125050-delete-during-pull.yaml', import.meta.url), 'utf8');

describe('transcript: kubernetes#125050, a Job pod deleted during its 40 s image pull (kind, 1.30)', () => {
  it('pulls from the first sync, 0.5 s after the kubelet\'s ADD (published 09:50:58.441 → Pulling 09:50:58.914) [0.3]', () => {
    const events = runScenario(withVersion(SCENARIO, '1.30')).trace!.events;
    const pulling = events.filter((e) => e.type === 'container.pulling');
    expect(pulling.map((e) => e.type === 'container.pulling' && e.image)).toEqual(['nvidia/cuda:11.8.0-devel-ubuntu22.04']);
    expect(Math.abs(pulling[0]!.t - 0.473)).toBeLessThanOrEqual(0.1);
  });

  it('prints `0/1 Terminating` from the deletion, in the pull [8.1] [14.4]', () => {
    const text = withVersion(SCENARIO, '1.30');
    const events = runScenario(text).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    expect(deleted).toBeGreaterThan(events.find((e) => e.type === 'container.pulling')!.t);
    expect(rowAt(simulatedRows(text), deleted)).toEqual({ ready: '0/1', status: 'Terminating', restarts: '0' });
  });

  it.each(['1.27', '1.30', '1.37'])('goes on pulling after the deletion, starts the container 41 s after the ADD (published Created 41.029 s, Started 41.160 s), writes Running, kills it, and ends Succeeded with the trap\'s exit 0 (%s) [0.3] [8.1] [8.3] [15.3] [6.5]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    // the pull is not cut short: pulled 40.5 s after it began, 31 s after the deletion
    const pulled = events.find((e) => e.type === 'container.pulled');
    expect(pulled).toBeDefined();
    expect(pulled!.t).toBeGreaterThan(deleted);
    // "Started container usybox" at 09:51:39.601, 41.160 s after config.seen
    const start = events.find((e) => e.type === 'container.start' && e.container === 'usybox');
    expect(start).toBeDefined();
    expect(Math.abs(start!.t - 41.160)).toBeLessThanOrEqual(0.5);
    // the terminating sync stops it: one SIGTERM, after the start; the trap exits 0
    const signals = events.filter((e) => e.type === 'container.signal');
    expect(signals.map((e) => e.type === 'container.signal' && e.signal)).toEqual(['SIGTERM']);
    expect(signals[0]!.t).toBeGreaterThanOrEqual(start!.t);
    const exits = events.filter((e) => e.type === 'container.exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ exitCode: 0 });
    // "There will be update indicating the pod has `Running` phase, and then `Succeeded`"
    // (the log: oldPhase="Running" phase="Succeeded"); never Failed
    const phases = events.filter((e) => e.type === 'pod.phase').map((e) => e.type === 'pod.phase' && e.phase);
    expect(phases).toEqual(['Pending', 'Running', 'Succeeded']);
    // published: Succeeded 6.7 s after Started (09:51:39.601 → 09:51:46.296); the log excerpt does
    // not show the kill, and the engine's trap exits within a second: only "within 7 s" is checked
    const succeeded = events.find((e) => e.type === 'pod.phase' && e.phase === 'Succeeded')!.t;
    expect(succeeded - start!.t).toBeGreaterThan(0);
    expect(succeeded - start!.t).toBeLessThanOrEqual(7);
    // the pod stays (Terminating) until then: #123365's "remain in the terminating state until the
    // image pull is completed"
    expect(events.find((e) => e.type === 'pod.gone')!.t).toBeGreaterThan(succeeded);
  });
});
