// Where the dense marks are drawn (issue 16). A 2d canvas hands its bitmap to the compositor again
// at every frame the page commits, moved or not: in Chromium a pan frame copied the whole marks
// canvas (Canvas2DResourceProvider::ProduceCanvasResource, ~0.5-1.4 ms a frame for three views of
// marks, measured with bench/panProfile.ts). So each strip canvas hands its drawing to an
// OffscreenCanvas (transferControlToOffscreen), drawn here on the main thread: the browser shows a
// frame of it only when it was drawn again, and a pan frame copies nothing.
//
// Before, the strips were drawn on an OffscreenCanvas of their own and the finished picture handed
// over with transferToImageBitmap to a 'bitmaprenderer' context. The pan frames cost the same
// (bench/webPan.ts, 3 rounds each: p95 7.9 ms then, 7.7 now), but every redraw had to start from a
// new backing store, the old one having left with the bitmap: Chromium made a new SkSurface and
// cleared it (SkCanvas::drawPaint), 2.1-2.6 ms a strip on the keystroke bench's page (a trace of 5
// keystrokes), against 0.0-0.4 ms for the first operation on a canvas that keeps its store. A
// keystroke of the 40-container pod, median of 60-80 in Chromium 156: 169-172 ms then, 125-138
// now. Where the browser cannot transfer a canvas, the page's canvas is drawn on directly.

/** The 2d context drawing needs: the page's canvas's or an OffscreenCanvas's. */
export type MarksContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface MarksSurface {
  /**
   * A cleared context of `width` x `height` device pixels to draw on, or null (no canvas support,
   * or a picture of no area). The page shows what was drawn once the task ends.
   */
  begin(width: number, height: number): MarksContext | null;
}

/** What a surface draws on: the page's canvas itself, or the OffscreenCanvas it handed its drawing to. */
interface DrawingCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): MarksContext | null;
}

export interface SurfaceApi {
  /** The canvas's drawing, handed to an OffscreenCanvas (`transferControlToOffscreen`); absent where the browser cannot. */
  transfer?: (canvas: HTMLCanvasElement) => DrawingCanvas;
}

const browserApi = (): SurfaceApi => (typeof HTMLCanvasElement === 'function' && 'transferControlToOffscreen' in HTMLCanvasElement.prototype
  ? { transfer: (canvas) => canvas.transferControlToOffscreen() }
  : {});

/** A surface on `target`: resized only when the size changes (a resize drops the backing store), then cleared. */
function surfaceOn(target: DrawingCanvas): MarksSurface {
  return {
    begin(width, height) {
      if (target.width !== width) target.width = width;
      if (target.height !== height) target.height = height;
      if (width <= 0 || height <= 0) return null;
      const ctx = target.getContext('2d');
      if (!ctx) return null;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, width, height);
      return ctx;
    },
  };
}

const surfaces = new WeakMap<HTMLCanvasElement, MarksSurface>();

/**
 * The surface for `canvas`, chosen once per canvas: a canvas that handed its drawing over cannot
 * take it back, nor be resized but through the surface.
 */
export function marksSurface(canvas: HTMLCanvasElement, api: SurfaceApi = browserApi()): MarksSurface {
  let surface = surfaces.get(canvas);
  if (surface) return surface;
  surface = surfaceOn(api.transfer ? api.transfer(canvas) : canvas);
  surfaces.set(canvas, surface);
  return surface;
}
