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
import type { PodSim } from './podSim';

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
    + `the ${kind} probe's exec of ${container} fails at once ("rpc error: code = Canceled desc = context canceled"). `
    + `The kubelet records a Warning Unhealthy event and throws the result away, so the probe's result stays as it was (kubernetes#140881; `
    + (minor === 36 ? '1.36.0-1.36.2 were spared, 1.36.3 brought it back; ' : '')
    + 'fixed in 1.37 by #140882). HTTP, TCP and gRPC probes keep working.';
}
