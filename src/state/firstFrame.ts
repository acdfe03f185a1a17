// The moment the page's first frame is on screen (issue 16). What that frame does not need waits
// for it: the lazy parts of the page (ui/app/lazyPart.tsx), the editor, the share code, and the
// live run that confirms a timeline drawn from the build's answer (appStore.ts). The app says
// when its first frame has been painted; before that, everything the page fetches or runs
// competes with the first frame for the same two cores.

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
  const once = () => run();
  waiting.add(once);
  return () => waiting.delete(once);
}

/** The first frame is on screen: starts everything that waited for it, once. */
export function markFirstFrameDrawn(): void {
  if (drawn) return;
  drawn = true;
  const all = [...waiting];
  waiting.clear();
  for (const run of all) run();
}

/** For tests: back to before the first frame. */
export function resetFirstFrame(): void {
  drawn = false;
  waiting.clear();
}
