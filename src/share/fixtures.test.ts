// Every link format ever shipped keeps opening: the fixtures are real links made when their
// format shipped, and they must decode to the same state forever.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64url } from './base64url';
import { boundedInflateRaw } from './boundedInflate';
import { DICTIONARY_V1 } from './dictionaryV1';
import { recordBytesV1 } from './formatV1';
import { decodeFragment } from './link';
import { CURRENT_FORMAT, READERS } from './migrate';
import type { ShareState } from './types';
import v1 from './fixtures/v1.json';

interface FixtureFile {
  format: number;
  links: { name: string; link: string; state: ShareState }[];
}

const FIXTURES: FixtureFile[] = [v1 as FixtureFile];

describe('link fixtures of every shipped format', () => {
  it('there is a fixture file for every format the page reads', () => {
    expect(FIXTURES.map((f) => f.format).sort()).toEqual(Object.keys(READERS).map(Number).sort());
    expect(Math.max(...FIXTURES.map((f) => f.format))).toBe(CURRENT_FORMAT);
  });

  for (const file of FIXTURES) {
    describe(`format ${file.format}`, () => {
      for (const fx of file.links) {
        it(`opens: ${fx.name}`, () => {
          expect(fx.link.startsWith(`#v${file.format}.`)).toBe(true);
          const r = decodeFragment(fx.link);
          expect(r).toEqual({ ok: true, format: file.format, state: fx.state });
        });
      }
    });
  }
});

describe('format 1 is frozen', () => {
  it('its dictionary has not changed by one byte', () => {
    expect(DICTIONARY_V1.length).toBe(4354);
    expect(createHash('sha256').update(DICTIONARY_V1).digest('hex')).toBe('7fa9a7a5e49a43857c3ff8a9a3abe6f6ea7e06707d77b17e05ecbe5bb58a034a');
  });

  it('its record layout has not changed: the fixtures inflate to what the writer produces today', () => {
    for (const fx of (v1 as FixtureFile).links) {
      const b64 = decodeBase64url(fx.link.slice('#v1.'.length));
      if (!b64.ok) throw new Error('fixture is not base64url');
      expect(Array.from(boundedInflateRaw(b64.bytes, DICTIONARY_V1))).toEqual(Array.from(recordBytesV1(fx.state)));
    }
  });
});
