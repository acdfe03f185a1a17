// Which exited containers the kubelet restarts ([4.1]–[4.3], [6.6], [11.1]).
// Upstream: pkg/kubelet/container/helpers.go ShouldContainerBeRestarted and
// pkg/api/v1/pod/util.go ContainerShouldRestart (read: the 1.20-era helper, the 1.36 util.go,
// and a 1.36 port of the helper: up to 1.33, and with ContainerRestartRules off, the helper reads
// only the pod's policy; with the gate on, ContainerShouldRestart decides).

import type { RestartPolicy, RestartRule } from '../scenario/types';

export interface PolicyContainer {
  restartPolicy?: RestartPolicy;
  restartPolicyRules?: RestartRule[];
}

/** A sidecar: an init container whose own restartPolicy is Always (K753). */
export function isRestartableInit(c: PolicyContainer): boolean {
  return c.restartPolicy === 'Always';
}

/** The first rule whose exit codes match, if any ([11.1]: rules in order, first match wins). */
export function matchingRule(c: PolicyContainer, exitCode: number): RestartRule | undefined {
  for (const rule of c.restartPolicyRules ?? []) {
    const listed = rule.values.includes(exitCode);
    if ((rule.operator === 'In' && listed) || (rule.operator === 'NotIn' && !listed)) return rule;
  }
  return undefined;
}

/**
 * The policy that governs a main (or regular init) container: its own restartPolicy when
 * per-container rules are enabled ([4.2], 1.34+ with ContainerRestartRules), else the pod's.
 */
export function effectivePolicy(
  podPolicy: RestartPolicy,
  c: PolicyContainer,
  containerRestartRules: boolean,
): RestartPolicy {
  if (containerRestartRules && c.restartPolicy) return c.restartPolicy;
  return podPolicy;
}

/**
 * Whether a container that exited with `exitCode` should be started again ([4.1], [4.2]).
 * `exitCode` undefined means it was killed by a probe and has no code yet ([4.2]: no rule can
 * match then; the container's own policy decides when it has one, else the pod's).
 */
export function shouldRestartAfterExit(
  podPolicy: RestartPolicy,
  c: PolicyContainer,
  exitCode: number | undefined,
  containerRestartRules: boolean,
): boolean {
  if (containerRestartRules && exitCode !== undefined) {
    const rule = matchingRule(c, exitCode);
    // [11.1] a matching Restart rule restarts; RestartAllContainers is the pod's business ([11.2])
    // and, for this container alone, falls back to its own policy as upstream does.
    if (rule?.action === 'Restart') return true;
  }
  const policy = effectivePolicy(podPolicy, c, containerRestartRules);
  if (policy === 'Always') return true;
  if (policy === 'Never') return false;
  return exitCode === undefined ? true : exitCode !== 0;
}

/** Whether the pod's policy (or the container's) allows restarting after a failure ([2.5], [4.4]). */
export function restartsOnFailure(
  podPolicy: RestartPolicy,
  c: PolicyContainer,
  containerRestartRules: boolean,
): boolean {
  return effectivePolicy(podPolicy, c, containerRestartRules) !== 'Never';
}

export interface RestartQuestion {
  /** The pod has a deletionTimestamp: nothing is restarted any more ([4.1]). */
  deleted: boolean;
  /** ContainerRestartRules (1.34 alpha, 1.35+ beta): the container's own policy and rules decide. */
  containerRestartRules: boolean;
}

/**
 * ShouldContainerBeRestarted for a container whose newest instance exited with `exitCode`
 * ([4.1], [10.2]). It decides whether the status shows the container Waiting (with the last start
 * error) or keeps its Terminated state. Without ContainerRestartRules it reads the **pod's**
 * policy, so a sidecar of a Never pod (restarted all the same by computePodActions, [4.3]) is not
 * "to be restarted" here; with the gate, the sidecar's own Always decides.
 */
export function shouldContainerBeRestarted(
  podPolicy: RestartPolicy,
  c: PolicyContainer,
  exitCode: number,
  q: RestartQuestion,
): boolean {
  if (q.deleted) return false;
  if (q.containerRestartRules) {
    if (c.restartPolicy && matchingRule(c, exitCode)?.action === 'Restart') return true;
    const policy = c.restartPolicy ?? podPolicy;
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }
  return podPolicy === 'Always' || (podPolicy === 'OnFailure' && exitCode !== 0);
}
