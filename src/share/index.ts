// The share-link codec (ARCHITECTURE.md: share -> engine types only).

export { decodeFragment, encodeFragment, encodeFragmentWithin, unpacksPastLimit, type DecodeOptions } from './link';
export { CURRENT_FORMAT } from './migrate';
export { galleryCompareState, galleryLinkState, type GallerySide } from './galleryLink';
export { appHref, isEmbedUrl, splitFragment } from './url';
export { MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES } from './limits';
export type { CompareView, DecodeResult, LinkError, LinkErrorKind, ScenarioState, ShareState, ShareView } from './types';
export { parseViewSpan, viewFromUrl, viewParam, withViewParam, type ViewSpan } from './viewParam';
