// Reads a GIF file back, for the GIF export's tests (gifEncode.test.ts, e2e/gif-export.spec.ts):
// its header, logical screen and colour table, the NETSCAPE2.0 loop count and every image with
// its graphic control (delay, disposal, transparent index). `composeFrames` (and
// `composeFramesRgb`, its bytes) decodes the LZW data and paints the frames as a viewer would, to
// compare the picture with what went in.

export interface GifImage {
  delayMs: number;
  disposal: number;
  transparentIndex: number | null;
  left: number;
  top: number;
  width: number;
  height: number;
  localPalette: boolean;
  minCodeSize: number;
  /** The LZW data, sub-blocks joined. */
  data: Uint8Array;
}

export interface GifFile {
  signature: string;
  width: number;
  height: number;
  palette: [number, number, number][];
  /** The NETSCAPE2.0 loop count (0: forever), null when the block is absent. */
  loops: number | null;
  images: GifImage[];
}

export function readGif(bytes: Uint8Array): GifFile {
  let at = 0;
  const u8 = () => {
    if (at >= bytes.length) throw new Error(`the file ends early (at ${at})`);
    return bytes[at++]!;
  };
  const u16 = () => u8() | (u8() << 8);
  const text = (n: number) => String.fromCharCode(...Array.from({ length: n }, u8));
  const subBlocks = (): Uint8Array => {
    const parts: number[] = [];
    for (let n = u8(); n > 0; n = u8()) for (let i = 0; i < n; i++) parts.push(u8());
    return Uint8Array.from(parts);
  };
  const colourTable = (flags: number) => Array.from({ length: 2 << (flags & 7) }, (): [number, number, number] => [u8(), u8(), u8()]);

  const signature = text(6);
  const width = u16();
  const height = u16();
  const flags = u8();
  u8(); // background colour index
  u8(); // pixel aspect ratio
  const palette = flags & 0x80 ? colourTable(flags) : [];
  let loops: number | null = null;
  let control: Pick<GifImage, 'delayMs' | 'disposal' | 'transparentIndex'> = { delayMs: 0, disposal: 0, transparentIndex: null };
  const images: GifImage[] = [];
  for (;;) {
    const block = u8();
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      const label = u8();
      const body = subBlocks();
      if (label === 0xf9) {
        control = { disposal: (body[0]! >> 2) & 7, delayMs: (body[1]! | (body[2]! << 8)) * 10, transparentIndex: body[0]! & 1 ? body[3]! : null };
      } else if (label === 0xff && String.fromCharCode(...body.subarray(0, 11)) === 'NETSCAPE2.0') {
        loops = body[12]! | (body[13]! << 8);
      }
      continue;
    }
    if (block !== 0x2c) throw new Error(`unexpected block 0x${block.toString(16)} at ${at - 1}`);
    const left = u16();
    const top = u16();
    const w = u16();
    const h = u16();
    const imageFlags = u8();
    if (imageFlags & 0x80) colourTable(imageFlags);
    const minCodeSize = u8();
    images.push({ ...control, left, top, width: w, height: h, localPalette: (imageFlags & 0x80) !== 0, minCodeSize, data: subBlocks() });
    control = { delayMs: 0, disposal: 0, transparentIndex: null };
  }
  return { signature, width, height, palette, loops, images };
}

/**
 * The palette indices an image's LZW data decodes to (width × height of them; a stream that ends
 * early leaves the rest 0). The code table is kept as prefix links, suffix bytes and lengths, so
 * a 720×560 frame decodes in milliseconds: the e2e suite reads a GIF of 100 such frames.
 */
export function decodeIndices(image: GifImage): Uint8Array {
  const clear = 1 << image.minCodeSize;
  const end = clear + 1;
  const out = new Uint8Array(image.width * image.height);
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < clear; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let next = clear + 2;
  let size = image.minCodeSize + 1;
  let prev = -1;
  let written = 0;
  const data = image.data;
  const total = data.length * 8;
  let bit = 0;
  /** Writes code's string at `written` (the string of `code`, or of prev and its own first byte). */
  const emit = (code: number): void => {
    const n = length[code]!;
    let at = written + n - 1;
    for (let c = code; at >= written; c = prefix[c]!, at--) if (at < out.length) out[at] = suffix[c]!;
    written += n;
  };
  while (bit + size <= total) {
    let code = 0;
    for (let i = 0; i < size; i++, bit++) code |= ((data[bit >> 3]! >> (bit & 7)) & 1) << i;
    if (code === clear) {
      next = clear + 2;
      size = image.minCodeSize + 1;
      prev = -1;
      continue;
    }
    if (code === end) break;
    if (code > next || (code === next && prev < 0)) throw new Error(`code ${code} before its entry`);
    if (prev >= 0 && next < 4096) {
      // The new entry: prev's string and the first byte of code's (prev's own first byte when code is that new entry).
      prefix[next] = prev;
      suffix[next] = code === next ? first[prev]! : first[code]!;
      first[next] = first[prev]!;
      length[next] = length[prev]! + 1;
      next++;
    }
    emit(code);
    if (next === 1 << size && size < 12) size++;
    prev = code;
  }
  return out;
}

/** Each frame as a viewer shows it: RGB bytes, row by row (disposal 0/1: left in place). */
export function composeFramesRgb(gif: GifFile): Uint8Array[] {
  let canvas = new Uint8Array(gif.width * gif.height * 3);
  return gif.images.map((image) => {
    if (image.localPalette) throw new Error('local colour tables are not read here');
    if (image.disposal > 1) throw new Error(`disposal ${image.disposal} is not painted here`);
    const indices = decodeIndices(image);
    const frame = canvas.slice();
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const index = indices[y * image.width + x]!;
        if (index === image.transparentIndex) continue;
        const colour = gif.palette[index]!;
        const at = ((image.top + y) * gif.width + image.left + x) * 3;
        frame[at] = colour[0];
        frame[at + 1] = colour[1];
        frame[at + 2] = colour[2];
      }
    }
    canvas = frame;
    return frame;
  });
}

/** Each frame as a viewer shows it: RGB triples, row by row (composeFramesRgb, for small pictures). */
export function composeFrames(gif: GifFile): [number, number, number][][] {
  return composeFramesRgb(gif).map((rgb) => Array.from({ length: rgb.length / 3 }, (_, i): [number, number, number] => [rgb[3 * i]!, rgb[3 * i + 1]!, rgb[3 * i + 2]!]));
}
