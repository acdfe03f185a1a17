// The shape of the animated GIF (gif.ts): 10 frames a second for 10 s, the last one held a
// moment so the loop reads as a loop, at most 960 px wide (what a slide shows; a GIF's size grows
// with its area), one palette made from a few frames spread over the clip.

export const GIF_FRAMES = 100;
export const GIF_FRAME_MS = 100;
/** The last frame stays this long before the clip starts again. */
export const GIF_LAST_FRAME_MS = 1500;
export const GIF_MAX_WIDTH = 960;

/** The GIF's size and the scale that takes the picture there: never enlarged. */
export function gifSize(width: number, height: number): { width: number; height: number; scale: number } {
  const scale = Math.min(1, GIF_MAX_WIDTH / width);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)), scale };
}

/** How long frame `i` of `count` is shown. */
export function gifDelay(i: number, count: number): number {
  return i === count - 1 ? GIF_LAST_FRAME_MS : GIF_FRAME_MS;
}

/** How many frames, spread over the clip, its one palette is made from. */
export const GIF_PALETTE_FRAMES = 5;

/**
 * The frames (indices of `count`) the palette is made from: the first, the last and evenly
 * between, so a colour that appears only late in the clip (a crash's red) is in it.
 */
export function gifPaletteFrames(count: number, samples = GIF_PALETTE_FRAMES): number[] {
  if (count <= 0) return [];
  if (samples <= 1) return [0];
  if (count <= samples) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: samples }, (_, k) => Math.round((k * (count - 1)) / (samples - 1)));
}
