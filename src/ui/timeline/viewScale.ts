// The timeline's scale follows the store's view without re-rendering React (issue 16: a pan or
// zoom frame only moves the drawn layer and redraws the axis). `scaleFollower` remembers the last
// scale per (view, scaleOf) so the same view gives the same object, and tells its listener about
// each later view change; `useViewScale` is its React glue.

import { useLayoutEffect, useRef } from 'react';
import { appStore } from '../../state/appStore';
import type { TimeWindow } from '../../state/view/window';
import type { TimeScale } from './scale';

export type ScaleOf = (view: TimeWindow | null) => TimeScale;

interface Latest {
  view: TimeWindow | null;
  scaleOf: ScaleOf;
  scale: TimeScale;
}

/** The scale of `view` under `scaleOf`, reusing `latest` when neither changed. */
export function followScale(latest: Latest | null, view: TimeWindow | null, scaleOf: ScaleOf): Latest {
  if (latest && latest.view === view && latest.scaleOf === scaleOf) return latest;
  return { view, scaleOf, scale: scaleOf(view) };
}

/**
 * The scale of the store's view now (read at render, not subscribed); later view changes call
 * `onScale` from the store's listener, and the next render returns the scale they gave.
 */
export function useViewScale(scaleOf: ScaleOf, onScale: (scale: TimeScale) => void): TimeScale {
  const latest = useRef<Latest | null>(null);
  latest.current = followScale(latest.current, appStore.getState().view, scaleOf);
  const listener = useRef(onScale);
  listener.current = onScale;

  useLayoutEffect(() => {
    const follow = (view: TimeWindow | null) => {
      const prev = latest.current;
      const next = followScale(prev, view, scaleOf);
      if (next === prev) return;
      latest.current = next;
      listener.current(next.scale);
    };
    // The view may have moved between the render and this effect.
    follow(appStore.getState().view);
    return appStore.subscribe((s, prev) => {
      if (s.view !== prev.view) follow(s.view);
    });
  }, [scaleOf]);

  return latest.current.scale;
}
