// `?t=SECONDS` in the query, or `t=SECONDS` among the fragment's parameters, puts the cursor
// there on load (contract.md section 4). An absurd time (1e308, Infinity) is clamped to the
// longest run there can be, a simulated year (MAX_DURATION_SECONDS); what is not a time at all
// (a word, a negative number) is ignored.

import { MAX_DURATION_SECONDS } from '../engine/scenario/limits';

export function cursorFromUrl(href: string): number | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const fromFragment = new URLSearchParams(url.hash.replace(/^#/, '').replace(/^[^?&]*\?/, '')).get('t');
  const raw = url.searchParams.get('t') ?? fromFragment;
  if (raw === null || raw.trim() === '') return null;
  const t = Number(raw);
  return Number.isNaN(t) || t < 0 ? null : Math.min(t, MAX_DURATION_SECONDS);
}
