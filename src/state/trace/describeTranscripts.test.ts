// A published `kubectl describe pod` Events section, run through the engine and the describe
// panel's projection (describeEvents). Source: devfile/devworkspace-operator#1168, comment by
// AObuchow, August 2023 (minikube; Kubernetes 1.27 or 1.28): the kubernetes.io lifecycle-demo pod
// (nginx, a postStart exec hook and the docs' preStop `nginx -s quit; while killall -0 nginx; …`)
// with a postStart hook that fails. Upstream: startContainer and executePreStopHook in
// kuberuntime_container.go record the bare "PostStartHook failed" / "PreStopHook failed" (since
// 1.26, #119541), and killContainer's Killing event carries its caller's message
// "FailedPostStartHook"; the preStop hook runs on that kill ([3.4], [8.3]). Published, verbatim:
//
//   Events:
//     Type     Reason               Age              From               Message
//     ----     ------               ----             ----               -------
//     Normal   Scheduled            5s               default-scheduler  Successfully assigned devworkspace-controller/lifecycle-demo to minikube
//     Normal   Pulled               4s               kubelet            Successfully pulled image "nginx" in 589.651197ms (589.662446ms including waiting)
//     Normal   Pulling              3s (x2 over 5s)  kubelet            Pulling image "nginx"
//     Normal   Created              3s (x2 over 4s)  kubelet            Created container lifecycle-demo-container
//     Normal   Started              3s (x2 over 4s)  kubelet            Started container lifecycle-demo-container
//     Warning  FailedPostStartHook  3s (x2 over 4s)  kubelet            PostStartHook failed
//     Normal   Killing              3s (x2 over 4s)  kubelet            FailedPostStartHook
//     Warning  FailedPreStopHook    3s (x2 over 4s)  kubelet            PreStopHook failed
//     Normal   Pulled               3s               kubelet            Successfully pulled image "nginx" in 460.949193ms (461.095788ms including waiting)
//     Warning  BackOff              1s (x2 over 2s)  kubelet            Back-off restarting failed container lifecycle-demo-container in pod lifecycle-demo_devworkspace-controller(3…
//
// Given to the engine: both hooks fail at once (the failing postStart command is not quoted in
// the comment; the preStop's `killall` is not in the nginx image, so it exits 127 right after
// `nginx -s quit`), and each pull's time as published, to the millisecond (589.651197 ms, then
// 460.949193 ms: the untruncated durations of a 1.27 kubelet, [10.6]). Not compared
// (the Created message is compared since [10.6]: "Created container X" is the wording to 1.31); the second BackOff row (the engine writes one BackOff by then,
// whose age matches the published first one: a later sync that re-reported the back-off is not
// modelled, docs/transcripts.md).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents, humanDuration } from './describeEvents';
import { createdMessage, describedMessage, startedMessage, traceMinor } from './eventWording';

const published127 = (version: string) => version === '1.27' || version === '1.28';

const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle-demo
spec:
  containers:
  - name: lifecycle-demo-container
    image: nginx
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", "badcommand"]
      preStop:
        exec:
          command: ["/bin/sh","-c","nginx -s quit; while killall -0 nginx; do sleep 1; done"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 8s
containers:
  lifecycle-demo-container:
    pull: 0.589s
    registryCheck: 0.460s
    postStart: { duration: 0s, exitCode: 127 }
    preStop: { duration: 0s, exitCode: 127 }
`;

/** The published rows compared, as Type, Reason, Age, Message (null: message not compared). */
const published: [string, string, string, string | null][] = [
  ['Normal', 'Scheduled', '5s', null],
  ['Normal', 'Pulling', '3s (x2 over 5s)', 'Pulling image "nginx"'],
  ['Normal', 'Created', '3s (x2 over 4s)', 'Created container lifecycle-demo-container'],
  ['Normal', 'Started', '3s (x2 over 4s)', 'Started container lifecycle-demo-container'],
  ['Warning', 'FailedPostStartHook', '3s (x2 over 4s)', 'PostStartHook failed'],
  ['Normal', 'Killing', '3s (x2 over 4s)', 'FailedPostStartHook'],
  ['Warning', 'FailedPreStopHook', '3s (x2 over 4s)', 'PreStopHook failed'],
];

describe('transcript: devfile/devworkspace-operator#1168, describe Events of a pod whose postStart hook fails', () => {
  // The published Scheduled age (5s) puts the dump 5 to 6 s after scheduling.
  for (const version of ['1.27', '1.28', '1.31', '1.36']) {
    for (const at of [5.5, 5.9]) {
      it(`${version}, dump at ${at}s: the hook failures, the Killing message and their ages as published [3.4] [8.3]`, () => {
        const trace = runScenario(scenario(version)).trace!;
        const rows = describeEvents(trace, at, 'lifecycle-demo');
        for (const [type, reason, age, message] of published) {
          const row = rows.find((r) => r.reason === reason);
          expect(row, reason).toBeDefined();
          expect([row!.type, ageText(row!, at)], reason).toEqual([type, age]);
          // The node ran 1.27 or 1.28: Created and Started read as published there, and in each
          // other version's own wording ([10.6], eventWording.ts).
          const expected = reason === 'Created' && !published127(version) ? createdMessage('lifecycle-demo-container', traceMinor(version))
            : reason === 'Started' && !published127(version) ? startedMessage('lifecycle-demo-container', traceMinor(version))
              : message;
          // …and kubectl 1.35+ names the container before each message (#133627).
          if (expected !== null) expect(row!.message, reason).toBe(describedMessage(expected, 'spec.containers{lifecycle-demo-container}', traceMinor(version)));
        }
        // Pulled: two rows, each pull's own time, as Go prints a duration ([10.6]): whole at 1.27
        // (published: "589.651197ms", "460.949193ms"), truncated to the millisecond from 1.28
        // (#117276). The engine's clock counts milliseconds, so its pulls are the published ones
        // truncated, and the forms agree from 1.28 on; the published "(589.662446ms including
        // waiting)" is the kubelet's own 11 µs more, where the engine's waiting is the pull.
        const pulls = rows.filter((r) => r.reason === 'Pulled').map((r) => r.message.replace(/^spec\.containers\{[^}]*\}: /, ''));
        expect(pulls).toEqual(['Successfully pulled image "nginx" in 589ms (589ms including waiting)', 'Successfully pulled image "nginx" in 460ms (460ms including waiting)']);
        // BackOff: published "1s (x2 over 2s)"; the engine's first BackOff is as old as the published first one.
        const backOff = rows.find((r) => r.reason === 'BackOff')!;
        expect(humanDuration(at - backOff.first)).toBe('2s');
      });
    }
  }
});
