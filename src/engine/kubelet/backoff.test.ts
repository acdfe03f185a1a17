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

  it('forgets the back-off after a run longer than twice the cap (10 minutes)', () => {
    const table = new BackoffTable(backoffSettings(defaultGates('1.33')));
    const clock = { now: 0 };
    expect(delays(table, 4, 1, clock)).toEqual([0, 10, 20, 40]);
    // 601 s of clean running: the entry has expired, the restart is immediate again.
    expect(delays(table, 2, 601, clock)).toEqual([0, 0]);
  });

  it('uses 1 s to 60 s with ReduceDefaultCrashLoopBackoffDecay [4.7]', () => {
    const gates = resolveGates('1.33', { ReduceDefaultCrashLoopBackoffDecay: true });
    expect(backoffSettings(gates)).toEqual({ initial: 1, max: 60 });
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
    b.succeeded('img');
    expect(b.inBackOff('img', 11)).toBe(false);
  });
});
