// A presenter link opens at the moment it carries (the lesson's cursor, or ?t=): the step nearest
// that moment, not the first step; Home still goes to the first.

import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store';
import { crashLoopTrace, sidecarPodTrace } from '../testFixtures';
import { presentGoTo, startPresenting } from './controller';
import { startPresentSync as presentSync } from './presentSync';
import { firstStepFrom, nearestStep, presentSteps } from './steps';

const trace = sidecarPodTrace();
const steps = presentSteps(trace, 'moments');
const timeOf = (k: number) => trace.events[steps[k]!]!.t;

/** The first step of each distinct instant, with the instant. */
const instants = steps.flatMap((_, k) => (k === 0 || timeOf(k) !== timeOf(k - 1) ? [{ k, t: timeOf(k) }] : []));

describe('nearestStep: where a presenter link opens', () => {
  it('is the first step of the instant the moment sits on, so Next shows the rest of that instant', () => {
    const shared = instants.find(({ k }) => k + 1 < steps.length && timeOf(k + 1) === timeOf(k))!;
    expect(shared, 'the fixture has an instant with several steps').toBeDefined();
    expect(nearestStep(trace, steps, shared.t)).toBe(shared.k);
  });

  it('is the closer of the steps around a moment between them, the earlier when both are as close', () => {
    const [a, b] = [instants[3]!, instants[4]!];
    expect(nearestStep(trace, steps, a.t + (b.t - a.t) * 0.3)).toBe(a.k);
    expect(nearestStep(trace, steps, a.t + (b.t - a.t) * 0.7)).toBe(b.k);
    expect(nearestStep(trace, steps, (a.t + b.t) / 2)).toBe(a.k);
    // Unlike the Present button's firstStepFrom, which goes forward to the next step.
    expect(firstStepFrom(trace, steps, a.t + (b.t - a.t) * 0.3)).toBe(b.k);
  });

  it("is the first step before the run and the last step's instant past its end", () => {
    expect(nearestStep(trace, steps, -5)).toBe(0);
    const last = instants.at(-1)!;
    expect(nearestStep(trace, steps, trace.end + 100)).toBe(last.k);
    expect(nearestStep(trace, [], 3)).toBe(0);
  });
});

describe('a ?present link opens presenter mode at its moment', () => {
  function storeWith(cursor: number | null) {
    const store = createAppStore('');
    // What the link put in before the engine's first run (state/open, ?t=).
    store.setState({ cursorTime: cursor });
    return store;
  }

  it('opens at the step nearest the link\'s cursor once the first trace arrives; Home goes to step 1', async () => {
    const [a, b] = [instants[5]!, instants[6]!];
    const moment = a.t + (b.t - a.t) * 0.25;
    const store = storeWith(moment);
    const stop = presentSync(store, { present: true, title: 'Lesson', caption: null });
    store.setState({ trace, running: false });
    await vi.waitFor(() => expect(store.getState().presenting).toBe(true));
    expect(store.getState().presentStep).toBe(a.k);
    expect(store.getState().cursorTime).toBe(a.t);
    expect(store.getState().selected).toBe(steps[a.k]);
    expect(store.getState().presentTitle).toBe('Lesson');
    presentGoTo(store, 'first');
    expect(store.getState().presentStep).toBe(0);
    stop();
  });

  it('opens at the first step when the link carries no cursor', async () => {
    const store = storeWith(null);
    const stop = presentSync(store, { present: true, title: null, caption: null });
    store.setState({ trace, running: false });
    await vi.waitFor(() => expect(store.getState().presenting).toBe(true));
    expect(store.getState().presentStep).toBe(0);
    expect(store.getState().cursorTime).toBe(0);
    stop();
  });

  it('waits for the answer when the link asks before replacing the user\'s own text, then opens at the link\'s moment', async () => {
    const own = crashLoopTrace();
    const [a, b] = [instants[5]!, instants[6]!];
    const moment = a.t + (b.t - a.t) * 0.25;
    const store = storeWith(null);
    store.setState({ pendingOpen: { scenario: { text: 'the link', cursor: moment }, compare: null, what: 'shared scenario' } });
    const stop = presentSync(store, { present: true, title: null, caption: null });
    // The user's own text runs first, under the question: no presenting yet.
    store.setState({ trace: own, running: false });
    await Promise.resolve();
    expect(store.getState().presenting).toBe(false);
    // "Open": the question closes, the link's text goes in and the engine runs it (state/open, state/runner).
    store.getState().setPendingOpen(null);
    store.getState().loadScenario({ text: 'the link', cursor: moment });
    store.setState({ running: true });
    await Promise.resolve();
    expect(store.getState().presenting).toBe(false);
    store.setState({ trace, running: false });
    await vi.waitFor(() => expect(store.getState().presenting).toBe(true));
    expect(store.getState().presentStep).toBe(a.k);
    stop();
  });

  it('presents the user\'s own text from step 1 when they keep it', async () => {
    const own = crashLoopTrace();
    const store = storeWith(null);
    store.setState({ pendingOpen: { scenario: { text: 'the link', cursor: 30 }, compare: null, what: 'shared scenario' } });
    const stop = presentSync(store, { present: true, title: null, caption: null });
    store.setState({ trace: own, running: false });
    store.getState().setPendingOpen(null);
    await vi.waitFor(() => expect(store.getState().presenting).toBe(true));
    expect(store.getState().trace).toBe(own);
    expect(store.getState().presentStep).toBe(0);
    stop();
  });

  it('keeps the editor unloaded until presenting starts: presentLinkPending ends in the same update that turns presenting on', async () => {
    const store = storeWith(null);
    const seen: [boolean, boolean][] = [];
    store.subscribe((s) => seen.push([s.presenting, s.presentLinkPending]));
    const stop = presentSync(store, { present: true, title: null, caption: null });
    expect(store.getState().presentLinkPending).toBe(true);
    store.setState({ trace, running: false });
    await vi.waitFor(() => expect(store.getState().presenting).toBe(true));
    expect(store.getState().presentLinkPending).toBe(false);
    // Never a state in which the pane would count as shown (neither presenting nor pending) before presenting began.
    const firstPresenting = seen.findIndex(([presenting]) => presenting);
    expect(seen.slice(0, firstPresenting).every(([, pending]) => pending)).toBe(true);
    stop();
  });

  it('ends presentLinkPending when the engine answers with no trace to present, or fails', () => {
    for (const answer of [
      { result: { ok: false, problems: [] }, running: false },
      { engineError: 'the engine stopped', running: false },
    ]) {
      const store = storeWith(null);
      const stop = presentSync(store, { present: true, title: null, caption: null });
      store.setState({ running: true });
      expect(store.getState().presentLinkPending).toBe(true);
      store.setState(answer);
      expect(store.getState().presentLinkPending).toBe(false);
      expect(store.getState().presenting).toBe(false);
      stop();
    }
  });

  it('ends presentLinkPending when the presenter\'s code cannot load: the page goes on without presenter mode', async () => {
    const store = storeWith(null);
    const stop = presentSync(store, { present: true, title: null, caption: null }, () => Promise.reject(new Error('chunk gone')));
    expect(store.getState().presentLinkPending).toBe(true);
    await vi.waitFor(() => expect(store.getState().presentLinkPending).toBe(false));
    store.setState({ trace, running: false });
    await Promise.resolve();
    expect(store.getState().presenting).toBe(false);
    stop();
  });

  it('a page opened without ?present never waits for it', () => {
    const store = storeWith(null);
    const stop = presentSync(store, { present: false, title: null, caption: null });
    expect(store.getState().presentLinkPending).toBe(false);
    stop();
  });

  it('leaves the Present button as it was: from the first step at or after the cursor', () => {
    const [a, b] = [instants[5]!, instants[6]!];
    const store = storeWith(a.t + (b.t - a.t) * 0.25);
    store.setState({ trace, running: false });
    startPresenting(store);
    expect(store.getState().presentStep).toBe(b.k);
  });
});
