// The subset of the core/v1 Pod status the kubelet writes and kubectl reads. The deciders
// (getPhase, conditions, printPod) take these shapes so that `sim status` can feed them a real
// `kubectl get pod -o yaml` object, and the simulator feeds them its own generated status.
// Times are seconds since pod creation (the simulator) or since the epoch (a real object).

import type { RestartRule } from './scenario/types';

export interface ContainerStateWaiting { reason?: string; message?: string }
export interface ContainerStateRunning { startedAt?: number }
export interface ContainerStateTerminated {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: number;
  finishedAt?: number;
}

export interface ContainerState {
  waiting?: ContainerStateWaiting;
  running?: ContainerStateRunning;
  terminated?: ContainerStateTerminated;
}

export interface ContainerStatus {
  name: string;
  image?: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started?: boolean;
  restartCount: number;
}

export interface PodCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: number;
}

export interface ApiPodStatus {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  reason?: string;
  /** Set with `reason` by the kubelet, e.g. for DeadlineExceeded ([13.2]). */
  message?: string;
  conditions: PodCondition[];
  initContainerStatuses: ContainerStatus[];
  containerStatuses: ContainerStatus[];
}

/** One container as the status deciders see it (restartPolicyRules: [6.6], 1.34+). */
export interface ContainerForStatus {
  name: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  restartPolicyRules?: RestartRule[];
}

/** What the status deciders need of the spec. */
export interface SpecForStatus {
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  initContainers: ContainerForStatus[];
  containers: ContainerForStatus[];
  readinessGates: string[];
}

export interface ApiPod {
  name: string;
  namespace: string;
  deletionTimestamp?: number;
  spec: SpecForStatus;
  status: ApiPodStatus;
}

export function isSidecarSpec(c: { restartPolicy?: string }): boolean {
  return c.restartPolicy === 'Always';
}
