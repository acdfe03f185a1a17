// goSort.ts against Go's own sort.Sort. The permutations below are what Go's sort.Sort
// (linux/amd64) returned for inputs of (key, index) pairs ordered by key alone, so every tie shows
// where Go put it; the inputs come from the generators below, written alike in the Go program that
// printed them. Go 1.19.8 is Debian's golang-1.19 (bookworm); Go 1.23.5 (golang-1.23-go
// 1.23.5-1~bpo12+1) returned Go 1.19.8's permutation for every sort.Sort case here; Go 1.24.4
// (golang-1.24-go 1.24.4-1, trixie) is the first with golang/go#70144's xorshift shifts (13, 7,
// 17) and returned the 13-7-17 rows. Both newer toolchains were unpacked in /tmp for the check
// only. The limit rows ran Go 1.19.8's own pdqsort (zsortinterface.go, copied verbatim into the
// program) with the limit given.
//
// Go's documented behaviour (sort.go Sort: "The sort is not guaranteed to be stable"): up to 12
// elements pdqsort is an insertion sort, stable; above, deterministic but not stable.

import { describe, expect, it } from 'vitest';
import { goPdqsortWithLimit, goSort, goSortSlice, goXorshift, KUBECTL_GO_MINOR, kubectlXorshift, XORSHIFT_13_17_5, XORSHIFT_13_7_17, type GoSortInterface } from './goSort';

/** xorshift32 (13, 17, 5) from a seed: the test inputs' generator, as the Go program has it. */
function xs32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    return x;
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const GENERATORS: Record<string, (...a: number[]) => number[]> = {
  /** n keys in [0, m), random */
  rnd: (n, m, seed) => {
    const next = xs32(seed!);
    return range(n!).map(() => next() % m!);
  },
  /** descending, d equal keys in a row */
  desc: (n, d) => range(n!).map((i) => Math.trunc((n! - 1 - i) / d!)),
  /** 0..n-1 with the pairs at the given positions swapped */
  nearly: (n, ...ps) => {
    const k = range(n!);
    for (const p of ps) [k[p], k[p + 1]] = [k[p + 1]!, k[p]!];
    return k;
  },
  /** i mod p */
  saw: (n, p) => range(n!).map((i) => i % p!),
  /** the keys as given (describe's: -1 for the scheduler's zero LastTimestamp, else the second) */
  list: (...k) => k,
};

/** The keys a case's name describes, e.g. `rnd(50, 5, 3)` or `nearly(120, [5 30 60 90])`. */
function keysOf(name: string): number[] {
  const [, fn, args] = /^(\w+)\((.*)\)$/.exec(name)!;
  return GENERATORS[fn!]!(...args!.replace(/[[\],]/g, ' ').trim().split(/\s+/).map(Number));
}

interface Item { key: number; index: number }

/** The (key, index) slice sort.Sort gets in the Go program: Less compares keys only. */
function slice(keys: readonly number[]): { items: Item[]; data: GoSortInterface } {
  const items = keys.map((key, index) => ({ key, index }));
  return {
    items,
    data: {
      len: () => items.length,
      less: (i, j) => items[i]!.key < items[j]!.key,
      swap: (i, j) => {
        [items[i], items[j]] = [items[j]!, items[i]!];
      },
    },
  };
}

const order = (items: readonly Item[]) => items.map((it) => it.index).join(' ');

describe('goSort: Go 1.19.8 and Go 1.23.5 sort.Sort (sort.go Sort, zsortinterface.go pdqsort; xorshift 13, 17, 5)', () => {
  it.each<[string, string]>([
    ['rnd(12, 3, 7)', '0 3 5 11 1 2 4 6 7 8 9 10'],
    ['rnd(13, 3, 1)', '7 10 2 0 9 5 6 1 12 4 8 3 11'],
    ['rnd(20, 4, 2)', '13 6 18 12 11 15 0 7 8 1 10 4 3 2 14 5 16 17 9 19'],
    ['rnd(50, 5, 3)', '9 26 46 38 14 20 21 8 25 19 7 28 1 29 36 37 5 17 48 2 43 42 41 23 16 39 0 30 40 35 49 31 32 33 18 13 4 10 3 6 47 22 15 11 44 45 12 24 34 27'],
    ['rnd(100, 10, 5)', '61 84 68 35 96 34 31 21 29 38 8 51 77 23 50 15 4 88 83 19 20 72 57 73 39 55 90 27 28 48 85 6 10 24 87 65 26 30 75 33 40 76 78 43 80 45 92 47 58 89 44 59 3 37 11 25 36 17 63 0 74 94 12 91 95 81 82 53 9 97 41 71 14 42 93 46 64 32 2 54 60 69 56 79 16 13 86 67 52 66 18 62 49 5 7 70 1 22 98 99'],
    ['desc(100, 1)', '99 98 97 96 95 94 93 92 91 90 89 88 87 86 85 84 83 82 81 80 79 78 77 76 75 74 73 72 71 70 69 68 67 66 65 64 63 62 61 60 59 58 57 56 55 54 53 52 51 50 49 48 47 46 45 44 43 42 41 40 39 38 37 36 35 34 33 32 31 30 29 28 27 26 25 24 23 22 21 20 19 18 17 16 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0'],
    ['nearly(120, [5 30 60 90])', '0 1 2 3 4 6 5 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 31 30 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 61 60 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 91 90 92 93 94 95 96 97 98 99 100 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119'],
    ['saw(128, 16)', '16 112 96 80 0 64 48 32 65 113 81 33 97 1 49 17 18 98 50 66 34 82 114 2 83 67 115 51 99 3 19 35 4 68 20 116 36 100 84 52 101 69 21 5 53 85 117 37 38 22 70 6 118 86 54 102 103 7 119 39 55 23 71 87 88 8 56 24 72 104 120 40 41 121 73 25 89 57 9 105 58 106 10 122 26 90 42 74 43 27 59 91 107 123 75 11 76 28 12 44 108 92 60 124 13 77 125 61 29 109 93 45 14 94 126 78 62 30 110 46 47 95 31 111 63 79 15 127'],
    ['saw(40, 5)', '20 10 0 15 30 5 35 25 11 16 26 21 31 36 1 6 12 2 37 27 17 7 22 32 28 8 23 38 3 18 13 33 9 24 19 29 4 14 34 39'],
    ['saw(32, 4)', '16 8 28 24 4 20 0 12 29 17 21 5 25 13 9 1 30 6 18 2 14 10 22 26 19 3 23 27 31 15 7 11'],
    ['saw(26, 2)', '12 2 0 14 4 24 6 22 8 20 10 18 16 7 3 15 25 17 11 19 9 21 1 23 5 13'],
    ['saw(16, 2)', '8 6 2 14 0 12 10 4 7 9 1 11 5 13 3 15'],
    // describeGoXorshift.test.ts's listing, 1.27-1.35: the scheduler's row, six rows last written at 6 s, nine at 1 s
    ['list(-1, 6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1)', '0 12 11 15 14 13 8 10 9 7 2 6 1 5 4 3'],
  ])('%s: the permutation Go returned, ties included', (name, permutation) => {
    const { items, data } = slice(keysOf(name));
    goSort(data);
    expect(order(items)).toBe(permutation);
  });

  it.each<[string, number, string]>([
    ['rnd(40, 6, 11)', 0, '36 13 31 27 28 33 37 14 22 17 39 2 24 4 18 8 3 6 29 25 20 15 32 30 11 5 19 35 0 16 7 21 9 26 12 23 10 38 34 1'],
    ['rnd(100, 10, 5)', 1, '61 21 34 38 96 35 31 68 84 29 50 23 77 51 15 8 4 88 83 48 90 57 20 39 72 19 27 28 73 85 55 6 24 10 65 87 26 30 75 33 40 76 78 43 80 45 92 47 58 89 44 59 3 37 11 25 36 17 63 0 74 94 12 91 95 81 82 53 9 97 41 71 14 42 93 46 64 32 2 54 60 69 56 79 16 13 86 67 52 66 18 62 49 5 7 70 1 22 98 99'],
  ])('heapSort: %s with pdqsort\'s limit %i, as Go\'s pdqsort does it', (name, limit, permutation) => {
    const { items, data } = slice(keysOf(name));
    goPdqsortWithLimit(data, limit);
    expect(order(items)).toBe(permutation);
  });

  it.each<[string, string]>([
    ['rnd(50, 5, 3)', '9 25 46 38 8 14 20 26 21 36 7 19 28 1 29 37 5 17 48 2 43 42 41 23 16 39 0 30 40 35 49 31 32 33 18 13 4 10 3 6 47 22 15 11 44 45 12 24 34 27'],
    ['rnd(100, 10, 5)', '61 96 35 34 31 29 38 21 68 84 23 8 77 50 51 15 4 85 88 19 83 90 39 20 28 55 72 27 57 48 73 65 87 6 24 10 26 30 75 33 40 76 78 43 80 45 92 47 58 89 44 59 3 37 11 25 36 17 63 0 74 94 12 91 95 81 82 53 9 97 41 71 14 42 93 46 64 32 2 54 60 69 56 79 16 13 86 67 52 66 18 62 49 5 7 70 1 22 98 99'],
    ['saw(128, 16)', '16 112 96 80 0 64 48 32 65 1 81 49 33 17 113 97 66 114 18 34 50 82 2 98 3 115 51 83 67 35 19 99 4 100 116 20 36 52 84 68 21 69 53 85 117 101 37 5 22 6 118 38 70 86 54 102 103 71 87 23 119 39 55 7 72 104 88 24 120 40 56 8 89 9 41 105 57 121 25 73 106 90 10 74 26 122 42 58 27 11 123 91 43 59 107 75 108 60 124 12 76 28 92 44 45 61 125 93 13 109 29 77 62 46 126 78 110 94 30 14 47 63 31 95 111 79 15 127'],
    ['saw(40, 5)', '20 35 25 15 30 5 0 10 11 16 26 6 21 31 36 1 12 17 37 27 2 32 22 7 28 13 23 38 18 3 8 33 9 24 34 19 4 29 14 39'],
    ['saw(32, 4)', '16 0 28 24 4 20 8 12 17 9 21 5 29 13 1 25 14 2 18 6 30 10 22 26 19 3 23 27 15 7 11 31'],
    ['saw(26, 2)', '12 22 2 24 4 20 6 0 8 14 10 16 18 7 1 15 11 17 9 19 5 21 13 23 3 25'],
    ['saw(16, 2)', '8 10 2 14 4 12 6 0 9 7 1 11 5 13 3 15'],
    ['list(-1, 6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1)', '0 12 8 15 14 13 9 10 11 7 2 6 1 5 4 3'],
    // describeGoXorshift.test.ts's 1.36/1.37 listing: here every Go returned the same permutation
    ['list(-1, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1)', '0 11 15 14 13 12 4 7 8 9 10 6 5 3 2 1'],
  ])('Go 1.24.4 sort.Sort, breakPatterns with golang/go#70144\'s xorshift shifts (13, 7, 17): %s', (name, permutation) => {
    const { items, data } = slice(keysOf(name));
    goSort(data, XORSHIFT_13_7_17);
    expect(order(items)).toBe(permutation);
  });

  it('the two xorshifts agree where breakPatterns does not run or its swaps reach no tie (rnd(12, 3, 7), rnd(13, 3, 1), desc(100, 1)), not in saw(16, 2)', () => {
    for (const name of ['rnd(12, 3, 7)', 'rnd(13, 3, 1)', 'desc(100, 1)', 'saw(16, 2)']) {
      const old = slice(keysOf(name));
      goSort(old.data, XORSHIFT_13_17_5);
      const now = slice(keysOf(name));
      goSort(now.data, XORSHIFT_13_7_17);
      expect(order(now.items) === order(old.items), name).toBe(name !== 'saw(16, 2)');
    }
  });
});

describe('kubectlXorshift: sort.go\'s xorshift in the Go that builds each kubectl (KUBECTL_GO_MINOR)', () => {
  it('Go 1.23 and older shift 13, 17, 5; Go 1.24 and newer 13, 7, 17 (golang/go#70144; read in 1.23.5, 1.24.4, 1.26.10)', () => {
    expect(goXorshift(19)).toEqual([13, 17, 5]);
    expect(goXorshift(23)).toEqual([13, 17, 5]);
    expect(goXorshift(24)).toEqual([13, 7, 17]);
    expect(goXorshift(26)).toEqual([13, 7, 17]);
  });

  it.each(Object.entries(KUBECTL_GO_MINOR).map(([minor, go]) => [Number(minor), go] as const))(
    'kubectl 1.%i (its latest patch built with Go 1.%i): the xorshift of that Go', (minor, go) => {
      expect(kubectlXorshift(minor)).toEqual(go >= 24 ? XORSHIFT_13_7_17 : XORSHIFT_13_17_5);
    });

  it('the version line: 1.30 (Go 1.23.8) keeps 13, 17, 5; 1.31 (Go 1.24.9 from 1.31.14) takes 13, 7, 17', () => {
    expect(KUBECTL_GO_MINOR[30]).toBe(23);
    expect(KUBECTL_GO_MINOR[31]).toBe(24);
    expect(kubectlXorshift(30)).toBe(XORSHIFT_13_17_5);
    expect(kubectlXorshift(31)).toBe(XORSHIFT_13_7_17);
  });

  it('a minor outside the table takes the nearest known one', () => {
    expect(kubectlXorshift(26)).toBe(XORSHIFT_13_17_5);
    expect(kubectlXorshift(38)).toBe(XORSHIFT_13_7_17);
  });
});

describe('goSort: what Go documents of sort.Sort', () => {
  const byKey = (a: Item, b: Item) => a.key < b.key;

  it('up to 12 elements: an insertion sort, stable (equal keys keep their order)', () => {
    for (let n = 0; n <= 12; n++) {
      for (let seed = 1; seed <= 50; seed++) {
        const keys = GENERATORS.rnd!(n, 3, seed * 7 + n);
        const sorted = goSortSlice(keys.map((key, index) => ({ key, index })), byKey);
        const stable = keys.map((key, index) => ({ key, index })).sort((a, b) => a.key - b.key);
        expect(order(sorted), `n=${n} seed=${seed}`).toBe(order(stable));
      }
    }
  });

  it('above 12 elements: not stable (rnd(13, 3, 1) puts index 7 before index 0, both key 0)', () => {
    const keys = keysOf('rnd(13, 3, 1)');
    const sorted = goSortSlice(keys.map((key, index) => ({ key, index })), byKey);
    const stable = keys.map((key, index) => ({ key, index })).sort((a, b) => a.key - b.key);
    expect(order(sorted)).not.toBe(order(stable));
    expect(keys[7]).toBe(keys[0]);
    expect(sorted.findIndex((it) => it.index === 7)).toBeLessThan(sorted.findIndex((it) => it.index === 0));
  });

  it('every length from 0 to 300: sorted, a permutation, and the same result every time (deterministic)', () => {
    for (let n = 0; n <= 300; n++) {
      const keys = GENERATORS.rnd!(n, 1 + (n % 17), n + 1);
      const once = goSortSlice(keys.map((key, index) => ({ key, index })), byKey);
      const again = goSortSlice(keys.map((key, index) => ({ key, index })), byKey);
      expect(order(again), `n=${n}`).toBe(order(once));
      expect(once.map((it) => it.key), `n=${n}`).toEqual([...keys].sort((a, b) => a - b));
      expect(new Set(once.map((it) => it.index)).size).toBe(n);
    }
  });

  it('TestSortableEvents (kubectl sorted_event_list_test.go): oldest LastTimestamp first', () => {
    const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
    const list = [
      { message: 'Item 1', lastTimestamp: at(2014, 1, 15) },
      { message: 'Item 2', lastTimestamp: at(1987, 6, 17) },
      { message: 'Item 3', lastTimestamp: at(2002, 12, 25) },
    ];
    goSortSlice(list, (a, b) => a.lastTimestamp < b.lastTimestamp);
    expect(list.map((e) => e.message)).toEqual(['Item 2', 'Item 3', 'Item 1']);
  });
});
