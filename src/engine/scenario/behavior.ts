// Each container's Behavior: the Simulation entry where there is one, field by field, and
// inference from command/args for the rest (contract section 1). Inferred behaviour is also
// reported as an info problem, which the editor shows as an inline hint.

import { formatSeconds } from './duration';
import { hookBehavior, inferProcess } from './infer';
import { probeNotes } from './probeCommand';
import { parseImage } from './image';
import { child, index, type Problems } from './problems';
import { stopSignalOf } from './stopSignal';
import type { SimEntry } from './simContainers';
import type { Behavior, ContainerSpec, HookBehavior, PodSpecModel, StopBehavior } from './types';

/** A pull of a small image that is not on the node yet (contract section 1; rulebook [15.7]). */
export const DEFAULT_PULL_SECONDS = 0.5;

function describeStop(s: StopBehavior, signal: string): string {
  if (s.kind === 'ignore') return `ignores ${signal} (killed at the end of the grace period)`;
  return s.after === 0 ? `stops at once on ${signal} with code ${s.exitCode}` : `stops ${formatSeconds(s.after)} after ${signal} with code ${s.exitCode}`;
}

function describe(b: Behavior, signal: string): string {
  if (b.startError !== undefined) return `its start fails (${b.startError === true ? 'executable file not found' : b.startError}), so it never runs`;
  const up = b.startDelay > 0 ? `up after ${formatSeconds(b.startDelay)}; ` : '';
  const run = b.exitAfter === null
    ? 'runs until stopped'
    : b.exitAfter === 0 ? `exits ${b.exitCode} at once` : `exits ${b.exitCode} after ${formatSeconds(b.exitAfter)}`;
  return `${up}${run}; ${describeStop(b.onStop, signal)}`;
}

function mergeHook(base: HookBehavior, over: Partial<HookBehavior> | undefined): HookBehavior {
  return {
    duration: over?.duration !== undefined ? over.duration : base.duration,
    exitCode: over?.exitCode ?? base.exitCode,
  };
}

function containerPath(specPath: string, c: ContainerSpec): string {
  return index(child(specPath, c.kind === 'main' ? 'containers' : 'initContainers'), c.index);
}

/** Where a stop signal other than SIGTERM comes from, for the note ([8.13]). */
function stopSignalNote(c: ContainerSpec): string {
  const stop = stopSignalOf(c);
  if (stop.from === 'image') return ` (${stop.signal} is the ${parseImage(c.image).name} image's STOPSIGNAL, which the runtime sends instead of SIGTERM)`;
  return '';
}

export function buildBehavior(c: ContainerSpec, entry: SimEntry | undefined, sharedPidNamespace = false): Behavior {
  const signal = stopSignalOf(c).signal;
  const inferred = inferProcess({ image: c.image, command: c.command, args: c.args, stopSignal: signal, sharedPidNamespace });
  const startDelay = entry?.startDelay ?? 0;
  const b: Behavior = {
    pull: entry?.pull ?? DEFAULT_PULL_SECONDS,
    startDelay,
    readyAfter: entry?.readyAfter ?? startDelay,
    exitAfter: entry?.exitAfter !== undefined ? entry.exitAfter : inferred.exitAfter,
    exitCode: entry?.exitCode ?? inferred.exitCode,
    onStop: entry?.onStop ?? inferred.onStop,
    postStart: mergeHook(hookBehavior(c.postStart), entry?.postStart),
    preStop: mergeHook(hookBehavior(c.preStop), entry?.preStop),
    source: entry ? 'simulation' : inferred.understood ? 'inferred' : 'default',
    note: inferred.note + stopSignalNote(c),
  };
  if (entry?.registryCheck !== undefined) b.registryCheck = entry.registryCheck;
  if (entry?.imageSize !== undefined) b.imageSize = entry.imageSize;
  if (entry?.startError !== undefined) b.startError = entry.startError;
  if (entry?.attempts && Object.keys(entry.attempts).length > 0) b.attempts = entry.attempts;
  if (entry?.probes && Object.values(entry.probes).some((x) => x)) b.probes = entry.probes;
  const baseFields = ['pull', 'startDelay', 'readyAfter', 'exitAfter', 'exitCode', 'startError', 'onStop', 'postStart', 'preStop'] as const;
  if (entry && baseFields.some((k) => entry[k] !== undefined)) {
    // A start that fails runs nothing: no exit or stop handling to infer.
    const guessed = b.startError !== undefined ? [] : (['exitAfter', 'exitCode', 'onStop'] as const).filter((k) => entry[k] === undefined);
    b.note = (guessed.length === 0
      ? `Simulation document: ${describe(b, signal)}`
      : `Simulation document: ${describe(b, signal)} (${guessed.join(', ')} inferred from ${c.command || c.args ? 'the command' : 'the image'})`) + stopSignalNote(c);
  }
  return b;
}

/** Behaviours for every container, plus an info problem for each one not described by the Simulation document. */
export function buildBehaviors(p: Problems, pod: PodSpecModel, specPath: string, entries: Map<string, SimEntry>): Record<string, Behavior> {
  const out: Record<string, Behavior> = {};
  for (const c of [...pod.initContainers, ...pod.containers]) {
    const entry = entries.get(c.name);
    const b = buildBehavior(c, entry, pod.sharedPidNamespace === true);
    out[c.name] = b;
    const span = { line: c.pos.line, col: c.pos.col, endLine: c.pos.line, endCol: c.pos.col + 1 };
    // [15.4] an exec probe command read in part is taken to pass at once: say so, unless the Simulation document times it
    for (const note of probeNotes(c, entry?.probes)) p.info(containerPath(specPath, c), note, span);
    if (!entry) {
      p.info(containerPath(specPath, c), `${c.name}: ${b.note}`, span);
    } else if (entry.registryCheck !== undefined && c.imagePullPolicy !== 'Always') {
      // [15.6] only Always pulls an image the node has: the registry's answer is all that pull costs
      p.warning(`containers.${c.name}.registryCheck`, `registryCheck is used only with imagePullPolicy Always, which asks the registry again before every start; ${c.name}'s policy is ${c.imagePullPolicy}, so an image on the node is not pulled: ignored`, entry.registryCheckSpan ?? entry.keySpan);
    }
  }
  return out;
}
