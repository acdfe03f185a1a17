// What a share link (and the address bar) carries for the editor's text: a real pod is replaced by
// its share-safe form (engine/explain/redact), whatever the last engine result said, so a pod pasted
// a moment ago never reaches the address bar in full.

import { redactRealPods, type Redacted } from '../../engine/explain/redact';

let last: { text: string; out: Redacted | null } | null = null;

/** The redaction of `text`, or null when it holds no real pod; computed once per text. */
export function redactedShare(text: string): Redacted | null {
  if (last?.text !== text) last = { text, out: redactRealPods(text) };
  return last.out;
}

export function shareSafeText(text: string): string {
  return redactedShare(text)?.text ?? text;
}
