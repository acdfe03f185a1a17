import { describe, expect, it } from 'vitest';
import { joinChildren, setAttr } from './svgWrite';

// A few lines of DOM: what joinChildren and setAttr use of an element (the tests run in Node).
class FakeElement {
  parentNode: FakeElement | null = null;
  readonly kids: FakeElement[] = [];
  readonly attrs = new Map<string, string>();
  writes = 0;
  moves = 0;
  constructor(readonly id: number) {}
  get children(): FakeElement[] { return this.kids; }
  get nextElementSibling(): FakeElement | null {
    const p = this.parentNode;
    if (!p) return null;
    return p.kids[p.kids.indexOf(this) + 1] ?? null;
  }
  insertBefore(el: FakeElement, next: FakeElement | null): void {
    if (el.parentNode) el.parentNode.kids.splice(el.parentNode.kids.indexOf(el), 1);
    el.parentNode = this;
    el.moves++;
    const at = next ? this.kids.indexOf(next) : this.kids.length;
    this.kids.splice(at, 0, el);
  }
  remove(): void {
    this.parentNode?.kids.splice(this.parentNode.kids.indexOf(this), 1);
    this.parentNode = null;
  }
  setAttribute(name: string, value: string): void { this.attrs.set(name, value); this.writes++; }
  removeAttribute(name: string): void { this.attrs.delete(name); this.writes++; }
  hasAttribute(name: string): boolean { return this.attrs.has(name); }
}

let ids = 0;
const make = () => new FakeElement(++ids);
const asEl = (e: FakeElement) => e as unknown as Element;

function join(parent: FakeElement, items: number[]) {
  return joinChildren<number, Element>(asEl(parent), items, (n) => `k${n}`, () => asEl(make()), (el, n) => setAttr(el, 'x', String(n * 10)));
}

const order = (parent: FakeElement) => parent.kids.map((k) => k.attrs.get('x'));

describe('joinChildren (timeline bars bound by key, elements recycled: issue 16)', () => {
  it('keeps the elements of keys still wanted, in the items\' order, and writes nothing unchanged', () => {
    const g = make();
    expect(join(g, [1, 2, 3])).toEqual({ kept: 0, recycled: 0, created: 3, removed: 0 });
    const before = [...g.kids];
    const writes = before.map((k) => k.writes);
    expect(join(g, [1, 2, 3])).toEqual({ kept: 3, recycled: 0, created: 0, removed: 0 });
    expect(g.kids).toEqual(before);
    expect(g.kids.map((k) => k.writes)).toEqual(writes);
  });

  it('a pan (keys leave on one side, come on the other) reuses the leaving elements for the coming ones', () => {
    const g = make();
    join(g, [1, 2, 3, 4]);
    const [e1, e2, e3, e4] = g.kids;
    expect(join(g, [3, 4, 5, 6])).toEqual({ kept: 2, recycled: 2, created: 0, removed: 0 });
    expect(order(g)).toEqual(['30', '40', '50', '60']);
    expect(g.kids.slice(0, 2)).toEqual([e3, e4]);
    expect(new Set(g.kids.slice(2))).toEqual(new Set([e1, e2]));
  });

  it('an edit that changes every key rewrites the same elements in place (no element made, moved or dropped)', () => {
    const g = make();
    join(g, [1, 2, 3]);
    const before = [...g.kids];
    const moves = before.map((k) => k.moves);
    expect(join(g, [11, 12, 13])).toEqual({ kept: 0, recycled: 3, created: 0, removed: 0 });
    expect(g.kids).toEqual(before);
    expect(g.kids.map((k) => k.moves)).toEqual(moves);
    expect(order(g)).toEqual(['110', '120', '130']);
  });

  it('creates what is missing and removes what is left over', () => {
    const g = make();
    join(g, [1, 2]);
    expect(join(g, [1, 2, 3, 4])).toEqual({ kept: 2, recycled: 0, created: 2, removed: 0 });
    expect(join(g, [4])).toEqual({ kept: 1, recycled: 0, created: 0, removed: 3 });
    expect(order(g)).toEqual(['40']);
    expect(join(g, [])).toEqual({ kept: 0, recycled: 0, created: 0, removed: 1 });
    expect(g.kids).toHaveLength(0);
  });
});

describe('setAttr', () => {
  it('writes a value once, and removes the attribute for null', () => {
    const el = make();
    setAttr(asEl(el), 'y', '5');
    setAttr(asEl(el), 'y', '5');
    expect(el.writes).toBe(1);
    setAttr(asEl(el), 'y', null);
    expect(el.attrs.has('y')).toBe(false);
    setAttr(asEl(el), 'y', null);
    expect(el.writes).toBe(2);
    setAttr(asEl(el), 'y', '5');
    expect(el.attrs.get('y')).toBe('5');
  });
});
