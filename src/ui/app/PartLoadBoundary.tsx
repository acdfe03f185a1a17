// Around each lazily loaded part (lazyPart.tsx): when the part's code cannot be loaded (a server
// that went away, a redeploy that removed the old chunks, a cut download), the part's stand-in
// stays in its place and the failure goes to the page's one notice (PartLoadNotice.tsx). Without
// it the failed import reached the root and unmounted the whole page.

import { Component, type ReactNode } from 'react';
import { failureMessage, partLoadFailures, type PartLoadFailures } from './partLoadFailures';

interface Props {
  /** What the part is, for a reader: "the gallery". */
  part: string;
  /** What stands in its place once it failed (the same stand-in as while it loads). */
  fallback: ReactNode;
  children: ReactNode;
  failures?: PartLoadFailures;
}

export class PartLoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    (this.props.failures ?? partLoadFailures).report({ part: this.props.part, message: failureMessage(error) });
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
