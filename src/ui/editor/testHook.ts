// Test hooks for end-to-end checks: the markers the editor shows, and its text. `__monaco` is
// the bundled Monaco namespace, for checks written against Monaco's own API.

import { monaco } from './monacoSetup';
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
  };
  return () => {
    delete window.__sidecarLab;
  };
}
