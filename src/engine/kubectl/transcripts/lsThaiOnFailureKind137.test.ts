// A Thai course's "LAB บทที่ 2: Kubernetes Pod", LAB 5 (lifecycle), search-index file 70162894059
// (no repository named): a kind cluster `lab` of Kubernetes v1.37.0 (its `kubectl version`:
// "Server Version: v1.37.0", kindest/node:v1.37.0, containerd 2.3.4), outputs dated 5 October 2026
// (2569 BE). The pod `onfailure-pod`: restartPolicy OnFailure, busybox:1.36, a script that fails
// once (exit 1) and succeeds on its second run (a marker file on an emptyDir). Published, polled
// `kubectl get pods` every ~10 s:
//   # ~3s    onfailure-pod   0/1     ContainerCreating   0              3s
//   # ~10s   onfailure-pod   0/1     Completed           1 (2s ago)     11s
//   # ~20s   onfailure-pod   0/1     Completed           1 (11s ago)    20s
//   # ~7 min onfailure-pod   0/1     Completed           1 (7m5s ago)   7m14s
// and `phase=Succeeded restarts=1`. AGE minus "ago" is 9 in each: the first run's end, the
// container's last state, still printed seven minutes after the pod completed.
// Given: the image pull (the node had not pulled busybox:1.36 yet: ContainerCreating at 3 s), fitted
// so that the first run ends in the node's ninth second (8.3 s); the script's two exits (the
// Simulation document's runs: the engine does not read the marker file).
// Rules: [4.1] OnFailure restarts the failed run, not the successful one; [4.5] the first restart
// at once; [14.1] AGE and "ago" in whole seconds; [10.8] the last state: up to 1.35 the container
// deletor removes the first run and the next status has no last state; from 1.36
// (RestartAllContainersOnContainerExits on by default, kubernetes#136964) the written last state
// is carried over, so the "(… ago)" stays, as this 1.37 node printed it at 20 s and at 7m14s.
import { describe, expect, it } from 'vitest';
import { agoOf, publishedRows, restartCount, rowsWithLastRestart, withVersion } from './watch.testkit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: onfailure-pod
spec:
  restartPolicy: OnFailure
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "if [ -f /work/tried ]; then echo 'รอบสองสำเร็จ'; exit 0; else touch /work/tried; echo 'รอบแรกล้ม'; exit 1; fi"]
      volumeMounts:
        - name: work
          mountPath: /work
  volumes:
    - name: work
      emptyDir: {}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.37"
until: 440s
containers:
  app: { pull: 8.3, runs: [{ exitAfter: 0s, exitCode: 1 }, { exitAfter: 0s, exitCode: 0 }] }
`;

const LINES = [
  'onfailure-pod   0/1     ContainerCreating   0          3s',
  'onfailure-pod   0/1     Completed      1 (2s ago)   11s',
  'onfailure-pod   0/1     Completed      1 (11s ago)   20s',
  'onfailure-pod   0/1     Completed          1 (7m5s ago)    7m14s',
];

/** The engine's row showing at `t`, with the whole second its "(… ago)" counts from. */
function rowAtTime(rows: ReturnType<typeof rowsWithLastRestart>, t: number) {
  return rows.filter((r) => r.t <= t).at(-1)!;
}

describe('transcript: kind v1.37.0, an OnFailure pod that fails once, then succeeds (a Thai course, 5 October 2026)', () => {
  it.each(['1.36', '1.37'])('prints every polled row, and the first run\'s end for "ago" from 11 s to 7m14s (%s) [4.1] [4.5] [10.8] [14.1]', (version) => {
    const rows = rowsWithLastRestart(withVersion(POD, version));
    for (const line of LINES) {
      const [published] = publishedRows(line);
      const ours = rowAtTime(rows, published!.t);
      expect(ours.key, line).toBe(`${published!.ready} ${published!.status} ${restartCount(published!.restarts)}`);
      const ago = agoOf(line);
      if (ago === undefined) expect(ours.lastRestartAt, line).toBeUndefined();
      else expect(ours.lastRestartAt, line).toBe(published!.t - ago); // AGE − ago: second 9, strictly
    }
  });

  it('drops the "(… ago)" a relist after the pod completed at 1.35, so the 20 s and 7m14s rows would read `Completed 1` there (1.35) [10.8]', () => {
    const rows = rowsWithLastRestart(withVersion(POD, '1.35'));
    const [at11] = publishedRows(LINES[1]!);
    expect(rowAtTime(rows, at11!.t).lastRestartAt).toBe(9);
    for (const line of LINES.slice(2)) {
      const [published] = publishedRows(line);
      const ours = rowAtTime(rows, published!.t);
      expect(ours.key, line).toBe('0/1 Completed 1');
      expect(ours.lastRestartAt, line).toBeUndefined();
    }
  });
});
