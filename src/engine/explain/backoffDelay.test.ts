import { describe, expect, it } from 'vitest';
import { resolveGates } from '../version';
import { backoffForRestart, backoffFromMessage } from './backoffDelay';

describe('backoffForRestart: the wait a Pod object implies ([4.5]-[4.7])', () => {
  it('doubles from the initial delay up to the cap', () => {
    const gates = resolveGates('1.34', {});
    expect([0, 1, 2, 5, 6, 9].map((n) => backoffForRestart(n, gates, undefined).delay)).toEqual([0, 10, 20, 160, 300, 300]);
  });

  it('1.35 with the reduced decay: 1 s doubling to the defaulted 300 s node cap, not 60 s (newCrashLoopBackOff)', () => {
    const gates = resolveGates('1.35', { ReduceDefaultCrashLoopBackOffDecay: true });
    expect([1, 7, 9, 10].map((n) => backoffForRestart(n, gates, undefined).delay)).toEqual([1, 64, 256, 300]);
    expect(backoffForRestart(10, gates, undefined).why).toMatch(/default maxContainerRestartPeriod, which wins over the reduced decay's 60s \[4\.7\]/);
    expect(backoffForRestart(9, gates, 60).delay).toBe(60);
  });

  it('resets after 600 s of running whatever the cap (HasExpiredFunc), as the simulator does', () => {
    const gates = resolveGates('1.35', {});
    // A 30 s node cap: 61 s of running is more than twice the cap but far from 600 s.
    expect(backoffForRestart(4, gates, 30, 61).delay).toBe(30);
    const reset = backoffForRestart(4, gates, 30, 601);
    expect(reset.delay).toBe(0);
    expect(reset.why).toMatch(/more than 600s/);
  });

  it('reads the delay the kubelet printed', () => {
    expect(backoffFromMessage('back-off 2m40s restarting failed container=app pod=p_default(uid)')).toBe(160);
    expect(backoffFromMessage(undefined)).toBeUndefined();
  });
});
