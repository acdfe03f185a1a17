// The moving layer's lanes: bars, hooks and the pod's sub-rows, drawn in the layer's own x
// (`draw`: fixed while the zoom stays), culled to the render range [t0, t1]. Attributes are
// written only when they change, so moving the range while panning touches only the bars that
// enter or leave it. A bar that starts left of the view keeps its label at the view's left edge:
// a copy drawn in a small SVG of its own (pinBarLabels, run on every pan), so a pan frame changes
// nothing in the lanes' SVG and the browser does not repaint its thousands of elements (issue 16).
// Text goes in with .text() only, never as HTML.

import { select } from 'd3-selection';
import { thinToPixels } from './drawBudget';
import type { Bar, HookBar, SubRow } from './model';
import { STATUS_ROW } from './podLane';
import { drawsTheSame } from './sameLane';
import { BAR_HEIGHT, BAR_TOP, clip, HOOK_HEIGHT, HOOK_TOP, subRowBox, type PlacedLane, type Rows } from './rows';
import { toX, visibleRange, type TimeScale } from './scale';

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

type Cached = Element & { __attrs?: Record<string, string> };

function setAttr(el: Element, name: string, value: string): void {
  const cache = ((el as Cached).__attrs ??= {});
  if (cache[name] === value) return;
  cache[name] = value;
  el.setAttribute(name, value);
}

function setText(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

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

function drawBars(node: SVGGElement, bars: readonly Bar[], f: LaneFrame, top: number, height: number, labels: boolean): void {
  const [lo, hi] = visibleRange(bars, f.t0, f.t1);
  // At most one rect per pixel column (drawBudget.ts): a year of crash loops stays light.
  const placed: Placed[] = thinToPixels(bars.slice(lo, hi).map((bar) => {
    const [x, w] = span(f, bar.start, bar.end);
    return { bar, x, w, top, height };
  }));
  const root = select(node);
  root.selectAll<SVGGElement, null>(':scope > g.bar-rects').data([null]).join('g').attr('class', 'bar-rects');
  root.select<SVGGElement>(':scope > g.bar-rects').selectAll<SVGRectElement, Placed>('rect.bar')
    .data(placed, (p) => barKey(p.bar))
    .join((enter) => enter.append('rect')
      .attr('class', (p) => `bar tone-${p.bar.tone}${(p.bar.attempt ?? 0) % 2 === 1 ? ' attempt-odd' : ''}`)
      .attr('data-attempt', (p) => (p.bar.attempt === undefined ? null : p.bar.attempt))
      .attr('data-label', (p) => p.bar.label)
      .attr('data-start', (p) => p.bar.start)
      .attr('rx', height > 12 ? 3 : 2)
      .attr('y', top)
      .attr('height', height))
    .each(function (p) {
      setAttr(this, 'data-end', String(p.bar.end));
      setAttr(this, 'x', String(p.x));
      setAttr(this, 'width', String(p.w));
    });
  if (!labels) return;
  const texts = placed.filter((p) => p.w >= MIN_LABEL_PX);
  root.selectAll<SVGGElement, null>(':scope > g.bar-labels').data([null]).join('g').attr('class', 'bar-labels');
  root.select<SVGGElement>(':scope > g.bar-labels').selectAll<SVGTextElement, Placed>('text')
    .data(texts, (p) => barKey(p.bar))
    .join((enter) => enter.append('text').attr('class', (p) => `bar-label tone-${p.bar.tone}`).attr('y', top + height / 2))
    .each(function (p) {
      setAttr(this, 'x', String(p.x + 5));
      setText(this, fittingLabel(p.bar.label, p.w));
    });
}

/** A bar label of the lanes' SVG, as pinBarLabels needs it: its element, its bar, its lane. */
export interface LabelSlot {
  el: SVGTextElement;
  p: Placed;
  /** The lane's y in the layer (the label's own y is inside the lane). */
  laneY: number;
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
      out.push({ el: this, p, laneY: lane.y, lane: lane.name, style });
    });
  });
  return out;
}

interface Pin { slot: LabelSlot; x: number; coverX: number; text: string; cover: number }

const pinKey = (pin: Pin) => `${pin.slot.lane}|${pin.slot.style}|${barKey(pin.slot.p.bar)}`;

/**
 * Keeps each bar's label readable when the bar starts left of the view: a copy of the label sits
 * at the view's left edge (`viewT0`, in the same layer x as the bars) in `pinned`, an SVG of its
 * own above the lanes, cut to the part of the bar that shows. While the bar's own label still
 * shows right of the edge, a strip of the bar's colour covers it. Writes only what changed.
 */
export function pinBarLabels(slots: readonly LabelSlot[], pinned: SVGGElement, draw: TimeScale, viewT0: number, plotPad: number): void {
  const left = toX(draw, viewT0);
  const pins: Pin[] = [];
  for (const slot of slots) {
    const { p } = slot;
    if (p.x >= left || p.x + p.w <= left) continue; // not across the edge: its own label is right
    // The plot shows `plotPad` px left of the view's edge too: the cover starts there.
    const coverX = Math.max(p.x, left - plotPad);
    const ownEnd = p.x + 5 + CHAR_PX * (slot.el.textContent?.length ?? 0);
    const cover = ownEnd > coverX ? Math.round((Math.min(ownEnd + 2, p.x + p.w) - coverX) * 100) / 100 : 0;
    pins.push({ slot, x: Math.round(left * 100) / 100, coverX: Math.round(coverX * 100) / 100, text: fittingLabel(p.bar.label, p.x + p.w - left), cover });
  }
  select(pinned).selectAll<SVGGElement, Pin>('g.pinned-label')
    .data(pins, pinKey)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'pinned-label');
      g.append('rect').attr('class', 'pinned-cover');
      g.append('text').attr('data-pinned', 'true');
      return g;
    })
    .each(function (pin) {
      const { p } = pin.slot;
      const rect = this.firstElementChild!;
      const text = this.lastElementChild!;
      setAttr(this, 'transform', `translate(0,${pin.slot.laneY})`);
      setAttr(rect, 'class', `pinned-cover bar tone-${p.bar.tone}`);
      setAttr(rect, 'x', String(pin.coverX));
      setAttr(rect, 'y', String(p.top + 1));
      setAttr(rect, 'height', String(Math.max(0, p.height - 2)));
      setAttr(rect, 'width', String(pin.cover));
      setAttr(text, 'class', `bar-label tone-${p.bar.tone} pinned-${pin.slot.style}`);
      setAttr(text, 'data-container', pin.slot.lane);
      setAttr(text, 'x', String(Math.round((pin.x + 5) * 100) / 100));
      setAttr(text, 'y', String(p.top + p.height / 2));
      setText(text, pin.text);
    });
}

function drawHooks(node: SVGGElement, hooks: readonly HookBar[], f: LaneFrame): void {
  const [lo, hi] = visibleRange(hooks, f.t0, f.t1);
  select(node).selectAll<SVGRectElement, HookBar>('rect.hook')
    .data(hooks.slice(lo, hi), (h) => `${h.hook}@${h.start}`)
    .join((enter) => enter.append('rect').attr('rx', 2).attr('y', HOOK_TOP).attr('height', HOOK_HEIGHT))
    .attr('class', (h) => `hook hook-${h.hook}${h.failed ? ' hook-failed' : ''}`)
    .attr('data-hook', (h) => h.hook)
    .each(function (h) {
      const [x, w] = span(f, h.start, h.end);
      setAttr(this, 'x', String(x));
      setAttr(this, 'width', String(Math.max(3, w)));
    });
}

function drawSubRows(node: SVGGElement, rows: readonly SubRow[], f: LaneFrame): void {
  select(node).selectAll<SVGGElement, SubRow>('g.subrow')
    .data(rows, (r) => r.name)
    .join((enter) => enter.append('g').attr('class', 'subrow'))
    .attr('data-row', (r) => r.name)
    .each(function (r, i) {
      const box = subRowBox(i, rows.length);
      drawBars(this, r.bars, f, box.top, box.height, r.name === STATUS_ROW);
    });
}

/** What each lane's group last drew, and in which frame. */
const drawnLanes = new WeakMap<Element, { lane: PlacedLane; f: LaneFrame }>();

export function renderLanes(g: SVGGElement, rows: Rows, f: LaneFrame): void {
  select(g).selectAll<SVGGElement, PlacedLane>('g.lane')
    .data(rows.lanes, (d) => `${d.kind}/${d.name}`)
    .join((enter) => {
      const lane = enter.append('g').attr('data-testid', 'lane');
      lane.append('title');
      lane.append('g').attr('class', 'bars');
      lane.append('g').attr('class', 'hooks');
      lane.append('g').attr('class', 'subrows');
      return lane;
    })
    .attr('class', (d) => `lane lane-${d.kind}`)
    .attr('data-container', (d) => d.name)
    .attr('data-kind', (d) => d.kind)
    .attr('data-restarts', (d) => d.bars.reduce((m, b) => Math.max(m, b.attempt ?? 0), 0))
    .attr('transform', (d) => `translate(0,${d.y})`)
    .order()
    .each(function (d) {
      const lane = select<SVGGElement, PlacedLane>(this);
      lane.select('title').text(`${d.name} (${d.kind === 'pod' ? 'the pod' : `${d.kind} container`})`);
      // An edit leaves most lanes of a big pod as they were: those are not redrawn (sameLane.ts).
      const was = drawnLanes.get(this);
      drawnLanes.set(this, { lane: d, f });
      if (was && drawsTheSame(was.lane, was.f, d, f)) return;
      drawBars(lane.select<SVGGElement>('g.bars').node()!, d.bars, f, BAR_TOP, BAR_HEIGHT, true);
      drawHooks(lane.select<SVGGElement>('g.hooks').node()!, d.hooks, f);
      drawSubRows(lane.select<SVGGElement>('g.subrows').node()!, d.subRows, f);
    });
}
