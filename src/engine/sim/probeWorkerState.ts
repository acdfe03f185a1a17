// One probe worker's state ([5]): what worker.go's worker struct holds (its probe, its container
// ID, its result and consecutive counts, onHold) and what the engine keeps beside it (the tick it
// sleeps to, the run under way, the ids of the events its result came from). The loop that moves
// it is probeWorker.ts.

import type { ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import type { Instance } from './model';
import type { QueueItem } from './queue';
import type { RunPlan } from './probeRun';
import type { FailedRunCause } from './probeOutput';

export type Verdict = 'success' | 'failure';
export type Next = 'next' | number | undefined;

export interface Worker {
  container: string;
  kind: ProbeKind;
  spec: ProbeSpec;
  /** The ticker's origin: the worker's creation, or (1.32+) its last manual run ([5.2]). */
  phase: number;
  nextIndex: number;
  /** While it sleeps past ticks (nothing could change before), the first it did not take: a wake may take it ([5.3]). */
  sleptFrom?: number;
  timer?: QueueItem;
  /** The tick the timer is for. */
  timerIndex: number;
  /** The worker's tick callback, made once (no closure per tick). */
  onTick?: () => void;
  /** A manual run waiting to start (the trigger channel holds one). */
  manual?: QueueItem;
  /** The run under way ends here ([5.11]). */
  running?: QueueItem;
  /** A manual trigger arrived during the run. */
  manualPending: boolean;
  instance?: Instance;
  result?: Verdict;
  lastOutcome?: Verdict;
  run: number;
  /** The container instance the current run of equal results began on ([5.10]). */
  streakFrom?: Instance;
  onHold: boolean;
  stopped: boolean;
  /** Left its loop by itself ([5.12]): gone from the manager, so AddPod may create it again. */
  exited: boolean;
  /** A startup worker whose container counted as started at the kubelet's restart without a probe ([5.16]); until a new container ID. */
  startedOnRestart: boolean;
  /** A startup or readiness worker a restarted kubelet has not made yet: its first sync writes the status before AddPod ([5.16]). */
  beforeAddPod: boolean;
  lastPlan?: RunPlan;
  /** The id of the probe.result event that announced `result` (the kill it leads to cites it). */
  resultId?: string;
  /** The id of the probe.failed event of the run being counted (a failure result it brings cites it). */
  failedRunId?: string;
  /** The failed runs' whys made so far, by reason and count (failedRunWhyOf): a failing probe writes the same few sentences at
   *  every period, and building each anew was a fifth of the engine's allocation on the 40-container pod (issue 16). */
  failedWhys?: Map<number, string>;
  /** What a failed run printed, by cause ([5.13], probeOutput.ts): made once per worker. */
  failedOutputs?: Partial<Record<FailedRunCause, string | undefined>>;
}
