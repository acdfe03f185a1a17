// Golden test: upstream's tests of how `kubectl describe pod` prints the Events it lists, and of
// the duration its Age column uses, translated to the describe panel (describeEvents.ts).
//
// Upstream files (kubernetes/kubernetes, read with the stored copies):
// - staging/src/k8s.io/kubectl/pkg/describe/describe.go at 0176276b (the newest stored):
//   DescribeEvents. `Events:\t<none>` for an empty list; else sort.Sort(event.SortableEvents), the
//   header "Type Reason Age From Message", and per event: Age = the FirstTimestamp's age for a
//   single event (the EventTime's for an events.k8s.io one), "%s (x%d over %s)" with the
//   LastTimestamp's age when Count > 1 (the Series' LastObservedTime and Count for a series); From =
//   Source.Component, else ReportingController; Message = strings.TrimSpace(Message), prefixed with
//   "<involvedObject.fieldPath>: " when the event has one (kubernetes#133627, kubectl 1.35+,
//   [10.6]); translateTimestampSince prints `<unknown>` for a zero time, else
//   duration.HumanDuration of the time since.
// - describe_test.go at 0176276b: TestDescribeEvents (every describer prints "Events:" with
//   ShowEvents and none without; the panel always shows them).
// - staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list_test.go at aed80471:
//   TestSortableEvents (oldest LastTimestamp first).
// - staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go at 008b3652:
//   TestHumanDuration, TestHumanDurationBoundaries. src/engine/kubectl/humanDuration.test.ts has
//   rows of its own, not upstream's: the upstream rows it lacks are here (its rows 0, 0.999, 120,
//   600, 3 h, 47 h, 48 h and 9 y are upstream's too).
//
// How they map: a row of describeEventLog is one v1.Event as the API server holds it (type,
// reason, source, message as printed, `count`, `first` = FirstTimestamp, `t` = LastTimestamp in
// engine seconds; the API keeps whole seconds, [14.1]); ageText is the Age column.
//
// Not expressible, or not rendered:
// - The Series and EventTime branches and `<unknown>`: the kubelet records through the legacy
//   core/v1 recorder (Count, First/LastTimestamp, [10.7]), and every event it writes has its times.
// - TestShortHumanDurationBoundaries: ShortHumanDuration is used nowhere the page renders.
// - describe_test.go's container blocks (TestDescribeContainers: State, Last State, Restart Count):
//   the page has no such block (src/ renders no "Last State" or "Restart Count"); skipped.
// - TestSortableEvents holds here as the order by LastTimestamp, and among events with the same
//   LastTimestamp second, the order sort.Sort leaves them in: up to 12 events the list's, the
//   first occurrence's; above, Go's pdqsort's (describeEvents.ts kubectlOrder, goSort.ts). TestHumanDurationBoundaries' rows are all here,
//   "-2s + 1ns" among them (Go's int(d.Seconds()) truncates -1.999999999 s to -1: "0s").

import { describe, expect, it } from 'vitest';
import { apiSecond, humanDuration } from '../../engine/kubectl/humanDuration';
import { ageText, describeEventLog } from './describeEvents';
import { POD, VERSIONS, described, minor, probePod, rowsOf, traceOf } from './upstreamEvents.testkit';

/** An init container that succeeds, then a main container in a crash loop (both pull busybox). */
const crashLoop = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  initContainers:
  - {name: init, image: busybox:1.36, command: [sh, -c, "exit 0"]}
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, "sleep 1; exit 1"]}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 120s
`;

describe('DescribeEvents (kubectl describe.go) and TestDescribeEvents (describe_test.go)', () => {
  it.each(VERSIONS)('"Events:" lists the pod\'s events while they exist, and `Events: <none>` (an empty list) once the API server dropped them all (%s) [10.7]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 3700, windows: [] }));
    expect(describeEventLog(trace, 60, POD).rows.map((r) => r.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(describeEventLog(trace, 3650, POD).rows).toEqual([]);
  });

  it.each(VERSIONS)('Age: a single event prints its FirstTimestamp\'s age, a counted one "<LastTimestamp age> (xN over <FirstTimestamp age>)", in whole API seconds (%s) [10.7] [14.1]', (version) => {
    const trace = traceOf(crashLoop(version));
    const now = 60;
    const rows = describeEventLog(trace, now, POD).rows;
    expect(rows.some((r) => r.count === 1) && rows.some((r) => r.count > 1)).toBe(true);
    for (const row of rows) {
      const expected = row.count > 1
        ? `${humanDuration(now - apiSecond(row.t))} (x${row.count} over ${humanDuration(now - apiSecond(row.first))})`
        : humanDuration(now - apiSecond(row.first));
      expect(ageText(row, now), `${row.reason} ${row.message}`).toBe(expected);
    }
  });

  it.each(VERSIONS)('From: Source.Component, `kubelet` for the kubelet\'s events and `default-scheduler` for Scheduled (%s) [10.7]', (version) => {
    const rows = describeEventLog(traceOf(crashLoop(version)), 60, POD).rows;
    expect(rows.map((r) => `${r.reason} ${r.from}`)).toContain('Scheduled default-scheduler');
    expect(rows.filter((r) => r.reason !== 'Scheduled').map((r) => r.from)).toEqual(rows.slice(1).map(() => 'kubelet'));
  });

  it.each(VERSIONS)('Message: strings.TrimSpace, so a failed probe with no output ("Readiness probe failed: ") prints without the trailing space (%s) [5.13]', (version) => {
    const trace = traceOf(probePod({ version, periodSeconds: 10, until: 40, windows: [{ at: 10, for: 5 }] }));
    const [row] = rowsOf(describeEventLog(trace, 30, POD).rows, 'Unhealthy');
    expect(row!.message).toBe(described('Readiness probe failed:', version));
    expect(row!.message).toBe(row!.message.trim());
  });

  it.each(VERSIONS)('Message: from kubectl 1.35 "<fieldPath>: " goes first for an event about a container (spec.initContainers{x}, spec.containers{x}), none for one about the pod (%s) [10.6]', (version) => {
    const rows = describeEventLog(traceOf(crashLoop(version)), 60, POD).rows;
    const prefixed = minor(version) >= 35;
    expect(rowsOf(rows, 'Scheduled')[0]!.message).toMatch(/^Successfully assigned /);
    const initRows = rows.filter((r) => r.t < 2 && r.from === 'kubelet');
    const appRows = rows.filter((r) => r.first >= 2 && r.from === 'kubelet');
    expect(initRows.length).toBeGreaterThan(0);
    expect(appRows.length).toBeGreaterThan(0);
    for (const r of initRows) expect(r.message.startsWith('spec.initContainers{init}: '), r.message).toBe(prefixed);
    for (const r of appRows) expect(r.message.startsWith('spec.containers{app}: '), r.message).toBe(prefixed);
    if (!prefixed) for (const r of rows) expect(r.message, r.message).not.toMatch(/^spec\./);
  });
});

describe('TestSortableEvents (kubectl util/event sorted_event_list_test.go)', () => {
  it.each(VERSIONS)('the rows go by LastTimestamp, oldest first, at every listing of a crash loop (%s) [10.7]', (version) => {
    const trace = traceOf(crashLoop(version));
    for (let now = 5; now <= 120; now += 5) {
      const seconds = describeEventLog(trace, now, POD).rows.map((r) => apiSecond(r.t));
      expect(seconds, `at ${now}`).toEqual([...seconds].sort((a, b) => a - b));
    }
  });
});

describe('TestSortableEvents: one LastTimestamp second, ties in the list\'s order (the first occurrence)', () => {
  it.each(VERSIONS)('a restart\'s "already present" Pulled, new at the restart, goes after the Created and Started rows first seen at the first start (%s) [10.7]', (version) => {
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
until: 30s
`);
    const starts = trace.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    const rows = describeEventLog(trace, starts[1]! + 0.5, POD).rows;
    expect(rows.length).toBeLessThanOrEqual(12);
    // kubectl's order: a stable sort by the LastTimestamp second of the list in first-occurrence order
    const listed = [...rows].sort((a, b) => a.first - b.first || a.index - b.index);
    const kubectl = [...listed].sort((a, b) => apiSecond(a.t) - apiSecond(b.t));
    expect(rows.map((r) => `${r.reason} ${r.message}`)).toEqual(kubectl.map((r) => `${r.reason} ${r.message}`));
    const atRestart = rows.filter((r) => apiSecond(r.t) === apiSecond(starts[1]!)).map((r) => r.reason);
    expect(atRestart).toEqual(['Created', 'Started', 'Pulled']);
  });
});

describe('sort.Sort above 12 events: Go\'s pdqsort, not stable (goSort.ts)', () => {
  // Five containers, the first in a crash loop: at 4 s, 18 events, listed (first occurrence) with
  // LastTimestamp seconds 0 0 1 3 3 1 1 1 1 1 1 1 1 1 2 2 2 3. GO_ORDER is the permutation Go
  // 1.19.8's sort.Sort returned for those keys (goSort.test.ts says how it was run; no
  // breakPatterns, so the same in every Go since 1.19).
  const GO_ORDER = [0, 1, 12, 9, 13, 5, 6, 7, 8, 2, 10, 11, 14, 15, 16, 3, 4, 17];
  const RANK = ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'];
  const fiveContainers = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
${['a', 'b', 'c', 'd', 'e'].map((n) => `  - {name: ${n}, image: busybox:1.36, command: [sh, -c, "sleep ${n === 'a' ? 1 : 1000}; exit 1"]}`).join('\n')}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 10s
`;

  it.each(VERSIONS)('18 rows print in the order Go\'s sort.Sort leaves them, not a stable sort\'s (%s) [10.7]', (version) => {
    const rows = describeEventLog(traceOf(fiveContainers(version)), 4, POD).rows;
    const listed = [...rows].sort((a, b) => a.first - b.first || RANK.indexOf(a.reason) - RANK.indexOf(b.reason));
    expect(listed.map((r) => apiSecond(r.t))).toEqual([0, 0, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
    expect(rows).toEqual(GO_ORDER.map((i) => listed[i]));
    const stable = [...listed].sort((a, b) => apiSecond(a.t) - apiSecond(b.t));
    expect(rows).not.toEqual(stable);
  });
});

describe('the scheduler\'s event: written through events.k8s.io, a zero LastTimestamp in the core/v1 list', () => {
  it.each(VERSIONS)('Scheduled is the first row even above 12 rows, where pdqsort reorders same-second ties (%s)', (version) => {
    const trace = traceOf(`apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
  - {name: app, image: busybox:1.36, command: [sh, -c, "sleep 4; exit 3"]}
  - name: web
    image: nginx:1.27
    lifecycle: {postStart: {exec: {command: [ls, --a]}}}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  web: {postStart: {exitCode: 1}}
`);
    const rows = describeEventLog(trace, 60, POD).rows;
    expect(rows.length).toBeGreaterThan(12);
    expect(rows[0]!.reason).toBe('Scheduled');
    expect(rows.filter((r) => r.reason === 'Scheduled')).toHaveLength(1);
  });
});

describe('TestHumanDuration and TestHumanDurationBoundaries (apimachinery duration_test.go), the rows humanDuration.test.ts lacks', () => {
  const S = 1;
  const M = 60;
  const H = 3600;
  const D = 24 * H;
  const Y = 365 * D;
  const MS = 0.001;
  it.each<[string, number, string]>([
    // TestHumanDuration
    ['time.Second', S, '1s'],
    ['70 * time.Second', 70 * S, '70s'],
    ['190 * time.Second', 190 * S, '3m10s'],
    ['70 * time.Minute', 70 * M, '70m'],
    ['49 * time.Hour', 49 * H, '2d1h'],
    ['(8*24 + 2) * time.Hour', (8 * 24 + 2) * H, '8d'],
    ['(367 * 24) * time.Hour', 367 * D, '367d'],
    ['(365*2*24 + 25) * time.Hour', (365 * 2 * 24 + 25) * H, '2y1d'],
    ['(365*8*24 + 2) * time.Hour', (365 * 8 * 24 + 2) * H, '8y'],
    // TestHumanDurationBoundaries
    ['-2 * time.Second', -2 * S, '<invalid>'],
    ['-2*time.Second + 1', -2 * S + 1e-9, '0s'],
    ['2*time.Minute - time.Millisecond', 2 * M - MS, '119s'],
    ['2*time.Minute + time.Second', 2 * M + S, '2m1s'],
    ['10*time.Minute - time.Millisecond', 10 * M - MS, '9m59s'],
    ['10*time.Minute + time.Second', 10 * M + S, '10m'],
    ['3*time.Hour - time.Millisecond', 3 * H - MS, '179m'],
    ['3*time.Hour + time.Minute', 3 * H + M, '3h1m'],
    ['8*time.Hour - time.Millisecond', 8 * H - MS, '7h59m'],
    ['8 * time.Hour', 8 * H, '8h'],
    ['8*time.Hour + 59*time.Minute', 8 * H + 59 * M, '8h'],
    ['2*24*time.Hour - time.Millisecond', 2 * D - MS, '47h'],
    ['2*24*time.Hour + time.Hour', 2 * D + H, '2d1h'],
    ['8*24*time.Hour - time.Millisecond', 8 * D - MS, '7d23h'],
    ['8 * 24 * time.Hour', 8 * D, '8d'],
    ['8*24*time.Hour + 23*time.Hour', 8 * D + 23 * H, '8d'],
    ['2*365*24*time.Hour - time.Millisecond', 2 * Y - MS, '729d'],
    ['2 * 365 * 24 * time.Hour', 2 * Y, '2y'],
    ['2*365*24*time.Hour + 23*time.Hour', 2 * Y + 23 * H, '2y'],
    ['2*365*24*time.Hour + 23*time.Hour + 59*time.Minute', 2 * Y + 23 * H + 59 * M, '2y'],
    ['2*365*24*time.Hour + 24*time.Hour - time.Millisecond', 2 * Y + D - MS, '2y'],
    ['2*365*24*time.Hour + 24*time.Hour', 2 * Y + D, '2y1d'],
    ['3 * 365 * 24 * time.Hour', 3 * Y, '3y'],
    ['4 * 365 * 24 * time.Hour', 4 * Y, '4y'],
    ['5 * 365 * 24 * time.Hour', 5 * Y, '5y'],
    ['6 * 365 * 24 * time.Hour', 6 * Y, '6y'],
    ['7 * 365 * 24 * time.Hour', 7 * Y, '7y'],
    ['8*365*24*time.Hour - time.Millisecond', 8 * Y - MS, '7y364d'],
    ['8 * 365 * 24 * time.Hour', 8 * Y, '8y'],
    ['8*365*24*time.Hour + 364*24*time.Hour', 8 * Y + 364 * D, '8y'],
  ])('%s (%s s) → %s', (_name, seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });
});
