// Click or drag on the plot to move the cursor: pointer x -> time, with pointer capture so a
// drag keeps working outside the SVG.

import { useCallback, useRef, type PointerEvent } from 'react';
import { toTime, type TimeScale } from './scale';

export function useCursorDrag(scale: TimeScale, onTime: (t: number) => void) {
  const dragging = useRef(false);

  const timeAt = useCallback(
    (e: PointerEvent<SVGSVGElement>) => toTime(scale, e.clientX - e.currentTarget.getBoundingClientRect().left),
    [scale],
  );

  const onPointerDown = useCallback((e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    onTime(timeAt(e));
  }, [onTime, timeAt]);

  const onPointerMove = useCallback((e: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) onTime(timeAt(e));
  }, [onTime, timeAt]);

  const onPointerUp = useCallback((e: PointerEvent<SVGSVGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
