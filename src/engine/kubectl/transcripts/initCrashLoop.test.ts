// A published init container crash loop, with its container timestamps: `kubectl get pods`, a
// `describe` and a YAML dump of the same pod. Rules exercised: [2.5] a failed init container is
// restarted under restartPolicy Always, [4.5] the back-off (10 s, 20 s, 40 s; the first restart at
// once), [10.4] restartCount and lastState, [14.1] the printer (`Init:CrashLoopBackOff`, RESTARTS
// dated by the last termination), [0.9] [4.9] the BackOff events. Sources and verdicts: docs/transcripts.md.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { simulatedRows, withVersion } from './watch.testkit';

describe('transcript: a KodeKloud CKA lab, the "orange" pod whose init container runs `sleeeep 2;`', () => {
  // https://github.com/fernandomullerjr/cka-certified-kubernetes-administrator/blob/main/Secao5-Application-Lifecycle-Management/115-Practice-Test-Init-Containers.md
  // (a lab log with notes in Portuguese; read in its 33,834-character version, the search index's
  // file 43214687345; the index's listed commit 255d1f0 holds an earlier, shorter one), on the
  // lab's k3s node, May 2023 (1.26 or 1.27). The pod was created at 00:01:17 (its
  // creationTimestamp); what was printed about it, in seconds from then:
  //   16 s  `orange  0/1  Init:CrashLoopBackOff  1 (13s ago)  16s` (the second run ended at 3 s)
  //   30 s  describe: State Terminated (Error, 127), Started/Finished 00:01:35 (18 s); Last State
  //         Finished 00:01:20 (3 s); Restart Count 2
  //   later YAML: restartCount 3, lastState finishedAt 00:02:01 (44 s), waiting CrashLoopBackOff
  //         "back-off 40s restarting failed container=init-myservice …"
  const secondRunEnded = 3;
  const thirdRunStarted = 18;
  const fourthRunEnded = 44;
  // The busybox pulls (`imagePullPolicy: Always`) took 0.41 to 0.46 s in the events: given. sh
  // exits 127 at once on the unknown `sleeeep`: given (the reader cannot tell what it does).
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: orange
spec:
  containers:
  - command: ["sh", "-c", "echo The app is running! && sleep 3600"]
    image: busybox:1.28
    imagePullPolicy: IfNotPresent
    name: orange-container
  initContainers:
  - command: ["sh", "-c", "sleeeep 2;"]
    image: busybox
    imagePullPolicy: Always
    name: init-myservice
  restartPolicy: Always
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 60s
containers:
  init-myservice: { pull: 0.42s, exitAfter: 0s, exitCode: 127 }
`;

  // The pod worker's requeue after a back-off error is 10 s × [1, 1.5) upstream and 10 s in the
  // engine, which restarts each time at the earliest a real kubelet could: each published restart
  // may come later than ours by the jitter of the requeues before it (up to 5 s each), never sooner.
  // Run at 1.27, 1.31, 1.34 only: from 1.35 the requeue comes at the back-off's end ([4.6]) and
  // from 1.36 the PLEG relists on demand ([0.8]), so each restart comes a little sooner and the
  // published 18 s would be more than one requeue's jitter late; the source (May 2023) predates both.
  it.each(['1.27', '1.31', '1.34'])('restarts no later than the published runs, and within the requeue jitter of them (%s) [2.5] [4.5]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    const exits = events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    // the first restart at once (whole-second timestamps on both ends: within 1.5 s)
    expect(Math.abs(exits[1]! - secondRunEnded)).toBeLessThanOrEqual(1.5);
    expect(starts[2]!).toBeLessThanOrEqual(thirdRunStarted);
    expect(thirdRunStarted - starts[2]!).toBeLessThanOrEqual(5);
    expect(exits[3]!).toBeLessThanOrEqual(fourthRunEnded);
    expect(fourthRunEnded - exits[3]!).toBeLessThanOrEqual(10);
    // the YAML's message: after the fourth run the back-off is 40 s
    const delays = events.filter((e) => e.type === 'container.backoff').map((e) => e.delay);
    expect(delays.slice(0, 3)).toEqual([10, 20, 40]);
  });

  // The describe at 30 s: `Warning BackOff 12s (x3 over 27s) kubelet Back-off restarting failed container`.
  // Up to the sync after the third run's end (published at 18 s, the last BackOff "12s" ago): the
  // engine's requeues are the shortest, so its later syncs come earlier than the node's; compared
  // up to that point, not up to 30 s.
  it.each(['1.27', '1.31', '1.34'])('records three BackOff events up to the third run\'s end, the first as the second run ends: two syncs in the first wait, one in the second (%s) [0.9] [4.9]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const thirdRunEnded = events.filter((e) => e.type === 'container.exit')[2]!.t;
    const backoffs = events.filter((e) => (e.type === 'container.backoff' || e.type === 'container.backoffAgain') && e.t <= thirdRunEnded + 1.5).map((e) => e.t);
    expect(backoffs).toHaveLength(3);
    expect(Math.abs(backoffs[0]! - secondRunEnded)).toBeLessThanOrEqual(1.5);
    expect(backoffs[1]! - backoffs[0]!).toBeCloseTo(1, 6); // one relist later ([0.9])
  });

  it.each(['1.27', '1.31', '1.34'])('prints `Init:CrashLoopBackOff 1` dated by the second run\'s end, as at 16 s (%s) [14.1]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    const row = ours.find((r) => r.status === 'Init:CrashLoopBackOff' && r.restarts === '1');
    expect(row).toMatchObject({ ready: '0/1' });
    // the engine's requeue is the shortest, so its row comes before 16 s; it stays until the restart
    expect(row!.t).toBeLessThanOrEqual(16);
    const printed = runScenario(withVersion(scenario, version)).trace!.events.find((e) => e.type === 'pod.kubectl' && e.t === row!.t && e.status === 'Init:CrashLoopBackOff');
    const ago = /\((\d+)s ago\)/.exec(printed!.type === 'pod.kubectl' ? printed!.restarts : '')![1];
    expect(Math.abs(row!.t - Number(ago) - secondRunEnded)).toBeLessThanOrEqual(1.5);
  });
});
