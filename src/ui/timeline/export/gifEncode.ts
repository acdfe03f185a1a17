// Writes the animated GIF of playback (gif.ts), a thin wrapper over gifenc. One palette for the
// whole clip, made from a sample of its frames (gifPalette; gifPlan.ts's gifPaletteFrames says
// which): the first frame alone lacks what only appears later, such as a crash's red STATUS in
// the cursor's caption, which would then come out in the nearest colour it has. Every later frame keeps the pixels that did not change since the frame before as a
// transparent index over it (disposal 1, "leave in place"), which LZW packs into almost nothing,
// so a clip costs about one picture plus the cursor's trail.

import { GIFEncoder, applyPalette, quantize, type Palette } from 'gifenc';

export interface GifWriter {
  /** Adds a frame of RGBA pixels (`width × height`, row by row), shown for `delayMs`. */
  add(rgba: Uint8Array | Uint8ClampedArray, delayMs: number): void;
  /** The file, with its trailer; add nothing after. */
  finish(): Uint8Array<ArrayBuffer>;
}

/** At most 255 colours: the 256th index means "as in the frame before". */
const MAX_COLOURS = 255;

/**
 * One palette for frames that each hold RGBA pixels: quantized over all of them together, so a
 * colour any of them has gets a slot of its own (up to 255 colours).
 */
export function gifPalette(samples: readonly (Uint8Array | Uint8ClampedArray)[]): Palette {
  const total = samples.reduce((n, s) => n + s.length, 0);
  // gifenc reads the whole buffer of what it is given: a fresh array, never a view into another.
  const all = new Uint8ClampedArray(total);
  let at = 0;
  for (const s of samples) {
    all.set(s, at);
    at += s.length;
  }
  return quantize(all, MAX_COLOURS);
}

/** A GIF that loops forever, `width × height` pixels, in `palette` (gifPalette). */
export function gifWriter(width: number, height: number, palette: Palette): GifWriter {
  const encoder = GIFEncoder();
  /** The index one past the colours: "as in the frame before". */
  const keep = palette.length;
  let previous: Uint8Array | null = null;
  return {
    add(rgba, delayMs) {
      if (rgba.length !== width * height * 4) throw new Error(`a ${width}×${height} frame has ${width * height * 4} bytes, not ${rgba.length}`);
      if (!previous) {
        previous = applyPalette(rgba, palette);
        // The slot of `keep` is in the table (never drawn), so later frames can name it.
        encoder.writeFrame(previous, width, height, { palette: [...palette, [0, 0, 0]], delay: delayMs, repeat: 0 });
        return;
      }
      const index = applyPalette(rgba, palette);
      const changes = new Uint8Array(index.length);
      for (let i = 0; i < index.length; i++) changes[i] = index[i] === previous[i] ? keep : index[i]!;
      encoder.writeFrame(changes, width, height, { delay: delayMs, transparent: true, transparentIndex: keep, dispose: 1 });
      previous = index;
    },
    finish() {
      encoder.finish();
      return encoder.bytes();
    },
  };
}
