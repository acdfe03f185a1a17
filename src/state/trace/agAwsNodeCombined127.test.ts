// The tenth distinct Unhealthy message of a pod combined into one event, as an EKS 1.27 node wrote
// it: a blog post "Troubleshooting Amazon VPC CNI Update in EKS 1.27" (search-index file
// 33168279082, no repository named; the same listing in files 33764875561 and 33937799365), the
// describe of an aws-node pod after a VPC CNI update whose IRSA role was misconfigured, 2025-02-20.
// Published (the whole listing is in agAwsNode127.testkit.ts; the probe's JSON shortened here):
//
//   Normal   Scheduled  112s               default-scheduler  Successfully assigned kube-system/aws-node-qx287 to ip-192-168-2-155.ec2.internal
//   ... the init container's Pulling/Pulled/Created/Started at 112s, aws-node's and aws-eks-nodeagent's seven rows at 110s ...
//   Warning  Unhealthy  104s               kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:28.300Z",...,"msg":"timeout: failed to connect service \":50051\" within 5s"}
//   ... Readiness at 99s, 94s, 87s, 77s, 67s, 57s, 47s, each with its own ts ...
//   Warning  Unhealthy  37s                kubelet            Liveness probe failed: {"level":"info","ts":"2025-02-20T18:05:35.595Z",...}
//   Warning  Unhealthy  17s (x4 over 37s)  kubelet            (combined from similar events): Liveness probe failed: {"level":"info","ts":"2025-02-20T18:05:55.576Z",...}
//   Normal   Killing    17s                kubelet            Container aws-node failed liveness probe, will be restarted
//
// Version: EKS 1.27, stated in the post's title, and the listing's own wording agrees: durations
// untruncated (`in 145.717297ms`, 1.27 only, [10.6]), `Created container X` (up to 1.31), no
// `spec.containers{…}: ` prefix (kubectl before 1.35). Run at 1.27.
// What the listing shows ([10.7], client-go's EventCorrelator): grpc-health-probe logs a JSON line
// with a timestamp, so every failed run of either probe is an Unhealthy event with a message of its
// own; the group (the pod, Warning, Unhealthy) reaches its tenth distinct message within 600 s at
// 37s, and that event becomes "(combined from similar events): …", a new event whose later
// occurrences (new messages all) count on it and patch in their message: x4 over 37s, the last one
// the liveness run of 17s; nine plain rows before it (eight readiness runs and the first liveness
// run). And the spam filter ([10.7]): the kubelet rows' counts add up to 25, its burst, the last of
// them the Killing at 17s; the container was restarted then, but no Pulled, Created or Started of
// that restart made it to the API server.
// Given: the VPC CNI's probes, from its manifest (aws-k8s-cni.yaml, search-index file 66053288600,
// and a v1.12.5 describe, 40681841250): exec `/app/grpc-health-probe -addr=:50051
// -connect-timeout=5s -rpc-timeout=5s`, liveness delay 60 s, readiness delay 1 s, both timeout 10 s,
// period 10 s, failureThreshold 3; every run fails after its 5 s connect timeout (the ts of
// consecutive readiness rows are 5 s apart when a run starts as the previous one ends); the two
// pulls of 146 ms and 132 ms (the listing's); aws-node's image present; the init container's 1 s
// (fitted: aws-node started 2 s after the scheduling). Each failed run's output, which the engine
// does not word for an exec probe ([5.13]), is set on the trace as grpc-health-probe's JSON line
// with the run's end as its ts (agAwsNode127.testkit.ts probeOutput): distinct per run, as on the node.
// Checked where the engine agrees: the readiness runs' ages, exact (but for the fourth, below);
// the liveness runs and the kill; the combined row's place (after nine plain rows), message, age and
// "over"; the 25-event burst and the restart's missing rows.
// Agrees since session 38 ([0.2]: a liveness update syncs the pod only when it is a Failure): the
// readiness runs at 104s, 99s, 94s and 87s (the engine printed 89s and 84s, from a sync at the
// liveness worker's initial Success). Disagrees (left out): the pod worker's periodic resync after
// the sync at 4 s comes 60-90 s later; at the engine's default draw (60 s) its status triggers one
// more readiness run, failing 42s ago, so the engine prints nine plain Readiness rows (the node
// eight and one Liveness) and the combined row x5 (x4); with a draw of 0.87 or more (a resync at
// 90 s or later) the plain rows are the node's, and the combined row then ends on the tie below.
// The engine's 25th kubelet event is the last liveness failure, so the Killing is the one dropped.
// At 17s the engine records the readiness run that ended at the same instant before the Killing;
// the node's Killing came first and that readiness failure was dropped (a race of a few
// milliseconds on the node).
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import type { TraceEvent } from '../../engine/trace';
import { ageText, describeEventLog, type DescribeRow } from './describeEvents';
import { AGGREGATE_MESSAGE_PREFIX, DEFAULT_AGGREGATE_MAX_EVENTS } from './eventAggregator';
import { LISTING_AT, POD, PUBLISHED, traceWithOutputs } from './agAwsNode127.testkit';

const VERSION = '1.27';
const trace = traceWithOutputs(VERSION);
const log = describeEventLog(trace, LISTING_AT, POD);
const rows = log.rows;
const unhealthy = rows.filter((r) => r.reason === 'Unhealthy');
const combined = (r: Pick<DescribeRow, 'message'>) => r.message.startsWith(AGGREGATE_MESSAGE_PREFIX);
const ageOf = (r: DescribeRow) => LISTING_AT - apiSecond(r.t);
type Failed = Extract<TraceEvent, { type: 'probe.failed' }>;
const failures = (probe: Failed['probe']) => trace.events.filter((e): e is Failed => e.type === 'probe.failed' && e.probe === probe && e.t <= LISTING_AT);
const kill = trace.events.find((e): e is Extract<TraceEvent, { type: 'container.kill' }> => e.type === 'container.kill')!;

describe('transcript: aws-node on EKS 1.27, every probe run a message of its own (describe at 112 s)', () => {
  it('the start-up rows as published: the scheduler\'s, then the init container\'s at 112s and the two containers\' seven at 110s (1.27 wording) [10.6]', () => {
    const startup = PUBLISHED.slice(0, 12);
    expect(rows.slice(0, 12).map((r) => `${r.reason} ${ageText(r, LISTING_AT)}`)).toEqual(startup.map((p) => `${p.reason} ${p.age}s`));
    rows.slice(1, 12).forEach((r, i) => {
      const p = startup[i + 1]!;
      // the pulls' durations are the node's registry's (given to the engine to the millisecond)
      const text = p.message.startsWith('Successfully pulled image') ? p.message.slice(0, p.message.indexOf('" in ') + 5) : p.message;
      expect(r.message.startsWith(text), `${r.message} / ${text}`).toBe(true);
    });
    expect(rows[0]!.message.startsWith(`Successfully assigned kube-system/${POD} to `)).toBe(true);
  });

  it('each readiness run the ticker started fails 5 s into it, at 77s, 67s, 57s and 47s, exactly; the first four at 104s, 99s, 94s and 87s, as published (no sync at the liveness worker\'s initial Success, [0.2]) [5.2] [5.9] [5.13]', () => {
    const ages = failures('readiness').map((e) => LISTING_AT - apiSecond(e.t));
    for (const age of [77, 67, 57, 47]) expect(ages, String(age)).toContain(age);
    expect(ages.slice(0, 8)).toEqual([104, 99, 94, 87, 77, 67, 57, 47]);
  });

  it('the liveness runs fail at 37s, 27s and 17s, and the third kills the container (failureThreshold 3) [5.4] [5.13]', () => {
    expect(failures('liveness').map((e) => LISTING_AT - apiSecond(e.t))).toEqual([37, 27, 17]);
    expect(LISTING_AT - apiSecond(kill.t)).toBe(17);
    expect(kill.message).toBe(PUBLISHED.at(-1)!.message);
  });

  it('the tenth distinct message is combined: nine plain Unhealthy rows, then one "(combined from similar events)" row, first seen 37s ago, last 17s ago with the last liveness run\'s message [10.7]', () => {
    const plain = unhealthy.filter((r) => !combined(r));
    const publishedPlain = PUBLISHED.filter((p) => p.reason === 'Unhealthy' && !combined(p));
    expect(plain).toHaveLength(DEFAULT_AGGREGATE_MAX_EVENTS - 1);
    expect(publishedPlain).toHaveLength(DEFAULT_AGGREGATE_MAX_EVENTS - 1);
    expect(plain.every((r) => r.count === 1 && new Set(plain.map((q) => q.message)).size === plain.length)).toBe(true);
    const ours = unhealthy.filter(combined);
    expect(ours).toHaveLength(1);
    const row = ours[0]!;
    const published = PUBLISHED.find(combined)!;
    expect(unhealthy.at(-1)).toBe(row);
    expect(row.type).toBe('Warning');
    expect(row.message).toBe(`${AGGREGATE_MESSAGE_PREFIX}Liveness probe failed: ${failures('liveness').at(-1)!.output}`);
    expect(published.message.startsWith(`${AGGREGATE_MESSAGE_PREFIX}Liveness probe failed: {"level":"info","ts":`)).toBe(true);
    expect(ageOf(row)).toBe(published.age);
    expect(LISTING_AT - apiSecond(row.first)).toBe(published.over);
  });

  it('the spam filter\'s burst: the kubelet rows count 25 events in all, as published, and the restart after the kill writes no row [10.7]', () => {
    const kubelet = rows.filter((r) => r.from === 'kubelet');
    expect(kubelet.reduce((n, r) => n + r.count, 0)).toBe(25);
    expect(PUBLISHED.filter((p) => p.from === 'kubelet').reduce((n, p) => n + p.count, 0)).toBe(25);
    const restart = trace.events.find((e) => e.type === 'container.start' && e.container === 'aws-node' && e.t > kill.t)!;
    expect(restart.t).toBeLessThan(LISTING_AT);
    expect(kubelet.every((r) => r.t <= kill.t)).toBe(true);
    expect(log.skipped).toBeGreaterThan(0);
    expect(PUBLISHED.every((p) => p.age >= 17)).toBe(true);
  });
});
