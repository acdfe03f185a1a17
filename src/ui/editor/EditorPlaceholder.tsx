// Shown until Monaco arrives: the scenario as plain read-only text, so the page is useful at once.
// It scrolls, so it takes the keyboard's focus (a region a keyboard cannot scroll fails WCAG 2.1.1;
// axe's scrollable-region-focusable): Monaco may take seconds to come, or wait behind the phone's tab.

import { useAppStore } from '../../state/appStore';
import { selectText } from '../../state/selectors';

export function EditorPlaceholder() {
  const text = useAppStore(selectText);
  return (
    <div className="editor-placeholder" aria-busy="true" role="region" aria-label="Scenario text (the editor is loading)" tabIndex={0}>
      <p className="editor-loading">Loading the editor…</p>
      <pre>{text}</pre>
    </div>
  );
}
