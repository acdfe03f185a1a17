// A published dump of a crash-looping pod, run through the engine. Rules exercised: [4.5] the
// back-off (10 s doubling, the first restart at once), [10.4] restartCount, [14.3] the printer
// (a Waiting reason wins; RESTARTS with the last termination's age).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { rowAt, simulatedRows, withVersion } from './watch.testkit';

describe('transcript: portainer/portainer#5314, a centos Deployment whose shell exits 0 at once', () => {
  // https://github.com/portainer/portainer/issues/5314 (July 2021, microk8s, about 1.21):
  // `kubectl describe pod centos-new-6846f658db-w4qhj` shows
  //   Start Time:   Wed, 14 Jul 2021 19:46:08 +0000
  //   State:          Waiting
  //     Reason:       CrashLoopBackOff
  //   Last State:     Terminated
  //     Reason:       Completed
  //     Exit Code:    0
  //     Finished:     Wed, 14 Jul 2021 19:52:22 +0000
  //   Restart Count:  6
  // so the sixth restart ended 374 s after the start, and the seventh (back-off 300 s) had not
  // come yet. (src/engine/explain/fixtures/crashloop.yaml is the same pod as a YAML dump.)
  const sixthRestartEnded = 6 * 60 + 14;
  // The Deployment's container: image centos, no command (bash, which exits 0 at once without a
  // terminal), imagePullPolicy Always. Not modelled: the pod worker's requeue jitter (10 s ×
  // [1, 1.5) per try while in back-off) and Docker Hub's answer to each pull, which only delay
  // each restart; so the engine's sixth restart must end no later than the real one.
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: centos-new-6846f658db-w4qhj
  labels:
    app: centos-new
spec:
  containers:
  - image: centos
    imagePullPolicy: Always
    name: centos-new
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 10m
`;

  it.each(['1.27', '1.31', '1.36'])('shows CrashLoopBackOff with RESTARTS 6 after the sixth restart ended, until the 300 s back-off is over (%s) [4.5] [14.3]', (version) => {
    const text = withVersion(scenario, version);
    const exits = runScenario(text).trace!.events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    // Seven runs: the first, then six restarts; the engine's sixth restart ends first.
    expect(exits.length).toBeGreaterThanOrEqual(7);
    expect(exits[6]!).toBeLessThanOrEqual(sixthRestartEnded);
    const ours = simulatedRows(text);
    for (const t of [sixthRestartEnded + 10, exits[6]! + 300 - 1]) {
      expect(rowAt(ours, t)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '6' });
    }
  });
});
