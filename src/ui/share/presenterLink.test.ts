import { describe, expect, it } from 'vitest';
import { presentFromUrl } from '../../state/present/presentLink';
import { presenterLink } from './presenterLink';

describe('presenterLink', () => {
  it('adds ?present with the title and caption, keeping the fragment and other query parameters', () => {
    const link = presenterLink('https://lab.test/app/?theme=dark#v1.abc', ' Sidecars  stop last ', 'Watch istio-proxy');
    expect(link).toBe('https://lab.test/app/?present&title=Sidecars+stop+last&caption=Watch+istio-proxy&theme=dark#v1.abc');
    expect(presentFromUrl(link)).toEqual({ present: true, title: 'Sidecars stop last', caption: 'Watch istio-proxy' });
  });

  it('replaces an earlier title, and leaves out empty words', () => {
    expect(presenterLink('https://lab.test/?present&title=old#v1.x', '', '')).toBe('https://lab.test/?present#v1.x');
  });
});
