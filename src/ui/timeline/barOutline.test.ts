import { describe, expect, it } from 'vitest';
import { outlinePath } from './barOutline';

/** The path's subpaths, each as its list of numbers. */
const subpaths = (d: string) => d.split('M').filter(Boolean).map((s) => (s.match(/-?\d+(\.\d+)?/g) ?? []).map(Number));

describe('outlinePath (issue 16: bar outlines as filled areas, no stroke in the moving layer)', () => {
  it('a solid outline is the ring between the rounded rect grown and shrunk by half the width', () => {
    const d = outlinePath({ x: 10, y: 20, w: 50, h: 14, r: 3 }, { width: 1 });
    const [outer, inner] = subpaths(d);
    expect(subpaths(d)).toHaveLength(2);
    // The outer ring starts where SVG starts a rect's outline, (x + rx, y), half a pixel out, radius rx + 0.5.
    expect(outer!.slice(0, 2)).toEqual([13, 19.5]);
    expect(d).toContain('A3.5 3.5 0 0 1');
    // The inner one goes back (counter-clockwise), half a pixel in, radius rx - 0.5.
    expect(inner!.slice(0, 2)).toEqual([13, 20.5]);
    expect(d).toContain('A2.5 2.5 0 0 0');
    // The outer reaches x - 0.5 .. x + w + 0.5.
    const xs = outer!.filter((_, i) => i % 2 === 0);
    expect(Math.min(...xs.filter((v) => v > 5))).toBe(9.5);
    expect(d).toContain('60.5,');
  });

  it('clamps the corner radius to half the width and height, as SVG draws a rect', () => {
    const d = outlinePath({ x: 0, y: 0, w: 4, h: 10, r: 3 }, { width: 1 });
    expect(d).toContain('A2.5 3.5 0 0 1');
    expect(d).toContain('A1.5 2.5 0 0 0');
  });

  it('a box narrower than the stroke is covered whole: no hole', () => {
    expect(subpaths(outlinePath({ x: 0, y: 0, w: 1, h: 10, r: 2 }, { width: 1 }))).toHaveLength(1);
  });

  it('draws nothing for an empty box or a stroke of no width', () => {
    expect(outlinePath({ x: 0, y: 0, w: 0, h: 10, r: 2 }, { width: 1 })).toBe('');
    expect(outlinePath({ x: 0, y: 0, w: 10, h: 10, r: 2 }, { width: 0 })).toBe('');
  });

  it('a dashed outline draws one piece per dash and side it meets, the first dash at the outline\'s start', () => {
    // A square-cornered 20 x 10 box (radius 0): outline 60 long; dashes 3 on, 2 off: [0,3], [5,8] ... [55,58].
    const d = outlinePath({ x: 0, y: 0, w: 20, h: 10, r: 0 }, { width: 1, dash: [3, 2] });
    const pieces = subpaths(d);
    // Top side [0,20]: 4 dashes; right [20,30]: [20,23], [25,28]; bottom [30,50]: [30,33] ... [45,48]; left [50,60]: [50,53], [55,58].
    expect(pieces).toHaveLength(4 + 2 + 4 + 2);
    // The first dash: from (0, -0.5) 3 right, 1 down, 3 back: clockwise, as the solid ring's outer edge.
    expect(d.split('M')[1]).toBe('0,-0.5h3v1h-3Z');
    // The right side's first dash starts at its top, outside: (20.5, 0), 3 down, 1 left, 3 up.
    expect(d.split('M')[5]).toBe('20.5,0v3h-1v-3Z');
    // The bottom side's dashes go left, the left side's up.
    expect(d.split('M')[7]).toBe('20,10.5h-3v-1h3Z');
    expect(d.split('M')[11]).toBe('-0.5,10v-3h1v3Z');
    expect(pieces[0]).toEqual([0, -0.5, 3, 1, -3]);
  });

  it('a dash across a rounded corner is split into its side\'s part and the corner\'s arc', () => {
    // Top side of length 4 (x + 3 .. x + 7), then a corner of length 3π/2 ≈ 4.71: dash [0,3] on the side, [5,8] on the corner only.
    const d = outlinePath({ x: 0, y: 0, w: 10, h: 10, r: 3 }, { width: 1, dash: [3, 2] });
    const first = subpaths(d).slice(0, 3);
    expect(first[0]).toEqual([3, -0.5, 3, 1, -3]);
    // The second dash [5, 8] lies on the top-right corner's arc (lengths 4 .. 8.71): drawn with arcs.
    expect(d.split('M')[2]).toMatch(/^[\d.,-]+A3\.5 3\.5 0 0 1 [\d.,-]+L[\d.,-]+A2\.5 2\.5 0 0 0 [\d.,-]+Z$/);
  });

  it('gives the same path for the same box and style again (kept: a redraw makes mostly the same outlines)', () => {
    const box = { x: 1.25, y: 2, w: 30.5, h: 14, r: 3 };
    expect(outlinePath({ ...box }, { width: 1, dash: [3, 2] })).toBe(outlinePath(box, { width: 1, dash: [3, 2] }));
    expect(outlinePath(box, { width: 1, dash: [3, 2] })).not.toBe(outlinePath(box, { width: 1 }));
  });

  it('a pattern with no gap is a solid outline', () => {
    const box = { x: 0, y: 0, w: 20, h: 10, r: 2 };
    expect(outlinePath(box, { width: 1, dash: [3, 0] })).toBe(outlinePath(box, { width: 1 }));
  });
});
