// A GitOps course's "final troubleshooting challenge" evidence (executed 2026-10-07 on minikube,
// output "verbatim"; the search index's file 71468464623, no repository named), Issue 2: a release
// bumped the Deployment's tag to yatri-trips:1.1.0, never built, in the lab registry
// host.minikube.internal:5000 (pullPolicy IfNotPresent):
//
//   $ kubectl -n yatri get pods -l app.kubernetes.io/name=yatri-trips
//   yatri-trips-6c8f6b6485-hgwdw   0/1     ImagePullBackOff   0          23s
//
//   $ kubectl -n yatri describe pod yatri-trips-6c8f6b6485-hgwdw | sed -n '/^Events:/,$p' | grep -E 'Failed|BackOff' | head -3
//     Normal   BackOff    22s                kubelet            spec.containers{api}: Back-off pulling image "host.minikube.internal:5000/yatri-trips:1.1.0"
//     Warning  Failed     22s                kubelet            spec.containers{api}: Error: ImagePullBackOff
//     Warning  Failed     11s (x2 over 23s)  kubelet            spec.containers{api}: Failed to pull image "host.minikube.internal:5000/yatri-trips:1.1.0": rpc error: code = NotFound desc = failed to pull and unpack image "host.minikube.internal:5000/yatri-trips:1.1.0": failed to resolve reference "host.minikube.internal:5000/yatri-trips:1.1.0": host.minikube.internal:5000/yatri-trips:1.1.0: not found
//
// Version: not printed; the `spec.containers{api}: ` prefix is kubectl 1.35's (#133627, [10.6]), and
// minikube in October 2026: run at 1.35, 1.36, 1.37.
// Time of the dump: not printed. The describe ran right after the get (AGE 23s), so it is taken at
// 24 s; the Failed row's "over 23s" then dates the first failed pull 1 s after the pod's creation.
// Given: every pull fails (failPull), in the engine's default 0.5 s (a local registry answering
// NotFound: the first Failed and the BackOff a second apart, as published). Not modelled: a new
// jitter draw at every requeue ([4.6]); the engine takes one, `requeueJitter`.
// Checked: `Failed to pull image` x2 strictly, the first 23 s before the dump (within kubectl's 1 s),
// the second (published 11 s ago) between the engine's earliest and latest requeues; BackOff and
// `Error: ImagePullBackOff` once, 22 s before the dump (the sync a second after the first failed
// pull, [10.9]), the count between the engine's at jitter 0 and 1; the messages, kubectl's prefix
// included (the runtime's error text after `Failed to pull image "X": ` is not the engine's); the
// three rows the published grep | head -3 keeps, in kubectl's order (by last time); the
// ImagePullBackOff status at AGE 23s, which only the later requeues give (at jitter 0 the second
// failed pull's ErrImagePull is already written at 22.5 s).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { publishedRow, rowAt, simulatedRows } from '../../engine/kubectl/transcripts/watch.testkit';
import { describeEvents, type DescribeRow } from './describeEvents';
import { ageAt, publishedEvent, type PublishedEvent } from './publishedEvents.testkit';

const POD = 'yatri-trips-6c8f6b6485-hgwdw';
const IMAGE = 'host.minikube.internal:5000/yatri-trips:1.1.0';
const scenario = (version: string, jitter: number) => `apiVersion: v1
kind: Pod
metadata:
  name: ${POD}
  namespace: yatri
  labels:
    app.kubernetes.io/name: yatri-trips
spec:
  containers:
  - name: api
    image: ${IMAGE}
    imagePullPolicy: IfNotPresent
    resources:
      requests: { cpu: 100m, memory: 96Mi }
      limits: { cpu: 500m, memory: 256Mi }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
requeueJitter: ${jitter}
events:
  - { at: 0s, container: api, do: failPull, for: 1h }
`;

const JITTERS = [
  0,
  0.5,
  1,
];
/** The average and the latest requeues. */
const LATER_JITTERS = [
  0.5,
  1,
];
const VERSIONS = ['1.35', '1.36', '1.37'];
const getRow = publishedRow('yatri-trips-6c8f6b6485-hgwdw   0/1     ImagePullBackOff   0          23s');
const dumpAt = getRow.t + 1; // the describe, run right after the get

const PUBLISHED = [
  '  Normal   BackOff    22s                kubelet            spec.containers{api}: Back-off pulling image "host.minikube.internal:5000/yatri-trips:1.1.0"',
  '  Warning  Failed     22s                kubelet            spec.containers{api}: Error: ImagePullBackOff',
  '  Warning  Failed     11s (x2 over 23s)  kubelet            spec.containers{api}: Failed to pull image "host.minikube.internal:5000/yatri-trips:1.1.0": rpc error: code = NotFound desc = failed to pull and unpack image "host.minikube.internal:5000/yatri-trips:1.1.0": failed to resolve reference "host.minikube.internal:5000/yatri-trips:1.1.0": host.minikube.internal:5000/yatri-trips:1.1.0: not found',
].map(publishedEvent);
const [backOff, imagePullBackOff, failedPull] = PUBLISHED as [PublishedEvent, PublishedEvent, PublishedEvent];
const PULL_PREFIX = `spec.containers{api}: Failed to pull image "${IMAGE}": `;

const rowsAt = (version: string, jitter: number) => describeEvents(runScenario(scenario(version, jitter)).trace!, dumpAt, POD);
const failedPullRow = (rows: DescribeRow[]) => rows.find((r) => r.message.startsWith(PULL_PREFIX))!;
const ageOf = (t: number) => ageAt(dumpAt, t);

describe('transcript: a GitOps course on minikube (October 2026), a Deployment whose new tag was never built', () => {
  it.each(VERSIONS)('counts `Failed to pull image` x2, the first 23 s and the second 11 s before the dump within the requeue jitter (%s) [10.6] [4.6]', (version) => {
    const ours = JITTERS.map((jitter) => failedPullRow(rowsAt(version, jitter)));
    for (const row of ours) {
      expect(row.type).toBe(failedPull.type);
      expect(row.reason).toBe(failedPull.reason);
      expect(failedPull.message.startsWith(PULL_PREFIX)).toBe(true);
      expect(row.count).toBe(failedPull.count);
      expect(Math.abs(ageOf(row.first) - failedPull.over!)).toBeLessThanOrEqual(1);
    }
    const publishedLast = dumpAt - failedPull.age;
    expect(ours[0]!.t).toBeLessThanOrEqual(publishedLast);
    expect(ours[2]!.t).toBeGreaterThanOrEqual(publishedLast);
  });

  it.each(VERSIONS)('writes BackOff and `Error: ImagePullBackOff` once, 22 s before the dump, a second after the first failed pull (%s) [10.9]', (version) => {
    const counts: number[] = [];
    for (const jitter of JITTERS) {
      const rows = rowsAt(version, jitter);
      for (const published of [backOff, imagePullBackOff]) {
        const row = rows.find((r) => r.message === published.message)!;
        expect([row.type, row.reason]).toEqual([published.type, published.reason]);
        expect(Math.abs(ageOf(row.first) - published.age)).toBeLessThanOrEqual(1);
        counts.push(row.count);
      }
      const [ours, theirs] = [rows.find((r) => r.message === backOff.message)!, failedPullRow(rows)];
      expect(Math.abs((ours.first - theirs.first) - (failedPull.over! - backOff.age))).toBeLessThanOrEqual(1);
    }
    // jitter 0, 0.5, 1, each BackOff then ImagePullBackOff: the published count between the extremes
    expect(Math.min(counts[0]!, counts[4]!)).toBeLessThanOrEqual(backOff.count);
    expect(Math.max(counts[0]!, counts[4]!)).toBeGreaterThanOrEqual(backOff.count);
    expect(Math.min(counts[1]!, counts[5]!)).toBeLessThanOrEqual(imagePullBackOff.count);
    expect(Math.max(counts[1]!, counts[5]!)).toBeGreaterThanOrEqual(imagePullBackOff.count);
  });

  it.each(VERSIONS)('keeps the published three rows, in kubectl\'s order, through `grep -E \'Failed|BackOff\' | head -3` at the later requeues (%s) [10.9]', (version) => {
    for (const jitter of LATER_JITTERS) {
      const kept = rowsAt(version, jitter).filter((r) => /Failed|BackOff/.test(`${r.type} ${r.reason} ${r.message}`)).slice(0, 3);
      expect(kept.map((r) => [r.type, r.reason, r.count])).toEqual(PUBLISHED.map((p) => [p.type, p.reason, p.count]));
      // the single rows' ages within kubectl's 1 s; the third's is the requeue's (first test)
      for (const i of [0, 1]) expect(Math.abs(ageOf(kept[i]!.t) - PUBLISHED[i]!.age)).toBeLessThanOrEqual(1);
      expect(kept[0]!.message).toBe(backOff.message);
      expect(kept[1]!.message).toBe(imagePullBackOff.message);
      expect(kept[2]!.message.startsWith(PULL_PREFIX)).toBe(true);
    }
  });

  it.each(VERSIONS)('prints `0/1 ImagePullBackOff 0` at AGE 23s with the average and latest requeues (%s) [10.2] [14.3]', (version) => {
    for (const jitter of LATER_JITTERS) {
      expect(rowAt(simulatedRows(scenario(version, jitter)), getRow.t)).toEqual({ ready: getRow.ready, status: getRow.status, restarts: getRow.restarts });
    }
  });
});
