import { describe, expect, it } from 'vitest';
import defaultRun from '../scenarios/00-default.yaml?engine-run';
import { handleRunRequest } from '../worker/handle';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { prebuiltResult } from './prebuiltResults';

describe('the build\'s answer for the default scenario (issue 16: the first timeline without the worker)', () => {
  it('is exactly what the live engine worker answers for the same text (the ?engine-run plugin, prebuiltRuns.ts)', () => {
    const live = handleRunRequest({ id: 1, text: DEFAULT_SCENARIO });
    expect(live.kind).toBe('result');
    expect(defaultRun).not.toBeNull();
    // The worker posts a structured clone; the page's live run must leave the timeline as it is.
    expect(defaultRun).toStrictEqual(structuredClone(live.kind === 'result' ? live.result : null));
    expect(defaultRun?.trace?.events.length).toBeGreaterThan(0);
  });

  it('answers only the exact default text', () => {
    expect(prebuiltResult(DEFAULT_SCENARIO)).toBe(defaultRun);
    expect(prebuiltResult(`${DEFAULT_SCENARIO}\n`)).toBeUndefined();
    expect(prebuiltResult('')).toBeUndefined();
  });
});
