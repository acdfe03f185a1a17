import { describe, expect, it } from 'vitest';
import { cursorFromUrl } from './urlCursor';

describe('cursorFromUrl', () => {
  it('reads ?t= from the query', () => {
    expect(cursorFromUrl('http://h/?t=12.5')).toBe(12.5);
    expect(cursorFromUrl('http://h/?x=1&t=0')).toBe(0);
  });

  it('reads t= from the fragment, alone or after a link payload', () => {
    expect(cursorFromUrl('http://h/#t=7')).toBe(7);
    expect(cursorFromUrl('http://h/#v1:abcdef?t=30')).toBe(30);
    expect(cursorFromUrl('http://h/#code=abc&t=4')).toBe(4);
  });

  it('ignores a missing, negative or non-numeric t', () => {
    expect(cursorFromUrl('http://h/')).toBeNull();
    expect(cursorFromUrl('http://h/?t=')).toBeNull();
    expect(cursorFromUrl('http://h/?t=-3')).toBeNull();
    expect(cursorFromUrl('http://h/?t=soon')).toBeNull();
    expect(cursorFromUrl('not a url')).toBeNull();
  });

  it('clamps an absurd t to a simulated year, the longest run there can be', () => {
    expect(cursorFromUrl('http://h/?t=1e308')).toBe(366 * 24 * 3600);
    expect(cursorFromUrl('http://h/?t=Infinity')).toBe(366 * 24 * 3600);
    expect(cursorFromUrl('http://h/#v1.abc&t=9e99')).toBe(366 * 24 * 3600);
    expect(cursorFromUrl('http://h/?t=2592000')).toBe(2_592_000);
  });
});
