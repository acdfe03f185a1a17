// Running a parsed shell script in the imagination: how long until it exits, with which code,
// and what it does with SIGTERM. Anything we cannot know makes the result 'unknown'.

import { parseShell, ShellSyntaxError, type AndOr, type Cmd, type List, type Pipeline, type Word } from './shellParse';

export type Outcome =
  | { kind: 'exits'; seconds: number; exitCode: number }
  | { kind: 'never' }
  /** Waits for something outside the pod (until nslookup…; while [ ! -f … ]). */
  | { kind: 'waits'; what: string }
  | { kind: 'unknown'; what: string };

/** What SIGTERM does to the script's PID 1. */
export type TermHandling =
  | { kind: 'trap'; exitCode: number }
  | { kind: 'ignore' }
  /** An unknown program was exec'd as PID 1: assumed to handle SIGTERM like a server. */
  | { kind: 'program'; name: string }
  /** An init such as tini forwards SIGTERM to its child, which dies of it (143). */
  | { kind: 'forward'; init: string };

export interface ScriptResult {
  outcome: Outcome;
  term: TermHandling;
  /** The script ended by `exit` (or exec), not by running off its end. */
  explicitExit: boolean;
}

interface State {
  time: number;
  status: number;
  done: boolean;
  outcome?: Outcome;
  term: TermHandling;
  bgEnds: number[];
}

/** Commands that finish at once with status 0 (their effect does not matter here). */
const INSTANT = new Set([
  'echo', 'printf', 'date', 'env', 'printenv', 'ls', 'touch', 'mkdir', 'cp', 'mv', 'rm', 'cd', 'export',
  'set', 'unset', 'hostname', 'id', 'whoami', 'uname', 'pwd', 'chmod', 'chown', 'ln', 'sync', 'umask',
  'cat', 'tee', 'head', 'wc', 'sort', 'uniq', 'grep', 'sed', 'awk', 'cut', 'tr', 'basename', 'dirname',
  'logger', 'ulimit', 'shift', 'local', 'readonly', 'mount', 'df', 'du', 'ps', 'free', 'uptime', 'stat',
]);

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

const TERM_NAMES = new Set(['TERM', 'SIGTERM', '15']);

function baseName(cmd: string): string {
  const slash = cmd.lastIndexOf('/');
  return slash >= 0 ? cmd.slice(slash + 1) : cmd;
}

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep` operands: 10, 0.5, 2m, infinity. null = cannot tell. */
function sleepSeconds(args: Word[]): number | null {
  if (args.length === 0) return null;
  let total = 0;
  for (const a of args) {
    if (a.dynamic) return null;
    if (/^inf(inity)?$/i.test(a.text)) return Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a.text);
    if (!m) return null;
    total += Number(m[1]) * (SLEEP_UNITS[m[2] ?? ''] ?? 1);
  }
  return total;
}

function wordsText(words: Word[]): string {
  return words.map((w) => (/\s/.test(w.text) ? `'${w.text}'` : w.text)).join(' ');
}

function finish(s: State, outcome: Outcome): void {
  s.done = true;
  s.outcome = outcome;
}

function sub(s: State): State {
  return { time: s.time, status: s.status, done: false, term: s.term, bgEnds: [] };
}

function literal(list: List): string | undefined {
  if (list.length !== 1) return undefined;
  const ao = list[0];
  if (!ao || ao.rest.length > 0 || ao.background || ao.first.cmds.length !== 1 || ao.first.negate) return undefined;
  const cmd = ao.first.cmds[0];
  if (cmd?.t !== 'simple' || cmd.words.length !== 1 || cmd.words[0]?.dynamic) return undefined;
  return cmd.words[0]?.text;
}

class Evaluator {
  constructor(private depth = 0) {}

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
      // Commands of a pipeline run side by side; the pipeline ends with the last one.
      const start = s.time;
      let end = start;
      for (const cmd of p.cmds) {
        const part = sub(s);
        part.time = start;
        this.command(part, cmd);
        if (part.done) {
          if (part.outcome?.kind === 'exits') { s.status = part.outcome.exitCode; end = Math.max(end, part.time); continue; }
          if (part.outcome) finish(s, part.outcome);
          return;
        }
        end = Math.max(end, part.time);
        s.status = part.status;
      }
      s.time = end;
    }
    if (p.negate && !s.done) s.status = s.status === 0 ? 1 : 0;
  }

  private command(s: State, cmd: Cmd): void {
    switch (cmd.t) {
      case 'simple': this.simple(s, cmd.words, false); return;
      case 'group': this.group(s, cmd.body, cmd.subshell); return;
      case 'loop': this.loop(s, cmd); return;
      case 'for': this.forLoop(s, cmd.items, cmd.body); return;
      case 'if': this.ifCmd(s, cmd); return;
    }
  }

  private group(s: State, body: List, subshell: boolean): void {
    if (!subshell) { this.list(s, body); return; }
    const inner = sub(s);
    this.list(inner, body);
    if (inner.done && inner.outcome?.kind === 'exits') {
      s.time = inner.time;
      s.status = inner.outcome.exitCode;
      return;
    }
    s.time = inner.time;
    s.status = inner.status;
    if (inner.done && inner.outcome) finish(s, inner.outcome);
  }

  private loop(s: State, cmd: Extract<Cmd, { t: 'loop' }>): void {
    const cond = literal(cmd.cond);
    const always = cond === 'true' || cond === ':';
    const runs = cmd.until ? cond === 'false' : always;
    const skips = cmd.until ? always : cond === 'false';
    if (skips) { s.status = 0; return; }
    if (!runs) { finish(s, { kind: 'waits', what: cmd.text }); return; }
    const body = sub(s);
    this.list(body, cmd.body);
    if (body.done && body.outcome) {
      s.time = body.time;
      finish(s, body.outcome);
      return;
    }
    finish(s, { kind: 'never' });
  }

  private forLoop(s: State, items: Word[] | null, body: List): void {
    if (items === null || items.some((w) => w.dynamic || /[*?[]/.test(w.text))) {
      finish(s, { kind: 'unknown', what: 'a for loop over values only known at run time' });
      return;
    }
    const once = sub(s);
    once.time = 0;
    this.list(once, body);
    if (once.done) {
      s.time += once.time;
      if (once.outcome) finish(s, once.outcome);
      return;
    }
    s.time += once.time * items.length;
    s.status = items.length === 0 ? 0 : once.status;
  }

  private ifCmd(s: State, cmd: Extract<Cmd, { t: 'if' }>): void {
    for (const br of cmd.branches) {
      const cond = literal(br.cond);
      if (cond === 'true' || cond === ':') { this.list(s, br.body); return; }
      if (cond === 'false') continue;
      finish(s, { kind: 'unknown', what: 'an if whose condition is only known at run time' });
      return;
    }
    if (cmd.otherwise) this.list(s, cmd.otherwise);
    else s.status = 0;
  }

  simple(s: State, words: Word[], exec: boolean): void {
    if (words.length === 0) return;
    const [head, ...args] = words;
    if (!head) return;
    if (head.dynamic) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
    const name = baseName(head.text);
    const after = (): void => {
      // After `exec X` the shell is gone: the process ends when X does.
      if (exec && !s.done) finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status });
    };
    switch (name) {
      case 'sleep': {
        const secs = sleepSeconds(args);
        if (secs === null) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
        if (secs === Infinity) { finish(s, { kind: 'never' }); return; }
        s.time += secs;
        s.status = 0;
        after();
        return;
      }
      case 'exit': case 'return': {
        const a = args[0];
        let code = s.status;
        if (a) {
          if (a.dynamic || !/^-?\d+$/.test(a.text)) { finish(s, { kind: 'unknown', what: wordsText(words) }); return; }
          code = ((Number(a.text) % 256) + 256) % 256;
        }
        finish(s, { kind: 'exits', seconds: s.time, exitCode: code });
        return;
      }
      case 'true': case ':': s.status = 0; after(); return;
      case 'false': s.status = 1; after(); return;
      case 'read': s.status = 1; after(); return; // no terminal: stdin is at EOF at once
      case 'wait': {
        const ends = s.bgEnds;
        if (ends.some((e) => e === Infinity)) { finish(s, { kind: 'never' }); return; }
        s.time = Math.max(s.time, ...ends);
        s.status = 0;
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
        if (args.some((a) => /^(-[a-zA-Z]*[fF][a-zA-Z]*|--follow(=.*)?)$/.test(a.text))) { finish(s, { kind: 'never' }); return; }
        s.status = 0; after(); return;
      case 'yes': finish(s, { kind: 'never' }); return;
      case 'busybox':
        // `busybox sleep 10` runs the applet; `busybox sh -c …` a shell.
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
        if (runsLonger && o?.kind !== 'unknown' && o?.kind !== 'waits') { s.time += limit; s.status = 124; after(); return; }
        if (o && o.kind !== 'exits') { finish(s, o); return; }
        s.time += inner.time;
        s.status = o?.kind === 'exits' ? o.exitCode : inner.status;
        after();
        return;
      }
      default: break;
    }
    if (SHELLS.has(name)) { this.nestedShell(s, args, exec, wordsText(words)); return; }
    if (INSTANT.has(name)) { s.status = 0; after(); return; }
    if (exec) s.term = { kind: 'program', name };
    finish(s, { kind: 'unknown', what: wordsText(words) });
  }

  private nestedShell(s: State, args: Word[], exec: boolean, text: string): void {
    const ci = args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a.text));
    if (ci < 0) {
      if (args.length === 0 || args.every((a) => a.text.startsWith('-'))) { s.status = 0; if (exec) finish(s, { kind: 'exits', seconds: s.time, exitCode: 0 }); return; }
      finish(s, { kind: 'unknown', what: text });
      return;
    }
    const script = args[ci + 1];
    if (!script || script.dynamic || this.depth > 4) { finish(s, { kind: 'unknown', what: text }); return; }
    const inner = runScript(script.text, this.depth + 1);
    if (inner.outcome.kind === 'exits') {
      s.time += inner.outcome.seconds;
      s.status = inner.outcome.exitCode;
      if (exec) { s.term = inner.term; finish(s, { kind: 'exits', seconds: s.time, exitCode: s.status }); }
      return;
    }
    if (exec) s.term = inner.term;
    finish(s, inner.outcome);
  }

  private trap(s: State, args: Word[]): void {
    if (args.length < 2) return;
    const [action, ...signals] = args;
    if (!action || !signals.some((w) => TERM_NAMES.has(w.text.toUpperCase()))) return;
    if (action.text === '-') { s.term = { kind: 'ignore' }; return; }
    if (action.text.trim() === '') { s.term = { kind: 'ignore' }; return; }
    const handler = runScript(action.text, this.depth + 1);
    if (handler.outcome.kind === 'exits' && handler.explicitExit && !action.dynamic) {
      s.term = { kind: 'trap', exitCode: handler.outcome.exitCode };
    } else {
      s.term = { kind: 'ignore' }; // the trap runs but the shell goes on
    }
  }
}

/** Evaluates a script as `sh -c` would run it as PID 1. */
export function runScript(src: string, depth = 0): ScriptResult {
  let list: List;
  try {
    list = parseShell(src);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { outcome: { kind: 'unknown', what: src.trim() }, term: { kind: 'ignore' }, explicitExit: false };
    throw e;
  }
  const s: State = { time: 0, status: 0, done: false, term: { kind: 'ignore' }, bgEnds: [] };
  new Evaluator(depth).list(s, list);
  const outcome: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  return { outcome, term: s.term, explicitExit: s.outcome?.kind === 'exits' };
}

/** Evaluates a command run directly (no shell): argv[0] is PID 1. */
export function runArgv(argv: string[]): ScriptResult {
  const words = argv.map((text) => ({ text, dynamic: false }));
  const s: State = { time: 0, status: 0, done: false, term: { kind: 'ignore' }, bgEnds: [] };
  new Evaluator(0).simple(s, words, true);
  const outcome: Outcome = s.outcome ?? { kind: 'exits', seconds: s.time, exitCode: s.status };
  return { outcome, term: s.term, explicitExit: true };
}

export function isShell(cmd: string): boolean {
  return SHELLS.has(baseName(cmd));
}
