// Share-link figures (contract section 5), over every gallery link: each entry's own link, and
// the compare link of each entry with other sides.
// - share.linkOverLzString: our link's fragment (`v1.…`) over lz-string's
//   compressToEncodedURIComponent of the same state as JSON, averaged over the gallery links.
// - share.longestGalleryLink: characters in the longest gallery link's fragment, `#` included
//   (the full link adds the page's address in front).
// Deterministic: no runs to take a median of.

import { readFileSync } from 'node:fs';
import lz from 'lz-string';
import { GALLERY_ENTRIES } from '../src/scenarios/galleryEntries';
import { encodeFragment, galleryCompareState, galleryLinkState, type GallerySide, type ShareState } from '../src/share';

const read = (fileName: string) => readFileSync(new URL(`../src/scenarios/${fileName}`, import.meta.url), 'utf8');

export function galleryLinkStates(): { name: string; state: ShareState }[] {
  const out: { name: string; state: ShareState }[] = [];
  for (const e of GALLERY_ENTRIES) {
    const main: GallerySide = { text: read(e.fileName), cursor: e.cursor, ...(e.label ? { label: e.label } : {}) };
    out.push({ name: e.id, state: galleryLinkState(main) });
    if (e.compareWith) {
      const others = e.compareWith.map((v): GallerySide => ({ text: read(v.fileName), label: v.label, ...(v.cursor !== undefined ? { cursor: v.cursor } : {}) }));
      out.push({ name: `${e.id} (compare)`, state: galleryCompareState(main, others) });
    }
  }
  return out;
}

export function measureShare(): Record<string, number> {
  let ratioSum = 0;
  let longest = 0;
  const links = galleryLinkStates();
  for (const { state } of links) {
    const ours = encodeFragment(state);
    const theirs = lz.compressToEncodedURIComponent(JSON.stringify(state));
    ratioSum += ours.length / theirs.length;
    longest = Math.max(longest, ours.length + 1);
  }
  return {
    'share.linkOverLzString': Math.round((ratioSum / links.length) * 1000) / 1000,
    'share.longestGalleryLink': longest,
  };
}
