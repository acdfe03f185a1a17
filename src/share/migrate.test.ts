import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT, migrateRecord, READERS, UPGRADES, type Upgrade } from './migrate';

describe('the upgrade chain', () => {
  it('has one upgrade from every readable format up to the current one', () => {
    expect(UPGRADES).toHaveLength(CURRENT_FORMAT - 1);
    for (let v = 1; v <= CURRENT_FORMAT; v++) expect(READERS[v]).toBeTypeOf('function');
  });

  it('applies the steps in order from the link\'s format to the target', () => {
    // A chain of its own: v1 { code } -> v2 { text } -> v3 { text, cursor }.
    const chain: Upgrade[] = [
      (r: { code: string }) => ({ text: r.code }),
      (r: { text: string }) => ({ ...r, cursor: 0 }),
    ];
    expect(migrateRecord({ code: 'a' }, 1, 3, chain)).toEqual({ text: 'a', cursor: 0 });
    expect(migrateRecord({ text: 'b' }, 2, 3, chain)).toEqual({ text: 'b', cursor: 0 });
    expect(migrateRecord({ text: 'c', cursor: 4 }, 3, 3, chain)).toEqual({ text: 'c', cursor: 4 });
    expect(() => migrateRecord({}, 1, 4, chain)).toThrow(/no upgrade from link format 3/);
  });
});
