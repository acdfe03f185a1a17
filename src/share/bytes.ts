// A byte writer and a bounds-checked reader for the link record: unsigned LEB128 varints and
// length-prefixed fields. The reader throws LinkDecodeError, never reads past the end.
// Lengths stay below 2^31; a field that holds a larger number (the cursor: a year is 3.2e10 ms)
// passes its own ceiling, up to what five varint bytes hold (2^35 - 1).

import { LinkDecodeError } from './errors';

/** The default ceiling: lengths, and every number a link held before the cursor needed more. */
export const MAX_VARINT = 2 ** 31 - 1;

/** The most a varint may hold: its five bytes' worth. */
export const MAX_VARINT_CEILING = 2 ** 35 - 1;

export class ByteWriter {
  private chunks: number[] = [];

  byte(b: number): this {
    this.chunks.push(b & 0xff);
    return this;
  }

  varint(n: number, max = MAX_VARINT): this {
    if (!Number.isSafeInteger(n) || n < 0 || n > Math.min(max, MAX_VARINT_CEILING)) throw new RangeError(`varint out of range: ${n}`);
    let v = n;
    while (v >= 0x80) {
      this.chunks.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    this.chunks.push(v);
    return this;
  }

  bytes(b: Uint8Array): this {
    for (const x of b) this.chunks.push(x);
    return this;
  }

  /** A field: tag, length, value. */
  field(tag: number, value: Uint8Array): this {
    return this.byte(tag).varint(value.length).bytes(value);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

export class ByteReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new LinkDecodeError('invalid-content', 'record ends inside a field');
    return this.buf[this.pos++]!;
  }

  varint(max = MAX_VARINT): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if (n > max) break;
      if ((b & 0x80) === 0) return n;
      scale *= 128;
    }
    throw new LinkDecodeError('invalid-content', 'a length is out of range');
  }

  take(length: number): Uint8Array {
    if (length > this.buf.length - this.pos) throw new LinkDecodeError('invalid-content', 'a field is longer than the record');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

/** ignoreBOM: a text that begins with U+FEFF keeps it; by default a decoder drops a leading one. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export function toUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Strict UTF-8: a malformed sequence is a damaged link, not replacement characters. */
export function fromUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new LinkDecodeError('invalid-content', `${what} is not valid UTF-8`);
  }
}
