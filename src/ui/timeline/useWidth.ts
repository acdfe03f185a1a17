// The width of an element, kept up to date with a ResizeObserver. It is first read in a layout
// effect, before the browser paints, and is null until then: the timeline draws nothing at a
// guessed width (it drew at 800 px, then again at the real width, on every first load), and the
// real width's drawing is the first one painted. The observer reads the same `clientWidth`, so
// its first report (the size just read) changes nothing.

import { useLayoutEffect, useState, type RefObject } from 'react';

export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 800): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Reading it lays the page out now. A box not rendered (a hidden pane) is drawn at the
    // fallback, as before; one hidden later keeps its width.
    setWidth(el.clientWidth || fallback);
    const observer = new ResizeObserver(() => {
      if (el.clientWidth) setWidth(el.clientWidth);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
