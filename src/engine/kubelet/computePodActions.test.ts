import { describe, expect, it } from 'vitest';
import { computePodActions } from './computePodActions';
import type { ContainerForActions, PodActionsInput, RuntimeContainerStatus } from './podActionsTypes';

const sidecar = (name: string, extra: Partial<ContainerForActions> = {}): ContainerForActions => ({ name, image: `${name}:1`, restartPolicy: 'Always', ...extra });
const plain = (name: string, extra: Partial<ContainerForActions> = {}): ContainerForActions => ({ name, image: `${name}:1`, ...extra });
const running = (name: string, extra: Partial<RuntimeContainerStatus> = {}): RuntimeContainerStatus => ({ name, state: 'running', image: `${name}:1`, attempts: 1, ...extra });
const exited = (name: string, exitCode: number): RuntimeContainerStatus => ({ name, state: 'exited', exitCode, image: `${name}:1`, attempts: 1 });

function input(over: Partial<PodActionsInput>): PodActionsInput {
  return {
    restartPolicy: 'Always', initContainers: [], containers: [plain('app')], deleted: false,
    sandboxReady: true, sandboxAttempt: 1, runtime: {}, startup: {}, liveness: {}, containerRestartRules: false, ...over,
  };
}

const rt = (...list: RuntimeContainerStatus[]) => Object.fromEntries(list.map((s) => [s.name, s]));

describe('computePodActions', () => {
  it('creates the sandbox first and starts the first init container in the same sync [0.1]', () => {
    const plan = computePodActions(input({ sandboxReady: false, sandboxAttempt: 0, initContainers: [plain('init-1'), sidecar('proxy')] }));
    expect(plan).toMatchObject({ createSandbox: true, killPod: true, initContainersToStart: ['init-1'], containersToStart: [] });
  });

  it('computePodActions sandbox branch (kuberuntime_manager.go, hasAnyRegularContainerCreated; 1.28-1.33): no new sandbox once every main container succeeded under OnFailure [2.9]', () => {
    const inits = [plain('init-1')];
    const done = { sandboxReady: false, restartPolicy: 'OnFailure' as const, initContainers: inits, containers: [plain('a'), plain('b')] };
    const plan = computePodActions(input({ ...done, runtime: rt(exited('init-1', 0), exited('a', 0), exited('b', 0)) }));
    expect(plan).toMatchObject({ killPod: true, createSandbox: false, initContainersToStart: [], containersToStart: [] });
    // One main container failed: a new sandbox, and init runs again from the first.
    const again = computePodActions(input({ ...done, runtime: rt(exited('init-1', 0), exited('a', 0), exited('b', 1)) }));
    expect(again).toMatchObject({ killPod: true, createSandbox: true, initContainersToStart: ['init-1'] });
    // Init never completed (no main container ran): the sandbox is created again.
    const fresh = computePodActions(input({ ...done, runtime: rt(exited('init-1', 1)) }));
    expect(fresh.createSandbox).toBe(true);
  });

  it('computeInitContainerActions (kuberuntime_container.go) 1.33-1.36 vs 1.37 (#138514, ActiveContainerStatuses): a main container left Created in an earlier sandbox [2.10]', () => {
    const inits = [plain('init-1'), plain('init-2')];
    const leftCreated: RuntimeContainerStatus = { name: 'app', state: 'created', image: 'app:1', attempts: 1, previousSandbox: true };
    const afterReboot = { initContainers: inits, runtime: rt(running('init-1'), leftCreated) };
    // 1.33-1.36: FindContainerStatusByName finds the old Created app, so the pod counts as initialized.
    const old = computePodActions(input(afterReboot));
    expect(old).toMatchObject({ initContainersToStart: [], containersToStart: ['app'] });
    // 1.37: only the current sandbox's statuses count, so init-1 is waited for and nothing else starts.
    const fixed = computePodActions(input({ ...afterReboot, initProgressActiveSandboxOnly: true }));
    expect(fixed).toMatchObject({ initContainersToStart: [], containersToStart: [] });
    // The same Created app in the current sandbox still counts in 1.37.
    const current = computePodActions(input({ ...afterReboot, initProgressActiveSandboxOnly: true, runtime: rt(running('init-1'), { ...leftCreated, previousSandbox: undefined }) }));
    expect(current.containersToStart).toEqual(['app']);
  });

  it('starts main containers at once when there is no init container [3.2]', () => {
    const plan = computePodActions(input({ sandboxReady: false, sandboxAttempt: 0, containers: [plain('a'), plain('b')] }));
    expect(plan.containersToStart).toEqual(['a', 'b']);
  });

  it('starts init containers one at a time in spec order [2.1]', () => {
    const inits = [plain('init-1'), plain('init-2'), sidecar('proxy')];
    expect(computePodActions(input({ initContainers: inits, runtime: rt(running('init-1')) })).initContainersToStart).toEqual([]);
    expect(computePodActions(input({ initContainers: inits, runtime: rt(exited('init-1', 0)) })).initContainersToStart).toEqual(['init-2']);
    expect(computePodActions(input({ initContainers: inits, runtime: rt(exited('init-1', 0), exited('init-2', 0)) })).initContainersToStart).toEqual(['proxy']);
  });

  it('starts the main containers once the last sidecar is started [3.1]', () => {
    const plan = computePodActions(input({ initContainers: [sidecar('proxy')], runtime: rt(running('proxy')) }));
    expect(plan.initContainersToStart).toEqual([]);
    expect(plan.containersToStart).toEqual(['app']);
  });

  it('waits for a sidecar startup probe before the next container [2.2], and never for readiness', () => {
    const inits = [sidecar('proxy', { startupProbe: { handler: 'exec' } }), plain('init-2')];
    const base = { initContainers: inits, runtime: rt(running('proxy')) };
    expect(computePodActions(input(base)).initContainersToStart).toEqual([]);
    expect(computePodActions(input({ ...base, startup: { proxy: 'success' } })).initContainersToStart).toEqual(['init-2']);
  });

  it('kills and restarts a sidecar that failed its startup probe, whatever the pod policy [2.4]', () => {
    const inits = [sidecar('proxy', { startupProbe: { handler: 'exec' } })];
    const plan = computePodActions(input({ restartPolicy: 'Never', initContainers: inits, runtime: rt(running('proxy')), startup: { proxy: 'failure' } }));
    expect(plan.containersToKill).toEqual([expect.objectContaining({ name: 'proxy', reason: 'StartupProbe' })]);
    expect(plan.initContainersToStart).toEqual(['proxy']);
    expect(plan.containersToStart).toEqual([]);
  });

  it('restarts an exited sidecar under Never, and the main container keeps running [4.3]', () => {
    const plan = computePodActions(input({ restartPolicy: 'Never', initContainers: [sidecar('proxy')], runtime: rt(exited('proxy', 1), running('app')) }));
    expect(plan.initContainersToStart).toEqual(['proxy']);
    expect(plan.killPod).toBe(false);
  });

  it('fails the pod when a regular init container fails under Never [2.5]', () => {
    const plan = computePodActions(input({ restartPolicy: 'Never', initContainers: [plain('init-1'), sidecar('proxy')], runtime: rt(exited('init-1', 1)) }));
    expect(plan.killPod).toBe(true);
    expect(plan.initContainersToStart).toEqual([]);
  });

  it('retries a failed regular init container under OnFailure and Always [2.5]', () => {
    for (const restartPolicy of ['OnFailure', 'Always'] as const) {
      const plan = computePodActions(input({ restartPolicy, initContainers: [plain('init-1')], runtime: rt(exited('init-1', 1)) }));
      expect(plan.initContainersToStart).toEqual(['init-1']);
    }
  });

  it('kills the pod, without restarting sidecars, once every main container is done under Never [8.1c]', () => {
    const plan = computePodActions(input({ restartPolicy: 'Never', initContainers: [sidecar('proxy')], runtime: rt(running('proxy'), exited('app', 0)) }));
    expect(plan).toMatchObject({ killPod: true, initContainersToStart: [], containersToStart: [] });
  });

  it('under OnFailure restarts a failed main container but not a succeeded one [4.1]', () => {
    expect(computePodActions(input({ restartPolicy: 'OnFailure', runtime: rt(exited('app', 2)) })).containersToStart).toEqual(['app']);
    expect(computePodActions(input({ restartPolicy: 'OnFailure', runtime: rt(exited('app', 0)) })).killPod).toBe(true);
  });

  it('kills a main container that failed liveness, restarting it unless the policy is Never [4.4]', () => {
    const containers = [plain('app', { livenessProbe: { handler: 'exec' } })];
    const always = computePodActions(input({ containers, runtime: rt(running('app')), liveness: { app: 'failure' } }));
    expect(always.containersToKill[0]).toMatchObject({ name: 'app', reason: 'LivenessProbe' });
    expect(always.containersToStart).toEqual(['app']);
    const never = computePodActions(input({ restartPolicy: 'Never', containers, runtime: rt(running('app')), liveness: { app: 'failure' } }));
    expect(never.containersToStart).toEqual([]);
    expect(never.killPod).toBe(true);
  });

  it('restarts a main container whose image changed, even under Never [1.8]', () => {
    const plan = computePodActions(input({ restartPolicy: 'Never', containers: [plain('app', { image: 'app:2' })], runtime: rt(running('app')) }));
    expect(plan.containersToKill[0]).toMatchObject({ reason: 'SpecChanged' });
    expect(plan.containersToStart).toEqual(['app']);
  });

  it('does not re-run a completed init container whose image changed [1.8]', () => {
    const plan = computePodActions(input({ initContainers: [plain('init-1', { image: 'init-1:2' })], runtime: rt(exited('init-1', 0), running('app')) }));
    expect(plan.initContainersToStart).toEqual([]);
    expect(plan.containersToKill).toEqual([]);
  });

  it('starts nothing once the pod is deleted [4.1]', () => {
    const plan = computePodActions(input({ deleted: true, runtime: rt(exited('app', 1)) }));
    expect(plan.containersToStart).toEqual([]);
  });

  it('does not recreate a lost sandbox under Never once containers ran [2.9]', () => {
    const plan = computePodActions(input({ restartPolicy: 'Never', sandboxReady: false, sandboxAttempt: 1, runtime: rt(exited('app', 0)) }));
    expect(plan).toMatchObject({ killPod: true, createSandbox: false });
  });

  it('re-runs init containers from the first on a new sandbox [2.9]', () => {
    const plan = computePodActions(input({ sandboxReady: false, sandboxAttempt: 1, initContainers: [plain('init-1'), sidecar('proxy')], runtime: rt(exited('init-1', 0), running('app')) }));
    expect(plan).toMatchObject({ createSandbox: true, initContainersToStart: ['init-1'] });
  });

  it('explains every decision with a rule number', () => {
    const plan = computePodActions(input({ initContainers: [plain('init-1')], runtime: rt(exited('init-1', 0)) }));
    expect(plan.why.length).toBeGreaterThan(0);
    for (const w of plan.why) expect(w).toMatch(/^\[\d+(\.\d+)?[a-z]?\]/);
  });
});

describe('computePodActions reasons per container (kuberuntime_manager.go computePodActions, containerToKillInfo carries a reason per container; 1.28-1.33)', () => {
  it('files each decision under the container it decides about, even when names share a prefix [2.1] [4.1]', () => {
    const plan = computePodActions(input({
      initContainers: [plain('i1'), plain('i10'), plain('i11')],
      containers: [plain('app'), plain('ap')],
      runtime: rt(exited('i1', 0), exited('i10', 0), exited('i11', 0), exited('app', 1), running('ap')),
    }));
    expect(plan.containersToStart).toEqual(['app']);
    expect(plan.reasons['app']).toEqual({ rule: '4.1', text: plan.why.find((w) => w.includes('container app exited')), after: 'app' });
    expect(plan.reasons['ap']).toBeUndefined();
  });

  it("the next init container's reason names the one whose exit let it start [2.1]", () => {
    const plan = computePodActions(input({ initContainers: [plain('i1'), plain('i10')], runtime: rt(exited('i1', 0)) }));
    expect(plan.initContainersToStart).toEqual(['i10']);
    expect(plan.reasons['i10']).toMatchObject({ rule: '2.1', after: 'i1' });
    expect(plan.reasons['i10']!.text).toContain('so the next one, i10, starts');
    expect(plan.reasons['i1']).toBeUndefined();
  });

  it('a sidecar killed for its liveness probe gets the [4.4] sentence, not the earlier one that names it as a gate [2.1] [4.4]', () => {
    const plan = computePodActions(input({
      initContainers: [sidecar('proxy', { livenessProbe: { handler: 'exec' } }), plain('setup')],
      runtime: rt(running('proxy')),
      liveness: { proxy: 'failure' },
    }));
    expect(plan.why.findIndex((w) => w.startsWith('[2.1] Sidecar proxy'))).toBeLessThan(plan.why.findIndex((w) => w.startsWith('[4.4]')));
    expect(plan.reasons['proxy']).toMatchObject({ rule: '4.4', after: 'proxy' });
    expect(plan.reasons['setup']).toMatchObject({ rule: '2.1', after: 'proxy' });
  });

  it('a pod kill names the containers whose exits decided it [8.1c] [2.5]', () => {
    const done = computePodActions(input({ restartPolicy: 'Never', containers: [plain('a'), plain('b')], runtime: rt(exited('a', 0), exited('b', 1)) }));
    expect(done).toMatchObject({ killPod: true, killPodAfter: ['a', 'b'] });
    const failed = computePodActions(input({ restartPolicy: 'Never', initContainers: [plain('i1')], runtime: rt(exited('i1', 1)) }));
    expect(failed).toMatchObject({ killPod: true, killPodAfter: ['i1'] });
  });
});
