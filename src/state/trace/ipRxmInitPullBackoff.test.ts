// RX-M's CKAD self-study, module 5 drill (github.com/RX-M/web-public,
// self-study/ckad-mod-5/ckad-mod-5-drill-answer.md, the July 2024 revision; the search index's file
// 18288374940): the pod of RX-M/bust-a-kube workload-1/problem.yaml, whose init container names the
// image `alpinelatest` (no tag, so `:latest` and imagePullPolicy Always), which does not exist:
//
//   $ kubectl get pods debug-pod1
//   debug-pod1   0/1     Init:ErrImagePull   0          17s
//
//   $ kubectl describe pods debug-pod1          (Start Time: Sat, 13 Jul 2024 01:16:48 +0000)
//   Events:
//     Normal   Scheduled  54s                default-scheduler  Successfully assigned default/debug-pod1 to labsys
//     Normal   BackOff    25s (x2 over 52s)  kubelet            Back-off pulling image "alpinelatest"
//     Warning  Failed     25s (x2 over 52s)  kubelet            Error: ImagePullBackOff
//     Normal   Pulling    11s (x3 over 53s)  kubelet            Pulling image "alpinelatest"
//     Warning  Failed     10s (x3 over 53s)  kubelet            Failed to pull image "alpinelatest": failed to pull and unpack image "docker.io/library/alpinelatest:latest": … pull access denied …
//     Warning  Failed     10s (x3 over 53s)  kubelet            Error: ErrImagePull
//
// Version: not printed; a containerd node in July 2024 whose kubectl prints no `spec.initContainers{…}:`
// prefix (before 1.35) and `Service Account:` (1.24+): 1.29 or 1.30 by the date; run at 1.29 and 1.30.
// Given: every pull fails (failPull), each failing in the engine's default 0.5 s (the published Pulling
// and Failed rows share their second). Not modelled: the pod worker's jitter draws differ at every
// requeue upstream (10 s × [1, 1.5), [4.6]); the engine takes one fixed draw, `requeueJitter`.
// Checked: the rows (READY, STATUS, RESTARTS strictly); Pulling x3 at the dump, the first 53 s before
// it (within kubectl's 1 s), the third between the engine's earliest and latest requeues (jitter 0 and
// 1), since that pull's time is two jittered requeues after the first.
// Also checked (was a disagreement, fixed in session 31): `Failed to pull image` and `Error:
// ErrImagePull` x3, each written at a failed pull (EnsureImageExists, then startContainer), not at
// the status write after it. Also checked (was a disagreement, fixed in session 32, [10.9]): BackOff
// and `Error: ImagePullBackOff` written at each sync that meets the pull's back-off, the first a
// second after the first failed pull (published 52 s ago), x2 at the dump with the latest requeue
// (the engine's earlier draws reach a third refusal before the dump). Not checked: the last one's
// age (published 25 s ago; the engine's jitter 1 gives 21.5 s: the node's draws differed per requeue).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { expectSubsequence, publishedRow, rowAt, simulatedRows } from '../../engine/kubectl/transcripts/watch.testkit';
import { describeEvents } from './describeEvents';

const POD = 'debug-pod1';
const scenario = (version: string, jitter: number) => `apiVersion: v1
kind: Pod
metadata:
  name: ${POD}
  labels:
    app: ${POD}
spec:
  initContainers:
  - name: init-container
    image: alpinelatest
    command: ["/bin/sh", "-c"]
    args: ["echo hello"]
  containers:
  - name: myapp-container
    image: busybox
    command: ["/bin/sh", "-c"]
    args: ["tail -f /dev/null"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
requeueJitter: ${jitter}
events:
  - { at: 0s, container: init-container, do: failPull, for: 1h }
`;

const VERSIONS = ['1.29', '1.30'];
const published = publishedRow('debug-pod1   0/1     Init:ErrImagePull   0          17s');
const dumpAt = 54; // the Scheduled row's age: the engine schedules at t = 0

describe('transcript: RX-M CKAD drill (July 2024), an init container whose image does not exist', () => {
  it.each(VERSIONS)('prints `0/1 Init:ErrImagePull 0`, then alternates with `Init:ImagePullBackOff`, READY 0/1 and RESTARTS 0 throughout (%s) [10.2] [14.3]', (version) => {
    for (const jitter of [0, 0.5, 1]) {
      const ours = simulatedRows(scenario(version, jitter));
      expectSubsequence([
        { ready: '0/1', status: 'Init:0/1', restarts: '0' },
        published,
        { ready: '0/1', status: 'Init:ImagePullBackOff', restarts: '0' },
        published,
      ], ours);
      for (const r of ours) expect([r.ready, r.restarts]).toEqual(['0/1', '0']);
      expect(new Set(ours.map((r) => r.status))).toEqual(new Set(['Init:0/1', 'Init:ErrImagePull', 'Init:ImagePullBackOff']));
    }
  });

  it.each(VERSIONS)('still shows Init:ErrImagePull at 17 s only with the latest requeue (the sample is at the top of the jitter) (%s) [0.6] [4.6]', (version) => {
    // The first failed pull's error is written at the relist after the first sync (2 s, [0.6]
    // [0.7]); the next status is written by the requeued sync, 10-15 s after the one that met the
    // back-off. AGE 17s is [17, 18): the engine's relists and requeues land on whole and half
    // seconds, so at jitter 1 its ImagePullBackOff write is at 17.0; within kubectl's 1 s rounding.
    const latest = simulatedRows(scenario(version, 1));
    expect(rowAt(latest, published.t - 0.01)).toEqual({ ready: '0/1', status: 'Init:ErrImagePull', restarts: '0' });
    expect(latest.find((r) => r.status === 'Init:ErrImagePull')!.t).toBe(2);
  });

  it.each(VERSIONS)('counts Pulling x3 at the dump, the first 53 s before it, the third within the requeue jitter of the published 11 s ago (%s) [4.5] [4.6]', (version) => {
    const pulling = (jitter: number) => describeEvents(runScenario(scenario(version, jitter)).trace!, dumpAt, POD)
      .find((r) => r.reason === 'Pulling')!;
    const thirdPull = dumpAt - 11;
    for (const jitter of [0, 0.5, 1]) {
      const row = pulling(jitter);
      expect(row.message).toBe('Pulling image "alpinelatest"');
      expect(row.count).toBe(3);
      expect(Math.abs(dumpAt - Math.floor(row.first) - 53)).toBeLessThanOrEqual(1);
    }
    expect(pulling(0).t).toBeLessThanOrEqual(thirdPull);
    expect(pulling(1).t).toBeGreaterThanOrEqual(thirdPull);
  });

  it.each(VERSIONS)('writes BackOff and `Error: ImagePullBackOff` at each refusing sync, the first 52 s before the dump, x2 at it with the latest requeue (%s) [10.9]', (version) => {
    for (const jitter of [0, 0.5, 1]) {
      const rows = describeEvents(runScenario(scenario(version, jitter)).trace!, dumpAt, POD);
      const backoff = rows.find((r) => r.reason === 'BackOff')!;
      const failed = rows.find((r) => r.message === 'Error: ImagePullBackOff')!;
      expect(backoff.message).toBe('Back-off pulling image "alpinelatest"');
      expect(backoff.type).toBe('Normal');
      expect(failed.type).toBe('Warning');
      expect([failed.count, failed.t, failed.first]).toEqual([backoff.count, backoff.t, backoff.first]);
      expect(Math.abs(dumpAt - Math.floor(backoff.first) - 52)).toBeLessThanOrEqual(1);
      if (jitter === 1) expect(backoff.count).toBe(2);
    }
  });

  it.each(VERSIONS)('writes `Failed to pull image` and `Error: ErrImagePull` x3 at the failed pulls, a second after each Pulling (%s) [10.2] [10.6]', (version) => {
    for (const jitter of [0, 0.5, 1]) {
      const rows = describeEvents(runScenario(scenario(version, jitter)).trace!, dumpAt, POD);
      const pulling = rows.find((r) => r.reason === 'Pulling')!;
      const failed = rows.filter((r) => r.reason === 'Failed' && r.message !== 'Error: ImagePullBackOff');
      expect(failed.map((r) => r.message).sort()).toEqual(['Error: ErrImagePull', 'Failed to pull image "alpinelatest": failed to pull and unpack image "alpinelatest"']);
      for (const r of failed) {
        expect(r.count).toBe(3);
        expect(r.t - pulling.t).toBeCloseTo(0.5, 6); // published: Pulling 11s, Failed 10s ago
        expect(r.first - pulling.first).toBeCloseTo(0.5, 6);
      }
    }
  });
});
