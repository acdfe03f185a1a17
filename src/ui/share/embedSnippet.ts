// The <iframe> that embeds the current scenario's timeline in another page.

import type { AppState } from '../../state/store';
import { currentLink } from './currentLink';

export function embedSnippet(s: AppState, href: string): string {
  const src = currentLink(s, href, { embed: true }).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const title = s.podName ? `Sidecar Lab: ${s.podName}` : 'Sidecar Lab';
  // Tall enough for the header, the kubectl row and the pod's lanes; the frame scrolls past that.
  const lanes = s.trace ? s.trace.containers.length : 4;
  const height = Math.min(900, Math.max(360, 250 + 38 * lanes + 90));
  return `<iframe src="${src}" title="${title.replaceAll('"', '&quot;')}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}
