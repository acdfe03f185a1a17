// A real pod's spec.activeDeadlineSeconds, read from the object ([13]): past it, the kubelet's own
// status is Failed with reason DeadlineExceeded (active_deadline.go ShouldEvict, in
// generateAPIPodStatus), its ready conditions turn False (PodFailed), and it kills what runs with
// the spec's grace; the API keeps the phase it had while containers run (mergePodStatus, [13.2]).

import type { PodObject } from './readPod';

export interface PastDeadline {
  /** Seconds the pod has been active (now − status.startTime). */
  active: number;
  deadline: number;
  /** The grace the kill gets: spec.terminationGracePeriodSeconds, 30 by default. */
  grace: number;
}

/** The deadline that has passed at `now`, or undefined (none set, no startTime, not reached). */
export function pastDeadline(obj: Pick<PodObject, 'activeDeadlineSeconds' | 'startTime' | 'terminationGracePeriodSeconds'>, now: number): PastDeadline | undefined {
  const { activeDeadlineSeconds: deadline, startTime } = obj;
  if (deadline === undefined || startTime === undefined || now - startTime < deadline) return undefined;
  return { active: Math.round((now - startTime) * 1000) / 1000, deadline, grace: obj.terminationGracePeriodSeconds ?? 30 };
}

/** Some container of the object is running (its state says so). */
export function anyContainerRunning(obj: PodObject): boolean {
  const { initContainerStatuses, containerStatuses } = obj.pod.status;
  return [...initContainerStatuses, ...containerStatuses].some((s) => s.state.running !== undefined);
}
