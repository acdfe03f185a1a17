// Test hooks for end-to-end checks: the markers the editor shows, its text, hints and schema.
// `__monaco` is the bundled Monaco namespace, for checks written against Monaco's own API.

import type { Hint } from './hints';
import { getSchemaState, monaco, type SchemaState } from './monacoSetup';
import type { ScenarioEditor } from './scenarioEditor';
import { SCENARIO_URI } from './scenarioSchema';

export interface MarkerView {
  owner: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface SidecarLabTestHook {
  /** The scenario model's markers; all owners unless one is named ('sidecar-lab', 'yaml'). */
  getMarkers(owner?: string): MarkerView[];
  getText(): string;
  /** The caret, 1-based. */
  getPosition(): { line: number; col: number };
  /** The inline behaviour hints. */
  getHints(): Hint[];
  /** The schema in force: its key is "<version>|<container names>". */
  getSchema(): SchemaState;
  /** The model's language: 'yaml', or 'plaintext' while the YAML features are off (a huge text, an alias bomb). */
  getLanguage(): string;
}

declare global {
  interface Window {
    __sidecarLab?: SidecarLabTestHook;
    __monaco?: typeof monaco;
  }
}

const SEVERITY_NAME: Record<number, MarkerView['severity']> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'hint' };

export function installTestHook(editor: ScenarioEditor): () => void {
  const resource = monaco.Uri.parse(SCENARIO_URI);
  window.__monaco = monaco;
  window.__sidecarLab = {
    getMarkers: (owner) =>
      monaco.editor.getModelMarkers(owner === undefined ? { resource } : { resource, owner }).map((m) => ({
        owner: m.owner,
        severity: SEVERITY_NAME[m.severity] ?? 'hint',
        message: m.message,
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
        endLineNumber: m.endLineNumber,
        endColumn: m.endColumn,
      })),
    getText: () => editor.getText(),
    getPosition: () => editor.getPosition(),
    getHints: () => editor.getHints(),
    getSchema: () => getSchemaState(),
    getLanguage: () => monaco.editor.getModel(resource)?.getLanguageId() ?? '',
  };
  return () => {
    delete window.__sidecarLab;
  };
}
