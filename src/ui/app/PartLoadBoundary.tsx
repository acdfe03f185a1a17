// Around each lazily loaded part (lazyPart.tsx): when the part's code cannot be loaded (a server
// that went away, a redeploy that removed the old chunks, a cut download), the part's stand-in
// stays in its place and the failure goes to the page's one notice (PartLoadNotice.tsx). Without
// it the failed import reached the root and unmounted the whole page. A part whose code did load
// but that throws while drawing is a fault of ours: inside a pane (insidePane.ts) the error goes
// on to the pane's boundary, which tries again at the next input; elsewhere (the header's parts)
// the part is treated as one that failed to load.

import { Component, type ContextType, type ReactNode } from 'react';
import { InsidePane } from './insidePane';
import { failureMessage } from './failureMessage';
import { partLoadFailures, type PartLoadFailures } from './partLoadFailures';

interface Props {
  /** What the part is, for a reader: "the gallery". */
  part: string;
  /** What stands in its place once it failed (the same stand-in as while it loads). */
  fallback: ReactNode;
  /** Whether the part's module has arrived (then an error is the part's drawing, not its load). */
  loaded: () => boolean;
  children: ReactNode;
  failures?: PartLoadFailures;
}

interface State {
  failed: boolean;
  error?: unknown;
}

export class PartLoadBoundary extends Component<Props, State> {
  static override contextType = InsidePane;
  declare context: ContextType<typeof InsidePane>;
  override state: State = { failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown): void {
    (this.props.failures ?? partLoadFailures).report({ part: this.props.part, message: failureMessage(error) });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (this.context && this.props.loaded()) throw this.state.error; // the pane's boundary takes it
    return this.props.fallback;
  }
}
