// Reads a GIF file back, for the GIF export's tests (gifEncode.test.ts, e2e/gif-export.spec.ts):
// its header, logical screen and colour table, the NETSCAPE2.0 loop count and every image with
// its graphic control (delay, disposal, transparent index). `composeFrames` decodes the LZW data
// and paints the frames as a viewer would, to compare the picture with what went in.

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

/** The palette indices an image's LZW data decodes to. */
export function decodeIndices(image: GifImage): Uint8Array {
  const clear = 1 << image.minCodeSize;
  const end = clear + 1;
  const out: number[] = [];
  let table: number[][] = [];
  let size = image.minCodeSize + 1;
  let prev: number[] | null = null;
  const reset = () => {
    table = Array.from({ length: clear + 2 }, (_, i) => [i]);
    size = image.minCodeSize + 1;
    prev = null;
  };
  reset();
  let bit = 0;
  const total = image.data.length * 8;
  while (bit + size <= total) {
    let code = 0;
    for (let i = 0; i < size; i++, bit++) code |= ((image.data[bit >> 3]! >> (bit & 7)) & 1) << i;
    if (code === clear) { reset(); continue; }
    if (code === end) break;
    const p: number[] | null = prev;
    const entry: number[] | null = code < table.length ? table[code]! : p ? [...p, p[0]!] : null;
    if (!entry) throw new Error(`code ${code} before its entry`);
    out.push(...entry);
    if (p && table.length < 4096) table.push([...p, entry[0]!]);
    if (table.length === 1 << size && size < 12) size++;
    prev = entry;
  }
  return Uint8Array.from(out);
}

/** Each frame as a viewer shows it: RGB triples, row by row (disposal 0/1: left in place). */
export function composeFrames(gif: GifFile): [number, number, number][][] {
  let canvas: [number, number, number][] = Array.from({ length: gif.width * gif.height }, () => [0, 0, 0]);
  return gif.images.map((image) => {
    if (image.localPalette) throw new Error('local colour tables are not read here');
    if (image.disposal > 1) throw new Error(`disposal ${image.disposal} is not painted here`);
    const indices = decodeIndices(image);
    const next = canvas.slice();
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const index = indices[y * image.width + x]!;
        if (index !== image.transparentIndex) next[(image.top + y) * gif.width + image.left + x] = gif.palette[index]!;
      }
    }
    canvas = next;
    return next;
  });
}
