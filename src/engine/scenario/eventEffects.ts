// Events of the Simulation document that cannot do anything, said as warnings at their line, and
// the per-container facts the page needs to say so before the event is written (which probes a
// container has, whether its image is pulled again on a restart).
//
// The prober starts a worker only for the probes a container defines ([5.1]: prober_manager.go
// AddPod, read 1.27–1.36: `if c.LivenessProbe != nil`…), so failing a probe a container lacks
// changes nothing; regular init containers run no probes at all.
// crash/exit/oomKill act on the running process only (faults.ts applyFault): one at a time the
// container is not running is known only after the run, from the trace.

import type { ProbeKind, Trace } from '../trace';
import type { ContainerSpec, Problem, Scenario, SimEvent } from './types';

export interface ContainerSummary {
  probes: ProbeKind[];
  /** imagePullPolicy Always: every start pulls, so a pull fault can act on a running container's restart. */
  pullAlways: boolean;
}

const PROBE_OF: Partial<Record<SimEvent['do'], ProbeKind>> = {
  failLiveness: 'liveness', failReadiness: 'readiness', failStartup: 'startup',
};
const EXIT_ACTIONS: readonly SimEvent['do'][] = ['crash', 'exit', 'oomKill'];

function allContainers(s: Scenario): ContainerSpec[] {
  return [...s.pod.initContainers, ...s.pod.containers];
}

function probesOf(c: ContainerSpec): ProbeKind[] {
  const out: ProbeKind[] = [];
  if (c.startupProbe) out.push('startup');
  if (c.livenessProbe) out.push('liveness');
  if (c.readinessProbe) out.push('readiness');
  return out;
}

export function containerSummaries(s: Scenario): Record<string, ContainerSummary> {
  const out: Record<string, ContainerSummary> = {};
  for (const c of allContainers(s)) out[c.name] = { probes: probesOf(c), pullAlways: c.imagePullPolicy === 'Always' };
  return out;
}

function warningAt(ev: SimEvent, message: string): Problem {
  return { severity: 'warning', path: 'events', message, line: ev.pos.line, col: ev.pos.col, endLine: ev.pos.line, endCol: ev.pos.col + 1 };
}

/**
 * A fail* event on what the container lacks: a probe it does not define, or a pull error for an
 * image it never pulls (failPull's `message` under imagePullPolicy Never, neverPullMessageWarning).
 */
export function probeEventWarnings(s: Scenario): Problem[] {
  const byName = new Map(allContainers(s).map((c) => [c.name, c]));
  const out: Problem[] = [];
  for (const ev of s.sim.events) {
    const probe = PROBE_OF[ev.do];
    const c = ev.container === undefined ? undefined : byName.get(ev.container);
    const never = c === undefined ? undefined : neverPullMessageWarning(ev, c);
    if (never) out.push(never);
    if (!probe || !c || probesOf(c).includes(probe)) continue;
    const why = c.kind === 'init' ? 'a regular init container runs no probes' : `it has no ${probe}Probe`;
    out.push(warningAt(ev, `${ev.do} on ${c.name} has no effect: ${why}, so there is no ${probe} probe to fail`));
  }
  return out;
}

/**
 * The message EnsureImageExists gives an image that is not on the node under imagePullPolicy Never
 * (images/image_manager.go, the same in every stored version read: 00a3928b (1.27-era), cfce511e
 * and a 1.34/1.35-era copy, where imagePullPrecheck calls imageNotPresentOnNeverPolicyError): the
 * Warning ErrImageNeverPull event's and the Waiting state's message (sim/start.ts neverPullFails).
 */
export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}

/**
 * [10.2] A failPull on a container whose imagePullPolicy is Never says its image is not on the node
 * in that window: the kubelet pulls nothing (EnsureImageExists, images/image_manager.go, every
 * stored version read), so there is no runtime error to give, and the start fails with its own
 * message, "Container image "X" is not present with pull policy of Never" (ErrImageNeverPull).
 */
function neverPullMessageWarning(ev: SimEvent, c: ContainerSpec): Problem | undefined {
  if (ev.do !== 'failPull' || ev.message === undefined || c.imagePullPolicy !== 'Never') return undefined;
  return warningAt(ev, `message on ${c.name}'s failPull is ignored: its imagePullPolicy is Never, so the kubelet never pulls and no pull error comes back; the failPull means the image is not on the node, and each start in the window fails with ErrImageNeverPull: ${neverPullMessage(c.image)} [10.2]`);
}

/** A statusCode on a fail* event of a probe that is not an httpGet one: only the HTTP prober reads a status. */
export function statusCodeWarnings(s: Scenario): Problem[] {
  const byName = new Map(allContainers(s).map((c) => [c.name, c]));
  const out: Problem[] = [];
  for (const ev of s.sim.events) {
    const probe = PROBE_OF[ev.do];
    const c = ev.container === undefined ? undefined : byName.get(ev.container);
    if (ev.statusCode === undefined || !probe || !c) continue;
    const spec = probe === 'startup' ? c.startupProbe : probe === 'liveness' ? c.livenessProbe : c.readinessProbe;
    if (!spec || spec.handler === 'httpGet') continue;
    out.push(warningAt(ev, `statusCode on ${c.name}'s ${probe} probe is ignored: it is ${spec.handler === 'exec' ? 'an exec' : `a ${spec.handler}`} probe, and only an httpGet probe reads an HTTP status [5.13]`));
  }
  return out;
}

/** Whether `container` has a process at time t (started before t, not yet exited), in any pod. */
function runningAt(trace: Trace, container: string, t: number): boolean {
  const running = new Map<string, boolean>();
  for (const e of trace.events) {
    if (e.t >= t) break;
    if (!('container' in e) || e.container !== container) continue;
    if (e.type === 'container.start') running.set(e.pod ?? '', true);
    else if (e.type === 'container.exit') running.set(e.pod ?? '', false);
  }
  return [...running.values()].some(Boolean);
}

/** crash/exit/oomKill at a time the container is not running: read from the run's trace. */
export function idleExitWarnings(s: Scenario, trace: Trace): Problem[] {
  const out: Problem[] = [];
  for (const ev of s.sim.events) {
    if (!EXIT_ACTIONS.includes(ev.do) || ev.container === undefined || ev.at > trace.end) continue;
    if (runningAt(trace, ev.container, ev.at)) continue;
    out.push(warningAt(ev, `${ev.do} of ${ev.container} at ${ev.at}s has no effect: ${ev.container} is not running then (it has not started, or has already exited), so there is no process to end`));
  }
  return out;
}

/**
 * A deletePod once the pod object is gone from the API ([8.2]: a force deletion, or a deletion the
 * kubelet finished): the API server answers NotFound, so it changes nothing. A Job's pods come and
 * go, and its deletePod acts on whichever one is there: not said for a Job.
 */
export function goneDeleteWarnings(s: Scenario, trace: Trace): Problem[] {
  if (s.job) return [];
  const gone = trace.events.find((e) => e.type === 'pod.gone');
  if (!gone) return [];
  return s.sim.events.filter((ev) => ev.do === 'deletePod' && ev.at > gone.t && ev.at <= trace.end)
    .map((ev) => warningAt(ev, `deletePod at ${ev.at}s has no effect: the pod object is gone from the API since ${gone.t}s, so the deletion finds nothing (NotFound)`));
}
