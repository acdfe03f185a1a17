// Cheap DOM writes for the timeline's SVG (issue 16): an attribute is written only when its value
// changes (the last value written is remembered on the element), and `joinChildren` binds a list
// to a group's children by key, recycling the elements of keys that left for the keys that came:
// an edit that moves every bar of a lane rewrites attributes of the elements it has instead of
// removing them all and creating new ones, and a pan that moves the drawn range touches only the
// bars entering or leaving it. Elements keep d3's `__data__`, so d3 selections still read them.

type Cached = Element & { __attrs?: Record<string, string>; __key?: string; __data__?: unknown };

/** Writes the attribute unless it already has this value (`null` removes it). */
export function setAttr(el: Element, name: string, value: string | null): void {
  const cache = ((el as Cached).__attrs ??= {});
  if (value === null) {
    if (!(name in cache) && !el.hasAttribute(name)) return;
    delete cache[name];
    el.removeAttribute(name);
    return;
  }
  if (cache[name] === value) return;
  cache[name] = value;
  el.setAttribute(name, value);
}

export function setText(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

/** What joinChildren did, for tests and budgets: elements kept by key, recycled, created, removed. */
export interface JoinCounts {
  kept: number;
  recycled: number;
  created: number;
  removed: number;
}

/**
 * Makes `parent`'s children one element per item, in the items' order: an element whose key is
 * still wanted keeps its item; the others are reused, in document order, for the new keys; what
 * is still missing is created, what is left over removed. `update` runs for every element (write
 * with setAttr, so unchanged values cost nothing). `parent` must hold only elements this join
 * made.
 */
export function joinChildren<T, E extends Element>(
  parent: Element, items: readonly T[], key: (item: T) => string, create: () => E, update: (el: E, item: T) => void,
): JoinCounts {
  const old = parent.children;
  const byKey = new Map<string, E>();
  for (let i = 0; i < old.length; i++) {
    const el = old[i] as E & Cached;
    if (el.__key !== undefined && !byKey.has(el.__key)) byKey.set(el.__key, el);
  }
  const keys = items.map(key);
  const chosen: (E | undefined)[] = keys.map((k) => {
    const el = byKey.get(k);
    if (el) byKey.delete(k);
    return el;
  });
  const used = new Set<Element>(chosen.filter((el): el is E => el !== undefined));
  const spare: E[] = [];
  for (let i = 0; i < old.length; i++) if (!used.has(old[i]!)) spare.push(old[i] as E);
  const counts: JoinCounts = { kept: used.size, recycled: 0, created: 0, removed: 0 };
  let s = 0;
  for (let i = 0; i < chosen.length; i++) {
    if (chosen[i]) continue;
    if (s < spare.length) {
      chosen[i] = spare[s++];
      counts.recycled++;
    } else {
      chosen[i] = create();
      counts.created++;
    }
  }
  for (; s < spare.length; s++) {
    spare[s]!.remove();
    counts.removed++;
  }
  // Document order = the items' order; an element already in place is not moved.
  let next: Element | null = null;
  for (let i = chosen.length - 1; i >= 0; i--) {
    const el = chosen[i]! as E & Cached;
    el.__key = keys[i];
    el.__data__ = items[i];
    update(el, items[i]!);
    if (el.parentNode !== parent || el.nextElementSibling !== next) parent.insertBefore(el, next);
    next = el;
  }
  return counts;
}
