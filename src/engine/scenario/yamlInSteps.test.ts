import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { parseAllDocumentsInSteps, STEP_CHARS } from './yamlInSteps';

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

function inSteps(text: string, stepChars: number, onStep?: () => void) {
  const lc = new LineCounter();
  const docs = parseAllDocumentsInSteps(text, { ...OPTIONS, lineCounter: lc }, onStep, stepChars);
  return { docs: seen(docs, lc), lineStarts: lc.lineStarts };
}

const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
const GALLERY = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, SCENARIOS_DIR), 'utf8'));

describe('parseAllDocumentsInSteps (the yaml parser fed whole lines at a time)', () => {
  it('reads every gallery scenario as parseAllDocuments does, in blocks of any size', () => {
    for (const text of GALLERY) {
      const expected = whole(text);
      for (const step of [1, 7, 40, 300, STEP_CHARS]) expect(inSteps(text, step)).toEqual(expected);
    }
  });

  it('keeps errors and their positions for broken YAML cut across blocks', () => {
    const broken = [
      'a: 1\n  b: 2\nc: [1, 2\nd: "open\n',
      'key: "a quoted string\nover three\nlines"\nnext: 1\n',
      'text: |\n  one\n  two\n\tbad tab\n',
      '---\na: 1\n---\n- x\n...\n---\nb: &x [*x]\n',
      '"unclosed at the start\nof the text, so the first block ends no token\nz: 1\n',
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

  it('steps once between blocks, and never for a text shorter than a block', () => {
    const text = Array.from({ length: 100 }, (_, i) => `k${i}: ${i}`).join('\n');
    let steps = 0;
    inSteps(text, STEP_CHARS, () => steps++);
    expect(steps).toBe(0);
    inSteps(text, 100, () => steps++);
    // ~790 characters in blocks that end at the first line break past 100 characters.
    expect(steps).toBeGreaterThanOrEqual(6);
    expect(steps).toBeLessThanOrEqual(8);
  });

  it('property: any text of YAML punctuation reads the same whole or in steps', () => {
    const piece = fc.constantFrom('a', 'b', ':', ' ', '  ', '\n', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&a', '*a', '---\n', '...\n', '\t', '\r\n', '? ', '!!str ', '%YAML 1.2\n', 'x: y\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), fc.integer({ min: 1, max: 30 }), (text, step) => {
      expect(inSteps(text, step)).toEqual(whole(text));
    }), { numRuns: 400 });
  });
});
