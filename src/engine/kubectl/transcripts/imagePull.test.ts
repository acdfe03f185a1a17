// A published transcript of a pod whose image cannot be pulled, run through the engine.
// Rules exercised: [4.5] the image back-off (the kubelet's backOff for pulls: 10 s doubling to
// 300 s), [4.6] the requeue after a failed sync, [14.3] the printer's main-container reason.
import { describe, expect, it } from 'vitest';
import { expectSubsequence, fromWatchStart, publishedRows, simulatedRows, withVersion } from './watch.testkit';

describe('transcript: dgkanatsios/CKAD-exercises#176, a Deployment with a wrong image tag', () => {
  // https://github.com/dgkanatsios/CKAD-exercises/pull/176 (February 2021, about 1.20):
  // `kubectl get pods nginx-d645d84b6-ftbwc -w` after `kubectl set image … nginx:1.91`:
  const published = publishedRows(`
nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          77s
nginx-d645d84b6-ftbwc   0/1     ErrImagePull       0          108s
nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          2m1s
nginx-d645d84b6-ftbwc   0/1     ErrImagePull       0          3m12s
nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          3m25s
nginx-d645d84b6-ftbwc   0/1     ErrImagePull       0          6m7s
nginx-d645d84b6-ftbwc   0/1     ImagePullBackOff   0          6m19s`);
  // Every pull fails. Not modelled: the registry's own answer time (a few seconds on Docker Hub,
  // 0.5 s here) and the pod worker's requeue jitter (10 s × [1, 1.5) upstream, 10 s here), so the
  // times are compared loosely: the gaps between successive ErrImagePull rows (the back-off
  // doubling, 80 s then 160 s, plus a pull) within 10 %.
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-d645d84b6-ftbwc
spec:
  containers:
  - name: nginx
    image: nginx:1.91
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 7m
events:
  - { at: 0s, container: nginx, do: failPull, for: 1h }
`;

  it.each(['1.27', '1.31', '1.36'])('alternates ErrImagePull and ImagePullBackOff as published, the back-off doubling between pulls (%s) [4.5] [14.3]', (version) => {
    // The watch began at the pod's age 77 s: its first line is the row showing then.
    const ours = fromWatchStart(simulatedRows(withVersion(scenario, version)), published[0]!.t);
    const at = expectSubsequence(published, ours);
    const pulls = (rows: { status: string; t: number }[]) => rows.filter((r) => r.status === 'ErrImagePull').map((r) => r.t);
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);
    const theirs = gaps(pulls(published));
    const mine = gaps(pulls(at.map((i) => ours[i]!)));
    expect(mine).toHaveLength(theirs.length);
    mine.forEach((gap, i) => expect(Math.abs(gap - theirs[i]!) / theirs[i]!).toBeLessThan(0.1));
  });
});
