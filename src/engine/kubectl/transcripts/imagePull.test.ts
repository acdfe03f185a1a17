// A published transcript of a pod whose image cannot be pulled, run through the engine.
// Rules exercised: [4.5] the image back-off (the kubelet's backOff for pulls: 10 s doubling to
// 300 s), [4.6] the requeue after a failed sync, [14.3] the printer's main-container reason.
import { describe, expect, it } from 'vitest';
import { expectSubsequence, fromWatchStart, publishedRow, publishedRows, simulatedRows, withVersion } from './watch.testkit';

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

describe('transcript: Saniya1613/devops-homework session 14, a pod whose repository does not exist', () => {
  // https://github.com/Saniya1613/devops-homework/blob/3f8f58b5969c012bc55c83c08dbb33416e39ef8f/session-14-kubernetes-troubleshooting/README.md
  // (Issue 3, 2026, a k3s node): `kubectl get pod errpull-pod` "captured a few seconds after creation":
  const published = publishedRow(`errpull-pod   0/1     ErrImagePull   0          2s`);
  // and its events, listed when the pod was 27 s old: Pulling 15s ago, Failed (ErrImagePull) 14s
  // ago, BackOff (ImagePullBackOff) 2s ago: a pull at about 12 s, its failure at 13 s, and the
  // back-off row 12 s after the failure.
  // Checked: the rows, their order, and the time of the first row. Upstream's PLEG relists
  // sandboxes as containers (getContainersFromPods, pkg/kubelet/pleg/generic.go, 1.27-1.36), so
  // the sandbox the first sync created is a ContainerStarted event at the next relist; the pod
  // worker starts that second sync once the runtime cache is newer than the end of the first
  // (GetNewerThan(uid, lastSyncTime), pod_workers.go podWorkerLoop), at the relist after the
  // first pull failed, and it writes the pull's error: ErrImagePull at 2 s ([0.6], [0.7]).
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: errpull-pod
spec:
  containers:
    - name: web-app
      image: saniya1613/yatri-api-service:v999-invalid-tag-does-not-exist
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.34"
until: 60s
events:
  - { at: 0s, container: web-app, do: failPull, for: 1h }
`;

  it('prints ErrImagePull 0 about 2 s after creation, then ImagePullBackOff (1.34; podWorkerLoop GetNewerThan, getContainersFromPods) [0.6] [0.7] [4.5] [14.3]', () => {
    const ours = simulatedRows(scenario);
    const at = expectSubsequence([published, { ready: '0/1', status: 'ImagePullBackOff', restarts: '0' }], ours);
    // kubectl's AGE truncates: "2s" is an age in [2, 3) s.
    const first = ours[at[0]!]!.t;
    expect(first).toBeGreaterThanOrEqual(published.t);
    expect(first).toBeLessThan(published.t + 1);
  });
});
