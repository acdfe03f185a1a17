import { describe, expect, it } from 'vitest';
import { kubectlAt, upperBound } from './kubectlAt';
import { crashLoopTrace, sidecarPodTrace } from './testFixtures';

describe('kubectlAt', () => {
  const trace = sidecarPodTrace();

  it('takes the latest pod.kubectl event at or before the time', () => {
    expect(kubectlAt(trace, 0)?.status).toBe('Pending');
    expect(kubectlAt(trace, 4.4)?.status).toBe('Init:0/3');
    expect(kubectlAt(trace, 4.5)?.status).toBe('Init:1/3');
    expect(kubectlAt(trace, 120)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('has nothing before the first pod.kubectl event', () => {
    expect(kubectlAt(crashLoopTrace(), 0.5)).toBeUndefined();
    expect(kubectlAt(crashLoopTrace(), 3)?.restarts).toBe('1 (0s ago)');
  });

  it('upperBound finds the first event after t', () => {
    const events = trace.events;
    const i = upperBound(events, 4.5);
    expect(events[i - 1]!.t).toBe(4.5);
    expect(events[i]!.t).toBeGreaterThan(4.5);
    expect(upperBound(events, -1)).toBe(0);
    expect(upperBound(events, 1e9)).toBe(events.length);
  });
});
