// Issue 16: which lanes a redraw draws at once. The observer is faked: what matters is how its
// reports turn into `shows`, that each lane name is watched once, and that without an observer
// (or before its first report) every lane counts as on screen.

import { describe, expect, it } from 'vitest';
import { lanesInView, rowsInView } from './lanesInView';

interface FakeEl { key?: string; next: FakeEl | null }

function frames(keys: (string | undefined)[]): { root: Element; els: FakeEl[] } {
  const els: FakeEl[] = keys.map((key) => ({ key, next: null }));
  els.forEach((el, i) => { el.next = els[i + 1] ?? null; });
  for (const el of els) Object.defineProperty(el, 'nextElementSibling', { get: () => el.next });
  return { root: { firstElementChild: els[0] ?? null } as unknown as Element, els };
}

function fakeObserver() {
  const observed: FakeEl[] = [];
  let report: (entries: { target: Element; isIntersecting: boolean }[]) => void = () => {};
  let margin = '';
  const observe = (onChange: typeof report, m: string) => {
    report = onChange;
    margin = m;
    return { observe: (el: Element) => { observed.push(el as unknown as FakeEl); }, disconnect: () => { observed.length = 0; } };
  };
  const say = (el: FakeEl, isIntersecting: boolean) => report([{ target: el as unknown as Element, isIntersecting }]);
  return { observe, observed, say, margin: () => margin };
}

const keyOf = (el: Element) => (el as unknown as FakeEl).key;

describe('lanesInView', () => {
  it('counts a lane as on screen until the observer says it left, and again once it is back', () => {
    const fake = fakeObserver();
    const view = lanesInView(keyOf, fake.observe);
    const { root, els } = frames(['pod/p', 'main/a', 'main/b']);
    view.watch(root);
    expect(['pod/p', 'main/a', 'main/b'].map(view.shows)).toEqual([true, true, true]);
    fake.say(els[2]!, false);
    expect(view.shows('main/b')).toBe(false);
    expect(view.shows('main/a')).toBe(true);
    fake.say(els[2]!, true);
    expect(view.shows('main/b')).toBe(true);
  });

  it('watches each lane name once, and only lane names (a group header has no key)', () => {
    const fake = fakeObserver();
    const view = lanesInView(keyOf, fake.observe);
    const { root, els } = frames([undefined, 'main/a', undefined, 'main/b']);
    view.watch(root);
    view.watch(root);
    expect(fake.observed).toEqual([els[1], els[3]]);
    expect(fake.margin()).toMatch(/px/);
  });

  it('draws every lane where there is no IntersectionObserver', () => {
    const view = lanesInView(keyOf, () => null);
    const { root } = frames(['main/a']);
    view.watch(root);
    expect(view.shows('main/a')).toBe(true);
  });

  it('forgets what it was told once disconnected', () => {
    const fake = fakeObserver();
    const view = lanesInView(keyOf, fake.observe);
    const { root, els } = frames(['main/a']);
    view.watch(root);
    fake.say(els[0]!, false);
    view.disconnect();
    expect(view.shows('main/a')).toBe(true);
  });
});

describe('rowsInView', () => {
  const rows = { height: 90, lanes: [{ kind: 'pod', name: 'p', y: 0 }, { kind: 'main', name: 'a', y: 30 }, { kind: 'main', name: 'b', y: 60 }] };

  it('keeps only the lanes on screen, in order, and the rest of the rows as they are', () => {
    const inView = rowsInView(rows, (key) => key !== 'main/a');
    expect(inView.lanes.map((l) => l.name)).toEqual(['p', 'b']);
    expect(inView.height).toBe(90);
    expect(rows.lanes).toHaveLength(3);
  });

  it('gives the same rows back when every lane is on screen', () => {
    expect(rowsInView(rows, () => true)).toBe(rows);
  });
});
