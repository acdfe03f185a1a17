// The drawing budget: like the engine's event budget, it keeps the page responsive whatever the
// trace. A Job that replaced its pod 2,500 times draws its first pods, a window of pods the user
// picks, and its last ones; the others become one summary row each run of them ("…and 2,486 more
// pods: all Failed (Error)"). Lanes count against a budget too (a pod of 500 containers), and a
// row's bars are thinned to one per pixel column when drawn. Pure: numbers and strings.

export const DRAW_BUDGET = {
  /** The Job's first pods, drawn in full. */
  firstPods: 10,
  /** The Job's last pods (the newest: running, or the one that ended the Job). */
  lastPods: 2,
  /** Pods drawn from the one the user picks. */
  pickedPods: 10,
  /** Lanes drawn in all (a pod lane or a container lane); the rest are summarized. */
  lanes: 160,
} as const;

/** A run of the Job's pods, by index in trace.pods: drawn, or summarized in one row. */
export interface PodRun {
  from: number;
  /** Exclusive. */
  to: number;
  drawn: boolean;
}

/**
 * Which of `count` pods are drawn: the first ones, the ones from `picked` (an index, when the
 * user chose one) and the last ones; in between, hidden runs. Drawn pods never exceed
 * firstPods + pickedPods + lastPods, whatever `count`.
 */
export function podRuns(count: number, picked: number | null = null): PodRun[] {
  if (count <= 0) return [];
  if (count <= DRAW_BUDGET.firstPods + DRAW_BUDGET.lastPods + 1) return [{ from: 0, to: count, drawn: true }];
  const shown: [number, number][] = [[0, DRAW_BUDGET.firstPods]];
  if (picked !== null && Number.isFinite(picked)) {
    const from = Math.min(Math.max(0, Math.floor(picked)), count - DRAW_BUDGET.pickedPods);
    shown.push([from, from + DRAW_BUDGET.pickedPods]);
  }
  shown.push([count - DRAW_BUDGET.lastPods, count]);
  shown.sort((a, b) => a[0] - b[0]);
  const runs: PodRun[] = [];
  for (const [from, to] of shown) {
    const last = runs[runs.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      continue;
    }
    if (from > (last?.to ?? 0)) runs.push({ from: last?.to ?? 0, to: from, drawn: false });
    runs.push({ from, to, drawn: true });
  }
  // A hidden run of one pod costs a row, as drawing it would: draw it.
  return runs.reduce<PodRun[]>((out, r) => {
    const prev = out[out.length - 1];
    if (prev && (prev.drawn || r.to - r.from === 1) && (r.drawn || r.to - r.from === 1)) prev.to = r.to;
    else out.push({ ...r, drawn: r.drawn || r.to - r.from === 1 });
    return out;
  }, []);
}

/** What became of a pod, for the summary: its phase and its last kubectl STATUS. */
export interface PodOutcome {
  phase?: string;
  status?: string;
}

function outcomeText(o: PodOutcome): string {
  const phase = o.phase ?? 'still running';
  return o.status && o.status !== o.phase ? `${phase} (${o.status})` : phase;
}

/** "…and 2,489 more pods: all Failed (Error); job-r10 to job-r2498", or a count of each outcome. */
export function hiddenPodsSummary(names: readonly string[], outcomes: readonly PodOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = outcomeText(o);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const n = names.length;
  const what = counts.size === 1
    ? `${n === 1 ? '' : n === 2 ? 'both ' : 'all '}${[...counts.keys()][0]!}`
    : [...counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${c.toLocaleString('en-US')} ${k}`).join(', ');
  const span = n === 1 ? names[0]! : `${names[0]!} to ${names[n - 1]!}`;
  // What happened first: a narrow timeline cuts the end of the sentence.
  return `…and ${n.toLocaleString('en-US')} more pod${n === 1 ? '' : 's'}: ${what}; ${span}`;
}

/** "…and 380 more lanes not drawn (the drawing budget is 160 lanes)". */
export function hiddenLanesSummary(count: number): string {
  return `…and ${count.toLocaleString('en-US')} more lane${count === 1 ? '' : 's'} not drawn (the drawing budget is ${DRAW_BUDGET.lanes} lanes)`;
}

/**
 * Bars as drawn in one row, left to right: at most one per pixel column. Of the bars starting in
 * one column the widest is kept (a long Failed phase wins over the instant of Pending before it),
 * so a row never holds more rects than its width in pixels, whatever the number of states.
 */
export function thinToPixels<T extends { x: number; w: number }>(placed: readonly T[]): T[] {
  const kept: T[] = [];
  let column = -Infinity;
  for (const p of placed) {
    const c = Math.floor(p.x);
    if (c === column && kept.length > 0) {
      if (p.w > kept[kept.length - 1]!.w) kept[kept.length - 1] = p;
      continue;
    }
    kept.push(p);
    column = c;
  }
  return kept;
}
