// The Monaco editor bound to the store: edits go to the store, the store's text (when changed
// elsewhere), problems and reveal requests come back. Loaded lazily (see LazyEditor).

import { useEffect, useRef, useState } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { selectProblems, selectRevealRequest, selectText } from '../../state/selectors';
import { createScenarioEditor, type ScenarioEditor } from './scenarioEditor';
import { installTestHook } from './testHook';

export default function EditorPane() {
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<ScenarioEditor | null>(null);
  const text = useAppStore(selectText);
  const problems = useAppStore(selectProblems);
  const reveal = useAppStore(selectRevealRequest);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const ed = createScenarioEditor(host, appStore.getState().text);
    const stopListening = ed.onDidChangeText((t) => appStore.getState().setText(t));
    const removeHook = installTestHook(ed);
    setEditor(ed);
    return () => {
      removeHook();
      stopListening();
      ed.dispose();
      setEditor(null);
    };
  }, []);

  useEffect(() => {
    editor?.setText(text);
  }, [editor, text]);

  useEffect(() => {
    editor?.setProblems(problems);
  }, [editor, problems]);

  useEffect(() => {
    if (editor && reveal) editor.reveal(reveal.line, reveal.col);
  }, [editor, reveal]);

  return <div ref={hostRef} className="editor-host" data-testid="editor" data-ready={editor ? 'true' : 'false'} />;
}
