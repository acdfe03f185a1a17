// A Job's successPolicy ([16.9]) as the Job controller matches it: pkg/controller/job/
// success_policy.go matchSuccessPolicy and matchSucceededIndexesRule (read at the stored commits
// cb6ff2d8ce3595f88570f82c7d0e6d98910afd3c and 4a37f009ca615534484b1116d0f147f1f23cf067, the
// same matching in both), with indexed_job_utils.go parseIndexesFromString and orderedIntervals
// (stored 78fc8e44052f699bf598f84b697b41e5a328c9c5). syncJob (job_controller.go, stored
// 6ae037f1db843e99547258d7dd292301a74ba0eb) asks it only for an Indexed Job, after the failure
// checks and only when none of them holds.

import type { SuccessPolicyRule } from '../scenario/successPolicy';
import { goAtoi } from '../scenario/successPolicy';

/** An interval of completion indexes, both ends included (orderedIntervals' element). */
export interface Interval { first: number; last: number }

/** orderedIntervals.total: the number of indexes in the intervals. */
export function total(intervals: readonly Interval[]): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

/** The sorted intervals of a set of indexes (status.completedIndexes' reading). */
export function intervalsOf(indexes: Iterable<number>): Interval[] {
  const out: Interval[] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && last.last >= i - 1) last.last = Math.max(last.last, i);
    else out.push({ first: i, last: i });
  }
  return out;
}

/** orderedIntervals.String: "0,2-4", two adjacent indexes written "5,6". */
export function intervalsText(intervals: readonly Interval[]): string {
  return intervals.map((iv) => (iv.last === iv.first ? `${iv.first}` : `${iv.first}${iv.last === iv.first + 1 ? ',' : '-'}${iv.last}`)).join(',');
}

/**
 * parseIndexesFromString: the controller's lenient reading of an interval list. A fragment that
 * does not parse is skipped, the list stops at the first index ≥ completions, a last index past
 * it is cut to completions − 1, and an interval right after the previous one is merged with it.
 */
export function parseIndexesFromString(text: string, completions: number): Interval[] {
  if (text === '') return [];
  const out: Interval[] = [];
  for (const fragment of text.split(',')) {
    const limits = fragment.split('-');
    const first = goAtoi(limits[0]!);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const parsed = goAtoi(limits[1]!);
      if (parsed === undefined) continue;
      last = Math.min(parsed, completions - 1);
    }
    const prev = out.at(-1);
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/**
 * matchSucceededIndexesRule: walks both interval lists counting the rule's indexes that
 * succeeded; the rule matches when all of them did, or at least succeededCount of them.
 */
export function matchSucceededIndexesRule(rule: readonly Interval[], succeeded: readonly Interval[], succeededCount?: number): boolean {
  let contains = 0;
  let r = 0;
  let s = 0;
  while (r < rule.length && s < succeeded.length) {
    const a = rule[r]!;
    const b = succeeded[s]!;
    const overlap = Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1;
    if (overlap > 0) contains += overlap;
    if (b.last < a.last) s++;
    else if (b.last > a.last) r++;
    else { s++; r++; }
  }
  return contains === total(rule) || (succeededCount !== undefined && contains >= succeededCount);
}

/**
 * matchSuccessPolicy: the first rule the succeeded indexes meet, with upstream's message
 * ("Matched rules at index N"); undefined while the gate is off, without rules, or with no
 * succeeded index. A rule whose succeededIndexes parse to nothing is skipped.
 */
export function matchSuccessPolicy(enabled: boolean, rules: readonly SuccessPolicyRule[] | undefined, completions: number, succeeded: readonly Interval[]): { index: number; message: string } | undefined {
  if (!enabled || !rules || succeeded.length === 0) return undefined;
  for (const [index, rule] of rules.entries()) {
    let met = false;
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexesFromString(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      met = matchSucceededIndexesRule(required, succeeded, rule.succeededCount);
    } else if (rule.succeededCount !== undefined) {
      met = total(succeeded) >= rule.succeededCount;
    }
    if (met) return { index, message: `Matched rules at index ${index}` };
  }
  return undefined;
}

/** A rule in words, for a why: `succeededIndexes "0"`, `succeededCount 1`, or both. */
export function ruleText(rule: SuccessPolicyRule): string {
  const parts = [
    ...(rule.succeededIndexes !== undefined ? [`succeededIndexes ${JSON.stringify(rule.succeededIndexes)}`] : []),
    ...(rule.succeededCount !== undefined ? [`succeededCount ${rule.succeededCount}`] : []),
  ];
  return parts.join(', ');
}
