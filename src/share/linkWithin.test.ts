import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment, encodeFragmentWithin, unpacksPastLimit } from './link';
import { MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES } from './limits';

/** A pod with `n` labels: 19 characters a line, deflating about 7:1 (hostile-engine.spec's 85,000-key scenario at n = 85,000). */
function labelled(n: number): string {
  const labels = Array.from({ length: n }, (_, i) => `    label-${i}: v\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: labelled\n  labels:\n${labels}spec:\n  containers:\n    - name: app\n      image: busybox:1.36\n`;
}

describe('encodeFragmentWithin: the link when it opens, null when it is too long', () => {
  it('is the link encodeFragment writes whenever that one fits', () => {
    for (const text of ['', 'kind: Pod\n', labelled(200), labelled(3000)]) {
      const state = { text, kubernetesVersion: '1.33', cursor: 12 };
      expect(encodeFragmentWithin(state)).toBe(encodeFragment(state));
    }
  });

  it('is null for a scenario whose link would be too long (560 kB, ~84,000 characters), and for a link just over the limit', () => {
    const huge = { text: labelled(30_000) };
    expect(encodeFragment(huge).length).toBeGreaterThan(MAX_FRAGMENT_CHARS);
    expect(encodeFragmentWithin(huge)).toBeNull();
    const state = { text: labelled(3000) };
    const length = encodeFragment(state).length;
    expect(encodeFragmentWithin(state, length)).toBe(encodeFragment(state));
    expect(encodeFragmentWithin(state, length - 1)).toBeNull();
  });

  it('keeps a big text that deflates small (the early stop only gives up past the budget)', () => {
    const state = { text: 'x'.repeat(3_000_000 / 2) };
    const fragment = encodeFragmentWithin(state);
    expect(fragment).not.toBeNull();
    const back = decodeFragment(fragment!);
    expect(back?.ok && back.state.text).toBe(state.text);
  });

  it('is null for a text that deflates small but inflates past the decoder\'s limit: that link would not open', () => {
    // A paste of one repeated line (hostile.spec's is 10 MB) deflates to a few kB; decodeFragment
    // stops inflating at MAX_INFLATED_BYTES, so its link cannot open, and encoding a 10 MB one
    // froze the page for 1.6 s. This one is 2.5 MB.
    const pasted = { text: `apiVersion: v1\nkind: Pod\n${`# ${'x'.repeat(98)}\n`.repeat(25_000)}` };
    const whole = encodeFragment(pasted);
    expect(whole.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(decodeFragment(whole)?.ok).toBe(false);
    expect(encodeFragmentWithin(pasted)).toBeNull();
    // At the limit's edge: the record (a few bytes of framing over the text) decides.
    const under = { text: 'x'.repeat(MAX_INFLATED_BYTES - 64) };
    expect(decodeFragment(encodeFragmentWithin(under)!)?.ok).toBe(true);
    const over = { text: 'x'.repeat(MAX_INFLATED_BYTES - 2) };
    expect(decodeFragment(encodeFragment(over))?.ok).toBe(false);
    expect(encodeFragmentWithin(over)).toBeNull();
  });

  it('agrees with the whole link\'s length for any text (property; records past 16 kB and small limits, so the early stop runs)', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('kind: Pod\n', '  - name: app\n', 'x', '\u00e9', '\ud83d\ude00', 'label-', '1', '\n', 'qjzvkw'), { maxLength: 8000 }).map((parts) => parts.join('')),
      fc.integer({ min: 20, max: 20_000 }),
      (text, limit) => {
        const full = encodeFragment({ text });
        const within = encodeFragmentWithin({ text }, limit);
        if (within !== null) {
          expect(within).toBe(full);
          expect(within.length).toBeLessThanOrEqual(limit);
        } else {
          // The early stop's stream may end its blocks a few bytes apart from the whole deflate's.
          expect(full.length).toBeGreaterThan(limit - 16);
        }
      },
    ), { numRuns: 60 });
  });
});

describe('unpacksPastLimit: a link that would unpack past MAX_INFLATED_BYTES (it never opens)', () => {
  it('is undefined up to the limit and the size past it, from the text\'s length or its UTF-8 bytes', () => {
    expect(unpacksPastLimit({ text: labelled(200) })).toBeUndefined();
    const long = 'x'.repeat(MAX_INFLATED_BYTES + 1);
    expect(unpacksPastLimit({ text: long })).toBe(MAX_INFLATED_BYTES + 1);
    const wide = 'é'.repeat(MAX_INFLATED_BYTES / 2 + 10);
    expect(unpacksPastLimit({ text: wide })).toBeGreaterThan(MAX_INFLATED_BYTES);
    expect(unpacksPastLimit({ text: 'x', view: { kind: 'compare', sides: [{ text: long }] } })).toBeGreaterThan(MAX_INFLATED_BYTES);
  });

  it('agrees with the decoder: a link of a state it lets through opens, one it stops does not', () => {
    for (const text of ['a'.repeat(MAX_INFLATED_BYTES - 200), 'a'.repeat(MAX_INFLATED_BYTES + 10)]) {
      const decoded = decodeFragment(encodeFragment({ text }));
      expect(decoded?.ok).toBe(unpacksPastLimit({ text }) === undefined);
    }
  });
});
