// The marks' canvas (marksSurface.ts, issue 16): drawn through the OffscreenCanvas the page's
// canvas handed its drawing to where the browser can, else on the canvas itself; resized only
// when the size changes (a resize drops the backing store), cleared before each drawing.

import { describe, expect, it } from 'vitest';
import { marksSurface, type SurfaceApi } from './marksSurface';

function fakeCtx() {
  const calls: string[] = [];
  return { calls, setTransform: () => calls.push('setTransform'), clearRect: (...a: number[]) => calls.push(`clear ${a.join(',')}`) };
}

/** A canvas (or OffscreenCanvas) that records each resize and each context it was asked for. */
function fakeCanvas(ctx: ReturnType<typeof fakeCtx> | null) {
  const log: string[] = [];
  let width = 300;
  let height = 150;
  return {
    log,
    get width() { return width; },
    set width(w: number) { log.push(`width ${w}`); width = w; },
    get height() { return height; },
    set height(h: number) { log.push(`height ${h}`); height = h; },
    getContext: (kind: string) => { log.push(`context ${kind}`); return kind === '2d' ? ctx : null; },
  };
}

describe('marksSurface (issue 16: a pan frame does not copy the marks canvas, a redraw keeps its backing store)', () => {
  it('draws on the OffscreenCanvas the page canvas handed its drawing to, resizing it only when the size changes', () => {
    const ctx = fakeCtx();
    const offscreen = fakeCanvas(ctx);
    const page = fakeCanvas(null) as unknown as HTMLCanvasElement;
    const transferred: unknown[] = [];
    const api: SurfaceApi = { transfer: (c) => { transferred.push(c); return offscreen as never; } };
    const surface = marksSurface(page, api);
    expect(surface.begin(30, 20)).toBe(ctx);
    expect(surface.begin(30, 20)).toBe(ctx);
    expect(surface.begin(40, 20)).toBe(ctx);
    expect(offscreen.log).toEqual(['width 30', 'height 20', 'context 2d', 'context 2d', 'width 40', 'context 2d']);
    expect(ctx.calls).toEqual(['setTransform', 'clear 0,0,30,20', 'setTransform', 'clear 0,0,30,20', 'setTransform', 'clear 0,0,40,20']);
    // One transfer per canvas (a second would throw): the surface is remembered, and the page's
    // canvas is never asked for a context nor resized.
    expect(marksSurface(page, api)).toBe(surface);
    expect(transferred).toEqual([page]);
    expect((page as unknown as ReturnType<typeof fakeCanvas>).log).toEqual([]);
  });

  it('gives no context for a picture of no area, and leaves it empty', () => {
    const offscreen = fakeCanvas(fakeCtx());
    const surface = marksSurface(fakeCanvas(null) as unknown as HTMLCanvasElement, { transfer: () => offscreen as never });
    expect(surface.begin(0, 20)).toBeNull();
    expect(offscreen.log).toEqual(['width 0', 'height 20']);
  });

  it('draws on the canvas itself where the browser cannot hand a canvas\'s drawing over', () => {
    const ctx = fakeCtx();
    const canvas = fakeCanvas(ctx);
    const surface = marksSurface(canvas as unknown as HTMLCanvasElement, {});
    expect(surface.begin(30, 20)).toBe(ctx);
    expect(surface.begin(30, 20)).toBe(ctx);
    expect(canvas.log).toEqual(['width 30', 'height 20', 'context 2d', 'context 2d']);
    expect(ctx.calls).toEqual(['setTransform', 'clear 0,0,30,20', 'setTransform', 'clear 0,0,30,20']);
  });

  it('without a browser (Node) draws on the canvas itself', () => {
    const ctx = fakeCtx();
    const canvas = fakeCanvas(ctx);
    expect(marksSurface(canvas as unknown as HTMLCanvasElement).begin(5, 5)).toBe(ctx);
  });
});
