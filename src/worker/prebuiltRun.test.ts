import { describe, expect, it } from 'vitest';
import { prebuiltRunModule, survivesJson } from './prebuiltRun';
import type { RunResponse } from './protocol';

/** What a module text exports as default, read as the page would (issue 16: the build's answer). */
async function exported(moduleText: string): Promise<unknown> {
  const url = `data:text/javascript;base64,${Buffer.from(moduleText).toString('base64')}`;
  return ((await import(/* @vite-ignore */ url)) as { default: unknown }).default;
}

describe('prebuilt runs (issue 16: the build answers a bundled scenario as the worker would)', () => {
  it('says which values JSON carries exactly', () => {
    expect(survivesJson({ a: [1, 'x', true, null, { b: 2.5 }] })).toBe(true);
    expect(survivesJson({ a: undefined })).toBe(false);
    expect(survivesJson([1, undefined])).toBe(false);
    expect(survivesJson({ t: Infinity })).toBe(false);
    expect(survivesJson({ t: Number.NaN })).toBe(false);
    expect(survivesJson({ t: -0 })).toBe(false);
    expect(survivesJson({ d: new Date(0) })).toBe(false);
    expect(survivesJson(new Map())).toBe(false);
  });

  it('writes a module whose default export is the result, equal to the structured clone the worker would post', async () => {
    const response: RunResponse = { id: 3, kind: 'result', result: { ok: true, problems: [], podName: 'p', containers: { app: { probes: ['readiness'], pullAlways: false } } } };
    const value = await exported(prebuiltRunModule(response));
    expect(value).toStrictEqual(structuredClone(response.kind === 'result' ? response.result : null));
  });

  it('exports null for an error answer, and refuses a result JSON would change', async () => {
    expect(await exported(prebuiltRunModule({ id: 1, kind: 'error', message: 'boom' }))).toBeNull();
    const lossy = { id: 1, kind: 'result', result: { ok: true, problems: [], podName: undefined } } as unknown as RunResponse;
    expect(() => prebuiltRunModule(lossy)).toThrow(/JSON/);
  });
});
