// When the editor's code cannot be loaded (its chunk or Monaco's script: a server that went away,
// a redeploy that removed the old files, a proxy that cut the download), the pane shows the
// scenario read-only with what failed and a way to try again, and the rest of the app keeps
// working. Without it the failed import reached the root and unmounted the whole page.
// Once its code has arrived, an error is the editor's drawing (a fault of ours that some state
// reaches): the pane says the editor stopped, and tries again at the next input (the text, the
// engine's answer or the problems: a gallery entry, History or a link can still change the text).

import type { ReactNode } from 'react';
import { RetryBoundary } from '../app/RetryBoundary';
import { EditorPlaceholder } from './EditorPlaceholder';

interface Props {
  /** Whether the editor's code has arrived (then an error is a fault while drawing, not a load). */
  loaded: () => boolean;
  /** What the editor draws from; a change to any of them clears a failure (compared item by item). */
  input: readonly unknown[];
  children: ReactNode;
}

export function EditorLoadBoundary({ loaded, input, children }: Props) {
  return (
    <RetryBoundary input={input} fallback={(failure) => <EditorPlaceholder failure={{ kind: loaded() ? 'fault' : 'load', message: failure }} />}>
      {children}
    </RetryBoundary>
  );
}
