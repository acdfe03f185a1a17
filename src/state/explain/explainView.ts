// Explain mode's text for the page (issue 14): times as RFC3339 and as "in 4m38s" from the "now"
// in use, so the components only lay out strings.

import { formatRfc3339, parseRfc3339 } from '../../engine/apiPod/time';
import type { NextStep, PodExplanation } from '../../engine/explain/types';
import { humanDuration } from '../../engine/kubectl/humanDuration';

export interface NextStepView extends NextStep {
  /** RFC3339, or "" when the time is not known. */
  atText: string;
  /** "now", "in 4m38s", or "when it can" when the time is not known. */
  whenText: string;
}

export function nextStepView(step: NextStep, now: number): NextStepView {
  if (step.at === null) return { ...step, atText: '', whenText: step.action === 'wait' ? 'no set time' : 'when it can' };
  const d = step.at - now;
  return { ...step, atText: formatRfc3339(step.at), whenText: d <= 0 ? 'now (next sync)' : `in ${humanDuration(d)}` };
}

/** Next steps as the page lists them: consecutive steps that say the same (action, time and why) share one line, their containers listed together. */
export function groupedNextSteps(steps: readonly NextStep[], now: number): (NextStepView & { containers: string[] })[] {
  const out: (NextStepView & { containers: string[] })[] = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && last.action === step.action && last.at === step.at && last.why === step.why) { last.containers.push(step.container); continue; }
    out.push({ ...nextStepView(step, now), containers: [step.container] });
  }
  return out;
}

export function explainNowText(pod: PodExplanation): string {
  return formatRfc3339(pod.now);
}

/** Reads the "now" field; undefined when it is not an RFC3339 time. */
export function parseNowInput(text: string): number | undefined {
  return parseRfc3339(text.trim());
}
