// The moment the page's first frame is on screen (issue 16). What that frame does not need waits
// for it: the lazy parts of the page (ui/app/lazyPart.tsx), the editor, the share code, and the
// live run that confirms a timeline drawn from the build's answer (appStore.ts). The app says
// when its first frame has been painted; before that, everything the page fetches or runs
// competes with the first frame for the same two cores. The page runs what waited each in a task
// of its own (ui/app/firstFrame.ts), not all in one long task, so input (or anything else queued)
// is served between them.

let drawn = false;
const waiting = new Set<() => void>();

export function isFirstFrameDrawn(): boolean {
  return drawn;
}

/** Runs `run` once the first frame is drawn: at once if it already is. Returns a function that cancels it. */
export function whenFirstFrameDrawn(run: () => void): () => void {
  if (drawn) {
    run();
    return () => {};
  }
  let cancelled = false;
  const once = () => { if (!cancelled) run(); };
  waiting.add(once);
  return () => {
    cancelled = true; // also when its turn is already scheduled
    waiting.delete(once);
  };
}

/** Runs each of `runs` now, in order (the default), or as the page schedules them. */
export type Spread = (runs: readonly (() => void)[]) => void;
const allNow: Spread = (runs) => { for (const run of runs) run(); };

/** The first frame is on screen: starts everything that waited for it, once, in order, through `spread`. */
export function markFirstFrameDrawn(spread: Spread = allNow): void {
  if (drawn) return;
  drawn = true;
  const all = [...waiting];
  waiting.clear();
  spread(all);
}

/** For tests: back to before the first frame. */
export function resetFirstFrame(): void {
  drawn = false;
  waiting.clear();
}
