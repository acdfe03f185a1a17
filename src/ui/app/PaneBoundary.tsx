// Around each pane that draws what the engine answered (the timeline and its panels, the
// explanation, the problems): should drawing it throw (a fault of ours that some scenario
// reaches), that pane says so, and the rest of the page, the editor first, keeps working, so the
// user can change the text that reached it. Without it the error unmounted the whole page, and as
// the text is saved, a reload drew the same blank page again. The pane tries again at the next
// input: a new text, answer or problem list. A lazily loaded part inside the pane that throws
// while drawing hands its error here too (insidePane.ts, PartLoadBoundary.tsx).

import { Component, type ReactNode } from 'react';
import { InsidePane } from './insidePane';
import { sameItems, usePaneInput } from './paneInput';
import { failureMessage } from './partLoadFailures';

interface Props {
  /** What the pane shows, for a reader: "The timeline". */
  what: string;
  /** What the pane draws from; a change to any of them clears a failure (compared item by item). */
  input: readonly unknown[];
  children: ReactNode;
}

interface State {
  failure: string | null;
  input: readonly unknown[];
}

export class PaneBoundary extends Component<Props, State> {
  override state: State = { failure: null, input: this.props.input };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return sameItems(props.input, state.input) ? null : { failure: null, input: props.input };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: failureMessage(error) };
  }

  override render(): ReactNode {
    if (this.state.failure === null) return this.props.children;
    return (
      <div className="pane-error" role="alert" data-testid="pane-error">
        <p><strong>{this.props.what} could not be shown</strong> ({this.state.failure}).</p>
        <p>
          This is a fault in Sidecar Lab, not in your scenario. The rest of the page still works, and the next
          edit tries again.{' '}
          <button type="button" className="tool-button" onClick={() => window.location.reload()}>Reload</button>
        </p>
      </div>
    );
  }
}

/** A PaneBoundary that tries again whenever the text, the engine's answer or the problems change. */
export function PaneGuard({ what, children }: { what: string; children: ReactNode }) {
  const input = usePaneInput();
  return (
    <InsidePane.Provider value>
      <PaneBoundary what={what} input={input}>{children}</PaneBoundary>
    </InsidePane.Provider>
  );
}
