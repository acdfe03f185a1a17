import { describe, expect, it } from 'vitest';
import { decodeFragment, encodeFragment } from './link';
import { splitFragment } from './url';
import { parseViewSpan, viewFromUrl, viewParam, withViewParam } from './viewParam';

describe('the view span in a link', () => {
  it('reads view=START-END from the fragment, after a link payload or alone, and from the query', () => {
    expect(viewFromUrl('http://h/#v1.abc&view=12-20')).toEqual({ t0: 12, t1: 20 });
    expect(viewFromUrl('http://h/#v1.abc&t=14&view=12.5-20.25')).toEqual({ t0: 12.5, t1: 20.25 });
    expect(viewFromUrl('http://h/#view=3-9')).toEqual({ t0: 3, t1: 9 });
    expect(viewFromUrl('http://h/?view=0-4#v1.abc')).toEqual({ t0: 0, t1: 4 });
  });

  it('ignores a missing, reversed, empty or malformed span', () => {
    expect(viewFromUrl('http://h/#v1.abc&t=3')).toBeNull();
    expect(viewFromUrl('http://h/#v1.abc')).toBeNull();
    expect(parseViewSpan('20-12')).toBeNull();
    expect(parseViewSpan('5-5')).toBeNull();
    expect(parseViewSpan('-3-4')).toBeNull();
    expect(parseViewSpan('a-b')).toBeNull();
    expect(parseViewSpan('1e999-1e1000')).toBeNull();
    expect(viewFromUrl('not a url')).toBeNull();
  });

  it('writes the span rounded to the millisecond and reads it back', () => {
    expect(viewParam({ t0: 1 / 3, t1: 20.0004 })).toBe('view=0.333-20');
    const fragment = withViewParam('v1.abc', { t0: 2.5, t1: 9 });
    expect(fragment).toBe('v1.abc&view=2.5-9');
    expect(viewFromUrl(`http://h/#${fragment}`)).toEqual({ t0: 2.5, t1: 9 });
    expect(withViewParam('v1.abc', null)).toBe('v1.abc');
  });

  it('leaves the link part as it was, so a link with a view decodes like one without, and old links unchanged', () => {
    const fragment = encodeFragment({ text: 'kind: Pod\n', kubernetesVersion: '1.33', cursor: 4 });
    const plain = decodeFragment(fragment);
    expect(decodeFragment(withViewParam(fragment, { t0: 1, t1: 8 }))).toEqual(plain);
    expect(splitFragment(withViewParam(fragment, { t0: 1, t1: 8 }))).toEqual(splitFragment(fragment));
  });
});
