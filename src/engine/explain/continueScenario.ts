// "Continue from here" (issue 14): an explained pod becomes an ordinary scenario that starts from
// its observed state: the pod's share-safe spec (explain/redact: no env values, commands, names or
// images) and a Simulation document whose `startFrom:` carries each container's observed status as
// seconds since the pod's creation (scenario/startFrom, seeded by sim/initialState). A container
// seen crashing keeps crashing the way it was seen (its last run's length and exit code); a
// CrashLoopBackOff keeps the delay the kubelet printed, so the next restart falls where
// `sim explain` says ([4.5]). Each image keeps its pull policy (explain/redact), and an image the
// node has is not pulled again under IfNotPresent or Never ([0.3]; image_manager.go shouldPullImage).

import { parseAllDocuments, stringify } from 'yaml';
import type { ContainerState, ContainerStatus } from '../api';
import { isObj, type Obj } from '../apiPod/fields';
import { OBSERVED_CONDITIONS } from '../scenario/startFrom';
import { NEWEST_VERSION, type KubeVersion } from '../version';
import { backoffForRestart, backoffFromMessage } from './backoffDelay';
import { isRealPod, readRealPods } from './readRealPods';
import { redactRealPods } from './redact';
import { resolveGates } from '../version';
import { START_ERROR_REASON } from '../sim/process';
import { RESTARTING_ALL } from './restartRules';
import { deriveStatus } from '../apiPod/deriveStatus';

export interface ContinueOptions {
  /** The version chosen outside the text (the page's picker); the text's own Simulation document wins. */
  version?: KubeVersion;
  /** The explanation's "now", seconds since the epoch (default: the newest timestamp in the object). */
  now?: number;
}

export type ContinueResult =
  /** `now`: where the simulation takes over, seconds since creation; `version`: the one the text names. */
  | { ok: true; text: string; now: number; version: KubeVersion }
  | { ok: false; message: string };

/** How long the continued run goes on after "now", seconds. */
export const CONTINUE_FOR = 600;

const round = (t: number) => Math.round(t * 1000) / 1000;

const PROBES = ['startupProbe', 'livenessProbe', 'readinessProbe'];

/**
 * The share-safe form keeps a probe's kind of handler but not its command, path or port; the
 * scenario needs a whole handler, so a tcpSocket stands in (it passes once the app is up).
 */
function wholeProbes(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const list of ['initContainers', 'containers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] as unknown[] : []) {
      if (!isObj(c)) continue;
      for (const k of PROBES) {
        const probe = c[k];
        if (!isObj(probe)) continue;
        for (const h of ['exec', 'httpGet', 'tcpSocket', 'grpc']) delete probe[h];
        probe.tcpSocket = { port: 8080 };
      }
    }
  }
}

/** The hooks kept by kind only (redact.ts) get a stand-in handler that takes no time; a sleep keeps its seconds ([8.3], [3.3]). */
function wholeHooks(spec: unknown): void {
  if (!isObj(spec)) return;
  for (const list of ['initContainers', 'containers']) {
    for (const c of Array.isArray(spec[list]) ? spec[list] as unknown[] : []) {
      if (!isObj(c) || !isObj(c.lifecycle)) continue;
      for (const k of ['postStart', 'preStop']) {
        const hook = c.lifecycle[k];
        if (!isObj(hook)) continue;
        if (isObj(hook.exec)) hook.exec = { command: ['true'] };
        if (isObj(hook.httpGet)) hook.httpGet = { path: '/', port: 8080 };
        if (isObj(hook.tcpSocket)) hook.tcpSocket = { port: 8080 };
        if (isObj(hook.sleep) && typeof hook.sleep.seconds !== 'number') hook.sleep = { seconds: 1 };
      }
    }
  }
}

function firstRedactedPod(text: string): Obj | undefined {
  const safe = redactRealPods(text);
  if (!safe) return undefined;
  for (const doc of parseAllDocuments(safe.text)) {
    const v: unknown = doc.toJS();
    if (isRealPod(v)) return v as Obj;
    if (isObj(v) && v.kind === 'List' && Array.isArray(v.items)) {
      const first = v.items.find(isRealPod);
      if (first) return first as Obj;
    }
  }
  return undefined;
}

interface Clock {
  created: number;
  now: number;
}

const at = (clock: Clock, t: number | undefined): number | undefined =>
  t === undefined ? undefined : round(Math.min(Math.max(t - clock.created, 0), clock.now));

function run(clock: Clock, s: ContainerState): Obj | undefined {
  const term = s.terminated;
  if (!term) return undefined;
  const out: Obj = {};
  // [3.5] A start the runtime refused never ran: the API's epoch StartedAt says "never", not a time.
  const started = term.reason === START_ERROR_REASON ? undefined : at(clock, term.startedAt);
  if (started !== undefined) out.startedAt = started;
  out.finishedAt = at(clock, term.finishedAt ?? term.startedAt) ?? clock.now;
  out.exitCode = term.exitCode;
  if (term.reason) out.reason = term.reason;
  return out;
}

/**
 * [11.2] A container the in-place restart removed (written Waiting RestartingAllContainers): it is
 * no longer in the runtime, so the sync after the reset starts it whatever its restartPolicy
 * (computePodActions finds no status for it). startFrom carries it as the API shows it: the waiting
 * reason, its restartCount, and its last state: from 1.36 the kubelet's marker with no times
 * (exit 137, reason RestartingAllContainers, kubernetes#136964; convertToAPIContainerStatuses'
 * podRestarting branch counts the removed run), in 1.35 the removed run with its times.
 * sim/initialState seeds its runs out of the runtime, as the reset leaves them, so the restart
 * count goes on and the sandbox is kept.
 */
export const removedInPlace = (s: ContainerStatus): boolean => s.state.waiting?.reason === RESTARTING_ALL;

/**
 * [11.2] 1.36+ (kubernetes#136964): the last state an in-place restart writes has no start or
 * finish time: no run to draw, and none to seed (a seeded one would need a finishedAt, and kubectl
 * would then print "(… ago)", which the real pod's RESTARTS does not).
 */
const timelessInPlace = (s: ContainerStatus): boolean => {
  const t = s.lastState.terminated;
  return t?.reason === RESTARTING_ALL && t.finishedAt === undefined && t.startedAt === undefined;
};

function observed(clock: Clock, s: ContainerStatus, backoff: number | undefined): Obj | undefined {
  const out: Obj = {};
  const { running, terminated, waiting } = s.state;
  if (running) {
    out.state = 'running';
    out.startedAt = at(clock, running.startedAt) ?? clock.now;
  } else if (terminated) {
    Object.assign(out, { state: 'terminated', ...run(clock, s.state) });
  } else {
    out.state = 'waiting';
    if (waiting?.reason) out.reason = waiting.reason;
  }
  out.restartCount = s.restartCount;
  if (s.started !== undefined) out.started = s.started;
  out.ready = s.ready;
  if (backoff !== undefined) out.backoff = backoff;
  const last = timelessInPlace(s) ? undefined : run(clock, s.lastState);
  if (last) out.lastState = last;
  // [11.2] the removed container's 1.36+ last state as written (startFrom reads it as the removed run, counted)
  else if (removedInPlace(s) && timelessInPlace(s) && s.restartCount > 0) out.lastState = { exitCode: s.lastState.terminated!.exitCode, reason: RESTARTING_ALL };
  if (out.state === 'waiting' && s.restartCount > 0 && !out.lastState) return undefined; // its last run is unknown: it starts over
  return out;
}

/** How a container that was seen exiting behaves from now on: as its newest finished run did (a refused start, refused again). */
function behaviour(clock: Clock, s: ContainerStatus, isInit: boolean): Obj | undefined {
  const term = s.state.terminated ?? s.lastState.terminated;
  // [3.5] The runtime refused its start: the next start fails too (the runtime's message stays in
  // the pasted object; the share-safe spec has no command, so the engine words its own). Its
  // startedAt, when printed, is the epoch: not a run's start.
  if (term?.reason === START_ERROR_REASON) return { startError: true };
  // [11.2] The in-place restart ended that run, not the app: it says nothing of how the app exits.
  if (term?.reason === RESTARTING_ALL) return undefined;
  if (!term || term.finishedAt === undefined || term.startedAt === undefined) return undefined;
  if (isInit && s.state.terminated?.exitCode === 0) return undefined; // done: it never runs again
  const ranFor = round(term.finishedAt - term.startedAt);
  const runningFor = s.state.running?.startedAt === undefined ? 0 : clock.created + clock.now - s.state.running.startedAt;
  if (s.state.running && runningFor >= ranFor) return undefined; // this run already outlived the last one
  return { exitAfter: `${ranFor}s`, exitCode: term.exitCode };
}

/**
 * A running container whose startup probe has not passed yet: its app was not up by now, and it
 * is assumed to stay so (the probe's command was not copied), so the probe gives up at its
 * threshold as `sim explain` says ([5.4]).
 */
function stillStarting(clock: Clock, s: ContainerStatus, hasStartupProbe: boolean): Obj | undefined {
  const startedAt = s.state.running?.startedAt;
  if (!hasStartupProbe || s.started !== false || startedAt === undefined) return undefined;
  return { startDelay: `${round(clock.created + clock.now - startedAt + CONTINUE_FOR + 1)}s` };
}

/**
 * The grace left to a pod being deleted, whole seconds from now (the Simulation document's
 * deletePod takes an integer): its deletionTimestamp is when the grace period ends ([8.1], [8.5]),
 * so SIGKILL comes by then. At least 1: a grace of 0 would be a force deletion ([8.2]), which the
 * pasted pod, still there past its deadline, was not. Undefined for a pod that is not being deleted.
 */
function deletionLeft(deletionTimestamp: number | undefined, clock: Clock): number | undefined {
  if (deletionTimestamp === undefined) return undefined;
  return Math.max(1, Math.floor(deletionTimestamp - clock.created - clock.now));
}

/** Waiting reasons that say the container's image is not on the node: its pull failed or is refused. */
const IMAGE_MISSING = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);

/**
 * Whether a container ran before (so its image is on the node) although startFrom seeds none of its
 * runs: a waiting container whose last run the status no longer shows starts over (`observed`).
 * sim/initialState marks the image of every seeded run present; this one's image would be pulled as
 * if new, where the kubelet's shouldPullImage (image_manager.go, stored at 00a3928b and cfce511e,
 * 1.27-1.37) pulls nothing under IfNotPresent or Never. So it gets `pull: 0`, the contract's "on the
 * node already" (under Always the kubelet still asks the registry, and so does the run).
 */
function ranButNotSeeded(s: ContainerStatus, o: Obj | undefined): boolean {
  if (IMAGE_MISSING.has(s.state.waiting?.reason ?? '')) return false;
  const ran = s.restartCount > 0 || s.lastState.terminated !== undefined || s.state.running !== undefined || s.state.terminated !== undefined;
  const seeded = o !== undefined && (o.state !== 'waiting' || o.lastState !== undefined);
  return ran && !seeded;
}

/**
 * [10.2] The containers waiting in ErrImageNeverPull under imagePullPolicy Never (as the share-safe
 * spec keeps it): their image is not on the node, and EnsureImageExists (images/image_manager.go,
 * 00a3928b, cfce511e and a 1.34/1.35-era copy: the same Never branch) fails every start the same
 * way until it is. The continued run keeps the image absent from now on: a failPull with no `for`
 * on each ([10.2]; sim/start.ts neverPullFails), which the user ends by giving it a `for`.
 */
function imageNeverPulled(spec: unknown, statuses: readonly ContainerStatus[]): string[] {
  const never = new Set<string>();
  for (const list of ['initContainers', 'containers']) {
    const cs = isObj(spec) && Array.isArray(spec[list]) ? spec[list] as unknown[] : [];
    for (const c of cs) if (isObj(c) && c.imagePullPolicy === 'Never' && typeof c.name === 'string') never.add(c.name);
  }
  return statuses.filter((s) => s.state.waiting?.reason === 'ErrImageNeverPull' && never.has(s.name)).map((s) => s.name);
}

/**
 * Why a pod whose written phase is `phase` cannot be continued, or undefined when it can: a
 * terminal pod never runs again ([6.5]: SyncPod returns at once for it, and the phase never changes).
 */
export function continueRefusal(phase: string | undefined): string | undefined {
  if (phase !== 'Succeeded' && phase !== 'Failed') return undefined;
  return `the pod is ${phase}, a terminal phase: the kubelet runs none of its containers again, so there is nothing to continue (a controller, such as a ReplicaSet or Job, would create a new pod instead) [6.5].`;
}

/** The scenario text that continues the first pod of `text` from its observed state. */
export function continueScenario(text: string, opts: ContinueOptions = {}): ContinueResult {
  const read = readRealPods(text);
  if (read.kind !== 'pods' || read.input.pods.length === 0) return { ok: false, message: 'No pod with a status could be read from the text.' };
  const p = read.input.pods[0]!;
  const refusal = continueRefusal(p.pod.status.phase);
  if (refusal !== undefined) return { ok: false, message: refusal };
  const safe = firstRedactedPod(text);
  if (!safe) return { ok: false, message: 'The pod could not be made share-safe.' };
  const created = p.creationTimestamp;
  const nowAbs = opts.now ?? p.newestTimestamp;
  if (created === undefined || nowAbs === undefined) return { ok: false, message: 'The pod has no creationTimestamp to count from.' };
  const clock: Clock = { created, now: round(Math.max(nowAbs - created, 0)) };
  const { written } = read.input;
  const version = written.version ?? opts.version ?? NEWEST_VERSION;
  const gates = resolveGates(version, written.gates ?? {});

  const containers: Obj = {};
  const behaviours: Obj = {};
  const initNames = new Set(p.pod.spec.initContainers.map((c) => c.name));
  for (const s of [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses]) {
    const printed = s.state.waiting?.reason === 'CrashLoopBackOff' ? backoffFromMessage(s.state.waiting.message) : undefined;
    const last = s.lastState.terminated;
    const ranFor = last?.startedAt !== undefined && last.finishedAt !== undefined ? last.finishedAt - last.startedAt : undefined;
    const backoff = s.state.waiting?.reason === 'CrashLoopBackOff'
      ? printed ?? backoffForRestart(s.restartCount, gates, written.maxContainerRestartPeriod, ranFor).delay
      : undefined;
    const o = observed(clock, s, backoff);
    if (o) containers[s.name] = o;
    const b = behaviour(clock, s, initNames.has(s.name)) ?? stillStarting(clock, s, p.extras.startupProbes[s.name] !== undefined);
    if (b) behaviours[s.name] = b;
    if (ranButNotSeeded(s, o)) behaviours[s.name] = { ...b, pull: 0 };
  }

  const meta = isObj(safe.metadata) ? safe.metadata : {};
  wholeProbes(safe.spec);
  wholeHooks(safe.spec);
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: typeof meta.name === 'string' ? meta.name : 'explained-pod' }, spec: safe.spec };
  const sim: Obj = { apiVersion: 'sidecar-lab/v1', kind: 'Simulation', kubernetesVersion: version };
  if (written.gates && Object.keys(written.gates).length) sim.featureGates = written.gates;
  if (written.maxContainerRestartPeriod !== undefined) sim.kubelet = { maxContainerRestartPeriod: `${written.maxContainerRestartPeriod}s` };
  if (written.requeueJitter !== undefined) sim.requeueJitter = written.requeueJitter;
  sim.until = `${round(clock.now + CONTINUE_FOR)}s`;
  if (Object.keys(behaviours).length) sim.containers = behaviours;
  // A condition's time is carried over only where the object's value is the kubelet's: the run
  // writes the kubelet's value, and a time another writer's value set (the node controller's
  // Ready=False, [7.6]) would date it wrongly; such a condition is drawn from "now".
  const kubelets = deriveStatus(p, { version, gates, now: nowAbs }).conditions;
  const conditions: Obj = {};
  for (const c of p.pod.status.conditions) {
    const t = at(clock, c.lastTransitionTime);
    const same = kubelets.find((k) => k.type === c.type)?.status === c.status;
    if (t !== undefined && same && c.type !== 'PodScheduled' && (OBSERVED_CONDITIONS as readonly string[]).includes(c.type)) conditions[c.type] = t;
  }
  sim.startFrom = { now: `${clock.now}s`, containers, ...(Object.keys(conditions).length ? { conditions } : {}) };
  const deletion = deletionLeft(p.pod.deletionTimestamp, clock);
  const removed = [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses].filter((s) => removedInPlace(s) && s.restartCount > 0).map((s) => s.name);
  const absent = imageNeverPulled(safe.spec, [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses]);
  const events: Obj[] = absent.map((name) => ({ at: `${clock.now}s`, container: name, do: 'failPull' }));
  if (deletion !== undefined) events.push({ at: `${clock.now}s`, do: 'deletePod', gracePeriodSeconds: deletion });
  if (events.length) sim.events = events;
  const header = [
    '# Continued from an explained pod (Sidecar Lab, "Continue from here"): its share-safe spec,',
    '# and under startFrom its observed state, in seconds since its creation (t = 0).',
    `# The timeline draws the past as observed up to now (${clock.now}s), then simulates.`,
    '# Commands, probe and hook handlers, env values and names were not copied: processes are inferred, probes pass once the app is up, hooks return at once (a sleep hook keeps its seconds).',
    ...(deletion === undefined ? [] : ['# The pod was being deleted: the deletion is replayed at now with the grace that was left, so SIGKILL comes at its deletionTimestamp.']),
    ...(removed.length === 0 ? [] : [`# RestartingAllContainers: the in-place restart had removed ${removed.join(', ')}; the next sync starts ${removed.length > 1 ? 'them' : 'it'} again, in the same sandbox, with ${removed.length > 1 ? 'their' : 'its'} restart count.`]),
    ...(absent.length === 0 ? [] : [`# ErrImageNeverPull: the image of ${absent.join(', ')} is not on the node and its imagePullPolicy is Never, so each start fails until it is there.`,
      '# The failPull below keeps it absent from now on; give it a `for:` (when the image is loaded) to see the start that follows.']),
  ].join('\n');
  return { ok: true, text: `${header}\n${stringify(pod)}---\n${stringify(sim)}`, now: clock.now, version };
}
