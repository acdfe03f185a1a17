// Issue 16: the cause/effect links are built only while an event is selected, and built without
// one array per event that has no link (most of a 50,000-event run); the links are the same as
// the straightforward projection (each event's `cause` ids as indices, then the reverse).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { selectCausality, selectCausalityOfSelection } from '../selectors';
import type { AppState } from '../store';
import { buildCausality } from './causality';

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

describe('buildCausality', () => {
  for (const [name, text] of [['default', DEFAULT], ['crash loop', CRASHES]] as const) {
    it(`gives the plain projection's links, in order (${name})`, () => {
      const trace = runScenario(text, {}).trace!;
      const built = buildCausality(trace);
      expect(built.causes.map((c) => [...c])).toEqual(plainCausality(trace).causes);
      expect(built.effects.map((c) => [...c])).toEqual(plainCausality(trace).effects);
      expect(built.effects.some((e) => e.length > 0)).toBe(true);
    });
  }

  it('shares one frozen empty list between the events without a link', () => {
    const trace = runScenario(DEFAULT, {}).trace!;
    const { causes } = buildCausality(trace);
    const empty = causes.filter((c) => c.length === 0);
    expect(empty.length).toBeGreaterThan(1);
    expect(new Set(empty).size).toBe(1);
    expect(Object.isFrozen(empty[0])).toBe(true);
  });
});

describe('selectCausalityOfSelection', () => {
  const trace = runScenario(DEFAULT, {}).trace!;
  const state = (selected: number | null) => ({ trace, selected }) as unknown as AppState;

  it('is null while nothing is selected', () => {
    expect(selectCausalityOfSelection(state(null))).toBeNull();
  });

  it('is the trace\'s links (built once) when an event is selected', () => {
    expect(selectCausalityOfSelection(state(3))).toBe(selectCausality(state(null)));
  });
});
