// The timeline's visible span in a link: `view=START-END` (seconds) among the fragment's
// parameters (`#v1.<payload>&view=12-20`) or in the query (`?view=12-20`), beside the cursor's
// `t`. Links without it open as they always did (the whole run); a page that predates it reads
// the fragment's link part up to the first `&` and ignores the rest. Pure string work.

export interface ViewSpan {
  t0: number;
  t1: number;
}

const SPAN_RE = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/;

/** A span from its text, or null when it is not two finite times in order. */
export function parseViewSpan(raw: string | null): ViewSpan | null {
  if (raw === null) return null;
  const m = SPAN_RE.exec(raw.trim());
  if (!m) return null;
  const t0 = Number(m[1]);
  const t1 = Number(m[2]);
  return Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0 ? { t0, t1 } : null;
}

/** The `view` parameter of an address: the query's, or else the fragment's. */
export function viewFromUrl(href: string): ViewSpan | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const fromQuery = parseViewSpan(url.searchParams.get('view'));
  if (fromQuery) return fromQuery;
  const params = url.hash.replace(/^#/, '').replace(/^[^?&=]*\?/, '');
  return parseViewSpan(new URLSearchParams(params).get('view'));
}

const ms = (t: number) => String(Math.round(t * 1000) / 1000);

/** The parameter for a span, times rounded to the millisecond: `view=12.5-20`. */
export function viewParam(w: ViewSpan): string {
  return `view=${ms(w.t0)}-${ms(w.t1)}`;
}

/** A link fragment (without `#`) with the span appended as a parameter. */
export function withViewParam(fragment: string, w: ViewSpan | null): string {
  return w ? `${fragment}&${viewParam(w)}` : fragment;
}
