// One self-contained SVG of the timeline as drawn: the lanes layer, the marks (drawn on the
// canvas on screen) as vector paths, and the overlay, with the computed styles inlined so it
// looks the same outside the page; framed (frame.ts) by a title, the version, the cursor's
// caption and the legend.

import { MARK_PATH, STROKE_ONLY } from '../marks';
import { BAR_TOP } from '../rows';
import { layerShift, rangeOffset } from '../renderRange';
import { toX, visibleMoments } from '../scale';
import type { ExportMeta } from '../../../state/exportMeta';
import type { DrawnTimeline } from './exporter';
import { footer, header, HEADER_HEIGHT } from './frame';
import { inlineStyles } from './inlineStyles';

const SVG_NS = 'http://www.w3.org/2000/svg';

function clone(svg: SVGSVGElement): SVGGElement {
  const g = document.createElementNS(SVG_NS, 'g');
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  for (const child of [...copy.childNodes]) g.append(child);
  return g;
}

/** The timeline framed by a header (title, version) and a footer (cursor caption, legend). */
export function standaloneSvg(t: DrawnTimeline, meta: ExportMeta): { text: string; width: number; height: number } {
  const width = Math.round(t.base.width.baseVal.value);
  const lanesHeight = Math.round(t.base.height.baseVal.value);
  const foot = footer(t, meta, width);
  const total = Math.round(HEADER_HEIGHT + lanesHeight + foot.height);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(total));
  svg.setAttribute('viewBox', `0 0 ${width} ${total}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(total));
  bg.setAttribute('fill', getComputedStyle(t.base.parentElement ?? t.base).getPropertyValue('--surface').trim() || '#ffffff');
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = `${meta.title} (${meta.version})`;
  const root = document.createElementNS(SVG_NS, 'g');
  root.setAttribute('transform', `translate(0,${HEADER_HEIGHT})`);
  foot.g.setAttribute('transform', `translate(0,${HEADER_HEIGHT + lanesHeight})`);
  svg.append(title, bg, header(t, meta, width), root, foot.g);
  const height = lanesHeight;
  root.append(clone(t.base));
  // The moving lanes layer, clipped to the plot like on screen.
  const plotBox = document.createElementNS(SVG_NS, 'svg');
  plotBox.setAttribute('x', String(t.scale.x0));
  plotBox.setAttribute('y', '0');
  plotBox.setAttribute('width', String(Math.max(1, t.scale.x1 - t.scale.x0)));
  plotBox.setAttribute('height', String(height));
  const moved = clone(t.plot);
  const inner = moved.firstElementChild;
  // The layer's left edge sits at the range's start, shifted by the pan offset.
  const left = t.range.scale.x0 + rangeOffset(t.range, t.scale) - t.scale.x0;
  const shift = `translate(${(left + layerShift(t.range)).toFixed(2)},0)`;
  inner?.setAttribute('transform', shift);
  plotBox.append(moved);
  // The labels pinned at the view's left edge live in a still SVG of their own, over the plot
  // box, which starts `plotPad` left of the view's edge.
  const pinned = t.pinned ? clone(t.pinned).firstElementChild : null;
  pinned?.setAttribute('transform', `translate(${-t.plotPad},0)`);
  if (pinned) plotBox.append(pinned);
  root.append(plotBox);

  const styles = t.markStyles();
  const marks = document.createElementNS(SVG_NS, 'g');
  marks.setAttribute('class', 'marks');
  for (const lane of t.rows.lanes) {
    const [lo, hi] = visibleMoments(lane.marks, t.scale.t0, t.scale.t1);
    for (let i = lo; i < hi; i++) {
      const m = lane.marks[i]!;
      if (m.kind === 'fault' || m.kind === 'deleted') continue; // drawn by the overlay
      const p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('d', MARK_PATH[m.kind]);
      p.setAttribute('transform', `translate(${toX(t.scale, m.t).toFixed(1)},${lane.y + BAR_TOP})`);
      p.setAttribute('fill', STROKE_ONLY.has(m.kind) ? 'none' : styles[m.kind].fill);
      p.setAttribute('stroke', styles[m.kind].stroke);
      p.setAttribute('stroke-width', STROKE_ONLY.has(m.kind) ? '2' : '1.3');
      marks.append(p);
    }
  }
  root.append(marks, clone(t.overlay));
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}\n`, width, height: total };
}
