// [10.7] client-go tools/record events_cache.go EventSourceObjectSpamFilter (burst 25, qps 1/300),
// through golang.org/x/time/rate's TryAccept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventSpamFilter, SPAM_BURST, SPAM_REFILL_SECONDS, spamKey } from './eventSpamFilter';

describe('the kubelet\'s event spam filter [10.7]', () => {
  it('keys a pod\'s bucket by the event\'s type too from 1.34 (getSpamKey with event.Type, kubernetes#124747), by the pod alone before', () => {
    const f = new EventSpamFilter();
    for (let i = 0; i < SPAM_BURST; i++) expect(f.accept(spamKey('p', 'Normal', 34), 0)).toBe(true);
    expect(f.accept(spamKey('p', 'Normal', 34), 0)).toBe(false);
    expect(f.accept(spamKey('p', 'Warning', 34), 0)).toBe(true);
    expect(spamKey('p', 'Warning', 33)).toBe(spamKey('p', 'Normal', 33));
  });

  it('writes 25 events about a pod at once, then one more each time a token comes back (300 s)', () => {
    const f = new EventSpamFilter();
    const at0 = Array.from({ length: 30 }, () => f.accept('pod', 0));
    expect(at0.filter(Boolean)).toHaveLength(SPAM_BURST);
    expect(f.accept('pod', 299)).toBe(false);
    expect(f.accept('pod', SPAM_REFILL_SECONDS)).toBe(true);
    expect(f.accept('pod', SPAM_REFILL_SECONDS)).toBe(false);
  });

  it('keeps one bucket per pod, and a restarted kubelet starts full', () => {
    const f = new EventSpamFilter();
    for (let i = 0; i < SPAM_BURST; i++) f.accept('a', i);
    expect(f.accept('a', 30)).toBe(false);
    expect(f.accept('b', 30)).toBe(true);
    f.reset();
    expect(f.accept('a', 31)).toBe(true);
  });

  it('never writes more than 25 plus one per 300 s over any run of events', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 300 }), (times) => {
      const sorted = [...times].sort((a, b) => a - b);
      const f = new EventSpamFilter();
      let written = 0;
      for (const t of sorted) if (f.accept('pod', t)) written++;
      const span = sorted.length ? sorted[sorted.length - 1]! - sorted[0]! : 0;
      expect(written).toBeLessThanOrEqual(Math.min(sorted.length, SPAM_BURST + Math.floor(span / SPAM_REFILL_SECONDS + 1e-9)));
      if (sorted.length <= SPAM_BURST) expect(written).toBe(sorted.length);
    }));
  });
});
