// The marks drawn on strips (canvasMarks.ts drawMarks, marksStrips.ts): each strip draws the
// lanes whose glyphs reach into it, moved up by the strip's top, so the strips show one picture.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawMarks, type MarkStyle } from './canvasMarks';
import type { PlacedStrip } from './marksStrips';
import { MARK_PATH } from './marks';
import type { MarkKind } from './model';
import { BAR_TOP, type Rows } from './rows';

/** A 2d context that records where each glyph is filled or stroked (its transform's y). */
function recordingCanvas(width: number, height: number) {
  const glyphs: number[] = [];
  let y = 0;
  const ctx = {
    save() {}, restore() {}, clearRect() {},
    setTransform(_a: number, _b: number, _c: number, _d: number, _e: number, f: number) { y = f; },
    fill() {}, stroke() { glyphs.push(y); },
    lineWidth: 1, fillStyle: '', strokeStyle: '',
  };
  const canvas = { width, height, getContext: (kind: string) => (kind === '2d' ? ctx : null) } as unknown as HTMLCanvasElement;
  return { canvas, glyphs };
}

const STYLE: MarkStyle = { fill: '#fff', stroke: '#000' };
const STYLES = Object.fromEntries(Object.keys(MARK_PATH).map((k) => [k, STYLE])) as Record<MarkKind, MarkStyle>;

/** Lanes at these y, each with one exit mark at t = 5. */
function rowsAt(ys: number[]): Rows {
  return { lanes: ys.map((y) => ({ y, marks: [{ t: 5, kind: 'exit' as MarkKind }] })), height: 1000 } as unknown as Rows;
}

describe('drawMarks on strips', () => {
  beforeEach(() => {
    vi.stubGlobal('Path2D', class { constructor(readonly d: string) {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws each lane in the strips its glyphs reach, at its y less the strip\'s top', () => {
    const a = recordingCanvas(100, 100);
    const b = recordingCanvas(100, 100);
    const strips: PlacedStrip[] = [
      { canvas: a.canvas, top: 0, height: 100, deviceWidth: 100, deviceHeight: 100 },
      { canvas: b.canvas, top: 100, height: 100, deviceWidth: 100, deviceHeight: 100 },
    ];
    // A lane in the first strip, one whose glyph straddles the cut, one in the second strip.
    const drawn = drawMarks(strips, rowsAt([20, 100 - BAR_TOP - 3, 150]), { t0: 0, t1: 10, x0: 0, x1: 100 }, STYLES, 1, 0);
    expect(a.glyphs).toEqual([20 + BAR_TOP, 97]);
    expect(b.glyphs).toEqual([-3, 150 + BAR_TOP - 100]);
    expect(drawn).toBe(4);
  });

  it('scales the strip\'s offset by the device pixel ratio', () => {
    const a = recordingCanvas(200, 200);
    const b = recordingCanvas(200, 200);
    const strips: PlacedStrip[] = [
      { canvas: a.canvas, top: 0, height: 100, deviceWidth: 200, deviceHeight: 200 },
      { canvas: b.canvas, top: 100, height: 100, deviceWidth: 200, deviceHeight: 200 },
    ];
    drawMarks(strips, rowsAt([150]), { t0: 0, t1: 10, x0: 0, x1: 100 }, STYLES, 2, 0);
    expect(a.glyphs).toEqual([]);
    expect(b.glyphs).toEqual([(150 + BAR_TOP - 100) * 2]);
  });
});
