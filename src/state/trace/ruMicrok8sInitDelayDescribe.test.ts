// A Russian course homework, «Запуск приложений в K8S», task 2 (search-index file 62045756442, no
// repository named; captures dated 31 August and 1 September 2026, on MicroK8s, node `microk8s`):
// a Deployment whose pod waits in a busybox init container `sleep 15` before nginx:1.14.0.
// Published (pod nginx-8547d867cd-gqtl8, namespace task02; Start Time Tue, 01 Sep 2026 06:40:11
// +0300; the init container `delay` Started 06:40:15, Finished 06:40:30, exit 0; nginx Started
// 06:40:31; `kubectl get po` before the describe: `nginx-8547d867cd-gqtl8 1/1 Running 0 32s`):
//
//   Normal  Scheduled  89s   default-scheduler  Successfully assigned task02/nginx-8547d867cd-gqtl8 to microk8s
//   Normal  Pulling    89s   kubelet            spec.initContainers{delay}: Pulling image "busybox"
//   Normal  Pulled     86s   kubelet            spec.initContainers{delay}: Successfully pulled image "busybox" in 2.882s (2.882s including waiting).Image size: 2236931 bytes.
//   Normal  Created    86s   kubelet            spec.initContainers{delay}: Container created
//   Normal  Started    86s   kubelet            spec.initContainers{delay}: Container started
//   Normal  Pulled     70s   kubelet            spec.containers{nginx}: Container image "nginx:1.14.0" already present on machine and can be accessedby the pod
//   Normal  Created    70s   kubelet            spec.containers{nginx}: Container created
//   Normal  Started    70s   kubelet            spec.containers{nginx}: Container started
//
// Version: not printed. The `spec.initContainers{…}: ` prefix is kubectl 1.35's (#133627), the
// `Container created` / `Container started` wording and "… and can be accessed by the pod" a 1.35+
// kubelet's ([10.6]); MicroK8s in September 2026 tracks 1.35 to 1.37. Run at 1.35, 1.36, 1.37.
// The published text lost two spaces in copying ("bytes.Image size" is `. Image size:`, upstream's
// format; "accessedby"): they are compared with the spaces put back.
// Given: busybox pulled in 2.882 s, its size 2236931 bytes (the node's Pulled row); nginx:1.14.0
// already on the node (it ran in the task before); the pod created at its scheduling (t = 0).
// Checked: every kubelet row's message word for word, its count and its age at the describe (89 s
// after the scheduling); the container timestamps to their whole second; the `get po` row.
// Not checked: the Scheduled row's node name (the engine's node is `node-1`).
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { rowAt, simulatedRows } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const POD = 'nginx-8547d867cd-gqtl8';
const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, namespace: task02, labels: { app: task02 } }
spec:
  initContainers:
    - name: delay
      image: busybox
      command: ["sleep", "15"]
  containers:
    - name: nginx
      image: nginx:1.14.0
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 100s
containers:
  delay: { pull: 2.882s, imageSize: 2236931 }
  nginx: { pull: 0s }
`;

const PUBLISHED = String.raw`
  Normal  Pulling    89s   kubelet            spec.initContainers{delay}: Pulling image "busybox"
  Normal  Pulled     86s   kubelet            spec.initContainers{delay}: Successfully pulled image "busybox" in 2.882s (2.882s including waiting).Image size: 2236931 bytes.
  Normal  Created    86s   kubelet            spec.initContainers{delay}: Container created
  Normal  Started    86s   kubelet            spec.initContainers{delay}: Container started
  Normal  Pulled     70s   kubelet            spec.containers{nginx}: Container image "nginx:1.14.0" already present on machine and can be accessedby the pod
  Normal  Created    70s   kubelet            spec.containers{nginx}: Container created
  Normal  Started    70s   kubelet            spec.containers{nginx}: Container started
`.trim().split('\n').map(publishedEvent);

/** The published message with the two spaces the copy lost put back. */
const repaired = (message: string) => message.replace('.Image size', '. Image size').replace('accessedby', 'accessed by');

const VERSIONS = ['1.35', '1.36', '1.37'];
const DESCRIBED_AT = 89.5;

describe('transcript: MicroK8s homework task02, an init container `sleep 15` before nginx (September 2026)', () => {
  it.each(VERSIONS)('describes the init container\'s pull, its start and nginx\'s start as published (%s) [10.6] [10.7]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, DESCRIBED_AT, POD);
    // Scheduled first, 89s old (the pod's creation).
    expect(rows[0]!.reason).toBe('Scheduled');
    expect(Math.floor(DESCRIBED_AT - apiSecond(rows[0]!.t))).toBe(89);
    const kubelet = rows.filter((r) => r.from === 'kubelet');
    for (const p of PUBLISHED) expectPublishedEvent(kubelet, p, DESCRIBED_AT, { message: repaired(p.message) });
    expect(kubelet).toHaveLength(PUBLISHED.length);
    // The rows in the published order (the same second's rows by their first occurrence).
    expect(kubelet.map((r) => `${r.reason} ${r.message.slice(0, 24)}`)).toEqual(PUBLISHED.map((p) => `${p.reason} ${repaired(p.message).slice(0, 24)}`));
  });

  it.each(VERSIONS)('dates the runs as the pod dump does: delay 4 s after Start Time for 15 s, nginx a second after its exit (%s) [2.1] [14.2]', (version) => {
    const events = runScenario(scenario(version)).trace!.events;
    const at = (type: string, container: string) => events.find((e) => e.type === type && 'container' in e && e.container === container)!.t;
    const delayStarted = Math.floor(at('container.start', 'delay'));
    const delayFinished = Math.floor(at('container.exit', 'delay'));
    const nginxStarted = Math.floor(at('container.start', 'nginx'));
    // Published: 06:40:11 (Start Time), 06:40:15, 06:40:30, 06:40:31.
    expect(Math.abs(delayStarted - 4)).toBeLessThanOrEqual(1);
    expect(delayFinished - delayStarted).toBe(15);
    expect(nginxStarted - delayFinished).toBe(1);
  });

  it.each(VERSIONS)('prints `1/1 Running 0` at 32s (%s) [14.1]', (version) => {
    expect(rowAt(simulatedRows(scenario(version)), 32)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});
