// Running a parsed shell script in the imagination: how long until it exits, with which code,
// and what it does with SIGTERM ([15.1]–[15.3]). Anything we cannot know makes the result
// 'unknown'. Besides the outcome it records when a TERM trap could run: a POSIX shell defers a
// trap while a foreground command runs, but `wait` returns at once (trapTimeline.ts).

import { parseShell, ShellSyntaxError, type AndOr, type Cmd, type List, type Pipeline, type Word } from './shellParse';
import { finish, finishTrap, hold, newState, shiftTerm, sub, type Outcome, type ScriptResult, type State } from './shellState';
import { INSTANT, SHELLS } from './shellCommands';
import { namesSignal, signalExitCode } from './stopSignal';
import { runFor, runIf, runLoop } from './shellCompound';
import { execsLastCommand, flavourOf, type ShellFlavour } from './shellFlavour';
import { baseName, sleepSeconds, wordsText } from './shellWords';

export type { Outcome, ScriptResult, TermHandling } from './shellState';
export { isShell } from './shellCommands';

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
    private readonly stopSignal = 'SIGTERM',
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
        this.simple(s, only.words, true);
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
        this.andOr(bg, ao);
        const end = bg.done && bg.outcome?.kind !== 'exits' ? Infinity : bg.time;
        if (bg.done && (bg.outcome?.kind === 'unknown' || bg.outcome?.kind === 'waits')) { finish(s, bg.outcome); return; }
        s.bgEnds.push(end);
        s.status = 0;
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
      const start = s.time;
      let end = start;
      for (const cmd of p.cmds) {
        const part = sub(s);
        part.time = start;
        this.command(part, cmd);
        if (part.done) {
          if (part.outcome?.kind === 'exits') { s.status = part.outcome.exitCode; end = Math.max(end, part.time); continue; }
          hold(s, start, Infinity);
          if (part.outcome) finish(s, part.outcome);
          return;
        }
        end = Math.max(end, part.time);
        s.status = part.status;
      }
      hold(s, start, end);
      s.time = end;
    }
    if (p.negate && !s.done) s.status = s.status === 0 ? 1 : 0;
  }

  private command(s: State, cmd: Cmd): void {
    switch (cmd.t) {
      case 'simple': this.simple(s, cmd.words, false); return;
      case 'group': this.group(s, cmd.body, cmd.subshell); return;
      case 'loop': runLoop(s, cmd, this.run); return;
      case 'for': runFor(s, cmd.items, cmd.body, this.bash, this.run); return;
      case 'if': runIf(s, cmd, this.run); return;
      case 'func': this.functions.set(cmd.name, cmd.body); s.status = 0; return;
    }
  }

  private group(s: State, body: List, subshell: boolean): void {
    if (!subshell) { this.list(s, body); return; }
    // A subshell is a child process: the shell waits for it as for any foreground command.
    const start = s.time;
    const inner = sub(s);
    this.list(inner, body);
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
        after();
        return;
      }
      case 'exit': case 'return': {
        const a = args[0];
        let code = s.status;
        if (a && a.text !== '$?') {
          if (a.dynamic || !/^-?\d+$/.test(a.text)) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
          code = ((Number(a.text) % 256) + 256) % 256;
        }
        if (name === 'return' && this.calls > 0) { s.status = code; s.returning = true; s.done = true; return; }
        finish(s, { kind: 'exits', seconds: s.time, exitCode: code });
        return;
      }
      case 'true': case ':': s.status = 0; after(); return;
      case 'false': s.status = 1; after(); return;
      case 'read': s.status = 1; after(); return; // no terminal: stdin is at EOF at once
      case 'wait': {
        // `wait $!` waits for the last background job; `wait` for all of them.
        const ends = args.some((a) => a.text === '$!') ? s.bgEnds.slice(-1) : s.bgEnds;
        const resuming = s.main === true && s.term.kind === 'trap' && s.term.resumes === true && !s.continuing;
        s.lastWasWait = true;
        if (ends.some((e) => e === Infinity)) {
          if (!resuming) { finish(s, { kind: 'never' }); return; }
          // Only a trapped signal ends this wait (status 128 + its number, 143 for SIGTERM); read on to see what the script does then.
          s.waitWindow = { from: s.time, to: Infinity };
          s.continuing = true;
          s.status = signalExitCode(this.stopSignal);
          return;
        }
        const from = s.time;
        s.time = Math.max(s.time, ...ends);
        s.status = 0;
        if (resuming) s.waitWindow = { from, to: s.time };
        return;
      }
      case 'trap': this.trap(s, args); return;
      case 'exec': {
        if (args.length === 0) return;
        s.term = { kind: 'ignore' };
        this.simple(s, args, true);
        if (!s.done) finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status });
        return;
      }
      case 'tail':
        if (args.some((a) => /^(-[a-zA-Z]*[fF][a-zA-Z]*|--follow(=.*)?)$/.test(a.text))) { hold(s, s.time, Infinity); finish(s, { kind: 'never' }); return; }
        s.status = 0; after(); return;
      case 'yes': hold(s, s.time, Infinity); finish(s, { kind: 'never' }); return;
      case 'busybox':
        // `busybox sleep 10` runs the applet; `busybox sh -c …` a shell, busybox's ash.
        if (args[0] && SHELLS.has(baseName(args[0].text))) { this.nestedShell(s, args.slice(1), exec, wordsText(words), 'ash'); return; }
        if (args[0] && !args[0].text.startsWith('-')) { this.simple(s, args, exec); return; }
        break;
      case 'env': case 'nohup': case 'nice': {
        const rest = args.findIndex((a) => !a.text.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a.text));
        if (rest < 0) { s.status = 0; after(); return; }
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
      case 'timeout': {
        const limit = args[0] ? sleepSeconds([args[0]]) : null;
        if (limit === null || args.length < 2) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
        const inner = sub(s);
        inner.time = 0;
        this.simple(inner, args.slice(1), false);
        const o = inner.outcome;
        const runsLonger = o?.kind === 'never' || o?.kind === 'waits' || o?.kind === 'unknown' || inner.time > limit;
        if (runsLonger && o?.kind !== 'unknown' && o?.kind !== 'waits') { hold(s, s.time, s.time + limit); s.time += limit; s.status = 124; after(); return; }
        if (o && o.kind !== 'exits') { hold(s, s.time, Infinity); finish(s, o); return; }
        hold(s, s.time, s.time + inner.time);
        s.time += inner.time;
        s.status = o?.kind === 'exits' ? o.exitCode : inner.status;
        after();
        return;
      }
      default: break;
    }
    if (SHELLS.has(name)) { this.nestedShell(s, args, exec, wordsText(words), flavourOf(name, this.imageSh)); return; }
    if (INSTANT.has(name)) { s.status = 0; after(); return; }
    if (exec) s.term = s.time > 0 ? { kind: 'program', name, at: s.time } : { kind: 'program', name };
    else hold(s, s.time, Infinity); // a program we cannot read: the shell waits for it, for ever as far as we know
    finish(s, { kind: 'unknown', what: wordsText(words) });
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
    const inner = runScript(script.text, this.depth + 1, flavour, this.imageSh, this.stopSignal);
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

  private trap(s: State, args: Word[]): void {
    if (args.length < 2) return;
    const [action, ...signals] = args;
    if (action && action.text !== '-') s.trapped = true; // any trap, on any signal, keeps the shell from exec'ing its last command
    if (!action || !signals.some((w) => namesSignal(w.text, this.stopSignal))) return;
    if (action.text === '-') { s.term = { kind: 'ignore' }; return; }
    if (action.text.trim() === '') { s.term = { kind: 'ignore' }; return; }
    const handler = this.handler(action.text);
    if (handler.outcome.kind === 'exits' && !action.dynamic) {
      const timeline = { holds: s.holds, loops: s.loops };
      s.term = { kind: 'trap', exitCode: handler.outcome.exitCode, seconds: handler.outcome.seconds, armedAt: s.time, timeline };
      if (!handler.explicitExit) s.term.resumes = true;
    } else {
      s.term = { kind: 'ignore' }; // the trap runs but the shell goes on
    }
  }

  /** A trap's action, run in this shell so that it sees the functions defined so far. */
  private handler(src: string): ScriptResult {
    let list: List;
    try {
      list = parseShell(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) return { outcome: { kind: 'unknown', what: src.trim() }, term: { kind: 'ignore' }, explicitExit: false };
      throw e;
    }
    const h = newState();
    this.list(h, list);
    return { outcome: h.outcome ?? { kind: 'exits', seconds: h.time, exitCode: h.status }, term: h.term, explicitExit: h.outcome?.kind === 'exits' };
  }
}


/**
 * Evaluates a script as `sh -c` would run it as PID 1. `flavour`: the shell that reads it (bash
 * expands {1..5}; bash and busybox ash exec the last command, shellFlavour.ts); `imageSh`: what
 * `sh` is in the image, for the shells the script starts; `stopSignal`: what stops the container
 * ([8.13]: a `trap` on TERM does not catch SIGQUIT).
 */
export function runScript(src: string, depth = 0, flavour: ShellFlavour = 'posix', imageSh: ShellFlavour = 'posix', stopSignal = 'SIGTERM'): ScriptResult {
  let list: List;
  try {
    list = parseShell(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { outcome: { kind: 'unknown', what: src.trim() }, term: { kind: 'ignore' }, explicitExit: false };
    throw e;
  }
  const s = newState();
  s.main = true;
  new Evaluator(depth, flavour, imageSh, stopSignal).script(s, list);
  const read: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  const term = finishTrap(s, read, signalExitCode(stopSignal));
  // Read on past a wait only a signal ends: without one, the script never gets past it.
  const outcome: Outcome = s.continuing && read.kind === 'exits' ? { kind: 'never' } : read;
  return { outcome, term, explicitExit: s.outcome?.kind === 'exits' && !s.continuing };
}

/** Evaluates a command run directly (no shell): argv[0] is PID 1. */
export function runArgv(argv: string[], stopSignal = 'SIGTERM'): ScriptResult {
  const words = argv.map((text) => ({ text, dynamic: false }));
  const s = newState();
  new Evaluator(0, 'posix', 'posix', stopSignal).simple(s, words, true);
  const outcome: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  return { outcome, term: s.term, explicitExit: true };
}
