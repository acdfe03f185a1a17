// Shown until Monaco arrives: the scenario as plain read-only text, so the page is useful at once.
// It scrolls, so it takes the keyboard's focus (a region a keyboard cannot scroll fails WCAG 2.1.1;
// axe's scrollable-region-focusable): Monaco may take seconds to come, or wait behind the phone's tab.
// Should the editor's code fail to load, or the editor stop on a fault of ours
// (EditorLoadBoundary), it stays, saying so: the text is still saved and the timeline still
// works, and a reload (which keeps the text) tries again.

import { useAppStore } from '../../state/appStore';
import { selectText } from '../../state/selectors';

/** Why the editor is not there: its code did not load, or it stopped while drawing (a fault of ours). */
export interface EditorFailure {
  kind: 'load' | 'fault';
  message: string;
}

const LABELS = { load: 'Scenario text (the editor could not be loaded)', fault: 'Scenario text (the editor stopped)' } as const;

export function EditorPlaceholder({ failure }: { failure?: EditorFailure }) {
  const text = useAppStore(selectText);
  const label = failure === undefined ? 'Scenario text (the editor is loading)' : LABELS[failure.kind];
  return (
    <div className="editor-placeholder" aria-busy={failure === undefined} role="region" aria-label={label} tabIndex={0}>
      {failure === undefined
        ? <p className="editor-loading">Loading the editor…</p>
        : failure.kind === 'load'
          ? (
            <p className="editor-notice" role="alert" data-testid="editor-load-error">
              The editor could not be loaded: {failure.message} The text below is your scenario as it was; the
              timeline still works. <button type="button" onClick={() => window.location.reload()}>Reload to try again</button>
            </p>
          )
          : (
            <p className="editor-notice" role="alert" data-testid="editor-load-error">
              The editor stopped ({failure.message}). This is a fault in Sidecar Lab, not in your scenario. The text
              below is your scenario as it was, and it is saved; the editor comes back when the scenario changes
              (the gallery, History, a link) or after a reload.{' '}
              <button type="button" onClick={() => window.location.reload()}>Reload</button>
            </p>
          )}
      <pre>{text}</pre>
    </div>
  );
}
