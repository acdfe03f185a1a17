// Engine problems -> Monaco markers. Pure: the severities are Monaco's MarkerSeverity numbers.

import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { Problem } from '../../engine/scenario/types';

export const MARKER_OWNER = 'sidecar-lab';

/** monaco.MarkerSeverity: Hint 1, Info 2, Warning 4, Error 8. */
export const SEVERITY: Record<Problem['severity'], number> = { error: 8, warning: 4, info: 2 };

/**
 * A problem without an end is marked to the end of its line (or one character on an empty line).
 * `lineMaxColumn` is the model's, so positions past the text are clamped.
 */
export function problemToMarker(p: Problem, lineCount: number, lineMaxColumn: (line: number) => number): editor.IMarkerData {
  const line = clampInt(p.line, 1, lineCount);
  const col = clampInt(p.col, 1, lineMaxColumn(line));
  let endLine = clampInt(p.endLine ?? line, line, lineCount);
  let endCol = p.endCol ?? lineMaxColumn(endLine);
  if (endLine === line && endCol <= col) {
    endLine = line;
    endCol = col + 1;
  }
  return {
    severity: SEVERITY[p.severity],
    message: p.path ? `${p.path}: ${p.message}` : p.message,
    source: 'Sidecar Lab',
    startLineNumber: line,
    startColumn: col,
    endLineNumber: endLine,
    endColumn: endCol,
  };
}

/**
 * The markers for the engine's problems: errors and warnings. Infos (a container's inferred
 * behaviour) are not markers; the editor shows them as inline hints (hints.ts).
 */
export function problemsToMarkers(problems: readonly Problem[], lineCount: number, lineMaxColumn: (line: number) => number): editor.IMarkerData[] {
  return problems.filter((p) => p.severity !== 'info').map((p) => problemToMarker(p, lineCount, lineMaxColumn));
}

function clampInt(n: number, lo: number, hi: number): number {
  const v = Number.isFinite(n) ? Math.trunc(n) : lo;
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
