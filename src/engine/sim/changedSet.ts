// Which containers changed since a reader last looked (issue 16: a status write, a probe patch and
// a sync's runtime tables cost what changed, not the pod's size). A reader of per-container state
// (status.ts generation and shown instances, probePatch.ts, runtimeView.ts) owns one set; every place that changes what
// such a reader copies from a container (its instances and their states, its start error or image,
// its probe workers' results) marks the container in every set (PodSim.containerChanged); a
// change every container may see (the sandbox, a deletion, an in-place restart) is a change of
// the reader's pod-level key, which makes it look at every container. A reader then visits only
// the marked positions and keeps what it built for the others, which is exact because, for an
// unmarked container, what it would rebuild equals what it kept (the properties in
// changedSet.test.ts compare every trace with a run that rebuilds everything at every look).

/** When set, every reader looks at every container at every look (the full recompute the tests compare with). */
let fullRecompute = false;

/** Tests only: make every reader recompute every container (the reference the incremental result must equal). */
export function setFullRecompute(on: boolean): void {
  fullRecompute = on;
}

/** Whether the tests asked for the full recompute (memos that skip work by identity are off then). */
export function isFullRecompute(): boolean {
  return fullRecompute;
}

/** One reader's changed containers, by record position (PodSim.recordList). */
export class ChangedSet {
  private readonly flags: Uint8Array;
  private readonly list: number[] = [];
  /** Every position counts as changed: nothing was read yet, or a pod-level input changed. */
  private all = true;
  /** The reader's pod-level inputs at its last look (see `everything`). */
  private readonly inputs = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];

  constructor(size: number) {
    this.flags = new Uint8Array(size);
  }

  mark(position: number): void {
    if (this.all || this.flags[position] === 1) return;
    this.flags[position] = 1;
    this.list.push(position);
  }

  markAll(): void {
    this.all = true;
  }

  /**
   * Whether the reader must look at every container: all are marked, or one of its pod-level
   * inputs (up to four numbers, the same ones at every look) changed since its last look.
   */
  everything(a: number, b = 0, c = 0, d = 0): boolean {
    const inputs = this.inputs;
    if (inputs[0] !== a || inputs[1] !== b || inputs[2] !== c || inputs[3] !== d) {
      inputs[0] = a;
      inputs[1] = b;
      inputs[2] = c;
      inputs[3] = d;
      this.all = true;
    }
    return this.all || fullRecompute;
  }

  /** The marked positions, in the order they were marked (valid until `clear`). */
  positions(): readonly number[] {
    return this.list;
  }

  /** The reader has looked: nothing is marked any more. */
  clear(): void {
    const { list, flags } = this;
    // Emptied by pops: `length = 0` drops the backing store, and the next mark (most syncs mark
    // one) would allocate a new one; pops keep it.
    while (list.length !== 0) flags[list.pop()!] = 0;
    this.all = false;
  }
}

/** The sets of one pod's readers; a change is marked in each. */
export class ContainerChanges {
  /** status.ts: the generated container statuses. */
  readonly generated: ChangedSet;
  /** runtimeView.ts: computePodActions' runtime and probe tables. */
  readonly runtime: ChangedSet;
  /** probePatch.ts: the started/ready flags against the written status. */
  readonly probeFlags: ChangedSet;
  /** status.ts writeStatus: the instance each written status describes (StatusManager.showInstance). */
  readonly shown: ChangedSet;

  constructor(size: number) {
    this.generated = new ChangedSet(size);
    this.runtime = new ChangedSet(size);
    this.probeFlags = new ChangedSet(size);
    this.shown = new ChangedSet(size);
  }

  mark(position: number): void {
    this.generated.mark(position);
    this.runtime.mark(position);
    this.probeFlags.mark(position);
    this.shown.mark(position);
  }

  markAll(): void {
    this.generated.markAll();
    this.runtime.markAll();
    this.probeFlags.markAll();
    this.shown.markAll();
  }
}
