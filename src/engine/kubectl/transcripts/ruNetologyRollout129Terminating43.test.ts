// A second student's answer to the Russian Netology homework «Обновление приложений» (task 2: a
// Deployment `app` of 5 replicas, each pod `nginx` beside `wbitt/network-multitool`, rolled from
// nginx:1.19 to 1.20, then to the missing tag nginx:1.28, then rolled back), search-index file
// 6750178538 (its repository is not named by the index; not the MicroK8s answer of
// ruNetologyMicrok8sRollout42.test.ts, file 1505124312: other pod names, another cluster).
// Node `k8s-node-1`; the describe's ages print `<invalid>` (the client's clock behind the server's).
// Server version: not printed. Inferred 1.28 or 1.29, from three prints of the same answer:
// - the old pods' deletion rows end `0/2 Terminating`, never `0/2 Completed`: a deleted pod whose
//   containers all exited 0 prints `Completed` from 1.31 ([14.4]; the other answer's MicroK8s rows);
// - `Successfully pulled image "wbitt/network-multitool" in 1.17s (1.17s including waiting)`: a
//   duration truncated to the millisecond (1.28+, #117276) and no `. Image size: N bytes.` (1.30+,
//   #121719) ([10.6]);
// - `Created container multitool` (the wording to 1.31, [10.6]).
// So the rows are run at 1.28 and 1.29; the deletion rows also at 1.27 and 1.30 (the printer's
// `Terminating` for a terminal pod holds to 1.30), and at 1.31+ to show they rule those out.
// The pod spec is not in the stored text (it links manifests/deploy.yaml): assumed as the task
// states it, nginx beside multitool with multitool's HTTP_PORT moved off 80 (the pods ran 24 min
// with RESTARTS 0, so the two did not fight over port 80). Each pod is run alone (the Deployment's
// controller is not what is compared). Given to the engine: nginx:1.20's pull (9 s, not published;
// the first new pod went from ContainerCreating at 6 s to Running at 11 s), multitool already on
// the node for the rollout (the old pods ran it), its 1.17 s pull in the bad-tag pod (its Pulled
// event), every pull of nginx:1.28 failing (the describe's `not found`).
// Published, `kubectl get pod -n app --watch` during nginx:1.19 → 1.20 (pods picked out; the
// repeated `0/2 Terminating` rows are the API server's later writes and the DELETED event):
//   app-86c9d7c675-69dbw   0/2   ContainerCreating   0   6s
//   app-86c9d7c675-69dbw   2/2   Running             0   11s
//   app-79784cf447-6kcg7   2/2   Terminating         0   24m   (printed twice)
//   app-79784cf447-6kcg7   0/2   Terminating         0   24m   (printed five times)
// and during nginx:1.20 → 1.28, pod z2q7k:
//   0/2 ContainerCreating 3s, 1/2 ErrImagePull 5s, 1/2 ImagePullBackOff 6s; `kubectl get pod`
//   at 82 s: 1/2 ImagePullBackOff 0.
// Not compared: the describe's counts (`Pulling (x4 …)`, `Error: ErrImagePull (x3 …)`): their
// ages print `<invalid>`, so when it was taken is unknown; the registry's answer time to a missing
// tag (the engine fails a pull at once, so its first ErrImagePull is only checked not to be later).
import { describe, expect, it } from 'vitest';
import { homeworkPod } from './netologyHomework.testkit';
import { expectSubsequence, publishedRows, rowAt, simulatedRows } from './watch.testkit';

const pod = (name: string, image: string, simulation: string) => homeworkPod('app', '1.29', name, image, simulation);

const NEW_POD = pod('app-86c9d7c675-69dbw', 'nginx:1.20', `until: 40s
containers:
  nginx: { pull: 9s }
  multitool: { pull: 0s }
`);
// the old pod, deleted by the rollout at its age 24 min
const DELETED_AT = 24 * 60 + 10;
const OLD_POD = pod('app-79784cf447-6kcg7', 'nginx:1.19', `until: 25m
events:
  - { at: 24m10s, do: deletePod }
`);
const BAD_TAG_POD = pod('app-6788fbc96c-z2q7k', 'nginx:1.28', `until: 100s
containers:
  multitool: { pull: 1.17s }
events:
  - { at: 0s, container: nginx, do: failPull, for: 1h }
`);

const strip = (rows: { ready: string; status: string; restarts: string }[]) =>
  rows.map(({ ready, status, restarts }) => ({ ready, status, restarts }));

const deletionRows = publishedRows(`
app-79784cf447-6kcg7   2/2     Terminating         0          24m
app-79784cf447-6kcg7   0/2     Terminating         0          24m`);

describe('transcript: Netology homework «Обновление приложений», a second answer (k8s-node-1, 1.28/1.29): app rolling nginx:1.19 → 1.20', () => {
  it.each(['1.28', '1.29'])('a new pod prints `0/2 ContainerCreating 0`, then `2/2 Running 0` with no `1/2` row between (%s) [3.1] [14.1]', (version) => {
    const ours = simulatedRows(NEW_POD, version);
    const published = publishedRows(`
app-86c9d7c675-69dbw   0/2     ContainerCreating   0          6s
app-86c9d7c675-69dbw   2/2     Running             0          11s`);
    expect(rowAt(ours, published[0]!.t)).toEqual(strip(published)[0]);
    expect(strip(ours)).toEqual(strip(published));
  });

  it.each(['1.27', '1.28', '1.29', '1.30'])('an old pod goes `2/2 Terminating` → `0/2 Terminating` within 4 s of its deletion (%s) [6.2] [14.4]', (version) => {
    const ours = simulatedRows(OLD_POD, version);
    const after = ours.filter((r) => r.t >= DELETED_AT);
    expectSubsequence(deletionRows, after);
    expect(strip(after)).toEqual(strip(deletionRows));
    // published: the `0/2` row came before the next new pod's `Running` row, 4 s after the deletion
    expect(after[1]!.t - DELETED_AT).toBeLessThanOrEqual(4);
  });

  // the rows that place the node before 1.31: from 1.31 the same pod ends `0/2 Completed`
  it.each(['1.31', '1.34', '1.37'])('from 1.31 the old pod would end `0/2 Completed`, which this watch never printed (%s) [14.4]', (version) => {
    const after = simulatedRows(OLD_POD, version).filter((r) => r.t >= DELETED_AT);
    expect(strip(after)).toEqual([strip(deletionRows)[0], { ready: '0/2', status: 'Completed', restarts: '0' }]);
  });
});

describe('transcript: Netology homework «Обновление приложений», a second answer (1.28/1.29): app stuck on the missing tag nginx:1.28', () => {
  const published = publishedRows(`
app-6788fbc96c-z2q7k   0/2     ContainerCreating   0          3s
app-6788fbc96c-z2q7k   1/2     ErrImagePull        0          5s
app-6788fbc96c-z2q7k   1/2     ImagePullBackOff    0          6s`);

  it.each(['1.28', '1.29'])('`0/2 ContainerCreating` → `1/2 ErrImagePull` → `1/2 ImagePullBackOff` while multitool runs, still `1/2 ImagePullBackOff 0` at 82 s (%s) [4.5] [14.3]', (version) => {
    const ours = simulatedRows(BAD_TAG_POD, version);
    const at = expectSubsequence(published, ours);
    // nothing else before the first back-off: the watch's three rows are the pod's first three
    expect(at).toEqual([0, 1, 2]);
    // the engine fails the pull at once; Docker Hub took a moment to say `not found`
    expect(ours[1]!.t).toBeLessThanOrEqual(published[1]!.t);
    expect(rowAt(ours, 82)).toEqual({ ready: '1/2', status: 'ImagePullBackOff', restarts: '0' });
  });
});
