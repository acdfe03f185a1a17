// "Continue from here" (issue 14; contract handle `continue-from-here`): the explained pod becomes a
// scenario that starts from its observed state (engine/explain/continueScenario). The user's pod
// goes into History first; if the storage refuses it, nothing is replaced (the storage notice
// offers it for export).

import { continueRefusal, continueScenario } from '../../engine/explain/continueScenario';
import { keepOwnText, markOpened } from '../history/keepOwnWork';
import type { TextStorage } from '../persistence';
import type { AppState, AppStore } from '../store';
import { selectVersion } from '../simulationDoc/selectors';
import { selectExplanation } from './selectExplanation';

export function continueFromHere(store: AppStore, storage: TextStorage | null, now = Date.now()): boolean {
  const s = store.getState();
  const pod = selectExplanation(s)?.[0];
  const result = continueScenario(s.text, { version: selectVersion(s), ...(pod ? { now: pod.now } : {}) });
  if (!result.ok) {
    s.setShareNotice({ tone: 'error', message: `Cannot continue from this pod: ${result.message}` });
    return false;
  }
  const kept = keepOwnText(store, storage, { text: s.text, replacedBy: 'an explained pod' }, now);
  if (kept === null) return false;
  markOpened(storage, null); // the continued scenario is the user's own work from here
  s.setExplainNow(null);
  // The continued scenario's Simulation document names its version (continueScenario writes it).
  s.loadScenario({ text: result.text, cursor: null });
  s.setRestorable(kept.id);
  s.setShareNotice({
    tone: 'info',
    message: `Continued from the explained pod: the timeline shows what was observed up to ${result.now}s, then simulates. Your pod is in History.`,
    canRestore: true,
  });
  return true;
}

/** Why the first explained pod cannot be continued (a terminal pod, [6.5]), or undefined: the button says so before it is pressed. */
export const selectContinueRefusal = (s: AppState): string | undefined => continueRefusal(s.result?.explain?.pods[0]?.pod.status.phase);
