import { readdirSync, readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codeLengths, deflateRawOptimal } from './deflateOptimal';
import { DICTIONARY_V1 } from './dictionaryV1';

const enc = new TextEncoder();
const scenariosDir = new URL('../scenarios/', import.meta.url);
const lessons = readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml')).map((f) => enc.encode(readFileSync(new URL(f, scenariosDir), 'utf8')));

function roundTrips(data: Uint8Array, dictionary?: Uint8Array): Uint8Array {
  const packed = deflateRawOptimal(data, dictionary);
  expect(inflateSync(packed, dictionary ? { dictionary } : {})).toEqual(data);
  return packed;
}

describe('deflateRawOptimal: plain deflate, smaller than fflate level 9 (issue 16)', () => {
  it('round-trips through fflate\'s inflater with the link dictionary, every gallery lesson', () => {
    for (const text of lessons) roundTrips(text, DICTIONARY_V1);
  });

  it('round-trips the edge cases: empty, one byte, long runs, every byte value, text past the window', () => {
    roundTrips(new Uint8Array(0));
    roundTrips(Uint8Array.of(65));
    roundTrips(new Uint8Array(5000).fill(32), DICTIONARY_V1);
    roundTrips(Uint8Array.from({ length: 256 * 3 }, (_, i) => (i * 167) % 256));
    let seed = 7;
    const noise = Uint8Array.from({ length: 3000 }, () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed >> 23; });
    roundTrips(noise, DICTIONARY_V1);
    const long = enc.encode(Array.from({ length: 900 }, (_, i) => `  - { at: ${i}s, container: app-${i % 37}, do: exit }\n`).join(''));
    expect(long.length).toBeGreaterThan(32768);
    roundTrips(long, DICTIONARY_V1);
  });

  it('writes fewer bytes than fflate at level 9 over the gallery lessons', () => {
    let ours = 0;
    let fflate = 0;
    for (const text of lessons) {
      ours += deflateRawOptimal(text, DICTIONARY_V1).length;
      fflate += deflateSync(text, { level: 9, dictionary: DICTIONARY_V1 }).length;
    }
    expect(ours).toBeLessThan(fflate * 0.98);
  });

  it('limits code lengths to the bits deflate allows, keeping a complete code', () => {
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib.at(-1)! + fib.at(-2)!); // the frequencies that make the deepest tree
    const lengths = codeLengths(fib, 15);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(15);
    expect(lengths.reduce((sum, l) => sum + 2 ** -l, 0)).toBeLessThanOrEqual(1);
    expect(codeLengths([0, 5, 0], 15)).toEqual([0, 1, 0]);
  });
});
