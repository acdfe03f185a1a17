// The part of gifenc (1.0.3, no types shipped) the GIF export uses: gifEncode.ts.

declare module 'gifenc' {
  /** Colours as [r, g, b] triples (0–255). */
  export type Palette = number[][];

  export interface WriteFrameOptions {
    /** Required on the first frame (it becomes the global colour table); on later frames, a local one. */
    palette?: Palette;
    /** Milliseconds (written in hundredths). */
    delay?: number;
    /** -1: play once, 0: loop forever, n: n more times (the NETSCAPE2.0 block, first frame only). */
    repeat?: number;
    transparent?: boolean;
    transparentIndex?: number;
    /** The disposal method: 1 leaves the frame in place under the next one. */
    dispose?: number;
  }

  export interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, opts?: WriteFrameOptions): void;
    /** Writes the trailer. */
    finish(): void;
    /** A copy of the bytes written so far. */
    bytes(): Uint8Array<ArrayBuffer>;
  }

  export function GIFEncoder(opts?: { initialCapacity?: number; auto?: boolean }): Encoder;
  /** Up to `maxColors` colours that represent the RGBA pixels. */
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number, opts?: { format?: 'rgb565' | 'rgb444' | 'rgba4444' }): Palette;
  /** Each pixel's nearest palette index. */
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette, format?: 'rgb565' | 'rgb444' | 'rgba4444'): Uint8Array;
}
