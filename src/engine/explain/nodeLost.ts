// [7.6] Signs in a pod object that its node stopped reporting: writes of controllers, not of the
// kubelet. The node lifecycle controller's MarkPodsNotReady (pkg/controller/util/node/
// controller_utils.go, a 1.3x stored copy) flips only the Ready condition to False, keeping the
// condition's (empty) reason, on every pod of a node whose Ready went Unknown, and records
// NodeNotReady; the kubelet's own Ready=False always carries a reason (ContainersNotReady,
// PodCompleted, ReadinessGatesNotReady). The taint-eviction controller (taint_eviction.go
// addConditionAndDeletePod) adds DisruptionTarget=True, reason DeletionByTaintManager, and deletes
// the pod once its toleration of node.kubernetes.io/unreachable or not-ready runs out (300 s by
// default). A kubelet cut off from the API server sees neither, nor the deletion.

import type { ApiPod } from '../api';

/** What in the object says the node stopped reporting (empty when nothing does). */
export function nodeLostSigns(pod: ApiPod): string[] {
  const { status } = pod;
  const signs: string[] = [];
  const ready = status.conditions.find((c) => c.type === 'Ready');
  const statuses = [...status.containerStatuses, ...status.initContainerStatuses.filter((_, i) => pod.spec.initContainers[i]?.restartPolicy === 'Always')];
  if (ready?.status === 'False' && !ready.reason && statuses.length > 0 && statuses.every((s) => s.ready)) {
    signs.push('Ready=False with no reason while every container is ready, which the node lifecycle controller writes for a node that stopped reporting (MarkPodsNotReady, the NodeNotReady event)');
  }
  if (status.conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'DeletionByTaintManager')) {
    signs.push('DisruptionTarget=True (DeletionByTaintManager): the taint-eviction controller deleted the pod when its toleration of an unreachable or not-ready node ran out');
  }
  return signs;
}
