// Which text this tab last put in its address, in sessionStorage (one per tab, kept across
// reloads): on reload, an address that holds this tab's own text opens as the user's own work,
// even when another tab saved a different text since.

import type { TextStorage } from '../persistence';
import { textHash } from './sameText';

export const TAB_TEXT_KEY = 'sidecar-lab:tab-text';

export function tabStorage(): TextStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function rememberTabText(session: TextStorage | null, text: string): void {
  try {
    session?.setItem(TAB_TEXT_KEY, textHash(text));
  } catch {
    // Then a reload may ask once more; nothing is lost.
  }
}

export function isThisTabsText(session: TextStorage | null, text: string): boolean {
  try {
    return session?.getItem(TAB_TEXT_KEY) === textHash(text);
  } catch {
    return false;
  }
}
