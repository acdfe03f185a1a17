// Every gallery lesson can be presented (issue 15): presenter mode has steps for it, each step a
// narration with a why, the cursor, the selection and the view follow each step from the first to
// the last, and the lesson's moment (galleryLessons.testkit.ts) is one of the steps a class walks
// through. A lesson that is a real pod is explained instead (explain mode has no presenter), and
// the 1.27 side does not simulate: both are said, not skipped silently.

import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../engine/explain/analyzeText';
import { explainPods } from '../../engine/explain/explainPods';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { presentNext, selectPresentView, startPresenting } from './controller';
import { presentSteps } from './steps';
import { createAppStore } from '../store';
import { effectiveWindow } from '../view/window';
import { GALLERY } from '../../scenarios/gallery';
import { CHECKS, run } from '../../scenarios/galleryLessons.testkit';

interface Side { name: string; fileName: string; file: string; view: { t0: number; t1: number } | null }

const sides: Side[] = GALLERY.flatMap((e) => [
  { name: `${e.id} (${e.label ?? 'main'})`, fileName: e.fileName, file: e.file, view: e.view ?? null },
  ...(e.compareWith ?? []).map((v) => ({ name: `${e.id} (${v.label})`, fileName: v.fileName, file: v.file, view: null })),
]);

/** A store holding the side's trace, opened as its link opens it: on the lesson's span. */
function storeFor(trace: Trace, view: Side['view']) {
  const store = createAppStore('');
  store.setState({ trace, running: false, cursorTime: 0, view });
  return store;
}

describe.each(sides.map((s) => [s.name, s] as const))('presenting %s', (_name, side) => {
  const read = analyzeText(side.file);
  if (read.kind === 'explain') {
    it('is a real pod: the page explains it (explain mode, with what happens next) instead of presenting a run', () => {
      const [pod] = explainPods(read.input);
      expect(pod!.kubectl.status).toMatch(/\S/);
      expect(pod!.next.length).toBeGreaterThan(0);
    });
    return;
  }

  it('walks every step from the first to the last, narration, why, cursor, selection and view following, through the lesson\'s moment', () => {
    const moment = CHECKS[side.fileName]!();
    if (moment === null) {
      // The 1.27 side: validation rejects it, as its lesson says; there is nothing to present.
      expect(runScenario(side.file).ok).toBe(false);
      return;
    }
    const { trace } = run(side.fileName);
    const steps = presentSteps(trace, 'moments');
    expect(steps.length).toBeGreaterThan(1);
    const store = storeFor(trace, side.view);
    startPresenting(store);
    const seen: number[] = [];
    for (let k = 0; k < steps.length; k++) {
      if (k > 0) presentNext(store);
      const s = store.getState();
      const event = trace.events[steps[k]!]!;
      expect(s.presentStep).toBe(k);
      expect(s.selected).toBe(steps[k]);
      expect(s.cursorTime).toBe(event.t);
      const w = effectiveWindow(s.view, trace);
      expect(event.t).toBeGreaterThanOrEqual(w.t0);
      expect(event.t).toBeLessThanOrEqual(w.t1);
      const view = selectPresentView(s)!;
      expect(view.narration).toMatchObject({ step: k + 1, steps: steps.length, why: event.why });
      expect(view.narration!.headline).toMatch(/\S/);
      expect(event.why.trim().length).toBeGreaterThan(10);
      expect(view.atEnd).toBe(k === steps.length - 1);
      seen.push(event.t);
    }
    expect(seen.some((t) => Math.abs(t - moment) < 1e-9), `the lesson's moment ${moment} s is a step`).toBe(true);
  });
});
