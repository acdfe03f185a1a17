// The drawn timeline, registered by the Timeline component, and the exporter the export commands
// use: SVG (the two SVG layers and the canvas marks as vector paths, styles inlined) and PNG
// (that SVG rasterised at twice the size), each with the title, version, cursor and legend, and
// WebM or GIF (those frames as the cursor moves over the drawn window, webm.ts, gif.ts).

import type { TimelineExporter } from '../../../state/commands/types';
import type { ExportMeta } from '../../../state/exportMeta';
import type { MarkStyle } from '../canvasMarks';
import type { MarkKind } from '../model';
import type { RenderRange } from '../renderRange';
import type { Rows } from '../rows';
import type { TimeScale } from '../scale';
import { webmType } from './webmType';

export interface DrawnTimeline {
  base: SVGSVGElement;
  /** The moving lanes layer (its first child is the lanes group, in timeline x). */
  plot: SVGSVGElement;
  /** The labels pinned at the view's left edge, in the clipped plot box's x (`plotPad` left of the view's edge). */
  pinned: SVGSVGElement | null;
  plotPad: number;
  range: RenderRange;
  overlay: SVGSVGElement;
  rows: Rows;
  scale: TimeScale;
  /** Draws at once what the timeline left for idle time (off-screen lanes after an edit). */
  finishDrawing(): void;
  /**
   * The mark colours the canvas shows now (the timeline reads them from the theme's CSS once per
   * theme; reading them again for every frame of a GIF took ~20 ms a frame).
   */
  markStyles(): Record<MarkKind, MarkStyle>;
}

/** How to read the mounted timeline as it is drawn now (null before its first draw). */
type ReadTimeline = () => DrawnTimeline | null;

let current: ReadTimeline | null = null;

/** Called by the Timeline once mounted; returns the unregister function. */
export function registerTimeline(read: ReadTimeline): () => void {
  current = read;
  return () => {
    if (current === read) current = null;
  };
}

/** The drawn timeline, whole: lanes still waiting for idle time are drawn first. */
function drawnNow(): DrawnTimeline | null {
  current?.()?.finishDrawing();
  return current?.() ?? null;
}

export function saveFile(name: string, type: string, data: string | Blob): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The standalone SVG of the timeline drawn at the click; its code loads then (issue 16: not in the first bundle). */
async function svgText(meta: ExportMeta): Promise<{ text: string; width: number; height: number }> {
  const drawn = drawnNow();
  if (!drawn) throw new Error('the timeline is not drawn yet');
  const { standaloneSvg } = await import('./standaloneSvg');
  return standaloneSvg(drawn, meta);
}

/** PNG pixels per SVG unit: sharp on a projector and a high-density screen. */
const PNG_SCALE = 2;

export const timelineExporter: TimelineExporter = {
  async svg(meta) {
    saveFile('timeline.svg', 'image/svg+xml', (await svgText(meta)).text);
  },
  async png(meta) {
    const out = await svgText(meta);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(out.text)}`;
    await img.decode().catch(() => { throw new Error('the browser could not draw the picture'); });
    const canvas = document.createElement('canvas');
    canvas.width = out.width * PNG_SCALE;
    canvas.height = out.height * PNG_SCALE;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser gave no canvas to draw on');
    ctx.scale(PNG_SCALE, PNG_SCALE);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`the browser could not encode a ${canvas.width}×${canvas.height} picture`);
    saveFile('timeline.png', 'image/png', blob);
  },
  async gif(frames) {
    const { recordGif } = await import('./gif');
    const file = await recordGif(drawnNow, frames);
    if (file && file.size > 0) saveFile('timeline.gif', 'image/gif', file);
  },
  ...(webmType() ? {
    async webm(frames) {
      const { recordWebm } = await import('./webm');
      const video = await recordWebm(drawnNow, frames);
      if (video && video.size > 0) saveFile('timeline.webm', 'video/webm', video);
    },
  } : {}),
};
