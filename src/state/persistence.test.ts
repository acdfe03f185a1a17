import { describe, expect, it } from 'vitest';
import { loadScenarioText, persistScenarioText, SCENARIO_KEY, type TextStorage } from './persistence';
import { createAppStore } from './store';

function memoryStorage(): TextStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('scenario persistence', () => {
  it('saves every text change under the scenario key and loads it back', () => {
    const storage = memoryStorage();
    const store = createAppStore('first');
    persistScenarioText(store, storage);
    store.setState({ running: true });
    expect(storage.data.size).toBe(0);
    store.getState().setText('second');
    expect(storage.data.get(SCENARIO_KEY)).toBe('second');
    expect(loadScenarioText(storage)).toBe('second');
  });

  it('survives missing or throwing storage', () => {
    const throwing: TextStorage = {
      getItem: () => { throw new Error('denied'); },
      setItem: () => { throw new Error('quota'); },
    };
    expect(loadScenarioText(null)).toBeNull();
    expect(loadScenarioText(throwing)).toBeNull();
    const store = createAppStore('a');
    persistScenarioText(store, throwing);
    expect(() => store.getState().setText('b')).not.toThrow();
  });

  it('says when the storage refuses the text, with the text to export, and stops saying it once a save works', () => {
    let full = true;
    const data = new Map<string, string>();
    const storage: TextStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => { if (full) throw new DOMException('full', 'QuotaExceededError'); data.set(k, v); } };
    const store = createAppStore('a');
    persistScenarioText(store, storage);
    store.getState().setText('kind: Pod\nmetadata:\n  name: web\n');
    expect(store.getState().storageProblem).toMatchObject({ kind: 'current', text: 'kind: Pod\nmetadata:\n  name: web\n', fileName: 'pod-web.yaml' });
    expect(store.getState().storageProblem?.message).toMatch(/not being saved/);
    full = false;
    store.getState().setText('kind: Pod\nmetadata:\n  name: web2\n');
    expect(store.getState().storageProblem).toBeNull();
    expect(loadScenarioText(storage)).toContain('web2');
  });
});

describe('scenario persistence on a schedule', () => {
  it('saves once the schedule says so, the newest text, one save for many edits, and at once when the page goes away', () => {
    const storage = memoryStorage();
    const store = createAppStore('first');
    const due: (() => void)[] = [];
    let cancelled = 0;
    const listeners = new Map<string, () => void>();
    const page = {
      addEventListener: (type: string, l: () => void) => void listeners.set(type, l),
      removeEventListener: (type: string) => void listeners.delete(type),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const stop = persistScenarioText(store, storage, page, (save) => { due.push(save); return () => { cancelled++; }; });
    store.getState().setText('second');
    store.getState().setText('third');
    expect(storage.data.size).toBe(0);
    expect(due).toHaveLength(1);
    due[0]!();
    expect(storage.data.get(SCENARIO_KEY)).toBe('third');
    store.getState().setText('fourth');
    expect(due).toHaveLength(2);
    listeners.get('pagehide')!();
    expect(storage.data.get(SCENARIO_KEY)).toBe('fourth');
    expect(cancelled).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
