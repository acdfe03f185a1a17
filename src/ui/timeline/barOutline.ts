// The outline of the lanes' bars and hooks as filled shapes, not strokes (issue 16). In Chromium,
// a single stroked element in the moving layer made every pan frame's layerization ~2 ms slower
// (Layerize ~3 ms with any stroke, ~1 ms with none, measured with bench/panProfile.ts: one stroked
// rect costs as much as thousands). So a bar's outline is drawn as the area its stroke would
// cover: the ring between its rounded rect grown and shrunk by half the stroke's width, and a
// dashed outline as the ring's pieces under each dash, measured along the rect's outline from
// where SVG starts a rect's stroke (x + rx, y), clockwise. Many outlines of one style go in one
// path (nonzero fill: where two rings overlap, the colour is laid once).

export interface OutlineBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The corner radius asked for (SVG's rx; ry follows it), clamped to half the width and height as SVG does. */
  r: number;
}

export interface OutlineStyle {
  width: number;
  /** On and off lengths, as stroke-dasharray; none: solid. */
  dash?: readonly [number, number];
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/** A rounded rect's outline as path commands, clockwise (`cw`) or back. */
function roundedRect(x: number, y: number, w: number, h: number, rx: number, ry: number, cw: boolean): string {
  const a = `A${n(rx)} ${n(ry)} 0 0 ${cw ? 1 : 0} `;
  const [l, r, t, b] = [x, x + w, y, y + h];
  if (cw) {
    return `M${n(l + rx)},${n(t)}H${n(r - rx)}${a}${n(r)},${n(t + ry)}V${n(b - ry)}${a}${n(r - rx)},${n(b)}`
      + `H${n(l + rx)}${a}${n(l)},${n(b - ry)}V${n(t + ry)}${a}${n(l + rx)},${n(t)}Z`;
  }
  return `M${n(l + rx)},${n(t)}${a}${n(l)},${n(t + ry)}V${n(b - ry)}${a}${n(l + rx)},${n(b)}`
    + `H${n(r - rx)}${a}${n(r)},${n(b - ry)}V${n(t + ry)}${a}${n(r - rx)},${n(t)}Z`;
}

/** The radii SVG draws a rect with: rx (ry = rx), at most half the width and height. */
function radii(b: OutlineBox): [number, number] {
  return [Math.max(0, Math.min(b.r, b.w / 2)), Math.max(0, Math.min(b.r, b.h / 2))];
}

/** The area a solid stroke of `width` covers on the box's outline. */
function solidRing(b: OutlineBox, width: number): string {
  const hw = width / 2;
  const [rx, ry] = radii(b);
  const outer = roundedRect(b.x - hw, b.y - hw, b.w + width, b.h + width, rx + hw, ry + hw, true);
  const iw = b.w - width;
  const ih = b.h - width;
  if (iw <= 0 || ih <= 0) return outer;
  return outer + roundedRect(b.x + hw, b.y + hw, iw, ih, Math.max(0, rx - hw), Math.max(0, ry - hw), false);
}

/** A piece of the outline: a straight side or a quarter corner, with its length along the outline. */
type Piece =
  | { kind: 'line'; x0: number; y0: number; x1: number; y1: number; nx: number; ny: number; len: number }
  | { kind: 'arc'; cx: number; cy: number; rx: number; ry: number; a0: number; len: number };

/** A quarter ellipse's length (Ramanujan's perimeter / 4). */
function quarter(rx: number, ry: number): number {
  if (rx === 0 || ry === 0) return 0;
  const h = ((rx - ry) / (rx + ry)) ** 2;
  return (Math.PI * (rx + ry) * (1 + (3 * h) / (10 + Math.sqrt(4 - 3 * h)))) / 4;
}

/** The outline's pieces in SVG's order for a rect: from (x + rx, y) clockwise; y grows downwards. */
function pieces(b: OutlineBox): Piece[] {
  const [rx, ry] = radii(b);
  const [l, r, t, bt] = [b.x, b.x + b.w, b.y, b.y + b.h];
  const q = quarter(rx, ry);
  const line = (x0: number, y0: number, x1: number, y1: number, nx: number, ny: number): Piece => ({ kind: 'line', x0, y0, x1, y1, nx, ny, len: Math.hypot(x1 - x0, y1 - y0) });
  const arc = (cx: number, cy: number, a0: number): Piece => ({ kind: 'arc', cx, cy, rx, ry, a0, len: q });
  return [
    line(l + rx, t, r - rx, t, 0, -1), arc(r - rx, t + ry, -Math.PI / 2),
    line(r, t + ry, r, bt - ry, 1, 0), arc(r - rx, bt - ry, 0),
    line(r - rx, bt, l + rx, bt, 0, 1), arc(l + rx, bt - ry, Math.PI / 2),
    line(l, bt - ry, l, t + ry, -1, 0), arc(l + rx, t + ry, Math.PI),
  ];
}

/** A move along x or y, relative: `h` or `v`. */
const step = (dx: number, dy: number, len: number) => (dx !== 0 ? `h${n(dx * len)}` : `v${n(dy * len)}`);

/**
 * The part [s0, s1] (lengths from the piece's start) of a piece, as a closed shape of the stroke's
 * width, clockwise like the solid ring's outer edge (so overlapping outlines add up under nonzero).
 * A side's part is a rectangle: its start on the outer edge, then relative moves (few numbers to
 * write: a redraw writes thousands of dashes).
 */
function pieceShape(p: Piece, s0: number, s1: number, hw: number): string {
  if (p.kind === 'line') {
    const dx = Math.sign(p.x1 - p.x0);
    const dy = Math.sign(p.y1 - p.y0);
    const len = s1 - s0;
    return `M${n(p.x0 + dx * s0 + p.nx * hw)},${n(p.y0 + dy * s0 + p.ny * hw)}${step(dx, dy, len)}${step(-p.nx, -p.ny, 2 * hw)}${step(-dx, -dy, len)}Z`;
  }
  const t0 = p.a0 + (Math.PI / 2) * (s0 / p.len);
  const t1 = p.a0 + (Math.PI / 2) * (s1 / p.len);
  const at = (rx: number, ry: number, a: number) => `${n(p.cx + rx * Math.cos(a))},${n(p.cy + ry * Math.sin(a))}`;
  const [orx, ory] = [p.rx + hw, p.ry + hw];
  const [irx, iry] = [Math.max(0, p.rx - hw), Math.max(0, p.ry - hw)];
  return `M${at(orx, ory, t0)}A${n(orx)} ${n(ory)} 0 0 1 ${at(orx, ory, t1)}`
    + `L${at(irx, iry, t1)}A${n(irx)} ${n(iry)} 0 0 0 ${at(irx, iry, t0)}Z`;
}

/** The area a dashed stroke covers: each dash's pieces, the dashes starting where SVG starts them. */
function dashedRing(b: OutlineBox, width: number, [on, off]: readonly [number, number]): string {
  const hw = width / 2;
  const cycle = on + off;
  if (on <= 0) return '';
  if (cycle <= 0 || off <= 0) return solidRing(b, width);
  let out = '';
  let start = 0;
  for (const p of pieces(b)) {
    const end = start + p.len;
    if (p.len > 0) {
      // The dashes [k·cycle, k·cycle + on] that meet this piece.
      for (let k = Math.floor(start / cycle); k * cycle < end; k++) {
        const a = Math.max(k * cycle, start);
        const z = Math.min(k * cycle + on, end);
        if (z > a) out += pieceShape(p, a - start, z - start, hw);
      }
    }
    start = end;
  }
  return out;
}

/**
 * Outlines already made, by box and style: a bar keeps its x while the zoom stays (renderLanes
 * draws in the layer's own x), so a redraw after a pan or an edit makes again mostly the same
 * outlines. Forgotten all at once when it grows past CACHE_LIMIT.
 */
const made = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Path data for the outline of `box` in `style`: the area its stroke would paint. */
export function outlinePath(box: OutlineBox, style: OutlineStyle): string {
  if (box.w <= 0 || box.h <= 0 || style.width <= 0) return '';
  const key = `${box.x} ${box.y} ${box.w} ${box.h} ${box.r} ${style.width} ${style.dash?.[0] ?? ''} ${style.dash?.[1] ?? ''}`;
  const known = made.get(key);
  if (known !== undefined) return known;
  const d = style.dash ? dashedRing(box, style.width, style.dash) : solidRing(box, style.width);
  if (made.size >= CACHE_LIMIT) made.clear();
  made.set(key, d);
  return d;
}
