// Two tabs on one scenario: localStorage holds one text, and the last tab to save wins. When
// another tab saves a different text, this tab keeps showing its own and both versions go into
// the history, so whichever tab saves next, nothing is lost; the banner says what happened.

import type { TextStorage } from '../persistence';
import { SCENARIO_KEY } from '../persistence';
import type { AppStore } from '../store';
import { HISTORY_KEY } from './history';
import { isUsersOwnWork, keepOwnText, refreshHistory } from './keepOwnWork';
import { sameText } from './sameText';

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
  const version = s.kubernetesVersion;
  if (isUsersOwnWork(storage, e.newValue)) keepOwnText(store, storage, { text: e.newValue, kubernetesVersion: version, replacedBy: 'this tab (it was saved in another tab)' }, now);
  if (isUsersOwnWork(storage, s.text)) keepOwnText(store, storage, { text: s.text, kubernetesVersion: version, replacedBy: 'another tab’s version' }, now);
  s.setShareNotice({ tone: 'info', message: 'This scenario was changed in another tab. This tab keeps its own text; both versions are in History.' });
}

/** Listens to other tabs' saves; returns the function that stops listening. */
export function watchOtherTabs(store: AppStore, storage: TextStorage | null, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  const listener = (e: StorageEvent) => onOtherTabChange(store, storage, e);
  target.addEventListener('storage', listener);
  return () => target.removeEventListener('storage', listener);
}
