// [10.7] What `kubectl describe pod` can show of a noisy pod: the kubelet's event recorder
// (client-go tools/record EventCorrelate; defaultSpamBurst 25, defaultSpamQPS 1/300; the kubelet's
// makeEventRecorder passes no options, every version read) counts each occurrence, then lets the
// kubelet send 25 events about the pod at once and one per 5 minutes after; a held occurrence
// changes nothing until a later occurrence of the same event is sent, with the whole count.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { TRACE_SCHEMA, type Trace, type TraceEvent } from '../../engine/trace';
import { describeEvents, EVENT_SPAM_BURST } from './describeEvents';

const why = 'test';

function traceOf(events: TraceEvent[]): Trace {
  return { schema: TRACE_SCHEMA, kubernetesVersion: '1.33', end: 2000, containers: [{ name: 'app', kind: 'main', index: 0 }], events };
}

/** A failed readiness run every second from 1 s to `until`. */
function failingEverySecond(until: number): TraceEvent[] {
  return Array.from({ length: until }, (_, i) => ({ type: 'probe.failed', container: 'app', probe: 'readiness', attempt: 0, run: i + 1, t: i + 1, why }) as TraceEvent);
}

describe('the kubelet event recorder\'s spam filter, as describe shows it [10.7]', () => {
  it('shows the first 25 failed runs, then holds the rest: the row stays at x25 with its last age growing', () => {
    const rows = describeEvents(traceOf(failingEverySecond(200)), 200, 'p');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'Unhealthy', count: EVENT_SPAM_BURST, first: 1, t: 25 });
  });

  it('lets one through once a token has refilled, carrying every occurrence counted meanwhile', () => {
    const rows = describeEvents(traceOf(failingEverySecond(400)), 400, 'p');
    // The bucket refills from its first use (1 s) at 1/300 a second: 25 + (t − 1)/300 tokens in all,
    // 25 spent by 25 s, so the 26th comes when (t − 1)/300 reaches 1: the occurrence at 301 s.
    expect(rows[0]).toMatchObject({ count: 301, first: 1, t: 301 });
  });

  it('shares the bucket between every event about the pod: a crash loop\'s Created, Started and BackOff rows stop growing too', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: crash }
spec:
  containers:
    - name: app
      image: busybox:1.28
      command: [sh, -c, "exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 40m
`;
    const trace = runScenario(text).trace!;
    const at = (t: number) => describeEvents(trace, t, 'crash');
    expect(at(2400).filter((r) => r.from === 'kubelet').length).toBeGreaterThan(0);
    const starts = trace.events.filter((e) => e.type === 'container.start').length;
    const created = at(2400).find((r) => r.reason === 'Created')!;
    expect(created.count).toBeLessThanOrEqual(starts); // every start counted, but shown only when sent
    // Within one 300 s window after the burst at most one kubelet event is sent: the rows' latest times
    const lastSent = at(2400).filter((r) => r.from === 'kubelet').map((r) => r.t).sort((a, b) => a - b);
    const late = lastSent.filter((x) => x > 600);
    for (let i = 1; i < late.length; i++) expect(late[i]! - late[i - 1]!).toBeGreaterThanOrEqual(299);
  });

  it('never holds the scheduler\'s event (another source)', () => {
    const events: TraceEvent[] = [...failingEverySecond(60), { type: 'pod.scheduled', t: 61, why }];
    const rows = describeEvents(traceOf(events), 61, 'p');
    expect(rows.find((r) => r.reason === 'Scheduled')).toMatchObject({ t: 61, count: 1 });
  });
});
