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

  private less(a: QueueItem, b: QueueItem): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const item = h[i]!;
      const parent = h[p]!;
      if (!this.less(item, parent)) break;
      h[i] = parent; // a swap through locals: no temporary array at every step
      h[p] = item;
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      const item = h[i]!;
      h[i] = h[m]!;
      h[m] = item;
      i = m;
    }
  }
}
