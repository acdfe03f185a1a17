// Bringing one of the user's earlier texts back from the history (the History panel's entries
// and the banner's "Restore mine"). What the editor holds is kept first when it is theirs.

import { isSupportedVersion } from '../../engine/version';
import { withVersionBeside } from '../simulationDoc/version';
import type { TextStorage } from '../persistence';
import type { AppStore } from '../store';
import { relativeTime } from './relativeTime';
import { sameText } from './sameText';
import { isUsersOwnWork, keepOwnText, markOpened } from './keepOwnWork';

export function restoreEntry(store: AppStore, storage: TextStorage | null, id: string, now = Date.now()): boolean {
  const s = store.getState();
  const entry = s.history.find((e) => e.id === id);
  if (!entry) {
    s.setShareNotice({ tone: 'error', message: 'That earlier scenario is no longer in the history.' });
    return false;
  }
  let kept = null;
  if (!sameText(s.text, entry.text) && isUsersOwnWork(storage, s.text)) {
    kept = keepOwnText(store, storage, { text: s.text, replacedBy: `“${entry.name}” from History` }, now);
    if (kept === null) return false;
  }
  markOpened(storage, null);
  // An entry kept with a version beside its text (by an older release) gets it written in.
  const text = isSupportedVersion(entry.kubernetesVersion) ? withVersionBeside(entry.text, entry.kubernetesVersion) ?? entry.text : entry.text;
  s.loadScenario({ text, cursor: null });
  s.setCompare(null);
  s.setRestorable(kept?.id ?? null);
  const tail = kept ? ' The scenario you had is in History too.' : '';
  s.setShareNotice({ tone: 'info', message: `Restored “${entry.name}” (kept ${relativeTime(entry.savedAt, now)}).${tail}`, canRestore: kept !== null });
  return true;
}
