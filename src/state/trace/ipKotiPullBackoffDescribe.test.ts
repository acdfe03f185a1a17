// Koti Vellanki, "ImagePullBackOff in Kubernetes: The Timer on Top of the Error" (koti.dev, Mastering
// Kubernetes the Right Way, day 04, 2026-03-23; https://koti.dev/posts/image-pull-backoff): a pod whose
// one container names `non-existent-image` (no tag: `:latest`, so imagePullPolicy Always):
//
//   image-pull-backoff-pod   0/1   ImagePullBackOff   0   2m15s
//   Events:
//     Normal   Pulling  45s (x4 over 2m15s)  kubelet  Pulling image "non-existent-image"
//     Warning  Failed   44s (x4 over 2m14s)  kubelet  Failed to pull image "non-existent-image": rpc error: code = NotFound desc = … not found
//     Warning  Failed   44s (x4 over 2m14s)  kubelet  …
//
// and a screenshot's caption: `kubectl get po` "showing the pod with status ErrImagePull, READY 0/1,
// RESTARTS 0, AGE 6s".
// Version: not printed; the describe rows carry no `spec.containers{nginx}:` prefix, which kubectl
// prints from 1.35 (#133627, [10.6]), so a 1.34 or older kubectl; run at 1.31, 1.33, 1.34. The
// describe is read as printed right after the 2m15s row (the Pulling row's "over 2m15s" is the pod's
// age there too).
// Given: every pull fails (failPull), in the engine's default 0.5 s (published: Failed a second after
// Pulling). Not modelled: a new jitter draw at every requeue ([4.6]); the engine takes one,
// `requeueJitter`, 0.5 the average.
// Checked: the rows strictly; Pulling x4 at 2m15s at every jitter, no fifth pull yet (the back-off is
// 80 s by then), the first pull at the pod's start, the fourth 45 s before the dump within 2 s at
// jitter 0.5 and between the engine's earliest and latest requeues.
// Not checked: the `Failed to pull image` and `Error: ErrImagePull` rows' ages. They were a
// disagreement (no such row; the error dated at the next status write), fixed in session 31: both
// are now written at each failed pull, as upstream's EnsureImageExists and startContainer do.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { publishedRow, rowAt, simulatedRows } from '../../engine/kubectl/transcripts/watch.testkit';
import { describeEvents } from './describeEvents';

const POD = 'image-pull-backoff-pod';
const scenario = (version: string, jitter: number) => `apiVersion: v1
kind: Pod
metadata:
  name: ${POD}
spec:
  containers:
  - name: nginx
    image: non-existent-image
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 140s
requeueJitter: ${jitter}
events:
  - { at: 0s, container: nginx, do: failPull, for: 1h }
`;

const VERSIONS = ['1.31', '1.33', '1.34'];
const dumpRow = publishedRow('image-pull-backoff-pod   0/1   ImagePullBackOff   0   2m15s');
const dumpAt = dumpRow.t;

describe('transcript: koti.dev day 04 (March 2026), a container whose image does not exist', () => {
  it.each(VERSIONS)('prints `0/1 ErrImagePull 0` at 6 s and `0/1 ImagePullBackOff 0` at 2m15s (%s) [10.2] [14.3]', (version) => {
    const ours = simulatedRows(scenario(version, 0.5));
    expect(rowAt(ours, 6)).toEqual({ ready: '0/1', status: 'ErrImagePull', restarts: '0' });
    expect(rowAt(ours, dumpAt)).toEqual({ ready: dumpRow.ready, status: dumpRow.status, restarts: dumpRow.restarts });
  });

  it.each(VERSIONS)('counts Pulling x4 over 2m15s, the last 45 s before the dump (%s) [4.5] [4.6]', (version) => {
    const pulling = (jitter: number) => describeEvents(runScenario(scenario(version, jitter)).trace!, dumpAt, POD)
      .find((r) => r.reason === 'Pulling')!;
    const fourthPull = dumpAt - 45;
    for (const jitter of [0, 0.5, 1]) {
      const row = pulling(jitter);
      expect(row.message).toBe('Pulling image "non-existent-image"');
      expect(row.count).toBe(4);
      expect(Math.abs(dumpAt - Math.floor(row.first) - 135)).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(Math.floor(pulling(0.5).t) - fourthPull)).toBeLessThanOrEqual(2);
    expect(pulling(0).t).toBeLessThanOrEqual(fourthPull);
    expect(pulling(1).t).toBeGreaterThanOrEqual(fourthPull);
  });
});
