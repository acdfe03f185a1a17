import { describe, expect, it } from 'vitest';
import { nextEventTime, prevEventTime } from './navigate';
import { clip, placeRows, AXIS_HEIGHT, GROUP_HEADER_HEIGHT, LANE_HEIGHT } from './rows';
import { formatSeconds, timeScale, toTime, toX } from './scale';
import { layoutTimeline } from './layout';
import { sidecarPodTrace } from '../../state/testFixtures';

describe('timeScale', () => {
  const s = timeScale(120, 100, 700);

  it('maps the trace onto the plot and back', () => {
    expect(toX(s, 0)).toBe(100);
    expect(toX(s, 60)).toBe(400);
    expect(toX(s, 120)).toBe(700);
    expect(toTime(s, 400)).toBe(60);
  });

  it('clamps times outside the plot and rounds to the millisecond', () => {
    expect(toTime(s, 0)).toBe(0);
    expect(toTime(s, 9999)).toBe(120);
    expect(toTime(s, 101)).toBe(0.2);
    expect(toTime(s, 100.0001)).toBe(0);
  });

  it('gives an empty trace a usable domain and a narrow plot a width', () => {
    const z = timeScale(0, 50, 10);
    expect(z.t1).toBe(1);
    expect(z.x1).toBe(51);
    expect(Number.isFinite(toTime(z, 50.5))).toBe(true);
  });

  it('prints seconds without trailing zeros', () => {
    expect(formatSeconds(120)).toBe('120');
    expect(formatSeconds(4.5)).toBe('4.5');
    expect(formatSeconds(1 / 3)).toBe('0.333');
  });
});

describe('keyboard steps', () => {
  const times = [0, 1, 3, 13];

  it('steps to the previous distinct event time, stopping at 0', () => {
    expect(prevEventTime(times, 13)).toBe(3);
    expect(prevEventTime(times, 2)).toBe(1);
    expect(prevEventTime(times, 0)).toBe(0);
  });

  it('steps to the next event time, stopping at the end', () => {
    expect(nextEventTime(times, 0, 20)).toBe(1);
    expect(nextEventTime(times, 3, 20)).toBe(13);
    expect(nextEventTime(times, 13, 20)).toBe(20);
  });
});

describe('placeRows', () => {
  it('stacks a header per group and a row per lane below the axis', () => {
    const rows = placeRows(layoutTimeline(sidecarPodTrace(), 'p'));
    expect(rows.headers.map((h) => [h.label, h.y])).toEqual([
      ['Pod', AXIS_HEIGHT],
      ['Init containers', AXIS_HEIGHT + GROUP_HEADER_HEIGHT + LANE_HEIGHT],
      ['Sidecar containers', AXIS_HEIGHT + 2 * GROUP_HEADER_HEIGHT + 3 * LANE_HEIGHT],
      ['Containers', AXIS_HEIGHT + 3 * GROUP_HEADER_HEIGHT + 4 * LANE_HEIGHT],
    ]);
    expect(rows.lanes.map((l) => l.name)).toEqual(['p', 'init-myservice', 'init-mydb', 'istio-proxy', 'myapp-container']);
    expect(rows.lanes[1]!.y).toBe(AXIS_HEIGHT + 2 * GROUP_HEADER_HEIGHT + LANE_HEIGHT);
    expect(rows.height).toBeGreaterThan(AXIS_HEIGHT + 4 * GROUP_HEADER_HEIGHT + 5 * LANE_HEIGHT);
  });

  it('clips long labels with an ellipsis', () => {
    expect(clip('init-myservice', 20)).toBe('init-myservice');
    expect(clip('init-myservice', 6)).toBe('init-…');
    expect(clip('abc', 1)).toBe('…');
  });
});
