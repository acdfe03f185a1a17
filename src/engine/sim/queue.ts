// A min-heap of timed callbacks ordered by (time, insertion order): events at the same time run
// in the order they were scheduled, which keeps causal order in the trace (contract section 3).

export interface QueueItem {
  t: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export class EventQueue {
  private heap: QueueItem[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, run: () => void): QueueItem {
    const item: QueueItem = { t, seq: this.seq++, run, cancelled: false };
    this.heap.push(item);
    this.up(this.heap.length - 1);
    return item;
  }

  peek(): QueueItem | undefined {
    return this.heap[0];
  }

  pop(): QueueItem | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined) return undefined;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  // The sifts move a hole instead of swapping, and compare (t, seq) inline: a run makes ~30,000
  // comparisons, which V8's first tiers pay as calls (issue 16).
  private up(i: number): void {
    const h = this.heap;
    const item = h[i]!;
    const t = item.t;
    const seq = item.seq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.t < t || (parent.t === t && parent.seq < seq)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = item;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const item = h[i]!;
    const t = item.t;
    const seq = item.seq;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = h[l]!;
      let c = l;
      if (r < n) {
        const right = h[r]!;
        if (right.t < child.t || (right.t === child.t && right.seq < child.seq)) {
          child = right;
          c = r;
        }
      }
      if (!(child.t < t || (child.t === t && child.seq < seq))) break;
      h[i] = child;
      i = c;
    }
    h[i] = item;
  }
}
