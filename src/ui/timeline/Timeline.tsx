// The timeline panel. React owns the layers, D3 and the canvas draw inside them (useTimelineDraw):
// a fixed SVG (axis, names), a clipped moving layer (the lanes' bars in SVG, the dense marks on
// canvas strips) and an overlay SVG (cursor, injected-event handles, cause/effect highlight) that takes
// the pointer. Keys are the page's shortcuts (state/commands).

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import {
  selectCausalityOfSelection, selectCursorTime, selectPodName, selectResolvedTheme, selectSelected, selectShowingLastGood, selectTrace,
} from '../../state/selectors';
import { effectiveWindow, type TimeWindow } from '../../state/view/window';
import { registerTimeline } from './export/exporter';
import { readMarkStyles } from './canvasMarks';
import type { Hit } from './hitTest';
import { layoutTimeline } from './layout';
import { NARROW_BELOW } from './render';
import { placeRows } from './rows';
import { timeScale, type TimeScale } from './scale';
import { TimelinePatterns } from './TimelinePatterns';
import { Tooltip } from './Tooltip';
import { useTimelineDraw } from './useTimelineDraw';
import { useViewScale } from './viewScale';
import { ViewParts } from './ViewParts';
import { useTimelineGestures } from './useTimelineGestures';
import { usePodOfSelection } from './usePodOfSelection';
import { useWidth } from './useWidth';
import { lazyPart } from '../app/lazyPart';
import type { PodLabelsProps, PodPickerProps } from './lazyPartsProps';
import './timeline.css';

// Drawn only when the trace has them (a Job past the drawing budget): its code arrives after the
// first frame (issue 16).
const PodPicker = lazyPart<typeof import('./PodPicker'), PodPickerProps>(() => import('./PodPicker'), 'PodPicker', { part: 'the Job\'s pod picker' });
// A Job's pod names as buttons that select the pod: only for a trace with several pods.
const PodLabels = lazyPart<typeof import('./PodLabels'), PodLabelsProps>(() => import('./PodLabels'), 'PodLabels', { part: 'the Job\'s pod names' });

export const LABEL_WIDTH = 190;
/** On a phone the names get less room, so the plot keeps most of the width. */
const NARROW_LABEL_WIDTH = 128;
/** The moving layer shows this much left of the plot, so marks at t = 0 are whole. */
export const PLOT_PAD = 6;
const RIGHT_PAD = 24;
/** The width laid out at before the real one is read (nothing is drawn at it). */
const GUESSED_WIDTH = 800;

type Hover = (Hit & { x: number; y: number }) | null;

function windowLabel(s: TimeScale): string {
  return `Timeline of the pod and its containers from ${s.t0.toFixed(1)} s to ${s.t1.toFixed(1)} s`;
}

/** What the markup says about the window shown, kept current by a pan frame without a render. */
function describeWindow(box: HTMLElement | null, svg: SVGSVGElement | null, s: TimeScale): void {
  box?.setAttribute('data-t0', String(s.t0));
  box?.setAttribute('data-t1', String(s.t1));
  svg?.setAttribute('aria-label', windowLabel(s));
}

/** `readOnly` (the embed) draws injected events as marks only: no handles to select, drag or delete. */
export function Timeline({ readOnly = false }: { readOnly?: boolean } = {}) {
  const trace = useAppStore(selectTrace);
  const podName = useAppStore(selectPodName);
  const cursor = useAppStore(selectCursorTime);
  const selected = useAppStore(selectSelected);
  const causality = useAppStore(selectCausalityOfSelection);
  const showingLastGood = useAppStore(selectShowingLastGood);
  const theme = useAppStore(selectResolvedTheme);

  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const refs = useRef({
    axis: { current: null as SVGGElement | null },
    frames: { current: null as SVGGElement | null },
    layer: { current: null as HTMLDivElement | null },
    marks: { current: null as HTMLDivElement | null },
    plot: { current: null as SVGSVGElement | null },
    lanes: { current: null as SVGGElement | null },
    pinned: { current: null as SVGGElement | null },
    cursor: { current: null as SVGGElement | null },
  }).current;
  // Until its width is read (before the first paint), the timeline is laid out at a guess and not drawn.
  const measured = useWidth(boxRef);
  const width = measured ?? GUESSED_WIDTH;
  const [hover, setHover] = useState<Hover>(null);

  // A Job's pods past the drawing budget: the user may pick which to draw (PodPicker).
  const [picked, setPicked] = useState<number | null>(null);
  const rows = useMemo(() => (trace ? placeRows(layoutTimeline(trace, podName, { picked })) : null), [trace, podName, picked]);
  usePodOfSelection(trace, rows, selected, setPicked);
  const labelWidth = width < NARROW_BELOW ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
  // The view is not subscribed here: a pan or zoom frame moves the drawing (onScale), and React
  // renders only when the lanes, the trace, the size or the cursor change (issue 16).
  const scaleOf = useCallback((view: TimeWindow | null) => timeScale(effectiveWindow(view, trace), labelWidth, width - RIGHT_PAD), [trace, labelWidth, width]);
  const scaleNow = useRef<TimeScale>(null as unknown as TimeScale);
  const onScale = (s: TimeScale) => {
    scaleNow.current = s;
    draw.panTo(s);
    describeWindow(boxRef.current, svgRef.current, s);
  };
  const scale = useViewScale(scaleOf, onScale);
  scaleNow.current = scale;
  const height = rows?.height ?? 0;
  const draw = useTimelineDraw(refs, { plotPad: PLOT_PAD, rows: measured === null ? null : rows, scale, end: trace?.end ?? 0, width, cursor, theme });

  const onHover = useCallback((h: Hover) => {
    setHover((prev) => (prev?.event === h?.event && (h === null || (Math.abs(prev!.x - h.x) < 40 && prev!.y === h.y)) ? prev : h));
  }, []);
  const gestures = useTimelineGestures(overlayRef, rows, scaleNow, trace?.end ?? 0, onHover);

  // The exporter reads the timeline at the moment of an export (the scale and range shown then),
  // through what was rendered last: it never holds a picture of an older draw.
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  const drawNow = useRef(draw);
  drawNow.current = draw;
  useLayoutEffect(() => registerTimeline(() => {
    const base = svgRef.current;
    const plot = refs.plot.current;
    const overlay = overlayRef.current;
    const marks = refs.marks.current;
    const rows = rowsNow.current;
    const { range, finishDrawing, markStyles } = drawNow.current;
    if (!rows || !base || !plot || !overlay || !marks || !range.current) return null;
    const pinned = refs.pinned.current?.ownerSVGElement ?? null;
    return {
      base, plot, pinned, plotPad: PLOT_PAD, overlay, rows, scale: scaleNow.current, range: range.current, finishDrawing,
      markStyles: () => markStyles() ?? readMarkStyles(marks),
    };
  }), [refs]);

  const hovered = hover && trace ? trace.events[hover.event] : undefined;
  const plotBoxWidth = Math.max(1, scale.x1 - scale.x0 + PLOT_PAD);

  return (
    <div
      ref={boxRef}
      className={`timeline${showingLastGood ? ' timeline-last-good' : ''}`}
      data-testid="timeline"
      data-t0={scale.t0}
      data-t1={scale.t1}
      tabIndex={0}
      role="group"
      aria-roledescription="timeline"
      aria-label="Pod timeline. Home and End jump to the start and end, Left and Right step between events, W and S zoom, A and D pan, F fits, question mark lists every shortcut."
    >
      {showingLastGood && <p className="timeline-note">The text has errors: showing the last valid scenario.</p>}
      {!trace && <p className="timeline-empty">The timeline appears once the scenario is valid.</p>}
      {rows?.pods && <PodPicker pods={rows.pods} onPick={setPicked} />}
      <div className="timeline-stack" style={{ height }}>
        <svg ref={svgRef} className="timeline-svg" width={width} height={height} role="img"
          aria-label={windowLabel(scale)}>
          <TimelinePatterns />
          <g className="axis" ref={(el) => { refs.axis.current = el; }} />
          <g className="frames" ref={(el) => { refs.frames.current = el; }} />
        </svg>
        <div className="timeline-plot" style={{ left: scale.x0 - PLOT_PAD, width: plotBoxWidth, height }}>
          <div className="timeline-plot-layer" ref={(el) => { refs.layer.current = el; }} style={{ height }}>
            <svg ref={(el) => { refs.plot.current = el; }} className="timeline-plot-svg" height={height}>
              <g className="lanes" ref={(el) => { refs.lanes.current = el; }} />
            </svg>
          </div>
          <svg className="timeline-plot-svg timeline-pinned" width={plotBoxWidth} height={height} aria-hidden="true">
            <g className="pinned-labels" ref={(el) => { refs.pinned.current = el; }} />
          </svg>
          {/* The marks' canvases, strips that useTimelineDraw places (marksStrips.ts). */}
          <div className="timeline-plot-layer" ref={(el) => { refs.marks.current = el; }} style={{ height }} />
        </div>
        <svg ref={overlayRef} className="timeline-overlay" width={width} height={height} {...gestures}>
          {rows && trace && <ViewParts trace={trace} rows={rows} scaleOf={scaleOf} readOnly={readOnly} selected={selected} causality={causality} />}
          <g className="cursor" ref={(el) => { refs.cursor.current = el; }} />
        </svg>
        {!readOnly && rows && trace?.pods && trace.pods.length > 1 && <PodLabels trace={trace} rows={rows} labelWidth={labelWidth} />}
        {hovered && hover && <Tooltip event={hovered} x={hover.x} y={hover.y} width={width} />}
      </div>
    </div>
  );
}
