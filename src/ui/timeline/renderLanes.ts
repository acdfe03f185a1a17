// The moving layer's lanes: bars, hooks and the pod's sub-rows, drawn in the layer's own x
// (`draw`: fixed while the zoom stays), culled to the render range [t0, t1]. Elements are placed
// by their own x and y attributes (a lane's group has no `transform`: in Chromium each SVG
// transform is a paint property node, and with one per lane the compositor's layerization of
// every pan frame took ~2 ms more, issue 16); nor is anything stroked: the bars' and hooks' outlines
// are filled paths (barOutline.ts), for the same reason. Bars are bound by key and recycled (svgWrite.ts):
// moving the range while panning touches only the bars that enter or leave it, and an edit that
// moves every bar rewrites attributes instead of replacing elements. A bar that starts left of
// the view keeps its label at the view's left edge: a copy drawn in a small SVG of its own that
// stays still while the lanes move (pinBarLabels, run on every pan), so a pan frame changes
// nothing in the lanes' layer and the browser does not repaint its thousands of elements. Text
// goes in with .text() only, never as HTML.

import { select } from 'd3-selection';
import { outlinePath, type OutlineBox, type OutlineStyle } from './barOutline';
import { thinToPixels } from './drawBudget';
import type { Bar, HookBar, SubRow } from './model';
import { STATUS_ROW } from './podLane';
import { drawsTheSame } from './sameLane';
import { BAR_HEIGHT, BAR_TOP, clip, HOOK_HEIGHT, HOOK_TOP, subRowBox, type PlacedLane, type Rows } from './rows';
import { toX, visibleRange, type TimeScale } from './scale';
import { joinChildren, setAttr, setText } from './svgWrite';

export interface LaneFrame {
  /** Time -> x in the layer. */
  draw: TimeScale;
  /** The render range: what is drawn. */
  t0: number;
  t1: number;
}

/** Pixels per character of the 11px bar labels, to decide whether a label fits. */
const CHAR_PX = 6.4;
/** Narrower bars get no label element at all: dense views stay light. */
const MIN_LABEL_PX = 26;
/** How far past the range a bar may reach before it is cut (bars of an hour at a deep zoom). */
const OVERHANG_PX = 40;

interface Placed { bar: Bar; x: number; w: number; top: number; height: number }

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A bar or hook in layer pixels, cut a little past the range: [x, width]. */
function span(f: LaneFrame, start: number, end: number): [number, number] {
  const lo = toX(f.draw, f.t0) - OVERHANG_PX;
  const hi = toX(f.draw, f.t1) + OVERHANG_PX;
  const a = Math.round(Math.max(toX(f.draw, start), lo) * 100) / 100;
  const b = Math.round(Math.min(toX(f.draw, end), hi) * 100) / 100;
  return [a, Math.max(1, Math.round((b - a) * 100) / 100)];
}

function fittingLabel(text: string, width: number): string {
  const room = Math.floor((width - 10) / CHAR_PX);
  return room < 3 ? '' : clip(text, room);
}

const barKey = (b: Bar) => `${b.start}|${b.tone}|${b.label}|${b.attempt ?? ''}`;

/** The group `cls` directly under `node`, made on first use. */
function childGroup(node: SVGGElement, cls: string): SVGGElement {
  for (let c = node.firstElementChild; c; c = c.nextElementSibling) if (c.getAttribute('class') === cls) return c as SVGGElement;
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', cls);
  node.append(g);
  return g;
}

const newElement = (tag: 'rect' | 'text' | 'path') => () => document.createElementNS(SVG_NS, tag);

/** A bar's outline, as its CSS stroke was: a restart's dashed, an error's in the error colour, else the bars' line. */
const RESTART_OUTLINE: OutlineStyle = { width: 1, dash: [3, 2] };
const PLAIN_OUTLINE: OutlineStyle = { width: 1 };
const FAILED_HOOK_OUTLINE: OutlineStyle = { width: 1.5, dash: [2, 1] };

/**
 * The outlines of a group's bars or hooks, as one filled path per kind of outline (barOutline.ts:
 * no stroke in the moving layer), in `node` (drawn right after the shapes they outline).
 */
function drawOutlines(node: SVGGElement, boxes: readonly { box: OutlineBox; kind: string; style: OutlineStyle }[]): void {
  const byKind = new Map<string, string>();
  for (const { box, kind, style } of boxes) byKind.set(kind, (byKind.get(kind) ?? '') + outlinePath(box, style));
  joinChildren(node, [...byKind], ([kind]) => kind, newElement('path'), (el, [kind, d]) => {
    setAttr(el, 'class', `outline ${kind}`);
    setAttr(el, 'd', d);
  });
}

const barOutlineKind = (bar: Bar) => ((bar.attempt ?? 0) % 2 === 1 ? 'outline-restart' : bar.tone === 'exited-error' ? 'outline-error' : 'outline-bar');

/** `top` is the bars' y in the layer (the lane's y plus the row's top). */
function drawBars(node: SVGGElement, bars: readonly Bar[], f: LaneFrame, top: number, height: number, labels: boolean): void {
  const [lo, hi] = visibleRange(bars, f.t0, f.t1);
  // At most one rect per pixel column (drawBudget.ts): a year of crash loops stays light.
  const placed: Placed[] = thinToPixels(bars.slice(lo, hi).map((bar) => {
    const [x, w] = span(f, bar.start, bar.end);
    return { bar, x, w, top, height };
  }));
  const rx = height > 12 ? '3' : '2';
  joinChildren(childGroup(node, 'bar-rects'), placed, (p) => barKey(p.bar), newElement('rect'), (el, p) => {
    const { bar } = p;
    setAttr(el, 'class', `bar tone-${bar.tone}${(bar.attempt ?? 0) % 2 === 1 ? ' attempt-odd' : ''}`);
    setAttr(el, 'data-attempt', bar.attempt === undefined ? null : String(bar.attempt));
    setAttr(el, 'data-label', bar.label);
    setAttr(el, 'data-start', String(bar.start));
    setAttr(el, 'data-end', String(bar.end));
    setAttr(el, 'rx', rx);
    setAttr(el, 'x', String(p.x));
    setAttr(el, 'y', String(top));
    setAttr(el, 'width', String(p.w));
    setAttr(el, 'height', String(height));
  });
  drawOutlines(childGroup(node, 'bar-outlines'), placed.map((p) => {
    const kind = barOutlineKind(p.bar);
    return { box: { x: p.x, y: top, w: p.w, h: height, r: Number(rx) }, kind, style: kind === 'outline-restart' ? RESTART_OUTLINE : PLAIN_OUTLINE };
  }));
  if (!labels) return;
  const texts = placed.filter((p) => p.w >= MIN_LABEL_PX);
  joinChildren(childGroup(node, 'bar-labels'), texts, (p) => barKey(p.bar), newElement('text'), (el, p) => {
    setAttr(el, 'class', `bar-label tone-${p.bar.tone}`);
    setAttr(el, 'x', String(p.x + 5));
    setAttr(el, 'y', String(top + height / 2));
    setText(el, fittingLabel(p.bar.label, p.w));
  });
}

/** A bar label of the lanes' SVG, as pinBarLabels needs it: its element, its bar (`p.top` is in the layer), its lane. */
export interface LabelSlot {
  el: SVGTextElement;
  p: Placed;
  lane: string;
  /** Its style: a pod's own bars are bold, a sub-row's are small and monospaced. */
  style: 'pod' | 'subrow' | 'container';
}

/** Every bar label drawn by renderLanes (read once per render range, not per pan frame). */
export function barLabelSlots(g: SVGGElement): LabelSlot[] {
  const out: LabelSlot[] = [];
  select(g).selectAll<SVGGElement, PlacedLane>('g.lane').each(function (lane) {
    select(this).selectAll<SVGTextElement, Placed>('text.bar-label').each(function (p) {
      const style = this.closest('g.subrow') ? 'subrow' : lane.kind === 'pod' ? 'pod' : 'container';
      out.push({ el: this, p, lane: lane.name, style });
    });
  });
  return out;
}

interface Pin { slot: LabelSlot; x: number; coverX: number; text: string; cover: number }

const pinKey = (pin: Pin) => `${pin.slot.lane}|${pin.slot.style}|${barKey(pin.slot.p.bar)}`;

/**
 * Keeps each bar's label readable when the bar starts left of the view: a copy of the label sits
 * at the view's left edge in `pinned`, an SVG of its own that does not move with the lanes: its x
 * is the clipped plot box's, whose left edge is `plotPad` px left of the view's (the bars' x is the
 * layer's, `draw`). The copy is cut to the part of the bar that shows; while the bar's own label
 * still shows right of the edge, a strip of the bar's colour covers it. A pan frame moves nothing
 * here: it rewrites a pin only when its text or cover changes (issue 16: a pin that moved with
 * the lanes repainted their whole layer at every frame).
 */
export function pinBarLabels(slots: readonly LabelSlot[], pinned: SVGGElement, draw: TimeScale, viewT0: number, plotPad: number): void {
  const left = toX(draw, viewT0);
  /** Layer x -> plot box x. */
  const shift = plotPad - left;
  const pins: Pin[] = [];
  for (const slot of slots) {
    const { p } = slot;
    if (p.x >= left || p.x + p.w <= left) continue; // not across the edge: its own label is right
    // The plot shows `plotPad` px left of the view's edge too: the cover starts there.
    const coverX = Math.max(p.x, left - plotPad);
    const ownEnd = p.x + 5 + CHAR_PX * (slot.el.textContent?.length ?? 0);
    const cover = ownEnd > coverX ? Math.round((Math.min(ownEnd + 2, p.x + p.w) - coverX) * 100) / 100 : 0;
    pins.push({ slot, x: plotPad, coverX: Math.round((coverX + shift) * 100) / 100, text: fittingLabel(p.bar.label, p.x + p.w - left), cover });
  }
  joinChildren(pinned, pins, pinKey, newPin, (g, pin) => {
    const { p } = pin.slot;
    const rect = g.firstElementChild!;
    const text = g.lastElementChild!;
    setAttr(rect, 'class', `pinned-cover bar tone-${p.bar.tone}`);
    setAttr(rect, 'x', String(pin.coverX));
    setAttr(rect, 'y', String(p.top + 1));
    setAttr(rect, 'height', String(Math.max(0, p.height - 2)));
    setAttr(rect, 'width', String(pin.cover));
    setAttr(text, 'class', `bar-label tone-${p.bar.tone} pinned-${pin.slot.style}`);
    setAttr(text, 'data-container', pin.slot.lane);
    setAttr(text, 'x', String(pin.x + 5));
    setAttr(text, 'y', String(p.top + p.height / 2));
    setText(text, pin.text);
  });
}

function newPin(): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'pinned-label');
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('data-pinned', 'true');
  g.append(document.createElementNS(SVG_NS, 'rect'), text);
  return g;
}

function drawHooks(node: SVGGElement, hooks: readonly HookBar[], f: LaneFrame, laneY: number): void {
  const [lo, hi] = visibleRange(hooks, f.t0, f.t1);
  const shown = hooks.slice(lo, hi);
  joinChildren(childGroup(node, 'hook-rects'), shown, (h) => `${h.hook}@${h.start}`, newElement('rect'), (el, h) => {
    const [x, w] = span(f, h.start, h.end);
    setAttr(el, 'class', `hook hook-${h.hook}${h.failed ? ' hook-failed' : ''}`);
    setAttr(el, 'data-hook', h.hook);
    setAttr(el, 'rx', '2');
    setAttr(el, 'x', String(x));
    setAttr(el, 'y', String(laneY + HOOK_TOP));
    setAttr(el, 'width', String(Math.max(3, w)));
    setAttr(el, 'height', String(HOOK_HEIGHT));
  });
  drawOutlines(childGroup(node, 'hook-outlines'), shown.map((h) => {
    const [x, w] = span(f, h.start, h.end);
    const box = { x, y: laneY + HOOK_TOP, w: Math.max(3, w), h: HOOK_HEIGHT, r: 2 };
    return h.failed ? { box, kind: 'outline-hook-failed', style: FAILED_HOOK_OUTLINE } : { box, kind: 'outline-hook', style: PLAIN_OUTLINE };
  }));
}

function drawSubRows(node: SVGGElement, rows: readonly SubRow[], f: LaneFrame, laneY: number): void {
  select(node).selectAll<SVGGElement, SubRow>('g.subrow')
    .data(rows, (r) => r.name)
    .join((enter) => enter.append('g').attr('class', 'subrow'))
    .attr('data-row', (r) => r.name)
    .each(function (r, i) {
      const box = subRowBox(i, rows.length);
      drawBars(this, r.bars, f, laneY + box.top, box.height, r.name === STATUS_ROW);
    });
}

/** A lane's key: how its groups are bound, here and in the fixed layer (render.ts). */
export const laneKey = (d: Pick<PlacedLane, 'kind' | 'name'>): string => `${d.kind}/${d.name}`;

/** What each lane's group last drew, and in which frame. */
const drawnLanes = new WeakMap<Element, { lane: PlacedLane; f: LaneFrame }>();

/** A lane's group and its three parts, made once; the parts are found by position, not by query. */
function newLane(): SVGGElement {
  const lane = document.createElementNS(SVG_NS, 'g');
  lane.setAttribute('data-testid', 'lane');
  lane.append(document.createElementNS(SVG_NS, 'title'));
  for (const cls of ['bars', 'hooks', 'subrows']) {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', cls);
    lane.append(g);
  }
  return lane;
}

/**
 * Draws the lanes in frame `f`. `shows` (lanesInView.ts): a lane it says is off screen and that
 * would draw differently is left as it was and marked `data-stale` (its bars are the previous
 * ones) for a later call to draw; returns how many lanes were left so.
 */
export function renderLanes(g: SVGGElement, rows: Rows, f: LaneFrame, shows: (key: string) => boolean = () => true): number {
  let left = 0;
  joinChildren(g, rows.lanes, laneKey, newLane, (el, d) => {
    setAttr(el, 'class', `lane lane-${d.kind}`);
    setAttr(el, 'data-container', d.name);
    setAttr(el, 'data-kind', d.kind);
    setAttr(el, 'data-restarts', String(d.bars.reduce((m, b) => Math.max(m, b.attempt ?? 0), 0)));
    const [title, bars, hooks, subRows] = el.children as unknown as [SVGTitleElement, SVGGElement, SVGGElement, SVGGElement];
    setText(title, `${d.name} (${d.kind === 'pod' ? 'the pod' : `${d.kind} container`})`);
    // An edit leaves most lanes of a big pod as they were: those are not redrawn (sameLane.ts).
    const was = drawnLanes.get(el);
    const same = was !== undefined && was.lane.y === d.y && drawsTheSame(was.lane, was.f, d, f);
    if (!same && !shows(laneKey(d))) {
      left++;
      setAttr(el, 'data-stale', 'true');
      return;
    }
    setAttr(el, 'data-stale', null);
    drawnLanes.set(el, { lane: d, f });
    if (same) return;
    drawBars(bars, d.bars, f, d.y + BAR_TOP, BAR_HEIGHT, true);
    drawHooks(hooks, d.hooks, f, d.y);
    drawSubRows(subRows, d.subRows, f, d.y);
  });
  return left;
}
