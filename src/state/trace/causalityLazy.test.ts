// Issue 16: the cause/effect links are looked up only while an event is selected, one event at a
// time (causalLinks), and built without one array per event that has no link (most of a
// 50,000-event run); the links are the same as the straightforward projection (each event's
// `cause` ids as indices, then the reverse).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { selectCausality, selectCausalityOfSelection } from '../selectors';
import type { AppState } from '../store';
import { causalLinks } from './causality';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');
const CRASHES = readFileSync(new URL('../../scenarios/10-crashloopbackoff-timing.yaml', import.meta.url), 'utf8');

/** The projection written the plain way, to compare against. */
function plainCausality(trace: Trace) {
  const indexOf = new Map<string, number>();
  const causes = trace.events.map((e, i) => {
    const out: number[] = [];
    for (const id of e.cause ?? []) {
      const j = indexOf.get(id);
      if (j !== undefined && !out.includes(j)) out.push(j);
    }
    if (e.id !== undefined) indexOf.set(e.id, i);
    return out;
  });
  const effects: number[][] = trace.events.map(() => []);
  causes.forEach((cs, i) => cs.forEach((j) => effects[j]!.push(i)));
  return { causes, effects };
}

describe('causalLinks: one event at a time', () => {
  for (const [name, text] of [['default', DEFAULT], ['crash loop', CRASHES]] as const) {
    it(`gives every event the plain projection's causes and effects, in order (${name})`, () => {
      const trace = runScenario(text, {}).trace!;
      const plain = plainCausality(trace);
      const links = causalLinks(trace);
      // Effects first for half the events, so an answer does not depend on what was asked before.
      trace.events.forEach((_, i) => {
        if (i % 2 === 0) expect([...links.effectsOf(i)]).toEqual(plain.effects[i]);
        expect([...links.causesOf(i)]).toEqual(plain.causes[i]);
        expect([...links.effectsOf(i)]).toEqual(plain.effects[i]);
      });
      expect(trace.events.some((_, i) => links.effectsOf(i).length > 0)).toBe(true);
    });
  }

  it('finds ids away from where their number says, prefixed ids, and ignores unknown or later ones', () => {
    const ev = (id: string, cause?: string[]) => ({ t: 0, type: 'pod.scheduled' as const, why: 'test [0]', id, ...(cause ? { cause } : {}) });
    const events = [ev('e1'), ev('e0'), ev('job-x/e0'), ev('e3', ['e1', 'e0', 'job-x/e0', 'nope', 'e4', 'e1']), ev('e4', ['e3']), ev('e7', ['e4', 'e3'])];
    const links = causalLinks({ events });
    expect(links.causesOf(3)).toEqual([0, 1, 2]);
    expect(links.causesOf(5)).toEqual([4, 3]);
    expect(links.effectsOf(0)).toEqual([3]);
    expect(links.effectsOf(3)).toEqual([4, 5]);
    expect(links.causesOf(0)).toEqual([]);
    expect(links.effectsOf(99)).toEqual([]);
  });

  it('shares one frozen empty list between the answers without a link', () => {
    const trace = runScenario(DEFAULT, {}).trace!;
    const links = causalLinks(trace);
    const empty = trace.events.map((_, i) => links.causesOf(i)).filter((c) => c.length === 0);
    expect(empty.length).toBeGreaterThan(1);
    expect(new Set(empty).size).toBe(1);
    expect(Object.isFrozen(empty[0])).toBe(true);
  });

  it('remembers an answer: asking again returns the same list', () => {
    const trace = runScenario(CRASHES, {}).trace!;
    const links = causalLinks(trace);
    const i = trace.events.findIndex((e) => e.type === 'container.exit');
    expect(links.effectsOf(i).length).toBeGreaterThan(0);
    expect(links.effectsOf(i)).toBe(links.effectsOf(i));
    expect(links.causesOf(i)).toBe(links.causesOf(i));
  });
});

describe('selectCausalityOfSelection', () => {
  const trace = runScenario(DEFAULT, {}).trace!;
  const state = (selected: number | null) => ({ trace, selected }) as unknown as AppState;

  it('is null while nothing is selected', () => {
    expect(selectCausalityOfSelection(state(null))).toBeNull();
  });

  it('is the trace\'s links (one object per trace) when an event is selected', () => {
    expect(selectCausalityOfSelection(state(3))).toBe(selectCausality(state(null)));
    expect(selectCausalityOfSelection(state(3))!.causesOf(3)).toEqual(plainCausality(trace).causes[3]);
  });
});
