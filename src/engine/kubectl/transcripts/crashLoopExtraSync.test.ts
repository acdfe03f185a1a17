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
  it.each(['1.27', '1.31', '1.35', '1.36', '1.37'])('prints Completed 1, then CrashLoopBackOff 1 one second later, not a requeue later (%s) [0.9] [10.2]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    const at = expectSubsequence(published, ours);
    expect(ours[at[1]!]!.t - ours[at[0]!]!.t).toBeCloseTo(published[1]!.t - published[0]!.t, 6);
  });

  it.each(['1.27', '1.31', '1.35', '1.36', '1.37'])('that sync records the BackOff event again (%s) [0.9] [4.9]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const first = events.find((e) => e.type === 'container.backoff')!;
    const again = events.find((e) => e.type === 'container.backoffAgain')!;
    expect(again.t - first.t).toBeCloseTo(1, 6);
    expect(again.cause).toEqual([first.id]);
  });

  // From 1.36 the sync that restarts the container asks for an on-demand relist ([0.8]), which
  // lists the runtime as that sync left it: `pwd` running (its exit is recorded after), so the
  // second run shows `1/1 Running 1` until the next periodic relist reports its exit; the extra
  // sync of [0.9] then writes CrashLoopBackOff a relist later, as on the earlier versions.
  it.each(['1.36', '1.37'])('from 1.36 the on-demand relist shows the second run running until the periodic relist reports its exit (%s) [0.8] [0.9]', (version) => {
    const trace = runScenario(withVersion(scenario, version)).trace!;
    const secondStart = trace.events.filter((e) => e.type === 'container.start')[1]!.t;
    const rows = trace.events.filter((e) => e.type === 'pod.kubectl' && e.t >= secondStart)
      .map((e) => e.type === 'pod.kubectl' && `${e.t} ${e.ready} ${e.status}`);
    const next = Math.ceil(secondStart);
    expect(rows.slice(0, 3)).toEqual([`${secondStart} 1/1 Running`, `${next} 0/1 Completed`, `${next + 1} 0/1 CrashLoopBackOff`]);
  });

  it.each(['1.27', '1.31'])('up to 1.34 the back-off\'s requeue (10 s in the engine) counts from that sync, so the restart comes a second later than from the first (%s) [0.9] [4.6]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const again = events.find((e) => e.type === 'container.backoffAgain')!;
    const pull = events.find((e) => e.type === 'container.pulling' && e.t > again.t)!; // imagePullPolicy Always: the restart's sync pulls first
    expect(pull.t - again.t).toBeCloseTo(10, 6);
  });
});
