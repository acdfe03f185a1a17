// After an edit of one container of a big pod, renderLanes redraws only the lanes that draw
// differently (sameLane.ts, issue 16): here the 40-container pod of the keystroke bench, its c0
// exiting at 11 s instead of 10 s. Which other lanes really change depends on the kubelet's
// timing (a sync waits for the next relist, rule [0.6], so an exit can move the others' syncs
// too): the test compares drawsTheSame with the drawn fields themselves, lane by lane. The run
// ends at 15 min, the frame's t1 below: the pod's image (`x`, no tag) is checked in the registry
// before every restart, one container after another in a sync ([0.3]), and with the default
// 0.5 s check (session 39, was 0.2 s) the one-second edit of c0 moves the other lanes' restarts
// after about 7 min (c32-c39), 21 min (c1-c23) and 52 min (c24-c31), all inside the bench's hour.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { uniformPodText } from '../../../bench/engine';
import { layoutTimeline } from './layout';
import type { Lane } from './model';
import type { LaneFrame } from './renderLanes';
import { drawsTheSame, sameFrame } from './sameLane';

const POD = `${uniformPodText(40, '15m')}containers:\n  c0:\n    exitAfter: 10s\n`;
const lanesOf = (text: string) => {
  const { trace } = runScenario(text, {});
  if (!trace) throw new Error('no trace');
  return new Map(layoutTimeline(trace, 'p').groups.flatMap((g) => g.lanes).map((l) => [l.name, l]));
};
const frame: LaneFrame = { draw: { t0: 0, t1: 1, x0: 0, x1: 2 }, t0: 0, t1: 900 };

describe('drawsTheSame', () => {
  const before = lanesOf(POD);
  const after = lanesOf(POD.replace('exitAfter: 10s', 'exitAfter: 11s'));

  it('finds the edited container\'s lane changed', () => {
    expect(drawsTheSame(before.get('c0')!, frame, after.get('c0')!, frame)).toBe(false);
  });

  it('says "the same" exactly for the other lanes whose drawn fields are equal, and most are', () => {
    const drawn = (l: Lane) => JSON.stringify({
      bars: l.bars.map((b) => [b.start, b.end, b.tone, b.label, b.attempt]),
      hooks: l.hooks.map((h) => [h.hook, h.start, h.end, h.failed]),
      subRows: l.subRows.map((r) => [r.name, r.bars.map((b) => [b.start, b.end, b.tone, b.label, b.attempt])]),
    });
    const others = [...after.keys()].filter((name) => /^c\d+$/.test(name) && name !== 'c0');
    expect(others.length).toBe(39);
    for (const name of others) {
      expect(drawsTheSame(before.get(name)!, frame, after.get(name)!, frame), name).toBe(drawn(before.get(name)!) === drawn(after.get(name)!));
    }
    const unchanged = others.filter((name) => drawsTheSame(before.get(name)!, frame, after.get(name)!, frame));
    expect(unchanged.length).toBeGreaterThan(others.length / 2);
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
