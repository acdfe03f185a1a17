// The condition list a status write stores ([7], generateAPIPodStatus's conditions): a copy of
// each condition without its why, or the condition already written when it says the same, so an
// unchanged condition keeps its object (and the trace keeps one copy).

import type { PodCondition } from '../api';
import { copyCondition, stripWhy } from './statusMemo';

/**
 * The conditions of a new written status: each a copy without its why (publish then sets its
 * lastTransitionTime), except where the written condition of its type says the same (type,
 * status, reason and message): publish would give the copy that condition's lastTransitionTime,
 * so the copy would equal it field for field, in the same key order, and the written object is
 * kept instead (written conditions are not modified). All kept, the written list itself.
 */
export function conditionsToWrite(written: readonly PodCondition[], fresh: readonly (PodCondition & { why?: string })[]): PodCondition[] {
  let out: PodCondition[] | undefined;
  for (let i = 0; i < fresh.length; i++) {
    const c = fresh[i]!;
    const old = i < written.length ? written[i]! : undefined;
    const same = old !== undefined && old.type === c.type && old.status === c.status && old.reason === c.reason && old.message === c.message
      && 'lastTransitionTime' in old && firstOfType(written, c.type) === old;
    if (same) continue;
    // A copy at the new list's length, not one grown by pushes (written lists are kept: no spare room).
    // The positions past the written list are never `same`, so they are appended in order.
    out ??= written.slice(0, fresh.length) as PodCondition[];
    out[i] = stripWhy(c);
  }
  if (out === undefined && written.length !== fresh.length) out = written.slice(0, fresh.length) as PodCondition[];
  return out ?? (written as PodCondition[]);
}

/**
 * The conditions of a prober's patch ([5.6]): the written ones with ContainersReady and Ready as
 * recomputed. Each written condition is kept as it is where a copy would equal it after publish
 * (the same test as conditionsToWrite: the same values, its lastTransitionTime key set, the first
 * of its type), so a patch copies only the conditions it changes; all kept, the written list itself.
 */
export function patchedConditions(
  written: readonly PodCondition[], containersReady: PodCondition & { why?: string }, ready: PodCondition & { why?: string },
): PodCondition[] {
  let out: PodCondition[] | undefined;
  for (let i = 0; i < written.length; i++) {
    const old = written[i]!;
    const fresh = old.type === containersReady.type ? containersReady : old.type === ready.type ? ready : undefined;
    const same = (fresh === undefined || (old.status === fresh.status && old.reason === fresh.reason && old.message === fresh.message))
      && 'lastTransitionTime' in old && firstOfType(written, old.type) === old;
    if (same) continue;
    out ??= written.slice() as PodCondition[]; // a copy at its final length (no growth by pushes)
    out[i] = fresh === undefined ? copyCondition(old) : stripWhy(fresh);
  }
  return out ?? (written as PodCondition[]);
}

function firstOfType(conditions: readonly PodCondition[], type: string): PodCondition | undefined {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i];
  return undefined;
}
