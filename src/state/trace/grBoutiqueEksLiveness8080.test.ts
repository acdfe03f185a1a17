// A liveness gRPC probe that ran before the app listened, on Amazon EKS: the README of a student's
// Online Boutique deployment (search-index file 57402462097, "Deploying a production-ready
// microservices e-commerce platform on Amazon EKS"; the same text as file 57376445677; no
// repository, author or date named). Published, under "Challenges faced":
//
//   1. Liveness probe failed: timeout: failed to connect service "172.168.1.53:8080" within 1s: context deadline exceeded -> liveness probe initialDelaySeconds was too less, and it was killing the pod too earlt. This was fixed by increasing the time
//
// Version: not printed (EKS; native gRPC probes, so 1.24+, GA 1.27); run at 1.27, 1.31 and 1.37,
// nothing in [5.17] changing among them. Port 8080 is one of Online Boutique's Python services
// (emailservice, recommendationservice), whose upstream probes are `grpc: { port: 8080 }` with
// periodSeconds 5 (timeoutSeconds and failureThreshold at their defaults, 1 and 3).
// Rules: [5.17] a run begun before the app listens dials until timeoutSeconds runs out and fails
// with that message; [5.13] one Unhealthy per failed run; [5.4] three in a row kill the container;
// [5.3] initialDelaySeconds holds the first run back.
// Input (the README gives neither): the app listens 40 s after its start, and the "too less"
// initialDelaySeconds is 10 (any value under about 25 s gives kills; the fix is taken as 60 s).
// Checked: the message word for word, the address aside (the engine has no pod IP); that each
// failed run ended a full second (the timeout) after it began, as a dial does and a refused HTTP or
// TCP connection does not; that the container is killed for it ("killing the pod too early"); and
// that with the delay raised the same app is never killed and no run fails.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { TraceEvent } from '../../engine/trace';
import { describeEvents } from './describeEvents';

const POD = 'emailservice-5d9c7b8f6-q7wzp';
const scenario = (version: string, delay: number, handler = 'grpc: { port: 8080 }') => `apiVersion: v1
kind: Pod
metadata: { name: ${POD} }
spec:
  containers:
    - name: server
      image: gcr.io/google-samples/microservices-demo/emailservice:v0.10.1
      ports: [{ containerPort: 8080 }]
      livenessProbe:
        initialDelaySeconds: ${delay}
        periodSeconds: 5
        ${handler}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 3m
containers:
  server: { pull: 0, startDelay: 40s }
`;

const PUBLISHED = 'Liveness probe failed: timeout: failed to connect service "172.168.1.53:8080" within 1s: context deadline exceeded';
const PREFIX = 'spec.containers{server}: ';
type Failed = Extract<TraceEvent, { type: 'probe.failed' }>;
const failedRuns = (evs: TraceEvent[]) => evs.filter((e): e is Failed => e.type === 'probe.failed');

describe('transcript: Online Boutique on EKS, a gRPC liveness probe before the app listens', () => {
  it.each(['1.27', '1.31', '1.37'])('prints the dial\'s timeout word for word and kills the container (%s) [5.17] [5.13] [5.4]', (version) => {
    const trace = runScenario(scenario(version, 10)).trace!;
    const failed = failedRuns(trace.events);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const e of failed) expect(e.output?.replace('<pod IP>', '172.168.1.53')).toBe(PUBLISHED.replace('Liveness probe failed: ', ''));
    const rows = describeEvents(trace, 170, POD).filter((r) => r.reason === 'Unhealthy');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.message.replace(PREFIX, '').replace('<pod IP>', '172.168.1.53')).toBe(PUBLISHED);
    const kills = trace.events.filter((e) => e.type === 'container.kill');
    expect(kills.length).toBeGreaterThanOrEqual(1);
    expect(kills[0]!.t).toBeLessThan(40);
  });

  it('each failed run ends a second after its tick, where a TCP probe on the same port fails at the tick [5.17] [5.13]', () => {
    const grpc = failedRuns(runScenario(scenario('1.31', 10)).trace!.events).map((e) => e.t);
    const tcp = failedRuns(runScenario(scenario('1.31', 10, 'tcpSocket: { port: 8080 }')).trace!.events).map((e) => e.t);
    expect(grpc.slice(0, 3).map((t, i) => t - tcp[i]!)).toEqual(Array.of(1, 1, 1));
  });

  it.each(['1.27', '1.37'])('with initialDelaySeconds raised past the app\'s start, nothing fails and nothing is killed (%s) [5.3]', (version) => {
    const evs = runScenario(scenario(version, 60)).trace!.events;
    expect(failedRuns(evs)).toEqual([]);
    expect(evs.some((e) => e.type === 'container.kill')).toBe(false);
  });
});
