// Golden test: upstream's own unit tests of how the kubelet's events are counted, combined and
// throttled before `kubectl describe pod` lists them ([10.7]), translated to Sidecar Lab.
//
// Upstream files (kubernetes/kubernetes unless named; read with the stored copies):
// - staging/src/k8s.io/client-go/tools/record/events_cache_test.go, two stored versions: 27025679
//   (2017: no spam row, "(events with common reason combined)") and 00080d40 (the table translated
//   here: makeObjectReference with a FieldPath, "the-same-event-is-spam-if-happens-too-frequently",
//   "events-from-different-containers-do-not-aggregate", TestEventSpamFilter); the v0.26.0 copy in
//   spotmaxtech/k8s-client-go-v0260 has the same table (testclocks.SimpleIntervalClock).
// - events_cache.go, the code they test: stored at 425859b7 and 00080d40, kubernetes/client-go
//   928244b1, and vendored copies: appscode-cloud/audit (client-go v0.34.3: getSpamKey ends with
//   event.Type), fluid-cloudnative/fluid and kubedb/db-client-go (PassiveRateLimiter, the key
//   without the type; their versions are not printed). Every copy has the same constants (spam
//   burst 25, qps 1/300; aggregation at 10 distinct messages within 600 s), the same
//   EventAggregate, eventObserve and EventCorrelate.
// - event_test.go stored at 025f2834: TestEventf, TestUpdateExpiredEvent (recordToSink's create
//   after a patch that finds the event gone).
// Which client-go each kubelet runs: the kubelet of 1.x is built with the staging client-go of its
// own tree (v0.x), recording through record.NewBroadcaster with default options (makeEventRecorder,
// [10.7]). The one change in these rules is getSpamKey's event.Type (kubernetes#124747): present in
// v0.34.3, its first release not established; the engine keys by type from 1.34
// (eventSpamFilter.ts SPAM_KEY_HAS_TYPE_FROM), and the expected values below follow that.
//
// How upstream's cases map to ours: upstream drives an EventCorrelator with a fake clock; here the
// kubelet records the events (upstreamEvents.testkit.ts: an injected readiness failure is one Warning
// Unhealthy event per probe run, its statusCode choosing the message), and the check is the Events
// row `kubectl describe pod` prints (describeEventLog): `count` is the event's Count, `first` and `t`
// its FirstTimestamp and LastTimestamp, a row that is missing an event the spam filter skipped.
// Upstream's burst of 1 in TestEventSpamFilter is the kubelet's 25 here, upstream's 30 s interval
// (three clock ticks per event) a 30 s probe period.
//
// Translated beside the code as well: TestEventAggregatorByReasonFunc,
// TestEventAggregatorByReasonMessageFunc and every row of TestEventCorrelator, on the correlator
// itself with upstream's hand-made events and clock (eventAggregator.test.ts); the rows here go
// through the kubelet and the describe panel, aggregation included (eventAggregator.ts).
//
// Not expressible:
// - TestEventSpamFilter's two rows with a custom SpamKeyFunc: the kubelet never sets one.
// - TestEventf's testRef2 (same pod name, another UID): the engine has one pod per name. Its log
//   lines (StartLogging) are not shown by describe.
// - TestWriteEventError, TestCancelEvent, TestNonRacyShutdown: API errors, retries and shutdown; the
//   engine's API server never fails a write.

import { describe, expect, it } from 'vitest';
import { apiSecond, humanDuration } from '../../engine/kubectl/humanDuration';
import { ageText, describeEventLog } from './describeEvents';
import { DEFAULT_AGGREGATE_INTERVAL_SECONDS, DEFAULT_AGGREGATE_MAX_EVENTS } from './eventAggregator';
import { SPAM_BURST, SPAM_KEY_HAS_TYPE_FROM } from './eventSpamFilter';
import { POD, VERSIONS, described, kubeletOccurrences, minor, probePod, readinessFailures, rowsOf, traceOf } from './upstreamEvents.testkit';

const status = (code: number) => `Readiness probe failed: HTTP probe failed with statuscode: ${code}`;
const kubelet = (rows: ReturnType<typeof describeEventLog>['rows']) => rows.filter((r) => r.from === 'kubelet');

describe('TestEventCorrelator (client-go events_cache_test.go)', () => {
  it.each(VERSIONS)('create-a-single-event: each event seen once is written with Count 1 and FirstTimestamp = LastTimestamp (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 30, windows: [] }));
    const rows = kubelet(describeEventLog(trace, 20, POD).rows);
    expect(rows.map((r) => r.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    for (const row of rows) {
      expect(row.count, row.reason).toBe(1);
      expect(row.first, row.reason).toBe(row.t);
      expect(ageText(row, 20), row.reason).not.toContain('(x');
    }
  });

  it.each(VERSIONS)('the-same-event-should-just-count: a second identical event is the same event with Count 2 and a later LastTimestamp (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 50, windows: [{ at: 10, for: 5, statusCode: 500 }, { at: 30, for: 5, statusCode: 500 }] }));
    const failures = readinessFailures(trace);
    expect(failures).toHaveLength(2);
    const [row, ...others] = rowsOf(describeEventLog(trace, 45, POD).rows, 'Unhealthy');
    expect(others).toEqual([]);
    expect(row).toMatchObject({ type: 'Warning', count: 2, first: failures[0]!.t, t: failures[1]!.t, message: described(status(500), version) });
    expect(row!.first).toBeLessThan(row!.t);
  });

  it.each(VERSIONS)('the-same-event-should-just-count-even-if-more-than-aggregate: 11 identical events 30 s apart are one event with Count 11, not an aggregate (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 30, until: 360, windows: [{ at: 5, for: 330, statusCode: 500 }] }));
    const failures = readinessFailures(trace);
    expect(failures.length).toBeGreaterThanOrEqual(DEFAULT_AGGREGATE_MAX_EVENTS + 1);
    const log = describeEventLog(trace, 350, POD);
    expect(log.skipped).toBe(0);
    const rows = rowsOf(log.rows, 'Unhealthy');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: failures.length, first: failures[0]!.t, t: failures.at(-1)!.t, message: described(status(500), version) });
  });

  it.each(VERSIONS)('the-same-event-is-spam-if-happens-too-frequently: past the 25-token burst the next identical event is skipped, the row keeps its last written Count (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 1, until: 70, windows: [{ at: 5, for: 100 }] }));
    const log = describeEventLog(trace, 60, POD);
    const normal = kubelet(log.rows).filter((r) => r.type === 'Normal');
    expect(normal.map((r) => `${r.reason} x${r.count}`)).toEqual(['Pulling x1', 'Pulled x1', 'Created x1', 'Started x1']);
    // one bucket per pod up to 1.33 (its four Normal writes came first), one per pod and type from 1.34
    const written = minor(version) >= SPAM_KEY_HAS_TYPE_FROM ? SPAM_BURST : SPAM_BURST - normal.length;
    const failures = readinessFailures(trace, 60);
    expect(failures.length).toBeGreaterThan(written);
    const [row] = rowsOf(log.rows, 'Unhealthy');
    expect(row).toMatchObject({ count: written, first: failures[0]!.t, t: failures[written - 1]!.t, message: described('Readiness probe failed:', version) });
    expect(log.skipped).toBe(failures.length - written);
  });

  it.each(VERSIONS)('create-many-unique-events: events about other pods of the node take nothing from this pod\'s bucket (a Job of 10 pods, > 25 kubelet events on the node) (%s) [10.7]', (version) => {
    const trace = traceOf(`apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  completions: 10
  parallelism: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: work, image: busybox:1.36, command: [sh, -c, "sleep 2"]}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
`);
    const pods = [...new Set(trace.events.flatMap((e) => (e.pod === undefined ? [] : [e.pod])))];
    expect(pods).toHaveLength(10);
    // every pod's own bucket has room: each event written, so the rows' counts are every event
    const logs = pods.map((pod) => describeEventLog(trace, trace.end, pod));
    expect(logs.map((l) => l.skipped)).toEqual(pods.map(() => 0));
    expect(logs.reduce((n, l) => n + kubelet(l.rows).reduce((m, r) => m + r.count, 0), 0)).toBeGreaterThan(SPAM_BURST);
    const last = logs.at(-1)!;
    expect(kubelet(last.rows).map((r) => `${r.reason} x${r.count}`)).toEqual(['Pulled x1', 'Created x1', 'Started x1']);
  });

  it.each(VERSIONS)('events-from-different-containers-do-not-aggregate: one reason and message about two containers (another fieldPath) are two events, Count 1 each (%s) [10.7] [10.6]', (version) => {
    const trace = traceOf(`apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
  - {name: a, image: "busybox:1.36", command: [sleep, infinity]}
  - {name: b, image: "busybox:1.36", command: [sleep, infinity]}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 30s
containers:
  a: {pull: 0s}
  b: {pull: 0s}
`);
    const rows = describeEventLog(trace, 20, POD).rows;
    // Pulled ("already present", no container named) on every version; Created on 1.35+ ("Container created")
    for (const reason of minor(version) >= 35 ? ['Pulled', 'Created', 'Started'] : ['Pulled']) {
      const pair = rowsOf(rows, reason);
      expect(pair.map((r) => r.count), reason).toEqual([1, 1]);
      if (minor(version) >= 35) {
        expect(pair.map((r) => r.message.split(': ')[0])).toEqual(['spec.containers{a}', 'spec.containers{b}']);
        expect(pair[0]!.message.replace('{a}', '{b}')).toBe(pair[1]!.message);
      } else {
        expect(pair[0]!.message).toBe(pair[1]!.message);
      }
    }
  });

  it.each(VERSIONS)('similar-events-whose-interval-is-greater-than-aggregate-interval-do-not-aggregate: 10 messages of one reason, each > 600 s after the last, stay plain events (%s) [10.7]', (version) => {
    const codes = [500, 501, 502, 503, 504, 505, 506, 507, 508, 509];
    const gap = DEFAULT_AGGREGATE_INTERVAL_SECONDS + 10;
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 10 + 9 * gap + 20, windows: codes.map((c, i) => ({ at: 10 + i * gap, for: 5, statusCode: c })) }));
    const failures = readinessFailures(trace);
    expect(failures.map((f) => f.output)).toEqual(codes.map((c) => `HTTP probe failed with statuscode: ${c}`));
    failures.slice(1).forEach((f, i) => expect(f.t - failures[i]!.t).toBeGreaterThan(DEFAULT_AGGREGATE_INTERVAL_SECONDS));
    const now = failures.at(-1)!.t + 5;
    const rows = rowsOf(describeEventLog(trace, now, POD).rows, 'Unhealthy');
    expect(rows.at(-1)).toMatchObject({ count: 1, t: failures.at(-1)!.t, message: described(status(509), version) });
    // the ones still within the hour of the event TTL, each plain
    expect(rows.map((r) => r.message)).toEqual(failures.filter((f) => now - f.t < 3600).map((f) => described(`Readiness probe failed: ${f.output}`, version)));
  });
});

describe('TestEventCorrelator aggregation (client-go events_cache_test.go)', () => {
  const codes = [500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510];
  // one failed run 20 s apart per code: 11 messages of reason Unhealthy (Warning) about the pod
  const aggregated = (version: (typeof VERSIONS)[number]) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 260, windows: codes.map((c, i) => ({ at: 10 + 20 * i, for: 5, statusCode: c })) }));
    const failures = readinessFailures(trace);
    expect(failures.map((f) => f.output)).toEqual(codes.map((c) => `HTTP probe failed with statuscode: ${c}`));
    return { trace, failures };
  };
  const COMBINED = '(combined from similar events): ';

  it.each(VERSIONS)('similar-events-should-aggregate-event: after 9 messages of one reason, the 10th within 10 minutes is an aggregate event "(combined from similar events): <it>", Count 1 (%s) [10.7]', (version) => {
    const { trace, failures } = aggregated(version);
    const tenth = failures[DEFAULT_AGGREGATE_MAX_EVENTS - 1]!;
    const rows = rowsOf(describeEventLog(trace, tenth.t + 5, POD).rows, 'Unhealthy');
    expect(rows.map((r) => `${r.message} x${r.count}`)).toEqual([
      ...codes.slice(0, 9).map((c) => `${described(status(c), version)} x1`),
      `${described(COMBINED + status(509), version)} x1`,
    ]);
    expect(rows.at(-1)).toMatchObject({ first: tenth.t, t: tenth.t });
  });

  it.each(VERSIONS)('similar-events-many-times-should-count-the-aggregate: the 11th message counts on the aggregate event, Count 2, with its own message (%s) [10.7]', (version) => {
    const { trace, failures } = aggregated(version);
    const [tenth, eleventh] = [failures[9]!, failures[10]!];
    const rows = rowsOf(describeEventLog(trace, eleventh.t + 5, POD).rows, 'Unhealthy');
    expect(rows.slice(0, 9).map((r) => `${r.message} x${r.count}`)).toEqual(codes.slice(0, 9).map((c) => `${described(status(c), version)} x1`));
    expect(rows.slice(9)).toHaveLength(1);
    expect(rows[9]).toMatchObject({ message: described(COMBINED + status(510), version), count: 2, first: tenth.t, t: eleventh.t });
  });
});

describe('TestEventSpamFilter (client-go events_cache_test.go)', () => {
  it.each(VERSIONS)('event should be reported as spam if object reference is the same for default spam filter: once the pod\'s bucket is dry, events of other reasons are skipped too (from 1.34 those of the same type: a Normal Killing after Warning spam is written) (%s) [10.7]', (version) => {
    // the readiness probe fails every second from 5 s; at 60 s the pod is deleted: Killing (Normal) and a failed preStop hook (Warning)
    const trace = traceOf(probePod({
      version, periodSeconds: 1, until: 120, windows: [{ at: 5, for: 100 }],
      extraSpec: '    lifecycle: {preStop: {exec: {command: [sh, -c, "exit 1"]}}}\n',
      extraSim: 'containers:\n  app: {preStop: {duration: 1s, exitCode: 1}}\n',
      extraEvents: ['- {at: 60s, do: deletePod, gracePeriodSeconds: 30}'],
    }));
    const recorded = kubeletOccurrences(trace, 70);
    expect(recorded.get('Killing')).toBe(1);
    expect(recorded.get('FailedPreStopHook')).toBe(1);
    const rows = describeEventLog(trace, 70, POD).rows;
    // up to 1.33 one bucket for the pod: both skipped; from 1.34 the Normal bucket still has tokens
    expect(rowsOf(rows, 'Killing').map((r) => r.count)).toEqual(minor(version) >= SPAM_KEY_HAS_TYPE_FROM ? [1] : []);
    expect(rowsOf(rows, 'FailedPreStopHook')).toEqual([]);
  });
});

describe('TestEventf (client-go event_test.go)', () => {
  it.each(VERSIONS)('repeats of one event count up across other events in between, each its own series; the first one keeps its FirstTimestamp (%s) [10.7] [4.9]', (version) => {
    const trace = traceOf(`apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, "sleep 1; exit 1"]}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 90s
`);
    const log = describeEventLog(trace, 60, POD);
    expect(log.skipped).toBe(0);
    const starts = trace.events.filter((e) => e.type === 'container.start' && e.t <= 60).map((e) => e.t);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    for (const reason of ['Created', 'Started']) {
      expect(rowsOf(log.rows, reason), reason).toHaveLength(1);
      expect(rowsOf(log.rows, reason)[0], reason).toMatchObject({ count: starts.length, first: starts[0], t: starts.at(-1) });
    }
    const backOff = rowsOf(log.rows, 'BackOff');
    expect(backOff).toHaveLength(1);
    expect(backOff[0]!.count).toBe(kubeletOccurrences(trace, 60).get('BackOff'));
    expect(backOff[0]!.first).toBeGreaterThan(starts[0]!);
    expect(backOff[0]!.first).toBeLessThan(starts.at(-1)!);
  });
});

describe('TestUpdateExpiredEvent (client-go event_test.go)', () => {
  it.each(VERSIONS)('a repeat after the API server deleted the event (--event-ttl 1h) creates it again with the whole Count and the first FirstTimestamp (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 3760, windows: [{ at: 10, for: 5 }, { at: 3710, for: 5 }] }));
    const [first, second] = readinessFailures(trace);
    expect(second!.t - first!.t).toBeGreaterThan(3600);
    expect(rowsOf(describeEventLog(trace, second!.t - 1, POD).rows, 'Unhealthy')).toEqual([]);
    const now = second!.t + 18;
    const [row] = rowsOf(describeEventLog(trace, now, POD).rows, 'Unhealthy');
    expect(row).toMatchObject({ count: 2, first: first!.t, t: second!.t });
    expect(ageText(row!, now)).toBe(`${humanDuration(now - apiSecond(second!.t))} (x2 over ${humanDuration(now - apiSecond(first!.t))})`);
  });
});
