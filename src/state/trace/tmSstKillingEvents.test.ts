// Killing events of the SST course's session-10 lifecycle pods, as two students' write-ups print
// them (2026-10-07; search-index files, no repositories named), in the describe panel's projection:
// - Raj Prakash (file 70948547576; "kind v0.30.0, Kubernetes v1.34.0"), 12-termination.yaml (manifest
//   and the run's other lines: engine/kubectl/transcripts/fixtures/tm-sst-lifecycle-termination.yaml
//   and tmSstTerminationTrap.test.ts), `kubectl get events` after the deletion, verbatim:
//     2026-10-07T17:47:05Z   Killing     Stopping container graceful-app
//   with "17:47:05 kubectl delete issued": the kubelet kills a deleted pod's container with no
//   message of its caller, so killContainer writes `Stopping container X` ([8.3], [10.6];
//   `get events` prints the message without describe's 1.35+ field path). The deletion is given
//   as 3.1 s after the container's start, as in tmSstTerminationTrap.test.ts.
// - Netram (file 70512568154; "minikube v1.39.0 (single node) and Kubernetes v1.37.0"),
//   08-liveness.yaml (the course file, as in fixtures/minikube137-lifecycle-liveness.yaml, Saptak
//   Banerjee's run of the same lab, reused here unchanged), verbatim:
//     16:39:03  lifecycle-liveness   1/1     Running             0          0s
//     16:40:03  lifecycle-liveness   1/1     Running             1 (0s ago)   60s
//     $ kubectl describe pod lifecycle-liveness | sed -n '/^Events/,$p' | cut -c1-150 | grep -E 'Events|Reason|Liveness|Killing'
//     Events:
//       Type     Reason     Age                From               Message
//       Warning  Unhealthy  45s (x2 over 50s)  kubelet            spec.containers{app}: Liveness probe failed:
//       Normal   Killing    45s                kubelet            spec.containers{app}: Container app failed liveness probe, will be restarted
//   "the restart only appears at 16:40:03, a full 60 s after start … the kubelet sent SIGTERM,
//   waited the whole default terminationGracePeriodSeconds: 30, then SIGKILLed it" ([5.13] [4.4]
//   [15.3] [8.6]: 137). The dump's time is not printed: it is read from the Killing row (45 s after
//   the kill), and the Unhealthy row is checked against it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { publishedEvent } from './publishedEvents.testkit';
import { describeEvents } from './describeEvents';
import { publishedRows, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');

describe('transcript: the deleted 12-termination pod\'s Killing event (Raj Prakash, kind, Kubernetes v1.34.0) [8.3] [10.6]', () => {
  it.each(['1.31', '1.34'])('one `Killing  Stopping container graceful-app`, written in the deletion\'s second (%s)', (version) => {
    const base = withVersion(fixture('tm-sst-lifecycle-termination.yaml'), version);
    const start = runScenario(base).trace!.events.find((e) => e.type === 'container.start')!.t;
    expect(base).toContain('{ at: 2.8s, do: deletePod }');
    const text = base.replace('{ at: 2.8s, do: deletePod }', `{ at: ${Math.round((start + 3.1) * 1000) / 1000}s, do: deletePod }`);
    const trace = runScenario(text).trace!;
    const deleted = trace.events.find((e) => e.type === 'pod.deleted')!.t;
    const gone = trace.events.find((e) => e.type === 'pod.gone')!.t;
    const killing = describeEvents(trace, gone, 'lifecycle-termination').filter((r) => r.reason === 'Killing');
    expect(killing.map((r) => ({ type: r.type, message: r.message, count: r.count }))).toEqual([
      { type: 'Normal', message: 'Stopping container graceful-app', count: 1 },
    ]);
    expect(killing[0]!.t - deleted).toBeGreaterThanOrEqual(0);
    expect(killing[0]!.t - deleted).toBeLessThan(1);
  });
});

describe('transcript: 08-liveness on Netram\'s minikube, Kubernetes v1.37.0 [5.13] [4.4] [15.3] [10.6]', () => {
  const SCENARIO = fixture('minikube137-lifecycle-liveness.yaml');
  const unhealthy = publishedEvent('  Warning  Unhealthy  45s (x2 over 50s)  kubelet            spec.containers{app}: Liveness probe failed:');
  const killingLine = publishedEvent('  Normal   Killing    45s                kubelet            spec.containers{app}: Container app failed liveness probe, will be restarted');

  it.each(['1.36', '1.37'])('Unhealthy x2 over 5 s ending with one Killing, whose message and 1.35+ field path are as printed (%s)', (version) => {
    const trace = runScenario(withVersion(SCENARIO, version)).trace!;
    const kill = trace.events.find((e) => e.type === 'container.kill')!.t;
    const dumpAt = kill + killingLine.age + 0.5;
    const rows = describeEvents(trace, dumpAt, 'lifecycle-liveness');
    const killing = rows.filter((r) => r.reason === 'Killing');
    expect(killing.map((r) => ({ type: r.type, message: r.message, count: r.count }))).toEqual([
      { type: killingLine.type, message: killingLine.message, count: killingLine.count },
    ]);
    const probe = rows.filter((r) => r.reason === 'Unhealthy');
    expect(probe).toHaveLength(1);
    expect(probe[0]!.type).toBe(unhealthy.type);
    expect(probe[0]!.count).toBe(unhealthy.count);
    // `cut -c1-150` left the message whole: `test -f` prints nothing, so nothing follows "failed:"
    expect(probe[0]!.message.trimEnd()).toBe(unhealthy.message.trimEnd());
    // 45s (x2 over 50s): the last failed run with the kill, the first 5 s before it
    expect(Math.abs(dumpAt - probe[0]!.t - unhealthy.age)).toBeLessThanOrEqual(1);
    expect(Math.abs(dumpAt - probe[0]!.first - unhealthy.over!)).toBeLessThanOrEqual(1);
  });

  it.each(['1.36', '1.37'])('prints `1/1 Running 1 (0s ago)` at 60s: the grace period waited out, SIGKILL, 137 (%s)', (version) => {
    const text = withVersion(SCENARIO, version);
    const [row] = publishedRows('lifecycle-liveness   1/1     Running             1 (0s ago)   60s');
    const rows = simulatedRows(text);
    const restarted = rows.find((r) => r.restarts === '1')!;
    expect({ ready: restarted.ready, status: restarted.status, restarts: restarted.restarts }).toEqual({ ready: row!.ready, status: row!.status, restarts: row!.restarts });
    expect(Math.abs(restarted.t - row!.t)).toBeLessThan(1);
    const events = runScenario(text).trace!.events;
    const kill = events.find((e) => e.type === 'container.kill')!.t;
    const exit = events.find((e) => e.type === 'container.exit');
    expect(exit).toMatchObject({ exitCode: 137 });
    expect(exit!.t - kill).toBeCloseTo(30, 6);
  });
});
