// Pointer and wheel on the timeline: drag the lanes to pan, drag on the time axis to scrub the
// cursor, click to put the cursor there and select the event under the pointer, wheel to zoom
// about the pointer (Shift+wheel or a horizontal wheel pans), and hover for the tooltip.

import { useCallback, useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { appStore } from '../../state/appStore';
import { panWindow, zoomWindow, type TimeWindow } from '../../state/view/window';
import { hitTest, type Hit } from './hitTest';
import { AXIS_HEIGHT, type Rows } from './rows';
import { secondsPerPixel, toTime, type TimeScale } from './scale';

const DRAG_PX = 3;

interface Drag {
  mode: 'scrub' | 'press' | 'pan';
  x: number;
  y: number;
  window: TimeWindow;
}

export interface Gestures {
  onPointerDown(e: PointerEvent<SVGSVGElement>): void;
  onPointerMove(e: PointerEvent<SVGSVGElement>): void;
  onPointerUp(e: PointerEvent<SVGSVGElement>): void;
  onPointerCancel(e: PointerEvent<SVGSVGElement>): void;
  onPointerLeave(): void;
}

export function useTimelineGestures(
  svgRef: RefObject<SVGSVGElement | null>, rows: Rows | null, scale: TimeScale, end: number,
  onHover: (hit: (Hit & { x: number; y: number }) | null) => void,
): Gestures {
  const drag = useRef<Drag | null>(null);
  const latest = useRef({ rows, scale, end });
  latest.current = { rows, scale, end };

  const local = (e: { clientX: number; clientY: number }, el: Element) => {
    const box = el.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const { scale: s, end: total } = latest.current;
      if (total <= 0) return;
      e.preventDefault();
      const { x } = local(e, svg);
      const w = { t0: s.t0, t1: s.t1 };
      const horizontal = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      if (horizontal) {
        const d = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
        appStore.getState().setView(panWindow(w, d * secondsPerPixel(s), total));
      } else {
        const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY * unit * 0.0015)));
        appStore.getState().setView(zoomWindow(w, factor, toTime(s, x), total));
      }
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef]);

  const onPointerDown = useCallback((e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const p = local(e, e.currentTarget);
    const { scale: s } = latest.current;
    e.currentTarget.setPointerCapture(e.pointerId);
    const mode = p.y < AXIS_HEIGHT ? 'scrub' : 'press';
    drag.current = { mode, ...p, window: { t0: s.t0, t1: s.t1 } };
    if (mode === 'scrub') appStore.getState().setCursorTime(toTime(s, p.x));
  }, []);

  const onPointerMove = useCallback((e: PointerEvent<SVGSVGElement>) => {
    const p = local(e, e.currentTarget);
    const d = drag.current;
    const { rows: r, scale: s, end: total } = latest.current;
    if (!d) {
      const hit = r ? hitTest(r, s, p.x, p.y) : null;
      onHover(hit ? { ...hit, ...p } : null);
      return;
    }
    if (d.mode === 'scrub') {
      appStore.getState().setCursorTime(toTime(s, p.x));
      return;
    }
    if (d.mode === 'press' && Math.abs(p.x - d.x) < DRAG_PX) return;
    d.mode = 'pan';
    onHover(null);
    const spp = (d.window.t1 - d.window.t0) / (s.x1 - s.x0);
    appStore.getState().setView(panWindow(d.window, -(p.x - d.x) * spp, total));
  }, [onHover]);

  const onPointerUp = useCallback((e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d || d.mode !== 'press') return;
    const { rows: r, scale: s } = latest.current;
    const state = appStore.getState();
    state.setCursorTime(toTime(s, d.x));
    const hit = r ? hitTest(r, s, d.x, d.y) : null;
    state.select(hit ? hit.event : null);
  }, []);

  const onPointerCancel = useCallback(() => {
    drag.current = null;
  }, []);

  const onPointerLeave = useCallback(() => {
    if (!drag.current) onHover(null);
  }, [onHover]);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave };
}
