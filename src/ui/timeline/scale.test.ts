import { describe, expect, it } from 'vitest';
import { sidecarPodTrace } from '../../state/testFixtures';
import { layoutTimeline } from './layout';
import { AXIS_HEIGHT, clip, GROUP_HEADER_HEIGHT, LANE_HEIGHT, laneHeight, placeRows } from './rows';
import { formatSeconds, secondsPerPixel, timeScale, toTime, toX, visibleMoments, visibleRange } from './scale';

describe('timeScale', () => {
  const s = timeScale({ t0: 0, t1: 120 }, 100, 700);

  it('maps the window onto the plot and back', () => {
    expect(toX(s, 0)).toBe(100);
    expect(toX(s, 60)).toBe(400);
    expect(toX(s, 120)).toBe(700);
    expect(toTime(s, 400)).toBe(60);
    expect(secondsPerPixel(s)).toBe(0.2);
  });

  it('maps a zoomed window', () => {
    const z = timeScale({ t0: 10, t1: 20 }, 0, 1000);
    expect(toX(z, 15)).toBe(500);
    expect(toX(z, 5)).toBe(-500);
    expect(toTime(z, 250)).toBe(12.5);
  });

  it('clamps times outside the plot and rounds to the millisecond', () => {
    expect(toTime(s, 0)).toBe(0);
    expect(toTime(s, 9999)).toBe(120);
    expect(toTime(s, 101)).toBe(0.2);
    expect(toTime(s, 100.0001)).toBe(0);
  });

  it('gives an empty window a usable domain and a narrow plot a width', () => {
    const z = timeScale({ t0: 0, t1: 0 }, 50, 10);
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

describe('culling', () => {
  const bars = [{ start: 0, end: 5 }, { start: 5, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 40 }];

  it('finds the bars that overlap a window', () => {
    expect(visibleRange(bars, 6, 12)).toEqual([1, 3]);
    expect(visibleRange(bars, 0, 100)).toEqual([0, 4]);
    expect(visibleRange(bars, 41, 50)).toEqual([4, 4]);
  });

  it('finds the moments inside a window', () => {
    const marks = [1, 2, 2, 5, 9].map((t) => ({ t }));
    expect(visibleMoments(marks, 2, 5)).toEqual([1, 4]);
    expect(visibleMoments(marks, 6, 8)).toEqual([4, 4]);
  });
});

describe('placeRows', () => {
  it('stacks a header per group and a lane below the axis; the pod lane is taller', () => {
    const rows = placeRows(layoutTimeline(sidecarPodTrace(), 'p'));
    const pod = laneHeight(rows.lanes[0]!);
    expect(pod).toBeGreaterThan(LANE_HEIGHT * 2);
    expect(rows.headers.map((h) => [h.label, h.y])).toEqual([
      ['Pod', AXIS_HEIGHT],
      ['Init containers', AXIS_HEIGHT + GROUP_HEADER_HEIGHT + pod],
      ['Sidecar containers', AXIS_HEIGHT + 2 * GROUP_HEADER_HEIGHT + pod + 2 * LANE_HEIGHT],
      ['Containers', AXIS_HEIGHT + 3 * GROUP_HEADER_HEIGHT + pod + 3 * LANE_HEIGHT],
    ]);
    expect(rows.lanes.map((l) => l.name)).toEqual(['p', 'init-myservice', 'init-mydb', 'istio-proxy', 'myapp-container']);
    expect(rows.height).toBeGreaterThan(AXIS_HEIGHT + 4 * GROUP_HEADER_HEIGHT + pod + 4 * LANE_HEIGHT);
  });

  it('clips long labels with an ellipsis', () => {
    expect(clip('init-myservice', 20)).toBe('init-myservice');
    expect(clip('init-myservice', 6)).toBe('init-…');
    expect(clip('abc', 1)).toBe('…');
  });
});
