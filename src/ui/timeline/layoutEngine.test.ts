// The layout of real engine traces: every lane's bars stay inside the trace, in order, without
// overlaps, on every version the picker offers.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { SUPPORTED_VERSIONS } from '../../engine/version';
import { layoutTimeline } from './layout';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');

describe('layout of the default scenario on every version', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`keeps bars ordered, inside [0, end] and apart (${version})`, () => {
      const { trace } = runScenario(DEFAULT, { kubernetesVersion: version });
      if (!trace) {
        expect(version).toBe('1.27'); // no native sidecars before 1.28: the engine rejects the pod
        return;
      }
      const lanes = layoutTimeline(trace, 'p').groups.flatMap((g) => g.lanes);
      expect(lanes).toHaveLength(trace.containers.length + 1);
      for (const lane of lanes) {
        expect(lane.bars.length).toBeGreaterThan(0);
        lane.bars.forEach((b, i) => {
          expect(b.start).toBeGreaterThanOrEqual(0);
          expect(b.end).toBeLessThanOrEqual(trace.end);
          expect(b.end).toBeGreaterThan(b.start);
          if (i > 0) expect(b.start).toBeGreaterThanOrEqual(lane.bars[i - 1]!.end);
        });
        for (const m of lane.marks) expect(m.t).toBeLessThanOrEqual(trace.end);
      }
    });
  }
});
