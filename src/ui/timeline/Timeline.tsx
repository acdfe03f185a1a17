// The timeline panel. React owns the layers, D3 and the canvas draw inside them (useTimelineDraw):
// a fixed SVG (axis, names), a clipped moving layer (the lanes' bars in SVG, the dense marks on a
// canvas) and an overlay SVG (cursor, injected-event handles, cause/effect highlight) that takes
// the pointer. Keys are the page's shortcuts (state/commands).

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import {
  selectCausality, selectCursorTime, selectPodName, selectResolvedTheme, selectSelected, selectShowingLastGood, selectTrace, selectView,
} from '../../state/selectors';
import { effectiveWindow } from '../../state/view/window';
import { registerTimeline } from './export/exporter';
import type { Hit } from './hitTest';
import { layoutTimeline } from './layout';
import { NARROW_BELOW } from './render';
import { placeRows } from './rows';
import { timeScale } from './scale';
import { TimelinePatterns } from './TimelinePatterns';
import { Tooltip } from './Tooltip';
import { useTimelineDraw } from './useTimelineDraw';
import { useTimelineGestures } from './useTimelineGestures';
import { usePodOfSelection } from './usePodOfSelection';
import { useWidth } from './useWidth';
import { lazyPart } from '../app/lazyPart';
import type { CausalityOverlayProps, FaultHandlesProps, ObservedBoundaryProps, PodPickerProps } from './lazyPartsProps';
import './timeline.css';

// Drawn only when the trace has them (faults, a selection, a Job, an observed past): their code
// arrives after the first frame (issue 16).
const CausalityOverlay = lazyPart<typeof import('./CausalityOverlay'), CausalityOverlayProps>(() => import('./CausalityOverlay'), 'CausalityOverlay');
const FaultHandles = lazyPart<typeof import('./FaultHandles'), FaultHandlesProps>(() => import('./FaultHandles'), 'FaultHandles');
const ObservedBoundary = lazyPart<typeof import('./ObservedBoundary'), ObservedBoundaryProps>(() => import('./ObservedBoundary'), 'ObservedBoundary');
const PodPicker = lazyPart<typeof import('./PodPicker'), PodPickerProps>(() => import('./PodPicker'), 'PodPicker');

export const LABEL_WIDTH = 190;
/** On a phone the names get less room, so the plot keeps most of the width. */
const NARROW_LABEL_WIDTH = 128;
/** The moving layer shows this much left of the plot, so marks at t = 0 are whole. */
export const PLOT_PAD = 6;
const RIGHT_PAD = 24;

type Hover = (Hit & { x: number; y: number }) | null;

/** `readOnly` (the embed) draws injected events as marks only: no handles to select, drag or delete. */
export function Timeline({ readOnly = false }: { readOnly?: boolean } = {}) {
  const trace = useAppStore(selectTrace);
  const podName = useAppStore(selectPodName);
  const cursor = useAppStore(selectCursorTime);
  const view = useAppStore(selectView);
  const selected = useAppStore(selectSelected);
  const causality = useAppStore(selectCausality);
  const showingLastGood = useAppStore(selectShowingLastGood);
  const theme = useAppStore(selectResolvedTheme);

  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const overlayRef = useRef<SVGSVGElement>(null);
  const refs = useRef({
    axis: { current: null as SVGGElement | null },
    frames: { current: null as SVGGElement | null },
    layer: { current: null as HTMLDivElement | null },
    plot: { current: null as SVGSVGElement | null },
    lanes: { current: null as SVGGElement | null },
    pinned: { current: null as SVGGElement | null },
    canvas: { current: null as HTMLCanvasElement | null },
    cursor: { current: null as SVGGElement | null },
  }).current;
  const width = useWidth(boxRef);
  const [hover, setHover] = useState<Hover>(null);

  // A Job's pods past the drawing budget: the user may pick which to draw (PodPicker).
  const [picked, setPicked] = useState<number | null>(null);
  const rows = useMemo(() => (trace ? placeRows(layoutTimeline(trace, podName, { picked })) : null), [trace, podName, picked]);
  usePodOfSelection(trace, rows, selected, setPicked);
  const shown = useMemo(() => effectiveWindow(view, trace), [view, trace]);
  const labelWidth = width < NARROW_BELOW ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
  const scale = useMemo(() => timeScale(shown, labelWidth, width - RIGHT_PAD), [shown, labelWidth, width]);
  const height = rows?.height ?? 0;
  const range = useTimelineDraw(refs, { plotPad: PLOT_PAD, rows, scale, end: trace?.end ?? 0, width, cursor, theme });

  const onHover = useCallback((h: Hover) => {
    setHover((prev) => (prev?.event === h?.event && (h === null || (Math.abs(prev!.x - h.x) < 40 && prev!.y === h.y)) ? prev : h));
  }, []);
  const gestures = useTimelineGestures(overlayRef, rows, scale, trace?.end ?? 0, onHover);

  useLayoutEffect(() => {
    const base = svgRef.current;
    const plot = refs.plot.current;
    const overlay = overlayRef.current;
    const canvas = refs.canvas.current;
    if (!rows || !base || !plot || !overlay || !canvas || !range.current) return;
    return registerTimeline({ base, plot, overlay, canvas, rows, scale, range: range.current });
  }, [rows, scale, refs, range]);

  const hovered = hover && trace ? trace.events[hover.event] : undefined;

  return (
    <div
      ref={boxRef}
      className={`timeline${showingLastGood ? ' timeline-last-good' : ''}`}
      data-testid="timeline"
      data-t0={shown.t0}
      data-t1={shown.t1}
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
          aria-label={`Timeline of the pod and its containers from ${shown.t0.toFixed(1)} s to ${shown.t1.toFixed(1)} s`}>
          <TimelinePatterns />
          <g className="axis" ref={(el) => { refs.axis.current = el; }} />
          <g className="frames" ref={(el) => { refs.frames.current = el; }} />
        </svg>
        <div className="timeline-plot" style={{ left: scale.x0 - PLOT_PAD, width: Math.max(1, scale.x1 - scale.x0 + PLOT_PAD), height }}>
          <div className="timeline-plot-layer" ref={(el) => { refs.layer.current = el; }} style={{ height }}>
            <svg ref={(el) => { refs.plot.current = el; }} className="timeline-plot-svg" height={height}>
              <g className="lanes" ref={(el) => { refs.lanes.current = el; }} />
            </svg>
            <svg className="timeline-plot-svg timeline-pinned" height={height} aria-hidden="true">
              <g className="pinned-labels" ref={(el) => { refs.pinned.current = el; }} />
            </svg>
            <canvas ref={(el) => { refs.canvas.current = el; }} className="timeline-canvas" aria-hidden="true" />
          </div>
        </div>
        <svg ref={overlayRef} className="timeline-overlay" width={width} height={height} {...gestures}>
          {rows && !readOnly && <FaultHandles rows={rows} scale={scale} selected={selected} />}
          {rows && trace && causality && <CausalityOverlay trace={trace} causality={causality} rows={rows} scale={scale} selected={selected} />}
          {trace?.observedUntil !== undefined && <ObservedBoundary at={trace.observedUntil} scale={scale} height={height} />}
          <g className="cursor" ref={(el) => { refs.cursor.current = el; }} />
        </svg>
        {hovered && hover && <Tooltip event={hovered} x={hover.x} y={hover.y} width={width} />}
      </div>
    </div>
  );
}
