import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit, minimalEdit } from './textEdit';

describe('minimalEdit', () => {
  it('replaces only the part that differs', () => {
    expect(minimalEdit('a\nkind: Simulation\nb\n', 'a\nkind: Simulation\nkubernetesVersion: "1.28"\nb\n'))
      .toEqual({ start: 19, end: 19, text: 'kubernetesVersion: "1.28"\n' });
    expect(minimalEdit('v: "1.27"', 'v: "1.29"')).toEqual({ start: 7, end: 8, text: '9' });
    expect(minimalEdit('same', 'same')).toBeNull();
    expect(minimalEdit('', 'new')).toEqual({ start: 0, end: 0, text: 'new' });
    expect(minimalEdit('old', '')).toEqual({ start: 0, end: 3, text: '' });
  });

  it('keeps surrogate pairs and CRLF whole', () => {
    const e = minimalEdit('x😀', 'x😃')!;
    expect(e.start).toBe(1);
    const crlf = minimalEdit('a\r\nb', 'a\r\r\nb')!;
    expect(applyEdit('a\r\nb', crlf)).toBe('a\r\r\nb');
    expect('a\r\nb'.slice(crlf.start, crlf.end)).not.toMatch(/^\n/);
  });

  it('always produces the new text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
      const e = minimalEdit(a, b);
      expect(e === null ? a : applyEdit(a, e)).toBe(b);
    }), { numRuns: 500 });
  });
});
