// Nigel Poulton's "The Kubernetes Book" (2025 edition), chapter 4 "Working with Pods", in a Chinese
// translation ("4：使用 Pod") kept in a public repository: search-index file 66459482894 (its
// repository is not named by the index). The manifests are the book's own repository,
// nigelpoulton/TKB, branch 2025: pods/initsidecar.yml read at 633722ff78fd466c9cf655761f0ee2254b331025
// (the same pod as the chapter prints); pod.yml and initpod.yml as the chapter prints them.
// Cluster: Docker Desktop (the describe's `Node: docker-desktop/192.168.65.3`, containerd IDs).
// Server version not printed. The hello-pod dump carries a lastTransitionTime of 2024-01-03 (Docker
// Desktop then shipped 1.28/1.29); the sidecar section needs "v1.29 or later" and says sidecars
// are "still beta as of v1.32", so the 2025 text was written against 1.29–1.32. The pods without a
// sidecar are run at 1.28, 1.32 and 1.37, the sidecar pod at 1.29, 1.32 and 1.37 (nothing compared
// here changes between them).
// Published (verbatim rows, NAME first):
//   hello-pod   0/1   ContainerCreating  0   9s        (describe: Pulling 5m30s, Pulled and
//                                                       Started 5m8s: a 22 s pull)
//   initpod     0/1   Init:0/1           0   6s        (`kubectl get pods --watch`, then the Service
//   initpod     0/1   Init:0/1           0   15s        k8sbook is created and a second watch shows)
//   initpod     0/1   PodInitializing    0   3m39s
//   initpod     1/1   Running            0   3m57s
//   git-sync    2/2   Running            0   12s       (describe: Created/Started ctr-sync 19s,
//                                                       Pulling "nginx" 18s, Created/Started ctr-web 17s)
// What the engine is given: hello-pod's 22 s pull and web-ctr's 18 s pull (PodInitializing to
// Running), ctr-web's 1 s nginx pull (its Pulling and Started events); and when the Service was
// created: the init container's `until nslookup k8sbook; … sleep 1` loop is a wait the engine
// cannot see, so it is ended by an event at 3m38s, the second before the published PodInitializing.
// Rules: [2.1] init containers run before the main ones, [14.1] `Init:0/1` while one runs;
// [14.3] `PodInitializing` once init is done and the main container waits (its pull);
// [2.2] [3.1] a sidecar counts as started once running, letting the main container start, and
// [14.2] a started sidecar counts in READY (`2/2`); [6.2] the pod is Pending while a regular init
// container runs (the describe's `Status: Pending`); [15.7] a pull takes the time given.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { expectSubsequence, fromWatchStart, publishedRow, publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const HELLO_POD = `kind: Pod
apiVersion: v1
metadata:
  name: hello-pod
  labels:
    zone: prod
    version: v1
spec:
  containers:
  - name: hello-ctr
    image: nigelpoulton/k8sbook:1.0
    ports:
    - containerPort: 8080
    resources:
      limits:
        memory: 128Mi
        cpu: 0.5
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.28"
until: 40s
containers:
  hello-ctr: { pull: 22s }
`;

const INIT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: initpod
  labels:
    app: initializer
spec:
  initContainers:
  - name: init-ctr
    image: busybox:1.28.4
    command: ['sh', '-c', 'until nslookup k8sbook; do echo waiting for k8sbook service...; sleep 1; done; echo Service found!']
  containers:
    - name: web-ctr
      image: nigelpoulton/web-app:1.0
      ports:
        - containerPort: 8080
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.28"
until: 4m10s
containers:
  web-ctr: { pull: 18s }
events:
  - { at: 3m38s, container: init-ctr, do: exit }
`;

const SIDECAR_POD = `apiVersion: v1
kind: Pod
metadata:
  name: git-sync
  labels:
    app: sidecar
spec:
  initContainers:
  - name: ctr-sync
    restartPolicy: Always
    image: k8s.gcr.io/git-sync:v3.1.6
    volumeMounts:
    - name: html
      mountPath: /tmp/git
    env:
    - name: GIT_SYNC_REPO
      value: https://github.com/nigelpoulton/ps-sidecar.git
    - name: GIT_SYNC_BRANCH
      value: master
    - name: GIT_SYNC_DEPTH
      value: "1"
    - name: GIT_SYNC_DEST
      value: "html"
  containers:
  - name: ctr-web
    image: nginx
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/
  volumes:
  - name: html
    emptyDir: {}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.29"
until: 30s
containers:
  ctr-web: { pull: 1s }
`;

const PLAIN_VERSIONS = ['1.28', '1.32', '1.37'];
const SIDECAR_VERSIONS = ['1.29', '1.32', '1.37'];

const eventsOf = (scenario: string, version: string): TraceEvent[] => {
  const r = runScenario(withVersion(scenario, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
};
const startsOf = (events: TraceEvent[], container: string) =>
  events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

describe('transcript: The Kubernetes Book (2025, Chinese translation), hello-pod `0/1 ContainerCreating 0 9s` (Docker Desktop)', () => {
  it.each(PLAIN_VERSIONS)('prints `0/1 ContainerCreating 0` at 9 s during the 22 s pull, and `1/1 Running` once it has started (%s) [14.1] [15.7]', (version) => {
    const ours = simulatedRows(HELLO_POD, version);
    const published = publishedRow('hello-pod   0/1      ContainerCreating  0          9s');
    expect(rowAt(ours, published.t)).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
    // the describe: Pulled and Started 22 s after Pulling (5m30s → 5m8s)
    const started = startsOf(eventsOf(HELLO_POD, version), 'hello-ctr');
    expect(started).toHaveLength(1);
    expect(Math.abs(started[0]! - 22)).toBeLessThanOrEqual(1.5);
    expect(rowAt(ours, 25)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});

describe('transcript: The Kubernetes Book (2025, Chinese translation), initpod waiting for the k8sbook Service (Docker Desktop)', () => {
  // two watches: the first (before the Service) printed one row; the second, started after
  // `kubectl apply -f initsvc.yml`, prints the row showing then and each change after it
  const firstWatch = publishedRows(`
initpod   0/1     Init:0/1   0          6s`);
  const secondWatch = publishedRows(`
initpod   0/1     Init:0/1          0          15s
initpod   0/1     PodInitializing   0          3m39s
initpod   1/1     Running           0          3m57s`);

  it.each(PLAIN_VERSIONS)('prints `Init:0/1` → `PodInitializing` → `1/1 Running`, each row showing at its AGE, Running within 1 s (%s) [2.1] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(INIT_POD, version);
    expectSubsequence(firstWatch, ours);
    // the second watch lists exactly our rows from its start
    expect(fromWatchStart(ours, secondWatch[0]!.t).map(({ ready, status, restarts }) => ({ ready, status, restarts })))
      .toEqual(secondWatch.map(({ ready, status, restarts }) => ({ ready, status, restarts })));
    for (const row of [...firstWatch, ...secondWatch]) {
      expect(rowAt(ours, row.t + 1)).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
    }
    // the watch saw Running at 3m57s: ours within 1 s of it
    const running = ours.find((r) => r.status === 'Running')!;
    expect(Math.abs(running.t - (3 * 60 + 57))).toBeLessThanOrEqual(1);
    // PodInitializing for the whole 18 s pull of web-ctr's image
    expect(running.t - ours.find((r) => r.status === 'PodInitializing')!.t).toBeGreaterThanOrEqual(17);
  });

  it.each(PLAIN_VERSIONS)('is phase Pending while init-ctr loops, as the describe prints (%s) [6.2]', (version) => {
    const phases = eventsOf(INIT_POD, version).filter((e): e is Extract<TraceEvent, { type: 'pod.phase' }> => e.type === 'pod.phase');
    expect(phases.filter((e) => e.t <= 15).at(-1)).toMatchObject({ phase: 'Pending' });
    expect(phases.at(-1)).toMatchObject({ phase: 'Running' });
  });
});

describe('transcript: The Kubernetes Book (2025, Chinese translation), git-sync native sidecar `2/2 Running 0 12s` (Docker Desktop, 1.29+)', () => {
  it.each(SIDECAR_VERSIONS)('prints `2/2 Running 0` at 12 s: the running sidecar counts in READY (%s) [2.2] [14.2]', (version) => {
    const ours = simulatedRows(SIDECAR_POD, version);
    const published = publishedRow('git-sync     2/2       Running     0            12s');
    expect(rowAt(ours, published.t)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
    expect(ours.at(-1)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it.each(SIDECAR_VERSIONS)('starts ctr-sync first and ctr-web about 2 s later, after its 1 s nginx pull, as the describe\'s events show (%s) [2.2] [3.1]', (version) => {
    const events = eventsOf(SIDECAR_POD, version);
    const sync = startsOf(events, 'ctr-sync');
    const web = startsOf(events, 'ctr-web');
    expect(sync).toHaveLength(1);
    expect(web).toHaveLength(1);
    // Started ctr-sync 19s, Started ctr-web 17s (whole seconds: 2 s apart, within 1 s)
    expect(web[0]! - sync[0]!).toBeGreaterThan(0);
    expect(Math.abs(web[0]! - sync[0]! - 2)).toBeLessThanOrEqual(1);
    // Pulling "nginx" 18s: after the sidecar started, within 1 s of it
    const pulling = events.find((e) => e.type === 'container.pulling' && e.container === 'ctr-web')!;
    expect(pulling.t).toBeGreaterThanOrEqual(sync[0]!);
    expect(pulling.t - sync[0]!).toBeLessThanOrEqual(1);
  });
});
