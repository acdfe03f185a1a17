import { describe, expect, it } from 'vitest';
import { Kernel, type Task } from './kernel';
import { EventQueue } from './queue';

describe('EventQueue', () => {
  it('pops by time, then by insertion order for equal times (causal order)', () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.push(2, () => seen.push('c'));
    q.push(1, () => seen.push('a'));
    q.push(1, () => seen.push('b'));
    q.push(0.5, () => seen.push('first'));
    while (q.size) q.pop()!.run();
    expect(seen).toEqual(['first', 'a', 'b', 'c']);
  });
});

describe('Kernel', () => {
  it('runs tasks that sleep on the virtual clock', () => {
    const k = new Kernel(100);
    const log: number[] = [];
    function* task(): Task {
      log.push(k.now);
      yield { sleep: 5 };
      log.push(k.now);
      yield { sleep: 2.5 };
      log.push(k.now);
    }
    k.spawn('t', task());
    k.run();
    expect(log).toEqual([0, 5, 7.5]);
  });

  it('wakes a waiting task when its condition becomes true, and times out otherwise', () => {
    const k = new Kernel(100);
    let flag = false;
    const results: [number, boolean][] = [];
    function* waiter(timeout: number): Task {
      const ok = yield { until: () => flag, timeout };
      results.push([k.now, ok]);
    }
    k.spawn('short', waiter(2));
    k.spawn('long', waiter(10));
    k.at(4, () => { flag = true; });
    k.run();
    expect(results).toEqual([[2, false], [4, true]]);
  });

  it('never resumes a killed task and stops at the horizon', () => {
    const k = new Kernel(10);
    const log: number[] = [];
    function* ticker(): Task {
      for (;;) {
        log.push(k.now);
        yield { sleep: 3 };
      }
    }
    const t = k.spawn('tick', ticker());
    k.at(7, () => k.kill(t));
    k.run();
    expect(log).toEqual([0, 3, 6]);
    expect(t.done).toBe(true);
  });
});
