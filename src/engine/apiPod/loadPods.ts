// A file of Pod objects: several YAML documents, each a Pod or a `kind: List` of Pods (what
// `kubectl get pods -o yaml` prints). Problems carry the line and column of the field.

import { LineCounter, type Document } from 'yaml';
import type { Problem } from '../scenario/types';
import { parseAllDocumentsInSteps, type StepListener } from '../scenario/yamlInSteps';
import { formatPath, isObj, type PathSeg, type RawProblem } from './fields';
import { readPodObject, type PodObject } from './readPod';

export interface LoadedPod extends PodObject {
  /** Where the Pod starts in the text (1-based). */
  line: number;
  col: number;
}

export interface LoadResult {
  pods: LoadedPod[];
  problems: Problem[];
}

type Doc = Document.Parsed;

/** The position of the deepest node on `path` that exists. */
function positionOf(doc: Doc, lc: LineCounter, path: PathSeg[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lc.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

function toProblem(doc: Doc, lc: LineCounter, prefix: PathSeg[], p: RawProblem): Problem {
  const pos = positionOf(doc, lc, [...prefix, ...p.path]);
  return { severity: p.severity, path: formatPath([...prefix, ...p.path]), message: p.message, line: pos.line, col: pos.col };
}

function syntaxProblems(doc: Doc, lc: LineCounter): Problem[] {
  return doc.errors.map((e) => {
    const at = e.pos[0] >= 0 ? lc.linePos(e.pos[0]) : { line: 1, col: 1 };
    return { severity: 'error' as const, path: '', message: e.message.split('\n')[0] ?? e.message, line: at.line, col: at.col };
  });
}

/** `onStep` is called now and then while a long text is read (yamlInSteps.ts). */
export function loadPods(text: string, onStep?: StepListener): LoadResult {
  const lc = new LineCounter();
  const docs = parseAllDocumentsInSteps(text, { lineCounter: lc }, onStep);
  const out: LoadResult = { pods: [], problems: [] };
  for (const doc of docs) {
    const syntax = syntaxProblems(doc, lc);
    if (syntax.length) {
      out.problems.push(...syntax);
      continue;
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue; // an empty document
    const items: { obj: unknown; prefix: PathSeg[] }[] = isObj(value) && value.kind === 'List' && Array.isArray(value.items)
      ? value.items.map((obj, i) => ({ obj, prefix: ['items', i] }))
      : [{ obj: value, prefix: [] }];
    for (const { obj, prefix } of items) {
      const read = readPodObject(obj);
      const problems = read.problems.map((p) => toProblem(doc, lc, prefix, p));
      out.problems.push(...problems.sort((a, b) => a.line - b.line || a.col - b.col));
      if (read.pod) out.pods.push({ ...read.pod, ...positionOf(doc, lc, prefix) });
    }
  }
  return out;
}
