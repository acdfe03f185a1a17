import { describe, expect, it } from 'vitest';
import { resolveGates, type KubeVersion } from '../version';
import { deriveStatus, type DeriveOptions } from './deriveStatus';
import { loadPods } from './loadPods';
import type { PodObject } from './readPod';

const opts = (version: KubeVersion = '1.33', extra: Partial<DeriveOptions> = {}): DeriveOptions =>
  ({ version, gates: resolveGates(version, {}), ...extra });

function one(text: string): PodObject {
  const { pods, problems } = loadPods(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return pods[0]!;
}

const JOB = `kind: Pod
apiVersion: v1
metadata: { name: job, creationTimestamp: "2025-03-01T10:00:00Z" }
spec:
  restartPolicy: Never
  initContainers: [{ name: proxy, image: envoy, restartPolicy: Always }]
  containers: [{ name: work, image: busybox }]
  readinessGates: [{ conditionType: example.com/lb }]
status:
  phase: Running
  conditions:
  - { type: example.com/lb, status: "True" }
  - { type: DisruptionTarget, status: "True", reason: EvictionByEvictionAPI }
  - { type: PodScheduled, status: "True" }
  - { type: Ready, status: "True" }
  initContainerStatuses:
  - name: proxy
    ready: true
    started: true
    restartCount: 1
    state: { running: { startedAt: "2025-03-01T10:00:05Z" } }
    lastState: { terminated: { exitCode: 1, finishedAt: "2025-03-01T10:00:04Z" } }
  containerStatuses:
  - name: work
    ready: false
    restartCount: 0
    state: { terminated: { exitCode: 0, reason: Completed, finishedAt: "2025-03-01T10:00:20Z" } }
`;

describe('deriveStatus', () => {
  it('P-NEVS-8: main done while the sidecar runs → Running; kubectl from the object as given', () => {
    const out = deriveStatus(one(JOB), opts());
    expect(out.phase).toBe('Running');
    expect(out.phaseWhy).toContain('[6.2c]');
    expect(out.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['PodReadyToStartContainers', 'True', undefined],
      ['Initialized', 'True', undefined],
      ['ContainersReady', 'False', 'ContainersNotReady'],
      ['Ready', 'False', 'ContainersNotReady'],
      ['PodScheduled', 'True', undefined],
      ['example.com/lb', 'True', undefined],
      ['DisruptionTarget', 'True', 'EvictionByEvictionAPI'],
    ]);
    // kubectl's Completed → Running rule looks at main containers only, so a running sidecar
    // does not turn it back: Completed, while the phase is still Running.
    expect(out.kubectl).toEqual({ ready: '1/2', status: 'Completed', restarts: '1 (16s ago)' });
    expect(out.inputs).toMatchObject({ podIsTerminal: false, podHasInitialized: true, sandboxReady: true });
  });

  it('the hidden inputs can be overridden, and a terminal phase stays terminal ([6.5])', () => {
    const sidecarStopped = JOB.replace('state: { running: { startedAt: "2025-03-01T10:00:05Z" } }',
      'state: { terminated: { exitCode: 143, reason: Error, finishedAt: "2025-03-01T10:00:21Z" } }');
    const done = deriveStatus(one(sidecarStopped), opts('1.33', { podIsTerminal: true }));
    expect(done.phase).toBe('Succeeded');
    expect(done.conditions.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    const sticky = deriveStatus(one(JOB.replace('phase: Running', 'phase: Failed')), opts());
    expect(sticky.phase).toBe('Failed');
    expect(sticky.phaseWhy).toContain('[6.5]');
  });

  it('now defaults to the newest timestamp, --now overrides it', () => {
    const pod = one(JOB);
    expect(deriveStatus(pod, opts('1.33', { now: pod.newestTimestamp! + 3600 })).kubectl.restarts).toBe('1 (60m ago)');
  });

  it('1.28 (PodReadyToStartContainersCondition off) does not write PodReadyToStartContainers', () => {
    const out = deriveStatus(one(JOB), opts('1.28'));
    expect(out.conditions.map((c) => c.type)).not.toContain('PodReadyToStartContainers');
  });
});

describe('sim status follows the version and the contract [14.4] [6.7]', () => {
  const DELETED_IN_BACKOFF = `kind: Pod
apiVersion: v1
metadata: { name: web, deletionTimestamp: "2025-03-01T10:05:00Z" }
spec:
  containers: [{ name: app, image: example/app:1 }]
status:
  phase: Running
  containerStatuses:
  - name: app
    ready: false
    restartCount: 2
    state: { waiting: { reason: CrashLoopBackOff } }
    lastState: { terminated: { exitCode: 0, reason: Completed, finishedAt: "2025-03-01T10:04:50Z" } }
`;
  it('--pod-is-terminal defaults to false while a container waits after a termination (contract section 2)', () => {
    const d = deriveStatus(one(DELETED_IN_BACKOFF), opts('1.33'));
    expect(d.inputs.podIsTerminal).toBe(false);
    expect(d.phase).toBe('Running');
  });

  const SUCCEEDED_DELETED = `kind: Pod
apiVersion: v1
metadata: { name: done, deletionTimestamp: "2025-03-01T10:05:00Z" }
spec:
  restartPolicy: Never
  containers: [{ name: app, image: example/app:1 }]
status:
  phase: Succeeded
  containerStatuses:
  - name: app
    ready: false
    restartCount: 0
    state: { terminated: { exitCode: 0, reason: Completed, finishedAt: "2025-03-01T10:04:50Z" } }
`;
  it('prints the row as the chosen version\'s API server does: Terminating at 1.30, Completed at 1.31', () => {
    expect(deriveStatus(one(SUCCEEDED_DELETED), opts('1.30')).kubectl.status).toBe('Terminating');
    expect(deriveStatus(one(SUCCEEDED_DELETED), opts('1.31')).kubectl.status).toBe('Completed');
    expect(deriveStatus(one(SUCCEEDED_DELETED), opts('1.31')).inputs.podIsTerminal).toBe(true);
  });
});
