// `containers:` of the Simulation document: per-container process behaviour that overrides
// what inference would say, field by field, `runs:` for per-attempt differences, and how long
// each probe's handler takes to answer (`readinessProbe: { duration: 30s }`, [5.11]).

import { MAX_RUNS } from './limits';
import { child, index, type Problems, type Span } from './problems';
import { checkKeys, expectMap, readDuration, readDurationOrNever, readExitCode, readImageSize, readStartError } from './simFields';
import { didYouMean } from './suggest';
import type { ProbeKind } from '../trace';
import type { Behavior, HookBehavior, HookHandlerKind, ProbeBehavior, ProbeSpec, StopBehavior } from './types';
import { missesTimeout } from './probeTimeout';
import { present, type YMap, type YNode } from './ynode';

export type AttemptOverride = NonNullable<Behavior['attempts']>[number];

export interface SimEntry {
  keySpan: Span;
  pull?: number;
  registryCheck?: number;
  /** Where `registryCheck:` is written, for a warning when the pull policy never uses it. */
  registryCheckSpan?: Span;
  /** [10.6] The image's size in bytes, which a 1.30+ kubelet's Pulled message names. */
  imageSize?: number;
  startDelay?: number;
  readyAfter?: number;
  exitAfter?: number | null;
  exitCode?: number;
  /** [3.5] Every start fails: true (the default message), or the runtime's message. */
  startError?: string | true;
  onStop?: StopBehavior;
  postStart?: Partial<HookBehavior>;
  preStop?: Partial<HookBehavior>;
  attempts?: Record<number, AttemptOverride>;
  probes?: Partial<Record<ProbeKind, ProbeBehavior>>;
}

/** The Simulation entry's key for each probe, named after the container spec's field. */
export const PROBE_KEYS = { startupProbe: 'startup', livenessProbe: 'liveness', readinessProbe: 'readiness' } as const satisfies Record<string, ProbeKind>;
type ProbeKey = keyof typeof PROBE_KEYS;

const ENTRY_KEYS = [
  'pull', 'registryCheck', 'imageSize', 'startDelay', 'readyAfter', 'exitAfter', 'exitCode', 'startError', 'onStop', 'postStart', 'preStop', 'runs',
  'startupProbe', 'livenessProbe', 'readinessProbe',
] as const;
const RUN_KEYS = ['exitAfter', 'exitCode', 'startDelay', 'readyAfter', 'startError'] as const;

function readOnStop(p: Problems, node: YNode, path: string): StopBehavior | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    if (node.value.trim().toLowerCase() === 'ignore') return { kind: 'ignore' };
    p.error(path, `onStop must be "ignore" or a mapping such as { after: 1s, exitCode: 0 }`, node.span);
    return undefined;
  }
  const map = expectMap(p, node, path, 'onStop');
  if (!map) return undefined;
  const out: StopBehavior = { kind: 'exit', after: 0, exitCode: 0 };
  for (const e of checkKeys(p, map, path, ['after', 'exitCode'], 'onStop')) {
    if (e.key === 'after') {
      const v = readDuration(p, e.value, child(path, 'after'));
      if (v !== undefined) out.after = v;
    } else {
      const v = readExitCode(p, e.value, child(path, 'exitCode'));
      if (v !== undefined) out.exitCode = v;
    }
  }
  return out;
}

function readHook(p: Problems, node: YNode, path: string): Partial<HookBehavior> | undefined {
  const map = expectMap(p, node, path, path.split('.').pop() ?? 'hook');
  if (!map) return undefined;
  const out: Partial<HookBehavior> = {};
  for (const e of checkKeys(p, map, path, ['duration', 'exitCode'], 'a hook')) {
    if (e.key === 'duration') {
      const v = readDurationOrNever(p, e.value, child(path, 'duration'));
      if (v !== undefined) out.duration = v;
    } else {
      const v = readExitCode(p, e.value, child(path, 'exitCode'));
      if (v !== undefined) out.exitCode = v;
    }
  }
  return out;
}

/** `readinessProbe: { duration: 30s }`: how long each run of that probe's handler takes ([5.11]). */
function readProbe(p: Problems, node: YNode, path: string): ProbeBehavior | undefined {
  const map = expectMap(p, node, path, path.split('.').pop() ?? 'a probe');
  if (!map) return undefined;
  let out: ProbeBehavior | undefined;
  for (const e of checkKeys(p, map, path, ['duration'], 'a probe')) {
    const v = readDurationOrNever(p, e.value, child(path, 'duration'));
    if (v !== undefined) out = { duration: v };
  }
  return out;
}

function readRun(p: Problems, map: YMap, path: string): AttemptOverride {
  const out: AttemptOverride = {};
  for (const e of checkKeys(p, map, path, RUN_KEYS, 'a run')) {
    const fp = child(path, e.key);
    if (e.key === 'exitAfter') {
      const v = readDurationOrNever(p, e.value, fp);
      if (v !== undefined) out.exitAfter = v;
    } else if (e.key === 'exitCode') {
      const v = readExitCode(p, e.value, fp);
      if (v !== undefined) out.exitCode = v;
    } else if (e.key === 'startDelay' || e.key === 'readyAfter') {
      const v = readDuration(p, e.value, fp);
      if (v !== undefined) out[e.key] = v;
    } else if (e.key === 'startError') {
      const v = readStartError(p, e.value, fp);
      if (v !== undefined) out.startError = v;
    }
  }
  return out;
}

function readRuns(p: Problems, node: YNode, path: string): Record<number, AttemptOverride> | undefined {
  if (node.kind !== 'seq') {
    p.error(path, 'runs must be a list, one entry per attempt (attempt 0 is the first run)', node.span);
    return undefined;
  }
  if (node.items.length > MAX_RUNS) {
    p.error(path, `too many runs: ${node.items.length} (at most ${MAX_RUNS})`, node.span);
    return undefined;
  }
  const out: Record<number, AttemptOverride> = {};
  node.items.forEach((item, i) => {
    const ip = index(path, i);
    if (item.kind === 'scalar' && item.value === null) return;
    if (item.kind !== 'map') { p.error(ip, 'each run must be a mapping such as { exitAfter: 5s, exitCode: 1 }', item.span); return; }
    const run = readRun(p, item, ip);
    if (Object.keys(run).length > 0) out[i] = run;
  });
  return out;
}

function readEntry(p: Problems, node: YNode, path: string, keySpan: Span): SimEntry | undefined {
  const entry: SimEntry = { keySpan };
  if (node.kind === 'scalar' && node.value === null) return entry;
  const map = expectMap(p, node, path, 'a container entry');
  if (!map) return undefined;
  for (const e of checkKeys(p, map, path, ENTRY_KEYS, 'a container entry')) {
    const fp = child(path, e.key);
    switch (e.key) {
      case 'pull': case 'registryCheck': case 'startDelay': case 'readyAfter': {
        const v = readDuration(p, e.value, fp);
        if (v !== undefined) entry[e.key] = v;
        if (e.key === 'registryCheck') entry.registryCheckSpan = e.keySpan;
        break;
      }
      case 'imageSize': {
        const v = readImageSize(p, e.value, fp);
        if (v !== undefined) entry.imageSize = v;
        break;
      }
      case 'exitAfter': {
        const v = readDurationOrNever(p, e.value, fp);
        if (v !== undefined) entry.exitAfter = v;
        break;
      }
      case 'exitCode': {
        const v = readExitCode(p, e.value, fp);
        if (v !== undefined) entry.exitCode = v;
        break;
      }
      case 'startError': {
        const v = readStartError(p, e.value, fp);
        if (v !== undefined && v !== false) entry.startError = v;
        break;
      }
      case 'onStop': {
        const v = readOnStop(p, e.value, fp);
        if (v) entry.onStop = v;
        break;
      }
      case 'postStart': case 'preStop': {
        const v = readHook(p, e.value, fp);
        if (v) entry[e.key] = v;
        break;
      }
      case 'runs': {
        const v = readRuns(p, e.value, fp);
        if (v) entry.attempts = v;
        break;
      }
      case 'startupProbe': case 'livenessProbe': case 'readinessProbe': {
        const v = readProbe(p, e.value, fp);
        if (v) (entry.probes ??= {})[PROBE_KEYS[e.key]] = v;
        break;
      }
    }
  }
  return entry;
}

export interface HookPresence {
  /** The handler of each hook the container's spec has; undefined when it has none. */
  postStart?: HookHandlerKind;
  preStop?: HookHandlerKind;
  /** Each probe the container's spec has. */
  probes?: Partial<Record<ProbeKind, ProbeSpec | undefined>>;
}

/** Notes for probe entries: one for a probe the spec lacks, one where every run would time out ([5.11]). */
function checkProbes(p: Problems, name: string, node: YNode, path: string, entry: SimEntry, has: HookPresence): void {
  if (!entry.probes || node.kind !== 'map') return;
  for (const key of Object.keys(PROBE_KEYS) as ProbeKey[]) {
    const probe = entry.probes[PROBE_KEYS[key]];
    const e = present(node, key);
    if (!probe || !e) continue;
    const spec = has.probes?.[PROBE_KEYS[key]];
    if (spec === undefined) {
      p.warning(child(path, key), `${name} has no ${key} in its spec, so this is never used`, e.keySpan);
      delete entry.probes[PROBE_KEYS[key]];
      continue;
    }
    if (!missesTimeout(spec, probe.duration)) continue;
    const timeout = spec.timeoutSeconds;
    const span = e.value.kind === 'map' ? present(e.value, 'duration')?.value.span ?? e.keySpan : e.keySpan;
    const takes = probe.duration === null ? 'never answers' : `takes ${probe.duration}s`;
    const bound = spec.handler === 'exec' ? 'longer than' : 'not less than';
    p.info(child(child(path, key), 'duration'), `the handler ${takes}, ${bound} the probe's timeoutSeconds (${timeout}s): every run times out after ${timeout}s and counts as a failure`, span);
  }
}

/**
 * Why a hook entry of the Simulation document would never be used, or undefined when it would:
 * the spec has no such hook, or its handler is tcpSocket, which the kubelet never runs (handlers.go
 * Run has no case for it: the hook fails at once, [3.4]), so no duration or exit code applies.
 */
function unusedHookEntry(name: string, hook: 'postStart' | 'preStop', handler: HookHandlerKind | undefined): string | undefined {
  if (handler === undefined) return `${name} has no ${hook} hook in its spec, so this is never used`;
  if (handler === 'tcpSocket') {
    return `${name}'s ${hook} hook is a tcpSocket handler, which the kubelet never runs (it fails at once: "Cannot run handler: invalid handler"), so this is never used`;
  }
  return undefined;
}

/**
 * Reads `containers:`; names must exist in the workload. `hooks` says which containers have
 * which hooks in the spec, to warn about hook behaviour that would never be used.
 */
export function readSimContainers(p: Problems, doc: YMap | undefined, hooks: Map<string, HookPresence>): Map<string, SimEntry> {
  const out = new Map<string, SimEntry>();
  const e = doc && present(doc, 'containers');
  if (!e) return out;
  const map = expectMap(p, e.value, 'containers', 'containers (a mapping from container name to behaviour)');
  if (!map) return out;
  const names = [...hooks.keys()];
  for (const ce of map.entries) {
    const path = child('containers', ce.key);
    if (!hooks.has(ce.key)) {
      p.error(path, `no container named ${JSON.stringify(ce.key)} in the workload${didYouMean(ce.key, names)}`, ce.keySpan);
      continue;
    }
    const entry = readEntry(p, ce.value, path, ce.keySpan);
    if (!entry) continue;
    const has = hooks.get(ce.key);
    for (const hook of ['postStart', 'preStop'] as const) {
      if (!entry[hook] || !has) continue;
      const key = ce.value.kind === 'map' ? present(ce.value, hook)?.keySpan : undefined;
      const unused = unusedHookEntry(ce.key, hook, has[hook]);
      if (!unused) continue;
      p.warning(child(path, hook), unused, key ?? ce.keySpan);
      delete entry[hook];
    }
    if (has) checkProbes(p, ce.key, ce.value, path, entry, has);
    out.set(ce.key, entry);
  }
  return out;
}
