// `?t=SECONDS` in the query, or `t=SECONDS` among the fragment's parameters, puts the cursor
// there on load (contract.md section 4).

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
  return Number.isFinite(t) && t >= 0 ? t : null;
}
