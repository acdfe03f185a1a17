// The Monaco editor bound to the store: edits go to the store, the store's text (when changed
// elsewhere: the version picker, the gate toggles, a gallery entry, a share link) comes back as
// one undoable edit, and problems, reveal requests and the schema of the scenario's version
// follow. Loaded lazily (see LazyEditor).

import { useEffect, useRef, useState } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { selectProblems, selectResolvedTheme, selectRevealRequest, selectText } from '../../state/selectors';
import { selectVersion } from '../../state/simulationDoc/selectors';
import { EDITOR_THEMES, getSchemaState, monaco, onSchemaState, setScenarioSchema } from './monacoSetup';
import { createScenarioEditor, type ScenarioEditor } from './scenarioEditor';
import { selectContainerNames, selectEngineAnswered } from './scenarioSelectors';
import { installTestHook } from './testHook';
import { LARGE_TEXT_CHARS, type HeavyReason } from './yamlSafety';
import { formatBytes } from '../../state/formatSize';

export default function EditorPane() {
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<ScenarioEditor | null>(null);
  const [heavy, setHeavy] = useState<HeavyReason | null>(null);
  const [schemaError, setSchemaError] = useState<string | undefined>(getSchemaState().error);
  const text = useAppStore(selectText);
  const problems = useAppStore(selectProblems);
  const reveal = useAppStore(selectRevealRequest);
  const version = useAppStore(selectVersion);
  const names = useAppStore(selectContainerNames);
  const theme = useAppStore(selectResolvedTheme);
  const engineAnswered = useAppStore(selectEngineAnswered);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const ed = createScenarioEditor(host, appStore.getState().text);
    const stopListening = ed.onDidChangeText((t) => appStore.getState().setText(t));
    const stopHeavy = ed.onDidChangeHeavyReason(setHeavy);
    const stopSchema = onSchemaState((s) => setSchemaError(s.error));
    const removeHook = installTestHook(ed);
    setHeavy(ed.getHeavyReason());
    setEditor(ed);
    return () => {
      removeHook();
      stopSchema();
      stopHeavy();
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

  useEffect(() => {
    monaco.editor.setTheme(EDITOR_THEMES[theme]);
  }, [theme]);

  useEffect(() => {
    // Before the engine's first answer the container names are not known yet: wait for them
    // rather than restart monaco-yaml's worker a moment later.
    if (!editor || !engineAnswered) return;
    // The YAML language (and so monaco-yaml's worker) starts once the first schema is in force,
    // or failed to load: then with syntax checks only.
    void setScenarioSchema(version, names === '' ? [] : names.split('\n')).finally(() => editor.enableYaml());
  }, [editor, engineAnswered, version, names]);

  return (
    <div className="editor-pane">
      {heavy === 'large' && (
        <p className="editor-notice" role="status" data-testid="editor-notice">
          This text is {formatBytes(text.length)}: above {formatBytes(LARGE_TEXT_CHARS)} the editor turns off YAML highlighting,
          completion, hover and schema checks to stay responsive.
        </p>
      )}
      {heavy === 'aliases' && (
        <p className="editor-notice" role="status" data-testid="editor-notice">
          This text&apos;s YAML aliases expand to an alias bomb: the editor turns off YAML highlighting, completion, hover and
          schema checks until it is fixed.
        </p>
      )}
      {!heavy && schemaError && (
        <p className="editor-notice" role="status" data-testid="editor-notice">{schemaError}</p>
      )}
      <div ref={hostRef} className="editor-host" data-testid="editor" data-ready={editor ? 'true' : 'false'} />
    </div>
  );
}

