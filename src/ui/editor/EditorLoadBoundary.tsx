// When the editor's code cannot be loaded (its chunk or Monaco's script: a server that went away,
// a redeploy that removed the old files, a proxy that cut the download), the pane shows the
// scenario read-only with what failed and a way to try again, and the rest of the app keeps
// working. Without it the failed import reached the root and unmounted the whole page.

import { Component, type ReactNode } from 'react';
import { EditorPlaceholder } from './EditorPlaceholder';

interface State {
  failure: string | null;
}

export class EditorLoadBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failure: null };

  static getDerivedStateFromError(error: unknown): State {
    return { failure: error instanceof Error && error.message ? error.message : String(error) };
  }

  override render(): ReactNode {
    return this.state.failure === null ? this.props.children : <EditorPlaceholder failure={this.state.failure} />;
  }
}
