import { describe, expect, it } from 'vitest';
import { firstRunNeedsWorker } from './firstRun';
import { SCENARIO_KEY } from './scenarioKey';

const storageWith = (saved: Record<string, string>) => ({ getItem: (k: string) => saved[k] ?? null });

describe('whether the first run needs the engine worker at once (issue 16)', () => {
  it('does not when nothing is saved and the address holds no link: the build answered the default scenario', () => {
    expect(firstRunNeedsWorker(storageWith({}), '')).toBe(false);
    expect(firstRunNeedsWorker(storageWith({}), '#t=7')).toBe(false);
    expect(firstRunNeedsWorker(null, '')).toBe(false);
  });

  it('does for a saved text, a link, or a storage that cannot be read', () => {
    expect(firstRunNeedsWorker(storageWith({ [SCENARIO_KEY]: 'kind: Pod' }), '')).toBe(true);
    expect(firstRunNeedsWorker(storageWith({}), '#v1.abc')).toBe(true);
    expect(firstRunNeedsWorker({ getItem: () => { throw new Error('denied'); } }, '')).toBe(true);
  });
});
