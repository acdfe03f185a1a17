// Helpers for this directory's unit tests (not used by the engine itself).

import { parseScenario } from './parse';
import type { ParseOptions, ParseResult, Problem } from './types';

export function fmt(p: Problem): string {
  return `${p.line}:${p.col} ${p.path}: ${p.message}`;
}

export interface Checked {
  result: ParseResult;
  errors: string[];
  warnings: string[];
  infos: string[];
}

export function check(text: string, opts: ParseOptions = {}): Checked {
  const result = parseScenario(text, opts);
  const of = (s: Problem['severity']) => result.problems.filter((p) => p.severity === s).map(fmt);
  return { result, errors: of('error'), warnings: of('warning'), infos: of('info') };
}

/** A Pod manifest around container YAML given as indented lines (6 spaces for list items' keys). */
export function pod(spec: string, name = 'p'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

export function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got:\n${result.problems.map(fmt).join('\n')}`);
  return result;
}
