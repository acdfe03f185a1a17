import { describe, expect, it } from 'vitest';
import { DRAW_AHEAD_SPANS, layerShift, nextRenderRange, offCentre, rangeOffset } from './renderRange';
import { timeScale, toX } from './scale';

describe('render range', () => {
  const view = timeScale({ t0: 100, t1: 200 }, 0, 1000);

  it('draws one view-width each side, at the view zoom', () => {
    expect(DRAW_AHEAD_SPANS).toBe(1);
    const r = nextRenderRange(null, view, 3600);
    expect([r.scale.t0, r.scale.t1]).toEqual([0, 300]);
    const far = nextRenderRange(null, timeScale({ t0: 1000, t1: 1100 }, 0, 1000), 3600);
    expect([far.scale.t0, far.scale.t1]).toEqual([900, 1200]);
    expect(toX(r.scale, 150)).toBeCloseTo(toX(view, 150));
    expect(rangeOffset(r, view)).toBeCloseTo(0);
  });

  it('keeps the range while a pan stays inside it, and says how far to shift', () => {
    const r = nextRenderRange(null, view, 3600);
    const panned = timeScale({ t0: 150, t1: 250 }, 0, 1000);
    expect(nextRenderRange(r, panned, 3600)).toBe(r);
    expect(rangeOffset(r, panned)).toBeCloseTo(-500);
    // A bar drawn at time 180 now sits where the view puts 180.
    expect(toX(r.scale, 180) + rangeOffset(r, panned)).toBeCloseTo(toX(panned, 180));
  });

  it('redraws when the view leaves the range or the zoom changes', () => {
    const r = nextRenderRange(null, view, 3600);
    expect(nextRenderRange(r, timeScale({ t0: 250, t1: 350 }, 0, 1000), 3600)).not.toBe(r);
    expect(nextRenderRange(r, timeScale({ t0: 120, t1: 180 }, 0, 1000), 3600)).not.toBe(r);
  });

  it('stops at the trace end', () => {
    const r = nextRenderRange(null, timeScale({ t0: 3500, t1: 3600 }, 0, 1000), 3600);
    expect(r.scale.t1).toBe(3600);
  });
});

describe('drawing ahead', () => {
  const at = (t0: number) => timeScale({ t0, t1: t0 + 100 }, 0, 1000);

  it('asks for a recentred range once a pan has used half the margin on a side the range can extend', () => {
    const r = nextRenderRange(null, at(1000), 3600); // [900, 1200]
    expect(offCentre(r, at(1000), 3600)).toBe(false);
    expect(offCentre(r, at(1050), 3600)).toBe(false); // 50 s of room left on the right, 50 wanted
    expect(offCentre(r, at(1060), 3600)).toBe(true);
    expect(offCentre(r, at(940), 3600)).toBe(true);
    const recentred = nextRenderRange(r, at(1060), 3600, true);
    expect([recentred.scale.t0, recentred.scale.t1]).toEqual([960, 1260]);
    expect(recentred.draw).toBe(r.draw);
    expect(nextRenderRange(r, at(1060), 3600)).toBe(r);
  });

  it('does not ask where the range cannot reach further (the start, the end) or when the zoom changed', () => {
    const start = nextRenderRange(null, at(0), 3600); // [0, 200]
    expect(offCentre(start, at(0), 3600)).toBe(false);
    const end = nextRenderRange(null, at(3500), 3600); // [3400, 3600]
    expect(offCentre(end, at(3500), 3600)).toBe(false);
    expect(offCentre(start, timeScale({ t0: 0, t1: 50 }, 0, 1000), 3600)).toBe(false);
  });
});

describe('the layer origin', () => {
  it('stays while the zoom stays, so kept bars keep their x; a zoom starts a new one', () => {
    const view = timeScale({ t0: 100, t1: 200 }, 0, 1000);
    const r = nextRenderRange(null, view, 3600);
    const moved = nextRenderRange(r, timeScale({ t0: 250, t1: 350 }, 0, 1000), 3600);
    expect(moved.draw).toBe(r.draw);
    // A bar at 260 s drawn in the layer, placed by the layer's left edge and shift, lands where the view shows 260 s.
    const panned = timeScale({ t0: 250, t1: 350 }, 0, 1000);
    const screenX = moved.scale.x0 + rangeOffset(moved, panned) + layerShift(moved) + toX(moved.draw, 260);
    expect(screenX).toBeCloseTo(toX(panned, 260));
    const zoomed = nextRenderRange(moved, timeScale({ t0: 250, t1: 300 }, 0, 1000), 3600);
    expect(zoomed.draw).not.toBe(r.draw);
  });
});
