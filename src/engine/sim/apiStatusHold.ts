// What the API server gets of the kubelet's status ([13.2]): the status manager sends
// mergePodStatus(the API's status, the kubelet's, couldHaveRunningContainers), which keeps the
// API's phase, reason and message while the pod could still have running containers (since
// kubernetes#108366, 1.24: "the Kubelet should never transition a pod to terminal status that
// could have running containers"; read in status_manager.go's mergePodStatus and syncPod, a
// 1.2x-era copy and the stored upstream commit 0033cb0a). The kubelet's own steps read its status
// (the status manager's cache); the trace's pod.phase events, the kubectl row and the Job
// controller read the API's.
//
// Approximation: upstream holds until the pod worker has finished SyncTerminatingPod; the engine
// holds while a container still runs, so a terminal phase a sync computes once nothing runs (a
// Job pod whose last main container exited) reaches the API at that sync, not up to a relist later.

import type { ApiPodStatus } from '../api';
import type { PodSim } from './podSim';

const isTerminal = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

/** Some container of the pod still runs. */
function anyRunning(sim: PodSim): boolean {
  const specs = sim.specs();
  for (let i = 0; i < specs.length; i++) if (sim.running(specs[i]!.name)) return true;
  return false;
}

/**
 * The status the API gets for the kubelet's `next`, given what it has (`shown`): `next` itself, or,
 * while a terminal phase would reach the API with containers still running, `next` with the API's
 * phase, reason and message kept. An API with no phase yet (a run continued from an observed state:
 * its first write is the observed status) keeps `apiPhaseIfNone`, the phase getPhase gives before
 * the deadline's eviction step, as the observed object, written by a holding kubelet, shows it.
 */
export function apiStatusFor(sim: PodSim, shown: ApiPodStatus, next: ApiPodStatus, apiPhaseIfNone?: ApiPodStatus['phase']): ApiPodStatus {
  if (isTerminal(shown.phase) || !isTerminal(next.phase) || !anyRunning(sim)) return next;
  const held: ApiPodStatus = { phase: shown.phase ?? apiPhaseIfNone, conditions: next.conditions, initContainerStatuses: next.initContainerStatuses, containerStatuses: next.containerStatuses };
  if (shown.reason !== undefined) held.reason = shown.reason;
  if (shown.message !== undefined) held.message = shown.message;
  return held;
}
