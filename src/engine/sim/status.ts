// The status manager: generateAPIPodStatus from the runtime at each sync ([0.1], [10]), probe
// patches in between ([5.6]), and the trace events for every change a learner can see.

import type { ApiPod, ApiPodStatus, ContainerState, ContainerStatus, PodCondition } from '../api';
import { podConditions } from '../kubelet/conditions';
import { explainPhase, keepTerminalPhase } from '../kubelet/getPhase';
import { printPod } from '../kubectl/printPod';
import type { ContainerSpec } from '../scenario/types';
import type { PodConditionType, PodPhase } from '../trace';
import type { PodSim } from './podSim';
import type { Instance } from './model';
import { hiddenByRestartAll } from './restartAll';

function terminated(inst: Instance | undefined): ContainerState {
  if (!inst || inst.state !== 'exited') return {};
  return { terminated: { exitCode: inst.exitCode ?? 0, reason: inst.reason, startedAt: inst.startedAt, finishedAt: inst.finishedAt } };
}

/** convertToAPIContainerStatuses for one container ([10.1]–[10.4]). */
function containerStatus(sim: PodSim, spec: ContainerSpec): ContainerStatus {
  const rec = sim.rec(spec.name);
  const inst = rec.instances[rec.instances.length - 1];
  const prev = rec.instances[rec.instances.length - 2];
  const base = { name: spec.name, image: inst?.image ?? rec.image, ready: false, started: false };
  if (!inst) {
    const reason = rec.startError?.reason ?? (sim.pod.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating');
    return { ...base, image: rec.image, state: { waiting: { reason, message: rec.startError?.message } }, lastState: {}, restartCount: 0 };
  }
  const restartCount = inst.attempt;
  if (hiddenByRestartAll(sim, spec.name, inst.attempt)) {
    // [11.2] removed by an in-place restart: the status stays, waiting to start again.
    const last = terminated(inst);
    if (last.terminated) last.terminated.reason = 'RestartingAllContainers'; // getPhase reads it as a restart ([6.2])
    return { ...base, state: { waiting: { reason: 'RestartingAllContainers' } }, lastState: last, restartCount };
  }
  if (sim.removedFromRuntime.has(inst) && spec.kind === 'init') {
    // [10.3] S-5: a regular init container missing after init is reported as Completed.
    return { ...base, state: { terminated: { exitCode: 0, reason: 'Completed' } }, lastState: {}, ready: true, restartCount };
  }
  if (sim.removedFromRuntime.has(inst) && spec.kind === 'sidecar') {
    // [10.3] S-6: a missing sidecar shows Waiting PodInitializing until it runs again.
    return { ...base, state: { waiting: { reason: 'PodInitializing' } }, lastState: terminated(inst), restartCount };
  }
  if (spec.kind !== 'main' && inst.sandbox !== sim.sandbox.id && !podHasInitialized(sim)) {
    // [2.9] a new sandbox purged this init container from the runtime: it waits to run again and
    // its old run is no longer known, so the pod is Pending until re-initialized (E70, P-ALWS-14).
    return { ...base, state: { waiting: { reason: 'PodInitializing' } }, lastState: {}, restartCount };
  }
  if (inst.state === 'running') {
    const started = !spec.startupProbe || sim.probes.result(spec.name, 'startup', inst) === 'success';
    const ready = spec.kind !== 'init' && started && (!spec.readinessProbe || sim.probes.result(spec.name, 'readiness', inst) === 'success');
    return { ...base, state: { running: { startedAt: inst.startedAt } }, lastState: terminated(prev), ready, started, restartCount };
  }
  if (inst.state === 'exited') {
    if (rec.startError) {
      return { ...base, state: { waiting: { reason: rec.startError.reason, message: rec.startError.message } }, lastState: terminated(inst), restartCount };
    }
    const ready = spec.kind === 'init' && inst.exitCode === 0; // [5.6] a regular init container is ready once it exited 0
    return { ...base, state: terminated(inst), lastState: terminated(prev), ready, restartCount };
  }
  return { ...base, state: { waiting: { reason: 'ContainerCreating' } }, lastState: terminated(prev), restartCount };
}

function podHasInitialized(sim: PodSim): boolean {
  return sim.pod.containers.some((c) => sim.rec(c.name).instances.some((i) => i.sandbox === sim.sandbox.id && !hiddenByRestartAll(sim, c.name, i.attempt)));
}

function podIsTerminal(sim: PodSim): boolean {
  return sim.deletion !== undefined && sim.specs().every((c) => !sim.running(c.name));
}

function specForStatus(sim: PodSim) {
  return { ...sim.pod, initContainers: sim.pod.initContainers, containers: sim.pod.containers };
}

function conditionsFor(sim: PodSim, status: Pick<ApiPodStatus, 'initContainerStatuses' | 'containerStatuses'>, phase: PodPhase) {
  return podConditions(specForStatus(sim), status, phase, {
    sandboxReady: sim.sandbox.conditionReady,
    readyToStartContainers: sim.gates.PodReadyToStartContainersCondition,
    // [7.2] with KEP-5532, Initialized stays True through an in-place restart
    keepInitialized: sim.restartAllCount > 0 && sim.api.conditions.some((c) => c.type === 'Initialized' && c.status === 'True'),
  });
}

/** Emits the differences a learner sees between two written statuses. */
function publish(sim: PodSim, next: ApiPodStatus, phaseWhy: string | undefined, conditionWhy: Map<string, string>): void {
  const prev = sim.api;
  if (next.phase !== prev.phase && next.phase && next.phase !== 'Unknown') {
    sim.emit({ type: 'pod.phase', phase: next.phase, why: phaseWhy ?? `The phase is ${next.phase} [6.2].` });
    if ((next.phase === 'Succeeded' || next.phase === 'Failed') && sim.terminalAt === undefined) sim.terminalAt = sim.now;
  }
  for (const c of next.conditions) {
    const old = prev.conditions.find((p) => p.type === c.type);
    if (old && old.status === c.status && old.reason === c.reason) {
      c.lastTransitionTime = old.lastTransitionTime;
      continue;
    }
    c.lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : sim.now;
    sim.emit({
      type: 'pod.condition', condition: c.type as PodConditionType, status: c.status === 'True' ? 'True' : 'False',
      ...(c.reason ? { reason: c.reason } : {}), why: conditionWhy.get(c.type) ?? `[7] ${c.type} is ${c.status}.`,
    });
  }
  const lists: [ContainerStatus[], ContainerStatus[]][] = [
    [prev.initContainerStatuses, next.initContainerStatuses],
    [prev.containerStatuses, next.containerStatuses],
  ];
  for (const [olds, news] of lists) {
    const byName = new Map(olds.map((x) => [x.name, x]));
    for (const s of news) {
      const o = byName.get(s.name);
      const reason = s.state.waiting?.reason;
      if (reason && reason !== o?.state.waiting?.reason) {
        sim.emit({ type: 'container.waiting', container: s.name, reason, why: waitingWhy(reason, s) });
      }
      const attempt = s.restartCount;
      if (s.started && !o?.started) sim.emit({ type: 'container.started', container: s.name, attempt, why: startedWhy(sim, s.name) });
      if (s.ready && !o?.ready) sim.emit({ type: 'container.ready', container: s.name, attempt, why: readyWhy(sim, s.name) });
      if (!s.ready && o?.ready) sim.emit({ type: 'container.unready', container: s.name, attempt, why: '[5.6] The container is no longer ready: it stopped, or its readiness probe failed.' });
    }
  }
  sim.setApi(next);
  for (const [olds, news] of lists) {
    const byName = new Map(olds.map((x) => [x.name, x]));
    for (const s of news) {
      const o = byName.get(s.name);
      if (!o || stateKey(o) !== stateKey(s)) sim.probes.wake(s.name); // the workers read this status ([0.4])
    }
  }
  const pod: ApiPod = { name: sim.pod.name, namespace: sim.pod.namespace, deletionTimestamp: sim.deletion?.at, spec: specForStatus(sim), status: next };
  const cols = printPod(pod, sim.now);
  const last = sim.lastKubectl;
  // RESTARTS' age ("3 (10s ago)") moves with the clock; only a new count is a change.
  const count = (r: string) => r.split(' ')[0];
  if (!last || last.ready !== cols.ready || last.status !== cols.status || count(last.restarts) !== count(cols.restarts)) {
    sim.lastKubectl = cols;
    sim.emit({ type: 'pod.kubectl', ...cols, why: 'What `kubectl get pod` prints now, from the status the kubelet wrote (kubectl printPod, kubelet-cases 4.1).' });
  }
}

function stateKey(s: ContainerStatus): string {
  const kind = s.state.running ? `r${s.state.running.startedAt}` : s.state.terminated ? 't' : 'w';
  return `${kind}/${s.started}/${s.ready}/${s.restartCount}`;
}

function waitingWhy(reason: string, s: ContainerStatus): string {
  switch (reason) {
    case 'PodInitializing': return '[10.1] Not created yet, and the pod has init containers: PodInitializing.';
    case 'ContainerCreating': return '[10.1] Not running yet: ContainerCreating.';
    case 'CrashLoopBackOff': return `[10.2] It will be restarted after its back-off: ${s.state.waiting?.message ?? ''}.`;
    case 'ErrImagePull': return '[10.2] The image pull failed.';
    case 'ImagePullBackOff': return '[10.2] The image pull failed before; the kubelet waits before trying again.';
    case 'PostStartHookError': return '[3.4] The postStart hook failed, so the container was killed.';
    default: return `[10.2] Waiting: ${reason}.`;
  }
}

function startedWhy(sim: PodSim, name: string): string {
  return sim.rec(name).spec.startupProbe
    ? '[2.2] Its startup probe succeeded, so the container counts as started.'
    : '[2.2] It is running and has no startup probe, so it counts as started at the next status write.';
}

function readyWhy(sim: PodSim, name: string): string {
  const spec = sim.rec(name).spec;
  if (spec.kind === 'init') return '[5.6] A regular init container is ready once it exited 0.';
  return spec.readinessProbe ? '[5.6] Its readiness probe succeeded.' : '[5.6] Started and without a readiness probe: ready.';
}

/** generateAPIPodStatus + SetPodStatus at the start of a sync ([0.1]). */
export function writeStatus(sim: PodSim): void {
  const statuses = {
    initContainerStatuses: sim.pod.initContainers.map((c) => containerStatus(sim, c)),
    containerStatuses: sim.pod.containers.map((c) => containerStatus(sim, c)),
  };
  const explained = keepTerminalPhase(explainPhase(specForStatus(sim), statuses, {
    podIsTerminal: podIsTerminal(sim),
    podHasInitialized: podHasInitialized(sim),
    containerRestartRules: sim.gates.ContainerRestartRules,
    sidecarStartedVisible: sim.minor >= 35,
    restartAllContainers: sim.gates.RestartAllContainersOnContainerExits,
  }), sim.api.phase);
  const conditions = conditionsFor(sim, statuses, explained.phase);
  const whys = new Map(conditions.map((c) => [c.type, c.why]));
  const next: ApiPodStatus = { phase: explained.phase, conditions: conditions.map(stripWhy), ...statuses };
  sim.apiInstances = new Map(sim.specs().map((c) => [c.name, sim.rec(c.name).instances.at(-1)]));
  publish(sim, next, explained.why, whys);
}

function stripWhy(c: PodCondition & { why?: string }): PodCondition {
  const { why: _why, ...rest } = c;
  return rest;
}

/** The prober patches started/ready into the written status at once ([5.6]); the phase waits for a sync. */
export function patchProbeFlags(sim: PodSim): void {
  const patch = (list: ContainerStatus[], specs: ContainerSpec[]) =>
    list.map((s) => {
      const spec = specs.find((c) => c.name === s.name);
      const inst = sim.apiInstances.get(s.name);
      if (!spec || !inst || !s.state.running || spec.kind === 'init') return s;
      const started = !spec.startupProbe || sim.probes.result(spec.name, 'startup', inst) === 'success';
      const ready = started && inst.state === 'running' && (!spec.readinessProbe || sim.probes.result(spec.name, 'readiness', inst) === 'success');
      return { ...s, started, ready };
    });
  const statuses = {
    initContainerStatuses: patch(sim.api.initContainerStatuses, sim.pod.initContainers),
    containerStatuses: patch(sim.api.containerStatuses, sim.pod.containers),
  };
  const phase = (sim.api.phase ?? 'Pending') as PodPhase;
  const conditions = conditionsFor(sim, statuses, phase);
  const whys = new Map(conditions.map((c) => [c.type, c.why]));
  // The prober's patch recomputes ContainersReady and Ready; the other conditions keep their values.
  const merged = sim.api.conditions.map((old) => {
    const fresh = conditions.find((c) => c.type === old.type);
    return fresh && (old.type === 'ContainersReady' || old.type === 'Ready') ? stripWhy(fresh) : { ...old };
  });
  publish(sim, { ...sim.api, conditions: merged, ...statuses }, undefined, whys);
}
