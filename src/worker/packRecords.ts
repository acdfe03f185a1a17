// An array of plain records (a trace's events, its status writes) packed for postMessage (issue 16).
//
// Chromium's structured clone writes and reads every object, key and string of a message one by
// one: the 40-container pod of the keystroke bench (14,596 events) took the worker ~27 ms to post
// and the page ~19 ms to read, both on a keystroke's critical path. Packed, the records cross as
// two typed arrays whose buffers are transferred (not copied), one table of the distinct strings
// and one of the distinct key lists; the page builds the objects again from them.
//
// The records are JSON-like data, as the trace is (contract section 3): objects, arrays, strings,
// numbers, booleans, null, and undefined where an own property holds it. Packing keeps what a
// structured clone keeps: each key in its order, -0 and NaN, and an array or object that several
// records share (or that contains itself) stays one object on the page (the engine shares a
// back-off's cause list between its refusals). Anything else (a function, a symbol, a bigint, a
// Map, a class instance) is refused with a TypeError, as postMessage refuses a function: records
// are never anything but data.

/** What a value's tag says; its payload (`payloads` at the same position) depends on it. */
const NUMBER = 0; // payload: the number
const STRING = 1; // payload: its entry in `strings`
const TRUE = 2;
const FALSE = 3;
const NULL = 4;
const UNDEFINED = 5;
const ARRAY = 6; // payload: its length; its items follow
const OBJECT = 7; // payload: its entry in `shapes`; its values follow, in that key order
const SEEN = 8; // payload: which array or object met before (they are numbered as they are met)

export interface PackedRecords {
  /** How many records were packed. */
  count: number;
  /** Each distinct string once. */
  strings: string[];
  /** Each distinct key list (an object's own keys, in order) once. */
  shapes: string[][];
  /** Every value's tag, depth first, record after record. */
  tags: Uint8Array;
  /** Every value's payload, at its tag's position (0 for tags without one). */
  payloads: Float64Array;
}

/** A growing pair of tag and payload arrays. */
class Stream {
  tags: Uint8Array;
  payloads: Float64Array;
  length = 0;

  constructor(expected: number) {
    this.tags = new Uint8Array(Math.max(16, expected));
    this.payloads = new Float64Array(Math.max(16, expected));
  }

  push(tag: number, payload: number): void {
    if (this.length === this.tags.length) this.grow();
    this.tags[this.length] = tag;
    this.payloads[this.length] = payload;
    this.length++;
  }

  private grow(): void {
    const tags = new Uint8Array(this.tags.length * 2);
    tags.set(this.tags);
    const payloads = new Float64Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.tags = tags;
    this.payloads = payloads;
  }
}

class Packer {
  readonly stream: Stream;
  readonly strings: string[] = [];
  readonly shapes: string[][] = [];
  private readonly stringEntries = new Map<string, number>();
  private readonly shapeRoot: ShapeNode = { next: new Map(), entry: -1, keys: [] };
  /** Arrays and objects met inside records, by the number they were met as. */
  private readonly met = new Map<object, number>();

  constructor(expectedValues: number) {
    this.stream = new Stream(expectedValues);
  }

  string(s: string): number {
    let entry = this.stringEntries.get(s);
    if (entry === undefined) {
      entry = this.strings.length;
      this.strings.push(s);
      this.stringEntries.set(s, entry);
    }
    return entry;
  }

  value(v: unknown): void {
    switch (typeof v) {
      case 'number': this.stream.push(NUMBER, v); return;
      case 'string': this.stream.push(STRING, this.string(v)); return;
      case 'boolean': this.stream.push(v ? TRUE : FALSE, 0); return;
      case 'undefined': this.stream.push(UNDEFINED, 0); return;
      case 'object':
        if (v === null) this.stream.push(NULL, 0);
        else this.container(v, true);
        return;
      default: throw new TypeError(`packRecords: a record holds a ${typeof v}, which is not data`);
    }
  }

  /** An array or a plain object; `shared` containers are numbered so a second meeting is a reference. */
  container(v: object, shared: boolean): void {
    if (shared) {
      const seen = this.met.get(v);
      if (seen !== undefined) {
        this.stream.push(SEEN, seen);
        return;
      }
      this.met.set(v, this.met.size);
    }
    if (Array.isArray(v)) {
      this.stream.push(ARRAY, v.length);
      for (let i = 0; i < v.length; i++) this.value(v[i]);
    } else {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('packRecords: a record holds an object that is not plain data');
      // for-in over a plain object reads V8's enum cache, and each value at its field: much cheaper
      // than Object.keys and a keyed read per key. The shape's entry is known at the end.
      const at = this.stream.length;
      this.stream.push(OBJECT, 0);
      const o = v as Record<string, unknown>;
      let node = this.shapeRoot;
      for (const key in o) {
        let next = node.next.get(key);
        if (next === undefined) {
          next = { next: new Map(), entry: -1, keys: [...node.keys, key] };
          node.next.set(key, next);
        }
        node = next;
        this.value(o[key]);
      }
      if (node.entry < 0) {
        node.entry = this.shapes.length;
        this.shapes.push(node.keys);
      }
      this.stream.payloads[at] = node.entry;
    }
  }
}

/** A step in the trie of key lists: the lists that go on from here, and this list's entry (-1: none ends here). */
interface ShapeNode {
  next: Map<string, ShapeNode>;
  entry: number;
  keys: string[];
}

/**
 * Packs `records` (plain objects). Each record is read, not changed. Throws a TypeError for a
 * value that is not data (see the file's comment).
 */
export function packRecords(records: readonly object[]): PackedRecords {
  const packer = new Packer(records.length * 10);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new TypeError('packRecords: a record is not an object');
    // A record itself is never shared with another: no number, no lookup.
    packer.container(r, false);
  }
  const { stream } = packer;
  return {
    count: records.length,
    strings: packer.strings,
    shapes: packer.shapes,
    // Views of the whole buffers, which a post transfers (packedBuffers): nothing is copied.
    tags: stream.tags.subarray(0, stream.length),
    payloads: stream.payloads.subarray(0, stream.length),
  };
}

/** The buffers a posted PackedRecords transfers instead of copying. */
export function packedBuffers(p: PackedRecords): ArrayBuffer[] {
  return [p.tags.buffer as ArrayBuffer, p.payloads.buffer as ArrayBuffer];
}

/** The reader's failure: the packed form does not hold what it says (a damaged message). */
class Damaged extends Error {}

class Unpacker {
  private at = 0;
  private readonly met: object[] = [];

  constructor(private readonly p: PackedRecords) {}

  done(): boolean {
    return this.at === this.p.tags.length;
  }

  value(): unknown {
    const { tags, payloads, strings } = this.p;
    if (this.at >= tags.length) throw new Damaged();
    const tag = tags[this.at]!;
    const payload = payloads[this.at]!;
    this.at++;
    switch (tag) {
      case NUMBER: return payload;
      case STRING: {
        const s = strings[payload];
        if (s === undefined) throw new Damaged();
        return s;
      }
      case TRUE: return true;
      case FALSE: return false;
      case NULL: return null;
      case UNDEFINED: return undefined;
      case SEEN: {
        const seen = this.met[payload];
        if (seen === undefined) throw new Damaged();
        return seen;
      }
      case ARRAY: return this.array(payload, true);
      case OBJECT: return this.object(payload, true);
      default: throw new Damaged();
    }
  }

  record(): Record<string, unknown> {
    if (this.at >= this.p.tags.length || this.p.tags[this.at] !== OBJECT) throw new Damaged();
    const payload = this.p.payloads[this.at]!;
    this.at++;
    return this.object(payload, false);
  }

  private array(length: number, shared: boolean): unknown[] {
    if (!Number.isInteger(length) || length < 0 || length > this.p.tags.length - this.at) throw new Damaged();
    const a: unknown[] = [];
    if (shared) this.met.push(a);
    for (let i = 0; i < length; i++) a.push(this.value());
    return a;
  }

  private object(shape: number, shared: boolean): Record<string, unknown> {
    const keys = this.p.shapes[shape];
    if (keys === undefined) throw new Damaged();
    const o: Record<string, unknown> = {};
    if (shared) this.met.push(o);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      // An own property, as a structured clone makes it (an assignment would set the prototype).
      if (key === '__proto__') Object.defineProperty(o, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      else o[key] = this.value();
    }
    return o;
  }
}

/**
 * The records `packRecords` packed, built again (each shared array or object once), or
 * undefined when the packed form is damaged or incomplete.
 */
export function unpackRecords(p: PackedRecords): Record<string, unknown>[] | undefined {
  if (!(p.tags instanceof Uint8Array) || !(p.payloads instanceof Float64Array) || p.tags.length !== p.payloads.length) return undefined;
  if (!Array.isArray(p.strings) || !Array.isArray(p.shapes) || !Number.isInteger(p.count) || p.count < 0) return undefined;
  if (!p.strings.every((s) => typeof s === 'string')) return undefined;
  if (!p.shapes.every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === 'string'))) return undefined;
  const reader = new Unpacker(p);
  const out: Record<string, unknown>[] = new Array(p.count);
  try {
    for (let i = 0; i < p.count; i++) out[i] = reader.record();
    if (!reader.done()) return undefined;
  } catch (err) {
    if (err instanceof Damaged) return undefined;
    throw err;
  }
  return out;
}
