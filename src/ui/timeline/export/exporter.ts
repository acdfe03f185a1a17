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
  canvas: HTMLCanvasElement;
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

let current: DrawnTimeline | null = null;

/** Called by the Timeline after each draw; returns the unregister function. */
export function registerTimeline(t: DrawnTimeline): () => void {
  current = t;
  return () => {
    if (current === t) current = null;
  };
}

/** The drawn timeline, whole: lanes still waiting for idle time are drawn first. */
function drawnNow(): DrawnTimeline | null {
  current?.finishDrawing();
  return current;
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
async function svgText(meta: ExportMeta): Promise<{ text: string; width: number; height: number } | null> {
  const drawn = drawnNow();
  if (!drawn) return null;
  const { standaloneSvg } = await import('./standaloneSvg');
  return standaloneSvg(drawn, meta);
}

export const timelineExporter: TimelineExporter = {
  async svg(meta) {
    const out = await svgText(meta);
    if (out) saveFile('timeline.svg', 'image/svg+xml', out.text);
  },
  async png(meta) {
    const out = await svgText(meta);
    if (!out) return;
    const img = new Image();
    img.onload = () => {
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = out.width * scale;
      canvas.height = out.height * scale;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((blob) => {
        if (blob) saveFile('timeline.png', 'image/png', blob);
      }, 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(out.text)}`;
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
