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

/** This tab wrote `text` into its address. */
export function rememberTabAddress(session: TextStorage | null, text: string): void {
  try {
    const before = (session?.getItem(TAB_ADDRESS_KEY) ?? '').split(' ').filter((h) => h !== '');
    session?.setItem(TAB_ADDRESS_KEY, [textHash(text), ...before.filter((h) => h !== textHash(text))].slice(0, ADDRESSES_KEPT).join(' '));
  } catch {
    // Then a reload may ask once more; nothing is lost.
  }
}

/** This tab saved `text` (on every address write and when the page goes away). */
export function rememberTabText(session: TextStorage | null, text: string): void {
  put(session, TAB_TEXT_KEY, text);
}

/**
 * What an address's text is to this tab, given the text the editor starts with (the saved one):
 * - `same`: the editor's text (lone surrogates aside);
 * - `stale`: an older address of this tab, and the editor holds what this tab saved since;
 * - `this-tab`: this tab's text, and the editor holds what another tab saved over it;
 * - `foreign`: a link from elsewhere.
 */
export function classifyAddress(session: TextStorage | null, addressText: string, editorText: string): 'same' | 'stale' | 'this-tab' | 'foreign' {
  if (sameText(addressText, editorText)) return 'same';
  if (!is(session, TAB_ADDRESS_KEY, addressText)) return 'foreign';
  return is(session, TAB_TEXT_KEY, editorText) ? 'stale' : 'this-tab';
}
