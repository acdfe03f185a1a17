// Which presenter action a key asks for, given what has the focus. Pure, so the rules are tested
// without a browser: → / PageDown / Space / N next (a presentation clicker sends PageDown),
// ← / PageUp / P previous, Home / End the first / last step, 1–9 pick that choice of the "what
// happens next?" question, Esc leaves.
// Only a field that takes typing (or Monaco) keeps the keys for itself: a checkbox the presenter
// just ticked ("ask what happens next?") must not swallow the next →.

export type PresenterAction =
  | { kind: 'next' } | { kind: 'prev' } | { kind: 'first' } | { kind: 'last' } | { kind: 'exit' } | { kind: 'choose'; nth: number };

/** What has the focus: a field that takes typing, a button or toggle (Space/Enter are theirs), anything else. */
export type FocusKind = 'typing' | 'control' | 'other';

const NEXT = new Set(['ArrowRight', 'PageDown', ' ', 'n']);
const PREV = new Set(['ArrowLeft', 'PageUp', 'p']);

/** Input types that do not take typing: the keys stay the presenter's (Space stays the control's). */
const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file']);

export function focusKind(target: Element | null): FocusKind {
  if (!target) return 'other';
  if (target.closest('textarea, select, [contenteditable="true"], .monaco-editor')) return 'typing';
  const input = target.closest('input');
  if (input) return NOT_TYPING.has((input.getAttribute('type') ?? 'text').toLowerCase()) ? 'control' : 'typing';
  return target.closest('button, summary, a[href]') ? 'control' : 'other';
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function presenterAction(e: KeyPress, focus: FocusKind): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || focus === 'typing') return null;
  // A focused button or checkbox keeps Space for itself.
  if (e.key === ' ' && focus === 'control') return null;
  if (NEXT.has(e.key)) return { kind: 'next' };
  if (PREV.has(e.key)) return { kind: 'prev' };
  if (e.key === 'Home') return { kind: 'first' };
  if (e.key === 'End') return { kind: 'last' };
  if (e.key === 'Escape') return { kind: 'exit' };
  if (/^[1-9]$/.test(e.key)) return { kind: 'choose', nth: Number(e.key) };
  return null;
}
