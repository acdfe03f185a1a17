// A link's `view=START-END` (src/share/viewParam) applied on load: the timeline opens on that
// span. When the link waits for an answer ("Open … / Keep mine"), the span waits with it and
// applies if the user opens the link.

import type { ViewSpan } from '../share';
import type { AppStore } from './store';

export function applyLinkView(store: AppStore, view: ViewSpan | null): void {
  if (!view) return;
  const s = store.getState();
  const pending = s.pendingOpen;
  if (pending) s.setPendingOpen({ ...pending, scenario: { ...pending.scenario, view } });
  else s.setView(view);
}
