// Caps that keep a hostile link from hurting the page: checked before any work is done.

/** Longest fragment (after `#`) that is looked at. Real links are under 2,000 characters. */
export const MAX_FRAGMENT_CHARS = 64 * 1024;

/** Most bytes a link may inflate to; inflating stops as soon as it passes this (zip bombs). */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

/** Input fed to the inflater per step: at deflate's best ratio (~1:1032) one step adds < 300 kB. */
export const INFLATE_CHUNK_BYTES = 256;

/** Sides a compare view may hold (the link's own scenario included). */
export const MAX_COMPARE_SIDES = 8;

/** Longest label of a compare side, in characters. */
export const MAX_LABEL_CHARS = 200;

/** Latest cursor a link may ask for, in seconds (a simulated year). */
export const MAX_CURSOR_SECONDS = 366 * 24 * 3600;

/** Feature-gate overrides a link may carry. */
export const MAX_GATES = 64;
