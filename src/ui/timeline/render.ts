// The thin D3 part for the fixed layer: the group headers and lane names, the cursor (the axis is
// axis.ts, the moving lanes renderLanes.ts). Rows are placed by their y attributes, not by a
// `transform` per row: every SVG transform is a paint property node for Chromium's compositor,
// which lays them all out again at each frame that changes them (issue 16). Text goes in with
// .text() only, never as HTML.

import { select } from 'd3-selection';
import type { SubRow } from './model';
import { KUBELET_ROW, STATUS_ROW } from './podLane';
import {
  AXIS_HEIGHT, BAR_HEIGHT, BAR_TOP, clip, GROUP_HEADER_HEIGHT, SUMMARY_HEIGHT, subRowBox, type PlacedGroup, type PlacedLane, type Rows,
} from './rows';
import { toX, type TimeScale } from './scale';
import { setAttr } from './svgWrite';

const LABEL_CHARS = 20;
/** A timeline narrower than this (a phone) gives the names less room. */
export const NARROW_BELOW = 560;
/** Fewer on a phone, where the names' column is narrower (Timeline's NARROW_LABEL_WIDTH). */
const NARROW_LABEL_CHARS = 14;
/** Pixels per character of a summary row's text, to cut it to the width. */
const SUMMARY_CHAR_PX = 7;

const SUB_LABEL: Record<string, string> = {
  PodReadyToStartContainers: 'ReadyToStart',
  Initialized: 'Initialized',
  ContainersReady: 'ContainersReady',
  Ready: 'Ready',
  [STATUS_ROW]: 'kubectl STATUS',
  [KUBELET_ROW]: 'kubelet',
};

/** What the frames show: an edit that moves bars but keeps the lanes and headers draws nothing here. */
function framesKey(rows: Rows, width: number): string {
  const headers = rows.headers.map((h) => `${h.kind}/${h.label}/${h.y}/${h.summary ? 1 : 0}`);
  const lanes = rows.lanes.map((l) => `${l.kind}/${l.name}/${l.y}/${l.subRows.map((r) => r.name).join(',')}`);
  return `${width}\n${headers.join('\n')}\n${lanes.join('\n')}`;
}

const drawnFrames = new WeakMap<SVGGElement, string>();

/** The lanes' frames in the fixed layer: group headers, names, sub-row names. */
export function renderLaneFrames(g: SVGGElement, rows: Rows, width: number): void {
  const key = framesKey(rows, width);
  if (drawnFrames.get(g) === key) return;
  drawnFrames.set(g, key);
  const root = select(g);
  const narrow = width < NARROW_BELOW;
  root.selectAll<SVGGElement, PlacedGroup>('g.group-header')
    .data(rows.headers, (d) => `${d.kind}/${d.label}`)
    .join((enter) => {
      const h = enter.append('g');
      h.append('line');
      h.append('text');
      return h;
    })
    .attr('class', (d) => (d.summary ? 'group-header group-summary' : 'group-header'))
    .attr('data-testid', (d) => (d.summary ? 'timeline-summary' : null))
    .attr('transform', null)
    .call((h) => h.select('line').attr('x1', 0).attr('x2', width).attr('y1', (d) => d.y + 0.5).attr('y2', (d) => d.y + 0.5))
    // A summary row says what was left out in a sentence, in the plot's width.
    .call((h) => h.select('text').attr('x', (d) => (d.summary ? 18 : 10)).attr('y', (d) => d.y + (d.summary ? SUMMARY_HEIGHT / 2 + 4 : GROUP_HEADER_HEIGHT - 7))
      .text((d) => (d.summary ? clip(d.label, Math.max(24, Math.floor((width - 30) / SUMMARY_CHAR_PX))) : d.label.toUpperCase())));

  root.selectAll<SVGGElement, PlacedLane>('g.lane-frame')
    .data(rows.lanes, (d) => `${d.kind}/${d.name}`)
    .join((enter) => {
      const f = enter.append('g');
      f.append('text').attr('class', 'lane-label');
      f.append('g').attr('class', 'sublabels');
      return f;
    })
    .attr('class', (d) => `lane-frame lane-${d.kind}`)
    .attr('transform', null)
    .each(function (d) {
      const f = select<SVGGElement, PlacedLane>(this);
      f.select('text.lane-label').attr('x', narrow ? 10 : 18).attr('y', d.y + BAR_TOP + BAR_HEIGHT / 2).text(clip(d.name, narrow ? NARROW_LABEL_CHARS : LABEL_CHARS));
      f.select('g.sublabels').selectAll<SVGTextElement, SubRow>('text')
        .data(d.subRows, (r) => r.name)
        .join('text')
        .attr('class', 'subrow-label')
        .attr('x', narrow ? 18 : 30)
        .attr('y', (_, i) => { const box = subRowBox(i, d.subRows.length); return d.y + box.top + box.height / 2; })
        .text((r) => SUB_LABEL[r.name] ?? r.name);
    });
}

/** The cursor: a line and a head at its x (or an arrow at the plot's edge when it is off the view). */
export function renderCursor(g: SVGGElement, scale: TimeScale, t: number, height: number): void {
  const inside = t >= scale.t0 && t <= scale.t1;
  const x = Math.round(Math.min(Math.max(toX(scale, t), scale.x0), scale.x1) * 100) / 100;
  const root = select(g).attr('transform', null).attr('data-off-view', inside ? null : (t < scale.t0 ? 'left' : 'right'));
  const line = root.selectAll<SVGLineElement, null>('line').data([null]).join('line').node()!;
  setAttr(line, 'x1', String(x));
  setAttr(line, 'x2', String(x));
  setAttr(line, 'y1', String(AXIS_HEIGHT - 4));
  setAttr(line, 'y2', String(height));
  setAttr(line, 'stroke-dasharray', inside ? null : '3 3');
  const head = root.selectAll<SVGPathElement, null>('path').data([null]).join('path').node()!;
  setAttr(head, 'd', inside ? `M${x - 6},${AXIS_HEIGHT - 12}h12l-6,8z` : t < scale.t0 ? `M${x - 2},${AXIS_HEIGHT - 14}l-8,6l8,6z` : `M${x + 2},${AXIS_HEIGHT - 14}l8,6l-8,6z`);
}
