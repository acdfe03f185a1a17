// Every gallery scenario's trace links its events by id (contract section 3): unique ids, and
// causes that name earlier events only (the engine's causesPointBack invariant).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { causeProblems } from '../engine/testing/invariants';
import { galleryFiles } from './gallery';

describe('gallery traces: ids and causes', () => {
  // The deliberate 1.27 rejection has no trace (gallery.test.ts checks it).
  const files = Object.entries(galleryFiles).filter(([name]) => name.endsWith('.yaml') && name !== '09-restartpolicy-1.27.yaml');

  it.each(files)('%s: every id unique, every cause an earlier event', (_name, text) => {
    const trace = runScenario(text).trace!;
    expect(causeProblems(trace)).toEqual([]);
    expect(trace.events.some((e) => e.cause !== undefined)).toBe(true);
  });
});
