// `timeout DURATION COMMAND…` ([15.2]): the command runs as a child for at most DURATION; one that
// would run longer (or for ever) is stopped then and `timeout` returns 124. A command the reading
// cannot follow, or one that waits on a signal, leaves the whole reading where it stopped.

import type { Word } from './shellParse';
import { absorb, finish, hold, sub, type State } from './shellState';
import { sleepSeconds } from './shellWords';

/** Runs `timeout`'s command through `run` (the evaluator's simple-command reader); `after` is what the caller does after any command ends. */
export function runTimeout(s: State, args: Word[], text: string, run: (inner: State, command: Word[]) => void, after: () => void): void {
  const limit = args[0] ? sleepSeconds([args[0]]) : null;
  if (limit === null || args.length < 2) { finish(s, { kind: 'unknown', what: text }); return; }
  const inner = sub(s);
  inner.time = 0;
  inner.at0 = s.at0 + s.time;
  run(inner, args.slice(1));
  absorb(s, inner);
  s.sure = inner.sure;
  const o = inner.outcome;
  const runsLonger = o?.kind === 'never' || o?.kind === 'waits' || o?.kind === 'unknown' || inner.time > limit;
  if (runsLonger && o?.kind !== 'unknown' && o?.kind !== 'waits') { hold(s, s.time, s.time + limit); s.time += limit; s.status = 124; s.sure = true; after(); return; }
  if (o && o.kind !== 'exits') { hold(s, s.time, Infinity); finish(s, o); return; }
  hold(s, s.time, s.time + inner.time);
  s.time += inner.time;
  s.status = o?.kind === 'exits' ? o.exitCode : inner.status;
  after();
}
