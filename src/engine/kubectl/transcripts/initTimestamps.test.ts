// A published pod dump with the timestamps of an init container and the main container after it:
// the hand-over from a finished init container to the main one, second by second. Rules
// exercised: [0.2] [0.6] the exit seen at the next relist, [2.1] the main container started in the
// sync that relist asks for, [7.2] Initialized with that sync's status, [5.6] [7.3] [7.4] ready
// (no readiness probe) at the relist after its start. Sources and verdicts: docs/transcripts.md.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { withVersion } from './watch.testkit';

describe('transcript: the KodeKloud lab\'s "blue" pod, an init container sleeping 5 s before the main container', () => {
  // https://github.com/fernandomullerjr/cka-certified-kubernetes-administrator/blob/main/Secao5-Application-Lifecycle-Management/115-Practice-Test-Init-Containers.md
  // (the same lab log as initCrashLoop.test.ts; k3s, May 2023, 1.26 or 1.27). `kubectl get pod blue
  // -o yaml` and `describe`, in seconds from the creationTimestamp 23:42:13 (every timestamp is
  // whole seconds, so each difference is good to a second either way):
  const published = {
    initStarted: 3, // initContainerStatuses startedAt 23:42:16
    initFinished: 8, // finishedAt 23:42:21
    initialized: 8, // Initialized lastTransitionTime 23:42:21
    mainStarted: 9, // containerStatuses startedAt 23:42:22
    ready: 9, // Ready and ContainersReady lastTransitionTime 23:42:22
  };
  // Given: the busybox pull the events show (1.69 s, `imagePullPolicy: Always`); busybox:1.28 was
  // already on the node ("already present on machine").
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: blue
spec:
  containers:
  - command: ["sh", "-c", "echo The app is running! && sleep 3600"]
    image: busybox:1.28
    imagePullPolicy: IfNotPresent
    name: green-container-1
  initContainers:
  - command: ["sh", "-c", "sleep 5"]
    image: busybox
    imagePullPolicy: Always
    name: init-myservice
  restartPolicy: Always
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 20s
containers:
  init-myservice: { pull: 1.69s }
  green-container-1: { pull: 0 }
`;

  it.each(['1.27', '1.31', '1.36'])('starts, finishes and hands over within 1 s of each published timestamp (%s) [2.1] [7.2] [7.4]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const at = (pred: (e: (typeof events)[number]) => boolean) => events.find(pred)!.t;
    const ours = {
      initStarted: at((e) => e.type === 'container.start' && e.container === 'init-myservice'),
      initFinished: at((e) => e.type === 'container.exit' && e.container === 'init-myservice'),
      initialized: at((e) => e.type === 'pod.condition' && e.condition === 'Initialized' && e.status === 'True'),
      mainStarted: at((e) => e.type === 'container.start' && e.container === 'green-container-1'),
      ready: at((e) => e.type === 'pod.condition' && e.condition === 'Ready' && e.status === 'True'),
    };
    for (const [what, t] of Object.entries(published)) {
      expect(Math.abs(ours[what as keyof typeof ours] - t), what).toBeLessThanOrEqual(1);
    }
  });
});
