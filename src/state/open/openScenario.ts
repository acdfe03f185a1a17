// Opening a link or a gallery entry without losing work. A scenario that would replace the
// user's own text waits for an answer ("Open … / Keep mine"); when it replaces it, the text goes
// into the history (src/state/history) first, and "Restore mine" (or the History panel, or
// Ctrl+Z in the editor) brings it back.

import { decodeFragment } from '../../share';
import { isUsersOwnWork as ownWork, keepOwnText, markOpened, OPENED_KEY, PREVIOUS_KEY } from '../history/keepOwnWork';
import { restoreEntry } from '../history/restoreEntry';
import { sameText, textHash } from '../history/sameText';
import { classifyAddress } from '../history/tabText';
import type { TextStorage } from '../persistence';
import type { PendingOpen } from '../slices/share';
import type { AppStore } from '../store';
import { shareSafeText } from '../explain/shareSafeText';
import { resolveShareState, type Resolved } from './resolveLink';
import { revealCursorOnNextTrace } from './revealCursor';

export { OPENED_KEY, PREVIOUS_KEY, resolveShareState, textHash, type Resolved };

export interface OpenContext {
  store: AppStore;
  /** null in the embedded view, which never touches the user's saved work. */
  storage: TextStorage | null;
  /** This tab's sessionStorage: which text it last put in its address. */
  session?: TextStorage | null;
}

/** The editor holds something of the user's own: not empty, not the default, not what we opened. */
export function isUsersOwnWork(ctx: OpenContext, text: string): boolean {
  return ownWork(ctx.storage, text);
}

/** Puts the editor's own text into the history before `what` replaces it; false when it could not. */
function keepCurrent(ctx: OpenContext, what: string): boolean {
  const s = ctx.store.getState();
  const kept = keepOwnText(ctx.store, ctx.storage, { text: s.text, replacedBy: `the ${what}` });
  if (kept) s.setRestorable(kept.id);
  return kept !== null;
}

function apply(ctx: OpenContext, r: Resolved, opts: OpenOptions, keptPrevious: boolean): void {
  const s = ctx.store.getState();
  const kept = keptPrevious && keepCurrent(ctx, opts.what);
  let scenario = r.scenario;
  if (sameText(s.text, r.scenario.text)) {
    // The address of the user's own work, reloaded: it stays theirs, exactly as they wrote it
    // (the codec turns a lone surrogate into U+FFFD).
    scenario = { ...r.scenario, text: s.text };
  } else if (sameText(s.text, r.linkText)) {
    // The same, from an address that carried a version beside the text (an older release's):
    // still theirs, now with that version written in.
  } else if (ctx.storage) {
    markOpened(ctx.storage, r.scenario.text);
  }
  s.loadScenario(scenario);
  s.setCompare(r.compare);
  revealCursorOnNextTrace(ctx.store);
  const canRestore = ctx.store.getState().restorable !== null;
  const keptNote = kept ? `Opened the ${opts.what}; your own scenario was kept in History.` : keptPrevious ? `Opened the ${opts.what}.` : undefined;
  const parts = [opts.intro, r.warning, keptNote].filter((p) => p !== undefined);
  if (parts.length > 0) s.setShareNotice({ tone: 'info', message: parts.join(' '), canRestore });
  else s.setShareNotice(null);
}

export type OpenOutcome = 'opened' | 'asked';

export interface OpenOptions {
  /** What is being opened, for the question and the notice: "shared scenario", "gallery scenario …". */
  what: string;
  /** A sentence to show once it is open (a gallery entry's lesson). */
  intro?: string;
}

/** Opens a resolved scenario, or asks first when it would replace the user's own text. */
export function openResolved(ctx: OpenContext, r: Resolved, opts: OpenOptions): OpenOutcome {
  const s = ctx.store.getState();
  // The address of the user's own explained pod, reloaded: the link carries its share-safe form
  // (issue 14), which stands for the full text the page already holds.
  const same = sameText(s.text, r.scenario.text) || sameText(s.text, r.linkText);
  if (!same && shareSafeText(s.text) === r.linkText) return 'opened';
  if (!same && isUsersOwnWork(ctx, s.text)) {
    const pending: PendingOpen = { scenario: r.scenario, compare: r.compare, what: opts.what };
    if (opts.intro !== undefined) pending.intro = opts.intro;
    s.setPendingOpen(pending);
    return 'asked';
  }
  apply(ctx, r, opts, false);
  return 'opened';
}

/** The user's answer to the pending question. */
export function answerPending(ctx: OpenContext, open: boolean): void {
  const s = ctx.store.getState();
  const p = s.pendingOpen;
  if (!p) return;
  s.setPendingOpen(null);
  const opts: OpenOptions = { what: p.what };
  if (p.intro !== undefined) opts.intro = p.intro;
  if (open) apply(ctx, { scenario: p.scenario, linkText: p.scenario.text, compare: p.compare }, opts, true);
}

/** "Restore mine": brings back the user's text the last link or entry replaced (the newest kept one otherwise). */
export function restorePrevious(ctx: OpenContext): void {
  const s = ctx.store.getState();
  const id = s.restorable ?? s.history[0]?.id;
  if (id === undefined) {
    s.setShareNotice({ tone: 'error', message: 'There is no earlier scenario to bring back.' });
    return;
  }
  restoreEntry(ctx.store, ctx.storage, id);
}

/**
 * Opens what the address's fragment holds. A bad link leaves the editor as it is (the user's
 * saved work or the default) and says why; nothing from it is loaded. `reload`: the page was
 * reloaded (tabText.ts classifyAddress).
 */
export function openFromFragment(ctx: OpenContext, hash: string, opts: { embed?: boolean; reload?: boolean } = {}): OpenOutcome | 'none' | 'error' {
  const r = decodeFragment(hash);
  if (r === null) return 'none';
  const s = ctx.store.getState();
  if (!r.ok) {
    s.setShareNotice({ tone: 'error', message: r.error.message });
    return 'error';
  }
  const resolved = resolveShareState(r.state);
  if (opts.embed) {
    apply(ctx, resolved, { what: 'shared scenario' }, false);
    return 'opened';
  }
  const mine = classifyAddress(ctx.session ?? null, resolved.linkText, s.text, opts.reload);
  if (mine === 'stale') {
    // This tab's address from a moment before its last edit (a reload within the address's
    // debounce): the saved text is newer and stays (with the version it names); the link's cursor applies.
    apply(ctx, { ...resolved, scenario: { ...resolved.scenario, text: s.text } }, { what: 'shared scenario' }, false);
    return 'opened';
  }
  if (mine === 'this-tab') {
    // This tab's own address, reloaded after another tab saved over it: this tab's text comes
    // back, and the other tab's goes into the history.
    const own = isUsersOwnWork(ctx, s.text);
    if (own) keepCurrent(ctx, 'this tab’s scenario');
    apply(ctx, resolved, { what: 'shared scenario' }, false);
    markOpened(ctx.storage, null);
    if (own) s.setShareNotice({ tone: 'info', message: 'This tab’s scenario is back. Another tab had saved a different one since; that one is in History.', canRestore: true });
    return 'opened';
  }
  return openResolved(ctx, resolved, { what: 'shared scenario' });
}
