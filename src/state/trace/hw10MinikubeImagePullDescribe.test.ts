// A homework write-up, "Task 3.6 ImagePullBackOff" (search-index file 68911393058, no repository
// named; namespace hw10 on minikube, dates of September 2026 in its other dumps): a pod whose one
// container `broken` names `nginx:this-tag-does-not-exist-999` (a tag that does not exist, so
// imagePullPolicy IfNotPresent and every pull fails), described 3m31s after its scheduling:
//
//   Normal   Scheduled  3m31s                default-scheduler  Successfully assigned hw10/state-imagepull to minikube
//   Normal   Pulling    32s (x5 over 3m31s)  kubelet            spec.containers{broken}: Pulling image "nginx:this-tag-does-not-exist-999"
//   Warning  Failed     30s (x5 over 3m29s)  kubelet            spec.containers{broken}: Failed to pull image "nginx:this-tag-does-not-exist-999": rpc error: code = NotFound desc = …: not found
//   Warning  Failed     30s (x5 over 3m29s)  kubelet            spec.containers{broken}: Error: ErrImagePull
//   Normal   BackOff    5s (x12 over 3m28s)  kubelet            spec.containers{broken}: Back-off pulling image "nginx:this-tag-does-not-exist-999"
//   Warning  Failed     5s (x12 over 3m28s)  kubelet            spec.containers{broken}: Error: ImagePullBackOff
//
// Version: not printed; the `spec.containers{…}: ` prefix is kubectl 1.35's (#133627) and the same
// write-up's other dumps print "… and can be accessed by the pod" and `Container created`, a 1.35+
// kubelet's ([10.6]). Run at 1.35, 1.36, 1.37.
// Given: every pull fails, with the registry's error as published (failPull's `message`). Not
// modelled: the registry's time to answer (the node's Failed rows come 2 s after their Pulling;
// the engine's failure takes a fixed instant) and a new jitter draw at every requeue ([4.6]: the
// pod worker's back-off requeue, which paces both the pulls after a back-off and the BackOff
// rows in between); the engine takes one draw, `requeueJitter`.
// Checked: the five pulls (x5, every draw), the fifth 32 s before the dump at the mean draw (0.5);
// every row's message word for word; the rows' order; the first occurrences' ages; the BackOff
// pair written together (same count and age), x12 at a draw between the engine's extremes, and
// the published 12 within the counts the draws give (x10 at the latest, more at the earliest).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents, type DescribeRow } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const POD = 'state-imagepull';
const IMAGE = 'nginx:this-tag-does-not-exist-999';
const REGISTRY_ERROR = `rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/${IMAGE}": failed to resolve reference "docker.io/library/${IMAGE}": docker.io/library/${IMAGE}: not found`;
const scenario = (version: string, jitter: number) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, namespace: hw10 }
spec:
  containers:
    - name: broken
      image: ${IMAGE}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 215s
requeueJitter: ${jitter}
events:
  - { at: 0s, container: broken, do: failPull, for: 1h, message: '${REGISTRY_ERROR}' }
`;

const PUBLISHED = String.raw`
  Normal   Pulling    32s (x5 over 3m31s)  kubelet            spec.containers{broken}: Pulling image "${IMAGE}"
  Warning  Failed     30s (x5 over 3m29s)  kubelet            spec.containers{broken}: Failed to pull image "${IMAGE}": ${REGISTRY_ERROR}
  Warning  Failed     30s (x5 over 3m29s)  kubelet            spec.containers{broken}: Error: ErrImagePull
  Normal   BackOff    5s (x12 over 3m28s)  kubelet            spec.containers{broken}: Back-off pulling image "${IMAGE}"
  Warning  Failed     5s (x12 over 3m28s)  kubelet            spec.containers{broken}: Error: ImagePullBackOff
`.trim().split('\n').map(publishedEvent);

const VERSIONS = ['1.35', '1.36', '1.37'];
const DESCRIBED_AT = 211;

const kubeletRows = (version: string, jitter: number): DescribeRow[] =>
  describeEvents(runScenario(scenario(version, jitter)).trace!, DESCRIBED_AT, POD).filter((r) => r.from === 'kubelet');
const row = (rows: DescribeRow[], message: string) => rows.find((r) => r.message === message)!;

describe('transcript: hw10 on minikube, a tag that does not exist, described at 3m31s', () => {
  it.each(VERSIONS)('pulls five times, the fifth 32 s before the dump, each failing with the registry\'s error (%s) [4.6] [10.2] [10.6]', (version) => {
    for (const jitter of [0, 0.5, 1]) {
      const rows = kubeletRows(version, jitter);
      for (const p of PUBLISHED.slice(0, 3)) expect(row(rows, p.message)?.count, `${p.message} at ${jitter}`).toBe(5);
    }
    const rows = kubeletRows(version, 0.5);
    // The Pulling row's age and both "over"s; the Failed rows' last age is the registry's 2 s off.
    expectPublishedEvent(rows, PUBLISHED[0]!, DESCRIBED_AT);
    for (const p of PUBLISHED.slice(1, 3)) expectPublishedEvent(rows, p, DESCRIBED_AT, { age: false });
  });

  it.each(VERSIONS)('writes Back-off pulling image and Error: ImagePullBackOff together, x12 within the requeue\'s jitter (%s) [10.7] [10.9]', (version) => {
    const counts = [0, 0.5, 0.7, 1].map((jitter) => {
      const rows = kubeletRows(version, jitter);
      const backOff = row(rows, PUBLISHED[3]!.message);
      const failed = row(rows, PUBLISHED[4]!.message);
      expect(backOff.type).toBe('Normal');
      expect(failed.type).toBe('Warning');
      // Both written at every refused sync: the same series.
      if (jitter > 0) expect(ageText(failed, DESCRIBED_AT)).toBe(ageText(backOff, DESCRIBED_AT));
      expect(Math.abs(DESCRIBED_AT - Math.floor(backOff.first) - 208)).toBeLessThanOrEqual(1);
      return backOff.count;
    });
    expect(Math.min(...counts)).toBeLessThanOrEqual(12);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(12);
    // At a draw of 0.7 the pair prints as published, `5s (x12 over 3m28s)`, within kubectl's second.
    const rows = kubeletRows(version, 0.7);
    for (const p of PUBLISHED.slice(3)) expectPublishedEvent(rows, p, DESCRIBED_AT);
  });

  it.each(VERSIONS)('lists the rows in the published order (%s) [10.7]', (version) => {
    const rows = kubeletRows(version, 0.5);
    expect(rows.map((r) => r.message)).toEqual(PUBLISHED.map((p) => p.message));
  });
});
