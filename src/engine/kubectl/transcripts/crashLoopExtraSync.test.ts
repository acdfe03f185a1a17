// Published rows of a container that exits at once under restartPolicy Always: `CrashLoopBackOff`
// shows one relist (a second) after the `Error 1` / `Completed 1` row, where a model with only the
// pod worker's 10-15 s requeue would print it ten seconds later. Rules exercised: [0.9] a request
// made while a sync waits for its cache is one more sync (the waking relist's event), [4.9] that
// sync records another BackOff, [10.2] the CrashLoopBackOff reason comes from the sync before.
// Sources (docs/transcripts.md):
// - netology homework lab (killercoda, containerd, August 2022), github.com/zakharovnpa/05-clokub-homeworks,
//   14.4-ServiceAccounts/Labs/labs-3-how-start-pod-with-command.md (read as the search index's file
//   20769027884), a pod running `pwd`, successive `kubectl get pod`:
//     pod-with-command   0/1   Completed          1 (3s ago)   10s
//     pod-with-command   0/1   CrashLoopBackOff   1 (2s ago)   11s
// - an `oc get pods -w` of a mysql pod exiting at once for a missing variable (the search index's
//   file 27038374253; no repository named, so not the test's source of truth, a second witness):
//     Error              1 (1s ago)   29s
//     CrashLoopBackOff   1 (2s ago)   30s
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const published = publishedRows(`
pod-with-command   0/1   Completed          1 (3s ago)   10s
pod-with-command   0/1   CrashLoopBackOff   1 (2s ago)   11s`);

const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: pod-with-command
spec:
  containers:
    - name: busybox
      image: busybox
      command: ["pwd"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 60s
`;

describe('transcript: CrashLoopBackOff one relist after the second run\'s row (netology lab, an OpenShift watch)', () => {
  it.each(['1.27', '1.31', '1.35'])('prints Completed 1, then CrashLoopBackOff 1 one second later, not a requeue later (%s) [0.9] [10.2]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    const at = expectSubsequence(published, ours);
    expect(ours[at[1]!]!.t - ours[at[0]!]!.t).toBeCloseTo(published[1]!.t - published[0]!.t, 6);
  });

  it.each(['1.27', '1.31', '1.35'])('that sync records the BackOff event again (%s) [0.9] [4.9]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const first = events.find((e) => e.type === 'container.backoff')!;
    const again = events.find((e) => e.type === 'container.backoffAgain')!;
    expect(again.t - first.t).toBeCloseTo(1, 6);
    expect(again.cause).toEqual([first.id]);
  });

  it.each(['1.36', '1.37'])('from 1.36 the on-demand relist restarts at once and finds the second run dead while the next sync waits: CrashLoopBackOff at the next periodic relist, under a second after the run ended, with two BackOff events (%s) [0.8] [0.9] [4.9]', (version) => {
    const trace = runScenario(withVersion(scenario, version)).trace!;
    const secondEnd = trace.events.filter((e) => e.type === 'container.exit')[1]!.t;
    const clbo = trace.events.find((e) => e.type === 'pod.kubectl' && e.status === 'CrashLoopBackOff')!;
    expect(clbo.t - secondEnd).toBeGreaterThan(0);
    expect(clbo.t - secondEnd).toBeLessThanOrEqual(1);
    expect(clbo.t % 1).toBeCloseTo(0, 6); // a periodic relist: the node's whole seconds
    const backoffs = trace.events.filter((e) => (e.type === 'container.backoff' || e.type === 'container.backoffAgain') && e.t <= clbo.t);
    expect(backoffs.map((e) => e.type)).toEqual(['container.backoff', 'container.backoffAgain']);
  });

  it.each(['1.27', '1.31'])('up to 1.34 the back-off\'s requeue (10 s in the engine) counts from that sync, so the restart comes a second later than from the first (%s) [0.9] [4.6]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const again = events.find((e) => e.type === 'container.backoffAgain')!;
    const pull = events.find((e) => e.type === 'container.pulling' && e.t > again.t)!; // imagePullPolicy Always: the restart's sync pulls first
    expect(pull.t - again.t).toBeCloseTo(10, 6);
  });
});
