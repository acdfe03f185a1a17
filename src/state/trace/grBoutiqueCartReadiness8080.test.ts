// Online Boutique's cartservice with its gRPC probes on a port the app does not open, as a lab's
// notes printed it in k9s's describe view (search-index file 32235923732, no repository, author or
// date named; a file of troubleshooting notes for a deliberately broken microservices-demo.yaml on
// a kind cluster: `frontend-external LoadBalancer … 172.18.0.6`, pod IPs in kind's 10.244.0.0/16).
// Published (k9s wrapped the line; joined here with one space):
//
//   │   Warning  Unhealthy  26m (x12 over 29m)    kubelet            Readiness probe failed: timeout: failed to connect service
//           "10.244.170:8080" within 1s: context deadline exceeded      │
//
//   fix liveness ports in microservices-demo.yaml (cartservice)
//
// The address lost an octet in the copy ("10.244.170"); the engine has no pod IP and writes
// `<pod IP>`, so the message is compared with the address aside. cartservice listens on 7070 (its
// Service `cartservice ClusterIP … 7070/TCP` in the same notes); the fix names the probe ports, so
// the broken manifest probed 8080, where nothing listens. The lab's manifest is not in the notes:
// the probes are taken as Online Boutique's (readiness: initialDelaySeconds 15, the defaults
// otherwise; liveness: initialDelaySeconds 15, periodSeconds 10), both `grpc: { port: 8080 }`;
// a liveness probe that passed would leave the readiness probe failing every 10 s for 29 min
// (x170 or so, not x12), so the liveness probe failed too.
// Version: not printed. The count says 1.34 or later under [10.7]: from 1.34 a pod's Warning events
// have their own bucket of 25, and the engine then gives this row as published (x12, its last
// write 140 s after its first, which "26m … over 29m" allows: 120-240 s); at 1.27-1.33 one bucket
// of 25 shared with Pulled/Created/Started runs dry sooner and the row stops at x6 or x7 (checked
// below as the engine's reading, not as the node's). k9s prints no `spec.containers{server}: `
// prefix: its describe printer is a vendored kubectl before 1.35 ([10.6]), which says nothing of the
// server; the prefix the engine writes from 1.35 is set aside.
// Rules: [5.17] a gRPC run on a port nobody opens dials until timeoutSeconds (1 s) and fails with
// `timeout: failed to connect service "<addr>" within 1s: context deadline exceeded`; [5.13] one
// Unhealthy per failed run; [5.4] liveness failureThreshold 3 kills; [10.7] the spam filter.
// Input: the probes above, the app never listening on 8080 (startDelay far past the run), the
// image present or pulled in 12 s (both give the row). Checked: the message word for word (address
// aside), the count exactly, the age and "over" as kubectl prints them at a dump 29m 10s after the
// first run, the gap between first and last write within what the printed minutes allow, and that
// the container was restarted (liveness kills) while the readiness row stopped.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents } from './describeEvents';
import { apiSecond } from '../../engine/kubectl/humanDuration';

const POD = 'cartservice-7d9f8b6c5-x2k4q';
const scenario = (version: string, pull: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD} }
spec:
  containers:
    - name: server
      image: gcr.io/google-samples/microservices-demo/cartservice:v0.10.1
      ports: [{ containerPort: 7070 }]
      readinessProbe:
        initialDelaySeconds: 15
        grpc: { port: 8080 }
      livenessProbe:
        initialDelaySeconds: 15
        periodSeconds: 10
        grpc: { port: 8080 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 35m
containers:
  server: { pull: ${pull}, startDelay: 100000s }
`;

const PUBLISHED = 'Readiness probe failed: timeout: failed to connect service "10.244.170:8080" within 1s: context deadline exceeded';
const IP = '10.244.170';
const PREFIX = 'spec.containers{server}: ';

function readinessRow(version: string, pull: string) {
  const trace = runScenario(scenario(version, pull)).trace!;
  const first = trace.events.find((e) => e.type === 'probe.failed')!.t;
  const dump = first + 29 * 60 + 10;
  const rows = describeEvents(trace, dump, POD).filter((r) => r.reason === 'Unhealthy' && r.message.replace(PREFIX, '').startsWith('Readiness'));
  return { trace, dump, rows };
}

describe('transcript: Online Boutique cartservice, gRPC probes on port 8080 where nothing listens (k9s describe, kind)', () => {
  it.each(Array.of(['1.34', '0'], ['1.35', '0'], ['1.37', '0'], ['1.34', '12s'], ['1.37', '12s']))('Readiness `26m (x12 over 29m)`, the dial\'s timeout word for word (%s, pull %s) [5.17] [5.13] [10.7]', (version, pull) => {
    const { dump, rows } = readinessRow(version, pull);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.type).toBe('Warning');
    expect(row.message.replace(PREFIX, '').replace('<pod IP>', IP)).toBe(PUBLISHED);
    expect(row.count).toBe(12);
    expect(ageText(row, dump)).toBe('26m (x12 over 29m)');
    const gap = apiSecond(row.t) - apiSecond(row.first);
    expect(gap).toBeGreaterThan(120);
    expect(gap).toBeLessThan(240);
  });

  it.each(['1.34', '1.37'])('the liveness probe on the same port kills the container again and again, so it was restarted meanwhile (%s) [5.4] [5.17]', (version) => {
    const { trace, dump } = readinessRow(version, '0');
    const kills = trace.events.filter((e) => e.type === 'container.kill' && e.t <= dump);
    expect(kills.length).toBeGreaterThan(3);
    const liveness = trace.events.filter((e): e is Extract<typeof e, { type: 'probe.failed' }> => e.type === 'probe.failed' && e.t <= dump && e.probe === 'liveness');
    expect(liveness.length).toBeGreaterThanOrEqual(3 * kills.length);
    expect(liveness.every((e) => e.output === 'timeout: failed to connect service "<pod IP>:8080" within 1s: context deadline exceeded')).toBe(true);
  });

  it.each(['1.27', '1.31', '1.33'])('the engine\'s reading of the version: with one bucket of 25 for the pod the readiness row is not the published one (%s) [10.7]', (version) => {
    // Up to 1.31 the readiness and liveness failures come at the same ticks and the Readiness row is
    // the one the refills write (x35, 14m); at 1.33 it stops at x7.
    const { rows, dump } = readinessRow(version, '0');
    expect(rows).toHaveLength(1);
    expect(ageText(rows[0]!, dump)).not.toBe('26m (x12 over 29m)');
  });
});
