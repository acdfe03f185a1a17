// Stopping containers ([8.3]–[8.7], [8.9]): the Killing event, preStop bounded by the grace,
// sidecars waiting for their turn in reverse order, the 2 s floor, then the stop signal and
// SIGKILL when the time is up.

import type { Proc, RunningTask } from './kernel';
import type { PodSim } from './podSim';
import { newest } from './model';
import { sigkill, signalStop } from './process';
import { MINIMUM_GRACE } from './timing';

/**
 * A sidecar's turn comes when every main container and every later sidecar has stopped ([8.4],
 * KR kuberuntime_termination_order.go). Containers that are not running block nobody.
 * The kernel re-checks this condition after every step, so it remembers the container that
 * blocked the turn last time and looks at it first: O(1) per check while the wait lasts.
 */
export function sidecarTurn(sim: PodSim, name: string): () => boolean {
  const inits = sim.pod.initContainers;
  const idx = inits.findIndex((c) => c.name === name);
  const laterSidecars = inits.slice(idx + 1).filter((c) => c.kind === 'sidecar');
  const blockers = [...sim.pod.containers, ...laterSidecars].map((c) => c.name);
  let last = 0;
  return () => {
    for (let n = 0; n < blockers.length; n++) {
      const i = (last + n) % blockers.length;
      if (sim.running(blockers[i]!)) {
        last = i;
        return false;
      }
    }
    return true;
  };
}

/** Whether every task is done; `done` never goes back, so it resumes from the first one still running. */
function allDoneCondition(tasks: RunningTask[]): () => boolean {
  let first = 0;
  return () => {
    while (first < tasks.length && tasks[first]!.done) first++;
    return first === tasks.length;
  };
}

function hookDuration(sim: PodSim, name: string): number | null {
  const rec = sim.rec(name);
  const hook = rec.spec.preStop;
  if (!hook) return 0;
  if (hook.handler === 'sleep') return hook.sleepSeconds ?? 0;
  const inst = newest(rec);
  return inst ? inst.behavior.preStop.duration : 0; // null: the hook never returns
}

/** Elapsed whole seconds as the kubelet counts them (Go's int64(d.Seconds())), robust to float noise. */
function wholeSeconds(elapsed: number): number {
  return Math.floor(elapsed + 1e-6);
}

/** killContainer: blocks until the container has stopped. */
export function* killContainer(
  sim: PodSim, name: string, reason: string, grace: number, ordered: boolean, why: string,
): Proc<void> {
  const rec = sim.rec(name);
  const inst = newest(rec);
  if (!inst || inst.state !== 'running') return;
  rec.killing = true;
  sim.emit({ type: 'container.kill', container: name, reason, gracePeriodSeconds: grace, why });
  let remaining = grace;

  if (rec.spec.preStop && remaining > 0) {
    const duration = hookDuration(sim, name);
    const start = sim.now;
    const finishes = duration !== null && duration <= remaining;
    sim.hooks.set(inst, 'preStop');
    sim.emit({
      type: 'hook.start', container: name, hook: 'preStop',
      why: ordered
        ? '[8.4] Every preStop hook, sidecars\' included, starts at once when the pod is killed; only the stop signals wait for their turn.'
        : `[8.3] The preStop hook runs first, bounded by the ${remaining}s grace period.`,
    });
    yield { until: () => inst.state !== 'running', timeout: finishes ? duration : remaining };
    if (inst.state === 'running' && sim.hooks.get(inst) === 'preStop') {
      if (finishes) {
        sim.hooks.delete(inst);
        const code = rec.spec.preStop.handler === 'sleep' ? 0 : inst.behavior.preStop.exitCode;
        sim.emit({
          type: 'hook.end', container: name, hook: 'preStop', exitCode: code,
          why: code === 0 ? 'The preStop hook returned; now the stop signal.' : `The preStop hook failed with ${code} (FailedPreStopHook); that does not change the container's exit code [10.5].`,
        });
      }
    }
    remaining -= wholeSeconds(sim.now - start);
  }

  let turnCame = true;
  if (ordered) {
    const start = sim.now;
    turnCame = yield { until: sidecarTurn(sim, name), timeout: Math.max(0, remaining) };
    remaining -= wholeSeconds(sim.now - start);
  }
  const floored = remaining < MINIMUM_GRACE;
  if (floored) remaining = MINIMUM_GRACE;

  if (inst.state === 'running') {
    signalStop(sim, inst, ordered && !turnCame
      ? `[8.4] [8.5] The grace period ran out before ${name}'s turn (a main container or a later sidecar still runs): it gets its stop signal now, with the 2s minimum.`
      : ordered
      ? `[8.4] ${name}'s turn: every main container and every later sidecar has stopped${floored ? '; the grace is used up, so it gets the 2s minimum [8.5]' : ''}.`
      : `[8.3] The stop signal, with ${remaining}s before SIGKILL${floored ? ' (the 2s minimum, [8.5])' : ''}.`);
    const exited = yield { until: () => inst.state !== 'running', timeout: remaining };
    if (!exited) sigkill(sim, inst, `[8.5] ${name} did not stop within ${remaining}s of its stop signal: SIGKILL.`);
  }
  rec.killing = false;
}

/**
 * Kills every running container of the pod at once and waits for all ([8.3]). From 1.29 sidecars
 * wait for their turn; in 1.28 they stop together with the main containers ([8.7]).
 */
export function* killPod(sim: PodSim, grace: number, reason: string | ((name: string) => string), why: (name: string) => string): Proc<void> {
  const ordered = sim.minor >= 29;
  const tasks: RunningTask[] = [];
  for (const spec of sim.specs()) {
    if (!sim.running(spec.name)) continue;
    const sidecarOrdered = ordered && spec.kind === 'sidecar';
    const r = typeof reason === 'string' ? reason : reason(spec.name);
    tasks.push(sim.k.spawn(`kill ${spec.name}`, killContainer(sim, spec.name, r, grace, sidecarOrdered, why(spec.name))));
  }
  yield { until: allDoneCondition(tasks) };
}
