// The WCAG 2 contrast of the timeline's SVG text against what is painted behind it: axe cannot
// judge text in SVG over SVG rects (under an overlay SVG), so this measures it from the DOM.
//
// For every <text> of the timeline with visible characters, inside the boxes that clip it (the
// plot's overflow: hidden, the timeline's overflow-x), five points across the middle of its box
// are looked at. At each point the background is the topmost filled <rect> of the timeline's
// SVGs painted before the text (document order = paint order here: fixed SVG, plot SVG, overlay
// SVG) whose visible box holds the point; where there is none, the timeline's own background.
// Colours are the computed `fill` (custom properties resolved by the browser); a fill of
// url(#pattern) (the hatches) counts as each colour the pattern paints: its rect's fill and its
// line's stroke, both checked. Opacities (fill-opacity, stroke-opacity, opacity of the element and
// its ancestors) are composited over the timeline's background. The ratio is WCAG 2's
// (L1 + 0.05) / (L2 + 0.05) with sRGB relative luminance.
// Not measured: the canvas marks (drawn over bars, not under text) and thin lines (axis, header
// rules, bar outlines).

import type { Page } from '@playwright/test';

export type TextKind = 'bar-label' | 'lane-label' | 'subrow-label' | 'axis' | 'group-header' | 'other';

export interface TextContrast {
  kind: TextKind;
  /** The text's own tone for bar labels (`tone-*` without the prefix), else ''. */
  labelTone: string;
  /** The tone of what is behind it: the rect's `tone-*`, another class of the rect, or 'background'. */
  tone: string;
  /** Which colour behind it: the rect's fill, a hatch's background or line, or the timeline's background. */
  layer: 'fill' | 'hatch-bg' | 'hatch-line' | 'background';
  text: string;
  /** Text and background colours as painted, #rrggbb. */
  fg: string;
  bg: string;
  ratio: number;
  /** Where it was found, for the report (set by the spec). */
  scenario?: string;
}

/** Measures every visible text of the first timeline on the page (see the file's comment). */
export async function measureTimelineContrast(page: Page): Promise<TextContrast[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    type Box = { left: number; top: number; right: number; bottom: number };
    const root = document.querySelector<HTMLElement>('[data-testid="timeline"]');
    if (!root) throw new Error('no timeline on the page');

    const ctx = document.createElement('canvas').getContext('2d')!;
    /** Any CSS colour -> RGBA (0-255, alpha 0-1), through the canvas's own parser. */
    const parse = (value: string): Rgba | null => {
      if (!value || value === 'none' || value.startsWith('url(')) return null;
      ctx.fillStyle = '#010203';
      ctx.fillStyle = value;
      const s = ctx.fillStyle;
      if (s.startsWith('#')) return [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16), 1];
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) throw new Error(`cannot read the colour ${value}`);
      const [r, g, b, a] = m[1]!.split(',').map(Number);
      return [r!, g!, b!, a ?? 1];
    };
    const over = (top: Rgba, alpha: number, under: Rgba): Rgba => {
      const a = top[3] * alpha;
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
    };
    const hex = (c: Rgba) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const luminance = (c: Rgba) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = Math.round(v) / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };

    /** The product of the opacities from el up to, not including, stop. */
    const opacityUpTo = (el: Element | null, stop: Element | null): number => {
      let o = 1;
      for (let e = el; e && e !== stop; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const commonAncestor = (a: Element, b: Element): Element => {
      let e: Element | null = a;
      while (e && !e.contains(b)) e = e.parentElement;
      return e ?? document.documentElement;
    };

    // The timeline's background, made opaque over whatever is under it (the page, then white).
    const backgrounds: Rgba[] = [];
    for (let e: Element | null = root; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) backgrounds.push(c);
      if (c && c[3] === 1) break;
    }
    const surface = backgrounds.reduceRight<Rgba>((under, c) => over(c, 1, under), [255, 255, 255, 1]);

    /** The part of el's box that its clipping ancestors let show (overflow auto only clips across). */
    const visibleBox = (el: Element): Box | null => {
      const r = el.getBoundingClientRect();
      let box: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (let e = el.parentElement; e && e !== document.documentElement; e = e.parentElement) {
        const cs = getComputedStyle(e);
        const c = e.getBoundingClientRect();
        if (cs.overflowX === 'hidden' || cs.overflowX === 'clip') box = { ...box, left: Math.max(box.left, c.left), right: Math.min(box.right, c.right) };
        if (cs.overflowY === 'hidden' || cs.overflowY === 'clip') box = { ...box, top: Math.max(box.top, c.top), bottom: Math.min(box.bottom, c.bottom) };
      }
      return box.right - box.left > 0.5 && box.bottom - box.top > 0.5 ? box : null;
    };
    const shown = (el: Element) => {
      const cs = getComputedStyle(el);
      return cs.display !== 'none' && cs.visibility !== 'hidden' && el.getClientRects().length > 0;
    };

    /** The colours a fill paints: one colour, or each colour of a pattern (its rects' fills, its lines' strokes). */
    const paints = (el: Element): { layer: TextContrast['layer']; color: Rgba; alpha: number }[] => {
      const cs = getComputedStyle(el);
      const fill = cs.fill;
      if (fill.startsWith('url(')) {
        const id = /url\("?#([^")]+)"?\)/.exec(fill)?.[1];
        const pattern = id ? document.getElementById(id) : null;
        if (!pattern) throw new Error(`the pattern of ${fill} is not in the page`);
        const out: { layer: TextContrast['layer']; color: Rgba; alpha: number }[] = [];
        for (const part of pattern.querySelectorAll('rect, line, path')) {
          const ps = getComputedStyle(part);
          const isLine = part.tagName === 'line';
          const c = parse(isLine ? ps.stroke : ps.fill);
          const a = Number(isLine ? ps.strokeOpacity : ps.fillOpacity) * Number(ps.opacity);
          if (c && c[3] * a > 0) out.push({ layer: isLine ? 'hatch-line' : 'hatch-bg', color: c, alpha: a });
        }
        if (out.length === 0) throw new Error(`the pattern ${id} paints nothing`);
        return out;
      }
      const c = parse(fill);
      return c && c[3] > 0 ? [{ layer: 'fill', color: c, alpha: Number(cs.fillOpacity) }] : [];
    };

    // Everything that can be behind a text: the filled rects of the timeline's SVGs.
    const rects = [...root.querySelectorAll('svg rect')]
      .filter((r) => !r.closest('defs, pattern') && shown(r) && paints(r).length > 0)
      .map((r) => ({ el: r, box: visibleBox(r) }))
      .filter((r): r is { el: Element; box: Box } => r.box !== null);

    const toneOf = (el: Element) => [...el.classList].find((c) => c.startsWith('tone-'))?.slice(5) ?? '';
    const kindOf = (t: Element): TextKind => {
      for (const k of ['bar-label', 'lane-label', 'subrow-label'] as const) if (t.classList.contains(k)) return k;
      if (t.closest('.axis')) return 'axis';
      if (t.closest('.group-header')) return 'group-header';
      return 'other';
    };

    const out: TextContrast[] = [];
    for (const t of root.querySelectorAll('svg text')) {
      const text = t.textContent?.trim() ?? '';
      if (!text || !shown(t)) continue;
      const box = visibleBox(t);
      if (!box) continue;
      const ts = getComputedStyle(t);
      const fg = parse(ts.fill);
      if (!fg) throw new Error(`text "${text}" has no colour fill (${ts.fill})`);
      const y = (box.top + box.bottom) / 2;
      const seen = new Set<string>();
      for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
        const x = box.left + (box.right - box.left) * f;
        let behind: Element | null = null;
        for (const r of rects) {
          if (x < r.box.left || x > r.box.right || y < r.box.top || y > r.box.bottom) continue;
          if (!(r.el.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
          if (!behind || behind.compareDocumentPosition(r.el) & Node.DOCUMENT_POSITION_FOLLOWING) behind = r.el;
        }
        const bgEl = behind ?? root;
        const common = commonAncestor(t, bgEl);
        const shared = opacityUpTo(common, null);
        const layers = behind ? paints(behind) : [{ layer: 'background' as const, color: surface, alpha: 1 }];
        for (const p of layers) {
          const under = behind ? over(p.color, p.alpha * opacityUpTo(behind, common), surface) : surface;
          const textColor = over(fg, Number(ts.fillOpacity) * opacityUpTo(t, common), under);
          // An opacity both share fades the text and its background together over the surface.
          const bg = over(under, shared, surface);
          const fgPainted = over(textColor, shared, surface);
          const key = `${p.layer}|${hex(bg)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            kind: kindOf(t),
            labelTone: t.classList.contains('bar-label') ? toneOf(t) : '',
            tone: behind ? (toneOf(behind) || behind.getAttribute('class') || 'rect') : 'background',
            layer: p.layer,
            text,
            fg: hex(fgPainted),
            bg: hex(bg),
            ratio: Math.round(ratio(fgPainted, bg) * 100) / 100,
          });
        }
      }
    }
    return out;
  });
}

/** The lowest ratio per tone behind the text (and layer), lowest first. */
export function lowestPerTone(results: readonly TextContrast[]): TextContrast[] {
  const low = new Map<string, TextContrast>();
  for (const r of results) {
    const key = `${r.tone}|${r.layer}`;
    const prev = low.get(key);
    if (!prev || r.ratio < prev.ratio) low.set(key, r);
  }
  return [...low.values()].sort((a, b) => a.ratio - b.ratio);
}

export function formatContrast(r: TextContrast): string {
  const where = r.layer === 'fill' || r.layer === 'background' ? r.tone : `${r.tone} (${r.layer})`;
  return `${r.ratio.toFixed(2).padStart(5)}:1  ${where.padEnd(28)} ${r.kind.padEnd(12)} "${r.text}"  ${r.fg} on ${r.bg}${r.scenario ? `  (${r.scenario})` : ''}`;
}
