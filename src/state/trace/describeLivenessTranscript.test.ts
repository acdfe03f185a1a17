// A published `kubectl describe pod` Events section of a container restarted twice by its liveness
// probe, run through the engine and the describe panel's projection (describeEvents). Source:
// ChaseSunstrom/kube-training, module 01 step 10 (liveness-fail), README at
// https://github.com/ChaseSunstrom/kube-training/blob/50d8d3c01c4f071928dd7a656b7b88948db0334f/modules/01-pods/README.md,
// manifest modules/01-pods/11-liveness-fail.yaml (read at d813c6ab1f12fe0c2cca777ec80bbcfb1251b079);
// kind, October 2026 (the wording below is a 1.35+ kubelet's and a 1.35+ kubectl's, see
// docs/transcripts.md). Published, 73 s after scheduling:
//
//   Normal   Scheduled  73s               default-scheduler  Successfully assigned lab-pods/liveness-fail to kube-training-worker2
//   Normal   Created    2s (x3 over 71s)  kubelet            spec.containers{app}: Container created
//   Warning  Unhealthy  2s (x6 over 47s)  kubelet            spec.containers{app}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//   Normal   Killing    2s (x2 over 37s)  kubelet            spec.containers{app}: Container app failed liveness probe, will be restarted
//   Normal   Started    1s (x3 over 70s)  kubelet            spec.containers{app}: Container started
//
// Rules exercised: [5.2] [5.4] three failures 5 s apart kill the container, [4.4] the kill and the
// restart in one sync, [4.5] doBackOff looks at the previous run's end (35 s before the second
// kill), so neither restart waits, [8.6] the TERM trap exits 143 at once; [10.6] "Container
// created" / "Container started" are startContainer's messages from 1.35 (#134043), compared at
// 1.35 and 1.37, with kubectl's `spec.containers{app}: ` prefix (1.35+, #133627); [5.13] one
// Unhealthy per failed run (prober.go probe, every version read): x6 over 47 s, three failed runs
// before each kill (was x2, one per threshold crossing, until the trace recorded each failed run).
// The Unhealthy message with its probe output: busybox cat's words, read from the script with the
// file's removal 20 s after each start ([15.4]; until session 38 the scenario injected the failures
// and the output was not compared).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { createdMessage, startedMessage, traceMinor } from './eventWording';

// The script removes /tmp/healthy 20 s after each start, and only a new container creates it
// again: the engine reads that from the script, so the probe fails from 20 s after a start (the
// engine's: 1.2 s, 35.2 s, 70.2 s) to the next start. The probe's phase (upstream: a random offset)
// is the engine's.
const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata:
  name: liveness-fail
  namespace: lab-pods
spec:
  containers:
    - name: app
      image: busybox:1.37
      command:
        - sh
        - -c
        - |
          trap 'echo "got SIGTERM from the kubelet"; exit 143' TERM
          touch /tmp/healthy; echo "healthy"
          sleep 20 & wait
          rm /tmp/healthy;    echo "now pretending to be stuck"
          sleep 3600 & wait
      livenessProbe:
        exec:
          command: ["cat", "/tmp/healthy"]
        initialDelaySeconds: 5
        periodSeconds: 5
        failureThreshold: 3
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 80s
`;

/** Published: reason → [seconds since the last, count, seconds since the first]. */
const published: Record<string, [number, number, number]> = {
  Created: [2, 3, 71],
  Killing: [2, 2, 37],
  Unhealthy: [2, 6, 47],
  Started: [1, 3, 70],
};
const dumpAt = 73; // the Scheduled row's age: the engine schedules at t = 0
// Ages within 2 s: kubectl floors them (up to 1 s), and the engine restarts a killed container in
// 0.2 s where this node's Started came a second after its Killing (Started 1s ago, Killing 2s).

describe('transcript: kube-training liveness-fail, describe Events after two liveness restarts', () => {
  it.each(['1.29', '1.33', '1.37'])('creates and starts the container three times, counts six failed runs and kills it twice, each row within 2 s of its published ages (%s) [4.4] [4.5] [5.4] [5.13]', (version) => {
    const trace = runScenario(scenario(version)).trace!;
    const rows = describeEvents(trace, dumpAt, 'liveness-fail');
    for (const [reason, [last, count, over]] of Object.entries(published)) {
      const row = rows.find((r) => r.reason === reason);
      expect(row, reason).toBeDefined();
      expect(row!.count, reason).toBe(count);
      expect(Math.abs(dumpAt - row!.t - last), `${reason}: last`).toBeLessThanOrEqual(2);
      expect(Math.abs(dumpAt - row!.first - over), `${reason}: first`).toBeLessThanOrEqual(2);
    }
    // Each kill comes with the failed run that crossed the threshold (the last Unhealthy).
    const unhealthy = rows.find((r) => r.reason === 'Unhealthy')!;
    const killing = rows.find((r) => r.reason === 'Killing')!;
    expect(unhealthy.t).toBe(killing.t);
  });

  it.each(['1.35', '1.37'])('writes "spec.containers{app}: Container created", "…: Container started" and the Unhealthy message with busybox cat\'s words as published, a 1.35+ kubelet and kubectl (%s) [10.6]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, 'liveness-fail');
    expect(rows.find((r) => r.reason === 'Created')?.message).toBe('spec.containers{app}: Container created');
    expect(rows.find((r) => r.reason === 'Started')?.message).toBe('spec.containers{app}: Container started');
    expect(rows.find((r) => r.reason === 'Unhealthy')?.message).toBe("spec.containers{app}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });

  it.each(['1.29', '1.33'])('writes the older kubelet\'s wording, which this node did not run (%s) [10.6]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, 'liveness-fail');
    expect(rows.find((r) => r.reason === 'Created')?.message).toBe(createdMessage('app', traceMinor(version)));
    expect(rows.find((r) => r.reason === 'Started')?.message).toBe(startedMessage('app', traceMinor(version)));
    expect(rows.find((r) => r.reason === 'Created')?.message).not.toBe('Container created');
  });

  it.each(['1.29', '1.33', '1.37'])('restarts at once after each kill: the back-off looks at the previous run, which ended 35 s earlier (%s) [4.5]', (version) => {
    const events = runScenario(scenario(version)).trace!.events;
    const kills = events.filter((e) => e.type === 'container.kill').map((e) => e.t);
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    expect(kills).toHaveLength(2);
    // published: Killing and Created both 2 s ago, Started 1 s ago
    kills.forEach((k, n) => expect(starts[n + 1]! - k).toBeLessThan(1.5));
    expect(events.some((e) => e.type === 'container.backoff')).toBe(false);
  });
});
