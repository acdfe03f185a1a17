// "What happens next?": before a step that changes kubectl's STATUS, presenter mode can pause and
// ask the class to pick the next STATUS among a few choices, then reveal it.

import type { Trace } from '../../engine/trace';

export interface Prediction {
  question: string;
  choices: string[];
  answer: string;
}

/** Statuses a class is likely to guess, used when the trace itself offers too few. */
const COMMON_STATUSES = ['Running', 'Completed', 'Error', 'CrashLoopBackOff', 'Terminating', 'Init:0/1', 'PodInitializing', 'Pending'];

/** The STATUS kubectl showed before event `index`, if any. */
function statusBefore(trace: Trace, index: number): string | undefined {
  for (let j = index - 1; j >= 0; j--) {
    const e = trace.events[j]!;
    if (e.type === 'pod.kubectl') return e.status;
  }
  return undefined;
}

/** The question to ask before event `index`, or null when it does not change kubectl's STATUS. */
export function predictionFor(trace: Trace, index: number, maxChoices = 4): Prediction | null {
  const e = trace.events[index];
  if (e?.type !== 'pod.kubectl') return null;
  const before = statusBefore(trace, index);
  if (before === e.status) return null;
  const pool = new Set<string>();
  for (const x of trace.events) if (x.type === 'pod.kubectl' && x.status !== e.status && x.status !== before) pool.add(x.status);
  for (const s of COMMON_STATUSES) if (s !== e.status && s !== before) pool.add(s);
  const distractors = [...pool].slice(0, maxChoices - 1 - (before === undefined ? 0 : 1));
  const choices = [e.status, ...distractors, ...(before === undefined ? [] : [before])];
  // Alphabetical, so the answer's place says nothing.
  choices.sort((a, b) => a.localeCompare(b));
  return {
    question: before === undefined ? 'What will kubectl get pod show as STATUS first?' : `kubectl shows ${before}. What STATUS comes next?`,
    choices,
    answer: e.status,
  };
}
