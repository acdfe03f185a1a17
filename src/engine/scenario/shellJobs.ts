// Shell variables as far as the reading needs them ([15.2]): `NAME=value` words (the parser keeps
// them apart from the command, shellParse.ts), and `NAME=$!`, which names the last background job so that `wait $NAME` and `kill $NAME`
// refer to it as `wait $!` would. A `kill` of a job (`$!`, `%1`, such a variable) ends that job
// now and returns 0: a TERM trap whose action kills the script's job is an ordinary trap (the
// e2e_node deleted_pods_test.go and restart_test.go pods: `sleep 9999999 & PID=$!`, a trap
// function that runs `kill $PID`, then `wait $PID; exit 0`).

import type { State } from './shellState';
import type { Word } from './shellParse';

/** `$NAME` or `${NAME}`, as a word's text reads once quotes are gone. */
const VARIABLE = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})$/;

/**
 * A command's `NAME=value` words. `NAME=$!` names the last background job; any other value
 * unnames it. A value that runs something (`$(…)`, a backquote) is not followed: the reading is
 * no longer sure of what the script does.
 */
export function assign(s: State, assigns: readonly Word[]): void {
  for (const w of assigns) {
    const eq = w.text.indexOf('=');
    const name = w.text.slice(0, eq);
    const value = w.text.slice(eq + 1);
    if (/\$\(|`/.test(value)) s.sure = false;
    s.jobVars ??= new Map();
    if (value === '$!' && s.bgEnds.length > 0) s.jobVars.set(name, s.bgEnds.length - 1);
    else s.jobVars.delete(name);
  }
}

/** The background job (its index in bgEnds) a word names: `$!`, `%N`, `%%`, or a variable set to `$!`; -1 for one this reading cannot place, undefined for none. */
function jobOf(s: State, word: Word): number | undefined {
  if (word.text === '$!' || word.text === '%%' || word.text === '%+') return s.bgEnds.length - 1;
  const pct = /^%(\d+)$/.exec(word.text);
  if (pct) return Number(pct[1]) - 1;
  const v = VARIABLE.exec(word.text);
  const name = v?.[1] ?? v?.[2];
  if (name === undefined) return undefined;
  return s.jobVars?.get(name);
}

/** `wait`'s arguments with a variable naming the last job read as `$!` (waitFor knows that one). */
export function waitArgs(s: State, args: Word[]): Word[] {
  return args.map((a) => (a.text !== '$!' && jobOf(s, a) === s.bgEnds.length - 1 && s.bgEnds.length > 0 ? { text: '$!', dynamic: true } : a));
}

/**
 * `kill [-SIGNAL] JOB…` of the script's own background jobs: each ends now (a job this shell
 * started; in a trap's action, read apart from the script, the job is the script's), status 0.
 * False when a target is anything else (a PID, `$$`, 0, -1), which the reading does not follow.
 */
export function killJobs(s: State, args: Word[]): boolean {
  const targets = args.filter((a, i) => !(i === 0 && /^-/.test(a.text)) && a.text !== '--');
  if (targets.length === 0) return false;
  const jobs = targets.map((t) => jobOf(s, t));
  if (jobs.some((j) => j === undefined)) return false;
  for (const j of jobs) if (j! >= 0 && j! < s.bgEnds.length) s.bgEnds[j!] = Math.min(s.bgEnds[j!]!, s.time);
  s.status = 0;
  return true;
}
