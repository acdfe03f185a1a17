// The drawing effects of the timeline: the fixed frames, the moving layers (the lanes' bars, and
// above them the canvas of marks, drawn for a render range, then only shifted with a CSS
// transform, each on its own compositor layer, while panning; between the two, labels of bars
// that start left of the view pinned at its left edge in a small SVG that does not move), the
// axis and the cursor. A new drawing (an edit's lanes) draws the lanes on screen, and their marks,
// at once and the others in idle time (lanesInView.ts, issue 16); a pan draws every lane of its range.

import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Theme } from '../../state/slices/prefs';
import { drawMarks, readMarkStyles, type MarkStyle } from './canvasMarks';
import { placeStrips, type PlacedStrip } from './marksStrips';
import type { MarkKind } from './model';
import { renderAxis } from './axis';
import { renderCursor, renderLaneFrames } from './render';
import { barLabelSlots, laneKey, pinBarLabels, renderLanes, type LabelSlot, type LaneFrame } from './renderLanes';
import { idleAfterQuiet, idleSlice, type IdleTime } from './idleAfterQuiet';
import { lanesInView, rowsInView } from './lanesInView';
import type { PlacedLane } from './rows';
import { layerShift, nextRenderRange, offCentre, rangeOffset, type RenderRange } from './renderRange';
import type { Rows } from './rows';
import type { TimeScale } from './scale';
import { cssZoomOf } from './cssZoom';

export interface TimelineRefs {
  axis: RefObject<SVGGElement | null>;
  frames: RefObject<SVGGElement | null>;
  /** The moving layer of the lanes' SVG. */
  layer: RefObject<HTMLDivElement | null>;
  /** The moving layer of the marks' canvases (strips, marksStrips.ts), above the pinned labels; placed like `layer`. */
  marks: RefObject<HTMLDivElement | null>;
  plot: RefObject<SVGSVGElement | null>;
  lanes: RefObject<SVGGElement | null>;
  /** The pinned bar labels' group, in a still SVG over the clipped plot box (its x is the box's). */
  pinned: RefObject<SVGGElement | null>;
  cursor: RefObject<SVGGElement | null>;
}

export interface DrawState {
  /** How far the clipped plot box starts left of the plot (see Timeline's PLOT_PAD). */
  plotPad: number;
  rows: Rows | null;
  scale: TimeScale;
  end: number;
  width: number;
  cursor: number;
  theme: Theme;
}

export interface TimelineDraw {
  /** The drawn range (for the exporter). */
  range: RefObject<RenderRange | null>;
  /**
   * A pan or zoom frame: moves the layers (redrawing them only past their range), the axis and the
   * cursor. When the pan pauses off the range's centre, the range is recentred in idle time.
   */
  panTo(scale: TimeScale): void;
  /** Draws now the lanes a redraw left for idle time, so what is read next (an export) is whole. */
  finishDrawing(): void;
  /** The mark colours the canvas was drawn with (read from the theme's CSS once per theme); null before the first drawing. */
  markStyles(): Record<MarkKind, MarkStyle> | null;
}

export function useTimelineDraw(refs: TimelineRefs, { plotPad, rows, scale, end, width, cursor, theme }: DrawState): TimelineDraw {
  const range = useRef<RenderRange | null>(null);
  /** The scale last drawn at (what an idle recentring draws at). */
  const shown = useRef<TimeScale | null>(null);
  const labelSlots = useRef<LabelSlot[]>([]);
  const styles = useRef<{ theme: Theme; styles: Record<MarkKind, MarkStyle> } | null>(null);
  const height = rows?.height ?? 0;
  const inView = useRef(lanesInView((el) => {
    const d = (el as Element & { __data__?: PlacedLane }).__data__;
    return el.classList.contains('lane-frame') && d ? laneKey(d) : undefined;
  }));
  /** The frame the lanes were last drawn in, for the lanes left for idle time. */
  const laneFrame = useRef<LaneFrame | null>(null);
  /** Whether lanes of the last drawing wait for idle time. */
  const restPending = useRef(false);
  /** The marks' strips as last drawn, when they hold only the lanes on screen (the rest wait with the lanes). */
  const marksPending = useRef<{ strips: PlacedStrip[]; scale: TimeScale; styles: Record<MarkKind, MarkStyle>; dpr: number; originX: number } | null>(null);

  useLayoutEffect(() => {
    if (rows && refs.frames.current) {
      renderLaneFrames(refs.frames.current, rows, width);
      inView.current.watch(refs.frames.current);
    }
    range.current = null;
  }, [refs, rows, width, theme]);

  // Redraws for the scale given: the state it reads is this render's (kept current in a ref, so a
  // pan frame between renders draws with the same rows, theme and cursor). `recentre`: draw a
  // range centred on the view even if the view is still inside the one drawn (drawing ahead).
  const drawAt = (s: TimeScale, recentre = false) => {
    const { layer: layerRef, marks: marksRef, plot: plotRef, lanes: lanesRef, pinned: pinnedRef } = refs;
    const layer = layerRef.current;
    const marks = marksRef.current;
    const plot = plotRef.current;
    const lanes = lanesRef.current;
    const pinned = pinnedRef.current;
    if (!rows || !refs.axis.current || !layer || !marks || !plot || !lanes || !pinned) return;
    renderAxis(refs.axis.current, s);
    shown.current = s;
    // A new drawing (new lanes, size or theme: the range was reset) draws the lanes on screen first;
    // a pan that leaves the range draws them all, as one frame, not two.
    const fresh = range.current === null;
    const next = nextRenderRange(range.current, s, end, recentre && range.current !== null && offCentre(range.current, s, end));
    if (next !== range.current) {
      // The layer covers the drawn range; inside its SVG, x is the timeline's own x.
      const w = Math.max(1, Math.ceil(next.scale.x1 - next.scale.x0));
      for (const l of [layer, marks]) {
        l.style.left = `${next.scale.x0 - s.x0 + plotPad}px`;
        l.style.width = `${w}px`;
      }
      plot.setAttribute('width', String(w));
      lanes.setAttribute('transform', `translate(${layerShift(next).toFixed(2)},0)`);
      laneFrame.current = { draw: next.draw, t0: next.scale.t0, t1: next.scale.t1 };
      restPending.current = renderLanes(lanes, rows, laneFrame.current, fresh ? inView.current.shows : undefined) > 0;
      if (restPending.current) rest.current.poke();
      labelSlots.current = barLabelSlots(lanes);
      // Presenter mode's CSS zoom enlarges the canvases too: more backing pixels keep them sharp.
      const dpr = (globalThis.devicePixelRatio || 1) * cssZoomOf(marks);
      // The canvases reach a little past the range, so marks on their edges are whole.
      const strips = placeStrips(marks, w + 2 * plotPad, height, dpr, -plotPad);
      if (styles.current?.theme !== theme) styles.current = { theme, styles: readMarkStyles(marks) };
      // Lanes left for idle time have their marks drawn then too (drawRest).
      const marksArgs = { strips, scale: next.scale, styles: styles.current.styles, dpr, originX: next.scale.x0 - plotPad };
      marksPending.current = restPending.current ? marksArgs : null;
      drawMarks(strips, restPending.current ? rowsInView(rows, inView.current.shows) : rows, next.scale, marksArgs.styles, dpr, marksArgs.originX);
      range.current = next;
    }
    const offset = `translateX(${rangeOffset(next, s).toFixed(2)}px)`;
    layer.style.transform = offset;
    marks.style.transform = offset;
    pinBarLabels(labelSlots.current, pinned, next.draw, s.t0, plotPad);
  };
  const cursorAt = (s: TimeScale) => {
    if (rows && refs.cursor.current) renderCursor(refs.cursor.current, s, cursor, rows.height);
  };
  /**
   * Draws the lanes a redraw left for idle time (off screen), in the frame drawn since: as many as
   * this idle slice allows (idleSlice: a 40-container pod's thirty lanes took ~29 ms in one go, in
   * front of the next keystroke), the others in the next idle time; the marks of every lane once
   * the last lane is drawn. Without a deadline (finishDrawing: an export) all at once.
   */
  const drawRest = (deadline?: IdleTime) => {
    const { lanes, pinned } = refs;
    if (!rows || !lanes.current || !pinned.current || !laneFrame.current || !range.current || !shown.current) return;
    const slice = idleSlice(deadline);
    const left = renderLanes(lanes.current, rows, laneFrame.current, () => slice.more());
    labelSlots.current = barLabelSlots(lanes.current);
    pinBarLabels(labelSlots.current, pinned.current, range.current.draw, shown.current.t0, plotPad);
    if (left > 0) {
      rest.current.poke();
      return;
    }
    restPending.current = false;
    const marks = marksPending.current;
    marksPending.current = null;
    if (marks) drawMarks(marks.strips, rows, marks.scale, marks.styles, marks.dpr, marks.originX);
  };
  const latest = useRef({ drawAt, cursorAt, drawRest });
  latest.current = { drawAt, cursorAt, drawRest };
  const rest = useRef(idleAfterQuiet((deadline) => latest.current.drawRest(deadline), 0));
  const ahead = useRef(idleAfterQuiet(() => {
    if (!shown.current) return;
    latest.current.drawAt(shown.current, true);
  }));
  useLayoutEffect(() => {
    const work = ahead.current;
    const later = rest.current;
    const lanesShown = inView.current;
    return () => {
      work.cancel();
      later.cancel();
      lanesShown.disconnect();
    };
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- drawAt reads exactly these
  useLayoutEffect(() => drawAt(scale), [refs, plotPad, rows, scale, end, height, theme]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- cursorAt reads exactly these
  useLayoutEffect(() => cursorAt(scale), [refs, rows, scale, cursor]);

  const draw = useRef<TimelineDraw>({
    range,
    panTo: (s) => {
      latest.current.drawAt(s);
      latest.current.cursorAt(s);
      ahead.current.poke();
    },
    finishDrawing: () => {
      if (!restPending.current) return;
      rest.current.cancel();
      latest.current.drawRest();
    },
    markStyles: () => styles.current?.styles ?? null,
  });
  return draw.current;
}
