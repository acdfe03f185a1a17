// Collecting problems with positions, and ordering them the way the editor and CLI show them.

import type { Problem } from './types';

/** A range in the text, 1-based, end inclusive of the last character's column + 1. */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export const START_SPAN: Span = { line: 1, col: 1, endLine: 1, endCol: 1 };

export class Problems {
  readonly list: Problem[] = [];

  add(severity: Problem['severity'], path: string, message: string, span: Span = START_SPAN): void {
    this.list.push({
      severity, path, message,
      line: span.line, col: span.col, endLine: span.endLine, endCol: span.endCol,
    });
  }

  error(path: string, message: string, span?: Span): void { this.add('error', path, message, span); }
  warning(path: string, message: string, span?: Span): void { this.add('warning', path, message, span); }
  info(path: string, message: string, span?: Span): void { this.add('info', path, message, span); }

  get hasErrors(): boolean { return this.list.some((p) => p.severity === 'error'); }

  /** Number of errors so far (lets a caller ask "did this step add errors?"). */
  errorCount(): number { return this.list.filter((p) => p.severity === 'error').length; }
}

/** Problems by line, then column; equal positions keep their order. Exact duplicates are dropped. */
export function sortProblems(list: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique: Problem[] = [];
  for (const p of list) {
    const key = `${p.severity}\u0000${p.path}\u0000${p.message}\u0000${p.line}:${p.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(p);
  }
  return unique
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.col - b.p.col || a.i - b.i)
    .map(({ p }) => p);
}

/** Field path helpers, printing the way the API server does: spec.initContainers[2].name. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}
