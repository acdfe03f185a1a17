// A study note "Init Containers and Pod Lifecycle in Kubernetes" (search-index file 37592969230, no
// repository named), section "Verify Init Container Execution Order": on a minikube, 2025-07-23 (the
// containers' `date` lines), a Never pod with three init containers and two main containers, every
// one `echo Start at $(date); sleep 5; echo End.` on `alpine`, watched with `kubectl get po -w`:
//   Init:0/3 0s, 4s → Init:1/3 9s, 13s → Init:2/3 18s, 23s → PodInitializing 27s → 2/2 Running 33s →
//   1/2 NotReady 35s → 0/2 Completed 38s, 39s
// and the five `Start at` lines: 15:55:47, 15:55:55, 15:56:05, then app1 15:56:12, app2 15:56:16.
// Server version: not printed; a minikube of July 2025 runs minikube v1.36.0's default, v1.33.1
// (v1.34 came out in August). Run at 1.33, and at 1.29, 1.31, 1.35 and 1.37 (nothing here changed;
// from 1.36 the on-demand relist, [0.8], writes `2/2 Running` 0.1 s sooner, the same second).
// The pod as published. Given, not checked: `alpine` (tagless, so imagePullPolicy Always) was on the
// node (a 31-hour-old pod of the same note uses it), and each start waited on Docker Hub: the registry
// checks, read from the `Start at` lines (whole seconds), 3.2, 3.0, 3.6, 1.9 and 3.6 s ([15.6]).
// What is checked: the rows and their AGEs (the repeated `Init:x/3` rows, 4s, 13s, 23s, are each
// container's start, a write that changes none of these columns, and the engine prints one row per
// change); that no `1/2 Running` row comes between app1's start (29 s) and app2's (33 s): the
// kubelet starts the main containers one after the other in one sync, and writes no status while
// that sync waits on app2's registry check ([0.1] [0.3] [3.2]); and `1/2 NotReady` once app1 is done while
// app2 still runs ([6.2] [7.3] [14.3]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRows, simulatedRows, type Row } from './watch.testkit';

const key = (r: Row) => `${r.ready} ${r.status} ${r.restarts}`;
const step = (name: string) => `  - name: ${name}
    image: alpine
    command: ["sh", "-c"]
    args:
    - |
      echo Start at $(date); sleep 5; echo End.`;

const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata:
  name: initcontainer-test
spec:
  initContainers:
${['step1', 'step2', 'step3'].map(step).join('\n')}
  containers:
${['app1', 'app2'].map(step).join('\n')}
  restartPolicy: Never
  terminationGracePeriodSeconds: 0
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  step1: { pull: 0, registryCheck: 3.2s }
  step2: { pull: 0, registryCheck: 3s }
  step3: { pull: 0, registryCheck: 3.6s }
  app1: { pull: 0, registryCheck: 1.9s }
  app2: { pull: 0, registryCheck: 3.6s }
`;

describe('transcript: "Init Containers and Pod Lifecycle in Kubernetes", three init containers then two 5 s main containers (minikube, July 2025, 1.33)', () => {
  // The rows that change a column (the repeats at 4s, 13s, 23s and 39s left out, see above).
  const published = publishedRows(`
initcontainer-test   0/2     Init:0/3   0             0s
initcontainer-test   0/2     Init:1/3   0             9s
initcontainer-test   0/2     Init:2/3   0             18s
initcontainer-test   0/2     PodInitializing   0             27s
initcontainer-test   2/2     Running           0             33s
initcontainer-test   1/2     NotReady          0             35s
initcontainer-test   0/2     Completed         0             38s`);

  it.each(['1.29', '1.31', '1.33', '1.35', '1.36', '1.37'])('prints the published rows, nothing between them, each within 1 s of its AGE (%s) [2.1] [6.2] [7.3] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(scenario(version));
    expect(ours.map(key)).toEqual(published.map(key));
    ours.forEach((row, n) => expect(Math.abs(row.t - published[n]!.t), key(row)).toBeLessThanOrEqual(1));
  });

  it.each(['1.29', '1.33', '1.37'])('writes no status between the two main containers\' starts, so `1/2 Running` is never printed (%s) [0.1] [0.3] [3.2]', (version) => {
    const r = runScenario(scenario(version));
    const starts = r.trace!.events.filter((e) => e.type === 'container.start');
    expect(starts.map((e) => e.container)).toEqual(['step1', 'step2', 'step3', 'app1', 'app2']);
    const app1 = starts[3]!.t;
    const app2 = starts[4]!.t;
    // app2 started about four seconds after app1, as the `Start at` lines say (15:56:12, 15:56:16) …
    expect(app2 - app1).toBeGreaterThan(3);
    // … and no row was printed in between: the first main-container row shows both running
    const rows = simulatedRows(scenario(version));
    expect(rows.filter((row) => row.t > app1 && row.t < app2)).toEqual([]);
    expect(rows.find((row) => row.t >= app2)).toMatchObject({ ready: '2/2', status: 'Running' });
  });
});
