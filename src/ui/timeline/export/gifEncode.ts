// Writes the animated GIF of playback (gif.ts), a thin wrapper over gifenc. One palette for the
// whole clip, made from the first frame: the frames differ only by the cursor and its caption.
// Every later frame keeps the pixels that did not change since the frame before as a
// transparent index over it (disposal 1, "leave in place"), which LZW packs into almost nothing,
// so a clip costs about one picture plus the cursor's trail.

import { GIFEncoder, applyPalette, quantize, type Palette } from 'gifenc';

export interface GifWriter {
  /** Adds a frame of RGBA pixels (`width × height`, row by row), shown for `delayMs`. */
  add(rgba: Uint8Array | Uint8ClampedArray, delayMs: number): void;
  /** The file, with its trailer; add nothing after. */
  finish(): Uint8Array<ArrayBuffer>;
}

/** A GIF that loops forever, `width × height` pixels. */
export function gifWriter(width: number, height: number): GifWriter {
  const encoder = GIFEncoder();
  let palette: Palette | null = null;
  /** The index one past the colours: "as in the frame before". */
  let keep = 0;
  let previous: Uint8Array | null = null;
  return {
    add(rgba, delayMs) {
      if (rgba.length !== width * height * 4) throw new Error(`a ${width}×${height} frame has ${width * height * 4} bytes, not ${rgba.length}`);
      if (!palette || !previous) {
        palette = quantize(rgba, 255);
        keep = palette.length;
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
