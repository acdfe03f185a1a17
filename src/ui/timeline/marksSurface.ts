// Where the dense marks are drawn (issue 16). A 2d canvas hands its bitmap to the compositor again
// at every frame the page commits, moved or not: in Chromium a pan frame copied the whole marks
// canvas (Canvas2DResourceProvider::ProduceCanvasResource, ~0.5-1.4 ms a frame for three views of
// marks, measured with bench/panProfile.ts). So the marks are drawn on an OffscreenCanvas and the
// finished picture is given to the page's canvas through a 'bitmaprenderer' context: the same
// pixels, shown as a still image that a pan frame does not copy. Where the browser has neither,
// the page's canvas is drawn on directly, as before.

/** The 2d context drawing needs: the page's canvas's or an OffscreenCanvas's. */
export type MarksContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface MarksSurface {
  /** A cleared context of `width` x `height` device pixels to draw on, or null (no canvas support). */
  begin(width: number, height: number): MarksContext | null;
  /** Shows what was drawn since `begin`. */
  end(): void;
}

interface Offscreen {
  width: number;
  height: number;
  getContext(kind: '2d'): OffscreenCanvasRenderingContext2D | null;
  transferToImageBitmap(): ImageBitmap;
}

export interface SurfaceApi {
  makeOffscreen?: (width: number, height: number) => Offscreen;
}

const browserApi = (): SurfaceApi => (typeof OffscreenCanvas === 'function' ? { makeOffscreen: (w, h) => new OffscreenCanvas(w, h) } : {});

/** The 2d context of `canvas` itself, cleared. */
function directSurface(canvas: HTMLCanvasElement): MarksSurface {
  return {
    begin() {
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return ctx;
    },
    end() {},
  };
}

const surfaces = new WeakMap<HTMLCanvasElement, MarksSurface>();

/** The surface for `canvas`, chosen once per canvas (a canvas keeps the first kind of context it gives). */
export function marksSurface(canvas: HTMLCanvasElement, api: SurfaceApi = browserApi()): MarksSurface {
  let surface = surfaces.get(canvas);
  if (surface) return surface;
  const renderer = api.makeOffscreen ? canvas.getContext('bitmaprenderer') : null;
  surface = renderer && api.makeOffscreen ? offscreenSurface(renderer, api.makeOffscreen) : directSurface(canvas);
  surfaces.set(canvas, surface);
  return surface;
}

function offscreenSurface(renderer: ImageBitmapRenderingContext, make: (w: number, h: number) => Offscreen): MarksSurface {
  let off: Offscreen | null = null;
  let drawing: Offscreen | null = null;
  return {
    begin(width, height) {
      drawing = null;
      // A bitmap of no area cannot be made: show nothing.
      if (width <= 0 || height <= 0) return null;
      if (!off || off.width !== width || off.height !== height) off = make(width, height);
      const ctx = off.getContext('2d');
      if (!ctx) return null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      drawing = off;
      return ctx;
    },
    end() {
      if (drawing) renderer.transferFromImageBitmap(drawing.transferToImageBitmap());
      else renderer.transferFromImageBitmap(null);
      drawing = null;
    },
  };
}
