// A presenter link: `?present` opens presenter mode, `&title=` and `&caption=` carry the
// teacher's words. They come from a URL, so they are hostile text: capped, stripped of control
// characters, and only ever rendered as text.

export interface PresentLink {
  present: boolean;
  title: string | null;
  caption: string | null;
}

export const MAX_TITLE = 120;
export const MAX_CAPTION = 400;

function clean(value: string | null, max: number): string | null {
  if (value === null) return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function presentFromUrl(href: string): PresentLink {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return { present: false, title: null, caption: null };
  }
  return {
    present: params.has('present'),
    title: clean(params.get('title'), MAX_TITLE),
    caption: clean(params.get('caption'), MAX_CAPTION),
  };
}

/** The query string that opens a link in presenter mode with these words. */
export function presentQuery(title: string | null, caption: string | null): string {
  const params = new URLSearchParams();
  params.set('present', '');
  if (title) params.set('title', title);
  if (caption) params.set('caption', caption);
  return `?${params.toString().replace(/^present=(&|$)/, 'present$1')}`;
}
