// The cursor of a run that lasts a year: Share, the address bar and the embed write it (the
// first writer threw "varint out of range" past 2^31 - 1 ms, 24.8 days), and links from before
// read exactly as they did.

import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { ByteReader, ByteWriter, MAX_VARINT } from './bytes';
import { DICTIONARY_V1 } from './dictionaryV1';
import { recordBytesV1 } from './formatV1';
import { decodeFragment, encodeFragment } from './link';
import { MAX_CURSOR_SECONDS } from './limits';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
const DAY = 24 * 3600;

function roundTrip(cursor: number): number | undefined {
  const r = decodeFragment(`#${encodeFragment({ text: POD, cursor })}`);
  if (!r?.ok) throw new Error(`expected a state, got ${JSON.stringify(r)}`);
  return r.state.cursor;
}

/** A v1 link whose cursor field holds these varint bytes. */
function linkWithCursorBytes(cursor: number[]): string {
  const text = new TextEncoder().encode(POD);
  const record = new ByteWriter().field(4, Uint8Array.from(cursor)).field(1, text).finish();
  return `#v1.${encodeBase64url(deflateSync(record, { level: 9, dictionary: DICTIONARY_V1 }))}`;
}

describe('a cursor past 24.8 days', () => {
  it('round-trips at 25 days, 100 days and a year, to the millisecond', () => {
    expect(roundTrip(25 * DAY + 0.001)).toBe(25 * DAY + 0.001);
    expect(roundTrip(100 * DAY + 12.345)).toBe(100 * DAY + 12.345);
    expect(roundTrip(MAX_CURSOR_SECONDS)).toBe(MAX_CURSOR_SECONDS);
  });

  it('an absurd cursor (1e308 s, Infinity) is written as a year, not thrown', () => {
    expect(roundTrip(1e308)).toBe(MAX_CURSOR_SECONDS);
    expect(roundTrip(Infinity)).toBe(MAX_CURSOR_SECONDS);
  });

  it('a cursor below 2^31 ms is written byte for byte as before', () => {
    const record = recordBytesV1({ text: 'x', cursor: (MAX_VARINT) / 1000 });
    expect(Array.from(record.subarray(0, 7))).toEqual([4, 5, 0xff, 0xff, 0xff, 0xff, 0x07]);
  });

  it('a link whose cursor is past a year, or longer than five bytes, is refused as damaged', () => {
    const pastYear = Array.from(new ByteWriter().varint(MAX_CURSOR_SECONDS * 1000 + 1, 2 ** 35 - 1).finish());
    expect(decodeFragment(linkWithCursorBytes(pastYear))).toMatchObject({ ok: false, error: { kind: 'invalid-content' } });
    expect(decodeFragment(linkWithCursorBytes([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toMatchObject({ ok: false, error: { kind: 'invalid-content' } });
  });

  it('lengths keep their 2^31 - 1 ceiling', () => {
    expect(() => new ByteWriter().varint(MAX_VARINT + 1)).toThrow(RangeError);
    const fiveBytes = new ByteWriter().varint(MAX_VARINT + 1, 2 ** 35 - 1).finish();
    expect(() => new ByteReader(fiveBytes).varint()).toThrow(/out of range/);
    expect(new ByteReader(fiveBytes).varint(2 ** 35 - 1)).toBe(MAX_VARINT + 1);
  });
});
