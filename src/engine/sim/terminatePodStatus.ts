// The status manager's last word on a pod that is over ([6.9]): pkg/kubelet/status/status_manager.go
// TerminatePod, with hasPodInitialized and initializedContainers (read at the stored 1.3x tree;
// unchanged in shape since 1.27). After the final generateAPIPodStatus, every container status
// that is not Terminated becomes Terminated `ContainerStatusUnknown` (exit 137), for main
// containers only once the pod has initialized and for init containers up to the last one that
// ever left Waiting; a phase still Pending or Running becomes Failed. The conditions are not
// regenerated.

import type { ApiPodStatus, ContainerStatus, SpecForStatus } from '../api';
import { isSidecarSpec } from '../api';
import type { PodPhase } from '../trace';

const UNKNOWN_MESSAGE = 'The container could not be located when the pod was terminated';

function unknownTerminated(s: ContainerStatus): ContainerStatus {
  if (s.state.terminated) return s;
  return { ...s, state: { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: UNKNOWN_MESSAGE } } };
}

/**
 * hasPodInitialized (status_manager.go), read from the pod's previous status: no init containers;
 * or some main container left Waiting or has a last termination; or the last init container
 * completed (a regular one) or runs started (a sidecar).
 */
export function hasPodInitialized(spec: SpecForStatus, previous: ApiPodStatus): boolean {
  if (spec.initContainers.length === 0) return true;
  if (previous.containerStatuses.some((s) => s.lastState.terminated !== undefined || s.state.waiting === undefined)) return true;
  const statuses = previous.initContainerStatuses;
  const last = statuses[statuses.length - 1];
  const lastSpec = spec.initContainers[statuses.length - 1];
  if (!last || !lastSpec || lastSpec.name !== last.name) return false;
  if (isSidecarSpec(lastSpec)) return last.state.running !== undefined && last.started === true;
  return last.lastState.terminated?.exitCode === 0 || last.state.terminated?.exitCode === 0;
}

/** How many leading init statuses have tried to start (initializedContainers): at least the first. */
function initializedCount(statuses: ContainerStatus[]): number {
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i]!;
    if (s.state.waiting === undefined || s.lastState.terminated !== undefined) return i + 1;
  }
  return Math.min(1, statuses.length);
}

/** TerminatePod's defaults applied to the final status of a finished pod. */
export function terminatePodStatus(
  spec: SpecForStatus,
  status: ApiPodStatus,
  previous: ApiPodStatus,
): { status: ApiPodStatus; markedFailed: boolean } {
  const mains = hasPodInitialized(spec, previous) ? status.containerStatuses.map(unknownTerminated) : status.containerStatuses;
  const upTo = initializedCount(status.initContainerStatuses);
  const inits = status.initContainerStatuses.map((s, i) => (i < upTo ? unknownTerminated(s) : s));
  const phase = status.phase as PodPhase | undefined;
  const markedFailed = phase !== 'Succeeded' && phase !== 'Failed';
  return {
    status: { ...status, phase: markedFailed ? 'Failed' : status.phase, initContainerStatuses: inits, containerStatuses: mains },
    markedFailed,
  };
}
