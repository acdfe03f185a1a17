// [5.11] [5.13] An exec probe run past timeoutSeconds with the kubelet's ExecProbeTimeout gate off
// (settable 1.27-1.34; locked on from 1.35, version.ts). Read (kubernetes/kubernetes):
// - pkg/probe/exec exec.go Probe (a stored 1.2x-era copy, id 42557779566): on the runtime client's
//   TimeoutError, `if utilfeature.DefaultFeatureGate.Enabled(features.ExecProbeTimeout) { return
//   probe.Failure, timeoutErr.Error(), nil }`, else (a klog warning) `return probe.Unknown, "", err`;
//   its cri-client-era exec_test.go TestExec (id 286079882) fixes the same for 1.31+: the case
//   "ExecProbeTimeout" (ErrCommandTimedOut, the gate off) expects probe.Unknown with the error;
// - prober.go runProbeWithRetries (every stored copy; the newest, id 56021396416, `for range
//   retries`): a run that returns an error is tried again, maxProbeRetries = 3 tries in all, each
//   the runtime stops at timeoutSeconds (ExecSync's timeout is passed whatever the gate), so the
//   worker waits 3 × timeoutSeconds; then prober.go probe records Warning Unhealthy "%s probe
//   errored: %v" (1.27-1.32) or "%s probe errored and resulted in %s state: %s" (1.33+), the error
//   being the runtime client's timeout (probeOutput.ts execTimeoutError);
// - worker.go doProbe (00421113): "Prober error, throw away the result": no count, the result stays
//   (readiness its initial Failure, liveness Success), so such a liveness probe never kills.
// Not modelled: a once-per-prober Warning "KubeletExecProbeTimeoutIgnored" that one stored exec.go
// copy records (id 42557779566, `New(recorder)`); the cri-client-era TestExec calls `New()` with no
// recorder, and no other stored copy has the event, so which releases print it is not known.

import type { ProbeSpec } from '../scenario/types';
import type { ProbeKind } from '../trace';
import type { Instance } from './model';
import type { PodSim } from './podSim';
import type { RunPlan } from './probeRun';
import { emitProbeErrored } from './frequentEvents';
import { execTimeoutError, PROBE_ERRORED_UNKNOWN_SINCE } from './probeOutput';

/** prober.go maxProbeRetries: the tries runProbeWithRetries makes while a run returns an error. */
export const MAX_PROBE_RETRIES = 3;

/** Whether this run's timeout is an error (ExecProbeTimeout off) rather than a failure. */
export function execTimeoutErrors(sim: PodSim, spec: ProbeSpec, plan: RunPlan): boolean {
  return spec.handler === 'exec' && plan.timedOut && !sim.gates.ExecProbeTimeout;
}

/** The run as the worker waits for it: with the gate off a timed-out exec is tried three times. */
export function withExecRetries(sim: PodSim, spec: ProbeSpec, plan: RunPlan): RunPlan {
  return execTimeoutErrors(sim, spec, plan) ? { ...plan, seconds: MAX_PROBE_RETRIES * spec.timeoutSeconds } : plan;
}

/** The probe.errored of such a run, at its end; the worker counts nothing ([5.4]). */
export function emitExecTimeoutErrored(sim: PodSim, container: string, kind: ProbeKind, spec: ProbeSpec, inst: Instance): string {
  const error = execTimeoutError(spec.command ?? [], spec.timeoutSeconds, sim.minor);
  const event = sim.minor >= PROBE_ERRORED_UNKNOWN_SINCE ? '"… probe errored and resulted in unknown state: …"' : '"… probe errored: …"';
  const kept = kind === 'readiness' ? 'Ready stays as it was' : kind === 'liveness' ? 'no kill comes of it' : 'the container does not count as started';
  const why = `[5.11] ExecProbeTimeout is off: the ${kind} probe's exec of ${container} outlived its ${spec.timeoutSeconds}s timeout, `
    + `which the exec prober returns as an error (probe.Unknown), not a failure; the prober tried it ${MAX_PROBE_RETRIES} times, each timing out. `
    + `[5.13] The kubelet records a Warning Unhealthy ${event} and throws the result away: nothing is counted and ${kept}.`;
  return emitProbeErrored(sim, container, kind, inst.attempt, error, why, [inst.ids.up ?? inst.ids.start]);
}
