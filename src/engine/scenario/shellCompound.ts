// The compound commands the script reader follows ([15.2]): `while`/`until` loops whose condition
// always gives the same answer, `for` loops over values known before the run, and `if`s with a
// literal condition. Each runs its lists through `run`, the evaluator's own list reader
// (shellEval.ts), in the shell state given. A loop body's output repeats with it; the files it
// changes are followed through its first round only, then unknown ([15.4]).

import { literal, type Cmd, type List, type Word } from './shellParse';
import { absorb, adopt, finish, MAX_OUTPUT, sub, type State } from './shellState';
import { braceCount, seqCount } from './shellWords';

/** Runs a list of commands in a shell state (the evaluator's `list`). */
export type RunList = (s: State, list: List) => void;

/** At most this many holds are kept from an unrolled `for` loop; beyond, the loop is kept as a HoldLoop. */
const MAX_UNROLLED_HOLDS = 500;

/** A loop condition's status, if it can be known: `true`, `:`, `false`, or commands such as `sleep 1`. */
function condition(s: State, cond: List, run: RunList): { status: number; took: State } | undefined {
  const lit = literal(cond);
  if (lit === 'true' || lit === ':') return { status: 0, took: sub(s) };
  if (lit === 'false') return { status: 1, took: sub(s) };
  const c = sub(s);
  run(c, cond);
  if (c.done) return undefined; // exits, never returns, or cannot be read: not a plain condition
  return { status: c.status, took: c };
}

/** A `while` or `until` loop: skipped, left by its body, or run for ever (its period kept for a trap's timeline). */
export function runLoop(s: State, cmd: Extract<Cmd, { t: 'loop' }>, run: RunList): void {
  const cond = condition(s, cmd.cond, run);
  if (!cond) { finish(s, { kind: 'waits', what: cmd.text }); return; }
  const enters = cmd.until ? cond.status !== 0 : cond.status === 0;
  if (!enters) {
    adopt(s, cond.took);
    absorb(s, cond.took);
    s.time = cond.took.time;
    s.status = 0;
    s.sure = true;
    return;
  }
  // The condition always gives the same answer: the loop runs until its body leaves it.
  const start = s.time;
  const body = cond.took;
  const logged = s.files.log.length;
  run(body, cmd.body);
  if (body.done && body.outcome) {
    adopt(s, body);
    absorb(s, body);
    s.sure = body.sure;
    s.time = body.time;
    s.returning = body.returning;
    finish(s, body.outcome);
    return;
  }
  const period = body.time - start;
  forgetAfterFirstRound(s, logged, body.time);
  if (period > 0) {
    const rel = body.holds.map((h) => ({ from: h.from - start, to: h.to - start }));
    s.loops.push({ from: start, period, holds: rel, end: Infinity });
  }
  finish(s, { kind: 'never' });
}

/** How many values a `for` loop runs over, if known: literal words, `$(seq …)`, and in bash `{1..5}`. */
function forCount(items: Word[] | null, bash: boolean): number | undefined {
  if (items === null) return undefined;
  let n = 0;
  for (const w of items) {
    if (!w.dynamic && !/[*?[{]/.test(w.text)) { n += 1; continue; }
    const k = seqCount(w) ?? (bash ? braceCount(w) : !w.dynamic && braceCount(w) !== undefined ? 1 : undefined);
    if (k === undefined) return undefined;
    n += k;
  }
  return n;
}

/** A `for` loop: its body once per value (unrolled for a trap's timeline while that stays small). */
export function runFor(s: State, items: Word[] | null, body: List, bash: boolean, run: RunList): void {
  const n = forCount(items, bash);
  if (n === undefined) {
    finish(s, { kind: 'unknown', what: 'a for loop over values only known at run time' });
    return;
  }
  if (n === 0) { s.status = 0; s.sure = true; return; }
  const once = sub(s);
  once.time = 0;
  once.at0 = s.at0 + s.time;
  const logged = s.files.log.length;
  run(once, body);
  s.sure = once.sure;
  if (once.done) {
    adopt(s, once, s.time);
    absorb(s, once);
    s.time += once.time;
    s.returning = once.returning;
    if (once.outcome) finish(s, once.outcome);
    return;
  }
  const period = once.time;
  // Every round prints the same (its words are known before the run).
  for (const key of ['out', 'err'] as const) {
    const one = once[key];
    s[key] = one === null || s[key] === null || (s[key]!.length + one.length * n) > MAX_OUTPUT ? null : s[key] + one.repeat(n);
  }
  if (n > 1) forgetAfterFirstRound(s, logged, s.time + period);
  // Each round's holds and inner loops, unrolled while few (a round with none adds nothing: a
  // `for i in $(seq 1 100000000)` of echoes must not take a step per round).
  const pieces = once.holds.length + once.loops.length;
  if (pieces === 0) {
    // nothing to place on the timeline
  } else if (pieces * n <= MAX_UNROLLED_HOLDS) {
    for (let k = 0; k < n; k++) adopt(s, once, s.time + k * period);
  } else if (period > 0) {
    s.loops.push({ from: s.time, period, holds: once.holds, end: s.time + period * n });
  }
  s.time += period * n;
  s.status = once.status;
}

/**
 * The files a loop's body changed (log entries from `logged` on) are unknown from the end of its
 * first round (`at`, in the level's seconds): the reader does not replay the rounds.
 */
function forgetAfterFirstRound(s: State, logged: number, at: number): void {
  const paths = new Set(s.files.log.slice(logged).map((e) => e.path));
  for (const path of paths) {
    s.files.known.delete(path);
    s.files.log.push({ t: s.at0 + at, path, state: undefined });
  }
}

/** An `if`: the first branch whose condition is literally true; any other condition cannot be told. */
export function runIf(s: State, cmd: Extract<Cmd, { t: 'if' }>, run: RunList): void {
  for (const br of cmd.branches) {
    const cond = literal(br.cond);
    if (cond === 'true' || cond === ':') { run(s, br.body); return; }
    if (cond === 'false') continue;
    finish(s, { kind: 'unknown', what: 'an if whose condition is only known at run time' });
    return;
  }
  if (cmd.otherwise) run(s, cmd.otherwise);
  else s.status = 0;
}
