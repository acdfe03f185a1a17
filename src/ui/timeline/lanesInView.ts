// Which lanes are on screen (issue 16): an edit of a 40-container pod changes every lane, but a
// screen shows a dozen. The lanes' names in the fixed layer are watched with an
// IntersectionObserver (no layout is read while drawing: the browser says when a name enters or
// leaves the screen, whichever element scrolls), so a redraw can draw the lanes in view at once
// and leave the others for idle time (useTimelineDraw). A lane not yet seen by the observer
// counts as in view, and without IntersectionObserver every lane does.

/** A lane's key, as renderLanes and renderLaneFrames bind lanes: `kind/name`. */
export type LaneKey = string;

export interface LanesInView {
  /** Watches the lane names under `frames` (renderLaneFrames' groups, each bound to its lane). */
  watch(frames: Element): void;
  /** Whether the lane may be on screen now. */
  shows(key: LaneKey): boolean;
  disconnect(): void;
}

/** Lanes this far below or above the screen count as in view (they are a scroll away). */
const MARGIN = '200px 0px';

type Observe = (onChange: (entries: readonly { target: Element; isIntersecting: boolean }[]) => void, margin: string) => {
  observe(el: Element): void;
  disconnect(): void;
} | null;

const browserObserver: Observe = (onChange, margin) => (typeof IntersectionObserver === 'undefined'
  ? null
  : new IntersectionObserver((entries) => onChange(entries), { rootMargin: margin }));

export function lanesInView(keyOf: (el: Element) => LaneKey | undefined, observe: Observe = browserObserver): LanesInView {
  const offScreen = new Set<LaneKey>();
  const watched = new WeakSet<Element>();
  const observer = observe((entries) => {
    for (const { target, isIntersecting } of entries) {
      const key = keyOf(target);
      if (key === undefined) continue;
      if (isIntersecting) offScreen.delete(key);
      else offScreen.add(key);
    }
  }, MARGIN);
  return {
    watch(frames) {
      if (!observer) return;
      for (let el = frames.firstElementChild; el; el = el.nextElementSibling) {
        if (watched.has(el) || keyOf(el) === undefined) continue;
        watched.add(el);
        observer.observe(el);
      }
    },
    shows: (key) => !offScreen.has(key),
    disconnect() {
      observer?.disconnect();
      offScreen.clear();
    },
  };
}

/**
 * `rows` with only the lanes `shows` says are on screen (the same object when all are): what the
 * marks' canvas draws at once after an edit, the rest following with the lanes left for idle time
 * (its glyphs cost ~10 µs each to raster, and a 40-container pod has ~1,850).
 */
export function rowsInView<R extends { lanes: readonly L[] }, L extends { kind: string; name: string }>(rows: R, shows: (key: LaneKey) => boolean): R {
  const lanes = rows.lanes.filter((l) => shows(`${l.kind}/${l.name}`));
  return lanes.length === rows.lanes.length ? rows : { ...rows, lanes };
}
