// panProfileParse.ts: a pan frame's slices split into self thread time by kind, frames cut at the
// task holding their Layerize, only frames that handled input.

import { describe, expect, it } from 'vitest';
import { frameBreakdown, kindOf } from './panProfileParse';

const X = (name: string, ts: number, dur: number, extra: object = {}) => ({ name, ph: 'X', ts, dur, tdur: dur, pid: 1, tid: 2, ...extra });

describe('frameBreakdown (the pan profile)', () => {
  it('gives each slice its self time and ends a frame with the task that holds Layerize', () => {
    const events = [
      X('RunTask', 0, 5000),
      X('EventDispatch', 100, 1000, { args: { data: { type: 'pointermove' } } }),
      X('FunctionCall', 200, 800),
      X('UpdateLayoutTree', 1200, 500),
      X('Paint', 2000, 1000),
      X('Layerize', 3000, 1500),
      // A frame without input is not counted.
      X('RunTask', 6000, 2000),
      X('Layerize', 6500, 1000),
      { name: 'RasterTask', ph: 'X', ts: 0, dur: 3000, pid: 1, tid: 9 },
    ];
    const { frames, raster } = frameBreakdown(JSON.stringify({ traceEvents: events }));
    expect(raster).toBe(3);
    expect(frames).toHaveLength(1);
    const [f] = frames;
    expect(f!.input).toBe('pointer');
    expect(f!.cpu).toBe(5);
    expect(f!.byKind).toEqual({ script: 1, style: 0.5, layout: 0, paint: 1, composite: 1.5, gc: 0, other: 1 });
    expect(f!.biggest[0]).toEqual({ name: 'Layerize', ms: 1.5 });
  });

  it('names kinds as the devtools timeline does', () => {
    expect(kindOf('MinorGC')).toBe('gc');
    expect(kindOf('V8.GC_SCAVENGER')).toBe('gc');
    expect(kindOf('v8.callFunction')).toBe('script');
    expect(kindOf('Commit')).toBe('composite');
    expect(kindOf('RunTask')).toBe('other');
  });
});
