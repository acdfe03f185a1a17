// When a shell's TERM trap can run ([15.3]). A POSIX shell that receives a trapped signal while it
// waits for a foreground command runs the trap only once that command returns; a `wait` builtin,
// by contrast, returns at once so the trap runs (POSIX "Signals and Error Handling", XCU 2.11;
// dash, busybox ash and bash all behave so). The runtime signals PID 1 only, so the foreground
// child (a `sleep`) never learns of it and runs its full course.

/** A stretch of the script's run, in seconds since the process started, during which a foreground command holds the trap back until `to`. */
export interface Hold {
  from: number;
  to: number;
}

/** A loop repeating the same holds every `period` seconds, from `from` until `end` (Infinity: for ever). */
export interface HoldLoop {
  from: number;
  period: number;
  /** Relative to the start of each period. */
  holds: Hold[];
  end: number;
}

export interface TrapTimeline {
  holds: Hold[];
  loops: HoldLoop[];
}

export const EMPTY_TIMELINE: TrapTimeline = { holds: [], loops: [] };

function holdAt(holds: Hold[], t: number): Hold | undefined {
  return holds.find((h) => h.from <= t && t < h.to);
}

/**
 * Seconds since the process started at which the trap runs for a signal received at `t`
 * (Infinity: the foreground command never returns, so the trap never runs).
 */
export function trapRunsAt(timeline: TrapTimeline, t: number): number {
  const straight = holdAt(timeline.holds, t);
  if (straight) return straight.to;
  for (const loop of timeline.loops) {
    if (t < loop.from || t >= loop.end || loop.period <= 0) continue;
    const k = Math.floor((t - loop.from) / loop.period);
    const start = loop.from + k * loop.period;
    const h = holdAt(loop.holds, t - start);
    if (h) return start + h.to;
  }
  return t;
}

/** The longest a signal can wait for its trap, or undefined when it can wait for ever. */
export function longestHold(timeline: TrapTimeline): number | undefined {
  let worst = 0;
  for (const h of timeline.holds) worst = Math.max(worst, h.to - h.from);
  for (const l of timeline.loops) for (const h of l.holds) worst = Math.max(worst, h.to - h.from);
  return Number.isFinite(worst) ? worst : undefined;
}
