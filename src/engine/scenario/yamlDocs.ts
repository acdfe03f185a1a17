// Scenario text -> YAML documents with positions. Everything hostile is stopped here: huge
// text, binary junk, deep nesting, alias bombs, more documents than a scenario holds.

import {
  LineCounter, isAlias, isMap, isPair, isScalar, isSeq,
  type Document, type Node as YamlNode, type YAMLError,
} from 'yaml';
import { MAX_ALIAS_COUNT, MAX_ALIAS_NODES, MAX_DEPTH, MAX_DOCUMENTS, MAX_TEXT_CHARS } from './limits';
import { Problems, START_SPAN, type Span } from './problems';
import { thousands } from '../thousands';
import { parseAllDocumentsInSteps, type StepListener } from './yamlInSteps';
import { isMarkerAt, keptBoundaries, remember, type Boundary } from './unchangedDocuments';
import type { ScalarValue, YEntry, YMap, YNode } from './ynode';

export interface YamlDoc {
  map: YMap;
  /** 0-based position among the non-empty documents. */
  index: number;
}

export interface YamlParse {
  docs: YamlDoc[];
  /** False when the text could not be read as YAML documents at all. */
  ok: boolean;
}

class Stop extends Error {}

/** Position of a character offset, for pre-parse checks (no LineCounter yet). */
function offsetSpan(text: string, offset: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  const col = offset - lineStart + 1;
  return { line, col, endLine: line, endCol: col + 1 };
}

/** First control character YAML text may not hold (NUL, other C0 controls, DEL, U+FFFE/FFFF). */
function firstBinaryChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

/**
 * Deepest flow nesting ([ and {), skipping quoted strings and comments. The yaml composer
 * recurses per level, so a few hundred thousand brackets would blow the stack; refuse first.
 */
function deepFlowOffset(text: string): number {
  let depth = 0;
  let quote = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') { i++; continue; }
      if (ch === quote) quote = '';
      if (ch === '\n') {
        lineStart = true;
        // An apostrophe in a block scalar is not a quote: do not let it hide a whole file.
        if (depth === 0) quote = '';
      }
      continue;
    }
    if (ch === '\n') { lineStart = true; continue; }
    if (ch === '#' && (lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl - 1;
      continue;
    }
    if (ch !== ' ' && ch !== '\t') lineStart = false;
    if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) { quote = ch; continue; }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return -1;
}

const HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'indent with spaces',
  MULTILINE_IMPLICIT_KEY: 'is a colon missing, or a quote left open?',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line and the next',
  BAD_INDENT: 'check the indentation',
  UNEXPECTED_TOKEN: 'check the indentation and the punctuation around here',
};

function readableYamlError(text: string, err: YAMLError): string {
  if (/Maximum call stack/i.test(err.message)) return `YAML nesting is too deep (more than ${MAX_DEPTH} levels)`;
  const raw = err.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const hint = HINTS[err.code];
  return `YAML syntax error: ${raw.charAt(0).toLowerCase()}${raw.slice(1)}${hint ? ` (${hint})` : ''}`;
}

/** The message for a key written twice in one mapping (the parser's own check is quadratic). */
function duplicateKeyMessage(key: string): string {
  return `YAML syntax error: duplicate key ${JSON.stringify(key.slice(0, 200))}: a key may appear only once in a mapping`;
}

/** The converter steps (see yamlInSteps.ts) once per this many nodes: a pod of 10,000 containers has ~50,000. */
const NODES_PER_STEP = 4096;

class Converter {
  private aliasNodes = 0;
  private aliasChecked = false;
  private nodes = 0;
  /** Set when a mapping repeats a key: the document is reported, not used. */
  duplicateKeys = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LinePositions,
    private readonly p: Problems,
    private readonly onStep?: StepListener,
  ) {}

  span(range: readonly number[] | null | undefined): Span {
    if (!range) return START_SPAN;
    const start = this.lc.linePos(range[0] ?? 0);
    const end = this.lc.linePos(range[1] ?? range[0] ?? 0);
    return { line: start.line, col: start.col, endLine: end.line, endCol: end.col };
  }

  private checkAliases(node: YamlNode): void {
    if (this.aliasChecked) return;
    this.aliasChecked = true;
    try {
      this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      if (e instanceof ReferenceError || /alias/i.test(String((e as Error).message))) {
        this.p.error('', `YAML aliases expand too much (${(e as Error).message}); a scenario may not use an alias bomb ("billion laughs")`, this.span(node.range));
        throw new Stop();
      }
      throw e;
    }
  }

  convert(node: unknown, depth: number, viaAlias: boolean, fallback: Span): YNode {
    if (++this.nodes % NODES_PER_STEP === 0) this.onStep?.();
    if (depth > MAX_DEPTH) {
      this.p.error('', `YAML nesting is too deep (more than ${MAX_DEPTH} levels)`, fallback);
      throw new Stop();
    }
    if (viaAlias && ++this.aliasNodes > MAX_ALIAS_NODES) {
      this.p.error('', `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes; a scenario may not use an alias bomb ("billion laughs")`, fallback);
      throw new Stop();
    }
    if (node === null || node === undefined) {
      return { kind: 'scalar', span: fallback, value: null, source: '', quoted: false };
    }
    if (isAlias(node)) {
      this.checkAliases(node);
      const target = node.resolve(this.doc);
      if (!target) {
        this.p.error('', `YAML alias *${node.source} refers to no anchor`, this.span(node.range));
        throw new Stop();
      }
      return this.convert(target, depth, true, this.span(node.range));
    }
    if (isScalar(node)) {
      const span = this.span(node.range);
      const v = node.value;
      let value: ScalarValue;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') value = v;
      else if (typeof v === 'bigint') value = Number(v);
      else value = String(v);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const source = typeof node.source === 'string' ? node.source : typeof v === 'string' ? v : String(v);
      return { kind: 'scalar', span, value, source, quoted };
    }
    if (isSeq(node)) {
      const span = this.span(node.range);
      return { kind: 'seq', span, items: node.items.map((it) => this.convert(it, depth + 1, viaAlias, span)) };
    }
    if (isMap(node)) {
      const span = this.span(node.range);
      const entries: YEntry[] = [];
      const merged: YNode[] = [];
      // Keys seen in this mapping, compared as the yaml package compares them (scalar values,
      // so 1 and "1" differ), but in a Set: linear in the number of keys. Nodes reached through
      // an alias were checked where their anchor stands.
      const seen = viaAlias ? undefined : new Set<unknown>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YamlNode | null;
        const keySpan = k && 'range' in k ? this.span(k.range) : span;
        const isMerge = k !== null && isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
        const key = k === null ? '' : isScalar(k) ? (typeof k.value === 'symbol' ? '<<' : String(k.value)) : '[complex key]';
        if (seen && !isMerge && (k === null || isScalar(k))) {
          const identity = k === null ? null : k.value;
          if (seen.has(identity)) {
            this.p.error('', duplicateKeyMessage(key), keySpan);
            this.duplicateKeys = true;
          }
          seen.add(identity);
        }
        const value = this.convert(pair.value, depth + 1, viaAlias, keySpan);
        if (isMerge) {
          merged.push(value);
          continue;
        }
        entries.push({ key, keySpan, value });
      }
      for (const m of merged) this.merge(entries, m);
      return { kind: 'map', span, entries };
    }
    return { kind: 'scalar', span: fallback, value: String(node), source: String(node), quoted: false };
  }

  /** YAML 1.1 merge keys (`<<: *defaults`), which Kubernetes' YAML decoder honours. */
  private merge(entries: YEntry[], value: YNode): void {
    const sources = value.kind === 'seq' ? value.items : [value];
    const present = new Set(entries.map((x) => x.key));
    for (const src of sources) {
      if (src.kind !== 'map') continue;
      for (const e of src.entries) {
        if (present.has(e.key)) continue;
        present.add(e.key);
        entries.push(e);
      }
    }
  }
}

function describeKind(n: YNode): string {
  if (n.kind === 'seq') return 'a list';
  if (n.kind === 'map') return 'a mapping';
  return `a ${typeof n.value === 'string' ? 'string' : typeof n.value === 'number' ? 'number' : 'scalar'}`;
}

/**
 * The checks made before any YAML parser sees the text: too large, binary data, nesting deep
 * enough to blow the parser's stack. Returns false after reporting the first that applies.
 * The CLI runs them on Pod files too, before they are parsed.
 */
export function screenYamlText(text: string, p: Problems): boolean {
  if (text.length > MAX_TEXT_CHARS) {
    p.error('', `the scenario is too large: ${thousands(text.length)} characters (at most ${thousands(MAX_TEXT_CHARS)}); it was not parsed`, START_SPAN);
    return false;
  }
  const bin = firstBinaryChar(text);
  if (bin >= 0) {
    const code = text.charCodeAt(bin).toString(16).toUpperCase().padStart(4, '0');
    const at = offsetSpan(text, bin);
    p.error('', `binary data: control character U+${code} at line ${at.line}, column ${at.col}; a scenario must be YAML text`, at);
    return false;
  }
  const deep = deepFlowOffset(text);
  if (deep >= 0) {
    p.error('', `YAML nesting is too deep (more than ${MAX_DEPTH} levels)`, offsetSpan(text, deep));
    return false;
  }
  return true;
}

/** Line and column of an offset: the yaml package's LineCounter, or one for a part of the text that begins a line. */
interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** Positions in the whole text of offsets in a part of it that starts after `linesBefore` whole lines. */
function shiftedLines(lc: LineCounter, linesBefore: number): LinePositions {
  if (linesBefore === 0) return lc;
  return {
    linePos(offset) {
      const pos = lc.linePos(offset);
      return { line: pos.line + linesBefore, col: pos.col };
    },
  };
}

/**
 * Parses the scenario text into mapping documents, reporting anything unusable as problems.
 * `onStep` is called now and then while a long text is read. Documents before a marker that the
 * last text read left unchanged are taken from that read (unchangedDocuments.ts).
 */
export function parseYamlDocuments(text: string, p: Problems, onStep?: StepListener): YamlParse {
  if (!screenYamlText(text, p)) return { docs: [], ok: false };

  const keptList = keptBoundaries(text);
  const kept = keptList.at(-1);
  const base = kept?.offset ?? 0;
  const source = kept ? text.slice(base) : text;
  const keptDocs = kept?.docs ?? [];
  const lc = new LineCounter();
  const all = parseAllDocumentsInSteps(source, { lineCounter: lc, uniqueKeys: false, merge: true }, onStep);
  onStep?.();
  const lines = shiftedLines(lc, kept ? kept.line - 1 : 0);
  const at = (range: readonly number[]): Span => {
    const s = lines.linePos(range[0] ?? 0);
    const e = lines.linePos(range[1] ?? range[0] ?? 0);
    return { line: s.line, col: s.col, endLine: e.line, endCol: Math.max(e.col, e.line === s.line ? s.col + 1 : e.col) };
  };

  let syntaxErrors = false;
  const errorLines = new Set<number>();
  for (const doc of all) {
    for (const err of doc.errors) {
      syntaxErrors = true;
      let start = err.pos[0];
      while (source[start] === ' ') start++;
      const span = at([start, Math.max(start, err.pos[1])]);
      // One syntax error per line: the parser often reports the same slip twice.
      if (errorLines.has(span.line)) continue;
      errorLines.add(span.line);
      p.error('', readableYamlError(text, err), span);
    }
    for (const w of doc.warnings) p.warning('', `YAML: ${w.message}`, at(w.pos));
  }
  if (syntaxErrors) return { docs: [], ok: false };

  const nonEmpty = all.filter((d) => d.contents !== null && !(isScalar(d.contents) && d.contents.value === null));
  const count = keptDocs.length + nonEmpty.length;
  if (count === 0) {
    p.error('', 'the scenario is empty: it needs a workload document (a Pod, Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet)', START_SPAN);
    return { docs: [], ok: false };
  }
  if (count > MAX_DOCUMENTS) {
    const third = nonEmpty[MAX_DOCUMENTS - keptDocs.length] as Document.Parsed;
    p.error('', `too many YAML documents (${count}): a scenario holds one workload and at most one Simulation document`, at(third.contents?.range ?? third.range));
    return { docs: [], ok: false };
  }

  const docs: YamlDoc[] = [...keptDocs];
  const boundaries: Boundary[] = [...keptList];
  /** Whether every document so far read without a problem: a marker after them may be remembered. */
  let clean = true;
  let ok = true;
  let position = keptDocs.length;
  for (const doc of all) {
    if (clean && doc.range[0] > 0 && isMarkerAt(source, doc.range[0])) {
      boundaries.push({ offset: base + doc.range[0], line: lines.linePos(doc.range[0]).line, docs: [...docs] });
    }
    if (doc.warnings.length > 0) clean = false;
    if (!nonEmpty.includes(doc)) continue;
    const index = position++;
    const before = p.list.length;
    const conv = new Converter(doc, lines, p, onStep);
    try {
      const node = conv.convert(doc.contents, 0, false, conv.span(doc.range));
      if (conv.duplicateKeys) {
        ok = false;
      } else if (node.kind !== 'map') {
        p.error('', `this YAML document is ${describeKind(node)}; a scenario document must be a mapping (key: value lines, starting with apiVersion and kind)`, node.span);
        ok = false;
      } else {
        docs.push({ map: node, index });
      }
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      ok = false;
    }
    if (p.list.length !== before) clean = false;
  }
  if (ok) remember(text, boundaries);
  return { docs, ok };
}
