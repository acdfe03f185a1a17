// The one wrapper around Monaco: the rest of the app sees get/set text, markers, change events
// and reveal, never Monaco itself.

import type { Problem } from '../../engine/scenario/types';
import { MARKER_OWNER, problemToMarker } from './markers';
import { monaco } from './monacoSetup';
import { SCENARIO_URI } from './scenarioSchema';

export interface ScenarioEditor {
  getText(): string;
  /** Replaces the text as one undoable edit (no change event is lost or doubled). */
  setText(text: string): void;
  setProblems(problems: readonly Problem[]): void;
  onDidChangeText(listener: (text: string) => void): () => void;
  reveal(line: number, col: number): void;
  /** The caret, 1-based. */
  getPosition(): { line: number; col: number };
  dispose(): void;
}

export function createScenarioEditor(host: HTMLElement, text: string): ScenarioEditor {
  const uri = monaco.Uri.parse(SCENARIO_URI);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(text, 'yaml', uri);
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  const editor = monaco.editor.create(host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    lineHeight: 20,
    renderLineHighlight: 'line',
    fixedOverflowWidgets: true,
    tabSize: 2,
    padding: { top: 8 },
    ariaLabel: 'Scenario YAML',
  });

  return {
    getText: () => model.getValue(),
    setText(next) {
      if (next === model.getValue()) return;
      editor.pushUndoStop();
      editor.executeEdits('sidecar-lab', [{ range: model.getFullModelRange(), text: next }]);
      editor.pushUndoStop();
    },
    setProblems(problems) {
      const lineMax = (line: number) => model.getLineMaxColumn(line);
      monaco.editor.setModelMarkers(model, MARKER_OWNER, problems.map((p) => problemToMarker(p, model.getLineCount(), lineMax)));
    },
    onDidChangeText(listener) {
      const sub = model.onDidChangeContent(() => listener(model.getValue()));
      return () => sub.dispose();
    },
    reveal(line, col) {
      const position = { lineNumber: line, column: col };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
    },
    getPosition() {
      const p = editor.getPosition();
      return { line: p?.lineNumber ?? 1, col: p?.column ?? 1 };
    },
    dispose() {
      editor.dispose();
      model.dispose();
    },
  };
}
