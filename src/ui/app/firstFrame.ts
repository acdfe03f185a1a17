// React's side of state/firstFrame.ts: the app says when its first frame is painted, and parts
// that the first frame does not need ask whether it is (issue 16).

import { useEffect, useSyncExternalStore } from 'react';
import { isFirstFrameDrawn, markFirstFrameDrawn, whenFirstFrameDrawn } from '../../state/firstFrame';

/** Whether the first frame is on screen; re-renders once when it is. */
export function useFirstFrameDrawn(): boolean {
  return useSyncExternalStore(whenFirstFrameDrawn, isFirstFrameDrawn, () => false);
}

/**
 * Each in a task of its own, in order: what waited for the first frame (the lazy parts, the share
 * code, the editor, the live run) does not make one long task right after it, so an input, or a
 * test driver's question, is served between two of them (issue 16). A MessageChannel task, as
 * nested timeouts would be clamped to 4 ms each.
 */
function eachInOwnTask(runs: readonly (() => void)[]): void {
  const queue = [...runs];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    queue.shift()?.();
    if (queue.length > 0) channel.port2.postMessage(null);
    else channel.port1.close();
  };
  if (queue.length > 0) channel.port2.postMessage(null);
  else channel.port1.close();
}

/**
 * Marks the first frame drawn once the first commit has been painted: a task queued from the
 * next animation frame's callback runs after that frame's paint.
 */
export function useMarkFirstFrame(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => { timer = setTimeout(() => markFirstFrameDrawn(eachInOwnTask), 0); });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
}
