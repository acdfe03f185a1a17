// A published `kubectl describe pods` of three adservice replicas (Online Boutique,
// gcr.io/google-samples/microservices-demo/adservice:v0.5.1) whose exec probes time out: an OTUS
// course homework on Yandex Managed Kubernetes, outputs dated Fri, 03 Feb 2023 18:22:21 +0300
// (search-index file 14588383518, no repository named; a containerd node). All three dumps print,
// 38 s after scheduling:
//
//     Liveness:   exec [/bin/grpc_health_probe -addr=:9555] delay=20s timeout=1s period=15s #success=1 #failure=3
//     Readiness:  exec [/bin/grpc_health_probe -addr=:9555] delay=20s timeout=1s period=15s #success=1 #failure=3
//   ...
//     State:          Running
//       Started:      Fri, 03 Feb 2023 18:22:22 +0300
//     Ready:          False
//     Restart Count:  0
//   ...
//   Normal   Scheduled  38s   default-scheduler  Successfully assigned hipster-shop-prod/prod-adservice-56b7987989-2nxz8 to cl1sdl9jmenq18nt5jbd-ahak
//   Normal   Pulled     37s   kubelet            Container image "gcr.io/google-samples/microservices-demo/adservice:v0.5.1" already present on machine
//   Normal   Created    37s   kubelet            Created container server
//   Normal   Started    37s   kubelet            Started container server
//   Warning  Unhealthy  7s    kubelet            Liveness probe failed: command "/bin/grpc_health_probe -addr=:9555" timed out
//   Warning  Unhealthy  7s    kubelet            Readiness probe failed: command "/bin/grpc_health_probe -addr=:9555" timed out
//
// The server version is not printed; February 2023 and the `Created container server` wording
// (no colon, [10.6]) put it before 1.27, so the pod runs at 1.27, 1.31 and 1.36. The timeout's
// wording is this dump's up to 1.30 (pkg/kubelet/cri/remote ExecSync turns the runtime's
// DeadlineExceeded into `command %q timed out`, #106201, 1.23); from 1.31 the kubelet's runtime
// client (k8s.io/cri-client) words it `command timed out: "…" timed out after 1s` ([5.13],
// sim/probeOutput.ts), so the rows' times and counts are checked at every version, their words
// up to 1.30. Rules exercised: [5.2]
// initialDelaySeconds, [5.11] an exec run longer than timeoutSeconds fails, [5.13] one Unhealthy
// per failed run with its output, [7.3] a readiness probe without a success keeps the pod unready.
// Given (the source implies it, nothing more): the image is present ("already present on
// machine"), and each probe run takes longer than the 1 s timeout (2 s here; any value above 1 s
// gives the same rows). The probe's phase, random upstream, is the engine's: its first run after
// the 20 s delay comes at 30 s, where the node's came (Unhealthy 7 s before a 38 s dump).
// Ages: Scheduled and Unhealthy exact; Pulled, Created and Started within 1 s (the engine starts
// the container 0.7 s after scheduling, the same whole second as Scheduled, so it prints 38s where
// this node, a second slower, printed 37s; the dump's own Started time is 1 s after Start Time).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { simulatedRows, rowAt } from '../../engine/kubectl/transcripts/watch.testkit';
import { ageText, describeEvents } from './describeEvents';

const POD = 'prod-adservice-56b7987989-2nxz8';
const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, namespace: hipster-shop-prod }
spec:
  containers:
    - name: server
      image: gcr.io/google-samples/microservices-demo/adservice:v0.5.1
      ports: [{ containerPort: 9555 }]
      livenessProbe:
        exec: { command: ["/bin/grpc_health_probe", "-addr=:9555"] }
        initialDelaySeconds: 20
        periodSeconds: 15
        timeoutSeconds: 1
      readinessProbe:
        exec: { command: ["/bin/grpc_health_probe", "-addr=:9555"] }
        initialDelaySeconds: 20
        periodSeconds: 15
        timeoutSeconds: 1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
containers:
  server:
    pull: 0
    livenessProbe: { duration: 2s }
    readinessProbe: { duration: 2s }
`;

const dumpAt = 38; // the Scheduled row's age: the engine schedules at t = 0
const published: [reason: string, message: string, age: number][] = [
  ['Pulled', 'Container image "gcr.io/google-samples/microservices-demo/adservice:v0.5.1" already present on machine', 37],
  ['Created', 'Created container server', 37],
  ['Started', 'Started container server', 37],
  ['Unhealthy', 'Liveness probe failed: command "/bin/grpc_health_probe -addr=:9555" timed out', 7],
  ['Unhealthy', 'Readiness probe failed: command "/bin/grpc_health_probe -addr=:9555" timed out', 7],
];
const VERSIONS = ['1.27', '1.31', '1.36'];

describe('transcript: adservice exec probes timing out (describe Events, February 2023)', () => {
  it.each(VERSIONS)('records one Unhealthy per probe, its exec timeout as the version words it, 7 s before the 38 s dump, and nothing else after the start (%s) [5.2] [5.11] [5.13]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, POD);
    const unhealthy = rows.filter((r) => r.reason === 'Unhealthy');
    expect(unhealthy).toHaveLength(2);
    for (const [, published1] of published.filter(([reason]) => reason === 'Unhealthy')) {
      const text = Number(version.split('.')[1]) >= 31 ? published1.replace(/command (".*") timed out$/, 'command timed out: $1 timed out after 1s') : published1;
      const row = unhealthy.find((r) => r.message.endsWith(text));
      expect(row, text).toBeDefined();
      expect(row!.count).toBe(1);
      // From 1.32 a manual run resets the readiness ticker ([5.2]); the last one is the run the
      // readiness update's sync triggers ([0.2]: 2 s up to 1.35, 1 s after 1.36's on-demand relist),
      // so that row is 5 s or 6 s old at the dump where this pre-1.27 node's was 7 s.
      const minor = Number(version.split('.')[1]);
      const age = !text.startsWith('Readiness') || minor < 32 ? '7s' : minor < 36 ? '5s' : '6s';
      expect(ageText(row!, dumpAt)).toBe(age);
    }
    // no Killing yet: one failure of the three the liveness threshold asks for
    expect(rows.map((r) => r.reason).sort()).toEqual(['Created', 'Pulled', 'Scheduled', 'Started', 'Unhealthy', 'Unhealthy']);
    expect(ageText(rows.find((r) => r.reason === 'Scheduled')!, dumpAt)).toBe('38s');
  });

  it.each(VERSIONS)('pulls nothing, creates and starts the container within 1 s of the published 37s (%s)', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, POD);
    for (const reason of ['Pulled', 'Created', 'Started']) {
      const row = rows.find((r) => r.reason === reason)!;
      expect(row.count, reason).toBe(1);
      expect(Math.abs(dumpAt - row.t - 37), reason).toBeLessThanOrEqual(1);
    }
  });

  it.each(['1.27', '1.30'])('words every row as the dump does, the wording up to 1.30 (%s) [5.13] [10.6]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, POD);
    for (const [reason, text] of published) {
      expect(rows.some((r) => r.reason === reason && r.message === text), `${reason}: ${text}`).toBe(true);
    }
  });

  it.each(VERSIONS)('leaves the pod `0/1 Running 0`, Ready False, no restart, at the dump (%s) [7.3]', (version) => {
    const text = scenario(version);
    expect(rowAt(simulatedRows(text), dumpAt)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    const events = runScenario(text).trace!.events;
    expect(events.filter((e) => e.type === 'container.start')).toHaveLength(1);
    expect(events.some((e) => e.type === 'container.kill')).toBe(false);
  });
});
