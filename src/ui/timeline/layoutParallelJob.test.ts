// A parallel Indexed Job on the timeline ([16.2], [16.4]): one lane group per pod on one axis,
// labelled with the pod's completion index, and no row of a pod drawn before the pod existed.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { layoutTimeline } from './layout';

const text = readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');

describe('a parallel Indexed Job on the timeline', () => {
  const trace = runScenario(text).trace!;
  const layout = layoutTimeline(trace, trace.pods![0]!.name);

  it('draws a pod group with its index, followed by that pod\'s containers, for every pod', () => {
    const podGroups = layout.groups.filter((g) => g.kind === 'pod');
    expect(podGroups.map((g) => g.label)).toEqual(trace.pods!.map((p) => `Pod ${p.name} (index ${p.index})`));
    for (const p of trace.pods!) {
      const at = layout.groups.findIndex((g) => g.label.startsWith(`Pod ${p.name}`));
      expect(layout.groups[at + 1]!.lanes.map((l) => l.name)).toEqual([`${p.name}/worker`]);
    }
  });

  it('starts every bar of a later pod, its condition and STATUS rows included, at its creation', () => {
    for (const p of trace.pods!) {
      const lane = layout.groups.find((g) => g.label.startsWith(`Pod ${p.name}`))!.lanes[0]!;
      const starts = [...lane.bars, ...lane.subRows.flatMap((r) => r.bars)].map((b) => b.start);
      expect(Math.min(...starts)).toBeGreaterThanOrEqual(p.start);
    }
  });
});
