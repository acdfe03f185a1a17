// After an edit of one container of a big pod, renderLanes redraws only the lanes that draw
// differently (sameLane.ts, issue 16): here the 40-container pod of the keystroke bench, its c0
// exiting at 5 s instead of 4 s (a later exit, e.g. 7 s, moves the kubelet's syncs for the
// others too, and most lanes then really change).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { uniformPodText } from '../../../bench/engine';
import { layoutTimeline } from './layout';
import type { LaneFrame } from './renderLanes';
import { drawsTheSame, sameFrame } from './sameLane';

const POD = `${uniformPodText(40)}containers:\n  c0:\n    exitAfter: 4s\n`;
const lanesOf = (text: string) => {
  const { trace } = runScenario(text, {});
  if (!trace) throw new Error('no trace');
  return new Map(layoutTimeline(trace, 'p').groups.flatMap((g) => g.lanes).map((l) => [l.name, l]));
};
const frame: LaneFrame = { draw: { t0: 0, t1: 1, x0: 0, x1: 2 }, t0: 0, t1: 900 };

describe('drawsTheSame', () => {
  const before = lanesOf(POD);
  const after = lanesOf(POD.replace('exitAfter: 4s', 'exitAfter: 5s'));

  it('finds the edited container\'s lane changed', () => {
    expect(drawsTheSame(before.get('c0')!, frame, after.get('c0')!, frame)).toBe(false);
  });

  it('finds the other containers\' lanes unchanged', () => {
    const others = [...after.keys()].filter((name) => /^c\d+$/.test(name) && name !== 'c0');
    expect(others.length).toBe(39);
    for (const name of others) expect(drawsTheSame(before.get(name)!, frame, after.get(name)!, frame)).toBe(true);
  });

  it('redraws an unchanged lane in another frame (a zoom or a new range)', () => {
    const lane = after.get('c5')!;
    const zoomed: LaneFrame = { ...frame, draw: { ...frame.draw, x1: 3 } };
    expect(drawsTheSame(lane, frame, lane, zoomed)).toBe(false);
    expect(drawsTheSame(lane, frame, lane, { ...frame, t1: 1000 })).toBe(false);
  });

  it('compares frames by value', () => {
    expect(sameFrame(frame, { draw: { ...frame.draw }, t0: 0, t1: 900 })).toBe(true);
  });
});
