import { describe, expect, it } from 'vitest';
import { decodeFragment, MAX_FRAGMENT_CHARS } from '../../share';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import { createAppStore } from '../../state/store';
import { addressLink, currentLink } from './currentLink';

/** A scenario of `n` label lines: at 85,000 (1.6 MB) its link would be about 235,000 characters. */
const labelled = (n: number) => DEFAULT_SCENARIO.replace('  name: myapp-pod\n', `  name: myapp-pod\n  labels:\n${Array.from({ length: n }, (_, i) => `    label-${i}: v\n`).join('')}`);

describe('the address bar follows the scenario while its link opens', () => {
  it('holds the scenario\'s link, the same one Share copies', () => {
    const s = createAppStore(DEFAULT_SCENARIO).getState();
    const address = addressLink(s, 'http://h/?present');
    expect(address).toBe(currentLink(s, 'http://h/?present'));
    expect(decodeFragment(new URL(address).hash)).toMatchObject({ ok: true, state: { text: DEFAULT_SCENARIO } });
  });

  it('is the plain page address (its query kept) for a scenario too big for a link, so a reload opens the saved text without a "too long" error', () => {
    const s = createAppStore(labelled(85_000)).getState();
    const address = new URL(addressLink(s, 'http://h/?present#v1.old'));
    expect(address.hash).toBe('');
    expect(`${address.origin}${address.pathname}`).toBe('http://h/');
    expect(address.searchParams.has('present')).toBe(true);
    // Share still measures the whole link, to say how long it would be (shareCheck.ts).
    const shared = currentLink(s, 'http://h/');
    expect(shared.length - shared.indexOf('#') - 1).toBeGreaterThan(3 * MAX_FRAGMENT_CHARS);
  });
});
