// Go's sort.Sort, which kubectl's DescribeEvents calls on the listed events
// (sort.Sort(event.SortableEvents(el.Items))): pattern-defeating quicksort since Go 1.19, ported
// line by line from go/src/sort (sort.go Sort, xorshift, nextPowerOfTwo; zsortinterface.go
// insertionSort, siftDown, heapSort, pdqsort, partition, partitionEqual, partialInsertionSort,
// breakPatterns, choosePivot, order2, median, medianAdjacent, reverseRange), as read in golang/go
// at 662feb6f (zsortinterface.go) and in Go 1.19.8's own source (Debian golang-1.19-src: the same
// text, and sort.go's Sort, xorshift and nextPowerOfTwo).
//
// What a caller may rely on: up to 12 elements it is an insertion sort, so stable (equal elements
// keep their order); above, it is deterministic (no randomness: breakPatterns' xorshift is seeded
// with the length) but not stable. goSort.test.ts compares it with Go 1.19.8's, Go 1.23.5's and Go
// 1.24.4's sort.Sort.
//
// The one difference between Go versions (read in Debian's golang-1.19-src 1.19.8, golang-1.21-src
// 1.21.13, golang-1.22-src 1.22.12, golang-1.23-src 1.23.5, golang-1.24-src 1.24.4 and
// golang-1.26-src 1.26.10: zsortinterface.go, sort.go's Sort and nextPowerOfTwo are the same text
// in all of them):
// sort.go's xorshift.Next shifts 13, 17, 5 up to Go 1.23 (XORSHIFT_13_17_5) and 13, 7, 17 from Go
// 1.24 on (XORSHIFT_13_7_17: golang/go#70144, "slices: bad pseudo-random xorshift usage", filed
// 2024-10-31 against go1.23.2; slices/sort.go changed with it; not in Go 1.23.5, in Go 1.24.4 and
// 1.26.10, and Go's point releases take only backported fixes, so from go1.24.0). It matters only
// where breakPatterns runs (more than 12 elements and an unbalanced partition). Which Go builds
// which kubectl: KUBECTL_GO_MINOR, kubectlXorshift.

/** Go's sort.Interface. */
export interface GoSortInterface {
  len(): number;
  less(i: number, j: number): boolean;
  swap(i: number, j: number): void;
}

/** The shifts of breakPatterns' xorshift Next: left, right, left. */
export type XorshiftShifts = readonly [number, number, number];
/** Go 1.19 to 1.23 (sort.go `*r ^= *r << 13; *r ^= *r >> 17; *r ^= *r << 5`; read up to 1.23.5). */
export const XORSHIFT_13_17_5: XorshiftShifts = [13, 17, 5];
/** Go 1.24 and later, after golang/go#70144 (`<< 13`, `>> 7`, `<< 17`; read in 1.24.4 and 1.26.10). */
export const XORSHIFT_13_7_17: XorshiftShifts = [13, 7, 17];

/** The first Go minor whose sort.go has XORSHIFT_13_7_17 (Go 1.24). */
export const FIRST_GO_MINOR_13_7_17 = 24;

/** The xorshift shifts of Go 1.<goMinor>'s sort.Sort (pdqsort, Go 1.19 and later). */
export function goXorshift(goMinor: number): XorshiftShifts {
  return goMinor >= FIRST_GO_MINOR_13_7_17 ? XORSHIFT_13_7_17 : XORSHIFT_13_17_5;
}

/**
 * The Go minor that builds each Kubernetes minor's kubectl at its latest patch release (the engine
 * models the latest patch; patch releases move to newer Go: 1.31.0 was built with Go 1.22, 1.31.14
 * with Go 1.24.9). Read in kubernetes/kubernetes's release-branch Go bumps ("Kubernetes is now built
 * with/using Go …") and CHANGELOG-1.37.md:
 * - 1.27: its branch closed in mid-2024, before Go 1.24 existed (February 2025); 1.21 or 1.22, not
 *   pinned (22 here).
 * - 1.28: Go 1.22 (#125670 "[release-1.28] upgrade to go1.22", 1.22.4, June 2024; #130311's review,
 *   February 2025: "we didn't actually bump 1.28 to go 1.23").
 * - 1.29: Go 1.23 (#130196 "[release-1.29][go1.23] Build with go 1.23.6", February 2025; 1.29.15
 *   is built with Go 1.23).
 * - 1.30: Go 1.23 (#131683, Go 1.23.8, May 2025; the branch closed in June 2025, no Go 1.24 bump
 *   found).
 * - 1.31: Go 1.24 (#134618 "[release-1.31] … Go 1.24.9", October 2025, for 1.31.14, its last patch;
 *   before: Go 1.22, then 1.23.6 to 1.23.12).
 * - 1.32, 1.33, 1.34: Go 1.24 (#137048, #136983, #136984: Go 1.24.13, February 2026; 1.32 was on
 *   Go 1.23.12 until late 2025).
 * - 1.35: Go 1.25 (master at Go 1.25.3 from October 2025, #134611, before 1.35.0; its patches not read).
 * - 1.36, 1.37: Go 1.26 (CHANGELOG-1.37.md, v1.37.0-alpha.1, since v1.36.0: built with Go 1.26.3,
 *   then 1.26.4; 1.36's own patches not read: Go 1.25 or 1.26, past 1.24 either way).
 */
export const KUBECTL_GO_MINOR: Readonly<Record<number, number>> = {
  27: 22, 28: 22, 29: 23, 30: 23, 31: 24, 32: 24, 33: 24, 34: 24, 35: 25, 36: 26, 37: 26,
};

/**
 * The xorshift shifts of the sort.Sort in kubectl 1.<minor> (its latest patch's Go,
 * KUBECTL_GO_MINOR): 13, 17, 5 up to 1.30, 13, 7, 17 from 1.31. A minor outside the table takes
 * its nearest known one.
 */
export function kubectlXorshift(minor: number): XorshiftShifts {
  const known = Object.keys(KUBECTL_GO_MINOR).map(Number);
  const nearest = Math.min(Math.max(minor, Math.min(...known)), Math.max(...known));
  return goXorshift(KUBECTL_GO_MINOR[nearest]!);
}

type SortedHint = 'unknown' | 'increasing' | 'decreasing';

/** Go's integer division of non-negative ints. */
const div = (a: number, b: number): number => Math.trunc(a / b);

/** math/bits.Len for a non-negative int below 2^31. */
function bitsLen(x: number): number {
  return x === 0 ? 0 : 32 - Math.clz32(x);
}

const U64 = (1n << 64n) - 1n;

/** sort.go xorshift: a uint64 state. */
class Xorshift {
  private r: bigint;
  constructor(seed: number, private readonly shifts: XorshiftShifts) {
    this.r = BigInt(seed);
  }

  next(): bigint {
    const [a, b, c] = this.shifts;
    this.r ^= (this.r << BigInt(a)) & U64;
    this.r ^= this.r >> BigInt(b);
    this.r ^= (this.r << BigInt(c)) & U64;
    return this.r;
  }
}

function nextPowerOfTwo(length: number): number {
  return 2 ** bitsLen(length);
}

/** sort.Sort: sorts data by data.less, not stably above 12 elements. */
export function goSort(data: GoSortInterface, shifts: XorshiftShifts = XORSHIFT_13_17_5): void {
  const n = data.len();
  if (n <= 1) return;
  const limit = bitsLen(n);
  pdqsort(data, 0, n, limit, shifts);
}

/**
 * pdqsort(data, 0, n, limit) with the limit given instead of bits.Len(n): 0 sorts by heapSort at
 * once. Only goSort.test.ts calls it, to compare heapSort with Go's (sort.Sort reaches it only
 * after bits.Len(n) unbalanced partitions).
 */
export function goPdqsortWithLimit(data: GoSortInterface, limit: number, shifts: XorshiftShifts = XORSHIFT_13_17_5): void {
  pdqsort(data, 0, data.len(), limit, shifts);
}

/** sort.Sort over a slice with a Less of its elements (as SortableEvents' Len, Less, Swap); in place, returned. */
export function goSortSlice<T>(items: T[], less: (a: T, b: T) => boolean, shifts: XorshiftShifts = XORSHIFT_13_17_5): T[] {
  goSort({
    len: () => items.length,
    less: (i, j) => less(items[i]!, items[j]!),
    swap: (i, j) => {
      const x = items[i]!;
      items[i] = items[j]!;
      items[j] = x;
    },
  }, shifts);
  return items;
}

/** insertionSort sorts data[a:b] using insertion sort. */
function insertionSort(data: GoSortInterface, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) {
    for (let j = i; j > a && data.less(j, j - 1); j--) data.swap(j, j - 1);
  }
}

/** siftDown implements the heap property on data[lo:hi]; first is the offset of the heap's root. */
function siftDown(data: GoSortInterface, lo: number, hi: number, first: number): void {
  let root = lo;
  for (;;) {
    let child = 2 * root + 1;
    if (child >= hi) break;
    if (child + 1 < hi && data.less(first + child, first + child + 1)) child++;
    if (!data.less(first + root, first + child)) return;
    data.swap(first + root, first + child);
    root = child;
  }
}

function heapSort(data: GoSortInterface, a: number, b: number): void {
  const first = a;
  const lo = 0;
  const hi = b - a;
  // Build heap with greatest element at top.
  for (let i = div(hi - 1, 2); i >= 0; i--) siftDown(data, i, hi, first);
  // Pop elements, largest first, into end of data.
  for (let i = hi - 1; i >= 0; i--) {
    data.swap(first, first + i);
    siftDown(data, lo, i, first);
  }
}

/** pdqsort sorts data[a:b]; limit is the number of bad pivots allowed before heapsort. */
function pdqsort(data: GoSortInterface, a: number, b: number, limit: number, shifts: XorshiftShifts): void {
  const maxInsertion = 12;
  let wasBalanced = true; // whether the last partitioning was reasonably balanced
  let wasPartitioned = true; // whether the slice was already partitioned
  for (;;) {
    const length = b - a;
    if (length <= maxInsertion) {
      insertionSort(data, a, b);
      return;
    }
    // Fall back to heapsort if too many bad choices were made.
    if (limit === 0) {
      heapSort(data, a, b);
      return;
    }
    // If the last partitioning was imbalanced, we need to breaking patterns.
    if (!wasBalanced) {
      breakPatterns(data, a, b, shifts);
      limit--;
    }
    let [pivot, hint] = choosePivot(data, a, b);
    if (hint === 'decreasing') {
      reverseRange(data, a, b);
      // The chosen pivot was pivot-a elements after the start of the array.
      // After reversing it is pivot-a elements before the end of the array.
      pivot = (b - 1) - (pivot - a);
      hint = 'increasing';
    }
    // The slice is likely already sorted.
    if (wasBalanced && wasPartitioned && hint === 'increasing') {
      if (partialInsertionSort(data, a, b)) return;
    }
    // Probably the slice contains many duplicate elements, partition the slice into
    // elements equal to and elements greater than the pivot.
    if (a > 0 && !data.less(a - 1, pivot)) {
      a = partitionEqual(data, a, b, pivot);
      continue;
    }
    const [mid, alreadyPartitioned] = partition(data, a, b, pivot);
    wasPartitioned = alreadyPartitioned;
    const leftLen = mid - a;
    const rightLen = b - mid;
    const balanceThreshold = div(length, 8);
    if (leftLen < rightLen) {
      wasBalanced = leftLen >= balanceThreshold;
      pdqsort(data, a, mid, limit, shifts);
      a = mid + 1;
    } else {
      wasBalanced = rightLen >= balanceThreshold;
      pdqsort(data, mid + 1, b, limit, shifts);
      b = mid;
    }
  }
}

/**
 * partition does one quicksort partition: data[i] < p for i < newpivot and data[j] >= p for
 * j > newpivot, data[newpivot] = p (p = data[pivot]).
 */
function partition(data: GoSortInterface, a: number, b: number, pivot: number): [number, boolean] {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1; // i and j are inclusive of the elements remaining to be partitioned
  while (i <= j && data.less(i, a)) i++;
  while (i <= j && !data.less(j, a)) j--;
  if (i > j) {
    data.swap(j, a);
    return [j, true];
  }
  data.swap(i, j);
  i++;
  j--;
  for (;;) {
    while (i <= j && data.less(i, a)) i++;
    while (i <= j && !data.less(j, a)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  data.swap(j, a);
  return [j, false];
}

/** partitionEqual: the elements equal to data[pivot], then the greater ones (none is smaller). */
function partitionEqual(data: GoSortInterface, a: number, b: number, pivot: number): number {
  data.swap(a, pivot);
  let i = a + 1;
  let j = b - 1;
  for (;;) {
    while (i <= j && !data.less(a, i)) i++;
    while (i <= j && data.less(a, j)) j--;
    if (i > j) break;
    data.swap(i, j);
    i++;
    j--;
  }
  return i;
}

/** partialInsertionSort partially sorts a slice, returns true if the slice is sorted at the end. */
function partialInsertionSort(data: GoSortInterface, a: number, b: number): boolean {
  const maxSteps = 5; // maximum number of adjacent out-of-order pairs that will get shifted
  const shortestShifting = 50; // don't shift any elements on short arrays
  let i = a + 1;
  for (let step = 0; step < maxSteps; step++) {
    while (i < b && !data.less(i, i - 1)) i++;
    if (i === b) return true;
    if (b - a < shortestShifting) return false;
    data.swap(i, i - 1);
    // Shift the smaller one to the left (down to index 1, not a+1: Go's own bound).
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
    // Shift the greater one to the right.
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!data.less(j, j - 1)) break;
        data.swap(j, j - 1);
      }
    }
  }
  return false;
}

/** breakPatterns scatters some elements around to break patterns that unbalance partitions. */
function breakPatterns(data: GoSortInterface, a: number, b: number, shifts: XorshiftShifts): void {
  const length = b - a;
  if (length >= 8) {
    const random = new Xorshift(length, shifts);
    const modulus = nextPowerOfTwo(length);
    for (let idx = a + div(length, 4) * 2 - 1; idx <= a + div(length, 4) * 2 + 1; idx++) {
      let other = Number(random.next() & BigInt(modulus - 1));
      if (other >= length) other -= length;
      data.swap(idx, a + other);
    }
  }
}

/**
 * choosePivot chooses a pivot in data[a:b]: [0,8) a static pivot, [8,50) the median of three,
 * [50,∞) Tukey's ninther.
 */
function choosePivot(data: GoSortInterface, a: number, b: number): [number, SortedHint] {
  const shortestNinther = 50;
  const maxSwaps = 4 * 3;
  const l = b - a;
  const swaps = { n: 0 };
  let i = a + div(l, 4) * 1;
  let j = a + div(l, 4) * 2;
  let k = a + div(l, 4) * 3;
  if (l >= 8) {
    if (l >= shortestNinther) {
      // Tukey ninther method, the idea came from Rust's implementation.
      i = medianAdjacent(data, i, swaps);
      j = medianAdjacent(data, j, swaps);
      k = medianAdjacent(data, k, swaps);
    }
    // Find the median among i, j, k and stores it into j.
    j = median(data, i, j, k, swaps);
  }
  switch (swaps.n) {
    case 0:
      return [j, 'increasing'];
    case maxSwaps:
      return [j, 'decreasing'];
    default:
      return [j, 'unknown'];
  }
}

/** order2 returns x,y where data[x] <= data[y], where x,y=a,b or x,y=b,a. */
function order2(data: GoSortInterface, a: number, b: number, swaps: { n: number }): [number, number] {
  if (data.less(b, a)) {
    swaps.n++;
    return [b, a];
  }
  return [a, b];
}

/** median returns x where data[x] is the median of data[a],data[b],data[c], where x is a, b, or c. */
function median(data: GoSortInterface, a: number, b: number, c: number, swaps: { n: number }): number {
  [a, b] = order2(data, a, b, swaps);
  [b, c] = order2(data, b, c, swaps);
  [a, b] = order2(data, a, b, swaps);
  return b;
}

/** medianAdjacent finds the median of data[a - 1], data[a], data[a + 1]. */
function medianAdjacent(data: GoSortInterface, a: number, swaps: { n: number }): number {
  return median(data, a - 1, a, a + 1, swaps);
}

function reverseRange(data: GoSortInterface, a: number, b: number): void {
  let i = a;
  let j = b - 1;
  while (i < j) {
    data.swap(i, j);
    i++;
    j--;
  }
}
