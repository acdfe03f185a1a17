import { describe, expect, it } from 'vitest';
import { decodeFragment, MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES } from '../../share';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import { createAppStore } from '../../state/store';
import { checkShare } from './shareCheck';

/** Text that does not compress: an 85 KB annotation of pseudo-random letters (a certificate, a blob). */
function noise(n: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[x >>> 26];
  }
  return out;
}

const BIG = DEFAULT_SCENARIO.replace('  name: myapp-pod\n', `  name: myapp-pod\n  annotations:\n    blob: "${noise(85_000)}"\n`);

describe('checking a share link before copying it', () => {
  it('a link that fits is copied as it is', () => {
    const r = checkShare(createAppStore(DEFAULT_SCENARIO).getState(), 'http://h/');
    expect(r.ok && decodeFragment(new URL(r.link).hash)).toMatchObject({ ok: true, state: { text: DEFAULT_SCENARIO } });
  });

  it('a link too long to open is refused, says what makes it big, and offers one without the annotations', () => {
    expect(BIG).toContain('annotations:');
    const r = checkShare(createAppStore(BIG).getState(), 'http://h/');
    if (r.ok) throw new Error('an 85 KB annotation of noise fits in a link?');
    expect(r.message).toMatch(/^This link would be [\d,]+ characters, too long to open \(links open up to [\d,]+\), so it was not copied\. metadata\.annotations make up 85 kB of the scenario\.$/);
    expect(r.lighter?.label).toBe('Share without metadata.annotations (the simulation never reads them)');
    const lighter = new URL(r.lighter!.link).hash;
    expect(lighter.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(decodeFragment(lighter)).toMatchObject({ ok: true, state: { text: DEFAULT_SCENARIO } });
  });

  it('offers no lighter link when there is nothing it may leave out', () => {
    const big = DEFAULT_SCENARIO.replace('sleep 3600', `sleep 3600 # ${noise(70_000)}`);
    const r = checkShare(createAppStore(big).getState(), 'http://h/');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.lighter).toBeUndefined();
  });

  it('copies no link for a scenario bigger than a link unpacks to, however well it deflates, and says how big it is', () => {
    // 3 MB of one repeated line deflates to a short link, which the receiving page refuses (it
    // unpacks past MAX_INFLATED_BYTES): Share copied it all the same.
    const pasted = `${DEFAULT_SCENARIO}${'    # a line pasted many times\n'.repeat(100_000)}`;
    const r = checkShare(createAppStore(pasted).getState(), 'http://h/');
    expect(r).toEqual({ ok: false, message: 'This scenario is 3.1 MB, more than a link can carry (2.1 MB), so no link was copied.' });
  });

  it('counts a text\'s UTF-8 bytes: 1.2 million two-byte letters are too big, though fewer characters than the limit', () => {
    const letters = `${DEFAULT_SCENARIO}# ${'é'.repeat(1_200_000)}\n`;
    expect(letters.length).toBeLessThan(MAX_INFLATED_BYTES);
    const r = checkShare(createAppStore(letters).getState(), 'http://h/');
    expect(!r.ok && r.message).toBe('This scenario is 2.4 MB, more than a link can carry (2.1 MB), so no link was copied.');
  });
});
