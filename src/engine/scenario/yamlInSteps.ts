// The `yaml` package's parseAllDocuments, read in steps: the same lexer, parser and composer calls
// parseAllDocuments makes on the whole text (the parser driven lexeme by lexeme, the way the
// package documents for a user-provided lexer), with `onStep` called every few thousand lexemes.
// Reading 390,000 characters took Chromium's worker seconds on a busy machine; the worker uses the
// steps to tell the page it is busy, not hung, so the page's watchdog need not guess how long a
// large text may take. The documents are the ones parseAllDocuments returns (yamlInSteps.test.ts).
//
// Not the parser's streaming mode (parse(part, incomplete = true)), though it looks made for this:
// a part that ends inside a multi-line flow collection loses the next line's indentation check
// (`k: [\n1]` parses clean in parts, with BAD_INDENT whole; found by the property test).

import { Composer, Lexer, LineCounter, Parser, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Called now and then while a text is read (between lexemes, between stages): the reader is working. A listener throttles by wall time if it must. */
export type StepListener = () => void;

/** `onStep` is called once per this many lexemes: ~20,000 characters of a pod's YAML. */
export const LEXEMES_PER_STEP = 4096;

export type ReadOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * The documents of `text`, as parseAllDocuments(text, options) returns them when it finds any
 * (errors and warnings keep the parser's plain messages: no `prettyErrors`). An empty stream gives
 * an empty list.
 */
export function parseAllDocumentsInSteps(
  text: string,
  options: ReadOptions & { lineCounter?: LineCounter },
  onStep?: StepListener,
  lexemesPerStep = LEXEMES_PER_STEP,
): Document.Parsed[] {
  const lc = options.lineCounter;
  const parser = new Parser(lc?.addNewLine);
  const composer = new Composer(options);
  const docs: Document.Parsed[] = [];
  const compose = (tokens: Iterable<Parameters<Composer['next']>[0]>) => {
    for (const token of tokens) for (const doc of composer.next(token)) docs.push(doc as Document.Parsed);
  };
  // What Parser.parse does before its first lexeme: the first line starts at 0.
  lc?.addNewLine(0);
  let lexemes = 0;
  for (const lexeme of new Lexer().lex(text)) {
    compose(parser.next(lexeme));
    if (++lexemes % lexemesPerStep === 0) onStep?.();
  }
  compose(parser.end());
  for (const doc of composer.end()) docs.push(doc as Document.Parsed);
  return docs;
}
