// The layout reads each container's own events through an index built in one pass (issue 16:
// the 40-container pod read the whole trace 40 times): every lane must be what reading the whole
// trace gives, on every gallery scenario.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { containerLane } from './containerLane';
import { layoutTimeline, nodeWorkUntil } from './layout';
import { podGoneAt } from './podLane';

const dir = new URL('../../scenarios/', import.meta.url);
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('container lanes read through the per-container index', () => {
  it('has scenarios to check', () => expect(scenarios.length).toBeGreaterThan(10));
  for (const file of scenarios) {
    it(`equal the lanes of a full read (${file})`, () => {
      const { trace, problems } = runScenario(readFileSync(new URL(file, dir), 'utf8'), {});
      if (!trace) {
        // A lesson about a pod the API server rejects (e.g. restartPolicy on 1.27): no lanes at all.
        expect(problems.length).toBeGreaterThan(0);
        return;
      }
      if (trace.pods && trace.pods.length > 1) {
        // A Job's lanes read their pod's own events already (podGroups); nothing changed there.
        expect(layoutTimeline(trace, 'p').pods?.total).toBe(trace.pods.length);
        return;
      }
      const drawn = layoutTimeline(trace, 'p').groups.filter((g) => g.kind !== 'pod').flatMap((g) => g.lanes);
      const until = nodeWorkUntil(trace.events, podGoneAt(trace.events, trace.end)); // [8.2] a force deletion's lanes run on
      const full = trace.containers.map((c) => containerLane(c, trace.events, until));
      expect(drawn.length).toBeGreaterThan(0);
      for (const lane of drawn) expect(lane).toEqual(full.find((l) => l.name === lane.name));
    });
  }
});
