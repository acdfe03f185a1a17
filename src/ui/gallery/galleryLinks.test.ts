import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { GALLERY } from '../../scenarios/gallery';
import { decodeFragment, viewFromUrl } from '../../share';
import { galleryLinks } from './galleryLinks';

/** Room left for the page's own address in front of the fragment. */
const ADDRESS_ALLOWANCE = 100;

describe('gallery links', () => {
  const links = galleryLinks();
  const all = links.flatMap((l) => [
    { name: l.entry.id, state: l.state, fragment: l.fragment },
    ...(l.compare ? [{ name: `${l.entry.id} (compare)`, state: l.compare.state, fragment: l.compare.fragment }] : []),
  ]);

  it('covers every entry, and a compare link for every entry with other sides', () => {
    expect(links.map((l) => l.entry.id)).toEqual(GALLERY.map((e) => e.id));
    expect(links.filter((l) => l.compare).length).toBe(GALLERY.filter((e) => e.compareWith?.length).length);
  });

  for (const link of all) {
    it(`${link.name}: opens to its own text and cursor, under 2,000 characters, shorter than lz-string`, () => {
      expect(decodeFragment(`#${link.fragment}`)).toEqual({ ok: true, format: 1, state: link.state });
      expect(link.fragment.length + 1 + ADDRESS_ALLOWANCE).toBeLessThan(2000);
      expect(link.fragment.length).toBeLessThan(lz.compressToEncodedURIComponent(JSON.stringify(link.state)).length);
      // Even against lz-string of the bare text, which drops the cursor and every other side.
      if (!link.state.view) expect(link.fragment.length).toBeLessThan(lz.compressToEncodedURIComponent(link.state.text).length);
    });
  }

  it('each entry\'s link carries its lesson\'s moment', () => {
    for (const l of links) expect(l.state.cursor).toBe(l.entry.cursor);
  });

  it('each entry\'s address opens on its lesson\'s span, and decodes like its bare fragment', () => {
    for (const l of links) {
      expect(viewFromUrl(`http://h/#${l.address}`)).toEqual(l.entry.view ?? null);
      expect(decodeFragment(`#${l.address}`)).toEqual(decodeFragment(`#${l.fragment}`));
    }
    expect(links.filter((l) => l.entry.view).length).toBeGreaterThan(10);
  });
});
