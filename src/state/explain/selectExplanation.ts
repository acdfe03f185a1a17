// Explain mode's selectors (issue 14): whether the editor holds a real pod, and its explanation
// for the version picked and the "now" the user set, computed once per input.

import { explainPods } from '../../engine/explain/explainPods';
import type { ExplainInput, PodExplanation } from '../../engine/explain/types';
import { selectVersion } from '../simulationDoc/selectors';
import type { AppState } from '../store';

export { selectExplainMode } from './explainMode';

export const selectExplainNow = (s: AppState) => s.explainNow;
export const selectSetExplainNow = (s: AppState) => s.setExplainNow;

let last: { input: ExplainInput; version: string; now: number | null; out: PodExplanation[] } | null = null;

/** The explained pods, or null outside explain mode. */
export const selectExplanation = (s: AppState): PodExplanation[] | null => {
  const input = s.result?.explain;
  if (!input) return null;
  const version = selectVersion(s);
  if (last && last.input === input && last.version === version && last.now === s.explainNow) return last.out;
  const out = explainPods(input, { version, ...(s.explainNow === null ? {} : { now: s.explainNow }) });
  last = { input, version, now: s.explainNow, out };
  return out;
};
