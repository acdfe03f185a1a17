// Work that must not compete with an edit's run (issue 16: a keystroke redraws the timeline within
// two frames): the YAML language worker's requests (completion, validation, folding), the address
// bar's link and the saved text. On two cores, the engine worker, the page and monaco-yaml's
// worker (95–139 ms of CPU for a validation of a big pod) took turns; now such work waits until
// the engine has answered the text of the moment (the store's `running` is false) and the frame
// that draws that answer is painted, or until `maxMs` has passed: the wait only moves work behind
// the redraw, it never starves it. A run that says how far it is waits like any other: on the
// 40-container pod a keystroke's run crosses the progress threshold about one time in four, and
// letting the language worker in then made those keystrokes the slowest (issue 16).

import type { AppState, AppStore } from './store';

/** The longest an edit's run holds the work back. */
export const AFTER_ANSWER_MAX_MS = 600;

/** Calls `run` after the next frame is painted (a task queued from an animation frame runs after its paint). */
export type AfterPaint = (run: () => void) => () => void;

export const browserAfterPaint: AfterPaint = (run) => {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => { timer = setTimeout(run, 0); });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

export interface AfterAnswerOptions {
  maxMs?: number;
  afterPaint?: AfterPaint;
}

/** Whether the engine is working on a run for the text of now. */
const holding = (s: AppState) => s.running;

/**
 * Calls `run` once the store holds the engine's answer to the current text and its frame is
 * painted; without a run under way, in a microtask. It looks in a microtask, so a caller
 * that hears a text change before the runner does (a store listener registered first) still waits
 * for that change's run. Returns a function that cancels it.
 */
export function afterAnswer(store: AppStore, run: () => void, opts: AfterAnswerOptions = {}): () => void {
  const { maxMs = AFTER_ANSWER_MAX_MS, afterPaint = browserAfterPaint } = opts;
  let done = false;
  let stop = () => {};
  const finish = () => {
    if (done) return;
    done = true;
    stop();
    run();
  };
  queueMicrotask(() => {
    if (done) return;
    if (!holding(store.getState())) {
      finish();
      return;
    }
    let cancelPaint = () => {};
    const unsubscribe = store.subscribe((s) => {
      if (holding(s) || done) return;
      unsubscribe();
      // The answer is in the store, and React rendered it with this update: run once it is on screen.
      cancelPaint = afterPaint(finish);
    });
    const cap = setTimeout(finish, maxMs);
    stop = () => {
      unsubscribe();
      clearTimeout(cap);
      cancelPaint();
    };
  });
  return () => {
    done = true;
    stop();
  };
}

/** The same as a promise, for code that awaits (the YAML worker's requests). */
export function whenAnswered(store: AppStore, opts: AfterAnswerOptions = {}): Promise<void> {
  return new Promise((resolve) => { afterAnswer(store, resolve, opts); });
}
