// [5.16] 1.35-1.37 (ChangeContainerStatusOnKubeletRestart off, its default): a kubelet restart in a
// container's startup period makes it started for good (kubernetes#142305, fix #142303 open).
// SyncPod generates the status (UpdatePodStatus -> isContainerStarted) before AddPod recreates the
// probe workers; isContainerStarted, read in a 1.35-era prober_manager.go, answers from the
// startup result for the container ID, else from a written Started=true, else false while a
// startup worker exists, else true. Right after the restart there is no result and no worker: true.
// doProbe sets no initial result for a container that started more than 10 s before the kubelet
// (kubeletRestartGracePeriod), so Started=true holds from the written status on, and the startup
// worker, which skips a started container, never probes it again.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const slowStart = (version: string, opts: { restartAt?: number; gates?: string; liveness?: boolean; until?: number } = {}) => `apiVersion: v1
kind: Pod
metadata: { name: slow-start }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    startupProbe:
      exec: { command: ["false"] }
      periodSeconds: 5
      failureThreshold: 60
${opts.liveness ? '    livenessProbe:\n      exec: { command: ["false"] }\n      periodSeconds: 5\n      failureThreshold: 3\n' : ''}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: ${opts.until ?? 90}s
${opts.gates ?? ''}events:
  - { at: ${opts.restartAt ?? 30}s, do: restartKubelet }
`;

function trace(text: string): TraceEvent[] {
  const r = runScenario(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.trace!.events;
}

const back = (evs: TraceEvent[]) => evs.find((e) => e.type === 'node.kubeletStarted')!.t;
const startupFailuresAfter = (evs: TraceEvent[], t: number) => evs.filter((e) => e.type === 'probe.failed' && e.probe === 'startup' && e.t >= t).length;
const lastRow = (evs: TraceEvent[]) => evs.filter((e) => e.type === 'pod.kubectl').at(-1)!;

describe('[5.16] a kubelet restart in the startup period (kubernetes#142305)', () => {
  it.each(['1.35', '1.36', '1.37'])('%s: the container is started at the kubelet\'s first sync and stays so; its startup probe never runs again, and the pod is Ready', (version) => {
    const evs = trace(slowStart(version));
    const t = back(evs);
    const started = evs.find((e) => e.type === 'container.started')!;
    expect(started.t).toBeCloseTo(t, 6);
    expect(started.why).toMatch(/^\[5\.16\] The kubelet restarted while the container was in its startup period/);
    expect(startupFailuresAfter(evs, t)).toBe(0);
    expect(startupFailuresAfter(evs, 0)).toBeGreaterThan(0); // it failed before
    expect(lastRow(evs)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(evs.some((e) => e.type === 'probe.result' && e.probe === 'startup')).toBe(false); // no probe said so
  });

  // prober_manager.go UpdatePodStatus (1.34-era and 1.36+ copies): with no startup result and no
  // startup worker yet, `started = !exists`; the first status after the restart precedes AddPod.
  const startedOnlyAtFirstSync = (evs: TraceEvent[]) => {
    const t = back(evs);
    const started = evs.filter((e) => e.type === 'container.started');
    expect(started.map((e) => e.t)).toEqual([t]);
    expect(started[0]!.why).toMatch(/^\[5\.16\] The kubelet restarted: its first sync writes the status before AddPod makes the startup worker/);
    // the new worker's first look sets Unknown; SetContainerStartup writes Started=false at once
    expect(evs.find((e) => e.type === 'container.unstarted' && e.t >= t)!.t).toBeCloseTo(t, 6);
  };

  it('1.34: the first sync calls it started (no startup worker yet, kubernetes#135795) and the worker\'s first look takes it back; the startup probe runs on and fails', () => {
    const evs = trace(slowStart('1.34'));
    startedOnlyAtFirstSync(evs);
    expect(startupFailuresAfter(evs, back(evs))).toBeGreaterThan(5);
    expect(lastRow(evs)).toMatchObject({ ready: '0/1' });
  });

  it('1.35 with ChangeContainerStatusOnKubeletRestart on: as 1.34', () => {
    const evs = trace(slowStart('1.35', { gates: 'featureGates: { ChangeContainerStatusOnKubeletRestart: true }\n' }));
    startedOnlyAtFirstSync(evs);
    expect(startupFailuresAfter(evs, back(evs))).toBeGreaterThan(5);
  });

  it('1.35, a container that started within 10 s of the kubelet\'s start (kubeletRestartGracePeriod): its results start over, so the first sync calls it started as up to 1.34, and the startup probe goes on', () => {
    const evs = trace(slowStart('1.35', { restartAt: 4 }));
    const started = evs.find((e) => e.type === 'container.start')!.t;
    expect(back(evs) - started).toBeLessThan(10);
    startedOnlyAtFirstSync(evs);
    expect(startupFailuresAfter(evs, back(evs))).toBeGreaterThan(5);
  });

  it('1.35: the liveness probe begins at once on the container still starting, and kills it; the replacement takes Started from its name [5.15] until its startup worker looks at it', () => {
    const evs = trace(slowStart('1.35', { liveness: true, until: 120 }));
    const t = back(evs);
    const kill = evs.find((e) => e.type === 'container.kill' && e.t > t)!;
    expect(kill).toMatchObject({ reason: 'LivenessProbe' });
    expect(kill.t - t).toBeLessThanOrEqual(3 * 5 + 1); // three failed runs, 5 s apart
    const next = evs.find((e) => e.type === 'container.start' && e.attempt === 1)!;
    const [first, second] = evs.filter((e) => e.type === 'container.started');
    expect(first!.why).toMatch(/^\[5\.16\]/);
    expect(second).toMatchObject({ attempt: 1 });
    expect(second!.why).toMatch(/^\[5\.15\]/);
    const unstarted = evs.find((e) => e.type === 'container.unstarted')!;
    expect(unstarted.t).toBeGreaterThan(next.t);
    expect(startupFailuresAfter(evs, unstarted.t)).toBeGreaterThan(0); // the new container's startup probe runs again
  });
});
