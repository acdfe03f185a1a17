// Shown until Monaco arrives: the scenario as plain read-only text, so the page is useful at once.

import { useAppStore } from '../../state/appStore';
import { selectText } from '../../state/selectors';

export function EditorPlaceholder() {
  const text = useAppStore(selectText);
  return (
    <div className="editor-placeholder" aria-busy="true">
      <p className="editor-loading">Loading the editor…</p>
      <pre>{text}</pre>
    </div>
  );
}
