// Raw-deflate decompression with a ceiling: fflate's streaming Inflate is fed a little input at a
// time and abandoned as soon as the output passes the cap, so a decompression bomb costs at most
// the cap plus one step's output, never its full size.

import { Inflate } from 'fflate';
import { LinkDecodeError } from './errors';
import { INFLATE_CHUNK_BYTES, MAX_INFLATED_BYTES } from './limits';

export interface InflateLimits {
  maxBytes?: number;
  chunkBytes?: number;
}

/** fflate's error code 0 is "unexpected EOF": the stream stops before its last block. */
const UNEXPECTED_EOF = 0;

export function boundedInflateRaw(input: Uint8Array, dictionary: Uint8Array | undefined, limits: InflateLimits = {}): Uint8Array {
  const maxBytes = limits.maxBytes ?? MAX_INFLATED_BYTES;
  const chunkBytes = limits.chunkBytes ?? INFLATE_CHUNK_BYTES;
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate(dictionary ? { dictionary } : {}, (data) => {
    total += data.length;
    if (total > maxBytes) over = true;
    else parts.push(data);
  });
  try {
    if (input.length === 0) throw new LinkDecodeError('truncated', 'no compressed data');
    for (let at = 0; at < input.length && !over; at += chunkBytes) {
      const end = Math.min(at + chunkBytes, input.length);
      inflater.push(input.subarray(at, end), end === input.length);
    }
  } catch (e) {
    if (e instanceof LinkDecodeError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === UNEXPECTED_EOF) throw new LinkDecodeError('truncated', 'the compressed data stops early');
    throw new LinkDecodeError('corrupt', `inflate: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (over) throw new LinkDecodeError('too-large', `inflates past ${maxBytes} bytes`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
