// Behaviour inference from command/args (contract section 1; rulebook [15.1]–[15.3]): how a
// container's process behaves when nobody described it in the Simulation document.

import type { HookBehavior, HookSpec, StopBehavior } from './types';
import { formatSeconds } from './duration';
import { isShellImage, parseImage } from './image';
import { isShell, readArgv, readScript, runArgv, runScript, type Reading, type ScriptResult, type TermHandling, type Userland } from './shellEval';
import type { FileState } from './shellState';
import { flavourOf, imageSh } from './shellFlavour';
import { endsByDefault, signalExitCode } from './stopSignal';
import { EMPTY_TIMELINE, longestHold, type TrapTimeline } from './trapTimeline';

export interface Inferred {
  /** null = long-running. */
  exitAfter: number | null;
  exitCode: number;
  onStop: StopBehavior;
  /** False when the command was not understood and long-running was assumed. */
  understood: boolean;
  note: string;
}

export interface ProcessInput {
  image: string;
  command?: string[];
  args?: string[];
  /** The signal the runtime stops it with ([8.13], stopSignal.ts); SIGTERM when not given. */
  stopSignal?: string;
  /** [15.3] The pod shares a PID namespace (shareProcessNamespace, hostPID): the process is not PID 1. */
  sharedPidNamespace?: boolean;
}

const ignoreNote = (signal: string) => `ignores ${signal} as PID 1, so it is killed at the end of the grace period`;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

function quoteArgv(argv: string[]): string {
  return argv.map((a) => (a === '' || /\s|['"]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** The shell script of `sh -c SCRIPT …`, if argv has that shape. */
export function shellScript(argv: string[]): string | undefined {
  const [head, ...rest] = argv;
  if (!head || !isShell(head)) return undefined;
  const ci = rest.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
  if (ci < 0) return undefined;
  // `sh -c -- SCRIPT`: `--` only ends the options (a common manifest shape: command [sh, -c, --], args [SCRIPT]).
  const at = rest[ci + 1] === '--' ? ci + 2 : ci + 1;
  return rest[at] ?? '';
}

/**
 * `image`: whose /bin/sh reads a `sh -c` script ([15.3], shellFlavour.ts); unknown for an exec'd
 * command's run time. `signal`: what stops the container ([8.13]), the one a trap must name.
 */
function analyse(argv: string[], image: string | undefined, signal: string): { result: ScriptResult; shown: string; viaShell: boolean } {
  const script = shellScript(argv);
  if (script !== undefined) {
    const sh = image === undefined ? 'posix' : imageSh(image);
    return { result: runScript(script, 0, flavourOf(argv[0] ?? '', sh), sh, signal), shown: shorten(script), viaShell: true };
  }
  return { result: runArgv(argv, signal), shown: shorten(quoteArgv(argv)), viaShell: false };
}

/** The part of a timeline that matters once the trap is set. */
function after(timeline: TrapTimeline, armedAt: number): TrapTimeline {
  return {
    holds: timeline.holds.filter((h) => h.to > armedAt),
    loops: timeline.loops.filter((l) => l.end > armedAt),
  };
}

function trapText(term: Extract<TermHandling, { kind: 'trap' }>, signal: string): string {
  const takes = term.seconds > 0 ? ` after ${formatSeconds(term.seconds)}` : '';
  const set = term.armedAt > 0 ? ` (set ${formatSeconds(term.armedAt)} after the start; a ${signal} before that is ignored)` : '';
  const trapName = `${signal.replace(/^SIG/, '')} trap`;
  const w = term.onlyDuring;
  if (w) {
    const always = w.from <= term.armedAt && !Number.isFinite(w.to);
    const when = always ? '' : ` if ${signal} comes during its final wait (${formatSeconds(w.from)}–${Number.isFinite(w.to) ? formatSeconds(w.to) : 'end'}); at other times the shell goes on`;
    return `its ${trapName} does not exit, but it interrupts the wait the script ends after, so it exits ${term.exitCode}${takes || ' at once'}${when}`;
  }
  const longest = longestHold(after(term.timeline, term.armedAt));
  if (longest === 0) return `its ${trapName} exits ${term.exitCode}${takes}${set}`;
  const wait = longest === undefined
    ? 'once the foreground command it is running returns, which may be never'
    : `once the foreground command it is running returns (up to ${formatSeconds(longest)})`;
  return `its ${trapName} exits ${term.exitCode}${takes}, but a shell runs a trap only ${wait}${set}`;
}

function stopFrom(term: TermHandling, signal: string): { onStop: StopBehavior; text: string } {
  if (term.kind === 'trap') {
    const trap = { armedAt: term.armedAt, timeline: after(term.timeline, term.armedAt), ...(term.onlyDuring ? { onlyDuring: term.onlyDuring } : {}) };
    const plain = trap.armedAt === 0 && longestHold(trap.timeline) === 0 && !term.onlyDuring;
    const text = trapText(term, signal) + (term.seconds === 0 && plain ? ' at once' : '');
    return { onStop: plain ? { kind: 'exit', after: term.seconds, exitCode: term.exitCode } : { kind: 'exit', after: term.seconds, exitCode: term.exitCode, trap }, text };
  }
  if (term.kind === 'program' && term.at !== undefined) {
    // [15.3] the shell is PID 1 until it execs: a signal before that is lost, as before a trap.
    const what = term.lastCommand ? `its last command, ${term.name},` : term.name;
    return {
      onStop: { kind: 'exit', after: 0, exitCode: 0, trap: { armedAt: term.at, timeline: EMPTY_TIMELINE, exec: term.name } },
      text: `the shell is PID 1 and ignores ${signal} until it execs ${what} ${formatSeconds(term.at)} after the start; ${term.name} is then assumed to stop at once with code 0`,
    };
  }
  if (term.kind === 'program') {
    const execd = term.lastCommand ? `the shell execs its last command, ${term.name}, as PID 1, ` : '';
    return { onStop: { kind: 'exit', after: 0, exitCode: 0 }, text: `${execd}assumed to stop at once on ${signal} with code 0` };
  }
  if (term.kind === 'forward') {
    // The child has no handler we know of: the signal's default action decides (signal(7)).
    if (!endsByDefault(signal)) return { onStop: { kind: 'ignore' }, text: `${term.init} forwards ${signal}, which does not end a process by default, so it is killed at the end of the grace period` };
    const code = signalExitCode(signal);
    return { onStop: { kind: 'exit', after: 0, exitCode: code }, text: `${term.init} forwards ${signal}, so it ends at once with ${code}` };
  }
  return { onStop: { kind: 'ignore' }, text: ignoreNote(signal) };
}

function fromResult(result: ScriptResult, shown: string, viaShell: boolean, signal: string): Inferred {
  const { outcome } = result;
  const stop = stopFrom(result.term, signal);
  switch (outcome.kind) {
    case 'exits': {
      const when = outcome.seconds === 0 ? 'at once' : `after ${formatSeconds(outcome.seconds)}`;
      const note = outcome.seconds === 0
        ? `${shown} → exits ${outcome.exitCode} at once`
        : `${shown} → exits ${outcome.exitCode} ${when}; ${stop.text}`;
      return { exitAfter: outcome.seconds, exitCode: outcome.exitCode, onStop: stop.onStop, understood: true, note };
    }
    case 'never':
      return { exitAfter: null, exitCode: 0, onStop: stop.onStop, understood: true, note: `${shown} → runs until stopped; ${stop.text}` };
    case 'waits':
      return {
        exitAfter: null, exitCode: 0, onStop: stop.onStop, understood: false,
        note: `${shorten(outcome.what)} waits for something the simulator cannot see: assumed long-running (${stop.text}); set exitAfter in the Simulation document`,
      };
    case 'unknown': {
      // A program we do not know, run directly (or exec'd), is taken for a server that handles
      // SIGTERM; inside a shell without a trap, the shell is PID 1 and ignores it.
      const direct = !viaShell || result.term.kind === 'program';
      const st = result.term.kind !== 'program' && direct && result.term.kind !== 'trap' && result.term.kind !== 'forward' ? stopFrom({ kind: 'program', name: '' }, signal) : stop;
      return {
        exitAfter: null, exitCode: 0, onStop: st.onStop, understood: false,
        note: `can't tell what ${shown} does: assumed long-running (${st.text}); describe it in the Simulation document`,
      };
    }
  }
}

/**
 * [15.3] Not PID 1 (the pod shares its PID namespace, pause is PID 1): a signal with no handler
 * takes its default action, so a shell that would ignore it as PID 1 ends at once with 128 + n.
 * (A shell that execs a program later still loses a signal before that: not modelled.)
 */
function notPid1(r: Inferred, signal: string): Inferred {
  if (r.onStop.kind !== 'ignore' || !r.note.includes(ignoreNote(signal)) || !endsByDefault(signal)) return r;
  const code = signalExitCode(signal);
  return {
    ...r, onStop: { kind: 'exit', after: 0, exitCode: code },
    note: r.note.replace(ignoreNote(signal), `is not PID 1 (the pod shares its process namespace, and pause is PID 1), so ${signal} ends it at once with ${code}`),
  };
}

/** How a container's main process behaves, judged from its image, command and args. */
export function inferProcess(c: ProcessInput): Inferred {
  const r = inferAsPid1(c);
  return c.sharedPidNamespace ? notPid1(r, c.stopSignal ?? 'SIGTERM') : r;
}

function inferAsPid1(c: ProcessInput): Inferred {
  const command = c.command ?? [];
  const args = c.args ?? [];
  const image = parseImage(c.image).name || 'the image';
  const signal = c.stopSignal ?? 'SIGTERM';
  if (command.length === 0) {
    if (isShellImage(c.image)) {
      if (args.length === 0) {
        return {
          exitAfter: 0, exitCode: 0, onStop: { kind: 'ignore' }, understood: true,
          note: `no command: ${image}'s default command is a shell, which exits 0 at once without a terminal`,
        };
      }
      const { result, shown, viaShell } = analyse(args, c.image, signal);
      return fromResult(result, shown, viaShell, signal);
    }
    const withArgs = args.length > 0 ? ` with args ${shorten(quoteArgv(args))}` : '';
    return {
      exitAfter: null, exitCode: 0, onStop: { kind: 'exit', after: 0, exitCode: 0 }, understood: true,
      note: `no command: ${image}'s own entrypoint${withArgs}, assumed long-running; stops at once on ${signal} with code 0`,
    };
  }
  const { result, shown, viaShell } = analyse([...command, ...args], c.image, signal);
  return fromResult(result, shown, viaShell, signal);
}

/** Old coreutils (before 8.25, 2016, whose ls prints a name it cannot access bare): the distribution releases that ship one. */
const OLD_COREUTILS: Record<string, RegExp> = {
  centos: /^(centos)?[567](\b|\.|$)/,
  debian: /^(7|8|wheezy|jessie)(\b|\.|-|$)/,
  ubuntu: /^(12\.04|14\.04|precise|trusty)(\b|-|$)/,
  amazonlinux: /^(1|2|2018\.03)(\b|\.|-|$)/,
};

/**
 * Whose `cat`, `ls` and `rm` the image has, for the wording of their errors ([15.4]): busybox in
 * busybox and Alpine images (an ash `sh`, shellFlavour.ts, or the name); GNU coreutils elsewhere,
 * since an image that is not Alpine-based is most often Debian, Ubuntu or Red Hat based (the same
 * assumption as a `sh` that is dash, shellFlavour.ts), with the releases older than coreutils 8.25
 * told apart by tag; unknown for a distroless image (it has no `cat` at all) and without an image.
 */
export function userlandOf(image: string | undefined): Userland | undefined {
  if (image === undefined || /distroless/.test(image)) return undefined;
  const ref = parseImage(image);
  if (ref.name === 'busybox' || ref.name === 'alpine' || imageSh(image) === 'ash') return 'busybox';
  return OLD_COREUTILS[ref.name]?.test(ref.tag ?? '') ? 'gnu-old' : 'gnu';
}

/** Reads `argv` as the image runs it: a `sh -c` script with the image's sh, else the program itself ([15.4]). */
export function readCommand(argv: string[], image: string | undefined, files?: ReadonlyMap<string, FileState>): Reading {
  const userland = userlandOf(image);
  const script = shellScript(argv);
  if (script === undefined) return readArgv(argv, { userland, files });
  const sh = image === undefined ? 'posix' : imageSh(image);
  return readScript(script, flavourOf(argv[0] ?? '', sh), sh, { userland, files });
}

/** How an exec'd command (a hook's, a probe's) ends, when the reader knows its exit code ([15.4]). */
export interface ExecEnd {
  seconds: number;
  exitCode: number;
  /** What it printed on stdout and stderr; null: unknown. */
  stdout: string | null;
  stderr: string | null;
}

/**
 * The end of a command the kubelet execs, its exit code certain (not one the reader assumes for a
 * command it only times), no background job holding its output open; else undefined.
 */
export function execEnd(command: string[] | undefined, image: string | undefined, files?: ReadonlyMap<string, FileState>): ExecEnd | undefined {
  if (!command || command.length === 0) return undefined;
  const r = readCommand(command, image, files);
  if (r.outcome.kind !== 'exits' || !r.sure || r.openOutput) return undefined;
  return { seconds: r.outcome.seconds, exitCode: r.outcome.exitCode, stdout: r.out, stderr: r.err };
}

/**
 * An exec probe's fixed verdict: a command that is literally `exit N`, `true` or `false` (possibly
 * via sh -c), or one the reader follows to a certain non-zero exit (`echo "not ready"; exit 1`, a
 * `cat` of a file the command itself removed, [15.4]).
 */
export function probeVerdict(command: string[] | undefined, image?: string): 'pass' | 'fail' | undefined {
  if (!command || command.length === 0) return undefined;
  const script = shellScript(command);
  const text = (script ?? command.join(' ')).trim().replace(/;\s*$/, '');
  const m = /^(?:\/(?:usr\/)?bin\/)?(true|false|:|exit(?:\s+(\d+))?)$/.exec(text);
  if (!m) return (execEnd(command, image)?.exitCode ?? 0) !== 0 ? 'fail' : undefined;
  if (m[1] === 'true' || m[1] === ':') return 'pass';
  if (m[1] === 'false') return 'fail';
  return Number(m[2] ?? 0) === 0 ? 'pass' : 'fail';
}

/** The argv a container's process runs, as inferProcess reads it; undefined for an image's own entrypoint. */
export function processArgv(c: Pick<ProcessInput, 'image' | 'command' | 'args'>): string[] | undefined {
  const command = c.command ?? [];
  const args = c.args ?? [];
  if (command.length > 0) return [...command, ...args];
  return isShellImage(c.image) && args.length > 0 ? args : undefined;
}

/** How long an exec'd command (a hook's or a probe's) runs, and its exit code ([15.4]). */
export type RunTime =
  | { kind: 'exits'; seconds: number; exitCode: number }
  | { kind: 'never' }
  /** The reader cannot tell; `what` names the part it could not read. */
  | { kind: 'unknown'; what: string };

/** How long `command` takes when the kubelet execs it in the container (probes, hooks). */
export function commandRunTime(command: string[] | undefined): RunTime {
  if (!command || command.length === 0) return { kind: 'unknown', what: 'an empty command' };
  const o = analyse(command, undefined, 'SIGTERM').result.outcome;
  if (o.kind === 'exits' || o.kind === 'never') return o;
  return { kind: 'unknown', what: o.what };
}

/** A hook's default behaviour from its handler: sleep N takes N s; exec is judged like a command. */
export function hookBehavior(h: HookSpec | undefined): HookBehavior {
  if (!h) return { duration: 0, exitCode: 0 };
  if (h.handler === 'sleep') return { duration: h.sleepSeconds ?? 0, exitCode: 0 };
  if (h.handler === 'exec') {
    const o = commandRunTime(h.command);
    if (o.kind === 'exits') return { duration: o.seconds, exitCode: o.exitCode };
    if (o.kind === 'never') return { duration: null, exitCode: 0 };
  }
  return { duration: 0, exitCode: 0 };
}
