// [5.15] After a liveness kill, 1.35-1.37 as released copy Started from the container's previous
// status by name (kubelet_pods.go convertToAPIContainerStatuses with ChangeContainerStatusOnKubeletRestart
// off, no container ID check; prober_manager.go isContainerStarted keeps it while the startup cache
// has no entry for the new ID; kubernetes#141155, fixed on master by #141342, its picks to 1.35,
// 1.36 and 1.37 still open). The issue's repro (k3s v1.36.2, minikube v1.36.2) logs: "replacement
// container started", "replacement Kubernetes status started=true", "replacement liveness probe:
// success", then "replacement startup probe: failure".
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

// A slow starter (20 s) with a 10 s startup probe and a 1 s liveness probe, whose liveness fails
// for 4 s at 40 s: the kubelet kills it at 42 s and starts a replacement in the same sync.
const POD = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: probe-repro}
spec:
  containers:
    - name: app
      image: example/app:1
      startupProbe: {httpGet: {path: /started, port: 80}, periodSeconds: 10, failureThreshold: 30}
      livenessProbe: {httpGet: {path: /healthz, port: 80}, periodSeconds: 1, failureThreshold: 3}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 90s
containers:
  app: {startDelay: 20s}
events:
  - {at: 40s, do: failLiveness, container: app, for: 4s}
`;

const events = (version: string) => runScenario(POD(version)).trace!.events;
const of = <T extends TraceEvent['type']>(es: TraceEvent[], type: T) => es.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

describe('[5.15] a replacement takes Started from its name (1.35-1.37 as released, kubernetes#141155)', () => {
  it('1.34: the replacement is not started until its startup probe passes, and its liveness probe waits (one kill)', () => {
    const es = events('1.34');
    const kills = of(es, 'container.kill');
    expect(kills).toHaveLength(1);
    const restart = of(es, 'container.start')[1]!;
    const started = of(es, 'container.started').filter((e) => e.attempt === 1);
    expect(started).toHaveLength(1);
    expect(started[0]!.why).toContain('startup probe succeeded');
    expect(of(es, 'probe.failed').some((e) => e.probe === 'liveness' && e.attempt === 1 && e.t < started[0]!.t)).toBe(false);
    expect(started[0]!.t - restart.t).toBeGreaterThanOrEqual(20);
  });

  it.each(['1.35', '1.36', '1.37'])('%s: the replacement counts as started at its first status, and its liveness probe runs on it and kills it again until the startup worker looks at it', (version) => {
    const es = events(version);
    const first = of(es, 'container.start')[1]!;
    // Started at once, copied by name: READY 1/1 right after the restart.
    const copied = of(es, 'container.started').find((e) => e.attempt === 1)!;
    expect(copied.why).toContain('[5.15]');
    expect(copied.t - first.t).toBeLessThan(1.5);
    expect(of(es, 'pod.kubectl').find((e) => e.t >= copied.t)?.ready).toBe('1/1');
    // The liveness probe runs before any startup run on the replacement, and kills it (its app is not up yet).
    expect(of(es, 'probe.failed').filter((e) => e.probe === 'liveness' && e.attempt === 1)).toHaveLength(3);
    expect(of(es, 'probe.failed').some((e) => e.probe === 'startup' && e.attempt === 1)).toBe(false);
    const kills = of(es, 'container.kill').filter((e) => e.reason === 'LivenessProbe');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    // Once the startup worker has looked at a replacement (Started false again, or a back-off that
    // ended the window), the next run waits for its startup probe: started by it, and no liveness
    // run before that.
    const last = of(es, 'container.start').at(-1)!;
    const lastStarted = of(es, 'container.started').filter((e) => e.attempt === last.attempt).at(-1)!;
    expect(lastStarted.why).toContain('startup probe succeeded');
    const windowEnd = of(es, 'container.unstarted').find((e) => e.attempt === last.attempt)?.t ?? last.t;
    expect(of(es, 'probe.failed').some((e) => e.probe === 'liveness' && e.attempt === last.attempt && e.t > windowEnd && e.t < lastStarted.t)).toBe(false);
    // Every copied Started that a running replacement loses is said.
    for (const e of of(es, 'container.unstarted')) expect(e.why).toContain('[5.15]');
  });

  it('1.35: the startup worker\'s tick at 50 s ends the window (Started false, no more liveness runs), and its first run comes a period later', () => {
    const es = events('1.35');
    expect(of(es, 'container.unstarted').map((e) => [e.t, e.attempt])).toEqual([[50, 2]]);
    expect(of(es, 'probe.failed').some((e) => e.probe === 'liveness' && e.attempt === 2 && e.t > 50)).toBe(false);
    expect(of(es, 'probe.failed').filter((e) => e.probe === 'startup' && e.attempt === 2)[0]!.t).toBe(60);
  });
});

describe('[5.15] the gate ChangeContainerStatusOnKubeletRestart (KEP-4781, off by default from 1.35)', () => {
  it('turned on in 1.35, the replacement has its own Started again, as in 1.34', () => {
    const text = POD('1.35').replace('until: 90s', 'until: 90s\nfeatureGates: {ChangeContainerStatusOnKubeletRestart: true}');
    const es = runScenario(text).trace!.events;
    expect(of(es, 'container.kill')).toHaveLength(1);
    expect(of(es, 'container.unstarted')).toEqual([]);
    expect(of(es, 'container.started').filter((e) => e.attempt === 1).map((e) => e.why)).toEqual([expect.stringContaining('startup probe succeeded')]);
  });
});

describe('status events of a run replaced between two writes (a liveness kill restarts in the same sync)', () => {
  it('a container without a startup probe gets started and ready events for each new run', () => {
    const text = POD('1.34').replace(/ {6}startupProbe:.*\n/, '');
    const es = runScenario(text).trace!.events;
    const runs = of(es, 'container.start').map((e) => e.attempt);
    expect(runs.length).toBeGreaterThan(2);
    for (const attempt of runs.slice(0, 3)) {
      expect(of(es, 'container.started').some((e) => e.attempt === attempt), `started, run ${attempt}`).toBe(true);
      expect(of(es, 'container.ready').some((e) => e.attempt === attempt), `ready, run ${attempt}`).toBe(true);
    }
  });
});
