// Every golden fixture's trace (fixtures/*.yaml: the upstream e2e cases E, C, P, L…) links its events by id
// (contract section 3): unique ids, causes that name earlier events only (causesPointBack).

import { describe, expect, it } from 'vitest';
import { causeProblems } from '../testing/invariants';
import { runFixture } from './harness';

const NAMES = Object.keys(import.meta.glob('./fixtures/*.yaml')).map((p) => p.replace(/^\.\/fixtures\//, '').replace(/\.yaml$/, ''));

describe('golden traces: ids and causes', () => {
  it('finds the fixtures', () => {
    expect(NAMES.length).toBeGreaterThan(50);
  });

  it.each(NAMES)('%s: every id unique, every cause an earlier event', (name) => {
    expect(causeProblems(runFixture(name).trace)).toEqual([]);
  });
});
