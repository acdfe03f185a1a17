// The presenter link of a share link: the same scenario, opened straight into presenter mode
// (`?present`) with the teacher's title and caption (state/present/presentLink.ts reads them back).

import { MAX_CAPTION, MAX_TITLE, presentQuery } from '../../state/present/presentLink';

export function presenterLink(link: string, title: string, caption: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  for (const k of ['present', 'title', 'caption']) url.searchParams.delete(k);
  const rest = url.searchParams.toString();
  const words = (s: string, max: number) => s.replace(/\s+/g, ' ').trim().slice(0, max) || null;
  const query = presentQuery(words(title, MAX_TITLE), words(caption, MAX_CAPTION));
  return `${url.origin}${url.pathname}${query}${rest ? `&${rest}` : ''}${url.hash}`;
}
