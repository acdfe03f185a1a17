import { describe, expect, it } from 'vitest';
import { addEntry, MAX_HISTORY_CHARS, MAX_HISTORY_ENTRIES, parseHistory, type HistoryEntry } from './history';

const c = (text: string) => ({ text, kubernetesVersion: '1.33', replacedBy: 'a shared scenario' });

describe('the history of the user\'s own texts', () => {
  it('keeps the newest first, named from the workload, and moves an identical text up instead of keeping it twice', () => {
    let list: HistoryEntry[] = [];
    list = addEntry(list, c('kind: Pod\nmetadata:\n  name: a\n'), 1000).list;
    list = addEntry(list, c('kind: Job\nmetadata:\n  name: b\n'), 2000).list;
    list = addEntry(list, c('kind: Pod\nmetadata:\n  name: a\n'), 3000).list;
    expect(list.map((e) => [e.name, e.savedAt])).toEqual([['Pod a', 3000], ['Job b', 2000]]);
  });

  it('a text with a lone surrogate and its U+FFFD copy are one entry', () => {
    const list = addEntry(addEntry([], c('name: x\uD800'), 1).list, c('name: x\uFFFD'), 2).list;
    expect(list).toHaveLength(1);
  });

  it('drops the oldest past the count and the size limits, and refuses a text larger than all the room', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 5; i++) list = addEntry(list, c(`text ${i}`), i).list;
    expect(list).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(list[0]!.text).toBe(`text ${MAX_HISTORY_ENTRIES + 4}`);
    const big = 'x'.repeat(MAX_HISTORY_CHARS * 0.6);
    list = addEntry(addEntry(list, c(big), 100).list, c(`${big}y`), 101).list;
    expect(list.map((e) => e.text.length)).toEqual([big.length + 1]);
    const tooBig = addEntry(list, c('x'.repeat(MAX_HISTORY_CHARS + 1)), 102);
    expect(tooBig.entry).toBeNull();
    expect(tooBig.list).toEqual(list);
  });

  it('reads back what it wrote and drops anything damaged or foreign, never throwing', () => {
    const list = addEntry([], c('kind: Pod'), 5).list;
    expect(parseHistory(JSON.stringify(list))).toEqual(list);
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('{not json')).toEqual([]);
    expect(parseHistory('{"a":1}')).toEqual([]);
    expect(parseHistory(JSON.stringify([...list, { id: 3 }, null, 'x']))).toEqual(list);
  });
});
