// The thin D3 part: draws a placed layout into the <g> groups React created. Text goes in with
// .text() only, never as HTML.

import { axisTop } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { MARK_PATH } from './marks';
import type { Bar, Mark } from './model';
import { AXIS_HEIGHT, BAR_INSET, clip, GROUP_HEADER_HEIGHT, LANE_HEIGHT, type PlacedGroup, type PlacedLane, type Rows } from './rows';
import { formatSeconds, toX, type TimeScale } from './scale';

/** Pixels per character of the 11px bar labels, to decide whether a label fits. */
const CHAR_PX = 6.4;
const LABEL_CHARS = 22;

export function renderAxis(g: SVGGElement, scale: TimeScale): void {
  const d3scale = scaleLinear().domain([scale.t0, scale.t1]).range([scale.x0, scale.x1]);
  const ticks = Math.max(2, Math.floor((scale.x1 - scale.x0) / 90));
  select(g)
    .attr('transform', `translate(0,${AXIS_HEIGHT - 4})`)
    .call(axisTop(d3scale).ticks(ticks).tickSizeOuter(0).tickFormat((d) => `${formatSeconds(Number(d))} s`));
}

export function renderLanes(g: SVGGElement, rows: Rows, scale: TimeScale, width: number): void {
  const root = select(g);

  root.selectAll<SVGGElement, PlacedGroup>('g.group-header')
    .data(rows.headers, (d) => d.kind)
    .join((enter) => {
      const h = enter.append('g').attr('class', 'group-header');
      h.append('line');
      h.append('text');
      return h;
    })
    .attr('transform', (d) => `translate(0,${d.y})`)
    .call((h) => h.select('line').attr('x1', 0).attr('x2', width).attr('y1', 0.5).attr('y2', 0.5))
    .call((h) => h.select('text').attr('x', 10).attr('y', GROUP_HEADER_HEIGHT - 7).text((d) => d.label));

  const lanes = root.selectAll<SVGGElement, PlacedLane>('g.lane')
    .data(rows.lanes, (d) => `${d.kind}/${d.name}`)
    .join((enter) => {
      const lane = enter.append('g').attr('data-testid', 'lane');
      lane.append('rect').attr('class', 'lane-bg');
      const head = lane.append('g').attr('class', 'lane-label');
      head.append('text');
      head.append('title');
      lane.append('g').attr('class', 'bars');
      lane.append('g').attr('class', 'marks');
      return lane;
    })
    .attr('class', (d) => `lane lane-${d.kind}`)
    .attr('data-container', (d) => d.name)
    .attr('data-kind', (d) => d.kind)
    .attr('transform', (d) => `translate(0,${d.y})`)
    .order();

  lanes.select('rect.lane-bg').attr('width', width).attr('height', LANE_HEIGHT);
  lanes.select('g.lane-label')
    .call((h) => h.select('text').attr('x', 18).attr('y', LANE_HEIGHT / 2).text((d) => clip(d.name, LABEL_CHARS)))
    .call((h) => h.select('title').text((d) => `${d.name} (${d.kind === 'pod' ? 'the pod' : `${d.kind} container`})`));

  lanes.select('g.bars').selectAll<SVGGElement, Bar>('g.bar')
    .data((d) => d.bars)
    .join((enter) => {
      const bar = enter.append('g');
      bar.append('rect');
      bar.append('text');
      bar.append('title');
      return bar;
    })
    .attr('class', (b) => `bar tone-${b.tone}${(b.attempt ?? 0) % 2 === 1 ? ' attempt-odd' : ''}`)
    .call((bar) => bar.select('rect')
      .attr('x', (b) => toX(scale, b.start))
      .attr('y', BAR_INSET)
      .attr('width', (b) => Math.max(1, toX(scale, b.end) - toX(scale, b.start)))
      .attr('height', LANE_HEIGHT - 2 * BAR_INSET)
      .attr('rx', 3))
    .call((bar) => bar.select('text')
      .attr('x', (b) => toX(scale, b.start) + 6)
      .attr('y', LANE_HEIGHT / 2)
      .text((b) => fittingLabel(b, scale)))
    .call((bar) => bar.select('title')
      .text((b) => `${b.title}\n${formatSeconds(b.start)} s – ${formatSeconds(b.end)} s`));

  lanes.select('g.marks').selectAll<SVGGElement, Mark>('g.mark')
    .data((d) => d.marks)
    .join((enter) => {
      const mark = enter.append('g');
      mark.append('path');
      mark.append('title');
      return mark;
    })
    .attr('class', (m) => `mark mark-${m.kind}`)
    .attr('transform', (m) => `translate(${toX(scale, m.t)},${BAR_INSET})`)
    .call((mark) => mark.select('path').attr('d', (m) => MARK_PATH[m.kind]))
    .call((mark) => mark.select('title').text((m) => `${m.label} at ${formatSeconds(m.t)} s`));
}

function fittingLabel(b: Bar, scale: TimeScale): string {
  const room = Math.floor((toX(scale, b.end) - toX(scale, b.start) - 10) / CHAR_PX);
  if (room < 3) return '';
  return clip(b.label, room);
}

export function renderCursor(g: SVGGElement, scale: TimeScale, t: number, height: number): void {
  const x = toX(scale, t);
  const root = select(g).attr('transform', `translate(${x},0)`);
  root.selectAll('line').data([null]).join('line').attr('y1', AXIS_HEIGHT - 4).attr('y2', height);
  root.selectAll('path').data([null]).join('path').attr('d', `M-6,${AXIS_HEIGHT - 12}h12l-6,8z`);
}
