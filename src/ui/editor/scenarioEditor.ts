// The one wrapper around Monaco: the rest of the app sees get/set text, problems, change events
// and reveal, never Monaco itself.

import type { Problem } from '../../engine/scenario/types';
import { hintsFrom, type Hint } from './hints';
import { MARKER_OWNER, problemsToMarkers } from './markers';
import { editorEngagement } from './engagement';
import { monaco } from './monacoSetup';
import { SCENARIO_URI } from './scenarioSchema';
import { minimalEdit } from './textEdit';
import { heavyReason, LARGE_TEXT_CHARS, type HeavyReason } from './yamlSafety';

export interface ScenarioEditor {
  getText(): string;
  /**
   * Puts `text` in the editor as one undoable step on the same model (never `setValue`): only
   * the part that differs is replaced, so the cursor and the scroll position stay where the
   * text did not change, and Ctrl+Z brings back the text before, even after a whole new
   * scenario was loaded (a gallery entry, a share link). Fires the change listeners.
   */
  setText(text: string): void;
  /** Errors and warnings become markers; infos (inferred behaviour) become inline hints. */
  setProblems(problems: readonly Problem[]): void;
  onDidChangeText(listener: (text: string) => void): () => void;
  reveal(line: number, col: number): void;
  /** The caret, 1-based. */
  getPosition(): { line: number; col: number };
  /** The inline hints shown. */
  getHints(): Hint[];
  /**
   * Why the YAML language features (highlighting, completion, hover, schema checks) are off for
   * the text: it is over LARGE_TEXT_CHARS, or its aliases expand to an alias bomb, which would
   * keep monaco-yaml's worker busy for good. Null when they are on.
   */
  getHeavyReason(): HeavyReason | null;
  /**
   * Turns the YAML language on (the model starts as plain text). Called once the first schema is
   * in force, so monaco-yaml's worker starts with it rather than being restarted at once.
   */
  enableYaml(): void;
  onDidChangeHeavyReason(listener: (reason: HeavyReason | null) => void): () => void;
  dispose(): void;
}

/**
 * Editor features that scan the whole text (some in Monaco's own worker), off for a large text.
 * Link detection stays on from the load although it starts Monaco's own worker then (~0.1 s of
 * CPU): held back until the reader reached the editor, that worker started at the first keystroke
 * instead (word-based completion asks it too), and slowed the first redraws.
 */
function largeTextOptions(large: boolean) {
  return {
    links: !large,
    occurrencesHighlight: large ? 'off' as const : 'singleFile' as const,
    wordBasedSuggestions: large ? 'off' as const : 'matchingDocuments' as const,
    unicodeHighlight: {
      ambiguousCharacters: !large,
      invisibleCharacters: !large,
      // In values too (Monaco's default leaves string tokens out, and the YAML tokenizer calls a
      // value a string): a zero-width space in a container's name, or a lookalike letter in a
      // `kind`, is what breaks a pasted manifest without showing. Comments stay free for prose.
      includeStrings: true,
      // Monaco's default also allows the characters of the OS's locale ('_os'), which it reads
      // through Intl: the page's first Intl object costs ~55 ms of ICU start-up (50-88 ms measured
      // in Chromium 156) before the editor is ready, at every load. Without it a share link shows
      // the same highlights on every machine: a lookalike letter (Cyrillic о in `Pоd`) is marked
      // whatever the reader's locale, as a Kubernetes key is ASCII anyway.
      allowedLocales: { _vscode: true as const },
    },
    folding: !large,
    matchBrackets: large ? 'never' as const : 'always' as const,
  };
}

export function createScenarioEditor(host: HTMLElement, text: string): ScenarioEditor {
  const uri = monaco.Uri.parse(SCENARIO_URI);
  monaco.editor.getModel(uri)?.dispose();
  let heavy = heavyReason(text);
  let yamlEnabled = false;
  const languageNow = () => (yamlEnabled && heavy === null ? 'yaml' : 'plaintext');
  const model = monaco.editor.createModel(text, languageNow(), uri);
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
    // Completion inside a value's line (e.g. after `restartPolicy: `) as well as for keys.
    quickSuggestions: { other: true, comments: false, strings: true },
    ...largeTextOptions(heavy === 'large'),
    // Off: it asks the folding provider (monaco-yaml's worker) for ranges even after the model
    // turned plain text for a heavy text, and with yaml-language-server's ranges it showed the
    // scope above the first line (metadata: over spec:).
    stickyScroll: { enabled: false },
    // 'on', not Linux's default 'dimmed': the dimmed number of the line after a final newline
    // falls short of WCAG AA contrast (1.8:1 in both themes; axe's color-contrast).
    renderFinalNewline: 'on',
  });

  // Synchronous, inside the change itself: the language is plain text before monaco-yaml's
  // debounced validation (or its folding, completion, hover) can send a heavy text to its worker.
  const heavyListeners = new Set<(reason: HeavyReason | null) => void>();
  const syncLanguage = model.onDidChangeContent(() => {
    const reason = model.getValueLength() > LARGE_TEXT_CHARS ? 'large' : heavyReason(model.getValue());
    if (reason === heavy) return;
    heavy = reason;
    editor.updateOptions(largeTextOptions(heavy === 'large'));
    monaco.editor.setModelLanguage(model, languageNow());
    for (const l of heavyListeners) l(heavy);
  });

  // The reader reaches for the editor: monaco-yaml's worker may start (engagement.ts).
  const reachers = [editor.onDidFocusEditorWidget(reached), editor.onMouseMove(reached)];
  function reached() {
    for (const r of reachers.splice(0)) r.dispose();
    editorEngagement.reach();
  }

  const hintDecorations = editor.createDecorationsCollection();
  /** The problems last shown, and the lines they were on (see setProblems). */
  let lastShown: string | undefined;
  const shownKey = (problems: readonly Problem[]) => JSON.stringify([problems, model.getLineCount(), problems.map((p) => (
    p.line >= 1 && p.line <= model.getLineCount() ? model.getLineContent(p.line) : ''))]);
  let hints: Hint[] = [];
  /** The text last handed to the change listeners: the store echoes it back, nothing to do then. */
  let emitted: string | undefined;

  return {
    getText: () => model.getValue(),
    setText(next) {
      if (next === emitted && model.getValueLength() === next.length) return;
      const edit = minimalEdit(model.getValue(), next);
      if (!edit) return;
      const start = model.getPositionAt(edit.start);
      const end = model.getPositionAt(edit.end);
      editor.pushUndoStop();
      editor.executeEdits('sidecar-lab', [{
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        text: edit.text,
        forceMoveMarkers: true,
      }]);
      editor.pushUndoStop();
    },
    setProblems(problems) {
      // Most keystrokes leave the problems as they were, and the markers and hints already shown
      // (Monaco moves decorations with the edits): rewriting a big pod's 40 hints cost ~8 ms of
      // each keystroke before the timeline could change (issue 16). The lines they sit on are
      // part of the comparison, so a text that only has equal problems is marked again.
      const shown = shownKey(problems);
      if (shown === lastShown) return;
      lastShown = shown;
      const lineMax = (line: number) => model.getLineMaxColumn(line);
      monaco.editor.setModelMarkers(model, MARKER_OWNER, problemsToMarkers(problems, model.getLineCount(), lineMax));
      hints = hintsFrom(problems).filter((h) => h.line >= 1 && h.line <= model.getLineCount());
      hintDecorations.set(hints.map((h) => {
        const first = Math.max(1, model.getLineFirstNonWhitespaceColumn(h.line));
        const last = model.getLineMaxColumn(h.line);
        return {
          range: new monaco.Range(h.line, first, h.line, last),
          options: {
            description: 'sidecar-lab-behaviour-hint',
            after: { content: `  ${h.text}`, inlineClassName: 'sidecar-hint' },
            hoverMessage: { value: `**Inferred behaviour.** ${escapeMarkdown(h.full)}` },
            showIfCollapsed: true,
          },
        };
      }));
    },
    onDidChangeText(listener) {
      const sub = model.onDidChangeContent(() => {
        emitted = model.getValue();
        listener(emitted);
      });
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
    getHints: () => hints,
    getHeavyReason: () => heavy,
    enableYaml() {
      if (yamlEnabled) return;
      yamlEnabled = true;
      if (model.getLanguageId() !== languageNow()) monaco.editor.setModelLanguage(model, languageNow());
    },
    onDidChangeHeavyReason(listener) {
      heavyListeners.add(listener);
      return () => heavyListeners.delete(listener);
    },
    dispose() {
      for (const r of reachers.splice(0)) r.dispose();
      syncLanguage.dispose();
      hintDecorations.clear();
      editor.dispose();
      model.dispose();
    },
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~-]/g, (c) => `\\${c}`);
}
