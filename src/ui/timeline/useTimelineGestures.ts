// Pointer and wheel on the timeline: drag the lanes to pan, drag on the time axis to scrub the
// cursor, click to put the cursor there and select the event under the pointer, wheel to zoom
// about the pointer (Shift+wheel or a horizontal wheel pans), and hover for the tooltip. On a
// touch screen the same with a finger, and two fingers pinch to zoom about their midpoint; a
// vertical swipe stays the page's scroll (touch-action: pan-y, timeline.css), which cancels ours.

import { useCallback, useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { appStore } from '../../state/appStore';
import { panWindow, zoomWindow, type TimeWindow } from '../../state/view/window';
import { hitTest, type Hit } from './hitTest';
import { pinchWindow, startPinch, type Finger, type PinchStart } from './pinch';
import { AXIS_HEIGHT, type Rows } from './rows';
import { secondsPerPixel, toTime, type TimeScale } from './scale';
import { cssZoomOf } from './cssZoom';

const DRAG_PX = 3;

interface Drag {
  /** `pinch`: two fingers; `done`: a pinch lost a finger, the other does nothing until lifted. */
  mode: 'scrub' | 'press' | 'pan' | 'pinch' | 'done';
  x: number;
  y: number;
  window: TimeWindow;
  pinch?: PinchStart;
}

export interface Gestures {
  onPointerDown(e: PointerEvent<SVGSVGElement>): void;
  onPointerMove(e: PointerEvent<SVGSVGElement>): void;
  onPointerUp(e: PointerEvent<SVGSVGElement>): void;
  onPointerCancel(e: PointerEvent<SVGSVGElement>): void;
  onPointerLeave(): void;
}

export function useTimelineGestures(
  svgRef: RefObject<SVGSVGElement | null>, rows: Rows | null, scaleNow: { readonly current: TimeScale }, end: number,
  onHover: (hit: (Hit & { x: number; y: number }) | null) => void,
): Gestures {
  const drag = useRef<Drag | null>(null);
  const fingers = useRef(new Map<number, Finger>());
  // The scale is read from scaleNow when a gesture needs it: a pan frame moves it without a render.
  const latest = useRef({ rows, end });
  latest.current = { rows, end };

  // In the timeline's own pixels: presenter mode's CSS zoom enlarges what the pointer sees.
  const local = (e: { clientX: number; clientY: number }, el: Element) => {
    const box = el.getBoundingClientRect();
    const zoom = cssZoomOf(el);
    return { x: (e.clientX - box.left) / zoom, y: (e.clientY - box.top) / zoom };
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      const { end: total } = latest.current;
      const s = scaleNow.current;
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
  }, [svgRef, scaleNow]);

  const onPointerDown = useCallback((e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const p = local(e, e.currentTarget);
    const s = scaleNow.current;
    e.currentTarget.setPointerCapture(e.pointerId);
    if (e.pointerType === 'touch') fingers.current.set(e.pointerId, p);
    if (fingers.current.size === 2) {
      const [a, b] = [...fingers.current.values()] as [Finger, Finger];
      onHover(null);
      drag.current = { mode: 'pinch', ...p, window: { t0: s.t0, t1: s.t1 }, pinch: startPinch(s, a, b) };
      return;
    }
    if (fingers.current.size > 2) return;
    const mode = p.y < AXIS_HEIGHT ? 'scrub' : 'press';
    drag.current = { mode, ...p, window: { t0: s.t0, t1: s.t1 } };
    if (mode === 'scrub') appStore.getState().setCursorTime(toTime(s, p.x));
  }, [onHover, scaleNow]);

  const onPointerMove = useCallback((e: PointerEvent<SVGSVGElement>) => {
    const p = local(e, e.currentTarget);
    const d = drag.current;
    const { rows: r, end: total } = latest.current;
    const s = scaleNow.current;
    if (fingers.current.has(e.pointerId)) fingers.current.set(e.pointerId, p);
    if (d?.mode === 'done') return;
    if (d?.mode === 'pinch') {
      const [a, b] = [...fingers.current.values()];
      if (a && b && d.pinch) appStore.getState().setView(pinchWindow(d.pinch, s, a, b, total));
      return;
    }
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
  }, [onHover, scaleNow]);

  const onPointerUp = useCallback((e: PointerEvent<SVGSVGElement>) => {
    fingers.current.delete(e.pointerId);
    const d = drag.current;
    // A pinch ends when both fingers are up; the one lifted last neither pans nor clicks.
    drag.current = d && (d.mode === 'pinch' || d.mode === 'done') && fingers.current.size > 0 ? { ...d, mode: 'done' } : null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (!d || d.mode !== 'press') return;
    const { rows: r } = latest.current;
    const s = scaleNow.current;
    const state = appStore.getState();
    state.setCursorTime(toTime(s, d.x));
    const hit = r ? hitTest(r, s, d.x, d.y) : null;
    state.select(hit ? hit.event : null);
  }, [scaleNow]);

  // The browser took the gesture (a vertical swipe scrolls the page): ours stops where it is.
  const onPointerCancel = useCallback((e: PointerEvent<SVGSVGElement>) => {
    fingers.current.delete(e.pointerId);
    drag.current = fingers.current.size > 0 && drag.current ? { ...drag.current, mode: 'done' } : null;
  }, []);

  const onPointerLeave = useCallback(() => {
    if (!drag.current) onHover(null);
  }, [onHover]);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onPointerLeave };
}
