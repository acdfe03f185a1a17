// The drawing budget in the layout: a Job of thousands of pods, or a pod of hundreds of
// containers, draws a bounded number of lanes, the rest summarized (issue 17, finding 1).

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { TRACE_SCHEMA, type Trace, type TraceEvent } from '../../engine/trace';
import { DRAW_BUDGET } from './drawBudget';
import { eventAnchor } from './hitTest';
import { layoutTimeline } from './layout';
import { placeRows } from './rows';

/** A Job whose pod fails at once, replaced `n - 1` times: each pod as the engine writes it. */
function failingJob(n: number, containersPerPod = 1): Trace {
  const events: TraceEvent[] = [];
  const pods = Array.from({ length: n }, (_, i) => ({ name: `job-r${i}`, start: i * 10, ...(i < n - 1 ? { phase: 'Failed' as const } : {}) }));
  const containers = pods.flatMap((p) => Array.from({ length: containersPerPod }, (_, k) => ({ name: `c${k}`, kind: 'main' as const, index: k, pod: p.name })));
  for (const p of pods) {
    const t = p.start;
    events.push({ t, type: 'pod.phase', phase: 'Pending', pod: p.name, why: '' });
    for (let k = 0; k < containersPerPod; k++) {
      events.push({ t: t + 1, type: 'container.start', container: `c${k}`, attempt: 0, pod: p.name, why: '' });
      if (p.phase) events.push({ t: t + 2, type: 'container.exit', container: `c${k}`, attempt: 0, exitCode: 1, reason: 'Error', pod: p.name, why: '' });
    }
    if (p.phase) {
      events.push({ t: t + 3, type: 'pod.phase', phase: 'Failed', pod: p.name, why: '' });
      events.push({ t: t + 3, type: 'pod.kubectl', ready: `0/${containersPerPod}`, status: 'Error', restarts: '0', pod: p.name, why: '' });
    }
  }
  return { schema: TRACE_SCHEMA, kubernetesVersion: '1.36', end: n * 10, containers, pods, events };
}

const MAX_PODS = DRAW_BUDGET.firstPods + DRAW_BUDGET.pickedPods + DRAW_BUDGET.lastPods + 2;

describe('the drawing budget of the timeline layout', () => {
  it('a Job that replaced its failing pod 2,000 times (backoffLimit 100000, until 400h) draws its first and last pods and one summary row', () => {
    const text = readFileSync(new URL('../../cli/fixtures/job-retry-forever.yaml', import.meta.url), 'utf8');
    const run = runScenario(text);
    const trace = run.ok ? run.trace : null;
    expect(trace?.pods?.length).toBeGreaterThanOrEqual(2000);
    const total = trace!.pods!.length;
    const layout = layoutTimeline(trace!, 'retry-forever');
    const rows = placeRows(layout);
    expect(rows.lanes.length).toBe(2 * (DRAW_BUDGET.firstPods + DRAW_BUDGET.lastPods));
    expect(rows.pods).toEqual({ total, drawn: DRAW_BUDGET.firstPods + DRAW_BUDGET.lastPods, picked: null });
    const summaries = rows.headers.filter((h) => h.summary).map((h) => h.label);
    const hidden = total - DRAW_BUDGET.firstPods - DRAW_BUDGET.lastPods;
    expect(summaries).toEqual([
      `…and ${hidden.toLocaleString('en-US')} more pods: all Failed (Error); retry-forever-r${DRAW_BUDGET.firstPods} to retry-forever-r${total - DRAW_BUDGET.lastPods - 1}`,
    ]);
    // The last pod drawn is the newest, with its kubectl row.
    expect(rows.lanes.at(-2)?.name).toBe(trace!.pods!.at(-1)!.name);
    expect(rows.lanes.at(-2)?.subRows.map((r) => r.name)).toContain('STATUS');
  });

  it('draws the picked pods in full, and anchors their events on their own lanes', () => {
    const trace = failingJob(3000);
    const rows = placeRows(layoutTimeline(trace, 'job', { picked: 1500 }));
    expect(rows.lanes.filter((l) => l.kind === 'pod').map((l) => l.name)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `job-r${i}`),
      ...Array.from({ length: 10 }, (_, i) => `job-r${1500 + i}`),
      'job-r2998', 'job-r2999',
    ]);
    expect(rows.headers.filter((h) => h.summary).map((h) => h.label)).toEqual([
      '…and 1,490 more pods: all Failed (Error); job-r10 to job-r1499',
      '…and 1,488 more pods: all Failed (Error); job-r1510 to job-r2997',
    ]);
    const scale = { t0: 0, t1: trace.end, x0: 0, x1: 1000 };
    const exitOf = (pod: string) => trace.events.findIndex((e) => e.type === 'container.exit' && e.pod === pod);
    const lane = rows.lanes.find((l) => l.name === 'job-r1503/c0')!;
    expect(eventAnchor(rows, scale, trace.events[exitOf('job-r1503')]!)?.y).toBe(lane.y + 5);
    // A pod left out has no anchor (no line drawn to a lane that is not its own).
    expect(eventAnchor(rows, scale, trace.events[exitOf('job-r700')]!)).toBeNull();
  });

  it('keeps the lanes, pods and rows bounded whatever the number of pods and containers', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 9 }), fc.option(fc.integer({ min: 0, max: 3000 })),
      (pods, containers, picked) => {
        const rows = placeRows(layoutTimeline(failingJob(pods, containers), 'job', { picked }));
        expect(rows.lanes.length).toBeLessThanOrEqual(DRAW_BUDGET.lanes);
        expect(rows.lanes.filter((l) => l.kind === 'pod').length).toBeLessThanOrEqual(MAX_PODS);
        expect(rows.headers.length).toBeLessThanOrEqual(MAX_PODS * 2 + 3);
        // Every lane left out is said: drawn lanes plus summarized ones add up.
        if (pods * (containers + 1) > rows.lanes.length) expect(rows.headers.some((h) => h.summary)).toBe(true);
      },
    ), { numRuns: 25 });
  });

  it('summarizes the containers of one pod past the lane budget', () => {
    const trace = failingJob(1, 400);
    delete trace.pods;
    const rows = placeRows(layoutTimeline(trace, 'job-r0'));
    expect(rows.lanes.length).toBe(DRAW_BUDGET.lanes);
    expect(rows.headers.at(-1)).toMatchObject({ summary: true, label: `…and ${401 - DRAW_BUDGET.lanes} more lanes not drawn (the drawing budget is ${DRAW_BUDGET.lanes} lanes)` });
  });
});
