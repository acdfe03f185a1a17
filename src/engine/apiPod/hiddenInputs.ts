// What a Pod object cannot carry but the kubelet knows: its hidden inputs, read from the object
// the way the kubelet's own status shows them (contract.md section 2). Upstream: the pod worker's
// podIsTerminal and HasAnyActiveRegularContainerStarted as generateAPIPodStatus passes them to
// getPhase (kubelet_pods.go, 1.36 tree), approximated from the API status ([6.1], [6.2]).

import type { ApiPod, ContainerStatus } from '../api';

const allStatuses = (pod: ApiPod): ContainerStatus[] =>
  [...pod.status.initContainerStatuses, ...pod.status.containerStatuses];

/**
 * Default of `--pod-is-terminal` (contract.md section 2): the pod has a deletionTimestamp and every
 * container is terminated. A container waiting after a termination (a back-off) is not terminated,
 * and neither is one without a status.
 */
export function defaultPodIsTerminal(pod: ApiPod): boolean {
  if (pod.deletionTimestamp === undefined) return false;
  const statuses = allStatuses(pod);
  const names = [...pod.spec.initContainers, ...pod.spec.containers].map((c) => c.name);
  return names.every((n) => statuses.some((s) => s.name === n && s.state.terminated !== undefined));
}

/** Default of `--pod-has-initialized`: some main container has a running or terminated state ([6.1]). */
export function defaultPodHasInitialized(pod: ApiPod): boolean {
  return pod.status.containerStatuses.some((s) => s.state.running !== undefined || s.state.terminated !== undefined);
}

/** Whether a container status shows that an instance of it exists or existed in the runtime. */
export function hasRuntimeRecord(s: ContainerStatus): boolean {
  return s.state.running !== undefined || s.state.terminated !== undefined || s.lastState.terminated !== undefined;
}

/**
 * Whether the pod's sandbox is ready ([2.9], [7.1]): a PodReadyToStartContainers condition that is
 * False means it is gone and must be recreated; True means it exists. Without the condition
 * (gate off, or not yet synced), a sandbox exists once some container has run.
 */
export function sandboxReadyFromObject(pod: ApiPod): boolean {
  const cond = pod.status.conditions.find((c) => c.type === 'PodReadyToStartContainers');
  if (cond) return cond.status === 'True';
  return allStatuses(pod).some(hasRuntimeRecord);
}
