// Reading one input file, refusing what would never end or never fit: anything but a regular
// file (/dev/zero, /dev/urandom, a FIFO that blocks or streams forever, a socket) is refused
// from its stat, before it is opened, and a regular file is read only up to the engine's
// limit (MAX_TEXT_CHARS): a larger one is refused with its size, never read whole.

import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { MAX_TEXT_CHARS } from '../engine/scenario/limits';

/** A UTF-16 code unit takes at most 3 bytes of UTF-8, so more bytes than this is surely too many characters. */
export const MAX_INPUT_BYTES = 3 * MAX_TEXT_CHARS;

export class InputError extends Error {}

function kindOf(st: Stats): string {
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function tooLarge(size: string): InputError {
  return new InputError(`too large (${size}; sim reads at most ${MAX_TEXT_CHARS} characters, as the engine does)`);
}

function refuseUnlessRegular(st: Stats): void {
  if (st.isDirectory()) throw new InputError('is a directory');
  if (!st.isFile()) throw new InputError(`not a regular file (${kindOf(st)}); sim reads YAML files only`);
  if (st.size > MAX_INPUT_BYTES) throw tooLarge(`${st.size} bytes`);
}

/** The text of a regular file of at most MAX_TEXT_CHARS characters; throws InputError otherwise (or the fs error). */
export function readBoundedTextFile(path: string): string {
  refuseUnlessRegular(statSync(path));
  const fd = openSync(path, 'r');
  try {
    refuseUnlessRegular(fstatSync(fd)); // the same file we opened, not one swapped in since
    const buf = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n) n = readSync(fd, buf, length, buf.length - length, null);
    if (length > MAX_INPUT_BYTES) throw tooLarge(`more than ${MAX_INPUT_BYTES} bytes`);
    const text = buf.toString('utf8', 0, length);
    if (text.length > MAX_TEXT_CHARS) throw tooLarge(`${text.length} characters`);
    return text;
  } finally {
    closeSync(fd);
  }
}
