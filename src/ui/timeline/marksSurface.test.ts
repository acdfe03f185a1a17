// The marks' canvas (marksSurface.ts, issue 16): drawn off screen and shown through a
// 'bitmaprenderer' context where the browser has OffscreenCanvas, else drawn on directly.

import { describe, expect, it } from 'vitest';
import { marksSurface, type SurfaceApi } from './marksSurface';

function fakeCtx() {
  const calls: string[] = [];
  return { calls, setTransform: () => calls.push('setTransform'), clearRect: (...a: number[]) => calls.push(`clear ${a.join(',')}`) };
}

function fakeCanvas(kinds: Record<string, unknown>) {
  const asked: string[] = [];
  return { asked, width: 30, height: 20, getContext: (k: string) => { asked.push(k); return kinds[k] ?? null; } } as unknown as HTMLCanvasElement & { asked: string[] };
}

describe('marksSurface (issue 16: a pan frame does not copy the marks canvas)', () => {
  it('draws off screen and hands the finished bitmap to the page canvas', () => {
    const shown: unknown[] = [];
    const renderer = { transferFromImageBitmap: (b: unknown) => shown.push(b) };
    const canvas = fakeCanvas({ bitmaprenderer: renderer });
    const made: [number, number][] = [];
    const ctx = fakeCtx();
    const api: SurfaceApi = {
      makeOffscreen: (w, h) => { made.push([w, h]); return { width: w, height: h, getContext: () => ctx as never, transferToImageBitmap: () => ({ w, h }) as never }; },
    };
    const surface = marksSurface(canvas, api);
    expect(surface.begin(30, 20)).toBe(ctx);
    surface.end();
    expect(shown).toEqual([{ w: 30, h: 20 }]);
    expect(ctx.calls).toContain('clear 0,0,30,20');
    // The same size reuses the offscreen canvas; the surface is remembered per canvas.
    expect(marksSurface(canvas, api)).toBe(surface);
    surface.begin(30, 20);
    surface.end();
    surface.begin(40, 20);
    surface.end();
    expect(made).toEqual([[30, 20], [40, 20]]);
    expect(canvas.asked).toEqual(['bitmaprenderer']);
  });

  it('shows nothing for a picture of no area', () => {
    const shown: unknown[] = [];
    const canvas = fakeCanvas({ bitmaprenderer: { transferFromImageBitmap: (b: unknown) => shown.push(b) } });
    const surface = marksSurface(canvas, { makeOffscreen: () => { throw new Error('not made'); } });
    expect(surface.begin(0, 20)).toBeNull();
    surface.end();
    expect(shown).toEqual([null]);
  });

  it('draws on the canvas itself where there is no OffscreenCanvas', () => {
    const ctx = fakeCtx();
    const canvas = fakeCanvas({ '2d': ctx });
    const surface = marksSurface(canvas, {});
    expect(surface.begin(30, 20)).toBe(ctx);
    surface.end();
    expect(canvas.asked).toEqual(['2d']);
    expect(ctx.calls).toEqual(['setTransform', 'clear 0,0,30,20']);
  });
});
