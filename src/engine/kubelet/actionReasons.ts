// The plan's sentences, each filed under the container it decides about (PodActions.reasons), so
// whoever carries the plan out reads a container's reason by name, never by scanning sentences.
// Upstream keeps a reason and message per container in containerToKillInfo
// (KR/kuberuntime_manager.go computePodActions, 1.28-1.33 stored versions).

import type { PodActions } from './podActionsTypes';

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The rule a sentence starts with, "[x]" or "[x.y]" or "[x.yz]" with a letter ("" if none): the
 * pattern /^\[([0-9]+(?:\.[0-9]+[a-z]?)?)\]/ read by hand (a regex here ran at every sync).
 */
export function leadingRule(text: string): string {
  if (text.charCodeAt(0) !== 91) return ''; // [
  let i = 1;
  while (isDigit(text.charCodeAt(i))) i++;
  if (i === 1) return '';
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) { // .
    let j = i + 1;
    while (isDigit(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (c >= 97 && c <= 122) j++; // a-z
    if (text.charCodeAt(j) === 93) return text.slice(1, j);
  }
  return text.charCodeAt(i) === 93 ? text.slice(1, i) : ''; // ]
}

/**
 * Adds a sentence to the plan's `why`; with `about`, it is also that container's reason unless an
 * earlier sentence already decided about it (the first decision is the one carried out).
 */
export function explain(changes: PodActions, text: string, about?: { container: string; after?: string }): void {
  changes.why.push(text);
  if (!about || Object.prototype.hasOwnProperty.call(changes.reasons, about.container)) return;
  const reason: PodActions['reasons'][string] = { rule: leadingRule(text), text };
  if (about.after !== undefined) reason.after = about.after;
  changes.reasons[about.container] = reason;
}

type Reason = PodActions['reasons'][string];

/** The reason filed from each decision object (decisions reused from sync to sync file one reason, read only). */
const reasonsOf = new WeakMap<object, Reason>();

/**
 * explain(changes, decision.why, { container, after: decision.after }) for a decision about
 * `container`: the reason object is made once per decision object and shared, as nothing changes
 * a plan's reasons once filed (a crash loop's syncs each decided about every container again).
 */
export function explainDecision(changes: PodActions, container: string, decision: { why: string; after?: string }): void {
  changes.why.push(decision.why);
  if (Object.prototype.hasOwnProperty.call(changes.reasons, container)) return;
  let reason = reasonsOf.get(decision);
  if (reason === undefined) {
    reason = { rule: leadingRule(decision.why), text: decision.why };
    if (decision.after !== undefined) reason.after = decision.after;
    reasonsOf.set(decision, reason);
  }
  changes.reasons[container] = reason;
}
