// [5.14] The probe workers' context, by version. Since 1.35 (#130487, contextual logging in the
// prober) SyncPod's AddPod hands each worker the pod sync's context; the pod worker keeps one
// context per pod across syncs and cancels it when the pod becomes terminating (pod_workers.go
// UpdatePod: "Cancelling current pod sync"). From then on an exec probe, whose ExecSync takes that
// context, fails at once with "rpc error: code = Canceled desc = context canceled"; prober.go
// records a Warning Unhealthy "… probe errored and resulted in unknown state: …" and doProbe
// throws the result away, so Ready (and a sidecar's liveness and startup) stay as they were until
// the container stops. HTTP, TCP and gRPC probers take no context and keep probing.
// Versions (kubernetes#140881, #140882's table, verified on kind by its author): every 1.35 patch
// (the cherry-pick #141005 was still open); 1.36.0-1.36.2 made a fresh context per sync and were
// spared, 1.36.3 brought the reuse back (#140066, a cherry-pick of #139850), so the latest 1.36
// patch, which the engine models, has it too (#141006 still open); fixed in 1.37 by #140882
// (context.WithoutCancel in AddPod). Deletion is the termination the engine models it for: a pod
// that turns terminal by itself stops its probes at once ([6.5]).

import type { ProbeHandlerKind } from '../scenario/types';
import type { Instance } from './model';
import type { PodSim } from './podSim';
import { PROBE_ERRORED_UNKNOWN_SINCE } from './probeOutput';

/** The runtime client's error for an exec whose context was cancelled (ExecSync's gRPC status, as prober.go prints it). */
export { CONTEXT_CANCELED_ERROR } from '../trace';
import { CONTEXT_CANCELED_ERROR } from '../trace';

/** Whether the pod's probe workers run on a context its deletion cancels (1.35, and 1.36 from 1.36.3). */
export function probeContextCancelledByDeletion(minor: number): boolean {
  return minor === 35 || minor === 36;
}

/** Whether a run of this handler errors now instead of probing: an exec probe of a deleted pod in those versions. */
export function probeRunErrors(sim: PodSim, handler: ProbeHandlerKind): boolean {
  return handler === 'exec' && sim.deletion !== undefined && probeContextCancelledByDeletion(sim.minor);
}

export function erroredRunWhy(container: string, kind: string, minor: number): string {
  return `[5.14] The pod is being deleted, and in 1.${minor} the probe workers run on the pod sync's context, which the pod worker cancelled when termination began: `
    + `the ${kind} probe's exec of ${container} fails at once ("${CONTEXT_CANCELED_ERROR}"). `
    + `The kubelet records a Warning Unhealthy event and throws the result away, so the probe's result stays as it was (kubernetes#140881; `
    + (minor === 36 ? '1.36.0-1.36.2 were spared, 1.36.3 brought it back; ' : '')
    + 'fixed in 1.37 by #140882). HTTP, TCP and gRPC probes keep working.';
}

// [5.11] [5.13] An exec run on a container the runtime no longer runs errors too, in every version
// (read: containerd's CRI ExecSync → execInContainer, internal/cri/server/container_execsync.go at
// 00c2e457 (2.x) and pkg/cri/server/container_execsync.go at 02e0fef8 (1.7), the same: a container
// whose state is not CONTAINER_RUNNING gives fmt.Errorf("container is in %s state"), wrapped as
// "failed to exec in container: %w", a plain error that the CRI service returns as gRPC code
// Unknown; prober.go probe and runProbeWithRetries; pkg/probe/exec Probe, which returns
// probe.Unknown with any error that is neither an exit code nor a timeout; worker.go doProbe at
// 00421113, "Prober error, throw away the result"). The worker reads the last written status
// ([0.4]), so between a container's exit and the sync that writes it (the next relist, [0.6]) a
// tick runs the exec on the dead container: ExecSync refuses at once, the three tries alike, and
// the kubelet records "… probe errored …" with the error and keeps the result it had. A run under
// way when its container exits ends with it (the command dies with the container's processes);
// the engine takes its retries to meet the exited container too, so the same error (an inference:
// a command killed with its container may instead come back as exit 137, a failure with no output,
// which the engine does not model). A container being killed but not yet exited is still
// CONTAINER_RUNNING to containerd: its exec runs and answers (CRI-O refuses it, "container is
// stopping"; not modelled). HTTP, TCP and gRPC probes dial the pod's IP instead ([5.11]).

/**
 * Whether an exec run beginning at `now` meets a container the runtime no longer runs (its status
 * may still say running). A container that exits at this very instant does not count: the engine
 * cannot order the tick against the exit (a kill's exit and the status that shows it come at one
 * simulated instant, about 0.1 s apart on a node, [15.6]), so such a run is taken as begun with the
 * container and its answer lost with it, as before: no event.
 */
export function execMeetsExitedContainer(handler: ProbeHandlerKind, inst: Instance, now: number): boolean {
  return handler === 'exec' && inst.state === 'exited' && (inst.finishedAt ?? now) < now - 1e-9;
}

/** Why an exec run on an exited container errored: `during`, the container exited while the run was under way. */
export function exitedRunWhy(container: string, kind: string, minor: number, during: boolean): string {
  const event = minor >= PROBE_ERRORED_UNKNOWN_SINCE ? '"… probe errored and resulted in unknown state: …"' : '"… probe errored: …"';
  return (during
    ? `[5.11] ${container} exited while its ${kind} probe's exec ran: the command ended with the container, and the prober's tries meet a container the runtime no longer runs`
    : `[5.11] ${container} has exited, but the status the ${kind} worker reads still says running (the kubelet writes the exit at the sync after the next relist), so the worker runs its exec on the dead container`)
    + ': containerd refuses it at once ("container is in CONTAINER_EXITED state"). '
    + `[5.13] The kubelet records a Warning Unhealthy ${event} and throws the result away: it stays as it was until the status shows the exit.`;
}
