import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packedBuffers, packRecords, unpackRecords, type PackedRecords } from './packRecords';

/** What the page gets: a post of the packed form, through a structured clone that transfers its buffers. */
function posted(p: PackedRecords): PackedRecords {
  return structuredClone(p, { transfer: packedBuffers(p) });
}

/** Plain records as JSON-like data, with undefined, -0 and NaN among the values (a structured clone keeps all three). */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(-0)),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 })),
})).node;
const records = fc.array(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 6 }), { maxLength: 30 });

describe('packRecords / unpackRecords (a trace\'s lists on the wire)', () => {
  it('gives back what a structured clone would, key order included, for any JSON-like records', () => {
    fc.assert(fc.property(records, (rs) => {
      const back = unpackRecords(posted(packRecords(rs)));
      expect(back).toEqual(structuredClone(rs));
      expect(back!.map((r) => Object.keys(r))).toEqual(rs.map((r) => Object.keys(r)));
    }), { numRuns: 300 });
  });

  it('keeps -0, NaN and a property that holds undefined', () => {
    const [r] = unpackRecords(posted(packRecords([{ a: -0, b: Number.NaN, c: undefined, d: null }])))!;
    expect(Object.is(r!.a, -0)).toBe(true);
    expect(r!.b).toBeNaN();
    expect(Object.keys(r!)).toEqual(['a', 'b', 'c', 'd']);
    expect(r!.c).toBeUndefined();
  });

  it('an array two records share is one array on the other side too, and each string crosses once', () => {
    const cause = ['e1', 'e2'];
    const rs = [{ id: 'e3', cause, why: 'the same sentence' }, { id: 'e4', cause, why: 'the same sentence' }, { id: 'e5', cause: ['e1', 'e2'], why: 'x' }];
    const packed = packRecords(rs);
    expect(packed.strings).toEqual(['e3', 'e1', 'e2', 'the same sentence', 'e4', 'e5', 'x']);
    expect(packed.shapes).toEqual([['id', 'cause', 'why']]);
    const back = unpackRecords(posted(packed))!;
    expect(back[0]!.cause).toBe(back[1]!.cause);
    expect(back[2]!.cause).not.toBe(back[0]!.cause);
    expect(back).toEqual(rs);
  });

  it('an object that contains itself comes back as one that does, without looping', () => {
    const inner: Record<string, unknown> = { name: 'loop' };
    inner.self = inner;
    const [r] = unpackRecords(posted(packRecords([{ inner }])))!;
    const back = r!.inner as Record<string, unknown>;
    expect(back.self).toBe(back);
  });

  it('a key named __proto__ is an own property, as a structured clone makes it, and changes no prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as object;
    const [r] = unpackRecords(posted(packRecords([hostile])))!;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.keys(r!)).toEqual(['__proto__', 'ok']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('moves its buffers to the other side instead of copying them', () => {
    const p = packRecords([{ t: 1, why: 'x' }]);
    const buffers = packedBuffers(p);
    expect(buffers).toHaveLength(2);
    structuredClone(p, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('grows past its first guess of the size', () => {
    const rs = [{ list: Array.from({ length: 5000 }, (_, i) => i) }];
    expect(unpackRecords(posted(packRecords(rs)))).toEqual(rs);
  });

  it('refuses what is not data, as postMessage refuses a function', () => {
    expect(() => packRecords([{ f: () => 1 }])).toThrow(TypeError);
    expect(() => packRecords([{ when: new Date(0) }])).toThrow(/not plain data/);
    expect(() => packRecords([{ big: 1n }])).toThrow(/bigint/);
    expect(() => packRecords([[1] as unknown as object])).toThrow(/not an object/);
  });

  it('a damaged or incomplete packed form reads as undefined, never as wrong records', () => {
    const good = packRecords([{ type: 'container.start', container: 'app', cause: ['e0'] }, { type: 'x', n: 2 }]);
    const copy = (): PackedRecords => ({ ...good, tags: good.tags.slice(), payloads: good.payloads.slice(), strings: [...good.strings], shapes: good.shapes.map((k) => [...k]) });
    expect(unpackRecords(copy())).toEqual([{ type: 'container.start', container: 'app', cause: ['e0'] }, { type: 'x', n: 2 }]);
    const cases: ((p: PackedRecords) => PackedRecords)[] = [
      (p) => ({ ...p, tags: p.tags.subarray(0, p.tags.length - 1), payloads: p.payloads.subarray(0, p.payloads.length - 1) }),
      (p) => ({ ...p, count: p.count + 1 }),
      (p) => ({ ...p, count: p.count - 1 }),
      (p) => ({ ...p, strings: [] }),
      (p) => ({ ...p, shapes: [] }),
      (p) => ({ ...p, shapes: [[1 as unknown as string]] }),
      (p) => { p.tags[1] = 99; return p; },
      (p) => { p.payloads[0] = 0.5; return p; },
      (p) => { p.tags[3] = 6; p.payloads[3] = 1e9; return p; }, // an array longer than the message
      (p) => { p.tags[3] = 8; p.payloads[3] = 7; return p; }, // a reference to nothing met
      (p) => ({ ...p, payloads: new Float64Array(p.tags.length + 1) }),
      (p) => ({ ...p, tags: [...p.tags] as unknown as Uint8Array }),
    ];
    for (const damage of cases) expect(unpackRecords(damage(copy()))).toBeUndefined();
  });
});
