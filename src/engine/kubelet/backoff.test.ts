import { describe, expect, it } from 'vitest';
import { BackoffTable, ImagePullBackoff, backoffSettings } from './backoff';
import { defaultGates, resolveGates } from '../version';

/** Replays a container that runs `run` seconds and restarts as soon as the back-off allows. */
function delays(table: BackoffTable, exits: number, run = 1, clock = { now: 0 }): number[] {
  const out: number[] = [];
  let now = clock.now;
  for (let i = 0; i < exits; i++) {
    const finishedAt = now + run;
    now = finishedAt;
    const wait = table.isInBackOffSince('c', finishedAt, now) ? table.get('c') : 0;
    now += wait;
    table.next('c', finishedAt, now);
    out.push(wait);
  }
  clock.now = now;
  return out;
}

describe('CrashLoopBackOff [4.5]', () => {
  it('restarts the first time at once, then waits 10, 20, 40 … capped at 300 s', () => {
    const table = new BackoffTable(backoffSettings(defaultGates('1.33')));
    expect(delays(table, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('forgets the back-off after a run of more than 600 s since the last step (10 minutes)', () => {
    const table = new BackoffTable(backoffSettings(defaultGates('1.33')));
    const clock = { now: 0 };
    expect(delays(table, 4, 1, clock)).toEqual([0, 10, 20, 40]);
    // 601 s of clean running: the entry has expired, the restart is immediate again.
    expect(delays(table, 2, 601, clock)).toEqual([0, 0]);
  });

  it('HasExpiredFunc (kubelet.go NewMainKubelet, 1.32+): a 30 s cap still resets only after 600 s, not 2 × 30 s [4.7]', () => {
    const table = new BackoffTable(backoffSettings(defaultGates('1.35'), 30));
    const clock = { now: 0 };
    expect(delays(table, 4, 1, clock)).toEqual([0, 10, 20, 30]);
    // 61 s of running is more than twice the cap, but the kubelet's expiry is a flat 600 s.
    expect(delays(table, 1, 61, clock)).toEqual([30]);
    expect(delays(table, 1, 601, clock)).toEqual([0]);
  });

  it('hasExpired (client-go backoff.go, ≤1.31: 2 × maxDuration = 600 s with the fixed 300 s cap) and 1.32+ agree [4.5]', () => {
    for (const version of ['1.27', '1.31', '1.36'] as const) {
      const table = new BackoffTable(backoffSettings(defaultGates(version)));
      const clock = { now: 0 };
      delays(table, 3, 1, clock);
      expect(delays(table, 1, 599, clock)).toEqual([40]);
      expect(delays(table, 1, 601, clock)).toEqual([0]);
    }
  });

  it('GC (client-go backoff.go, run by HandlePodCleanups): an entry idle 600 s is gone, even while its container waits [4.5]', () => {
    const table = new BackoffTable(backoffSettings(defaultGates('1.34')));
    // Step to the 300 s cap; the last step (lastUpdate) is at t = 0 here.
    for (let i = 0; i < 7; i++) table.next('c', 0, 0);
    expect(table.get('c')).toBe(300);
    // The container runs 420 s (< 600: not expired at its exit) and then must wait 300 s …
    expect(table.isInBackOffSince('c', 420, 421)).toBe(true);
    expect(table.isInBackOffSince('c', 420, 600)).toBe(true);
    // … but at 601 s the housekeeping GC has dropped the idle entry: it starts at once, back at 10 s.
    expect(table.isInBackOffSince('c', 420, 601)).toBe(false);
    table.next('c', 420, 601);
    expect(table.get('c')).toBe(10);
  });

  it('uses 1 s to 60 s with ReduceDefaultCrashLoopBackOffDecay [4.7]', () => {
    const gates = resolveGates('1.33', { ReduceDefaultCrashLoopBackOffDecay: true });
    expect(backoffSettings(gates)).toEqual({ initial: 1, max: 60 });
  });

  it('newCrashLoopBackOff + SetDefaults_KubeletConfiguration (1.32+): with KubeletCrashLoopBackOffMax on, an unset period is 300 s and wins over the reduced 60 s cap [4.7]', () => {
    // 1.35: the per-node cap gate is beta and on, so the reduced decay alone climbs to 300 s.
    expect(backoffSettings(resolveGates('1.35', { ReduceDefaultCrashLoopBackOffDecay: true }))).toEqual({ initial: 1, max: 300 });
    expect(backoffSettings(resolveGates('1.35', { ReduceDefaultCrashLoopBackOffDecay: true }), 60)).toEqual({ initial: 1, max: 60 });
    // 1.34: the cap gate is alpha and off: 60 s, unless the user turns it on too.
    expect(backoffSettings(resolveGates('1.34', { ReduceDefaultCrashLoopBackOffDecay: true }))).toEqual({ initial: 1, max: 60 });
    expect(backoffSettings(resolveGates('1.34', { ReduceDefaultCrashLoopBackOffDecay: true, KubeletCrashLoopBackOffMax: true }))).toEqual({ initial: 1, max: 300 });
    // Without the reduced decay nothing changes: 10 s to 300 s either way.
    expect(backoffSettings(defaultGates('1.35'))).toEqual({ initial: 10, max: 300 });
  });

  it('caps at the node setting with KubeletCrashLoopBackOffMax [4.7]', () => {
    const gates = defaultGates('1.35');
    expect(backoffSettings(gates, 30)).toEqual({ initial: 10, max: 30 });
    expect(backoffSettings(gates, 5)).toEqual({ initial: 5, max: 5 });
    expect(backoffSettings(defaultGates('1.34'), 30)).toEqual({ initial: 10, max: 300 });
  });
});

describe('ImagePullBackoff [10.2]', () => {
  it('backs off between failed pulls, doubling', () => {
    const b = new ImagePullBackoff();
    b.failed('img', 0);
    expect(b.inBackOff('img', 5)).toBe(true);
    expect(b.inBackOff('img', 10)).toBe(false);
    b.failed('img', 10);
    expect(b.get('img')).toBe(20);
  });

  it('EnsureImageExists (images/image_manager.go, 1.27-1.36): a successful pull only GCs, so a pull soon after still backs off', () => {
    const b = new ImagePullBackoff();
    b.failed('img', 0);
    b.failed('img', 10); // 20 s from t = 10
    b.pulled(11);
    // imagePullPolicy Always: the next start checks IsInBackOffSinceUpdate before pulling.
    expect(b.inBackOff('img', 25)).toBe(true);
    expect(b.inBackOff('img', 30)).toBe(false);
    b.failed('img', 40);
    expect(b.get('img')).toBe(40);
    // Idle for more than 600 s: GC drops the entry and the next failure starts at 10 s again.
    b.pulled(641);
    b.failed('img', 700);
    expect(b.get('img')).toBe(10);
  });
});
