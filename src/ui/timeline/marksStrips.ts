// The marks' canvas, cut into horizontal strips (issue 16). Each strip is a canvas of its own in
// the marks layer, drawn through marksSurface.ts. Chromium drawing without a
// GPU (this machine; any browser that falls back to software) hands an OffscreenCanvas picture of
// more than about a million bytes (~245,000 pixels) over through a slow path: drawing and
// transferring the 40-container pod's marks canvas (506 x 1660 px at 1280 px wide) took 11-21 ms
// a redraw, 34 ms at 1920 px, against 0.1-0.3 ms for a canvas under that size (headless Chromium
// 156, 2026-12: clear, 300 small rectangles, transferToImageBitmap and transferFromImageBitmap,
// the median of 12 per size; the cost jumps between 506 x 480 and 506 x 490 px; strips of 384 px:
// 2.1 ms, at 1920 px strips of 256 px: 1.6 ms). A redraw of a tall timeline, after every edit and
// at every pan past the drawn range, paid it on the main thread. Strips of at most STRIP_PIXELS
// stay under it. (Measured with the hand-over marksSurface.ts used then, transferToImageBitmap; the
// strips stay with the OffscreenCanvas each strip canvas now hands its drawing to.)

/** The most device pixels one strip holds: under Chromium's ~245,000, with room for rounding. */
export const STRIP_PIXELS = 200_000;

/** A strip's place in the picture, in CSS px from its top. */
export interface StripBox {
  top: number;
  height: number;
}

/** A strip canvas, placed, and the size in device pixels its drawing takes (marksSurface.ts sets it). */
export interface PlacedStrip extends StripBox {
  canvas: HTMLCanvasElement;
  deviceWidth: number;
  deviceHeight: number;
}

/**
 * Cuts a picture of `width` x `height` CSS px, drawn at `dpr` device pixels per CSS px, into strips
 * of whole CSS px, top to bottom, of at most `maxPixels` device pixels each (one row at least).
 */
export function stripBoxes(width: number, height: number, dpr: number, maxPixels = STRIP_PIXELS): StripBox[] {
  const deviceWidth = Math.max(1, Math.round(width * dpr));
  const step = Math.max(1, Math.floor(maxPixels / deviceWidth / dpr));
  const boxes: StripBox[] = [];
  for (let top = 0; top < height; top += step) boxes.push({ top, height: Math.min(step, height - top) });
  return boxes;
}

const stripsByHost = new WeakMap<HTMLElement, HTMLCanvasElement[]>();

/**
 * Sizes the strip canvases inside `host` (the marks layer, which holds nothing else) for a picture
 * of `width` x `height` CSS px at `dpr`, its left edge `left` px from the layer's: adds the strips
 * it lacks, removes those it no longer needs, and keeps the others (each keeps its surface).
 */
export function placeStrips(host: HTMLElement, width: number, height: number, dpr: number, left: number): PlacedStrip[] {
  const boxes = stripBoxes(width, height, dpr);
  const strips = stripsByHost.get(host) ?? [];
  stripsByHost.set(host, strips);
  while (strips.length > boxes.length) strips.pop()!.remove();
  while (strips.length < boxes.length) {
    const canvas = host.ownerDocument.createElement('canvas');
    canvas.className = 'timeline-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    host.appendChild(canvas);
    strips.push(canvas);
  }
  return boxes.map((box, i) => {
    const canvas = strips[i]!;
    canvas.style.left = `${left}px`;
    canvas.style.top = `${box.top}px`;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${box.height}px`;
    return { canvas, ...box, deviceWidth: Math.round(width * dpr), deviceHeight: Math.round(box.height * dpr) };
  });
}
