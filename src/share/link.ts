// The link codec's front door: ShareState ⇄ URL fragment. Decoding never throws and never runs
// anything from the link: it returns the state or a typed error with a message for the user.

import { encodeBase64url, decodeBase64url } from './base64url';
import type { InflateLimits } from './boundedInflate';
import { LinkDecodeError, linkError } from './errors';
import { deflateRecordV1, encodePayloadV1, OPTIMAL_ENCODER_MAX_BYTES, recordBytesV1, recordDeflatesWithin } from './formatV1';
import { MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES } from './limits';
import { CURRENT_FORMAT, READERS, toShareState } from './migrate';
import type { DecodeResult, ShareState } from './types';
import { splitFragment } from './url';

const PREFIX = `v${CURRENT_FORMAT}.`;

/** The fragment (without `#`) for a state, in the current format: `v1.<base64url>`. */
export function encodeFragment(state: ShareState): string {
  return `${PREFIX}${encodeBase64url(encodePayloadV1(state))}`;
}

/**
 * The fragment, when it is a link that opens (at most `maxChars`: decodeFragment refuses longer
 * ones); null when it is too long. A large record more than twice the deflate budget is first
 * tried with a deflate that stops at the budget (recordDeflatesWithin), so a scenario far too big
 * for a link is not deflated whole to learn it.
 */
export function encodeFragmentWithin(state: ShareState, maxChars = MAX_FRAGMENT_CHARS): string | null {
  // A record that inflates past MAX_INFLATED_BYTES does not open (decodeFragment stops there).
  // UTF-8 takes at least a byte per UTF-16 unit, so texts longer than that are known too long
  // before a byte is written: the address bar took 1.6 s to encode a 10 MB paste that deflated
  // small, and a click waited behind it.
  if (textUnits(state) > MAX_INFLATED_BYTES) return null;
  const record = recordBytesV1(state);
  if (record.length > MAX_INFLATED_BYTES) return null;
  // base64url writes 4 characters for 3 bytes.
  const budget = Math.floor(((maxChars - PREFIX.length) * 3) / 4);
  // The early stop is fflate's level 9, the encoder of records over OPTIMAL_ENCODER_MAX_BYTES;
  // smaller ones get the optimal encoder (a few % smaller), so they are encoded whole.
  if (record.length > Math.max(2 * budget, OPTIMAL_ENCODER_MAX_BYTES) && !recordDeflatesWithin(record, budget)) return null;
  const fragment = `${PREFIX}${encodeBase64url(deflateRecordV1(record))}`;
  return fragment.length <= maxChars ? fragment : null;
}

/**
 * The bytes a state's link unpacks to, when that is more than a link may unpack to
 * (MAX_INFLATED_BYTES: decodeFragment refuses it, however short the link); undefined when it fits.
 * Known from the texts' length alone past that (no byte encoded); else their UTF-8 record's.
 */
export function unpacksPastLimit(state: ShareState): number | undefined {
  const units = textUnits(state);
  if (units > MAX_INFLATED_BYTES) return units;
  const bytes = recordBytesV1(state).length;
  return bytes > MAX_INFLATED_BYTES ? bytes : undefined;
}

/** The UTF-16 units of every text and label a state carries: a lower bound of its record's bytes. */
function textUnits(state: ShareState): number {
  const sides = state.view?.kind === 'compare' ? state.view.sides : [];
  return [state, ...sides].reduce((sum, side) => sum + side.text.length + (side.label?.length ?? 0), 0);
}

export interface DecodeOptions extends InflateLimits {
  maxFragmentChars?: number;
}

/**
 * Reads a fragment (with or without `#`). `null` when it holds no scenario at all (an empty
 * fragment, or only `t=`), so the app opens as usual.
 */
export function decodeFragment(hash: string, opts: DecodeOptions = {}): DecodeResult | null {
  const maxChars = opts.maxFragmentChars ?? MAX_FRAGMENT_CHARS;
  try {
    if (hash.length > maxChars + 1) return { ok: false, error: linkError('too-long', `${hash.length} characters`) };
    const parts = splitFragment(hash);
    if (parts.kind === 'none') return null;
    if (parts.format === null) return { ok: false, error: linkError('unknown-format', `fragment starts ${JSON.stringify(parts.payload.slice(0, 12))}`) };
    if (parts.format > CURRENT_FORMAT) return { ok: false, error: linkError('newer-format', `format ${parts.format}; this page reads up to ${CURRENT_FORMAT}`) };
    const read = READERS[parts.format];
    if (!read) return { ok: false, error: linkError('unknown-format', `no link format ${parts.format}`) };
    const b64 = decodeBase64url(parts.payload);
    if (!b64.ok) {
      return b64.reason === 'length'
        ? { ok: false, error: linkError('truncated', 'base64 length') }
        : { ok: false, error: linkError('not-base64', `character ${b64.at ?? 0}`) };
    }
    const record = read(b64.bytes, opts);
    return { ok: true, state: toShareState(record, parts.format), format: parts.format };
  } catch (e) {
    if (e instanceof LinkDecodeError) return { ok: false, error: linkError(e.kind, e.message) };
    return { ok: false, error: linkError('corrupt', e instanceof Error ? e.message : String(e)) };
  }
}
