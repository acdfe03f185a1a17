// The `yaml` package's parseAllDocuments, read in steps: the parser is fed the text a block of
// whole lines at a time (its streaming mode, made for input that arrives in parts) and `onStep` is
// called between blocks. Reading 390,000 characters took Chromium's worker seconds on a busy
// machine; the worker uses the steps to tell the page it is busy, not hung, so the page's watchdog
// need not guess how long a large text may take. The documents are the ones parseAllDocuments
// returns for the same text and options (yamlInSteps.test.ts compares them).

import { Composer, LineCounter, Parser, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Called now and then while a text is read (between blocks of lines, between stages): the reader is working. A listener throttles by wall time if it must. */
export type StepListener = () => void;

/** About this many characters are read between two steps (a block ends at a line break). */
export const STEP_CHARS = 64 * 1024;

export type ReadOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** The index of the first character after the block of about `size` characters starting at `from`. */
function blockEnd(text: string, from: number, size: number): number {
  if (text.length - from <= size) return text.length;
  const lineBreak = text.indexOf('\n', from + size);
  return lineBreak < 0 ? text.length : lineBreak + 1;
}

/**
 * The documents of `text`, as parseAllDocuments(text, options) returns them when it finds any
 * (errors and warnings keep the parser's plain messages: no `prettyErrors`). An empty stream gives
 * an empty list.
 */
export function parseAllDocumentsInSteps(
  text: string,
  options: ReadOptions & { lineCounter?: LineCounter },
  onStep?: StepListener,
  stepChars = STEP_CHARS,
): Document.Parsed[] {
  const lc = options.lineCounter;
  // The parser reports the first line's start whenever it is fed while still at offset 0 (a first
  // block that completes no token yet, inside a long quoted string): line starts only grow.
  let lastLineStart = -1;
  const parser = new Parser(lc && ((offset: number) => {
    if (offset <= lastLineStart) return;
    lastLineStart = offset;
    lc.addNewLine(offset);
  }));
  const composer = new Composer(options);
  const docs: Document.Parsed[] = [];
  for (let from = 0; from < text.length || from === 0;) {
    const to = blockEnd(text, from, stepChars);
    const last = to >= text.length;
    for (const token of parser.parse(text.slice(from, to), !last)) {
      for (const doc of composer.next(token)) docs.push(doc as Document.Parsed);
    }
    if (last) break;
    from = to;
    onStep?.();
  }
  for (const doc of composer.end()) docs.push(doc as Document.Parsed);
  return docs;
}
