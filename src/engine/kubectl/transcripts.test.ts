// Published `kubectl get pod` lines, kept as tests with their source. Each checks the engine's
// printPod (and, where the transcript shows a whole run, the simulation) against what a real
// cluster printed. [14.1] [14.4] [6.2]
import { describe, expect, it } from 'vitest';
import { exited, podOf } from '../apiPod/statusBuilders';
import { runScenario } from '../run';
import { printPod } from './printPod';

describe('real transcripts', () => {
  // https://github.com/kubernetes/website/pull/49519 (Server Version v1.32.0, kind):
  //   pod-x   0/1     Init:Error   0          26s
  it('website#49519: a Never pod whose init container runs `exit 1` prints 0/1 Init:Error 0 (1.32)', () => {
    const r = runScenario(`apiVersion: v1
kind: Pod
metadata:
  name: pod-x
spec:
  restartPolicy: Never
  containers:
    - name: main-container
      image: nginx
  initContainers:
    - name: init-container
      image: busybox
      command: ["sh", "-c", "exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.32"
until: 26s
`);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const rows = r.trace!.events.filter((e) => e.type === 'pod.kubectl');
    expect(rows.at(-1)).toMatchObject({ ready: '0/1', status: 'Init:Error', restarts: '0' });
    expect(r.trace!.events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Failed' });
  });

  // https://github.com/kubernetes/kubernetes/issues/116954 (March 2023, before 1.31): a Job pod in
  // phase Succeeded (Initialized reason PodCompleted) with a deletionTimestamp printed
  //   cidr-0-backup-27994557-hhz76   0/1     Terminating   0          3d5h
  // The issue shows the pod's metadata and conditions; its container status is taken as the
  // Completed state a Succeeded one-container pod has.
  it('kubernetes#116954: a Succeeded pod with a deletionTimestamp prints 0/1 Terminating 0 before 1.31, Completed after', () => {
    const pod = podOf({ restartPolicy: 'Never', main: ['backup'] }, [], [exited('backup', 0)], {
      phase: 'Succeeded', deletionTimestamp: 100,
      conditions: [{ type: 'Initialized', status: 'True', reason: 'PodCompleted' }, { type: 'Ready', status: 'False', reason: 'PodCompleted' }],
    });
    expect(printPod(pod, 1000, { minor: 27 })).toEqual({ ready: '0/1', status: 'Terminating', restarts: '0' });
    expect(printPod(pod, 1000, { minor: 31 })).toEqual({ ready: '0/1', status: 'Completed', restarts: '0' });
  });
});
