// What the animated exports (webm.ts, gif.ts) share: the times of their frames over the drawn
// window, and each frame as a picture: the cursor moved there, the page painted, and the
// standalone SVG of standaloneSvg.ts (title, version, cursor caption, legend) loaded as an image.

import type { ExportMeta } from '../../../state/exportMeta';
import type { DrawnTimeline } from './exporter';
import { standaloneSvg } from './standaloneSvg';

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

function loadImage(svgText: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the frame could not be drawn'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}

/** The times of the frames: the drawn window, clipped to the run, evenly. */
export function frameTimes(t0: number, t1: number, end: number, count: number): number[] {
  const from = Math.max(0, t0);
  const to = Math.max(from, Math.min(end, t1));
  return Array.from({ length: count }, (_, i) => Math.round((from + ((to - from) * i) / (count - 1)) * 1000) / 1000);
}

/**
 * Where a picture goes in the export's frame, whose size the first picture set: at the frame's
 * own scale, shrunk to fit when a later picture is larger (the window was resized while the
 * export ran, and the timeline with it), so nothing is cut off; top left, the rest left white.
 */
export function fitPicture(width: number, height: number, frameWidth: number, frameHeight: number, scale: number): { width: number; height: number } {
  const s = Math.min(scale, frameWidth / width, frameHeight / height);
  return { width: width * s, height: height * s };
}

export interface FramePicture { img: HTMLImageElement; width: number; height: number }

/** The framed picture once the page has painted the cursor's move (`meta` is its caption); null when the timeline is gone. */
export async function framePicture(timeline: () => DrawnTimeline | null, meta: ExportMeta): Promise<FramePicture | null> {
  await nextPaint();
  const t = timeline();
  if (!t) return null;
  const svg = standaloneSvg(t, meta);
  return { img: await loadImage(svg.text), width: svg.width, height: svg.height };
}
