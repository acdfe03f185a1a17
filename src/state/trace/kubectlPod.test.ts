import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { sidecarPodTrace } from '../testFixtures';
import { kubectlAt } from '../kubectlAt';
import { kubectlWhy } from './kubectlWhy';
import { kubectlPodAt, kubectlRowAt, kubectlRowOfPod } from './kubectlPod';

// Gallery 14: an Indexed Job, two pods at a time; index 1's first pod fails at 5 s.
const job = runScenario(readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8')).trace!;
const pods = job.pods!.map((p) => p.name);
const [pod0, pod1, pod1b, pod2, pod3] = pods as [string, string, string, string, string];
const eventOf = (pod: string) => job.events.findIndex((e) => e.pod === pod && e.type === 'container.start');

describe('kubectlPodAt: the pod the kubectl strip follows', () => {
  it('is undefined for a lone pod, whose strip keeps the trace\'s one line', () => {
    expect(kubectlPodAt(sidecarPodTrace(), 5, null)).toBeUndefined();
  });

  it('follows the pod of the selected event, even while another pod changes later', () => {
    const selected = eventOf(pod0);
    expect(job.events[selected]!.pod).toBe(pod0);
    expect(kubectlPodAt(job, 13, selected)).toBe(pod0);
    expect(kubectlPodAt(job, 40, selected)).toBe(pod0);
  });

  it('without a selection, is the pod the controller created last by then, not the pod whose line is newest', () => {
    expect(kubectlPodAt(job, 1, null)).toBe(pod1);
    expect(kubectlPodAt(job, 13, null)).toBe(pod2); // created a batch period (1 s) after pod 0 succeeded
    expect(kubectlPodAt(job, 30, null)).toBe(pod3);
    // A selected event that belongs to no pod (the controller's job.complete) leaves the default.
    const complete = job.events.findIndex((e) => e.type === 'job.complete');
    expect(complete).toBeGreaterThanOrEqual(0);
    expect(kubectlPodAt(job, 30, complete)).toBe(pod3);
  });
});

describe('kubectlRowOfPod: that pod\'s own latest kubectl line', () => {
  it('shows the selected pod\'s line where the newest line of any pod belongs to another', () => {
    const t = 25;
    const newestOfAny = kubectlAt(job, t)!;
    expect(newestOfAny.pod).toBe(pod3);
    const row = kubectlRowOfPod(job, t, pod1)!;
    expect(row.pod).toBe(pod1);
    expect(row.status).toBe('Error');
    expect(kubectlRowOfPod(job, t, pod1b)!.status).toBe('Completed');
  });

  it('has no line for a pod before the controller created it', () => {
    expect(kubectlRowOfPod(job, 5, pod2)).toBeUndefined();
    expect(kubectlRowOfPod(job, job.end, pod2)!.status).toBe('Completed');
  });

  it('for a lone pod, equals the trace\'s latest line at every kubectl change', () => {
    const trace = sidecarPodTrace();
    for (const e of trace.events) if (e.type === 'pod.kubectl') expect(kubectlRowOfPod(trace, e.t, undefined)).toBe(kubectlAt(trace, e.t));
  });
});

describe('kubectlRowAt: the row the strip and compare mode show', () => {
  it('is the followed pod\'s line for a Job and the latest line for a lone pod', () => {
    expect(kubectlRowAt(job, 25, eventOf(pod1))).toBe(kubectlRowOfPod(job, 25, pod1));
    expect(kubectlRowAt(job, 25, null)!.pod).toBe(pod3);
    const trace = sidecarPodTrace();
    expect(kubectlRowAt(trace, trace.end, null)).toBe(kubectlAt(trace, trace.end));
  });
});

describe('kubectlWhy for a Job\'s row counts only that pod\'s containers', () => {
  it('says nothing about sidecars or init containers the Job\'s pods do not have', () => {
    const why = kubectlWhy(job, kubectlRowOfPod(job, 24, pod1)!)!;
    expect(why.status).toMatch(/Error/);
    expect(why.more.join(' ')).not.toMatch(/sidecar|init container/i);
  });
});
