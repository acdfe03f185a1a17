// The lessons of the gallery as assertions: per scenario file, what must show on its trace and
// the moment it shows. The assertions restate the rules of docs/kubelet-rules.md (section numbers
// in the comments) against the engine's trace; they do not copy its output. Starting, stopping
// and restarts each have their file (galleryLessonsStart/Stop/Restart.testkit.ts); the real pod
// explained and the Job are here.

import { expect } from 'vitest';
import { analyzeText } from '../engine/explain/analyzeText';
import { explainPods } from '../engine/explain/explainPods';
import { galleryFiles } from './gallery';
import { RESTART_LESSONS } from './galleryLessonsRestart.testkit';
import { STARTING_LESSONS } from './galleryLessonsStart.testkit';
import { STOPPING_LESSONS } from './galleryLessonsStop.testkit';
import { first, run } from './galleryTrace.testkit';

export { first, of, phases, run } from './galleryTrace.testkit';

/**
 * Per file: the assertions that show the lesson; returns the moment (seconds) the lesson is on
 * the timeline, which the entry's cursor must not precede. null for a file that does not simulate.
 */
export const CHECKS: Record<string, () => number | null> = {
  ...STARTING_LESSONS,
  ...STOPPING_LESSONS,
  ...RESTART_LESSONS,

  '13-explain-stuck-pod.yaml': () => {
    // Issue 14: a real pod is explained, not simulated. [2.2] the sidecar runs but is not started
    // (its startup probe has not passed), so the app waits [2.1]; [5.4] the probe gives up at
    // startedAt + failureThreshold × periodSeconds.
    const read = analyzeText(galleryFiles['13-explain-stuck-pod.yaml']!);
    if (read.kind !== 'explain') throw new Error('13-explain-stuck-pod.yaml is not read as a real pod');
    const [pod] = explainPods(read.input);
    expect(pod!.kubectl.status).toBe('Init:1/2');
    expect(pod!.phase.value).toBe('Pending');
    expect(pod!.containers.find((c) => c.name === 'mesh-proxy')!.words).toMatch(/running but not started/);
    expect(pod!.next.find((n) => n.container === 'mesh-proxy')).toMatchObject({ action: 'kill', at: Date.UTC(2025, 2, 1, 10, 2, 14) / 1000 + 30 * 2 });
    expect(pod!.next.find((n) => n.container === 'checkout')).toMatchObject({ action: 'wait', at: null });
    return 0;
  },

  '14-job-parallel-indexed.yaml': () => {
    const { trace } = run('14-job-parallel-indexed.yaml');
    const pods = trace.pods ?? [];
    // [16.4] pods named <job>-<index>-<suffix>, one index each; [16.2] never more than parallelism (2) at once.
    for (const p of pods) expect(p.name).toMatch(new RegExp(`^work-${p.index}-[a-z0-9]{5}$`));
    const finished = (name: string) => first(trace, 'pod.phase', undefined, (e) => e.pod === name && (e.phase === 'Succeeded' || e.phase === 'Failed')).t;
    for (const p of pods) expect(pods.filter((q) => q.start <= p.start && finished(q.name) > p.start).length).toBeLessThanOrEqual(2);
    expect(pods.filter((p) => p.start === 0)).toHaveLength(2);
    // Index 1 fails once and a new pod is created for the same index ([16.4]).
    const index1 = pods.filter((p) => p.index === 1);
    expect(index1.map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    expect([0, 2, 3].map((i) => pods.filter((p) => p.index === i).map((p) => p.phase))).toEqual([['Succeeded'], ['Succeeded'], ['Succeeded']]);
    // [16.2] complete once four indexes succeeded, after the last pod.
    const done = first(trace, 'job.complete');
    expect(done.t).toBeGreaterThanOrEqual(finished(pods.at(-1)!.name));
    return index1[1]!.start;
  },
};
