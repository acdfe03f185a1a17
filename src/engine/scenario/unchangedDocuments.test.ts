import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { parseScenario } from './parse';
import { forgetDocuments, isMarkerAt, keptBoundaries, MAX_REMEMBERED_CHARS, remember, sharedPrefixLength } from './unchangedDocuments';
import { parseYamlDocuments } from './yamlDocs';
import { Problems } from './problems';
import type { YNode } from './ynode';

const dir = new URL('../../scenarios/', import.meta.url);
const GALLERY = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
const DEFAULT = GALLERY[0]!;

/** A read with nothing remembered: what every read must equal. */
function fresh(text: string) {
  forgetDocuments();
  return parseScenario(text);
}

afterEach(() => forgetDocuments());

describe('the helpers', () => {
  it('sharedPrefixLength counts the leading characters two texts share', () => {
    expect(sharedPrefixLength('abc', 'abd')).toBe(2);
    expect(sharedPrefixLength('abc', 'abc')).toBe(3);
    expect(sharedPrefixLength('abc', 'ab')).toBe(2);
    expect(sharedPrefixLength('', 'x')).toBe(0);
  });

  it('isMarkerAt: three dashes and then a space, a tab or a line break', () => {
    expect(isMarkerAt('a: 1\n---\nb: 2', 5)).toBe(true);
    expect(isMarkerAt('---\r\n', 0)).toBe(true);
    expect(isMarkerAt('--- |\n  x', 0)).toBe(true);
    expect(isMarkerAt('---x', 0)).toBe(false);
    expect(isMarkerAt('---', 0)).toBe(false); // at the very end: not kept, read again
    expect(isMarkerAt('--', 0)).toBe(false);
  });
});

describe('documents kept from the last read', () => {
  it('an edit in the Simulation document keeps the Pod document read before, and the result is the same', () => {
    parseScenario(DEFAULT);
    const edited = DEFAULT.replace('until: 40s', 'until: 45s');
    const kept = keptBoundaries(edited);
    expect(kept).toHaveLength(1);
    expect(edited.startsWith('---\n', kept[0]!.offset)).toBe(true);
    expect(kept[0]!.docs.map((d) => d.map.entries.find((e) => e.key === 'kind')?.value)).toMatchObject([{ value: 'Pod' }]);
    const again = parseScenario(edited);
    expect(again).toEqual(fresh(edited));
  });

  it('the kept documents are the very objects read before (not read again)', () => {
    const first = parseYamlDocuments(DEFAULT, new Problems());
    const second = parseYamlDocuments(DEFAULT.replace('until: 40s', 'until: 41s'), new Problems());
    expect(second.docs[0]!.map).toBe(first.docs[0]!.map);
    expect(second.docs[1]!.map).not.toBe(first.docs[1]!.map);
  });

  it('an edit in the Pod document, or in the marker itself, keeps nothing', () => {
    parseScenario(DEFAULT);
    expect(keptBoundaries(DEFAULT.replace('myapp-pod', 'myapp-pod2'))).toEqual([]);
    const marker = DEFAULT.indexOf('\n---\n') + 1;
    expect(keptBoundaries(`${DEFAULT.slice(0, marker)}--- #\n${DEFAULT.slice(marker + 4)}`)).toEqual([]);
  });

  it('problems in the new part are at their lines in the whole text', () => {
    parseScenario(DEFAULT);
    const broken = DEFAULT.replace('until: 40s', 'until: [40s');
    const read = parseScenario(broken);
    expect(read.ok).toBe(false);
    expect(read).toEqual(fresh(broken));
    expect(read.problems[0]!.line).toBeGreaterThan(DEFAULT.slice(0, DEFAULT.indexOf('until:')).split('\n').length - 1);
  });

  it('a document that read with a problem (here a YAML warning) is not kept, and the text after it is read again', () => {
    const warned = DEFAULT.replace('app: myapp', 'app: !custom myapp');
    const first = parseScenario(warned);
    expect(first.problems.some((p) => p.severity === 'warning' && p.message.includes('Unresolved tag'))).toBe(true);
    const edited = warned.replace('until: 40s', 'until: 41s');
    expect(keptBoundaries(edited)).toEqual([]);
    expect(parseScenario(edited)).toEqual(fresh(edited));
  });

  it('a read that fails leaves the last good read remembered', () => {
    parseScenario(DEFAULT);
    expect(parseScenario(DEFAULT.replace('until: 40s', 'until: [')).ok).toBe(false);
    expect(keptBoundaries(DEFAULT.replace('until: 40s', 'until: 42s'))).toHaveLength(1);
  });

  it('a text with a directive is never remembered, nor a text past the size limit', () => {
    parseScenario(`%YAML 1.2\n${DEFAULT}`);
    expect(keptBoundaries(`%YAML 1.2\n${DEFAULT.replace('40s', '41s')}`)).toEqual([]);
    remember('x'.repeat(MAX_REMEMBERED_CHARS + 1), [{ offset: 0, line: 1, docs: [] }]);
    expect(keptBoundaries('x'.repeat(MAX_REMEMBERED_CHARS + 1))).toEqual([]);
  });

  it('nothing downstream writes to a kept document: a run over frozen documents', () => {
    parseScenario(DEFAULT);
    const edited = DEFAULT.replace('until: 40s', 'until: 50s');
    for (const b of keptBoundaries(edited)) for (const d of b.docs) deepFreeze(d.map);
    const run = runScenario(edited);
    expect(run.ok).toBe(true);
    expect(run.trace!.events.length).toBeGreaterThan(10);
  });
});

/** Edits that make and break documents: markers, directives, comments, quotes, indentation. */
const PIECES = ['---\n', '--- ', '...\n', '%YAML 1.2\n', '# c\n', '\n', ' ', ':', '"', "'", '[', '{', '-', 'a: 1\n', '  b: 2\n', '&x ', '*x', '\t', '\r\n'];

describe('a read after any edit equals a read of the edited text alone (property)', () => {
  it('random edits of the gallery, read one after the other', () => {
    let reused = 0;
    fc.assert(fc.property(
      fc.constantFrom(...GALLERY),
      fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })) }), { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (start, edits, nearEnd) => {
        forgetDocuments();
        let text = start;
        parseScenario(text);
        for (const e of edits) {
          // Half the runs edit near the end, where the Simulation document usually is.
          const at = nearEnd ? text.length - (e.at % Math.min(text.length + 1, 80)) : e.at % (text.length + 1);
          text = text.slice(0, at) + e.put + text.slice(at + e.cut);
          if (keptBoundaries(text).length > 0) reused++;
          const remembered = parseScenario(text);
          const alone = fresh(text);
          expect(remembered).toEqual(alone);
          parseScenario(text); // the same text again, read with what `fresh` remembered
        }
      },
    ), { numRuns: 150 });
    // Many of those reads started again after a kept document (else the property tests nothing new).
    expect(reused).toBeGreaterThan(100);
  });

  it('the property is not vacuous: most edits near the end keep the first document', () => {
    let kept = 0;
    const tries = 40;
    for (let i = 0; i < tries; i++) {
      const text = GALLERY[i % GALLERY.length]!;
      forgetDocuments();
      parseScenario(text);
      if (keptBoundaries(`${text}# edited ${i}\n`).length > 0) kept++;
    }
    expect(kept).toBeGreaterThan(tries * 0.8);
  });
});

function deepFreeze(n: YNode): void {
  Object.freeze(n.span);
  if (n.kind === 'map') {
    for (const e of n.entries) {
      Object.freeze(e.keySpan);
      deepFreeze(e.value);
      Object.freeze(e);
    }
    Object.freeze(n.entries);
  } else if (n.kind === 'seq') {
    for (const it of n.items) deepFreeze(it);
    Object.freeze(n.items);
  }
  Object.freeze(n);
}
