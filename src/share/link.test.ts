import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { ByteWriter } from './bytes';
import { DICTIONARY_V1 } from './dictionaryV1';
import { recordBytesV1 } from './formatV1';
import { decodeFragment, encodeFragment } from './link';
import { MAX_CURSOR_SECONDS, MAX_FRAGMENT_CHARS } from './limits';
import type { LinkErrorKind, ScenarioState, ShareState } from './types';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';

function decoded(hash: string) {
  const r = decodeFragment(hash);
  if (!r?.ok) throw new Error(`expected a state, got ${JSON.stringify(r)}`);
  return r.state;
}

function errorKind(hash: string): LinkErrorKind {
  const r = decodeFragment(hash);
  if (!r || r.ok) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  expect(r.error.message.length).toBeGreaterThan(20);
  return r.error.kind;
}

/** A v1 link whose payload is the given record, compressed as the encoder would. */
function v1Link(record: Uint8Array, dictionary: Uint8Array | undefined = DICTIONARY_V1): string {
  return `#v1.${encodeBase64url(deflateSync(record, dictionary ? { level: 9, dictionary } : { level: 9 }))}`;
}

const versionArb = fc.constantFrom('1.27', '1.28', '1.29', '1.33', '1.36', '2.0', '1.100');
const cursorArb = fc.integer({ min: 0, max: MAX_CURSOR_SECONDS * 1000 }).map((ms) => ms / 1000);
const gatesArb = fc.dictionary(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,30}$/), fc.boolean(), { minKeys: 1, maxKeys: 4 });
const textArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constant(POD));

const scenarioArb: fc.Arbitrary<ScenarioState> = fc.record(
  { text: textArb, kubernetesVersion: versionArb, featureGates: gatesArb, cursor: cursorArb, label: fc.string({ maxLength: 30 }) },
  { requiredKeys: ['text'] },
);

const stateArb: fc.Arbitrary<ShareState> = fc.tuple(scenarioArb, fc.array(scenarioArb, { maxLength: 3 })).map(([first, sides]) =>
  sides.length > 0 ? { ...first, view: { kind: 'compare', sides } } : first);

describe('share links: round trip', () => {
  it('decodes what it encodes: random text, version, gates, cursor and compare sides', () => {
    fc.assert(fc.property(stateArb, (state) => {
      const hash = `#${encodeFragment(state)}`;
      expect(hash).toMatch(/^#v1\.[A-Za-z0-9_-]+$/);
      expect(decodeFragment(hash)).toEqual({ ok: true, format: 1, state });
    }), { numRuns: 300 });
  });

  it('keeps a text and a label that begin with a byte-order mark (fast-check found the text losing it)', () => {
    const state = { text: '\uFEFF', label: '\uFEFFlabel' };
    expect(decoded(`#${encodeFragment(state)}`)).toEqual(state);
    expect(decoded(`#${encodeFragment({ text: `\uFEFF${POD}` })}`).text).toBe(`\uFEFF${POD}`);
  });

  it('keeps the cursor to the millisecond', () => {
    expect(decoded(`#${encodeFragment({ text: POD, cursor: 12.3456 })}`).cursor).toBe(12.346);
    expect(decoded(`#${encodeFragment({ text: POD, cursor: 0 })}`).cursor).toBe(0);
  });

  it('refuses to encode a state no link can hold', () => {
    expect(() => encodeFragment({ text: POD, cursor: -1 })).toThrow(RangeError);
    expect(() => encodeFragment({ text: POD, cursor: Number.NaN })).toThrow(RangeError);
  });

  it('reads a link followed by a t parameter, or with punctuation glued to its end', () => {
    const f = encodeFragment({ text: POD, cursor: 5 });
    expect(decoded(`#${f}&t=9`).text).toBe(POD);
    expect(decoded(`#${f}?t=9`).text).toBe(POD);
    expect(decoded(`${f}).`).text).toBe(POD);
  });

  it('has nothing to open in an empty fragment or one with only parameters', () => {
    expect(decodeFragment('')).toBeNull();
    expect(decodeFragment('#')).toBeNull();
    expect(decodeFragment('#t=7')).toBeNull();
    expect(decodeFragment('#&t=7')).toBeNull();
  });
});

describe('share links: hostile or broken links give a typed error and never throw', () => {
  const good = `#${encodeFragment({ text: POD.repeat(5), kubernetesVersion: '1.33', cursor: 12 })}`;

  it('a link from a newer format', () => {
    expect(errorKind('#v2.AAAA')).toBe('newer-format');
    expect(errorKind(`#v999999.${good.slice(4)}`)).toBe('newer-format');
  });

  it('something that is not a link of ours', () => {
    expect(errorKind('#hello')).toBe('unknown-format');
    expect(errorKind('#code/N4IgLg')).toBe('unknown-format');
    expect(errorKind('#pako:eNqrVg')).toBe('unknown-format');
    expect(errorKind('#v0.AAAA')).toBe('unknown-format');
  });

  it('a truncated link', () => {
    expect(errorKind(good.slice(0, Math.floor(good.length / 2)))).toMatch(/^(truncated)$/);
    expect(errorKind(good.slice(0, good.length - 5))).toBe('truncated');
    expect(errorKind('#v1.')).toBe('truncated');
    expect(errorKind('#v1.A')).toBe('truncated');
  });

  it('characters a link never has', () => {
    expect(errorKind(`${good.slice(0, 20)}$${good.slice(21)}`)).toBe('not-base64');
    expect(errorKind(`${good.slice(0, 20)}%20${good.slice(20)}`)).toBe('not-base64');
  });

  it('a corrupt link', () => {
    // A raw-deflate block header of the reserved type 3.
    expect(errorKind(`#v1.${encodeBase64url(Uint8Array.of(0x07, 0, 0, 0))}`)).toBe('corrupt');
    // Compressed against a longer dictionary than the format's: a back-reference reaches
    // further back than the real dictionary goes.
    const record = recordBytesV1({ text: 'far away text '.repeat(40) });
    expect(errorKind(v1Link(record, new TextEncoder().encode(`${'far away text '.repeat(1000)}${'q'.repeat(8000)}`)))).toBe('corrupt');
  });

  it('any change to a good link gives a state or a typed error, never an exception', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(fc.property(fc.integer({ min: 4, max: good.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
      const r = decodeFragment(good.slice(0, at) + ch + good.slice(at + 1));
      expect(r).not.toBeNull();
      if (r && !r.ok) expect(['truncated', 'corrupt', 'invalid-content', 'too-large']).toContain(r.error.kind);
    }), { numRuns: 500 });
  });

  it('records that break the format\'s rules', () => {
    const field = (tag: number, value: Uint8Array) => new ByteWriter().field(tag, value).finish();
    const text = field(1, new TextEncoder().encode(POD));
    expect(errorKind(v1Link(new Uint8Array(0)))).toBe('invalid-content');
    expect(errorKind(v1Link(Uint8Array.of(...text, ...text)))).toBe('invalid-content');
    expect(errorKind(v1Link(Uint8Array.of(...text, ...field(9, Uint8Array.of(1)))))).toBe('invalid-content');
    expect(errorKind(v1Link(Uint8Array.of(...text, ...field(2, new TextEncoder().encode('latest')))))).toBe('invalid-content');
    expect(errorKind(v1Link(field(1, Uint8Array.of(0xff, 0xfe))))).toBe('invalid-content');
    expect(errorKind(v1Link(Uint8Array.of(1, 0xff, 0xff, 0xff, 0xff, 0x7f)))).toBe('invalid-content');
    expect(errorKind(v1Link(Uint8Array.of(1, 50, 65)))).toBe('invalid-content');
    const nestedSide = field(6, Uint8Array.of(...text, ...field(6, text)));
    expect(errorKind(v1Link(Uint8Array.of(...text, ...nestedSide)))).toBe('invalid-content');
  });

  it('an oversized link is refused before it is decoded', () => {
    expect(errorKind(`#v1.${'A'.repeat(MAX_FRAGMENT_CHARS)}`)).toBe('too-long');
    expect(decodeFragment(`#v1.${'A'.repeat(100)}`, { maxFragmentChars: 50 })).toMatchObject({ ok: false, error: { kind: 'too-long' } });
  });

  it('a decompression bomb stops early at the inflated-size cap', () => {
    // 12 MB of one letter in a text field: about 16,000 characters of link.
    const size = 12 * 1024 * 1024;
    const record = new Uint8Array(size + 5);
    record.set(new ByteWriter().byte(1).varint(size).finish());
    record.fill(0x61, 5);
    const bomb = v1Link(record);
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(errorKind(bomb)).toBe('too-large');
    // Under a smaller cap, the same link is refused just as well.
    expect(decodeFragment(bomb, { maxBytes: 1000 })).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});
