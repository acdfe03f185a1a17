// bench/results.json, the one owner of the measured figures: each figure is the median of the
// repeats of its section, with the spread (lowest and highest repeat) beside it. A run that
// measures some sections (`--only`) replaces their figures and keeps the others, with the date,
// runs and repeats each section was measured with; keys written by hand (`test.cleanCloneSeconds`)
// are kept.

import { round } from './stats';

export type Figures = Record<string, number>;

export interface SectionRun {
  /** ISO time the section was measured. */
  at: string;
  runs: number;
  /** How many times the whole section was measured; the figure is their median. */
  repeats: number;
}

export interface Results {
  /** The latest measurement of any section. */
  measuredAt: string;
  node: string;
  /** How each section was measured, keyed by the figure keys' prefix (`engine`, `web`, …). */
  sections: Record<string, SectionRun>;
  /** Lowest and highest repeat of each figure measured more than once. */
  spread: Record<string, [number, number]>;
  [figure: string]: unknown;
}

/** The section a figure belongs to: its key's prefix (`web.panFrameP95Ms` → `web`). */
export const sectionOf = (key: string): string => key.slice(0, key.indexOf('.'));

/** Per key, the median of the repeats (rounded like the figures) and, from two repeats on, the lowest and highest. */
export function summarise(repeats: Figures[]): { figures: Figures; spread: Record<string, [number, number]> } {
  const figures: Figures = {};
  const spread: Record<string, [number, number]> = {};
  const keys = [...new Set(repeats.flatMap((r) => Object.keys(r)))];
  for (const key of keys) {
    const values = repeats.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    // A mean of two middle values may need one more digit than the values have.
    figures[key] = round(middle(values), decimalsOf(values) + (values.length % 2 === 0 ? 1 : 0));
    if (values.length > 1) spread[key] = [Math.min(...values), Math.max(...values)];
  }
  return { figures, spread };
}

/** The middle value, or the mean of the two middle values (stats.median takes the lower one, which favours a maximum goal). */
export function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  return Number.isInteger(half) ? (sorted[half - 1]! + sorted[half]!) / 2 : sorted[Math.floor(half)]!;
}

function decimalsOf(values: number[]): number {
  return Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length));
}

/** Figures of every key that is not bookkeeping, in the order they were written. */
export function figuresOf(results: Partial<Results>): Figures {
  const out: Figures = {};
  for (const [key, value] of Object.entries(results)) if (key.includes('.') && typeof value === 'number') out[key] = value;
  return out;
}

/** The previous results with the freshly measured sections replaced. */
export function mergeResults(
  previous: Partial<Results> | undefined,
  fresh: { figures: Figures; spread: Record<string, [number, number]> },
  run: SectionRun,
  node: string,
): Results {
  const measured = new Set(Object.keys(fresh.figures).map(sectionOf));
  const keptFigures = Object.fromEntries(Object.entries(figuresOf(previous ?? {})).filter(([k]) => !measured.has(sectionOf(k))));
  const keptSpread = Object.fromEntries(Object.entries(previous?.spread ?? {}).filter(([k]) => !measured.has(sectionOf(k))));
  const sections: Record<string, SectionRun> = { ...(previous?.sections ?? {}) };
  for (const s of measured) sections[s] = run;
  return {
    measuredAt: run.at,
    node,
    sections: Object.fromEntries(Object.entries(sections).sort(([a], [b]) => a.localeCompare(b))),
    spread: { ...keptSpread, ...fresh.spread },
    ...keptFigures,
    ...fresh.figures,
  };
}
