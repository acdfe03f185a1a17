import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { sidecarPodTrace } from '../testFixtures';
import { kubectlPodAt, kubectlRowAt, kubectlRowOfPod } from './kubectlPod';
import { podSelectionAt } from './podSelection';

// Gallery 14: an Indexed Job, two pods at a time; index 1's first pod fails at 5 s.
const job = runScenario(readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8')).trace!;
const pods = job.pods!.map((p) => p.name);
const [pod0, pod1, , pod2] = pods as [string, string, string, string, string];

describe('podSelectionAt: clicking a pod\'s name in the timeline selects that pod', () => {
  it('selects the pod\'s kubectl line at the moment, so the strip follows it and shows that very line', () => {
    for (const [pod, t] of [[pod1, 24], [pod0, 3], [pod2, job.end]] as const) {
      const i = podSelectionAt(job, pod, t)!;
      const e = job.events[i]!;
      expect(e).toMatchObject({ type: 'pod.kubectl', pod });
      expect(e).toBe(kubectlRowOfPod(job, t, pod));
      expect(kubectlPodAt(job, t, i)).toBe(pod);
      expect(kubectlRowAt(job, t, i)).toBe(e);
    }
    expect(job.events[podSelectionAt(job, pod1, 24)!]).toMatchObject({ status: 'Error' });
  });

  it('selects the pod\'s first event before it has a kubectl line (the cursor before its creation)', () => {
    const i = podSelectionAt(job, pod2, 5)!;
    expect(i).toBe(job.events.findIndex((e) => e.pod === pod2));
    expect(job.events[i]!.t).toBeGreaterThan(5);
    expect(kubectlPodAt(job, 5, i)).toBe(pod2);
  });

  it('selects nothing for a name that is not a pod of the trace, nor in a lone pod\'s trace', () => {
    expect(podSelectionAt(job, 'work-9-zzzzz', 10)).toBeNull();
    expect(podSelectionAt(sidecarPodTrace(), 'web', 10)).toBeNull();
  });
});
