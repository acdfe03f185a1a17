// The typed messages between the page and the engine worker. Every request carries an id; the
// answer echoes it, so the client can drop answers to requests that a newer one replaced.

import type { RunResult } from '../engine/run';
import type { ExplainInput } from '../engine/explain/types';
import type { FeatureGates } from '../engine/version';
import { containerSummaries, type ContainerSummary } from '../engine/scenario/eventEffects';
import { packTrace, type PackedTrace } from './traceWire';

export interface RunRequest {
  id: number;
  text: string;
  /** A version for a text that names none (a compare side's); the app's own text carries its version. */
  kubernetesVersion?: string;
}

/** What the engine produced: the problems and, when the scenario is valid, the trace and pod name. */
export interface EngineResult extends Omit<RunResult, 'scenario'> {
  podName?: string;
  /** The text is a real pod (a Pod with a status): explain it instead of simulating (issue 14). */
  explain?: ExplainInput;
  /** Per container: its probes and pull policy, so inject buttons can say when they cannot act. */
  containers?: Record<string, ContainerSummary>;
  /** The feature gates the run used (the version's defaults and the text's overrides): compare labels say which differ. */
  featureGates?: FeatureGates;
}

export type RunResponse =
  /** `packed`: as the worker posts a result, its trace's events and status writes, packed (traceWire.ts; toOutcome unpacks them). */
  | { id: number; kind: 'result'; result: EngineResult; packed?: PackedTrace }
  | { id: number; kind: 'error'; message: string };

/** The worker says it has loaded; requests sent before then waited in its queue. */
export interface ReadyMessage {
  kind: 'ready';
}

/** A long run says how far it is (simulated seconds of at most `horizon`); a short one never does. */
export interface ProgressMessage {
  id: number;
  kind: 'progress';
  t: number;
  horizon: number;
}

/**
 * Reading a large text takes the worker a while before a run can say how far it is: while it reads
 * (every 4,096 YAML lexemes, every 4,096 nodes converted, between its stages; at most
 * every PROGRESS_INTERVAL_MS) a slow request says it is busy, so the page's watchdog does not take
 * a slow parse for a hang.
 */
export interface BusyMessage {
  id: number;
  kind: 'busy';
}

export type WorkerMessage = RunResponse | ReadyMessage | ProgressMessage | BusyMessage;

export function runRequest(id: number, text: string, kubernetesVersion: string | undefined): RunRequest {
  return kubernetesVersion === undefined ? { id, text } : { id, text, kubernetesVersion };
}

/** Strips what the page does not need (the parsed scenario) so less crosses the worker boundary. */
export function toEngineResult(result: RunResult): EngineResult {
  const out: EngineResult = { ok: result.ok, problems: result.problems };
  if (result.trace) out.trace = result.trace;
  if (result.scenario) {
    out.podName = result.scenario.pod.name;
    out.containers = containerSummaries(result.scenario);
    out.featureGates = result.scenario.sim.featureGates;
  }
  return out;
}

/**
 * A response as the worker posts it: a result's trace has its events and status writes packed,
 * their buffers transferred (traceWire.ts). `resp` itself is not changed.
 */
export function toPosted(resp: RunResponse): { message: RunResponse; transfer: Transferable[] } {
  if (resp.kind !== 'result' || !resp.result.trace) return { message: resp, transfer: [] };
  try {
    const { trace, packed, transfer } = packTrace(resp.result.trace);
    return { message: { ...resp, result: { ...resp.result, trace }, packed }, transfer };
  } catch (err) {
    // A trace holding something that is not data (a bug): the page hears why, the worker lives on.
    return { message: { id: resp.id, kind: 'error', message: `The engine's answer could not be sent to the page: ${errorMessage(err)}` }, transfer: [] };
  }
}

/** The message an exception becomes, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
