// The dense layer: every mark except the interactive fault handles, drawn on canvases under the
// overlay (strips, marksStrips.ts). Only marks inside the scale's range are drawn, and at most one
// per pixel column per kind and lane, so 10,000 marks cost about what 1,000 do. `originX` is the
// timeline x of the canvases' left edge (they move with the lanes layer).

import { MARK_PATH, STROKE_ONLY } from './marks';
import { marksSurface, type MarksContext } from './marksSurface';
import type { PlacedStrip } from './marksStrips';
import { documentRootVariables } from './rootVariables';
import type { MarkKind } from './model';
import { BAR_TOP, type Rows } from './rows';
import { toX, visibleMoments, type TimeScale } from './scale';

export interface MarkStyle {
  fill: string;
  stroke: string;
}

const KINDS = Object.keys(MARK_PATH) as MarkKind[];
let paths: Map<MarkKind, Path2D> | null = null;

function glyphs(): Map<MarkKind, Path2D> {
  paths ??= new Map(KINDS.map((k) => [k, new Path2D(MARK_PATH[k])]));
  return paths;
}

/** Mark colours from the CSS custom properties (--mark-KIND-fill / -stroke), so themes apply. */
export function readMarkStyles(el: Element): Record<MarkKind, MarkStyle> {
  const names = ['--mark-stroke', ...KINDS.flatMap((k) => [`--mark-${k}-fill`, `--mark-${k}-stroke`])];
  // From the style sheets' rules when they hold the marks' colours (no style computed: rootVariables.ts), else computed.
  const fromRules = documentRootVariables(el.ownerDocument, names);
  const read = fromRules?.has('--mark-stroke') ? (name: string) => fromRules.get(name) ?? '' : computedReader(el);
  const get = (name: string, fallback: string) => read(name) || fallback;
  const base = get('--mark-stroke', '#1d232c');
  return Object.fromEntries(KINDS.map((k) => [k, {
    fill: get(`--mark-${k}-fill`, '#ffffff'),
    stroke: get(`--mark-${k}-stroke`, base),
  }])) as Record<MarkKind, MarkStyle>;
}

/** The part of the picture a canvas shows, in CSS px from the picture's top. */
interface StripRange {
  top: number;
  height: number;
}

function computedReader(el: Element): (name: string) => string {
  const css = getComputedStyle(el);
  return (name) => css.getPropertyValue(name).trim();
}

/** How far a glyph reaches above and below its centre: sigkill's bar (4.5 + 1.5 px) and a 2 px stroke, rounded up. */
const GLYPH_REACH = 8;

/**
 * Draws the marks on the strips (each through marksSurface.ts, shown once the task ends), each
 * strip the lanes whose glyphs reach into it; returns how many glyphs were drawn.
 */
export function drawMarks(
  strips: readonly PlacedStrip[], rows: Rows, scale: TimeScale, styles: Record<MarkKind, MarkStyle>, dpr: number, originX: number,
): number {
  let drawn = 0;
  for (const strip of strips) {
    const surface = marksSurface(strip.canvas);
    const ctx = surface.begin(strip.deviceWidth, strip.deviceHeight);
    if (ctx) drawn += drawMarksOn(ctx, rows, scale, styles, dpr, originX, strip);
  }
  return drawn;
}

function drawMarksOn(
  ctx: MarksContext, rows: Rows, scale: TimeScale, styles: Record<MarkKind, MarkStyle>, dpr: number, originX: number, strip: StripRange,
): number {
  ctx.save();
  ctx.lineWidth = 1.3;
  const g = glyphs();
  let drawn = 0;
  for (const lane of rows.lanes) {
    const y = lane.y + BAR_TOP - strip.top;
    if (y + GLYPH_REACH < 0 || y - GLYPH_REACH > strip.height) continue;
    const [lo, hi] = visibleMoments(lane.marks, scale.t0, scale.t1);
    const lastX = new Map<MarkKind, number>();
    for (let i = lo; i < hi; i++) {
      const m = lane.marks[i]!;
      if (m.kind === 'fault' || m.kind === 'deleted') continue;
      const x = toX(scale, m.t) - originX;
      // One glyph per pixel column and kind: denser marks would draw on top of each other.
      const px = Math.round(x);
      if (lastX.get(m.kind) === px) continue;
      lastX.set(m.kind, px);
      const style = styles[m.kind];
      ctx.setTransform(dpr, 0, 0, dpr, x * dpr, y * dpr);
      const path = g.get(m.kind)!;
      if (!STROKE_ONLY.has(m.kind)) {
        ctx.fillStyle = style.fill;
        ctx.fill(path);
      }
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = STROKE_ONLY.has(m.kind) ? 2 : 1.3;
      ctx.stroke(path);
      drawn++;
    }
  }
  ctx.restore();
  return drawn;
}
