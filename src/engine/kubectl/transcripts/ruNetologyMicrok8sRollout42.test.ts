// A Russian Netology homework, «Обновление приложений» (kuber-homeworks-3.4, "Updating
// applications"), search-index file 1505124312 (its repository is not named by the index): a
// Deployment `app-task2` of 5 replicas, each pod `nginx` beside `wbitt/network-multitool`
// (HTTP_PORT 8080), RollingUpdate maxSurge 2 / maxUnavailable 3, on a one-node MicroK8s
// (`user@microk8s`), 2024-11-30 (the curl Date headers and the event timestamps).
// Server version: not printed. Inferred 1.31: MicroK8s' default channel in November 2024 was
// 1.31/stable, and the published deletion rows agree only with 1.31 and later (below: the old pods
// go from `2/2 Terminating` to `0/2 Completed`, where 1.30 and earlier print `0/2 Terminating`,
// [14.4]). Run at 1.31, 1.32 and 1.37.
// Published, `kubectl get po -w` during `nginx:1.19` → `nginx:1.20` (one pod of each kind):
//   app-task2-6f49d9b64d-8qxqf   0/2   ContainerCreating   0   5s
//   app-task2-6f49d9b64d-8qxqf   2/2   Running             0   21s
//   app-task2-557484df6-7xdb9    2/2   Terminating         0   24m   (printed twice)
//   app-task2-557484df6-7xdb9    0/2   Completed           0   24m   (printed three times)
// and during `nginx:1.20` → `nginx:1.28` (a tag that did not exist then), pod kf5pj:
//   1/2 ErrImagePull 8s, ImagePullBackOff 9s, ErrImagePull 36s, ImagePullBackOff 47s,
//   ErrImagePull 64s, ImagePullBackOff 75s, ErrImagePull 114s, ImagePullBackOff 2m6s,
//   ErrImagePull 3m21s, ImagePullBackOff 3m36s   (RESTARTS 0 throughout)
// Each pod is run alone (the Deployment's controller is not what is compared). What the engine is
// given: nginx:1.20's pull (not published; 15 s, inside the 5 s–21 s window); multitool's image
// already on the node (the old pods ran it); every pull of nginx:1.28 fails. Read by the engine:
// nginx stops at once on SIGQUIT (its image's STOPSIGNAL), multitool on SIGTERM, both code 0.
// Rules: [3.1] [14.1] the pod shows ContainerCreating until its containers run, then `2/2`;
// [6.2] a deleted pod whose containers all exited 0 ends Succeeded, which [14.4] prints
// `Completed` from 1.31 (a terminal pod is not `Terminating`); [4.5] the image back-off doubles
// from 10 s, [14.3] the waiting nginx names STATUS while multitool runs (`1/2`).
// Not modelled: Docker Hub's answer time to a pull of a missing tag (the engine fails it at once)
// and the requeue jitter (10 s × [1, 1.5) upstream), so each gap between ErrImagePull rows is
// checked to be the engine's plus 0 to 12 s, and the first ErrImagePull (8 s, five pods pulling
// at once) only to come after ours.
import { describe, expect, it } from 'vitest';
import { homeworkPod } from './netologyHomework.testkit';
import { expectSubsequence, publishedRows, rowAt, simulatedRows } from './watch.testkit';

const VERSIONS = ['1.31', '1.32', '1.37'];

const pod = (name: string, image: string, simulation: string) => homeworkPod('app-task2', '1.31', name, image, simulation);

const NEW_POD = pod('app-task2-6f49d9b64d-8qxqf', 'nginx:1.20', `until: 40s
containers:
  nginx: { pull: 15s }
  multitool: { pull: 0s }
`);
// the old pod, deleted by the rollout at its age 24 min
const OLD_POD = pod('app-task2-557484df6-7xdb9', 'nginx:1.19', `until: 25m
events:
  - { at: 24m10s, do: deletePod }
`);
const BAD_TAG_POD = pod('app-task2-799677b7cb-kf5pj', 'nginx:1.28', `until: 4m
containers:
  multitool: { pull: 0s }
events:
  - { at: 0s, container: nginx, do: failPull, for: 1h }
`);

const strip = (rows: { ready: string; status: string; restarts: string }[]) =>
  rows.map(({ ready, status, restarts }) => ({ ready, status, restarts }));

describe('transcript: Netology homework 3.4 (Russian), app-task2 rolling to nginx:1.20 on MicroK8s (1.31)', () => {
  it.each(VERSIONS)('a new pod prints `0/2 ContainerCreating 0` at 5 s, then `2/2 Running 0` with no `1/2` row between (%s) [3.1] [14.1]', (version) => {
    const ours = simulatedRows(NEW_POD, version);
    const published = publishedRows(`
app-task2-6f49d9b64d-8qxqf   0/2     ContainerCreating   0          5s
app-task2-6f49d9b64d-8qxqf   2/2     Running             0          21s`);
    expect(rowAt(ours, published[0]!.t)).toEqual(strip(published)[0]);
    expect(strip(ours)).toEqual(strip(published));
  });

  it.each(VERSIONS)('an old pod goes `2/2 Terminating` → `0/2 Completed`, never `0/2 Terminating` (%s) [6.2] [14.4]', (version) => {
    const ours = simulatedRows(OLD_POD, version);
    const published = publishedRows(`
app-task2-557484df6-7xdb9    2/2     Terminating         0          24m
app-task2-557484df6-7xdb9    0/2     Completed           0          24m`);
    const after = ours.filter((r) => r.t >= 24 * 60 + 10); // from the deletion on
    expectSubsequence(published, after);
    expect(strip(after)).toEqual(strip(published));
    expect(ours.some((r) => r.ready === '0/2' && r.status === 'Terminating')).toBe(false);
  });
});

describe('transcript: Netology homework 3.4 (Russian), app-task2 stuck on the missing tag nginx:1.28 (MicroK8s, 1.31)', () => {
  const published = publishedRows(`
app-task2-799677b7cb-kf5pj   1/2     ErrImagePull       0          8s
app-task2-799677b7cb-kf5pj   1/2     ImagePullBackOff   0          9s
app-task2-799677b7cb-kf5pj   1/2     ErrImagePull       0          36s
app-task2-799677b7cb-kf5pj   1/2     ImagePullBackOff   0          47s
app-task2-799677b7cb-kf5pj   1/2     ErrImagePull       0          64s
app-task2-799677b7cb-kf5pj   1/2     ImagePullBackOff   0          75s
app-task2-799677b7cb-kf5pj   1/2     ErrImagePull       0          114s
app-task2-799677b7cb-kf5pj   1/2     ImagePullBackOff   0          2m6s
app-task2-799677b7cb-kf5pj   1/2     ErrImagePull       0          3m21s
app-task2-799677b7cb-kf5pj   1/2     ImagePullBackOff   0          3m36s`);

  it.each(VERSIONS)('alternates `1/2 ErrImagePull` and `1/2 ImagePullBackOff` with RESTARTS 0 while multitool runs (%s) [4.5] [14.3]', (version) => {
    const ours = simulatedRows(BAD_TAG_POD, version);
    const at = expectSubsequence(published, ours);
    // exactly these rows after the first ErrImagePull: nothing else is printed
    expect(strip(ours.slice(at[0]))).toEqual(strip(published));
    const errs = (rows: { status: string; t: number }[]) => rows.filter((r) => r.status === 'ErrImagePull').map((r) => r.t);
    const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]!);
    const theirs = gaps(errs(published));
    const mine = gaps(errs(ours));
    expect(mine).toHaveLength(theirs.length);
    // the back-off doubling (10, 20, 40, 80 s) is ours; each published gap adds a registry answer
    // and a requeue's jitter
    mine.forEach((gap, i) => {
      expect(theirs[i]! - gap).toBeGreaterThanOrEqual(0);
      expect(theirs[i]! - gap).toBeLessThanOrEqual(12);
    });
    expect(errs(ours)[0]!).toBeLessThanOrEqual(published[0]!.t);
  });
});
