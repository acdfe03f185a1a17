// [10.7] The describe panel shows what the API server holds: the kubelet's per-pod spam filter
// (client-go EventSourceObjectSpamFilter: 25 tokens, one per 300 s, the count cached before the
// filter) decides which occurrences are written; a restarted kubelet writes new objects; an event
// is deleted an hour after its last write (--event-ttl).
import { describe, expect, it } from 'vitest';
import { simulatedTrace } from '../testFixtures';
import type { Trace } from '../../engine/trace';
import { describeEventLog, kubeEvents } from './describeEvents';
import { EVENT_TTL_SECONDS, SPAM_BURST, SPAM_REFILL_SECONDS } from './eventSpamFilter';

const crashLoop = (until: string, events = '') => `apiVersion: v1
kind: Pod
metadata: {name: crasher}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 1; exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: ${until}
${events}`;

/** Reasons whose every occurrence in this pod has the same message (Pulled does not: pulled, then already present). */
const ONE_MESSAGE = ['BackOff', 'Created', 'Started'];


/** Every occurrence of a kubelet event up to t, by reason (the reasons checked have one message each here). */
function occurrences(tr: Trace, t: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of tr.events) {
    if (e.t > t) break;
    for (const r of kubeEvents(e, { podName: 'crasher' })) if (r.from === 'kubelet') out.set(r.reason, [...(out.get(r.reason) ?? []), e.t]);
  }
  return out;
}

describe('describe after 30 minutes of a crash loop [10.7]', () => {
  const tr = simulatedTrace(crashLoop('30m'));
  const t = 1800;
  const log = describeEventLog(tr, t, 'crasher');
  const all = occurrences(tr, t);
  const total = [...all.values()].reduce((n, ts) => n + ts.length, 0);

  it('the kubelet wrote at most 25 events plus one per 300 s, and says how many it kept back', () => {
    expect(total).toBeGreaterThan(SPAM_BURST + t / SPAM_REFILL_SECONDS);
    expect(total - log.skipped).toBeLessThanOrEqual(SPAM_BURST + Math.floor(t / SPAM_REFILL_SECONDS));
    expect(log.skipped).toBeGreaterThan(0);
    expect(log.lastSkippedAt).toBeLessThanOrEqual(t);
  });

  it("each row's count is every occurrence up to its last write, and its Age is that write's (BackOff lags the loop)", () => {
    expect(log.rows.filter((r) => ONE_MESSAGE.includes(r.reason)).map((r) => r.reason).sort()).toEqual(['BackOff', 'Created', 'Started']);
    for (const row of log.rows.filter((r) => ONE_MESSAGE.includes(r.reason))) {
      const times = all.get(row.reason)!;
      expect(row.count, row.reason).toBe(times.filter((x) => x <= row.t).length);
      expect(row.first, row.reason).toBe(times[0]);
    }
    const backOff = log.rows.find((r) => r.reason === 'BackOff')!;
    const lastBackOff = all.get('BackOff')!.at(-1)!;
    expect(backOff.t).toBeLessThan(lastBackOff);
    expect(backOff.count).toBeLessThan(all.get('BackOff')!.length);
  });

  it('in the first minute nothing is held back: the rows count every occurrence', () => {
    const early = describeEventLog(tr, 60, 'crasher');
    expect(early.skipped).toBe(0);
    const seen = occurrences(tr, 60);
    for (const row of early.rows.filter((r) => ONE_MESSAGE.includes(r.reason))) expect(row.count).toBe(seen.get(row.reason)!.length);
  });
});

describe('a restarted kubelet and the event TTL [10.7]', () => {
  it('after a kubelet restart the same event is a new object: a second row beside the old one', () => {
    const tr = simulatedTrace(crashLoop('5m', 'events:\n- {at: 60s, do: restartKubelet}\n'));
    const rows = describeEventLog(tr, 300, 'crasher').rows.filter((r) => r.reason === 'Started');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.first).toBeLessThan(60);
    expect(rows[1]!.first).toBeGreaterThan(60);
  });

  it('an hour after its last write an event is gone: a pod that only started says <none> then', () => {
    const quiet = simulatedTrace(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 2h
`);
    const started = describeEventLog(quiet, 600, 'web');
    expect(started.rows.map((r) => r.reason)).toContain('Started');
    const later = describeEventLog(quiet, EVENT_TTL_SECONDS + 30, 'web');
    expect(later.rows).toEqual([]);
    expect(later.expired).toBe(started.rows.length);
  });
});
