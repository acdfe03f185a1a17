// What frames the exported timeline so it stands alone on a slide: a header (title, Kubernetes
// version), and below the lanes a caption for the cursor and the legend (the same classes and
// glyphs as Legend.tsx, styled by the page's CSS and inlined). Every string goes in as a text
// node, so whatever a scenario names its pod stays text once serialised.

import type { ExportMeta } from '../../../state/exportMeta';
import { LEGEND_BARS, legendMarks } from '../Legend';
import { MARK_NAME, MARK_PATH, STROKE_ONLY } from '../marks';
import type { DrawnTimeline } from './exporter';
import { inlineStyles } from './inlineStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const HEADER_HEIGHT = 58;
const PAD = 12;
const LEGEND_ROW = 20;
const LEGEND_FONT = 11.5;
const SWATCH = 18;

interface Colors { text: string; muted: string; font: string }

function colors(t: DrawnTimeline): Colors {
  const css = getComputedStyle(t.base.parentElement ?? t.base);
  return {
    text: css.getPropertyValue('--text').trim() || '#1d232c',
    muted: css.getPropertyValue('--muted').trim() || '#5b6573',
    font: css.getPropertyValue('font-family') || 'sans-serif',
  };
}

/** An SVG group of this class. */
function group(className: string): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', className);
  return g;
}

function text(x: number, y: number, content: string, attrs: Record<string, string>): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.textContent = content;
  return el;
}

/** The title (cut with an ellipsis to the width), and the version under it, above the lanes. */
export function header(t: DrawnTimeline, meta: ExportMeta, width: number): SVGGElement {
  const c = colors(t);
  const g = group('export-header');
  const title = fitText(meta.title, `600 17px ${c.font}`, width - 2 * PAD);
  g.append(
    text(PAD, 24, title, { 'font-family': c.font, 'font-size': '17', 'font-weight': '600', fill: c.text }),
    text(PAD, 44, meta.version, { 'font-family': c.font, 'font-size': '13', fill: c.muted }),
  );
  return g;
}

/** `s`, or as much of it as fits in `max` pixels followed by an ellipsis. */
function fitText(s: string, font: string, max: number): string {
  if (textWidth(s, font) <= max) return s;
  const chars = [...s];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidth(`${chars.slice(0, mid).join('')}…`, font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

interface Item { swatch: SVGElement; label: string }

/** A legend swatch: a rounded rectangle of the page's class, at `box` (attributes in this order). */
function rectSwatch(className: string, box: Record<string, number>): SVGElement {
  const r = document.createElementNS(SVG_NS, 'rect');
  r.setAttribute('class', className);
  for (const [k, v] of Object.entries({ ...box, rx: 2 })) r.setAttribute(k, String(v));
  return r;
}

const barSwatch = (className: string) => rectSwatch(className, { x: 0.5, y: 0.5, width: 17, height: 11 });
const hookSwatch = (className: string) => rectSwatch(className, { y: 3, width: 18, height: 6 });

function legendItems(t: DrawnTimeline, meta: ExportMeta): Item[] {
  const styles = t.markStyles();
  const items: Item[] = LEGEND_BARS.map(([tone, label]) => ({ swatch: barSwatch(`bar tone-${tone}`), label }));
  items.push(
    { swatch: barSwatch('bar attempt-odd tone-running'), label: 'restart (dashed)' },
    { swatch: hookSwatch('hook hook-postStart'), label: 'postStart' },
    { swatch: hookSwatch('hook hook-preStop'), label: 'preStop' },
  );
  for (const k of legendMarks(meta)) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', MARK_PATH[k]);
    p.setAttribute('transform', 'translate(9,6)');
    p.setAttribute('fill', STROKE_ONLY.has(k) ? 'none' : styles[k].fill);
    p.setAttribute('stroke', styles[k].stroke);
    p.setAttribute('stroke-width', STROKE_ONLY.has(k) ? '2' : '1.3');
    items.push({ swatch: p, label: MARK_NAME[k] });
  }
  return items;
}

/** Styles the bar and hook swatches with the page's CSS: drawn for a moment inside the timeline. */
function styledSwatches(t: DrawnTimeline, items: Item[]): SVGElement[] {
  const host = t.base.parentElement ?? document.body;
  const probe = document.createElementNS(SVG_NS, 'svg');
  probe.setAttribute('width', '0');
  probe.setAttribute('height', '0');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.position = 'absolute';
  for (const it of items) probe.append(it.swatch);
  host.append(probe);
  const out = items.map((it) => {
    const copy = it.swatch.cloneNode(true) as SVGElement;
    if (it.swatch.tagName === 'rect') inlineStyles(it.swatch, copy);
    return copy;
  });
  probe.remove();
  return out;
}

let measurer: CanvasRenderingContext2D | null = null;
/** Width in pixels of `s` in a CSS `font` shorthand. */
function textWidth(s: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return s.length * 9;
  measurer.font = font;
  return measurer.measureText(s).width;
}

/** The cursor caption and the legend, wrapped to the width; returns the group and its height. */
export function footer(t: DrawnTimeline, meta: ExportMeta, width: number): { g: SVGGElement; height: number } {
  const c = colors(t);
  const g = group('export-footer');
  let y = PAD;
  if (meta.cursor) {
    // One line when it fits, else broken after the time, each part cut to the width.
    const font = `13px ${c.font}`;
    const lines = textWidth(meta.cursor, font) <= width - 2 * PAD ? [meta.cursor] : meta.cursor.split(' — ');
    for (const line of lines) {
      g.append(text(PAD, y + 12, fitText(line, font, width - 2 * PAD), { 'font-family': c.font, 'font-size': '13', fill: c.text, class: 'export-cursor' }));
      y += 18;
    }
    y += 8;
  }
  const legend = group('export-legend');
  const items = legendItems(t, meta);
  const swatches = styledSwatches(t, items);
  let x = PAD;
  items.forEach((it, i) => {
    const w = SWATCH + 5 + textWidth(it.label, `${LEGEND_FONT}px ${c.font}`);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += LEGEND_ROW;
    }
    const item = document.createElementNS(SVG_NS, 'g');
    item.setAttribute('transform', `translate(${x.toFixed(1)},${y})`);
    item.append(swatches[i]!, text(SWATCH + 5, 10, it.label, { 'font-family': c.font, 'font-size': String(LEGEND_FONT), fill: c.muted }));
    legend.append(item);
    x += w + 14;
  });
  g.append(legend);
  return { g, height: y + LEGEND_ROW + PAD };
}
