// The runtime cache gate ([0.6]; cache.go GetNewerThan/getIfNewerThan, pleg/generic.go Relist's
// UpdateTime, pod_workers.go podWorkerLoop; read at the stored 1.3x commits, same in 1.27-1.36).

import { describe, expect, it } from 'vitest';
import { cacheNewerThan, firstRelistAfter } from './podCache';

describe('the runtime cache a sync waits for [0.6]', () => {
  it('the first relist after a time is the next whole period, a relist at that very instant excluded (cache.go getIfNewerThan: After)', () => {
    expect(firstRelistAfter(0)).toBe(1);
    expect(firstRelistAfter(1.2)).toBe(2);
    expect(firstRelistAfter(2)).toBe(3);
    expect(firstRelistAfter(0.1 + 0.2 + 0.7)).toBe(2); // 0.9999999999999999 is the instant 1
  });

  it('the first sync starts at once; later ones at the first relist after the previous sync ended, or at once when one came since (podWorkerLoop)', () => {
    expect(cacheNewerThan(undefined, 7.3)).toBe(7.3);
    expect(cacheNewerThan(1, 1)).toBe(2);
    expect(cacheNewerThan(1.2, 1.5)).toBe(2);
    expect(cacheNewerThan(1.2, 4.5)).toBe(4.5);
  });
});
