// The engine's invariants as plain checks over (pod description, trace): the property tests run
// each one with fast-check, and `npm run fuzz` runs all of them for a long time.

import { CONTEXT_CANCELED_ERROR } from '../sim/probeContext';
import { simulate } from '../sim/simulate';
import type { Trace, TraceEvent } from '../trace';
import { buildScenario, type PodDesc } from './build';

export type Invariant = (d: PodDesc, t: Trace) => string[];

const of = (t: Trace, type: TraceEvent['type'], container?: string) =>
  t.events.filter((e) => e.type === type && (container === undefined || (e as { container?: string }).container === container));

/** [3.1] No main container starts before every init container exited 0 and every sidecar started. */
export const mainAfterInit: Invariant = (d, t) => {
  const out: string[] = [];
  for (const m of d.main) {
    const start = of(t, 'container.start', m.name)[0];
    if (!start) continue;
    for (const c of d.init ?? []) {
      const ok = c.kind === 'sidecar'
        ? of(t, 'container.started', c.name).some((e) => e.t <= start.t)
        : of(t, 'container.exit', c.name).some((e) => e.t <= start.t && (e as { exitCode: number }).exitCode === 0);
      if (!ok) out.push(`${m.name} started at ${start.t} before ${c.name} was ${c.kind === 'sidecar' ? 'started' : 'done'}`);
    }
  }
  return out;
};

/** [2.1] The container after a sidecar never starts before that sidecar is started. */
export const nextAfterSidecar: Invariant = (d, t) => {
  const order = [...(d.init ?? []), ...d.main];
  const out: string[] = [];
  // [8.2] after a force deletion removed the pod object no started flag is written (fuzz seed 1361454641)
  const apiGone = of(t, 'pod.gone')[0]?.t ?? Infinity;
  order.forEach((c, i) => {
    if (c.kind !== 'sidecar') return;
    const next = order[i + 1]!;
    const nextStart = of(t, 'container.start', next.name)[0];
    const started = of(t, 'container.started', c.name)[0];
    if (nextStart && !started && apiGone <= nextStart.t) return;
    if (nextStart && (!started || started.t > nextStart.t)) out.push(`${next.name} started at ${nextStart.t} before sidecar ${c.name} was started`);
  });
  return out;
};

/**
 * Attempts count up by one; the API's restartCount never goes down (S-4). Two exceptions: a
 * container created but not yet started when the kubelet went down (a kubelet restart, a node
 * reboot) is never started, and the kubelet back starts a new one counting from it ([2.7],
 * startContainer's restartCount = last + 1), so across those an attempt number may be skipped; and
 * an init container (regular or sidecar) may start again at a lower attempt, 0 unless a log the purge
 * did not see is left, once a sandbox change or a node reboot came between (purgeInitContainers
 * removed its records and logs, startContainer's calcRestartCountByLogDir counts from what is left:
 * kubernetes#124002, [2.9]), and only then; its restartCount then drops to the count of a run
 * started since (the status may miss the run at 0).
 */
export const restartCountsGrow: Invariant = (d, t) => {
  const out: string[] = [];
  const kubeletRestarts = t.events.filter((e) => e.type === 'node.kubeletRestart' || e.type === 'node.reboot').map((e) => e.t);
  const purges = t.events.filter((e) => e.type === 'pod.sandboxChanged' || e.type === 'node.reboot').map((e) => e.t);
  const purgedBetween = (from: number, to: number) => purges.some((p) => p >= from && p <= to);
  const inits = new Set((d.init ?? []).map((c) => c.name));
  for (const c of [...(d.init ?? []), ...d.main]) {
    const init = inits.has(c.name);
    const starts = of(t, 'container.start', c.name) as { t: number; attempt: number }[];
    const attempts = starts.map((e) => e.attempt);
    const ok = starts.every((s, i) => {
      const prev = i === 0 ? { t: -1, attempt: -1 } : starts[i - 1]!;
      if (s.attempt === prev.attempt + 1) return true;
      if (init && s.attempt <= prev.attempt && purgedBetween(prev.t, s.t)) return true;
      return s.attempt > prev.attempt && kubeletRestarts.some((k) => k >= prev.t && k <= s.t);
    });
    if (!ok) out.push(`${c.name} attempts ${attempts.join(',')}`);
    const statusTypes = ['container.started', 'container.ready', 'container.unready'];
    const counts = t.events.filter((e) => (e as { container?: string }).container === c.name && statusTypes.includes(e.type)) as unknown as { t: number; attempt: number }[];
    // After a purge the status may first show a later run (the restart at 0 ran between two writes):
    // the drop is allowed to the count of a run started since that purge.
    const restartedSince = (from: number, to: number, attempt: number) =>
      starts.some((s) => s.attempt === attempt && s.t <= to && purges.some((p) => p >= from && p <= s.t));
    // (the purge may come before a status write that still shows the old run: count from that run's start)
    const startOf = (e: { t: number; attempt: number }) => starts.findLast((s) => s.attempt === e.attempt && s.t <= e.t)?.t ?? -1;
    const down = counts.some((e, i) => i > 0 && e.attempt < counts[i - 1]!.attempt && !(init && restartedSince(startOf(counts[i - 1]!), e.t, e.attempt)));
    if (down) out.push(`${c.name} restartCount went down: ${counts.map((e) => e.attempt).join(',')}`);
  }
  return out;
};

/** Every run ends within its horizon, events sorted, each with a why. */
export const withinHorizon: Invariant = (d, t) => {
  const out: string[] = [];
  if (d.until !== undefined && t.end > d.until) out.push(`end ${t.end} beyond until ${d.until}`);
  let last = 0;
  for (const e of t.events) {
    if (e.t < last) out.push(`${e.type} at ${e.t} after an event at ${last}`);
    if (e.t > t.end) out.push(`${e.type} at ${e.t} after the end ${t.end}`);
    if (!/\S/.test(e.why)) out.push(`${e.type} at ${e.t} has no why`);
    last = e.t;
  }
  return out;
};

/** A run cut short says so (Trace.truncated, a last sim.truncated event at its end); a whole one never does. */
export const truncationSaid: Invariant = (_d, t) => {
  const marks = of(t, 'sim.truncated');
  if (!t.truncated) return marks.length ? ['a sim.truncated event in a run that was not cut short'] : [];
  const last = t.events.at(-1);
  const out: string[] = [];
  if (marks.length !== 1 || last?.type !== 'sim.truncated' || last.t !== t.end) out.push('a cut-short run does not end with one sim.truncated event at its end');
  if (t.truncated.reason === 'events' && t.events.length < t.truncated.limit) out.push(`cut short at ${t.events.length} events, below the budget ${t.truncated.limit}`);
  return out;
};

/**
 * [8.4] [8.8] Nothing starts once the termination began; before the grace runs out, sidecars stop
 * after the main containers. [3.4] A sync in flight at the deletion runs on (kubelet.go SyncPod hands
 * the runtime's SyncPod context.TODO() or context.WithoutCancel(ctx)): its starts come after the
 * deletion but before SyncTerminatingPod's first kill, and the removal's budget counts from its end.
 */
export const deletionOrder: Invariant = (d, t) => {
  const deleted = of(t, 'pod.deleted')[0] as { t: number; gracePeriodSeconds: number } | undefined;
  if (!deleted) return [];
  const firstKill = t.events.find((e) => e.type === 'container.kill' && e.reason === 'PodTermination' && e.t >= deleted.t);
  // a force deletion's pod.gone comes at the deletion itself ([8.2]): the object goes, not the termination
  const terminationAt = firstKill?.t ?? of(t, 'pod.gone').find((e) => e.t > deleted.t)?.t ?? Infinity;
  const out = t.events.filter((e) => e.type === 'container.start' && e.t > deleted.t && e.t > terminationAt).map((e) => `${(e as { container: string }).container} started after the termination began`);
  // the sync in flight's last step after the deletion (a start, a postStart hook's end, the exit its failed hook's kill waited for)
  const syncSteps = t.events.filter((e) => e.t > deleted.t && e.t <= terminationAt && (e.type === 'container.start' || e.type === 'container.exit' || (e.type === 'hook.end' && e.hook === 'postStart')));
  const syncEnd = Math.max(deleted.t, ...syncSteps.map((e) => e.t));
  const sidecars = new Set((d.init ?? []).filter((c) => c.kind === 'sidecar').map((c) => c.name));
  const mains = new Set(d.main.map((m) => m.name));
  const mainExits = t.events.filter((e) => e.type === 'container.exit' && e.t >= deleted.t && mains.has((e as { container: string }).container));
  for (const s of t.events) {
    if (s.type !== 'container.signal' || s.t < deleted.t || s.signal === 'SIGKILL' || !sidecars.has(s.container)) continue;
    // [3.4] the signal of a kill the sync in flight made itself (a startup or liveness probe's), which
    // the deletion does not cut short: it comes before the termination's turns (fuzz seed 1354301541)
    const own = t.events.findLast((e) => e.type === 'container.kill' && e.container === s.container && e.t <= s.t);
    if (own && own.type === 'container.kill' && own.reason !== 'PodTermination' && own.t < terminationAt) continue;
    // [8.4] a sidecar's turn waits for the main containers at most until its kill's grace is used
    // up: the kill that began the pod's termination, which may come before the deletion (a pod the
    // kubelet kills itself, [8.1c], then deleted: fuzz seed 7301).
    const kills = t.events.filter((e) => e.type === 'container.kill' && e.container === s.container && e.reason === 'PodTermination' && e.t <= s.t);
    const turnDeadline = Math.min(deleted.t + deleted.gracePeriodSeconds, ...kills.map((k) => k.t + (k as { gracePeriodSeconds: number }).gracePeriodSeconds));
    if (s.t >= turnDeadline - 1e-9) continue;
    for (const m of mainExits) if (s.t < m.t) out.push(`sidecar ${s.container} signalled at ${s.t} before ${(m as { container: string }).container} exited at ${m.t}`);
  }
  const gone = of(t, 'pod.gone')[0];
  // [8.5] grace + the 2 s floor + two relists; the kubelet subtracts the preStop and turn waits in
  // whole seconds (Go's int64(d.Seconds())), so each of those two steps can add up to a second more.
  // [3.4] A sync that took its update before the deletion runs at the next relist, and
  // SyncTerminatingPod waits for the relist after it (fuzz seed 1360900437).
  // [8.14] A kubelet restart (or a node reboot) during the deletion: the new kubelet kills again
  // with the whole grace from its first relist, so the budget counts from its return.
  const back = t.events.filter((e) => e.type === 'node.kubeletStarted' && e.t > deleted.t).map((e) => e.t);
  const budget = Math.max(syncEnd, ...back) + deleted.gracePeriodSeconds + 2 + 2 + 2;
  // [8.16] a node that powered off confirms nothing: the object keeps its deletionTimestamp
  const poweredOff = of(t, 'node.poweredOff').some((e) => e.t <= budget);
  if (budget <= t.end && !poweredOff && (!gone || gone.t > budget)) out.push(`pod not gone by ${budget} (grace + 2 s + rounding + two relists)`);
  return out;
};

/**
 * Every event has an id, unique in the trace; every cause names an event earlier in the trace
 * (so no later than its effect), never the event itself (contract section 3).
 */
export function causeProblems(t: Pick<Trace, 'events'>): string[] {
  const out: string[] = [];
  const index = new Map<string, number>();
  t.events.forEach((e, i) => {
    const at = `${e.type} at ${e.t}`;
    if (typeof e.id !== 'string' || e.id === '') out.push(`${at} has no id`);
    else if (index.has(e.id)) out.push(`${at} repeats the id ${e.id}`);
    else index.set(e.id, i);
    for (const c of e.cause ?? []) {
      const j = index.get(c);
      if (j === undefined) out.push(`${at} (${e.id}) cites ${c}, which is not an earlier event of the trace`);
      else if (t.events[j]!.t > e.t) out.push(`${at} (${e.id}) cites ${c}, which comes later`);
    }
    if (e.cause !== undefined && e.cause.length === 0) out.push(`${at} (${e.id}) has an empty cause list`);
  });
  return out;
}

export const causesPointBack: Invariant = (_d, t) => causeProblems(t);

/** The same scenario gives the byte-identical trace. */
export const deterministic: Invariant = (d, t) =>
  JSON.stringify(simulate(buildScenario(d))) === JSON.stringify(t) ? [] : ['a second run gave a different trace'];

/**
 * [5.14] Probe runs error with the cancelled context only once the pod is deleted, only in 1.35 and
 * 1.36, and there no exec probe answers any more: no run fails after the deletion (the random pods'
 * probes are all exec). A result may still turn to failure without a run, for a container the
 * status says is not running ([5.3]). [5.11] Any other errored run is an exec on a container that
 * had exited before it: it cites that exit.
 */
export const erroredProbesAfterDeletion: Invariant = (_d, t) => {
  const out: string[] = [];
  const deleted = of(t, 'pod.deleted')[0];
  const affected = t.kubernetesVersion === '1.35' || t.kubernetesVersion === '1.36';
  const byId = new Map(t.events.map((e) => [e.id, e]));
  for (const e of of(t, 'probe.errored')) {
    const error = (e as { error?: string }).error;
    if (error !== undefined && error !== CONTEXT_CANCELED_ERROR) {
      // [5.11] an exec on an exited container: it cites that container's earlier exit
      const exit = e.cause?.map((id) => byId.get(id)).find((c) => c?.type === 'container.exit');
      if (!exit || (exit as { container: string }).container !== (e as { container: string }).container || exit.t >= e.t) out.push(`a probe run errored at ${e.t} without its container's earlier exit`);
      continue;
    }
    if (!affected) out.push(`a probe run errored at ${e.t} in ${t.kubernetesVersion}`);
    if (!deleted || e.t < deleted.t) out.push(`a probe run errored at ${e.t} before any deletion`);
  }
  if (!affected || !deleted) return out;
  for (const e of of(t, 'probe.failed')) {
    if (e.t > deleted.t) out.push(`${(e as { container: string }).container}'s ${(e as { probe: string }).probe} probe ran and failed at ${e.t}, after the deletion`);
  }
  return out;
};

/**
 * [13.2] The API never shows a terminal phase while a container of the pod runs: the status
 * manager's mergePodStatus holds it back until they have stopped (events in trace order).
 */
export const noTerminalPhaseWhileRunning: Invariant = (_d, t) => {
  const running = new Set<string>();
  const out: string[] = [];
  for (const e of t.events) {
    if (e.type === 'container.start') running.add(e.container);
    else if (e.type === 'container.exit') running.delete(e.container);
    else if (e.type === 'pod.phase' && (e.phase === 'Succeeded' || e.phase === 'Failed') && running.size > 0) {
      out.push(`the API shows ${e.phase} at ${e.t} while ${[...running].join(', ')} still run`);
    }
  }
  return out;
};

export const INVARIANTS: Record<string, Invariant> = {
  mainAfterInit, nextAfterSidecar, restartCountsGrow, withinHorizon, truncationSaid, deletionOrder, causesPointBack, deterministic,
  erroredProbesAfterDeletion, noTerminalPhaseWhileRunning,
};

/** Runs the scenario and every invariant; never throws (an exception is a violation too). */
export function violations(d: PodDesc): string[] {
  let t: Trace;
  try {
    t = simulate(buildScenario(d));
  } catch (err) {
    return [`simulate threw: ${err instanceof Error ? err.message : String(err)}`];
  }
  return Object.entries(INVARIANTS).flatMap(([name, check]) => check(d, t).map((v) => `${name}: ${v}`));
}
