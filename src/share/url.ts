// Where a link sits in an address: `#v<format>.<payload>`, optionally followed by `&t=SECONDS`
// or `?t=SECONDS` inside the fragment; `?t=` and `?embed` in the query; the embedded view's own
// path, `embed/` under the app's (the one a static host can let other sites frame: csp.ts).
// Pure string work.

export type FragmentParts =
  /** No scenario in the fragment (empty, or only parameters such as `t=7`). */
  | { kind: 'none' }
  /** Something that should be a link: its format version and payload, or junk (format null). */
  | { kind: 'link'; format: number | null; payload: string };

const LINK_RE = /^v(\d{1,6})\.(.*)$/s;

/** Punctuation a chat or a sentence may glue to the end of a pasted link. */
const TRAILING_PUNCTUATION = /[.,;:!)\]}>'"]+$/;

/** Splits a fragment (with or without its `#`) into the link part and its parameters. */
export function splitFragment(hash: string): FragmentParts {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const cut = fragment.search(/[?&]/);
  const head = cut < 0 ? fragment : fragment.slice(0, cut);
  if (head === '' || head.includes('=')) return { kind: 'none' };
  const m = LINK_RE.exec(head);
  if (!m) return { kind: 'link', format: null, payload: head };
  return { kind: 'link', format: Number(m[1]), payload: m[2]!.replace(TRAILING_PUNCTUATION, '') };
}

function parse(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

const EMBED_PATH_RE = /embed\/(index\.html)?$/;

/**
 * The embedded view is asked for by its path (`…/embed/`), or, in links made before it had one,
 * by `?embed`, `?embed=1` or `?embed=true` (`embed=0`/`false` does not).
 */
export function isEmbedUrl(href: string): boolean {
  const url = parse(href);
  if (!url) return false;
  if (EMBED_PATH_RE.test(url.pathname)) return true;
  const v = url.searchParams.get('embed');
  return v !== null && v !== '0' && v !== 'false';
}

/**
 * The address of the full app for the same scenario (no `embed`, `t` or `view`, the given fragment),
 * or with `embed` that of the embedded view, at its own path.
 */
export function appHref(href: string, fragment: string, opts: { embed?: boolean } = {}): string {
  const url = parse(href);
  if (!url) return `#${fragment}`;
  url.searchParams.delete('t');
  url.searchParams.delete('view');
  url.searchParams.delete('embed');
  const query = url.searchParams.toString();
  const appPath = url.pathname.replace(EMBED_PATH_RE, '');
  const folder = appPath.replace(/index\.html$/, '').replace(/\/?$/, '/');
  const path = opts.embed ? `${folder}embed/` : appPath;
  return `${url.origin}${path}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
}
