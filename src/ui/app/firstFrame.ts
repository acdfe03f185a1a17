// React's side of state/firstFrame.ts: the app says when its first frame is painted, and parts
// that the first frame does not need ask whether it is (issue 16).

import { useEffect, useSyncExternalStore } from 'react';
import { isFirstFrameDrawn, markFirstFrameDrawn, whenFirstFrameDrawn } from '../../state/firstFrame';

/** Whether the first frame is on screen; re-renders once when it is. */
export function useFirstFrameDrawn(): boolean {
  return useSyncExternalStore(whenFirstFrameDrawn, isFirstFrameDrawn, () => false);
}

/**
 * Marks the first frame drawn once the first commit has been painted: a task queued from the
 * next animation frame's callback runs after that frame's paint.
 */
export function useMarkFirstFrame(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(markFirstFrameDrawn, 0); });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
}
