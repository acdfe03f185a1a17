// A deflate-raw encoder that spends time to save bytes (issue 16: shorter share links), for the
// short texts a link holds. Its output is plain deflate (RFC 1951), read by any inflater with the
// same preset dictionary, so link format 1 does not change: it is only a better writer of it.
//
// How: every match of every length against the dictionary and the text before it is found, then
// the cheapest way through the text is chosen by dynamic programming (a shortest path over
// positions, as zopfli does), priced with the Huffman codes the previous choice would get; a few
// rounds let prices and choices settle, and the smallest result wins. One dynamic-Huffman block.

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
const MAX_CANDIDATES = 1024;
const ROUNDS = 4;

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (3–258) → its code's index in LEN_BASE. */
const LEN_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < LEN_BASE.length; c++) for (let l = LEN_BASE[c]!; l < (LEN_BASE[c + 1] ?? MAX_MATCH + 1); l++) LEN_CODE[l] = c;
LEN_CODE[MAX_MATCH] = 28;

/** Distance (1–32768) → its code's index in DIST_BASE. */
const DIST_CODE = new Uint8Array(WINDOW + 1);
for (let c = 0; c < DIST_BASE.length; c++) for (let d = DIST_BASE[c]!; d < (DIST_BASE[c + 1] ?? WINDOW + 1); d++) DIST_CODE[d] = c;
const distCode = (d: number): number => DIST_CODE[d]!;

/** Per position of the text: the matches, as steps [longest length, its nearest distance], lengths rising. */
function findMatches(buf: Uint8Array, start: number): Int32Array[] {
  const n = buf.length;
  const head = new Int32Array(1 << 16).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  // A hash of the next three bytes; candidates are checked byte by byte, so collisions cost time only.
  const key = (i: number) => ((buf[i]! << 10) ^ (buf[i + 1]! << 5) ^ buf[i + 2]!) & 0xffff;
  const out: Int32Array[] = [];
  for (let i = 0; i + MIN_MATCH <= n; i++) {
    const k = key(i);
    if (i >= start) {
      const steps: number[] = [];
      let best = MIN_MATCH - 1;
      const maxLen = Math.min(MAX_MATCH, n - i);
      let tries = 0;
      for (let j = head[k]!; j >= 0 && i - j <= WINDOW && tries < MAX_CANDIDATES; j = prev[j]!, tries++) {
        if (buf[j + best] !== buf[i + best]) continue;
        let l = 0;
        while (l < maxLen && buf[j + l] === buf[i + l]) l++;
        if (l > best) {
          best = l;
          steps.push(l, i - j);
          if (l === maxLen) break;
        }
      }
      out[i - start] = Int32Array.from(steps);
    }
    prev[i] = head[k]!;
    head[k] = i;
  }
  return out;
}

/** Code lengths (≤ limit bits) for symbol frequencies; unused symbols get 0. */
export function codeLengths(freqs: readonly number[], limit: number): number[] {
  let f = freqs.slice();
  for (;;) {
    const lengths = huffmanLengths(f);
    if (Math.max(0, ...lengths) <= limit) return lengths;
    f = f.map((x) => (x === 0 ? 0 : Math.max(1, x >> 1)));
  }
}

function huffmanLengths(freqs: readonly number[]): number[] {
  const lengths = new Array<number>(freqs.length).fill(0);
  const used = freqs.map((f, s) => [f, s] as const).filter(([f]) => f > 0);
  if (used.length === 0) return lengths;
  if (used.length === 1) {
    lengths[used[0]![1]] = 1;
    return lengths;
  }
  // Two queues: the leaves sorted once, and the merged nodes, which come out in rising weight.
  const leaves = used.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const weight: number[] = leaves.map(([w]) => w);
  const parent: number[] = leaves.map(() => -1);
  const merged: number[] = [];
  let li = 0;
  let mi = 0;
  const takeLightest = () => {
    if (mi >= merged.length || (li < leaves.length && weight[li]! <= weight[merged[mi]!]!)) return li++;
    return merged[mi++]!;
  };
  for (let k = 0; k < leaves.length - 1; k++) {
    const a = takeLightest();
    const b = takeLightest();
    const node = weight.length;
    weight.push(weight[a]! + weight[b]!);
    parent.push(-1);
    parent[a] = node;
    parent[b] = node;
    merged.push(node);
  }
  const depth = new Array<number>(weight.length).fill(0);
  for (let node = weight.length - 2; node >= 0; node--) depth[node] = depth[parent[node]!]! + 1;
  leaves.forEach(([, sym], i) => { lengths[sym] = depth[i]!; });
  return lengths;
}

/** Canonical codes for code lengths (RFC 1951 3.2.2). */
function canonicalCodes(lengths: readonly number[]): number[] {
  const count = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) count[l]!++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + count[bits - 1]!) << 1;
    next[bits] = code;
  }
  return lengths.map((l) => (l ? next[l]!++ : 0));
}

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  /** A Huffman code: most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((code >> i) & 1, 1);
  }
  finish(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.acc);
    return Uint8Array.from(this.bytes);
  }
}

type Item = { lit: number } | { len: number; dist: number };

interface Tables { litLen: number[]; dist: number[] }

function tablesFor(items: readonly Item[]): Tables {
  const lf = new Array<number>(286).fill(0);
  const df = new Array<number>(30).fill(0);
  for (const it of items) {
    if ('lit' in it) lf[it.lit]!++;
    else {
      lf[257 + LEN_CODE[it.len]!]!++;
      df[distCode(it.dist)]!++;
    }
  }
  lf[256] = 1;
  // Two codes at least in each tree, so every inflater takes it as complete.
  for (const f of [lf, df]) while (f.filter((x) => x > 0).length < 2) f[f.indexOf(0)] = 1;
  return { litLen: codeLengths(lf, 15), dist: codeLengths(df, 15) };
}

/** The cheapest path through the text for these prices. */
function cheapestPath(text: Uint8Array, matches: readonly Int32Array[], t: Tables): Item[] {
  const n = text.length;
  // Bits per symbol; a symbol the codes left out is priced as a long code.
  const litCost = (b: number) => t.litLen[b] || 15;
  const lenCost = new Float64Array(MAX_MATCH + 1);
  for (let l = MIN_MATCH; l <= MAX_MATCH; l++) lenCost[l] = (t.litLen[257 + LEN_CODE[l]!] || 15) + LEN_EXTRA[LEN_CODE[l]!]!;
  const distCost = (d: number) => {
    const c = distCode(d);
    return (t.dist[c] || 15) + DIST_EXTRA[c]!;
  };
  const cost = new Float64Array(n + 1).fill(Infinity);
  const fromLen = new Int32Array(n + 1);
  const fromDist = new Int32Array(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const c = cost[i]!;
    if (c + litCost(text[i]!) < cost[i + 1]!) {
      cost[i + 1] = c + litCost(text[i]!);
      fromLen[i + 1] = 1;
      fromDist[i + 1] = 0;
    }
    const steps = matches[i];
    if (!steps) continue;
    let lo = MIN_MATCH;
    for (let s = 0; s < steps.length; s += 2) {
      const hi = steps[s]!;
      const d = steps[s + 1]!;
      const dc = c + distCost(d);
      for (let l = lo; l <= hi; l++) {
        const total = dc + lenCost[l]!;
        if (total < cost[i + l]!) {
          cost[i + l] = total;
          fromLen[i + l] = l;
          fromDist[i + l] = d;
        }
      }
      lo = hi + 1;
    }
  }
  const items: Item[] = [];
  for (let i = n; i > 0;) {
    const l = fromLen[i]!;
    items.push(fromDist[i] ? { len: l, dist: fromDist[i]! } : { lit: text[i - 1]! });
    i -= l;
  }
  return items.reverse();
}

/** Run-length codes (16, 17, 18) for the concatenated code lengths. */
function runLengths(lengths: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lengths.length;) {
    const l = lengths[i]!;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === l) run++;
    if (l === 0 && run >= 3) {
      const r = Math.min(run, 138);
      out.push(r >= 11 ? [18, r - 11] : [17, r - 3]);
      i += r;
    } else if (l !== 0 && i > 0 && lengths[i - 1] === l && run >= 3) {
      const r = Math.min(run, 6); // the previous length again, 3–6 times
      out.push([16, r - 3]);
      i += r;
    } else if (l !== 0 && run >= 4) {
      out.push([l, 0]);
      const r = Math.min(run - 1, 6);
      out.push([16, r - 3]);
      i += 1 + r;
    } else {
      out.push([l, 0]);
      i += 1;
    }
  }
  return out;
}

/** The fixed Huffman codes of RFC 1951 3.2.6: no code table to send, which a short text may prefer. */
const FIXED: Tables = {
  litLen: Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)),
  dist: new Array<number>(30).fill(5),
};

function writeBlock(items: readonly Item[], t: Tables): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  if (t === FIXED) {
    w.bits(1, 2);
    writeItems(w, items, t);
    return w.finish();
  }
  w.bits(2, 2); // dynamic Huffman
  let hlit = 286;
  while (hlit > 257 && !t.litLen[hlit - 1]) hlit--;
  let hdist = 30;
  while (hdist > 1 && !t.dist[hdist - 1]) hdist--;
  const rle = runLengths([...t.litLen.slice(0, hlit), ...t.dist.slice(0, hdist)]);
  const clFreq = new Array<number>(19).fill(0);
  for (const [sym] of rle) clFreq[sym]!++;
  const clLengths = codeLengths(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && !clLengths[CL_ORDER[hclen - 1]!]) hclen--;
  w.bits(hlit - 257, 5);
  w.bits(hdist - 1, 5);
  w.bits(hclen - 4, 4);
  for (let i = 0; i < hclen; i++) w.bits(clLengths[CL_ORDER[i]!]!, 3);
  const clCodes = canonicalCodes(clLengths);
  for (const [sym, extra] of rle) {
    w.code(clCodes[sym]!, clLengths[sym]!);
    if (sym === 16) w.bits(extra, 2);
    else if (sym === 17) w.bits(extra, 3);
    else if (sym === 18) w.bits(extra, 7);
  }
  writeItems(w, items, t);
  return w.finish();
}

function writeItems(w: BitWriter, items: readonly Item[], t: Tables): void {
  const litCodes = canonicalCodes(t.litLen);
  const distCodes = canonicalCodes(t.dist);
  for (const it of items) {
    if ('lit' in it) {
      w.code(litCodes[it.lit]!, t.litLen[it.lit]!);
    } else {
      const lc = LEN_CODE[it.len]!;
      w.code(litCodes[257 + lc]!, t.litLen[257 + lc]!);
      w.bits(it.len - LEN_BASE[lc]!, LEN_EXTRA[lc]!);
      const dc = distCode(it.dist);
      w.code(distCodes[dc]!, t.dist[dc]!);
      w.bits(it.dist - DIST_BASE[dc]!, DIST_EXTRA[dc]!);
    }
  }
  w.code(litCodes[256]!, t.litLen[256]!);
}

/** Deflate-raw of `data` with a preset dictionary, as small as this encoder can make it. */
export function deflateRawOptimal(data: Uint8Array, dictionary: Uint8Array = new Uint8Array(0)): Uint8Array {
  const dict = dictionary.subarray(Math.max(0, dictionary.length - WINDOW));
  const buf = new Uint8Array(dict.length + data.length);
  buf.set(dict);
  buf.set(data, dict.length);
  const matches = findMatches(buf, dict.length);
  // First prices: a flat code, 8 bits a literal, 7 a length, 5 a distance code.
  let tables: Tables = { litLen: Array.from({ length: 286 }, (_, s) => (s < 256 ? 8 : 7)), dist: new Array<number>(30).fill(5) };
  let best = writeBlock(cheapestPath(data, matches, FIXED), FIXED);
  for (let round = 0; round < ROUNDS; round++) {
    const items = cheapestPath(data, matches, tables);
    tables = tablesFor(items);
    const out = writeBlock(items, tables);
    if (out.length < best.length) best = out;
  }
  return best;
}
