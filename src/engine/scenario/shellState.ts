// The evaluator's bookkeeping: what a script's run ends in (Outcome), what its PID 1 does with
// SIGTERM (TermHandling, [15.3]), and the mutable state one shell level carries while it is read:
// besides time and status, what it printed on stdout and stderr where the reader can know it, where
// its descriptors 1 and 2 go, and the files it created or removed ([15.4]).

import type { Hold, HoldLoop, TrapTimeline } from './trapTimeline';
import type { Userland } from './shellCommands';
import { signalExitCode } from './stopSignal';

export type Outcome =
  | { kind: 'exits'; seconds: number; exitCode: number }
  | { kind: 'never' }
  /** Waits for something outside the pod (until nslookup…; while [ ! -f … ]). */
  | { kind: 'waits'; what: string }
  /** `program`: the reader stopped at a program it does not know (not at a construct it cannot follow). */
  | { kind: 'unknown'; what: string; program?: true };

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
    /** Reset (`trap - TERM`) after a wait it was set for: later waits are not ones it interrupts. */
    disarmed?: boolean;
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

/** Where writes to a descriptor go: the run's own stdout or stderr, nowhere, a pipe, a file, or somewhere unknown. */
export type Sink = 'out' | 'err' | 'null' | 'pipe' | 'lost' | { file: string };

/** What the reader knows of one file: absent, or there with its content (null: unknown). */
export type FileState = { exists: false } | { exists: true; content: string | null; dir?: true };

/** The files a script created, wrote or removed ([15.4]), shared by every shell level of one run. */
export interface Files {
  /** What is known now, as the reading goes; a path not here is unknown (the image's own files). */
  known: Map<string, FileState>;
  /** Each change, at its time in seconds from the start of the process; undefined: unknown again from then. */
  log: { t: number; path: string; state: FileState | undefined }[];
}

/** Output beyond this many characters is not kept: it is unknown (null). */
export const MAX_OUTPUT = 64 * 1024;

export interface State {
  time: number;
  status: number;
  done: boolean;
  /** What this shell level printed on its stdout and stderr so far; null: unknown. */
  out: string | null;
  err: string | null;
  /** The status is known, not assumed (a command the reader only times is assumed to exit 0). */
  sure: boolean;
  fd1: Sink;
  fd2: Sink;
  files: Files;
  /** Seconds from the process's start to this level's time 0 (a nested shell or a loop body counts from 0). */
  at0: number;
  /** A background job was left writing to the run's stdout or stderr: an exec waits for it, so when it ends is unknown. */
  openOutput?: boolean;
  /** A command of this level ran with its stdout or stderr on the run's own output (a background job's holds it open). */
  touchedOutput?: boolean;
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
  /** Variables set to `$!`, by name: the background job (its index in bgEnds) each names (shellJobs.ts). */
  jobVars?: Map<string, number>;
}

export function finish(s: State, outcome: Outcome): void {
  s.done = true;
  s.outcome = outcome;
}

export function newFiles(known?: ReadonlyMap<string, FileState>): Files {
  return { known: new Map(known), log: [] };
}

export function newState(files: Files = newFiles()): State {
  return {
    time: 0, status: 0, done: false, term: { kind: 'ignore' }, bgEnds: [], holds: [], loops: [],
    out: '', err: '', sure: true, fd1: 'out', fd2: 'err', files, at0: 0,
  };
}

/** A child shell level (subshell, pipeline part, background job, loop body): the same files and descriptors, its own output. */
export function sub(s: State): State {
  return { ...newState(s.files), time: s.time, status: s.status, term: s.term, sure: s.sure, fd1: s.fd1, fd2: s.fd2, at0: s.at0, jobVars: s.jobVars && new Map(s.jobVars) };
}

function join(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  return a.length + b.length > MAX_OUTPUT ? null : a + b;
}

/** Writes `text` (null: something unknown) to descriptor 1 or 2 as they are redirected now. */
export function emit(s: State, fd: 1 | 2, text: string | null): void {
  if (text === '') return;
  const sink = fd === 1 ? s.fd1 : s.fd2;
  if (sink === 'out') s.out = join(s.out, text);
  else if (sink === 'err') s.err = join(s.err, text);
  else if (sink === 'lost') { s.out = null; s.err = null; }
  else if (typeof sink === 'object') {
    const f = s.files.known.get(sink.file);
    setFile(s, sink.file, { exists: true, content: f === undefined ? null : f.exists ? join(f.content, text) : text });
  }
}

/** Adds what a child level printed after this level's own output (it ran in sequence). */
export function absorb(s: State, from: State): void {
  s.out = join(s.out, from.out);
  s.err = join(s.err, from.err);
}

/** Adds what side-by-side children printed: known only while at most one of them wrote to each stream. */
export function absorbParallel(s: State, parts: readonly State[]): void {
  for (const key of ['out', 'err'] as const) {
    const writers = parts.filter((p) => p[key] !== '');
    s[key] = writers.length === 0 ? s[key] : writers.length > 1 ? null : join(s[key], writers[0]![key]);
  }
}

/** Records what a file is from now on (undefined: unknown again). */
export function setFile(s: State, path: string, state: FileState | undefined): void {
  if (state) s.files.known.set(path, state);
  else s.files.known.delete(path);
  s.files.log.push({ t: s.at0 + s.time, path, state });
}

/** Every known file becomes unknown (a write to a path only known at run time may have touched any). */
export function forgetFiles(s: State): void {
  for (const path of [...s.files.known.keys()]) setFile(s, path, undefined);
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
  return { ...term, exitCode, seconds: term.seconds + Math.max(0, rest), resumes: undefined, disarmed: undefined, onlyDuring: w };
}

/** What a run printed and left behind, besides its outcome ([15.4]). */
export interface Reading extends ScriptResult {
  /** stdout and stderr as the run printed them; null: unknown. */
  out: string | null;
  err: string | null;
  /** The exit code is known, not assumed (a command the reader only times is assumed to exit 0). */
  sure: boolean;
  /** A background job still writes to the run's output: an exec waits for it, so the run's end is not known. */
  openOutput: boolean;
  files: Files;
  /** Where the reading stopped, in seconds from the start (for an outcome that is not an exit: where it could read no further). */
  stoppedAt: number;
}

/** How a reading runs: the image's userland (for the wording of cat, ls, rm), and the files known at its start. */
export interface ReadOptions {
  userland?: Userland;
  files?: ReadonlyMap<string, FileState>;
}

/**
 * `wait` ([15.2]): `wait $!` waits for the last background job, `wait` for all of them. One that
 * never ends is a wait only a trapped signal interrupts (status 128 + its number): with a trap
 * that does not exit the reading goes on past it, else the script never gets further.
 */
export function waitFor(s: State, args: readonly { text: string }[], stopSignal: string): void {
  const ends = args.some((a) => a.text === '$!') ? s.bgEnds.slice(-1) : s.bgEnds;
  const resuming = s.main === true && s.term.kind === 'trap' && s.term.resumes === true && s.term.disarmed !== true && !s.continuing;
  s.lastWasWait = true;
  if (ends.some((e) => e === Infinity)) {
    if (!resuming) { finish(s, { kind: 'never' }); return; }
    // Only a trapped signal ends this wait (status 128 + its number, 143 for SIGTERM); read on to see what the script does then.
    s.waitWindow = { from: s.time, to: Infinity };
    s.continuing = true;
    s.status = signalExitCode(stopSignal);
    return;
  }
  const from = s.time;
  s.time = Math.max(s.time, ...ends);
  s.status = 0;
  s.sure = ends.length === 0; // a job's own status is not followed
  if (resuming) s.waitWindow = { from, to: s.time };
}
