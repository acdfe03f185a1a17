// `startFrom:` of the Simulation document (issue 14, "continue from here"): the observed state a
// run starts from instead of an empty node. Times are seconds since the pod's creation (the
// simulation's t = 0); `now` is where the simulation takes over. Explain mode writes it from a real
// pod (engine/explain/continueScenario); sim/initialState seeds the node from it. Problems are
// worded like the API server's field errors, at the field's line.

import { child, type Problems, type Span } from './problems';
import { checkKeys, expectMap, readDuration, readExitCode, readText } from './simFields';
import { didYouMean } from './suggest';
import type { ObservedContainer, ObservedRun, StartFrom } from './types';
import { present, type YMap, type YNode } from './ynode';

export const START_FROM_KEYS = ['now', 'containers', 'conditions'] as const;
/** The pod conditions a status may carry (PodScheduled is the scheduler's, drawn at t = 0 anyway). */
export const OBSERVED_CONDITIONS = ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready', 'AllContainersRestarting'] as const;
export const OBSERVED_CONTAINER_KEYS = ['state', 'reason', 'startedAt', 'finishedAt', 'exitCode', 'restartCount', 'started', 'ready', 'backoff', 'lastState'] as const;
const RUN_KEYS = ['startedAt', 'finishedAt', 'exitCode', 'reason'] as const;
const STATES = ['waiting', 'running', 'terminated'] as const;

const secs = (n: number) => `${n}s`;

/**
 * [11.2] The reason an in-place restart (KEP-5532) writes on a container it removed: the Waiting
 * state's, and from 1.36 its last state's, which then has no start or finish time (the kubelet's
 * convertToAPIContainerStatuses, podRestarting branch, kubernetes#136964).
 */
export const REMOVED_IN_PLACE = 'RestartingAllContainers';

/** The 1.36+ last state of a container an in-place restart removed: exit 137, that reason, and no times. */
function inPlaceMarker(run: Partial<ObservedRun>): boolean {
  return run.reason === REMOVED_IN_PLACE && run.startedAt === undefined && run.finishedAt === undefined;
}

function readBool(p: Problems, node: YNode, path: string): boolean | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  p.error(path, `Invalid value: ${JSON.stringify(node.kind === 'scalar' ? node.value : node.kind)}: must be true or false`, node.span);
  return undefined;
}

function readCount(p: Problems, node: YNode, path: string): number | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0 && node.value <= 10_000) return node.value;
  p.error(path, `Invalid value: ${JSON.stringify(node.kind === 'scalar' ? node.value : node.kind)}: must be a whole number from 0 to 10000`, node.span);
  return undefined;
}

/** A time field: a duration since the pod's creation, not after `now`. */
function readTime(p: Problems, node: YNode, path: string, now: number | undefined): number | undefined {
  const v = readDuration(p, node, path);
  if (v === undefined) return undefined;
  if (now !== undefined && v > now) {
    p.error(path, `Invalid value: "${secs(v)}": must not be after startFrom.now (${secs(now)}): the observed past ends there`, node.span);
    return undefined;
  }
  return v;
}

function readRun(p: Problems, map: YMap, path: string, now: number | undefined, what: string): Partial<ObservedRun> {
  const out: Partial<ObservedRun> = {};
  for (const e of checkKeys(p, map, path, RUN_KEYS, what)) {
    const at = child(path, e.key);
    if (e.key === 'startedAt' || e.key === 'finishedAt') {
      const v = readTime(p, e.value, at, now);
      if (v !== undefined) out[e.key] = v;
    } else if (e.key === 'exitCode') {
      const v = readExitCode(p, e.value, at);
      if (v !== undefined) out.exitCode = v;
    } else {
      const v = readText(p, e.value, at);
      if (v !== undefined) out.reason = v;
    }
  }
  return out;
}

function span(map: YMap, key: string, fallback: Span): Span {
  return present(map, key)?.keySpan ?? fallback;
}

/** A finished run needs its times and exit code, in order. */
function completeRun(p: Problems, run: Partial<ObservedRun>, path: string, at: Span, map: YMap): ObservedRun | undefined {
  for (const k of ['finishedAt', 'exitCode'] as const) {
    if (run[k] === undefined) {
      // A field written but wrong has its own problem already.
      if (!present(map, k)) p.error(child(path, k), 'Required value: a terminated run needs finishedAt and exitCode', at);
      return undefined;
    }
  }
  if (run.startedAt !== undefined && run.startedAt > run.finishedAt!) {
    p.error(child(path, 'finishedAt'), `Invalid value: "${secs(run.finishedAt!)}": must not be before startedAt (${secs(run.startedAt)})`, at);
    return undefined;
  }
  return { finishedAt: run.finishedAt!, exitCode: run.exitCode!, ...(run.startedAt === undefined ? {} : { startedAt: run.startedAt }), ...(run.reason ? { reason: run.reason } : {}) };
}

function readContainer(p: Problems, map: YMap, path: string, now: number | undefined, keySpan: Span): ObservedContainer | undefined {
  const run: Partial<ObservedRun> = {};
  const out: Partial<ObservedContainer> = { restartCount: 0 };
  let last: ObservedRun | undefined;
  let marker = false; // [11.2] the timeless last state of an in-place restart: counted in restartCount, not a run
  for (const e of checkKeys(p, map, path, OBSERVED_CONTAINER_KEYS, 'an observed container')) {
    const at = child(path, e.key);
    switch (e.key) {
      case 'state': {
        const v = readText(p, e.value, at);
        if (v !== undefined && (STATES as readonly string[]).includes(v)) out.state = v as ObservedContainer['state'];
        else if (v !== undefined) p.error(at, `Unsupported value: ${JSON.stringify(v)}: supported values: "waiting", "running", "terminated"${didYouMean(v, STATES)}`, e.value.span);
        break;
      }
      case 'reason': { const v = readText(p, e.value, at); if (v !== undefined) run.reason = v; break; }
      case 'startedAt': case 'finishedAt': { const v = readTime(p, e.value, at, now); if (v !== undefined) run[e.key] = v; break; }
      case 'exitCode': { const v = readExitCode(p, e.value, at); if (v !== undefined) run.exitCode = v; break; }
      case 'restartCount': { const v = readCount(p, e.value, at); if (v !== undefined) out.restartCount = v; break; }
      case 'started': case 'ready': { const v = readBool(p, e.value, at); if (v !== undefined) out[e.key] = v; break; }
      case 'backoff': { const v = readDuration(p, e.value, at); if (v !== undefined) out.backoff = v; break; }
      case 'lastState': {
        const m = expectMap(p, e.value, at, 'lastState');
        if (!m) break;
        const r = readRun(p, m, at, now, 'lastState');
        if (inPlaceMarker(r)) marker = true;
        else last = completeRun(p, r, at, e.keySpan, m);
        break;
      }
    }
  }
  if (!out.state) {
    if (!present(map, 'state')) p.error(child(path, 'state'), 'Required value: one of "waiting", "running", "terminated"', keySpan);
    return undefined;
  }
  const c: ObservedContainer = { state: out.state, restartCount: out.restartCount ?? 0 };
  if (run.reason) c.reason = run.reason;
  if (out.started !== undefined) c.started = out.started;
  if (out.ready !== undefined) c.ready = out.ready;
  if (out.backoff !== undefined) c.backoff = out.backoff;
  if (last) c.lastState = last;
  if (c.state === 'running') {
    if (run.startedAt === undefined) {
      if (!present(map, 'startedAt')) p.error(child(path, 'startedAt'), 'Required value: a running container needs startedAt', keySpan);
      return undefined;
    }
    c.startedAt = run.startedAt;
  } else if (c.state === 'terminated') {
    const done = completeRun(p, run, path, keySpan, map);
    if (!done) return undefined;
    Object.assign(c, done);
  }
  const removed = c.state === 'waiting' && c.reason === REMOVED_IN_PLACE;
  if (removed && marker && c.restartCount === 0) {
    // 1.36+ the kubelet counts the removed run as it writes this last state (oldStatus.restartCount + 1)
    p.error(child(path, 'restartCount'), `Invalid value: 0: a container the in-place restart removed, with its ${REMOVED_IN_PLACE} last state, has restartCount 1 or more (the kubelet counts the removed run)`, span(map, 'restartCount', keySpan));
    return undefined;
  }
  if (c.restartCount > 0 && c.state === 'waiting' && !c.lastState && !(removed && marker)) {
    p.error(child(path, 'lastState'), `Required value: a waiting container that restarted (restartCount ${c.restartCount}) needs the lastState it waits after`, span(map, 'restartCount', keySpan));
    return undefined;
  }
  return c;
}

/** Reads `startFrom:`; undefined when absent or wrong (the problems say why). */
export function readStartFrom(p: Problems, doc: YMap | undefined, names: string[], workloadKind = 'Pod'): StartFrom | undefined {
  const entry = doc && present(doc, 'startFrom');
  if (!entry) return undefined;
  if (workloadKind !== 'Pod') {
    p.error('startFrom', `Forbidden: continuing from an observed state applies to one Pod; this workload is a ${workloadKind}`, entry.keySpan);
    return undefined;
  }
  const map = expectMap(p, entry.value, 'startFrom', 'startFrom');
  if (!map) return undefined;
  const known = checkKeys(p, map, 'startFrom', START_FROM_KEYS, 'startFrom');
  const nowEntry = known.find((e) => e.key === 'now');
  if (!nowEntry) {
    p.error('startFrom.now', 'Required value: the time since the pod\'s creation where the simulation takes over', entry.keySpan);
    return undefined;
  }
  const now = readDuration(p, nowEntry.value, 'startFrom.now');
  if (now === undefined) return undefined;
  const out: StartFrom = { now, containers: {} };
  const ce = known.find((e) => e.key === 'containers');
  const cmap = ce && expectMap(p, ce.value, 'startFrom.containers', 'startFrom.containers');
  const errorsBefore = p.errorCount();
  for (const e of cmap?.entries ?? []) {
    const path = child('startFrom.containers', e.key);
    if (!names.includes(e.key)) {
      p.error(path, `Not found: ${JSON.stringify(e.key)}: no container of the pod has this name${didYouMean(e.key, names)}`, e.keySpan);
      continue;
    }
    const m = expectMap(p, e.value, path, `startFrom.containers.${e.key}`);
    const c = m && readContainer(p, m, path, now, e.keySpan);
    if (c) out.containers[e.key] = c;
  }
  const conditions = readConditions(p, known.find((e) => e.key === 'conditions')?.value, now);
  if (conditions) out.conditions = conditions;
  return p.errorCount() > errorsBefore ? undefined : out;
}

/** `conditions:` each condition's lastTransitionTime, seconds since creation. */
function readConditions(p: Problems, node: YNode | undefined, now: number): Partial<Record<string, number>> | undefined {
  const map = node && expectMap(p, node, 'startFrom.conditions', 'startFrom.conditions');
  if (!map) return undefined;
  const out: Partial<Record<string, number>> = {};
  for (const e of map.entries) {
    const path = child('startFrom.conditions', e.key);
    if (!(OBSERVED_CONDITIONS as readonly string[]).includes(e.key)) {
      p.error(path, `Unsupported value: ${JSON.stringify(e.key)}: supported values: ${OBSERVED_CONDITIONS.map((c) => `"${c}"`).join(', ')}${didYouMean(e.key, OBSERVED_CONDITIONS)}`, e.keySpan);
      continue;
    }
    const v = readTime(p, e.value, path, now);
    if (v !== undefined) out[e.key] = v;
  }
  return out;
}
