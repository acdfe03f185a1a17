import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { persistScenarioText, SCENARIO_KEY } from '../persistence';
import { createAppStore } from '../store';
import { HISTORY_KEY } from './history';
import { isUsersOwnWork, keepOwnText, loadHistory, markOpened, PREVIOUS_KEY } from './keepOwnWork';
import { onOtherTabChange } from './otherTabs';
import { restoreEntry } from './restoreEntry';
import { withKubernetesVersion } from '../simulationDoc';
import { memoryStorage } from './testStorage';

const MINE = DEFAULT_SCENARIO.replace('myapp-pod', 'my-pod');
const THEIRS = DEFAULT_SCENARIO.replace('myapp-pod', 'their-pod');
const kept = (text: string) => ({ text, kubernetesVersion: '1.33', replacedBy: 'a shared scenario' });

describe('keeping the user\'s own texts', () => {
  it('knows own work: not empty, not the default, not a text opened from a link', () => {
    const storage = memoryStorage();
    expect(isUsersOwnWork(storage, MINE)).toBe(true);
    expect(isUsersOwnWork(storage, DEFAULT_SCENARIO)).toBe(false);
    expect(isUsersOwnWork(storage, '  \n')).toBe(false);
    markOpened(storage, MINE);
    expect(isUsersOwnWork(storage, MINE)).toBe(false);
    markOpened(storage, null);
    expect(isUsersOwnWork(storage, MINE)).toBe(true);
  });

  it('moves the old single slot into the history once', () => {
    const storage = memoryStorage({ [PREVIOUS_KEY]: JSON.stringify({ text: MINE, kubernetesVersion: '1.30' }) });
    expect(loadHistory(storage, 7).map((e) => [e.name, e.kubernetesVersion])).toEqual([['Pod my-pod', '1.30']]);
    expect(storage.data.get(PREVIOUS_KEY)).toBe('');
    expect(loadHistory(storage)).toHaveLength(1);
  });

  it('a full storage drops the oldest entries to make room, and when nothing fits says so with the text to export', () => {
    const store = createAppStore(MINE);
    const storage = memoryStorage();
    keepOwnText(store, storage, kept(THEIRS), 1);
    let writes = 0;
    const base = storage.setItem;
    storage.setItem = (k, v) => {
      if (k === HISTORY_KEY && JSON.parse(v).length > 1) throw new DOMException('full', 'QuotaExceededError');
      writes++;
      base(k, v);
    };
    expect(keepOwnText(store, storage, kept(MINE), 2)).not.toBeNull();
    expect(writes).toBe(1);
    expect(store.getState().history.map((e) => e.text)).toEqual([MINE]);
    storage.full = true;
    storage.setItem = base;
    const third = MINE.replace('my-pod', 'third');
    expect(keepOwnText(store, storage, kept(third), 3)).toBeNull();
    expect(store.getState().storageProblem).toMatchObject({ kind: 'earlier', text: third, fileName: 'pod-third.yaml' });
    expect(store.getState().storageProblem?.message).toMatch(/could not be kept.*Export it/);
  });

  it('restoring an entry keeps what the editor held when it is the user\'s own', () => {
    const store = createAppStore(MINE);
    const storage = memoryStorage();
    const entry = keepOwnText(store, storage, kept(THEIRS), 1)!;
    expect(restoreEntry(store, storage, entry.id, 5 * 60_000)).toBe(true);
    // The entry's version (kept beside its text by an older release) is written into the text.
    expect(store.getState()).toMatchObject({ text: withKubernetesVersion(THEIRS, '1.33') });
    expect(store.getState().history.map((e) => e.text)).toEqual([MINE, THEIRS]);
    expect(store.getState().shareNotice?.message).toBe('Restored “Pod their-pod” (kept 5 min ago). The scenario you had is in History too.');
    expect(restoreEntry(store, storage, 'gone')).toBe(false);
  });

  it('another tab saving a different text: this tab keeps its own and says so; saving over theirs keeps theirs first', () => {
    const store = createAppStore(MINE);
    const storage = memoryStorage({ [SCENARIO_KEY]: MINE });
    persistScenarioText(store, storage);
    storage.setItem(SCENARIO_KEY, THEIRS);
    onOtherTabChange(store, storage, { key: SCENARIO_KEY, newValue: THEIRS }, 9);
    expect(store.getState().text).toBe(MINE);
    expect(store.getState().history.map((e) => e.text)).toEqual([MINE]);
    expect(store.getState().shareNotice?.message).toMatch(/changed in another tab/);
    // Every keystroke over there is one event: still one entry of ours, one notice.
    const edited = `${THEIRS}# more\n`;
    storage.setItem(SCENARIO_KEY, edited);
    onOtherTabChange(store, storage, { key: SCENARIO_KEY, newValue: edited }, 10);
    expect(store.getState().history).toHaveLength(1);
    // This tab saves: the other tab's last text is kept before it is replaced, once.
    store.getState().setText(`${MINE}# mine\n`);
    store.getState().setText(`${MINE}# mine again\n`);
    expect(store.getState().history.map((e) => e.text)).toEqual([edited, MINE]);
    // The same text, or another key, changes nothing.
    store.getState().setShareNotice(null);
    onOtherTabChange(store, storage, { key: SCENARIO_KEY, newValue: store.getState().text });
    onOtherTabChange(store, storage, { key: 'sidecar-lab:theme', newValue: 'dark' });
    expect(store.getState().shareNotice).toBeNull();
  });

  it('another tab\'s history write refreshes this tab\'s list', () => {
    const store = createAppStore(MINE);
    const storage = memoryStorage();
    const other = createAppStore(THEIRS);
    keepOwnText(other, storage, kept(THEIRS), 1);
    onOtherTabChange(store, storage, { key: HISTORY_KEY, newValue: storage.data.get(HISTORY_KEY)! });
    expect(store.getState().history.map((e) => e.text)).toEqual([THEIRS]);
  });
});
