import { describe, expect, it } from 'vitest';
import type { TextStorage } from '../persistence';
import { classifyAddress, rememberLeavingAddress, rememberTabAddress, rememberTabText } from './tabText';

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

  it('a reload that races an address write just made (the browser still has the one before) is stale', () => {
    // share.spec's "a reload right after typing", on a loaded machine: the typing took long enough
    // for the address to follow it twice, the second write happened as the reload was asked for,
    // and the browser reloaded the address before it.
    const s = session();
    rememberTabAddress(s, 'MINE');
    rememberTabAddress(s, 'MINE # ty');
    rememberTabAddress(s, 'MINE # typed');
    rememberTabText(s, 'MINE # typed');
    rememberLeavingAddress(s, true); // pagehide, no write pending, the last one a moment ago
    expect(classifyAddress(s, 'MINE # ty', 'MINE # typed', true)).toBe('stale');
    expect(classifyAddress(s, 'MINE', 'MINE # typed', true)).toBe('foreign');
  });

  it('a new navigation to that older address, made as quickly, is a link opened again (the user is asked)', () => {
    // history.spec: "Restore mine" wrote MINE over the link's address, then the same link was
    // opened again within a second; only a reload can race the write.
    const s = session();
    rememberTabAddress(s, 'SHARED');
    rememberTabAddress(s, 'MINE');
    rememberTabText(s, 'MINE');
    rememberLeavingAddress(s, true);
    expect(classifyAddress(s, 'SHARED', 'MINE', false)).toBe('foreign');
    expect(classifyAddress(s, 'SHARED', 'MINE', true)).toBe('stale');
  });

  it('a write made as the page went away, right after another write, leaves both earlier addresses to a reload', () => {
    const s = session();
    rememberTabAddress(s, 'A');
    rememberTabAddress(s, 'B');
    rememberTabAddress(s, 'C', true, true); // pagehide wrote C, B had been written a moment before
    rememberTabText(s, 'C');
    expect(classifyAddress(s, 'B', 'C')).toBe('stale');
    expect(classifyAddress(s, 'A', 'C', true)).toBe('stale');
    expect(classifyAddress(s, 'A', 'C', false)).toBe('foreign');
  });

  it('long after the last write, leaving keeps only the address shown, and the next write forgets what was left', () => {
    const s = session();
    rememberTabAddress(s, 'A');
    rememberTabAddress(s, 'B');
    rememberTabText(s, 'B # more');
    rememberLeavingAddress(s, false);
    expect(classifyAddress(s, 'B', 'B # more', true)).toBe('stale');
    expect(classifyAddress(s, 'A', 'B # more', true)).toBe('foreign');
    rememberTabAddress(s, 'C', true, true);
    rememberTabAddress(s, 'D'); // the reloaded page's first write
    rememberTabText(s, 'D');
    expect(classifyAddress(s, 'B', 'D', true)).toBe('foreign');
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
