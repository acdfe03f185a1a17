// The trace events for every change a learner can see between two written statuses: the phase,
// the conditions, each container's waiting reason, started and ready, and the `kubectl get pod`
// row (printed as the simulated version's API server prints it, [14.1]); and the probe workers
// woken where what they read changed ([0.4]). Upstream: status_manager.go updateLastTransitionTime
// (a condition's time moves only when its status flips, [6.10]), read at the 1.3x tree.

import type { ApiPod, ApiPodStatus, ContainerStatus } from '../api';
import { printPod } from '../kubectl/printPod';
import type { PodConditionType } from '../trace';
import type { PodSim } from './podSim';

/** Emits the differences a learner sees between two written statuses. */
export function publish(sim: PodSim, next: ApiPodStatus, phaseWhy: string | undefined, conditionWhy: Map<string, string>): void {
  const prev = sim.api;
  if (next.phase !== prev.phase && next.phase && next.phase !== 'Unknown') {
    const reason = next.reason ? { reason: next.reason, ...(next.message ? { message: next.message } : {}) } : {};
    sim.emit({ type: 'pod.phase', phase: next.phase, ...reason, why: phaseWhy ?? `The phase is ${next.phase} [6.2].` });
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
  const changed: string[] = [];
  publishContainers(sim, prev.initContainerStatuses, next.initContainerStatuses, changed);
  publishContainers(sim, prev.containerStatuses, next.containerStatuses, changed);
  sim.setApi(next);
  for (const name of changed) sim.probes.wake(name); // the workers read this status ([0.4])
  publishKubectl(sim, '[14.1] What `kubectl get pod` prints now: the API server builds the row from the status the kubelet wrote.');
}

/**
 * A new `kubectl get pod` row, if the columns changed. The API server prints it from the pod
 * object, so a deletion (its deletionTimestamp) changes it without any status write ([14.4]).
 */
export function publishKubectl(sim: PodSim, why: string): void {
  const pod: ApiPod = { name: sim.pod.name, namespace: sim.pod.namespace, deletionTimestamp: sim.deletion?.at, spec: sim.pod, status: sim.api };
  const cols = printPod(pod, sim.now, { minor: sim.minor });
  const last = sim.lastKubectl;
  // RESTARTS' age ("3 (10s ago)") moves with the clock; only a new count is a change.
  const count = (r: string) => r.split(' ')[0];
  if (!last || last.ready !== cols.ready || last.status !== cols.status || count(last.restarts) !== count(cols.restarts)) {
    sim.lastKubectl = cols;
    sim.emit({ type: 'pod.kubectl', ...cols, why });
  }
}

/** The container events between two status lists; `changed` collects the containers whose probe workers must look again. */
function publishContainers(sim: PodSim, olds: ContainerStatus[], news: ContainerStatus[], changed: string[]): void {
  if (olds === news) return; // a probe patch that changed no status in this list
  const previous = previousStatusOf(olds);
  for (let i = 0; i < news.length; i++) {
    const s = news[i]!;
    const o = previous(s, i);
    if (o === s) continue; // a probe patch keeps the statuses it does not change
    if (!o || !sameRuntimeView(o, s)) changed.push(s.name);
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

/**
 * The previous status of the same container. Both lists follow the spec's order, so it is
 * usually at the same position; otherwise (the first write) it is looked up by name.
 */
function previousStatusOf(olds: ContainerStatus[]): (s: ContainerStatus, i: number) => ContainerStatus | undefined {
  let byName: Map<string, ContainerStatus> | undefined;
  return (s, i) => {
    const atSamePlace = olds[i];
    if (atSamePlace?.name === s.name) return atSamePlace;
    byName ??= new Map(olds.map((x) => [x.name, x]));
    return byName.get(s.name);
  };
}

/** Whether the probe workers see the same thing in both statuses: state (and start time), started, ready, restarts. */
function sameRuntimeView(a: ContainerStatus, b: ContainerStatus): boolean {
  return stateKind(a) === stateKind(b) && a.state.running?.startedAt === b.state.running?.startedAt
    && a.started === b.started && a.ready === b.ready && a.restartCount === b.restartCount;
}

function stateKind(s: ContainerStatus): 'running' | 'terminated' | 'waiting' {
  return s.state.running ? 'running' : s.state.terminated ? 'terminated' : 'waiting';
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
