import { describe, expect, it } from 'vitest';
import type { TextStorage } from '../persistence';
import { classifyAddress, rememberTabAddress, rememberTabText } from './tabText';

function session(): TextStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { data.set(k, v); } };
}

describe('classifyAddress: what an address is to this tab', () => {
  it('the address this tab wrote last, with a newer saved text, is stale (a reload within the address debounce)', () => {
    const s = session();
    rememberTabAddress(s, 'A');
    rememberTabText(s, 'B'); // typed after the last address write
    expect(classifyAddress(s, 'A', 'B')).toBe('stale');
  });

  it('the address the page left behind, when its last write happened as it went away, is stale', () => {
    const s = session();
    rememberTabAddress(s, 'A');
    rememberTabAddress(s, 'B', true); // pagehide wrote B; the reload may still go to A
    rememberTabText(s, 'B');
    expect(classifyAddress(s, 'A', 'B')).toBe('stale');
  });

  it('an older address of this tab opened again on purpose is a link like any other (the user is asked)', () => {
    const s = session();
    rememberTabAddress(s, 'SHARED'); // a link opened in this tab
    rememberTabAddress(s, 'MINE'); // "Restore mine", written after the debounce
    rememberTabText(s, 'MINE');
    expect(classifyAddress(s, 'SHARED', 'MINE')).toBe('foreign');
  });

  it('this tab\'s address after another tab saved over its text brings this tab\'s text back', () => {
    const s = session();
    rememberTabAddress(s, 'A');
    rememberTabText(s, 'A');
    expect(classifyAddress(s, 'A', 'OTHER TAB')).toBe('this-tab');
    expect(classifyAddress(s, 'A', 'A')).toBe('same');
    expect(classifyAddress(s, 'LINK', 'A')).toBe('foreign');
  });
});
