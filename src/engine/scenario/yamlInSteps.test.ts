import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { LEXEMES_PER_STEP, parseAllDocumentsInSteps } from './yamlInSteps';

const OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: true } as const;

/** Everything a reader of the documents sees: contents with their ranges, errors, warnings, line positions. */
function seen(docs: Document.Parsed[], lc: LineCounter) {
  return docs.map((d) => JSON.stringify({
    contents: d.contents,
    range: d.range,
    errors: d.errors.map((e) => [e.code, e.pos, e.message]),
    warnings: d.warnings.map((e) => [e.code, e.pos, e.message]),
    lines: d.range.map((offset) => lc.linePos(offset)),
  }));
}

function whole(text: string) {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { ...OPTIONS, lineCounter: lc });
  return { docs: seen(Array.isArray(docs) ? docs : [], lc), lineStarts: lc.lineStarts };
}

function inSteps(text: string, lexemesPerStep: number, onStep?: () => void) {
  const lc = new LineCounter();
  const docs = parseAllDocumentsInSteps(text, { ...OPTIONS, lineCounter: lc }, onStep, lexemesPerStep);
  return { docs: seen(docs, lc), lineStarts: lc.lineStarts };
}

const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
const GALLERY = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, SCENARIOS_DIR), 'utf8'));

describe('parseAllDocumentsInSteps (the yaml parser driven lexeme by lexeme)', () => {
  it('reads every gallery scenario as parseAllDocuments does, stepping at any rate', () => {
    for (const text of GALLERY) {
      const expected = whole(text);
      for (const step of [1, 7, 300, LEXEMES_PER_STEP]) expect(inSteps(text, step)).toEqual(expected);
    }
  });

  it('keeps errors and their positions for broken YAML', () => {
    const broken = [
      'a: 1\n  b: 2\nc: [1, 2\nd: "open\n',
      'key: "a quoted string\nover three\nlines"\nnext: 1\n',
      'text: |\n  one\n  two\n\tbad tab\n',
      '---\na: 1\n---\n- x\n...\n---\nb: &x [*x]\n',
      '"unclosed at the start\nof the text\nz: 1\n',
      // A flow collection continued at column 0: BAD_INDENT whole, but clean if the parser's
      // streaming mode gets the text cut after the first line (why yamlInSteps.ts does not use it).
      'k: [\n1]',
      'k: {\na: 1}\n',
      'x: y\n{\r\na',
    ];
    for (const text of broken) {
      const expected = whole(text);
      for (const step of [1, 3, 10, 100]) expect(inSteps(text, step)).toEqual(expected);
    }
  });

  it('an empty text gives no document and no step', () => {
    let steps = 0;
    expect(inSteps('', 1, () => steps++).docs).toEqual([]);
    expect(steps).toBe(0);
  });

  it('steps once per so many lexemes, inside one long line too, and never for a short text', () => {
    const text = Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join('\n');
    let steps = 0;
    inSteps(text, LEXEMES_PER_STEP, () => steps++);
    expect(steps).toBe(0);
    const lexemes = [...new Lexer().lex(text)].length;
    inSteps(text, 100, () => steps++);
    expect(steps).toBe(Math.floor(lexemes / 100));
    expect(steps).toBeGreaterThan(3);
    steps = 0;
    inSteps(`k: [${Array.from({ length: 500 }, (_, i) => i).join(', ')}]`, 100, () => steps++);
    expect(steps).toBeGreaterThanOrEqual(10);
  });

  it('property: any text of YAML punctuation reads the same as parseAllDocuments', () => {
    const piece = fc.constantFrom('a', 'b', ':', ' ', '  ', '\n', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a', '*a', '---\n', '...\n', '\t', '\r\n', '? ', '!!str ', '%YAML 1.2\n', 'x: y\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), fc.integer({ min: 1, max: 30 }), (text, step) => {
      expect(inSteps(text, step)).toEqual(whole(text));
    }), { numRuns: 400 });
  });
});
