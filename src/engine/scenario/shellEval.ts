// Running a parsed shell script in the imagination: how long until it exits, with which code,
// and what it does with SIGTERM ([15.1]–[15.3]). Anything we cannot know makes the result
// 'unknown'. Besides the outcome it records when a TERM trap could run: a POSIX shell defers a
// trap while a foreground command runs, but `wait` returns at once (trapTimeline.ts); and, for a
// command the kubelet execs, what it printed and which files it made or removed ([15.4]).

import { parseShell, ShellSyntaxError, type AndOr, type Cmd, type List, type Pipeline, type Redir, type Word } from './shellParse';
import {
  absorb, absorbParallel, finish, finishTrap, hold, newFiles, newState, shiftTerm, sub, waitFor,
  type FileState, type Outcome, type Reading, type ReadOptions, type ScriptResult, type State,
} from './shellState';
import { applyRedirs, INSTANT, runKnown, setTrap, SHELLS, unknownEffects, type Userland } from './shellCommands';
import { signalExitCode } from './stopSignal';
import { runFor, runIf, runLoop } from './shellCompound';
import { execsLastCommand, flavourOf, type ShellFlavour } from './shellFlavour';
import { baseName, sleepSeconds, wordsText } from './shellWords';
import { assign, killJobs, waitArgs } from './shellJobs';
import { runTimeout } from './shellTimeout';

export type { Outcome, ReadOptions, Reading, ScriptResult, TermHandling } from './shellState';
export { isShell, type Userland } from './shellCommands';

/** Functions calling functions deeper than this are not followed. */
const MAX_CALL_DEPTH = 16;

class Evaluator {
  private readonly functions = new Map<string, Cmd>();
  private calls = 0;
  private readonly bash: boolean;
  /**
   * `flavour`: the shell reading this script; `imageSh`: the image's /bin/sh, for the shells the
   * script starts by that name; `stopSignal`: the signal the container is stopped with ([8.13]),
   * the one a `trap` must name to handle it.
   */
  constructor(
    private depth = 0, private readonly flavour: ShellFlavour = 'posix', private readonly imageSh: ShellFlavour = 'posix',
    private readonly stopSignal = 'SIGTERM', private readonly userland?: Userland,
  ) {
    this.bash = flavour === 'bash';
  }

  /**
   * The script of `sh -c`: its list, the last command exec'd where this shell does so ([15.3],
   * shellFlavour.ts): the last pipeline of the last and-or list, when it is one simple command
   * that is not negated, not a function of the script, and no trap has been set by then (bash:
   * and it has no redirection). It then runs as `exec` would run it, without the shell's trap.
   */
  script(s: State, list: List): void {
    const last = list[list.length - 1];
    if (!execsLastCommand(this.flavour) || !last || last.background) { this.list(s, list); return; }
    this.list(s, list.slice(0, -1));
    if (s.done) return;
    const chain = [{ op: undefined as '&&' | '||' | undefined, p: last.first }, ...last.rest];
    for (let i = 0; i < chain.length; i++) {
      if (s.done) return;
      const { op, p } = chain[i]!;
      if (op !== undefined && (op === '&&') !== (s.status === 0)) continue;
      const only = p.cmds.length === 1 && !p.negate ? p.cmds[0] : undefined;
      if (i === chain.length - 1 && only?.t === 'simple' && this.execs(s, only.words)) {
        this.simpleCmd(s, only.words, true, only.assigns);
        if (s.term.kind === 'program') s.term = { ...s.term, lastCommand: true };
        if (!s.done) finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status });
        return;
      }
      this.pipeline(s, p);
    }
  }

  /** Whether the shell execs this last simple command instead of forking it (see `script`). */
  private execs(s: State, words: Word[]): boolean {
    const head = words[0];
    if (!head || head.dynamic || head.text === 'exec' || s.trapped || this.functions.has(head.text)) return false; // an `exec` of its own needs none
    return !(this.bash && words.some((w) => w.redirected));
  }

  /** `list` as a function of its own, for the compound commands (shellCompound.ts). */
  private readonly run = (s: State, list: List): void => this.list(s, list);

  list(s: State, list: List): void {
    for (const ao of list) {
      if (s.done) return;
      if (ao.background) {
        const bg = sub(s);
        const logged = s.files.log.length;
        this.andOr(bg, ao);
        const end = bg.done && bg.outcome?.kind !== 'exits' ? Infinity : bg.time;
        if (bg.done && (bg.outcome?.kind === 'unknown' || bg.outcome?.kind === 'waits')) { finish(s, bg.outcome); return; }
        s.bgEnds.push(end);
        s.status = 0;
        s.sure = true;
        // [15.4] Its output comes at times of its own, and an exec waits until no job holds the output open.
        if (bg.out !== '') s.out = null;
        if (bg.err !== '') s.err = null;
        if (bg.touchedOutput || bg.openOutput) s.openOutput = true;
        // Its files change at its own times (kept in the log); the shell reading on cannot rely on them.
        for (const e of s.files.log.slice(logged)) s.files.known.delete(e.path);
        continue;
      }
      this.andOr(s, ao);
    }
  }

  private andOr(s: State, ao: AndOr): void {
    this.pipeline(s, ao.first);
    for (const { op, p } of ao.rest) {
      if (s.done) return;
      if ((op === '&&') === (s.status === 0)) this.pipeline(s, p);
    }
  }

  private pipeline(s: State, p: Pipeline): void {
    if (p.cmds.length === 1) {
      const only = p.cmds[0];
      if (only) this.command(s, only);
    } else {
      // Commands of a pipeline run side by side, as children; the pipeline ends with the last one.
      // Each but the last writes its stdout into the pipe ([15.4]).
      const start = s.time;
      let end = start;
      const parts: State[] = [];
      for (const [i, cmd] of p.cmds.entries()) {
        const part = sub(s);
        parts.push(part);
        part.time = start;
        if (i < p.cmds.length - 1) part.fd1 = 'pipe';
        this.command(part, cmd);
        if (part.openOutput) s.openOutput = true;
        if (part.done) {
          if (part.outcome?.kind === 'exits') { s.status = part.outcome.exitCode; s.sure = part.sure; end = Math.max(end, part.time); continue; }
          hold(s, start, Infinity);
          if (part.outcome) finish(s, part.outcome);
          return;
        }
        end = Math.max(end, part.time);
        s.status = part.status;
        s.sure = part.sure;
      }
      absorbParallel(s, parts);
      hold(s, start, end);
      s.time = end;
    }
    if (p.negate && !s.done) s.status = s.status === 0 ? 1 : 0;
  }

  private command(s: State, cmd: Cmd): void {
    if (cmd.t === 'simple') { this.simpleCmd(s, cmd.words, false, cmd.assigns); return; }
    if (cmd.t === 'func') { this.functions.set(cmd.name, cmd.body); s.status = 0; s.sure = true; return; }
    const saved = cmd.redirs ? applyRedirs(s, cmd.redirs) : undefined;
    switch (cmd.t) {
      case 'group': this.group(s, cmd.body, cmd.subshell); break;
      case 'loop': runLoop(s, cmd, this.run); break;
      case 'for': runFor(s, cmd.items, cmd.body, this.bash, this.run); break;
      case 'if': runIf(s, cmd, this.run); break;
    }
    if (saved) { s.fd1 = saved.fd1; s.fd2 = saved.fd2; }
  }

  /**
   * A simple command with its redirections ([15.4]): they hold while it runs; `exec` with only
   * redirections keeps them for the rest of the script.
   */
  private simpleCmd(s: State, words: Word[], exec: boolean, assigns?: Word[]): void {
    if (assigns) { assign(s, assigns); if (words.length === 0) s.status = 0; }
    const redirs: Redir[] = words.flatMap((w) => w.redirs ?? []);
    if (redirs.length === 0) { this.simple(s, words, exec); return; }
    const saved = applyRedirs(s, redirs);
    const keep = words.length === 1 && words[0]!.text === 'exec' && !words[0]!.dynamic;
    this.simple(s, words, exec);
    if (!keep) { s.fd1 = saved.fd1; s.fd2 = saved.fd2; }
  }

  private group(s: State, body: List, subshell: boolean): void {
    if (!subshell) { this.list(s, body); return; }
    // A subshell is a child process: the shell waits for it as for any foreground command.
    const start = s.time;
    const inner = sub(s);
    this.list(inner, body);
    absorb(s, inner);
    s.sure = inner.sure;
    if (inner.openOutput) s.openOutput = true;
    const ended = !inner.done || inner.outcome?.kind === 'exits';
    hold(s, start, ended ? inner.time : Infinity);
    if (inner.done && inner.outcome?.kind === 'exits') {
      s.time = inner.time;
      s.status = inner.outcome.exitCode;
      return;
    }
    s.time = inner.time;
    s.status = inner.status;
    if (inner.done && inner.outcome) finish(s, inner.outcome);
  }

  /** Runs a function defined earlier in the script, in this shell. */
  private call(s: State, body: Cmd): void {
    if (++this.calls > MAX_CALL_DEPTH) { finish(s, { kind: 'unknown', what: 'functions calling functions too deeply' }); return; }
    try {
      this.command(s, body);
    } finally {
      this.calls--;
    }
    if (s.returning) { s.returning = false; s.done = false; s.outcome = undefined; }
  }

  simple(s: State, words: Word[], exec: boolean): void {
    if (words.length === 0) return;
    const [head, ...args] = words;
    if (!head) return;
    const keepsStatus = (head.text === 'exit' || head.text === 'return') && (args.length === 0 || args[0]?.text === '$?');
    if (head.text !== 'wait' && !keepsStatus) s.lastWasWait = false;
    if (head.dynamic) { hold(s, s.time, Infinity); finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
    const fn = !exec ? this.functions.get(head.text) : undefined;
    if (fn) { this.call(s, fn); return; }
    const name = baseName(head.text);
    if ([s.fd1, s.fd2].some((k) => k === 'out' || k === 'err' || k === 'lost')) s.touchedOutput = true;
    const after = (): void => {
      // After `exec X` the shell is gone: the process ends when X does.
      if (exec && !s.done) finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status });
    };
    switch (name) {
      case 'sleep': {
        const secs = sleepSeconds(args);
        if (secs === null) { hold(s, s.time, Infinity); finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
        if (!exec) hold(s, s.time, s.time + secs);
        if (secs === Infinity) { finish(s, { kind: 'never' }); return; }
        s.time += secs;
        s.status = 0;
        s.sure = true;
        after();
        return;
      }
      case 'exit': case 'return': {
        const a = args[0];
        let code = s.status;
        if (a && a.text !== '$?') {
          if (a.dynamic || !/^-?\d+$/.test(a.text)) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
          code = ((Number(a.text) % 256) + 256) % 256;
          s.sure = true;
        }
        if (name === 'return' && this.calls > 0) { s.status = code; s.returning = true; s.done = true; return; }
        finish(s, { kind: 'exits', seconds: s.time, exitCode: code });
        return;
      }
      case 'true': case ':': s.status = 0; s.sure = true; after(); return;
      case 'false': s.status = 1; s.sure = true; after(); return;
      case 'read': s.status = 1; s.sure = true; after(); return; // no terminal: stdin is at EOF at once
      case 'wait': waitFor(s, waitArgs(s, args), this.stopSignal); return;
      case 'kill': if (killJobs(s, args)) { after(); return; } break;
      case 'trap': setTrap(s, args, this.stopSignal, (src) => this.handler(src, s.jobVars)); return;
      case 'exec': {
        if (args.length === 0) return;
        s.term = { kind: 'ignore' };
        this.simple(s, args, true);
        if (!s.done) finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status });
        return;
      }
      case 'tail':
        if (args.some((a) => /^(-[a-zA-Z]*[fF][a-zA-Z]*|--follow(=.*)?)$/.test(a.text))) { hold(s, s.time, Infinity); finish(s, { kind: 'never' }); return; }
        unknownEffects(s, args); s.status = 0; after(); return;
      case 'yes': hold(s, s.time, Infinity); finish(s, { kind: 'never' }); return;
      case 'busybox':
        // `busybox sleep 10` runs the applet; `busybox sh -c …` a shell, busybox's ash.
        if (args[0] && SHELLS.has(baseName(args[0].text))) { this.nestedShell(s, args.slice(1), exec, wordsText(words), 'ash'); return; }
        if (args[0] && !args[0].text.startsWith('-')) { this.simple(s, args, exec); return; }
        break;
      case 'env': case 'nohup': case 'nice': {
        const rest = args.findIndex((a) => !a.text.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a.text));
        if (rest < 0) { unknownEffects(s, args); s.status = 0; after(); return; } // `env` alone prints the environment
        this.simple(s, args.slice(rest), exec);
        return;
      }
      case 'tini': case 'dumb-init': {
        const rest = args.findIndex((a) => !a.text.startsWith('-'));
        if (rest < 0) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
        this.simple(s, args.slice(rest), exec);
        if (exec) s.term = { kind: 'forward', init: name };
        return;
      }
      case 'timeout': runTimeout(s, args, wordsText(words), (inner, cmd) => this.simple(inner, cmd, false), after); return;
      default: break;
    }
    if (SHELLS.has(name)) { this.nestedShell(s, args, exec, wordsText(words), flavourOf(name, this.imageSh)); return; }
    if (runKnown(s, name, head.text, args, this.userland)) { after(); return; }
    if (INSTANT.has(name)) { unknownEffects(s, args); s.status = 0; after(); return; }
    if (exec) s.term = s.time > 0 ? { kind: 'program', name, at: s.time } : { kind: 'program', name };
    else hold(s, s.time, Infinity); // a program we cannot read: the shell waits for it, for ever as far as we know
    finish(s, { kind: 'unknown', what: wordsText(words), program: true });
  }

  private nestedShell(s: State, args: Word[], exec: boolean, text: string, flavour: ShellFlavour): void {
    const ci = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.text));
    if (ci < 0) {
      if (args.length === 0 || args.every((a) => a.text.startsWith('-'))) { s.status = 0; if (exec) finish(s, { kind: 'exits', seconds: s.time, exitCode: 0 }); return; }
      finish(s, { kind: 'unknown', what: text });
      return;
    }
    const script = args[args[ci + 1]?.text === '--' ? ci + 2 : ci + 1];
    if (!script || script.dynamic || this.depth > 4) { if (!exec) hold(s, s.time, Infinity); finish(s, { kind: 'unknown', what: text }); return; }
    const start = s.time;
    const inner = read(script.text, this.depth + 1, flavour, this.imageSh, this.stopSignal, this.userland, s);
    absorb(s, inner.state);
    s.sure = inner.state.sure;
    if (inner.state.openOutput) s.openOutput = true;
    if (!exec) hold(s, start, inner.outcome.kind === 'exits' ? start + inner.outcome.seconds : Infinity);
    if (inner.outcome.kind === 'exits') {
      s.time += inner.outcome.seconds;
      s.status = inner.outcome.exitCode;
      if (exec) { s.term = shiftTerm(inner.term, start); finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status }); }
      return;
    }
    if (exec) s.term = shiftTerm(inner.term, start);
    finish(s, inner.outcome);
  }

  /** A trap's action, run in this shell so that it sees the functions defined so far. */
  private handler(src: string, jobVars: State['jobVars']): ScriptResult {
    const list = parsedOrNot(src);
    if (!list) return { outcome: { kind: 'unknown', what: src.trim() }, term: { kind: 'ignore' }, explicitExit: false };
    const h = newState();
    h.jobVars = jobVars && new Map(jobVars);
    this.list(h, list);
    return { outcome: h.outcome ?? { kind: 'exits', seconds: h.time, exitCode: h.status }, term: h.term, explicitExit: h.outcome?.kind === 'exits' };
  }
}

/** The script's commands, or undefined when our reader cannot parse it (the reading is then unknown). */
function parsedOrNot(src: string): List | undefined {
  try {
    return parseShell(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return undefined;
    throw e;
  }
}

/** A script read in a shell state of its own, sharing the parent's files and descriptors when nested. */
function read(
  src: string, depth: number, flavour: ShellFlavour, imageSh: ShellFlavour, stopSignal: string, userland: Userland | undefined,
  parent?: State, files?: ReadonlyMap<string, FileState>,
): ScriptResult & { state: State } {
  const s = newState(parent ? parent.files : newFiles(files));
  if (parent) { s.fd1 = parent.fd1; s.fd2 = parent.fd2; s.at0 = parent.at0 + parent.time; }
  s.main = true;
  const list = parsedOrNot(src);
  if (!list) return { outcome: { kind: 'unknown', what: src.trim() }, term: { kind: 'ignore' }, explicitExit: false, state: s };
  new Evaluator(depth, flavour, imageSh, stopSignal, userland).script(s, list);
  const readOutcome: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  const term = finishTrap(s, readOutcome, signalExitCode(stopSignal));
  // Read on past a wait only a signal ends: without one, the script never gets past it.
  const outcome: Outcome = s.continuing && readOutcome.kind === 'exits' ? { kind: 'never' } : readOutcome;
  return { outcome, term, explicitExit: s.outcome?.kind === 'exits' && !s.continuing, state: s };
}

function reading(r: ScriptResult, s: State): Reading {
  return { ...r, out: s.out, err: s.err, sure: s.sure, openOutput: s.openOutput === true, files: s.files, stoppedAt: s.time };
}

/**
 * Evaluates a script as `sh -c` would run it as PID 1. `flavour`: the shell that reads it (bash
 * expands {1..5}; bash and busybox ash exec the last command, shellFlavour.ts); `imageSh`: what
 * `sh` is in the image, for the shells the script starts; `stopSignal`: what stops the container
 * ([8.13]: a `trap` on TERM does not catch SIGQUIT).
 */
export function runScript(src: string, depth = 0, flavour: ShellFlavour = 'posix', imageSh: ShellFlavour = 'posix', stopSignal = 'SIGTERM'): ScriptResult {
  const { outcome, term, explicitExit } = read(src, depth, flavour, imageSh, stopSignal, undefined);
  return { outcome, term, explicitExit };
}

/** Evaluates a command run directly (no shell): argv[0] is PID 1. */
export function runArgv(argv: string[], stopSignal = 'SIGTERM'): ScriptResult {
  const { outcome, term, explicitExit } = readArgv(argv, {}, stopSignal);
  return { outcome, term, explicitExit };
}

/** runScript, with what the script printed and the files it left ([15.4]). */
export function readScript(src: string, flavour: ShellFlavour, imageSh: ShellFlavour, opts: ReadOptions = {}, stopSignal = 'SIGTERM'): Reading {
  const r = read(src, 0, flavour, imageSh, stopSignal, opts.userland, undefined, opts.files);
  return reading(r, r.state);
}

/** runArgv, with what the command printed and the files it left ([15.4]). */
export function readArgv(argv: string[], opts: ReadOptions = {}, stopSignal = 'SIGTERM'): Reading {
  const words = argv.map((text) => ({ text, dynamic: false }));
  const s = newState(newFiles(opts.files));
  new Evaluator(0, 'posix', 'posix', stopSignal, opts.userland).simple(s, words, true);
  const outcome: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  return reading({ outcome, term: s.term, explicitExit: true }, s);
}
