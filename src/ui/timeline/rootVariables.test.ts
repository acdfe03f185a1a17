// The marks' colours read from the style sheets' rules (rootVariables.ts, issue 16) give what the
// cascade gives for timeline.css's theme rules: `:root`, then `:root[data-theme='dark']`.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rootVariables, type RuleLike, type SheetLike } from './rootVariables';

/** timeline.css's top-level rules, split naively (it has no nested braces in its variable rules). */
function sheetOf(css: string): SheetLike {
  const rules: RuleLike[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of m[2]!.split(';')) {
      const at = d.indexOf(':');
      if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1));
    }
    rules.push({ selectorText: m[1]!.trim(), style: { getPropertyValue: (n) => decls.get(n) ?? '' } });
  }
  return { cssRules: rules };
}

const timelineCss = sheetOf(readFileSync(new URL('./timeline.css', import.meta.url), 'utf8'));
const rootIs = (theme: 'light' | 'dark') => ({
  selector: (s: string) => s === ':root' || (theme === 'dark' && s === ":root[data-theme='dark']"),
  media: () => false,
});
const NAMES = ['--mark-stroke', '--mark-exit-fill', '--mark-probe-ok-fill', '--mark-kill-stroke', '--mark-exit-stroke'];

describe('rootVariables (issue 16: theme colours without computing style)', () => {
  it('reads the light theme from timeline.css', () => {
    const v = rootVariables([timelineCss], rootIs('light'), NAMES)!;
    expect(v.get('--mark-stroke')).toBe('#1d232c');
    expect(v.get('--mark-probe-ok-fill')).toBe('#ffffff');
    expect(v.get('--mark-kill-stroke')).toBe('#b23c00');
    expect(v.has('--mark-exit-stroke')).toBe(false); // not set: the caller's fallback applies, as with getComputedStyle
  });

  it('lets the later dark rule win when the root carries data-theme="dark"', () => {
    const v = rootVariables([timelineCss], rootIs('dark'), NAMES)!;
    expect(v.get('--mark-stroke')).toBe('#e6eaf0');
    expect(v.get('--mark-probe-ok-fill')).toBe('#171d25');
    expect(v.get('--mark-kill-stroke')).toBe('#ff9a5c');
  });

  it('reads @media rules only when their query holds, and skips selectors the browser rejects', () => {
    const rule = (selectorText: string, value: string): RuleLike => ({ selectorText, style: { getPropertyValue: (n) => (n === '--x' ? value : '') } });
    const sheet: SheetLike = { cssRules: [rule(':root', 'a'), { media: { mediaText: 'print' }, cssRules: [rule(':root', 'b')] }, rule('::bogus', 'c')] };
    const match = (print: boolean) => ({
      selector: (s: string) => { if (s === '::bogus') throw new Error('SyntaxError'); return true; },
      media: (q: string) => print && q === 'print',
    });
    expect(rootVariables([sheet], match(false), ['--x'])!.get('--x')).toBe('a');
    expect(rootVariables([sheet], match(true), ['--x'])!.get('--x')).toBe('b');
  });

  it('answers null when a sheet cannot be read (another origin), so the caller computes style', () => {
    const closed = { get cssRules(): ArrayLike<RuleLike> { throw new Error('SecurityError'); } };
    expect(rootVariables([timelineCss, closed], rootIs('light'), NAMES)).toBeNull();
  });
});
