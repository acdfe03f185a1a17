// Shown until Monaco arrives: the scenario as plain read-only text, so the page is useful at once.
// It scrolls, so it takes the keyboard's focus (a region a keyboard cannot scroll fails WCAG 2.1.1;
// axe's scrollable-region-focusable): Monaco may take seconds to come, or wait behind the phone's tab.
// Should the editor's code fail to load (EditorLoadBoundary), it stays, saying so: the text is
// still saved and the timeline still works, and a reload (which keeps the text) tries again.

import { useAppStore } from '../../state/appStore';
import { selectText } from '../../state/selectors';

export function EditorPlaceholder({ failure }: { failure?: string }) {
  const text = useAppStore(selectText);
  const label = failure === undefined ? 'Scenario text (the editor is loading)' : 'Scenario text (the editor could not be loaded)';
  return (
    <div className="editor-placeholder" aria-busy={failure === undefined} role="region" aria-label={label} tabIndex={0}>
      {failure === undefined
        ? <p className="editor-loading">Loading the editor…</p>
        : (
          <p className="editor-notice" role="alert" data-testid="editor-load-error">
            The editor could not be loaded: {failure} The text below is your scenario as it was; the
            timeline still works. <button type="button" onClick={() => window.location.reload()}>Reload to try again</button>
          </p>
        )}
      <pre>{text}</pre>
    </div>
  );
}
