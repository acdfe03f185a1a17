// The evaluator's bookkeeping: what a script's run ends in (Outcome), what its PID 1 does with
// SIGTERM (TermHandling, [15.3]), and the mutable state one shell level carries while it is read.

import type { Hold, HoldLoop, TrapTimeline } from './trapTimeline';

export type Outcome =
  | { kind: 'exits'; seconds: number; exitCode: number }
  | { kind: 'never' }
  /** Waits for something outside the pod (until nslookup…; while [ ! -f … ]). */
  | { kind: 'waits'; what: string }
  | { kind: 'unknown'; what: string };

/** What SIGTERM does to the script's PID 1. */
export type TermHandling =
  /**
   * A trap that exits: it takes `seconds` and exits with `exitCode`; it is set `armedAt` seconds
   * after the start (a signal before that is lost: PID 1 ignores it) and runs when `timeline`
   * lets it ([15.3]).
   */
  | {
    kind: 'trap'; exitCode: number; seconds: number; armedAt: number; timeline: TrapTimeline;
    /** The action does not exit: the shell goes on after it (read at the end of the script, see finishTrap). */
    resumes?: boolean;
    /** Only a signal in this stretch (a `wait` the script ends after) ends the process; elsewhere the shell goes on. */
    onlyDuring?: Hold;
  }
  | { kind: 'ignore' }
  /**
   * An unknown program was exec'd as PID 1: assumed to handle SIGTERM like a server. `at`: seconds
   * after the start when the shell execs it (the shell, PID 1 before it, ignores SIGTERM until then).
   */
  | {
    kind: 'program'; name: string; at?: number;
    /** The shell exec'd it as its last command, without an `exec` in the script (bash, busybox ash: shellFlavour.ts). */
    lastCommand?: true;
  }
  /** An init such as tini forwards the stop signal to its child, which dies of it (143 for SIGTERM). */
  | { kind: 'forward'; init: string };

export interface ScriptResult {
  outcome: Outcome;
  term: TermHandling;
  /** The script ended by `exit` (or exec), not by running off its end. */
  explicitExit: boolean;
}

export interface State {
  time: number;
  status: number;
  done: boolean;
  outcome?: Outcome;
  term: TermHandling;
  bgEnds: number[];
  /** Foreground commands of this shell, which would hold a TERM trap back. */
  holds: Hold[];
  loops: HoldLoop[];
  /** Set by `return` inside a function: done, but only up to the function's caller. */
  returning?: boolean;
  /** The script's own shell (not a subshell, pipeline part or background job). */
  main?: boolean;
  /** The last `wait` of the main shell, while a trap that does not exit is set. */
  waitWindow?: Hold;
  /** Reading on past a `wait` that never returns by itself, as if a trapped signal had interrupted it. */
  continuing?: boolean;
  /** The exit status comes from a `wait` (143 once a signal interrupted it). */
  lastWasWait?: boolean;
  /** A trap (on any signal) has been set in this shell ([15.3]: it then forks its last command instead of exec'ing it). */
  trapped?: boolean;
}

export function finish(s: State, outcome: Outcome): void {
  s.done = true;
  s.outcome = outcome;
}

export function newState(): State {
  return { time: 0, status: 0, done: false, term: { kind: 'ignore' }, bgEnds: [], holds: [], loops: [] };
}

export function sub(s: State): State {
  return { ...newState(), time: s.time, status: s.status, term: s.term };
}

/** The shell waits for a foreground child from `from` to `to` (Infinity: it never returns). */
export function hold(s: State, from: number, to: number): void {
  if (to > from) s.holds.push({ from, to });
}

/** Copies a sub-state's holds and loops, shifted by `offset` seconds. */
export function adopt(s: State, from: State, offset = 0): void {
  for (const h of from.holds) s.holds.push({ from: h.from + offset, to: h.to + offset });
  for (const l of from.loops) s.loops.push({ ...l, from: l.from + offset, end: l.end + offset });
}

/** A nested shell's trap, in the outer process's seconds (it was exec'd `by` seconds in). */
export function shiftTerm(term: TermHandling, by: number): TermHandling {
  if (term.kind !== 'trap' || by === 0) return term;
  const { holds, loops } = term.timeline;
  return {
    ...term,
    ...(term.onlyDuring ? { onlyDuring: { from: term.onlyDuring.from + by, to: term.onlyDuring.to + by } } : {}),
    armedAt: term.armedAt + by,
    timeline: {
      holds: holds.map((h) => ({ from: h.from + by, to: h.to + by })),
      loops: loops.map((l) => ({ ...l, from: l.from + by, end: l.end + by })),
    },
  };
}

/**
 * A trap whose action does not exit: a signal that interrupts the script's last `wait` lets the
 * script run on to its end (`trap : TERM; sleep infinity & wait` exits 143 at once: `interrupted`,
 * the interrupted wait's status, 128 + the signal's number); anywhere else the shell carries on as
 * if nothing happened, which reads as ignoring the signal.
 */
export function finishTrap(s: State, outcome: Outcome, interrupted = 143): TermHandling {
  const term = s.term;
  if (term.kind !== 'trap' || !term.resumes) return term;
  const w = s.waitWindow;
  if (!w || outcome.kind !== 'exits') return { kind: 'ignore' };
  const rest = outcome.seconds - (Number.isFinite(w.to) ? w.to : w.from);
  const exitCode = s.lastWasWait ? interrupted : outcome.exitCode;
  return { ...term, exitCode, seconds: term.seconds + Math.max(0, rest), resumes: undefined, onlyDuring: w };
}
