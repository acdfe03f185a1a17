import { describe, expect, it } from 'vitest';
import { decodeFragment, MAX_FRAGMENT_CHARS } from '../../share';
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
    expect(r.message).toMatch(/^This link would be [\d,]+ characters, too long to open \(links open up to [\d,]+\), so it was not copied\. metadata\.annotations make up 83 KB of the scenario\.$/);
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
});
