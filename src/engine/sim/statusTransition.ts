// The status manager refuses a status in which a container leaves Terminated when it may not be
// restarted ([6.10]): pkg/kubelet/status/status_manager.go checkContainerStateTransition, called by
// updateStatusInternal, which then drops the whole update ("Status update on pod aborted") and
// keeps the previous status. Read at the stored 1.3x tree; from 1.34 with ContainerRestartRules a
// container that ContainerShouldRestart restarts may leave Terminated too (read in a 1.36 port).

import type { ApiPodStatus, ContainerForStatus, ContainerStatus, SpecForStatus } from '../api';
import { isSidecarSpec } from '../api';
import { containerShouldRestart } from '../kubelet/getPhase';

function mayLeaveTerminated(spec: SpecForStatus, c: ContainerForStatus | undefined, exitCode: number, containerRestartRules: boolean): boolean {
  if (exitCode !== 0 && spec.restartPolicy === 'OnFailure') return true;
  return containerRestartRules && c !== undefined && containerShouldRestart(spec.restartPolicy, c, exitCode);
}

function firstIllegal(
  spec: SpecForStatus,
  specs: ContainerForStatus[],
  olds: ContainerStatus[],
  news: ContainerStatus[],
  containerRestartRules: boolean,
  skipSidecars: boolean,
): string | undefined {
  for (const old of olds) {
    const term = old.state.terminated;
    if (!term) continue;
    const c = specs.find((x) => x.name === old.name);
    if (skipSidecars && c !== undefined && isSidecarSpec(c)) continue; // a sidecar may always restart
    if (mayLeaveTerminated(spec, c, term.exitCode, containerRestartRules)) continue;
    const now = news.find((s) => s.name === old.name);
    if (now && !now.state.terminated) return old.name;
  }
  return undefined;
}

/** Some container has a RestartAllContainers rule ([11.2]): any container may then restart. */
export function allContainersCouldRestart(spec: SpecForStatus): boolean {
  return [...spec.initContainers, ...spec.containers].some((c) => c.restartPolicyRules?.some((r) => r.action === 'RestartAllContainers'));
}

/** The container whose Terminated → other transition makes the update illegal, if any. */
export function illegalTransition(
  spec: SpecForStatus,
  old: ApiPodStatus,
  next: ApiPodStatus,
  gates: { containerRestartRules: boolean; restartAllContainers: boolean },
): string | undefined {
  if (spec.restartPolicy === 'Always') return undefined;
  if (gates.restartAllContainers && allContainersCouldRestart(spec)) return undefined;
  const { containerRestartRules } = gates;
  return firstIllegal(spec, spec.containers, old.containerStatuses, next.containerStatuses, containerRestartRules, false)
    ?? firstIllegal(spec, spec.initContainers, old.initContainerStatuses, next.initContainerStatuses, containerRestartRules, true);
}
