// The marks' canvas in strips (marksStrips.ts, issue 16): Chromium without a GPU hands a picture
// over ~245,000 pixels through a slow path, so no strip holds more than STRIP_PIXELS.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeStrips, STRIP_PIXELS, stripBoxes } from './marksStrips';

describe('stripBoxes', () => {
  it('cuts the 40-container pod\'s 506 x 1660 px picture into strips of 395 px, the last one shorter', () => {
    expect(stripBoxes(506, 1660, 1)).toEqual([
      { top: 0, height: 395 }, { top: 395, height: 395 }, { top: 790, height: 395 }, { top: 1185, height: 395 }, { top: 1580, height: 80 },
    ]);
  });

  it('keeps a small picture whole, and makes no strip for an empty one', () => {
    expect(stripBoxes(506, 372, 1)).toEqual([{ top: 0, height: 372 }]);
    expect(stripBoxes(506, 0, 1)).toEqual([]);
  });

  it('counts device pixels: at dpr 2 a strip is a quarter as tall', () => {
    expect(stripBoxes(506, 1660, 2)[0]).toEqual({ top: 0, height: 98 });
  });

  it('tiles the picture exactly, in whole CSS px, each strip under the limit (one row at least)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 20000 }), fc.constantFrom(1, 1.25, 1.5, 2, 3),
      (width, height, dpr) => {
        const boxes = stripBoxes(width, height, dpr);
        let top = 0;
        for (const b of boxes) {
          const whole = b.top === top && Number.isInteger(b.height) && b.height >= 1;
          const under = b.height === 1 || Math.round(width * dpr) * b.height * dpr <= STRIP_PIXELS;
          if (!whole || !under) return false;
          top += b.height;
        }
        return top === height;
      },
    ));
  });
});

/** Just enough of a DOM for placeStrips: a host whose canvases are listed in order. */
function fakeHost() {
  const children: FakeCanvas[] = [];
  type FakeCanvas = { className: string; width: number; height: number; style: Record<string, string>; attrs: Record<string, string>; setAttribute(k: string, v: string): void; remove(): void };
  const host = {
    children,
    ownerDocument: {
      createElement: () => {
        const c: FakeCanvas = {
          className: '', width: 0, height: 0, style: {}, attrs: {},
          setAttribute(k, v) { this.attrs[k] = v; },
          remove() { children.splice(children.indexOf(c), 1); },
        };
        return c;
      },
    },
    appendChild: (c: FakeCanvas) => { children.push(c); },
  };
  return host as unknown as HTMLElement & { children: FakeCanvas[] };
}

describe('placeStrips', () => {
  it('adds a canvas per strip, placed in CSS px, hidden from assistive technology, with its drawing\'s size in device px', () => {
    const host = fakeHost();
    const strips = placeStrips(host, 506, 1660, 1, -30);
    expect(strips.map((s) => [s.top, s.height, s.deviceWidth, s.deviceHeight])).toEqual([
      [0, 395, 506, 395], [395, 395, 506, 395], [790, 395, 506, 395], [1185, 395, 506, 395], [1580, 80, 506, 80],
    ]);
    const last = host.children[4]!;
    expect(last.style).toEqual({ left: '-30px', top: '1580px', width: '506px', height: '80px' });
    expect(last.className).toBe('timeline-canvas');
    expect(last.attrs).toEqual({ 'aria-hidden': 'true' });
    // The canvas element is never resized here: once it has handed its drawing to an
    // OffscreenCanvas (marksSurface.ts), setting its width throws.
    expect(host.children.map((c) => [c.width, c.height])).toEqual(host.children.map(() => [0, 0]));
  });

  it('keeps the canvases it still needs (each keeps its surface) and removes the rest', () => {
    const host = fakeHost();
    const first = placeStrips(host, 506, 1660, 1, 0).map((s) => s.canvas);
    const fewer = placeStrips(host, 506, 500, 1, 0).map((s) => s.canvas);
    expect(fewer).toEqual(first.slice(0, 2));
    expect(host.children).toEqual(fewer);
    const more = placeStrips(host, 506, 900, 2, 0).map((s) => s.canvas);
    expect(more.slice(0, 2)).toEqual(fewer);
    expect(host.children).toHaveLength(stripBoxes(506, 900, 2).length);
    expect(placeStrips(host, 506, 900, 2, 0)[0]!.deviceWidth).toBe(1012);
    expect(placeStrips(host, 506, 0, 1, 0)).toEqual([]);
    expect(host.children).toEqual([]);
  });
});
