import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSet, whyLookup } from './sync';
import { simulate } from './simulate';
import { buildScenario } from '../testing/build';
import type { Trace, TraceEvent } from '../trace';

/** What whyLookup must always answer: the first why containing " <name>". */
const plainly = (why: string[], name: string, fallback: string) => why.find((w) => w.includes(` ${name}`)) ?? fallback;

describe('whyLookup', () => {
  it('finds the first why naming the container, as a plain substring search does', () => {
    const why = [
      '[2.1] Init container i10 exited 0, so the next one, i11, starts.',
      '[2.1] Init container i1 exited 0, so the next one, i2, starts.',
      '[3.2] Main container app has never run, so it starts.',
    ];
    const names = ['i1', 'i2', 'i10', 'i11', 'app', 'ap', 'db'];
    const lookup = whyLookup(why, nameSet(names));
    // " i1" is in "i10" too: the first why wins, exactly as a substring search decides.
    for (const name of ['i1', 'i2', 'i11', 'app', 'ap', 'db']) expect(lookup(name, 'none')).toBe(plainly(why, name, 'none'));
    expect(lookup('i1', 'none')).toBe(why[0]);
    expect(lookup('unknown', 'fallback')).toBe('fallback');
  });

  it('agrees with the plain search for random names and texts, in any lookup order', () => {
    const word = fc.stringMatching(/^[a-c1-3 ,.'-]{0,6}$/);
    fc.assert(fc.property(
      fc.uniqueArray(word, { minLength: 1, maxLength: 8 }),
      fc.array(fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')), { maxLength: 8 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (names, why, picks) => {
        const lookup = whyLookup(why, nameSet(names));
        for (const pick of picks) {
          const name = names[pick % names.length]!;
          expect(lookup(name, '-')).toBe(plainly(why, name, '-'));
        }
      },
    ), { numRuns: 300 });
  });
});

describe('SyncPod kill paths (kuberuntime_manager.go SyncPod, killPodWithSyncResult; kuberuntime_container.go setTerminationGracePeriod; 1.28-1.33) [4.4]', () => {
  const livenessKilled = (restartPolicy: 'Always' | 'Never', main: string[]) => simulate(buildScenario({
    until: 120, version: '1.33', restartPolicy, grace: 30,
    main: main.map((name) => ({
      name, behavior: { onStop: { kind: 'exit' as const, after: 1, exitCode: 143 } },
      ...(name === 'app' ? { livenessProbe: { periodSeconds: 10, failureThreshold: 3, terminationGracePeriodSeconds: 5 } } : {}),
    })),
    events: [{ at: 0, do: 'failLiveness', container: 'app', for: 10_000 }],
  }));
  const firstKill = (trace: Trace) => trace.events.find((e): e is Extract<TraceEvent, { type: 'container.kill' }> => e.type === 'container.kill' && e.container === 'app')!;

  it('a single-container kill (ContainersToKill) uses the probe\'s terminationGracePeriodSeconds', () => {
    expect(firstKill(livenessKilled('Always', ['app'])).gracePeriodSeconds).toBe(5);
    expect(firstKill(livenessKilled('Never', ['app', 'other'])).gracePeriodSeconds).toBe(5);
  });

  it('under Never the last main container\'s liveness failure takes the pod-kill path: the pod\'s grace, not the probe\'s', () => {
    expect(firstKill(livenessKilled('Never', ['app'])).gracePeriodSeconds).toBe(30);
  });
});
