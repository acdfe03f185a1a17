import { describe, expect, it } from 'vitest';
import { longestHold, trapRunsAt, type TrapTimeline } from './trapTimeline';

describe('trapRunsAt [15.3] (POSIX XCU 2.11: a trap waits for the foreground command, not for wait)', () => {
  const fg: TrapTimeline = { holds: [{ from: 0, to: 3600 }], loops: [] };
  const loop: TrapTimeline = { holds: [], loops: [{ from: 2, period: 4, holds: [{ from: 1, to: 4 }], end: Infinity }] };

  it('a signal during a foreground sleep waits for it to return', () => {
    expect(trapRunsAt(fg, 10)).toBe(3600);
    expect(trapRunsAt(fg, 3600)).toBe(3600);
  });

  it('outside any foreground command the trap runs at once', () => {
    expect(trapRunsAt({ holds: [], loops: [] }, 7)).toBe(7);
    expect(trapRunsAt(loop, 1)).toBe(1); // before the loop
    expect(trapRunsAt(loop, 2.5)).toBe(2.5); // in the loop's instant commands
  });

  it('a loop holds the trap until the current iteration’s sleep returns', () => {
    expect(trapRunsAt(loop, 3.5)).toBe(6);
    expect(trapRunsAt(loop, 41)).toBe(42);
  });

  it('a finite loop stops holding at its end, and a never-returning command holds for ever', () => {
    const finite: TrapTimeline = { holds: [], loops: [{ from: 0, period: 3, holds: [{ from: 0, to: 3 }], end: 15 }] };
    expect(trapRunsAt(finite, 14)).toBe(15);
    expect(trapRunsAt(finite, 16)).toBe(16);
    expect(trapRunsAt({ holds: [{ from: 5, to: Infinity }], loops: [] }, 6)).toBe(Infinity);
  });

  it('longestHold: the worst wait, or undefined when it can be for ever', () => {
    expect(longestHold(fg)).toBe(3600);
    expect(longestHold(loop)).toBe(3);
    expect(longestHold({ holds: [], loops: [] })).toBe(0);
    expect(longestHold({ holds: [{ from: 0, to: Infinity }], loops: [] })).toBeUndefined();
  });
});
