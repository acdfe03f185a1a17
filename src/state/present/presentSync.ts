// Keeps presenter mode in step with the engine: a `?present` link opens it once the first trace
// is drawn (from the first step, or from `?t=` when the link has one), and a new trace (an edit,
// another version) re-aligns the step with the cursor.

import type { AppStore } from '../store';
import { presentResync, startPresenting } from './controller';
import type { PresentLink } from './presentLink';

export function startPresentSync(store: AppStore, link: PresentLink, linkHasCursor: boolean): () => void {
  store.getState().setPresent({ presentTitle: link.title, presentCaption: link.caption });
  let pending = link.present;
  return store.subscribe((s, prev) => {
    if (!s.trace || s.trace === prev.trace || s.running) return;
    if (pending) {
      pending = false;
      if (!linkHasCursor) s.setCursorTime(0);
      startPresenting(store);
    } else if (s.presenting) {
      presentResync(store);
    }
  });
}
