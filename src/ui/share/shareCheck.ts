// Before a link is copied: does it fit the length a link may have to open (MAX_FRAGMENT_CHARS)?
// When it does not, what makes it big, and a lighter link without the fields the simulation
// never reads, when that is sound and fits.

import { MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES, unpacksPastLimit } from '../../share';
import { formatBytes } from '../../state/formatSize';
import { bigParts, withoutIgnoredFields } from '../../state/linkSize';
import type { AppState } from '../../state/store';
import { currentLink, currentShareState } from './currentLink';

export type ShareCheck =
  | { ok: true; link: string }
  | { ok: false; message: string; lighter?: { link: string; label: string } };

const fragmentLength = (link: string) => link.length - link.indexOf('#') - 1;
const count = (n: number) => n.toLocaleString('en-US');

export function checkShare(s: AppState, href: string, limit = MAX_FRAGMENT_CHARS): ShareCheck {
  const compare = s.compare && s.compare.length > 1 ? ` The compare view adds ${s.compare.length - 1} more scenario${s.compare.length > 2 ? 's' : ''}.` : '';
  // A link that unpacks past MAX_INFLATED_BYTES does not open, however well it deflates (a long
  // paste of one repeated line made a short link that the receiving page refused). Said from
  // the texts' size, before anything is encoded or parsed: for a 10 MB paste both took seconds.
  const unpacked = unpacksPastLimit(currentShareState(s));
  if (unpacked !== undefined) {
    return { ok: false, message: `This scenario is ${formatBytes(unpacked)}, more than a link can carry (${formatBytes(MAX_INFLATED_BYTES)}), so no link was copied.${compare}` };
  }
  const link = currentLink(s, href);
  if (fragmentLength(link) <= limit) return { ok: true, link };
  const big = bigParts(s.text, 1)[0];
  const why = big ? ` ${big.path} make${big.path.endsWith('s') ? '' : 's'} up ${formatBytes(big.bytes)} of the scenario.` : '';
  const message = `This link would be ${count(link.length)} characters, too long to open (links open up to ${count(limit)}), so it was not copied.${why}${compare}`;
  const cut = withoutIgnoredFields(s.text);
  if (!cut) return { ok: false, message };
  const lighterLink = currentLink({ ...s, text: cut.text }, href);
  if (fragmentLength(lighterLink) > limit) return { ok: false, message };
  return { ok: false, message, lighter: { link: lighterLink, label: `Share without ${cut.dropped.join(' and ')} (the simulation never reads them)` } };
}
