// Around each pane that draws what the engine answered (the timeline and its panels, the
// explanation, the problems): should drawing it throw (a fault of ours that some scenario
// reaches), that pane says so, and the rest of the page, the editor first, keeps working, so the
// user can change the text that reached it. Without it the error unmounted the whole page, and as
// the text is saved, a reload drew the same blank page again. The pane tries again at the next
// input: a new text, answer or problem list. A lazily loaded part inside the pane that throws
// while drawing hands its error here too (insidePane.ts, PartLoadBoundary.tsx).

import type { ReactNode } from 'react';
import { InsidePane } from './insidePane';
import { usePaneInput } from './paneInput';
import { RetryBoundary } from './RetryBoundary';

/** What a pane shows in its place once drawing it failed. */
function PaneFailure({ what, failure }: { what: string; failure: string }) {
  return (
    <div className="pane-error" role="alert" data-testid="pane-error">
      <p><strong>{what} could not be shown</strong> ({failure}).</p>
      <p>
        This is a fault in Sidecar Lab, not in your scenario. The rest of the page still works, and the next
        edit tries again.{' '}
        <button type="button" className="tool-button" onClick={() => window.location.reload()}>Reload</button>
      </p>
    </div>
  );
}

/** A pane's boundary: it tries again whenever the text, the engine's answer or the problems change. */
export function PaneGuard({ what, children }: { what: string; children: ReactNode }) {
  const input = usePaneInput();
  return (
    <InsidePane.Provider value>
      <RetryBoundary input={input} fallback={(failure) => <PaneFailure what={what} failure={failure} />}>{children}</RetryBoundary>
    </InsidePane.Provider>
  );
}
