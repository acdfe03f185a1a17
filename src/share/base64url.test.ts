import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it('matches Node\'s base64url for every length', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const s = encodeBase64url(bytes);
      expect(s).toBe(Buffer.from(bytes).toString('base64url'));
      const back = decodeBase64url(s);
      expect(back.ok && Array.from(back.bytes)).toEqual(Array.from(bytes));
    }));
  });

  it('accepts padding and refuses characters outside the alphabet or an impossible length', () => {
    expect(decodeBase64url('YQ==')).toMatchObject({ ok: true });
    expect(decodeBase64url('YQ+/')).toEqual({ ok: false, reason: 'alphabet', at: 2 });
    expect(decodeBase64url('Y Q')).toMatchObject({ ok: false, reason: 'alphabet' });
    expect(decodeBase64url('ééé')).toMatchObject({ ok: false, reason: 'alphabet' });
    expect(decodeBase64url('YWJjZ')).toEqual({ ok: false, reason: 'length' });
  });
});
