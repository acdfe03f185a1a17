// Two tabs on one scenario: localStorage holds one text, and the last tab to save wins. When
// another tab saves a different text, this tab keeps showing its own, keeps it in the history (it
// is no longer what is saved), and says what happened; the other tab's text goes into the
// history when this tab saves over it (persistence.ts), so nothing is lost either way.

import type { TextStorage } from '../persistence';
import { SCENARIO_KEY } from '../persistence';
import type { AppStore } from '../store';
import { HISTORY_KEY } from './history';
import { isUsersOwnWork, keepOwnText, refreshHistory } from './keepOwnWork';
import { sameText } from './sameText';

export const OTHER_TAB_NOTICE = 'This scenario was changed in another tab. This tab keeps its own text; both versions are kept in History.';

/** The part of a `StorageEvent` read here. */
export interface StorageChange {
  key: string | null;
  newValue: string | null;
}

export function onOtherTabChange(store: AppStore, storage: TextStorage | null, e: StorageChange, now = Date.now()): void {
  if (e.key === HISTORY_KEY) {
    refreshHistory(store, storage);
    return;
  }
  if (e.key !== SCENARIO_KEY || e.newValue === null) return;
  const s = store.getState();
  if (sameText(e.newValue, s.text)) return;
  if (isUsersOwnWork(storage, s.text)) keepOwnText(store, storage, { text: s.text, replacedBy: 'another tab’s version' }, now);
  if (s.shareNotice?.message !== OTHER_TAB_NOTICE) s.setShareNotice({ tone: 'info', message: OTHER_TAB_NOTICE });
}

/** Listens to other tabs' saves; returns the function that stops listening. */
export function watchOtherTabs(store: AppStore, storage: TextStorage | null, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const listener = (e: StorageEvent) => onOtherTabChange(store, storage, e);
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}
