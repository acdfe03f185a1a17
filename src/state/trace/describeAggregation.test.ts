// [10.7] The describe panel's events after client-go's EventAggregate (events_cache.go, stored
// 00080d40, the same in client-go v0.34.3: every kubelet the page models, 1.27-1.37), seen through
// the kubelet: the aggregate key has no fieldPath, so the containers of a pod are one group; the
// aggregate event is patched with each new message but keeps the involvedObject of its first write
// (eventObserve's patch: count, lastTimestamp, message), which a 1.35+ kubectl prints first
// ([10.6] describedMessage); and a kubelet that starts again has a new recorder
// (makeEventRecorder), so a new correlator with no aggregate sets.

import { describe, expect, it } from 'vitest';
import { describeEventLog } from './describeEvents';
import { AGGREGATE_MESSAGE_PREFIX, DEFAULT_AGGREGATE_MAX_EVENTS } from './eventAggregator';
import { POD, VERSIONS, minor, probePod, readinessFailures, rowsOf, traceOf } from './upstreamEvents.testkit';

const status = (code: number) => `Readiness probe failed: HTTP probe failed with statuscode: ${code}`;
const inContainer = (container: string, message: string, version: (typeof VERSIONS)[number]) =>
  (minor(version) >= 35 ? `spec.containers{${container}}: ${message}` : message);

describe('EventAggregatorByReasonFunc: one group for the pod\'s containers (events_cache.go)', () => {
  // container a fails with 9 codes, then b with a 10th, then a with an 11th, 20 s apart
  const plan = [...Array.from({ length: 9 }, (_, i) => ['a', 500 + i] as const), ['b', 509] as const, ['a', 510] as const];
  const text = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
  - {name: a, image: nginx, readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10, failureThreshold: 1000}}
  - {name: b, image: nginx, readinessProbe: {httpGet: {path: /, port: 81}, periodSeconds: 10, failureThreshold: 1000}}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 260s
events:
${plan.map(([c, code], i) => `- {at: ${10 + 20 * i}s, container: ${c}, do: failReadiness, for: 5s, statusCode: ${code}}`).join('\n')}
`;

  it.each(VERSIONS)('the 10th message, from another container, is combined; the 11th, from the first, counts on it with its own message and the fieldPath of the first write (%s) [10.7] [10.6]', (version) => {
    const trace = traceOf(text(version));
    const failures = readinessFailures(trace);
    expect(failures.map((f) => `${f.container} ${f.output}`)).toEqual(plan.map(([c, code]) => `${c} HTTP probe failed with statuscode: ${code}`));
    const [tenth, eleventh] = [failures[DEFAULT_AGGREGATE_MAX_EVENTS - 1]!, failures[DEFAULT_AGGREGATE_MAX_EVENTS]!];
    const atTenth = rowsOf(describeEventLog(trace, tenth.t + 1, POD).rows, 'Unhealthy');
    expect(atTenth.at(-1)).toMatchObject({ message: inContainer('b', AGGREGATE_MESSAGE_PREFIX + status(509), version), count: 1, first: tenth.t });
    const rows = rowsOf(describeEventLog(trace, eleventh.t + 1, POD).rows, 'Unhealthy');
    expect(rows.map((r) => `${r.message} x${r.count}`)).toEqual([
      ...plan.slice(0, 9).map(([c, code]) => `${inContainer(c, status(code), version)} x1`),
      `${inContainer('b', AGGREGATE_MESSAGE_PREFIX + status(510), version)} x2`,
    ]);
    expect(rows.at(-1)).toMatchObject({ first: tenth.t, t: eleventh.t });
  });
});

describe('EventAggregate per kubelet process (makeEventRecorder: a restarted kubelet\'s new correlator)', () => {
  const codes = [500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510];
  const scenario = (version: (typeof VERSIONS)[number], restart: boolean) => probePod({
    version, periodSeconds: 10, until: 260, windows: codes.map((c, i) => ({ at: 10 + 20 * i, for: 5, statusCode: c })),
    extraEvents: restart ? ['- {at: 175s, do: restartKubelet}'] : [],
  });

  it.each(VERSIONS)('9 messages, a kubelet restart, then 2 more: plain events of the new kubelet, none combined; without the restart the 10th and 11th are (%s) [10.7]', (version) => {
    for (const restart of [false, true]) {
      const trace = traceOf(scenario(version, restart));
      const failures = readinessFailures(trace);
      expect(failures.map((f) => f.output), `restart: ${restart}`).toEqual(codes.map((c) => `HTTP probe failed with statuscode: ${c}`));
      const restartedAt = trace.events.find((e) => e.type === 'node.kubeletStarted')?.t;
      if (restart) expect(restartedAt).toBeLessThan(failures[9]!.t);
      const rows = rowsOf(describeEventLog(trace, failures.at(-1)!.t + 1, POD).rows, 'Unhealthy');
      const combined = rows.filter((r) => r.message.includes(AGGREGATE_MESSAGE_PREFIX));
      expect(combined.map((r) => r.count), `restart: ${restart}`).toEqual(restart ? [] : [2]);
      expect(rows, `restart: ${restart}`).toHaveLength(restart ? codes.length : DEFAULT_AGGREGATE_MAX_EVENTS);
    }
  });
});
