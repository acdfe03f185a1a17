// The plan's sentences, each filed under the container it decides about (PodActions.reasons), so
// whoever carries the plan out reads a container's reason by name, never by scanning sentences.
// Upstream keeps a reason and message per container in containerToKillInfo
// (KR/kuberuntime_manager.go computePodActions, 1.28-1.33 stored versions).

import type { PodActions } from './podActionsTypes';

const LEADING_RULE = /^\[([0-9]+(?:\.[0-9]+[a-z]?)?)\]/;

/**
 * Adds a sentence to the plan's `why`; with `about`, it is also that container's reason unless an
 * earlier sentence already decided about it (the first decision is the one carried out).
 */
export function explain(changes: PodActions, text: string, about?: { container: string; after?: string }): void {
  changes.why.push(text);
  if (!about || Object.prototype.hasOwnProperty.call(changes.reasons, about.container)) return;
  // The rule is read from the sentence only when asked (`sim actions`): the simulator reads the text alone.
  const reason: PodActions['reasons'][string] = { get rule() { return LEADING_RULE.exec(text)?.[1] ?? ''; }, text };
  if (about.after !== undefined) reason.after = about.after;
  changes.reasons[about.container] = reason;
}
