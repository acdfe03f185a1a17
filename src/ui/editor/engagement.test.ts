import { describe, expect, it } from 'vitest';
import { createEngagement } from './engagement';

describe('editor engagement', () => {
  it('stays pending until reached, then settles once, whatever the number of calls', async () => {
    const e = createEngagement();
    let settled = 0;
    void e.reached.then(() => { settled++; });
    await Promise.resolve();
    expect(settled).toBe(0);
    e.reach();
    e.reach();
    await e.reached;
    expect(settled).toBe(1);
  });
});
