// Explain mode for pods caught in the 1.34-1.37 restart features (session 39):
// - ContainerRestartRules ([11.1], KEP-5307: 1.34 alpha, 1.35 beta on): a container's own
//   restartPolicy and its restartPolicyRules decide, first match wins (pkg/api/v1/pod/util.go
//   ContainerShouldRestart, as kubelet/restartPolicy.ts follows it), so a Never container restarts
//   on a listed exit code, with the normal back-off, and RESTARTS grows under Never;
// - RestartAllContainers ([11.2], KEP-5532: 1.35 alpha, 1.36 beta on): the sync that sees a
//   matching exit writes AllContainersRestarting=True (status/generate.go
//   GenerateAllContainersRestartingCondition, library id 68698090696: True while
//   ShouldAllContainersRestart and not AllContainersRestartCleanedUp), kubelet.go SyncPod (library
//   id 54300650048, a 1.36+ tree) passes `restartingAllContainers` to the runtime's SyncPod when the
//   condition it generated is True, the reset stops and removes the containers one after another
//   (a grace override of 0: no preStop, the 2 s minimum), and the next sync writes False and starts
//   them all again; from 1.36 a removed container's status is Waiting RestartingAllContainers with a
//   last state of exit 137, reason RestartingAllContainers and no times (kubernetes#136964).

import type { ContainerForStatus, ContainerStatus, PodCondition } from '../api';
import type { LoadedPod } from '../apiPod/loadPods';
import { effectivePolicy, matchingRule } from '../kubelet/restartPolicy';
import { minor } from '../version';
import type { ExplainSettings, NextStep } from './types';

/** The waiting and last-state reason of a container an in-place restart removed ([11.2]). */
export const RESTARTING_ALL = 'RestartingAllContainers';

/** killContainer's floor for a grace override of 0, seconds ([8.5], [11.2]). */
const MIN_GRACE = 2;

/** 1.35's periodic resync, the only sync that follows a reset which killed nothing ([0.2], [11.2]). */
const RESYNC = 60;

const specsOf = (p: LoadedPod): ContainerForStatus[] => [...p.pod.spec.initContainers, ...p.pod.spec.containers];
const statusOf = (p: LoadedPod, name: string): ContainerStatus | undefined =>
  [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses].find((s) => s.name === name);
const isSidecar = (p: LoadedPod, c: ContainerForStatus): boolean => c.restartPolicy === 'Always' && p.pod.spec.initContainers.includes(c);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The written AllContainersRestarting condition, when the object has one. */
export const restartingCondition = (p: LoadedPod): PodCondition | undefined =>
  p.pod.status.conditions.find((c) => c.type === 'AllContainersRestarting');

/**
 * [11.1] What the rules say about a regular container that runs under restartPolicy Never
 * (ContainerShouldRestart, util.go 1.34+): why it restarted although Never, and whether its last
 * exit restarts it. Undefined for a container with no rules (the gate off drops them when read) or
 * one that Always/OnFailure already restarts.
 */
export function ruleWords(p: LoadedPod, c: ContainerForStatus, s: ContainerStatus, gates: ExplainSettings['gates']): string | undefined {
  if (!gates.ContainerRestartRules || !c.restartPolicyRules?.length || isSidecar(p, c)) return undefined;
  if (effectivePolicy(p.pod.spec.restartPolicy, c, true) !== 'Never') return undefined;
  const out: string[] = [];
  const last = s.lastState.terminated;
  if (s.restartCount > 0 && last && last.reason !== RESTARTING_ALL && matchingRule(c, last.exitCode)?.action === 'Restart') {
    out.push(`It restarted ${s.restartCount === 1 ? 'once' : `${s.restartCount} times`} although its restartPolicy is Never: its restartPolicyRules restart exit code ${last.exitCode} (the first matching rule wins; these restarts count in restartCount and use the normal back-off) [11.1].`);
  }
  const code = s.state.terminated?.exitCode;
  if (code !== undefined) {
    const rule = matchingRule(c, code);
    out.push(rule?.action === 'Restart'
      ? `Its rule restarts exit code ${code}, so the kubelet starts it again after its back-off [11.1] [4.5].`
      : rule?.action === 'RestartAllContainers'
        ? `Exit code ${code} matches its RestartAllContainers rule: the whole pod restarts in place [11.2].`
        : `No rule matches exit code ${code}, so its own restartPolicy Never applies and it stays stopped [11.1].`);
  } else if (s.state.waiting?.reason === 'CrashLoopBackOff' && last && matchingRule(c, last.exitCode)?.action === 'Restart') {
    out.push(`Its rule restarts exit code ${last.exitCode}, so it starts again when the back-off ends [11.1] [4.5].`);
  }
  return out.length ? out.join(' ') : undefined;
}

/**
 * [11.2] A last state the in-place restart wrote (1.36+, kubernetes#136964): exit 137, reason
 * RestartingAllContainers, no start or finish time, whatever the run really ended with.
 */
export function inPlaceLastWords(s: ContainerStatus): string | undefined {
  const last = s.lastState.terminated;
  if (last?.reason !== RESTARTING_ALL) return undefined;
  return `Its last run was ended by an in-place restart of the whole pod (a RestartAllContainers rule matched): from 1.36 the kubelet writes that last state as exit code 137, reason ${RESTARTING_ALL}, with no start or finish time, whatever the run's own exit was (kubernetes#136964), so RESTARTS prints no "(… ago)" [11.2].`;
}

/** [11.2] A container waiting RestartingAllContainers: the reset removed it from the runtime. */
export function restartingAllWords(name: string, s: ContainerStatus, p: LoadedPod): string {
  const cond = restartingCondition(p);
  const when = cond?.status === 'True'
    ? 'the reset is still under way (AllContainersRestarting is True): it starts again with the others at the sync after the last container is removed'
    : 'the reset is over (AllContainersRestarting is not True): the kubelet starts the containers again in their usual order';
  return `${name} was stopped and removed by an in-place restart of the whole pod (a RestartAllContainers rule matched); ${when}, ${plural(s.restartCount, 'restart')} so far [11.2].`;
}

/** Why the written AllContainersRestarting condition says what it says ([11.2]). */
export function allContainersRestartingWhy(cond: PodCondition, settings: ExplainSettings): string {
  if (!settings.gates.RestartAllContainersOnContainerExits) {
    return `Only a kubelet with RestartAllContainersOnContainerExits writes AllContainersRestarting (alpha in 1.35, beta and on by default from 1.36); with the gate off here it is kept as written and no in-place restart is explained [11.2].`;
  }
  if (cond.status === 'True') {
    return `[11.2] An exit matched a RestartAllContainers rule (reason ${cond.reason ?? 'RestartAllContainersStarted'}): the kubelet is stopping and removing every container, one after another, and the sync that finds none left writes it False and starts them again (GenerateAllContainersRestartingCondition: True while ShouldAllContainersRestart holds and the containers are not all cleaned up).`;
  }
  return '[11.2] No in-place restart is under way: the kubelet wrote it False when it found every container removed after the last one (or no RestartAllContainers rule has matched yet).';
}

/**
 * [11.2] The containers whose RestartAllContainers rule could still restart a stopped container in
 * place (a rule on any container, sidecars included), with the gate on; empty otherwise.
 */
export function inPlaceTriggers(p: LoadedPod, gates: ExplainSettings['gates']): string[] {
  if (!gates.RestartAllContainersOnContainerExits || !gates.ContainerRestartRules) return [];
  return specsOf(p).filter((c) => c.restartPolicyRules?.some((r) => r.action === 'RestartAllContainers')).map((c) => c.name);
}

/** The container whose written exit matches its RestartAllContainers rule, if any. */
function triggerOf(p: LoadedPod): { name: string; exitCode: number } | undefined {
  for (const c of specsOf(p)) {
    const code = statusOf(p, c.name)?.state.terminated?.exitCode;
    if (code !== undefined && matchingRule(c, code)?.action === 'RestartAllContainers') return { name: c.name, exitCode: code };
  }
  return undefined;
}

/**
 * [11.2] What the kubelet does next with a pod in (or entering) an in-place restart: the reset,
 * then the start of every container. Undefined when no reset is due or under way.
 * `planned`: the trigger computePodActions found in the runtime's view (the status here).
 */
export function restartAllSteps(p: LoadedPod, settings: ExplainSettings, now: number, planned: { container: string; exitCode: number } | undefined): NextStep[] | undefined {
  if (!settings.gates.RestartAllContainersOnContainerExits || p.pod.deletionTimestamp !== undefined) return undefined;
  const cond = restartingCondition(p);
  const trigger = planned ? { name: planned.container, exitCode: planned.exitCode } : triggerOf(p);
  // Still in the runtime: every container the reset has not removed yet (a removed one is written
  // Waiting RestartingAllContainers, 1.36+). With none left the next sync just starts them: the plan.
  const present = specsOf(p).filter((c) => statusOf(p, c.name) !== undefined && statusOf(p, c.name)!.state.waiting === undefined);
  if (!trigger && !(cond?.status === 'True' && present.length > 0)) return undefined;
  // The reset goes through init containers (sidecars included), then main containers, in spec
  // order, the trigger last; only what still runs takes time (up to the 2 s floor each).
  const order = specsOf(p).filter((c) => c.name !== trigger?.name);
  if (trigger) order.push(specsOf(p).find((c) => c.name === trigger.name)!);
  const running = order.filter((c) => statusOf(p, c.name)?.state.running);
  const killed = running.length;
  const resetEnds = now + MIN_GRACE * killed;
  const m = minor(settings.version);
  let startAt = resetEnds;
  let when: string;
  const reset = `once the last container is removed (about ${MIN_GRACE}s for each that still runs: ${killed === 0 ? 'none here' : running.map((c) => c.name).join(', ')})`;
  if (m >= 36) {
    when = `${reset}, SyncPod asks for the next sync itself (1.36+, kubernetes#136966): it writes AllContainersRestarting=False and starts every container again`;
  } else if (killed > 0) {
    startAt = resetEnds + 1;
    when = `${reset}, the ContainerDied of a killed one at the next relist brings the next sync (1.35): it writes AllContainersRestarting=False and starts every container again`;
  } else {
    const since = cond?.status === 'True' ? cond.lastTransitionTime : undefined;
    startAt = Math.max(now, (since ?? now) + RESYNC);
    when = `the reset killed nothing (nothing was running), so in 1.35 only the pod worker's periodic resync, ${RESYNC}s after the sync that wrote AllContainersRestarting=True, brings the next sync (the kubelet ignores ContainerRemoved; fixed in 1.36 by kubernetes#136966): it writes the condition False and starts every container again`;
  }
  const cause = trigger
    ? `${trigger.name} exited with ${trigger.exitCode}, which its RestartAllContainers rule matches`
    : 'AllContainersRestarting is True: the reset is under way (a kubelet restarted meanwhile resumes it from the written condition)';
  const firstInit = p.pod.spec.initContainers[0]?.name;
  const out: NextStep[] = [];
  for (const c of specsOf(p)) {
    const k = running.indexOf(c);
    if (k >= 0) {
      out.push({
        container: c.name, action: 'kill', at: now + MIN_GRACE * k,
        why: `[11.2] ${cause}: the pod restarts in place. The kubelet stops ${c.name} with a grace override of 0 (no preStop hook; the 2s minimum before SIGKILL [8.5]) and removes it, one container after another; ${when}.`,
      });
      continue;
    }
    const first = firstInit === undefined ? p.pod.spec.containers.includes(c) : c.name === firstInit;
    out.push(first
      ? { container: c.name, action: 'start', at: startAt, why: `[11.2] ${cause}: ${when}; a container restarted this way may first wait out its restart back-off [4.5].` }
      : { container: c.name, action: 'wait', at: null, why: `[11.2] ${cause}: ${when}; it waits for its turn after the init containers [2.1] [3.1].` });
  }
  return out;
}
