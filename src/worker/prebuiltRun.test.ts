import { describe, expect, it } from 'vitest';
import { lessonModules, prebuiltRunModule, survivesJson, textKey } from './prebuiltRun';
import type { RunResponse } from './protocol';

/** What a module text exports as default, read as the page would (issue 16: the build's answer). */
async function exported(moduleText: string): Promise<unknown> {
  return (await moduleOf(moduleText)).default;
}

async function moduleOf(moduleText: string): Promise<Record<string, unknown>> {
  const url = `data:text/javascript;base64,${Buffer.from(moduleText).toString('base64')}`;
  return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
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
    const module = await moduleOf(prebuiltRunModule(response, 'the text\n"quoted"'));
    expect(module.default).toStrictEqual(structuredClone(response.kind === 'result' ? response.result : null));
    expect(module.text).toBe('the text\n"quoted"');
  });

  it('exports null for an error answer, and refuses a result JSON would change', async () => {
    expect(await exported(prebuiltRunModule({ id: 1, kind: 'error', message: 'boom' }, 'x'))).toBeNull();
    const lossy = { id: 1, kind: 'result', result: { ok: true, problems: [], podName: undefined } } as unknown as RunResponse;
    expect(() => prebuiltRunModule(lossy, 'x')).toThrow(/JSON/);
  });

  it('keys a text by its length and an FNV-1a hash: stable, and different for a one-character change', () => {
    // FNV-1a 32 of "a" is 0xe40c292c (the published test vector).
    expect(textKey('a')).toBe(`1.${0xe40c292c.toString(36)}`);
    expect(textKey('')).toBe(`0.${0x811c9dc5.toString(36)}`);
    expect(textKey('kind: Pod\n')).toBe(textKey('kind: Pod\n'));
    expect(textKey('kind: Pod\n')).not.toBe(textKey('kind: Pod \n'));
    expect(textKey('é✓')).not.toBe(textKey('✓é'));
  });

  it('writes the lesson index, one lazy import per distinct text keyed by textKey, and its keys alone', async () => {
    const { index, keys } = lessonModules([
      { path: '/src/scenarios/a.yaml', text: 'A' },
      { path: '/src/scenarios/b.yaml', text: 'B' },
      { path: '/src/scenarios/a-again.yaml', text: 'A' },
    ]);
    expect(index).toContain(`${JSON.stringify(textKey('A'))}: () => import("/src/scenarios/a.yaml?engine-run")`);
    expect(index).toContain(`${JSON.stringify(textKey('B'))}: () => import("/src/scenarios/b.yaml?engine-run")`);
    expect(index).not.toContain('a-again');
    expect(await exported(keys)).toEqual([textKey('A'), textKey('B')]);
  });
});
