// The last line, around the whole app: should something outside the panes' own boundaries
// (PaneBoundary, PartLoadBoundary, EditorLoadBoundary) throw while drawing, the page says so,
// shows the scenario's text to copy (it is saved in this browser too) and offers a reload,
// instead of going blank.

import { Component, type ReactNode } from 'react';
import type { AppStore } from '../../state/store';
import { failureMessage } from './failureMessage';

interface Props {
  store: AppStore;
  children: ReactNode;
}

export class AppCrashBoundary extends Component<Props, { failure: string | null }> {
  override state = { failure: null as string | null };

  static getDerivedStateFromError(error: unknown): { failure: string } {
    return { failure: failureMessage(error) };
  }

  override render(): ReactNode {
    if (this.state.failure === null) return this.props.children;
    return (
      <main className="app-crash" data-testid="app-crash">
        <div role="alert">
          <h1>Sidecar Lab stopped</h1>
          <p>It could not draw the page ({this.state.failure}). This is a fault in Sidecar Lab, not in your scenario.</p>
        </div>
        <p>
          Your scenario is saved in this browser, and here it is to copy.{' '}
          <button type="button" className="tool-button" onClick={() => window.location.reload()}>Reload</button>
        </p>
        <pre tabIndex={0} aria-label="Your scenario">{this.props.store.getState().text}</pre>
      </main>
    );
  }
}
