// Every gallery entry as a link: its own scenario at its lesson's moment (the cursor, and the
// span the timeline opens on as `&view=`), and for an entry with other sides, the compare link of
// all of them.

import { GALLERY, type GalleryEntry } from '../../scenarios/gallery';
import { encodeFragment, galleryCompareState, galleryLinkState, withViewParam, type GallerySide, type ShareState } from '../../share';

export interface GalleryLink {
  entry: GalleryEntry;
  state: ShareState;
  /** The encoded scenario. */
  fragment: string;
  /** The fragment to put in the address: the scenario and the lesson's span. */
  address: string;
  compare?: { state: ShareState; fragment: string; labels: string[] };
}

function mainSide(e: GalleryEntry): GallerySide {
  const s: GallerySide = { text: e.file, cursor: e.cursor };
  if (e.label !== undefined) s.label = e.label;
  return s;
}

export function galleryLink(entry: GalleryEntry): GalleryLink {
  const state = galleryLinkState(mainSide(entry));
  const fragment = encodeFragment(state);
  const link: GalleryLink = { entry, state, fragment, address: withViewParam(fragment, entry.view ?? null) };
  if (entry.compareWith && entry.compareWith.length > 0) {
    const others = entry.compareWith.map((v): GallerySide => (v.cursor === undefined ? { text: v.file, label: v.label } : { text: v.file, label: v.label, cursor: v.cursor }));
    const compare = galleryCompareState(mainSide(entry), others);
    link.compare = { state: compare, fragment: encodeFragment(compare), labels: [entry.label ?? entry.title, ...entry.compareWith.map((v) => v.label)] };
  }
  return link;
}

let cache: GalleryLink[] | null = null;

/** All entries' links, in gallery order (computed once). */
export function galleryLinks(): GalleryLink[] {
  cache ??= GALLERY.map(galleryLink);
  return cache;
}
