// Presenter mode's pure parts: which events are steps, what a step says, the "what happens
// next?" question, the link's words, and moving through the steps in a real store.

import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { sidecarPodTrace } from '../testFixtures';
import { presentChoose, presentChooseNth, presentGoTo, presentNext, presentPrev, selectPresentView, startPresenting, stopPresenting } from './controller';
import { describeEvent } from '../trace/describeEvent';
import { narrate } from './narration';
import { predictionFor } from './predict';
import { MAX_TITLE, presentFromUrl, presentQuery } from './presentLink';
import { firstStepFrom, presentSteps, stepAtTime } from './steps';

const trace = sidecarPodTrace();
const kinds = (steps: number[]) => steps.map((i) => trace.events[i]!.type);

describe('presentSteps', () => {
  it('moments keep kubectl changes and container state changes, not pulls, waits or the horizon', () => {
    const moments = kinds(presentSteps(trace, 'moments'));
    expect(moments).toContain('pod.kubectl');
    expect(moments).toContain('container.exit');
    expect(moments).not.toContain('container.pulling');
    expect(moments).not.toContain('container.waiting');
    expect(moments).not.toContain('sim.horizon');
  });

  it('events keep every event but the horizon, in trace order', () => {
    const events = presentSteps(trace, 'events');
    expect(events).toHaveLength(trace.events.length - 1);
    expect(events).toEqual([...events].sort((a, b) => a - b));
  });

  it('stepAtTime finds the last step at or before a time', () => {
    const steps = presentSteps(trace, 'moments');
    const k = stepAtTime(trace, steps, 5);
    expect(trace.events[steps[k]!]!.t).toBeLessThanOrEqual(5);
    expect(trace.events[steps[k + 1]!]!.t).toBeGreaterThan(5);
    expect(stepAtTime(trace, steps, -1)).toBe(0);
  });

  it('firstStepFrom starts at the first step of an instant several events share', () => {
    const steps = presentSteps(trace, 'moments');
    expect(firstStepFrom(trace, steps, 0)).toBe(0);
    const k = firstStepFrom(trace, steps, 4.5);
    expect(trace.events[steps[k]!]!.t).toBe(4.5);
    expect(trace.events[steps[k - 1]!]!.t).toBeLessThan(4.5);
    expect(firstStepFrom(trace, steps, 1e6)).toBe(steps.length - 1);
  });
});

describe('narrate', () => {
  it('says when, to whom, what, why and because', () => {
    const steps = presentSteps(trace, 'events');
    const exit = steps.findIndex((i) => trace.events[i]!.type === 'container.exit');
    const causality = { causesOf: (i: number) => (i === steps[exit] ? [4] : []), effectsOf: () => [] };
    const n = narrate(trace, causality, steps, exit)!;
    expect(n).toMatchObject({ step: exit + 1, steps: steps.length, time: '4.5 s', who: 'init-myservice', why: 'fixture' });
    expect(n.headline).toBe('init-myservice exits with code 0 (Completed).');
    expect(n.causes).toEqual(['0.5 s: The kubelet starts init-myservice.']);
  });

  it('describes every event type in words', () => {
    for (const e of trace.events) expect(describeEvent(e)).toMatch(/\.$/);
    expect(describeEvent({ t: 3, type: 'container.start', container: 'app', attempt: 2, why: '' })).toBe('The kubelet restarts app (run 3).');
  });
});

describe('predictionFor', () => {
  it('asks before a STATUS change, with the answer among alphabetically sorted choices', () => {
    const i = trace.events.findIndex((e) => e.type === 'pod.kubectl' && e.status === 'Init:1/3');
    const p = predictionFor(trace, i)!;
    expect(p.answer).toBe('Init:1/3');
    expect(p.question).toBe('kubectl shows Init:0/3. What STATUS comes next?');
    expect(p.choices).toContain('Init:1/3');
    expect(p.choices).toContain('Init:0/3');
    expect(p.choices).toEqual([...p.choices].sort((a, b) => a.localeCompare(b)));
    expect(new Set(p.choices).size).toBe(p.choices.length);
    expect(p.choices.length).toBeLessThanOrEqual(4);
  });

  it('does not ask when only READY changes, or about other events', () => {
    const readyOnly = trace.events.findIndex((e) => e.type === 'pod.kubectl' && e.ready === '2/2');
    expect(predictionFor(trace, readyOnly)).toBeNull();
    expect(predictionFor(trace, 0)).toBeNull();
  });
});

describe('presentFromUrl', () => {
  it('reads ?present with a title and caption as plain, capped text', () => {
    const link = presentFromUrl(`https://x.test/?present&title=${encodeURIComponent('<b>Sidecars</b>\u202e stop last')}&caption=${'a'.repeat(1000)}#v1.abc`);
    expect(link.present).toBe(true);
    expect(link.title).toBe('<b>Sidecars</b> stop last');
    expect(link.caption!.length).toBeLessThanOrEqual(400);
    expect(presentFromUrl(`https://x.test/?title=${'t'.repeat(500)}`)).toMatchObject({ present: false, title: expect.stringMatching(new RegExp(`^t{${MAX_TITLE - 1}}…$`)) });
    expect(presentFromUrl('not a url')).toEqual({ present: false, title: null, caption: null });
  });

  it('round-trips through presentQuery', () => {
    const q = presentQuery('Termination order', 'Watch the sidecars');
    expect(q).toBe('?present&title=Termination+order&caption=Watch+the+sidecars');
    expect(presentFromUrl(`https://x.test/${q}`)).toEqual({ present: true, title: 'Termination order', caption: 'Watch the sidecars' });
  });
});

describe('presenter controller', () => {
  function storeWithTrace() {
    const store = createAppStore('');
    store.setState({ trace, running: false });
    return store;
  }

  it('steps forward and back, moving the cursor and the selection with the step', () => {
    const store = storeWithTrace();
    startPresenting(store);
    const steps = presentSteps(trace, 'moments');
    expect(store.getState()).toMatchObject({ presenting: true, presentStep: 0, selected: steps[0], cursorTime: 0 });
    presentNext(store);
    presentNext(store);
    expect(store.getState().presentStep).toBe(2);
    expect(store.getState().selected).toBe(steps[2]);
    expect(store.getState().cursorTime).toBe(trace.events[steps[2]!]!.t);
    presentPrev(store);
    expect(store.getState().presentStep).toBe(1);
    expect(selectPresentView(store.getState())?.narration?.step).toBe(2);
    stopPresenting(store);
    expect(selectPresentView(store.getState())).toBeNull();
  });

  it('with predictions on, asks before a STATUS change, then reveals whether the class was right', () => {
    const store = storeWithTrace();
    store.getState().setPresent({ presentPredict: true });
    startPresenting(store);
    let guard = 0;
    while (!store.getState().presentQuestion && guard++ < 50) presentNext(store);
    const asked = selectPresentView(store.getState())!.question!;
    expect(asked.choices).toContain(asked.answer);
    const stepBefore = store.getState().presentStep;
    const wrong = asked.choices.find((c) => c !== asked.answer)!;
    presentChoose(store, wrong);
    presentNext(store);
    expect(store.getState().presentStep).toBe(stepBefore + 1);
    expect(selectPresentView(store.getState())!.answered).toEqual({ chosen: wrong, answer: asked.answer, right: false });
  });

  it('Home and End go to the first and the last step, closing an open question', () => {
    const store = storeWithTrace();
    store.getState().setPresent({ presentPredict: true });
    store.getState().setCursorTime(30);
    startPresenting(store);
    const steps = presentSteps(trace, 'moments');
    presentGoTo(store, 'last');
    expect(store.getState()).toMatchObject({ presentStep: steps.length - 1, selected: steps.at(-1), presentQuestion: null });
    expect(selectPresentView(store.getState())!.atEnd).toBe(true);
    presentGoTo(store, 'first');
    let guard = 0;
    while (!store.getState().presentQuestion && guard++ < 50) presentNext(store);
    presentGoTo(store, 'first');
    expect(store.getState()).toMatchObject({ presentStep: 0, cursorTime: 0, presentQuestion: null });
  });

  it('a digit picks that choice of the open question, and nothing when none is open', () => {
    const store = storeWithTrace();
    store.getState().setPresent({ presentPredict: true });
    startPresenting(store);
    expect(presentChooseNth(store, 1)).toBe(false);
    let guard = 0;
    while (!store.getState().presentQuestion && guard++ < 50) presentNext(store);
    const asked = selectPresentView(store.getState())!.question!;
    expect(presentChooseNth(store, asked.choices.length + 1)).toBe(false);
    expect(store.getState().presentQuestion?.chosen).toBeNull();
    expect(presentChooseNth(store, 2)).toBe(true);
    expect(selectPresentView(store.getState())!.question!.chosen).toBe(asked.choices[1]);
  });
});

describe('landedOn (what Prev/Next announce)', () => {
  it('names the container change of the instant first, and how many more there are', async () => {
    const { landedOn } = await import('../commands/step');
    expect(landedOn(trace, 4.5)).toBe('4.5 s: init-myservice exits with code 0 (Completed). (+2 more)');
    expect(landedOn(trace, 120)).toBe('120 s: the end of the simulation.');
  });
});
