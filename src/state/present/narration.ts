// What presenter mode says at a step: when and to whom it happened, what happened, the rule that
// made it happen (the event's why) and what caused it.

import type { Trace } from '../../engine/trace';
import { formatSeconds } from '../format';
import type { CausalLinks } from '../trace/causality';
import { describeEvent } from '../trace/describeEvent';

export interface Narration {
  /** 1-based, for "step 3 of 17". */
  step: number;
  steps: number;
  /** "12.5 s" */
  time: string;
  /** The container, or "pod". */
  who: string;
  headline: string;
  why: string;
  /** The events that caused this one, each as "10 s: app exits with code 1 (Error)." */
  causes: string[];
}

export function narrate(trace: Trace, causality: CausalLinks | null, steps: readonly number[], step: number): Narration | null {
  const index = steps[step];
  const e = index === undefined ? undefined : trace.events[index];
  if (index === undefined || !e) return null;
  const causes = (causality?.causesOf(index) ?? []).map((j) => {
    const c = trace.events[j]!;
    return `${formatSeconds(c.t)} s: ${describeEvent(c)}`;
  });
  return {
    step: step + 1,
    steps: steps.length,
    time: `${formatSeconds(e.t)} s`,
    who: 'container' in e && e.container ? e.container : 'pod',
    headline: describeEvent(e),
    why: e.why,
    causes,
  };
}
