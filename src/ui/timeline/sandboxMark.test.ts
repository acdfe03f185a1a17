// The pod lane's marks after a node reboot (E22): the kubelet's return ("+") and the SandboxChanged
// that follows it ([2.11]) fall on the same second; each has its own glyph, so one never hides the
// other, and the legend explains the square only for a trace that draws one.

import { describe, expect, it } from 'vitest';
import { runFixture } from '../../engine/golden/harness';
import { legendMarks, LEGEND_MARKS } from './Legend';
import { layoutTimeline } from './layout';
import { MARK_NAME, MARK_PATH } from './marks';

describe('the sandbox mark', () => {
  it('after a reboot, the kubelet is back (plus) and the sandbox re-created (square) are two glyphs on the pod lane', () => {
    const { trace } = runFixture('E22');
    const pod = layoutTimeline(trace, 'web').groups.find((g) => g.kind === 'pod')!.lanes[0]!;
    const back = pod.marks.find((m) => m.label === 'node: the kubelet is back')!;
    const sandbox = pod.marks.find((m) => m.kind === 'sandbox')!;
    expect(back.kind).toBe('scheduled');
    expect(sandbox.label).toBe('sandbox changed: killed and re-created (attempt 1)');
    expect(sandbox.t - back.t).toBeLessThan(1);
    expect(MARK_PATH.sandbox).not.toBe(MARK_PATH.scheduled);
  });

  it('the legend names it only when the trace draws it, before the budget mark', () => {
    expect(legendMarks()).toBe(LEGEND_MARKS);
    expect(legendMarks({ sandboxChanged: true }).slice(-1)).toEqual(['sandbox']);
    expect(legendMarks({ sandboxChanged: true, truncated: true }).slice(-2)).toEqual(['sandbox', 'truncated']);
    expect(MARK_NAME.sandbox).toBe('sandbox re-created');
  });
});
