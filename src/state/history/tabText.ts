// What this tab last had, in sessionStorage (one per tab, kept across reloads): the text its
// address holds and the text it last saved. On reload they tell an address that is this tab's
// own (perhaps a moment older than the saved text: the address follows edits 400 ms late) from a
// link someone opened, and this tab's text from one another tab saved over it.

import type { TextStorage } from '../persistence';
import { sameText, textHash } from './sameText';

export const TAB_ADDRESS_KEY = 'sidecar-lab:tab-address';
export const TAB_TEXT_KEY = 'sidecar-lab:tab-text';

export function tabStorage(): TextStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function put(session: TextStorage | null, key: string, text: string): void {
  try {
    session?.setItem(key, textHash(text));
  } catch {
    // Then a reload may ask once more; nothing is lost.
  }
}

function is(session: TextStorage | null, key: string, text: string): boolean {
  try {
    return (session?.getItem(key) ?? '').split(' ').includes(textHash(text));
  } catch {
    return false;
  }
}

/** Addresses remembered: a reload may still go to the one before the last (written as the page went away). */
const ADDRESSES_KEPT = 3;
/** The address the page left behind: the last one before a write made as the page went away. */
export const TAB_ADDRESS_LEFT_KEY = 'sidecar-lab:tab-address-left';
/** The addresses a reload (only a reload) right after the page went away may still find, its last write being recent (space-separated hashes). */
export const TAB_ADDRESS_RACED_KEY = 'sidecar-lab:tab-address-raced';
/**
 * How long after an address write a reload may still go to the address before it. The browser
 * reloads the address it has on record, which a replaceState reaches a moment later (an IPC from
 * the page's process): a reload asked for while the write happens goes to the one before. On a
 * loaded machine that moment was long enough for a reload right after typing to go to an address
 * two writes old and ask about the tab's own text (e2e share.spec, 2026-12-04).
 */
export const ADDRESS_RACE_MS = 3000;

function remembered(session: TextStorage | null): string[] {
  try {
    return (session?.getItem(TAB_ADDRESS_KEY) ?? '').split(' ').filter((h) => h !== '');
  } catch {
    return [];
  }
}

function listed(session: TextStorage | null, key: string, hash: string): boolean {
  try {
    return (session?.getItem(key) ?? '').split(' ').includes(hash);
  } catch {
    return false;
  }
}

/**
 * This tab wrote `text` into its address. `leaving`: as the page went away, when a reload may
 * still go to the address before this one (the browser took it before the write); and when the
 * write before this one was `racing` (recent: ADDRESS_RACE_MS), a reload may go to the one before
 * that too.
 */
export function rememberTabAddress(session: TextStorage | null, text: string, leaving = false, racing = false): void {
  try {
    const before = remembered(session);
    const hash = textHash(text);
    session?.setItem(TAB_ADDRESS_KEY, [hash, ...before.filter((h) => h !== hash)].slice(0, ADDRESSES_KEPT).join(' '));
    const left = leaving && before[0] !== undefined && before[0] !== hash ? before[0] : '';
    session?.setItem(TAB_ADDRESS_LEFT_KEY, left);
    const raced = leaving && racing && before[1] !== undefined && before[1] !== hash ? before[1] : '';
    session?.setItem(TAB_ADDRESS_RACED_KEY, raced);
  } catch {
    // Then a reload may ask once more; nothing is lost.
  }
}

/**
 * The page goes away with no address write pending. When its last write was `racing` (recent),
 * a reload may still go to the address before it.
 */
export function rememberLeavingAddress(session: TextStorage | null, racing: boolean): void {
  try {
    const previous = racing ? remembered(session)[1] : undefined;
    session?.setItem(TAB_ADDRESS_RACED_KEY, previous ?? '');
  } catch {
    // Then a reload may ask once more; nothing is lost.
  }
}

/**
 * The address is the one this tab shows last, or one a reload right after leaving may still find:
 * the address before a write made as the page went away, and, for a `reload` only, the one before
 * a write made a moment before the page went away (a new navigation to it is a link opened again).
 */
function isCurrentAddress(session: TextStorage | null, text: string, reload: boolean): boolean {
  const hash = textHash(text);
  return remembered(session)[0] === hash || listed(session, TAB_ADDRESS_LEFT_KEY, hash) || (reload && listed(session, TAB_ADDRESS_RACED_KEY, hash));
}

/** This tab saved `text` (on every address write and when the page goes away). */
export function rememberTabText(session: TextStorage | null, text: string): void {
  put(session, TAB_TEXT_KEY, text);
}

/**
 * What an address's text is to this tab, given the text the editor starts with (the saved one):
 * - `same`: the editor's text (lone surrogates aside);
 * - `stale`: this tab's latest address (or the one a reload right after leaving still finds), and
 *   the editor holds what this tab saved since;
 * - `this-tab`: this tab's text, and the editor holds what another tab saved over it;
 * - `foreign`: a link from elsewhere.
 * `reload`: this page load is a reload (a reload may find an address a moment older than the last
 * write; a new navigation to that address is a link opened again).
 */
export function classifyAddress(session: TextStorage | null, addressText: string, editorText: string, reload = false): 'same' | 'stale' | 'this-tab' | 'foreign' {
  if (sameText(addressText, editorText)) return 'same';
  if (!is(session, TAB_ADDRESS_KEY, addressText)) return 'foreign';
  if (!is(session, TAB_TEXT_KEY, editorText)) return 'this-tab';
  // An older address of this tab, opened again on purpose (not a reload racing the address's
  // last write), is a link like any other: the user is asked before it replaces their text.
  return isCurrentAddress(session, addressText, reload) ? 'stale' : 'foreign';
}
