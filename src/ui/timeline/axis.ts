// The time axis above the plot, drawn as d3-axis draws an axisTop (same elements, classes and
// look) but with each tick placed by its x attributes instead of a `transform` per tick (issue
// 16): in Chromium every SVG transform is a paint property node, and moving them at each pan
// frame made the compositor lay out all the page's layers again. Ticks are reused by position;
// attributes are written only when they change (svgWrite.ts).

import { linearAxisScale } from './niceTicks';
import { AXIS_HEIGHT } from './rows';
import type { TimeScale } from './scale';
import { setAttr, setText } from './svgWrite';
import { timeTicks } from './timeTicks';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TICK_SIZE = 6;
const TICK_PADDING = 3;
/** Pixels of plot per tick, about. */
const PX_PER_TICK = 90;

export interface AxisTick {
  /** x of the tick in the timeline, half-pixel aligned like d3-axis on a 1x screen. */
  x: number;
  label: string;
}

/** d3-axis shifts lines by half a pixel on a 1x screen, so 1 px lines stay crisp. */
export function crispOffset(devicePixelRatio: number): number {
  return devicePixelRatio > 1 ? 0 : 0.5;
}

/** The ticks of `scale`: round times in the span's unit, about one per 90 px, each with its label. */
export function axisTicks(scale: TimeScale, offset: number): AxisTick[] {
  const ticks = timeTicks(scale.t0, scale.t1, Math.max(2, Math.floor((scale.x1 - scale.x0) / PX_PER_TICK)));
  const at = linearAxisScale(scale.t0, scale.t1, scale.x0, scale.x1);
  return ticks.values.map((t) => ({ x: at(t) + offset, label: ticks.format(t) }));
}

function newTick(): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'tick');
  g.setAttribute('opacity', '1');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('stroke', 'currentColor');
  line.setAttribute('y2', String(-TICK_SIZE));
  const text = document.createElementNS(SVG_NS, 'text');
  text.setAttribute('fill', 'currentColor');
  text.setAttribute('y', String(-(TICK_SIZE + TICK_PADDING)));
  text.setAttribute('dy', '0em');
  g.append(line, text);
  return g;
}

export function renderAxis(g: SVGGElement, scale: TimeScale): void {
  const offset = crispOffset(globalThis.devicePixelRatio || 1);
  setAttr(g, 'transform', `translate(0,${AXIS_HEIGHT - 4})`);
  setAttr(g, 'fill', 'none');
  setAttr(g, 'font-size', '10');
  setAttr(g, 'font-family', 'sans-serif');
  setAttr(g, 'text-anchor', 'middle');
  let domain = g.querySelector<SVGPathElement>(':scope > path.domain');
  if (!domain) {
    domain = document.createElementNS(SVG_NS, 'path');
    domain.setAttribute('class', 'domain');
    domain.setAttribute('stroke', 'currentColor');
    g.prepend(domain);
  }
  setAttr(domain, 'd', `M${scale.x0 + offset},${offset}H${scale.x1 + offset}`);
  const ticks = axisTicks(scale, offset);
  const have = g.querySelectorAll<SVGGElement>(':scope > g.tick');
  for (let i = have.length - 1; i >= ticks.length; i--) have[i]!.remove();
  ticks.forEach((tick, i) => {
    const el = have[i] ?? g.appendChild(newTick());
    const x = String(tick.x);
    setAttr(el.firstElementChild!, 'x1', x);
    setAttr(el.firstElementChild!, 'x2', x);
    setAttr(el.lastElementChild!, 'x', x);
    setText(el.lastElementChild!, tick.label);
  });
}
