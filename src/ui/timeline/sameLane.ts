// Whether a lane would draw exactly as it did (issue 16): after an edit, most lanes of a big pod
// are unchanged, and renderLanes skips their bars, hooks and sub-rows. Compared are the fields the
// lanes' SVG shows (a bar's times, tone, label and run; a hook's kind, times and failure; the
// sub-rows' names and bars) and the frame they were drawn in; the event indices, titles and
// marks are not in that SVG (hit tests and tooltips read the rows, marks go on the canvas).

import type { Bar, HookBar, Lane, SubRow } from './model';
import type { LaneFrame } from './renderLanes';

const sameBar = (a: Bar, b: Bar) => a.start === b.start && a.end === b.end && a.tone === b.tone && a.label === b.label && a.attempt === b.attempt;
const sameHook = (a: HookBar, b: HookBar) => a.hook === b.hook && a.start === b.start && a.end === b.end && a.failed === b.failed;
const sameSubRow = (a: SubRow, b: SubRow) => a.name === b.name && sameList(a.bars, b.bars, sameBar);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

export function sameFrame(a: LaneFrame, b: LaneFrame): boolean {
  return a.t0 === b.t0 && a.t1 === b.t1
    && a.draw.t0 === b.draw.t0 && a.draw.t1 === b.draw.t1 && a.draw.x0 === b.draw.x0 && a.draw.x1 === b.draw.x1;
}

/** Whether `lane` in frame `f` draws the same bars, hooks and sub-rows as `was` did in `wasFrame`. */
export function drawsTheSame(was: Pick<Lane, 'bars' | 'hooks' | 'subRows'>, wasFrame: LaneFrame, lane: Pick<Lane, 'bars' | 'hooks' | 'subRows'>, f: LaneFrame): boolean {
  return sameFrame(wasFrame, f) && sameList(was.bars, lane.bars, sameBar) && sameList(was.hooks, lane.hooks, sameHook)
    && sameList(was.subRows, lane.subRows, sameSubRow);
}
