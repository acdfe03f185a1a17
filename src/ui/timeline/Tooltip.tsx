// What happened under the pointer: the event, its details and its `why`. Text only: scenario
// strings (names, reasons) are rendered as text nodes, never as HTML. It opens below the pointer,
// or above it where below would run past the bottom of the window or of the pane that scrolls it
// (the last lanes on a projector, or in the presenter at 1280x720).

import { useLayoutEffect, useRef } from 'react';
import type { TraceEvent } from '../../engine/trace';
import { cssZoomOf } from './cssZoom';
import { eventDetail, eventTitle } from './eventText';

/**
 * The tooltip's top in the timeline's pixels: below the pointer (`y`), unless its bottom there
 * (`overflow` > 0: that many pixels past the window) would be cut and the room above the pointer
 * (`roomAbove`) holds it.
 */
export function tooltipTop(y: number, height: number, overflow: number, roomAbove: number): number {
  if (overflow <= 0 || roomAbove < height + 10) return y + 16;
  return y - height - 10;
}

export function Tooltip({ event, x, y, width }: { event: TraceEvent; x: number; y: number; width: number }) {
  const left = Math.min(x + 14, Math.max(8, width - 340));
  const ref = useRef<HTMLDivElement>(null);
  // Placed before the browser paints: below first, then measured against the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.top = `${y + 16}px`;
    const zoom = cssZoomOf(el);
    const box = el.getBoundingClientRect();
    // The window's bottom, or the scrolling pane's when that comes first (the presenter at 1280x720).
    const pane = el.closest('.pane')?.getBoundingClientRect();
    const overflow = box.bottom - (Math.min(window.innerHeight, pane?.bottom ?? Infinity) - 4);
    el.style.top = `${tooltipTop(y, el.offsetHeight, overflow, (box.top - 16 * zoom) / zoom)}px`;
  }, [y, event]);
  return (
    <div ref={ref} className="timeline-tooltip" role="tooltip" data-testid="tooltip" style={{ left }}>
      <p className="tooltip-title">{eventTitle(event)}</p>
      {eventDetail(event) && <p className="tooltip-detail">{eventDetail(event)}</p>}
      <p className="tooltip-why" data-testid="tooltip-why">{event.why}</p>
    </div>
  );
}
