// Moving through presenter mode: start, stop, next, previous, answer. A step puts the cursor on
// its event, selects it (so the timeline draws its causes and effects) and keeps it well inside
// the view (followStep.ts).

import { selectCausality } from '../selectors';
import type { AppState, AppStore } from '../store';
import { effectiveWindow } from '../view/window';
import { followStep } from './followStep';
import { narrate, type Narration } from './narration';
import { predictionFor, type Prediction } from './predict';
import { firstStepFrom, nearestStep, presentSteps, stepAtTime } from './steps';

function steps(s: AppState): number[] {
  return s.trace ? presentSteps(s.trace, s.presentGranularity) : [];
}

/** Shows step k: cursor, selection and view follow it. */
function show(store: AppStore, k: number): void {
  const s = store.getState();
  const list = steps(s);
  if (!s.trace || list.length === 0) return;
  const step = Math.min(Math.max(k, 0), list.length - 1);
  const index = list[step]!;
  const t = s.trace.events[index]!.t;
  const view = followStep(effectiveWindow(s.view, s.trace), t, s.trace.end);
  s.setPlaying(false);
  s.setPresent({ presentStep: step, presentQuestion: null });
  s.setCursorTime(t);
  s.select(index);
  s.setView(view);
}

/**
 * Where presenting starts: the Present button from the step at the cursor (the first at or after
 * it, 'from-cursor'); a presenter link at the step nearest the moment it carries
 * ('nearest-cursor'); with no cursor, the first step.
 */
export type PresentStart = 'from-cursor' | 'nearest-cursor';

export function startPresenting(store: AppStore, start: PresentStart = 'from-cursor'): void {
  const s = store.getState();
  const list = steps(s);
  const pick = start === 'nearest-cursor' ? nearestStep : firstStepFrom;
  const at = s.trace && s.cursorTime !== null ? pick(s.trace, list, s.cursorTime) : 0;
  s.setPresent({ presenting: true, presentAnswered: null, presentQuestion: null });
  show(store, at);
}

export function stopPresenting(store: AppStore): void {
  store.getState().setPresent({ presenting: false, presentQuestion: null, presentAnswered: null });
}

/** Next step; with predictions on, a STATUS change is asked about first. */
export function presentNext(store: AppStore): void {
  const s = store.getState();
  if (!s.trace) return;
  const list = steps(s);
  if (s.presentQuestion) {
    const { forStep, chosen } = s.presentQuestion;
    show(store, forStep);
    store.getState().setPresent({ presentAnswered: { step: forStep, chosen } });
    return;
  }
  const next = s.presentStep + 1;
  if (next >= list.length) return;
  if (s.presentPredict && predictionFor(s.trace, list[next]!)) {
    s.setPresent({ presentQuestion: { forStep: next, chosen: null } });
    return;
  }
  show(store, next);
  store.getState().setPresent({ presentAnswered: null });
}

export function presentPrev(store: AppStore): void {
  const s = store.getState();
  if (s.presentQuestion) {
    s.setPresent({ presentQuestion: null });
    return;
  }
  show(store, s.presentStep - 1);
  store.getState().setPresent({ presentAnswered: null });
}

/** The first or the last step (Home / End), closing an open question. */
export function presentGoTo(store: AppStore, where: 'first' | 'last'): void {
  show(store, where === 'first' ? 0 : steps(store.getState()).length - 1);
  store.getState().setPresent({ presentAnswered: null });
}

export function presentChoose(store: AppStore, chosen: string): void {
  const q = store.getState().presentQuestion;
  if (q) store.getState().setPresent({ presentQuestion: { ...q, chosen } });
}

/**
 * Picks the nth (1-based) choice of the open "what happens next?" question, as a digit key does;
 * false when no question is open or it has fewer choices.
 */
export function presentChooseNth(store: AppStore, nth: number): boolean {
  const s = store.getState();
  const q = s.presentQuestion;
  const index = q && s.trace ? steps(s)[q.forStep] : undefined;
  const choice = index === undefined ? undefined : predictionFor(s.trace!, index)?.choices[nth - 1];
  if (choice === undefined) return false;
  presentChoose(store, choice);
  return true;
}

/** Re-aligns the step after a new trace or a new granularity. */
export function presentResync(store: AppStore): void {
  const s = store.getState();
  if (!s.presenting || !s.trace) return;
  const list = steps(s);
  // The same step when it still sits at the cursor (several events share an instant), else the
  // last step at or before the cursor.
  const kept = list[s.presentStep];
  const t = s.cursorTime ?? s.trace.end;
  if (kept !== undefined && Math.abs(s.trace.events[kept]!.t - t) < 1e-9) show(store, s.presentStep);
  else show(store, stepAtTime(s.trace, list, t));
}

export interface PresentView {
  narration: Narration | null;
  question: (Prediction & { chosen: string | null }) | null;
  answered: { chosen: string | null; answer: string; right: boolean } | null;
  atStart: boolean;
  atEnd: boolean;
}

const viewCache = new WeakMap<object, { key: string; view: PresentView }>();

/** What the presenter panel shows; stable while nothing it reads changes. */
export function selectPresentView(s: AppState): PresentView | null {
  if (!s.presenting || !s.trace) return null;
  const key = [s.presentStep, s.presentGranularity, s.presentQuestion?.forStep, s.presentQuestion?.chosen, s.presentAnswered?.step, s.presentAnswered?.chosen].join('|');
  const cached = viewCache.get(s.trace);
  if (cached?.key === key) return cached.view;
  const list = steps(s);
  const narration = narrate(s.trace, selectCausality(s), list, s.presentStep);
  const q = s.presentQuestion;
  const prediction = q ? predictionFor(s.trace, list[q.forStep]!) : null;
  const shown = s.presentAnswered?.step === s.presentStep ? predictionFor(s.trace, list[s.presentStep]!) : null;
  const view: PresentView = {
    narration,
    question: prediction && q ? { ...prediction, chosen: q.chosen } : null,
    answered: shown && s.presentAnswered ? { chosen: s.presentAnswered.chosen, answer: shown.answer, right: s.presentAnswered.chosen === shown.answer } : null,
    atStart: s.presentStep <= 0 && !q,
    atEnd: s.presentStep >= list.length - 1,
  };
  viewCache.set(s.trace, { key, view });
  return view;
}
