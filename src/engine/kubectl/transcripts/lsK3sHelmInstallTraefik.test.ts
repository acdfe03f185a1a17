// k3s's `helm-install-traefik-*` pod: the HelmChart Job's pod (restartPolicy OnFailure) whose first
// `helm install` usually fails and whose second succeeds, so every k3s node keeps a `Completed 1`
// pod in kube-system. Whether its RESTARTS shows "(… ago)" long after it completed is the last
// state surviving or not ([10.8]). Three published listings (`kubectl get pods -A`):
// 1. A fresh k3s node, v1.36.3+k3s1 (its `kubectl get nodes -o wide`: `test Ready control-plane 46s
//    v1.36.3+k3s1`; search-index file 63103881801):
//      helm-install-traefik-s8wnl   0/1   Completed   1 (29s ago)   35s
//      traefik-59b7647586-ql68n     1/1   Running     0             27s
// 2. A long-running k3s node, v1.36.3+k3s1 (`tce-k3s-01 Ready control-plane 47d v1.36.3+k3s1`;
//    search-index files 70900784752, 47 days, and 71115398312, 49 days):
//      helm-install-traefik-s2twj   0/1   Completed   1 (47d ago)   47d
//      helm-install-traefik-s2twj   0/1   Completed   1 (49d ago)   49d
// 3. A k3d cluster of April 2024 (k3d v5.6.3's docs linked, nvidia-smi dated Wed Apr 17 2024; k3d
//    5.6's default k3s is 1.27-1.28; search-index file 13215405432):
//      helm-install-traefik-vr6wq   0/1   Completed   1    44m
// Up to 1.35 the container deletor removes the failed run as soon as the second one dies and the
// next status has no last state, so `Completed 1` without "ago" (3); from 1.36 the written last
// state is carried over (RestartAllContainersOnContainerExits on by default, kubernetes#136964),
// so "(29s ago)" 29 s later and "(47d ago)" 47 days later (1, 2).
// Given: the pod as k3s's Job controller makes it is reduced to one container `helm` (klipper-helm,
// `install`); the pull and the two runs' lengths are fitted to listing 1 (AGE − ago = 6: the first
// run ended in second 6; traefik's pod, 27 s old, was made by the second run after second 8):
// a 3 s pull, a first run exiting 1 after 3 s, a second exiting 0 after 4 s. Nothing happens to
// the pod after it completes, so the engine's row at 10 minutes stands for 47 and 49 days.
import { describe, expect, it } from 'vitest';
import { agoOf, publishedRows, restartCount, rowsWithLastRestart, withVersion } from './watch.testkit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: helm-install-traefik-s8wnl
  namespace: kube-system
spec:
  restartPolicy: OnFailure
  containers:
    - name: helm
      image: rancher/klipper-helm:v0.9.8-build20250709
      args: ["install"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
until: 600s
containers:
  helm: { pull: 3, runs: [{ exitAfter: 3s, exitCode: 1 }, { exitAfter: 4s, exitCode: 0 }] }
`;

const rowAtTime = (rows: ReturnType<typeof rowsWithLastRestart>, t: number) => rows.filter((r) => r.t <= t).at(-1)!;
const key = (line: string) => {
  const [r] = publishedRows(line);
  return `${r!.ready} ${r!.status} ${restartCount(r!.restarts)}`;
};

describe('transcript: k3s v1.36.3, helm-install-traefik `Completed 1 (29s ago)` at 35 s on a fresh node', () => {
  const LINE = 'helm-install-traefik-s8wnl   0/1     Completed   1 (29s ago)   35s';

  it.each(['1.36', '1.37'])('prints `0/1 Completed 1` at 35 s, dated by the failed run\'s end in second 6 (%s) [4.1] [4.5] [10.8] [14.1]', (version) => {
    const rows = rowsWithLastRestart(withVersion(POD, version));
    const [published] = publishedRows(LINE);
    const ours = rowAtTime(rows, published!.t);
    expect(ours.key).toBe(key(LINE));
    expect(ours.lastRestartAt).toBe(published!.t - agoOf(LINE)!);
  });
});

describe('transcript: k3s v1.36.3, the same pod `Completed 1 (47d ago)` and `(49d ago)` on a 47- and 49-day-old node', () => {
  it.each(['1.36', '1.37'])('keeps the failed run as the last state after the pod completed, through every periodic resync (%s) [10.8]', (version) => {
    const rows = rowsWithLastRestart(withVersion(POD, version));
    const completed = rows.find((r) => r.key === '0/1 Completed 1')!;
    const last = rows.at(-1)!;
    expect(last.key).toBe(key('helm-install-traefik-s2twj   0/1     Completed   1 (47d ago)   47d'));
    // "ago" equal to AGE, in days: the failed run ended in the pod's first minute
    expect(last.lastRestartAt).toBeDefined();
    expect(last.lastRestartAt).toBeLessThan(60);
    // and no row after the completion drops it (the engine's horizon is 10 minutes, 6+ resyncs)
    for (const r of rows.filter((x) => x.t >= completed.t)) expect(r.lastRestartAt, `${r.t}`).toBe(completed.lastRestartAt);
  });
});

describe('transcript: k3d (April 2024, about 1.28), helm-install-traefik `Completed 1` without "ago" at 44m', () => {
  const LINE = 'helm-install-traefik-vr6wq                0/1     Completed   1                44m';

  it.each(['1.27', '1.28', '1.31', '1.35'])('prints `0/1 Completed 1` with no last state well before 44 minutes (%s) [10.8]', (version) => {
    const rows = rowsWithLastRestart(withVersion(POD, version));
    const [published] = publishedRows(LINE);
    expect(agoOf(LINE)).toBeUndefined();
    const last = rows.at(-1)!;
    expect(last.key).toBe(key(LINE));
    expect(last.lastRestartAt).toBeUndefined();
    // gone within a minute and a half of the completion (the relist after, or the 60-90 s resync)
    const completed = rows.find((r) => r.key === '0/1 Completed 1')!;
    const dropped = rows.find((r) => r.t >= completed.t && r.lastRestartAt === undefined)!;
    expect(dropped.t - completed.t).toBeLessThanOrEqual(90);
    expect(published!.t).toBeGreaterThan(dropped.t);
  });
});
