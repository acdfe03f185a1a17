// computePodActions: the kubelet's plan for one SyncPod round (KR/kuberuntime_manager.go).
// Decide here, act in the simulator (architecture idea 1). Pure: the same input, the same plan.
// Upstream read: kuberuntime_manager.go computePodActions (the sandbox branch with
// hasAnyRegularContainerCreated, the main-container loop with ShouldContainerBeRestarted and the
// probe/spec-change kills) and SyncPod, 1.28-1.33 stored versions; container-level restart
// policies ([4.2], 1.34+) from the rulebook.

import { explain, explainDecision } from './actionReasons';
import { computeInitContainerActions } from './initContainerActions';
import { isRestartableInit, matchingRule, restartsOnFailure, shouldRestartAfterExit } from './restartPolicy';
import type { ContainerForActions, PodActions, PodActionsInput } from './podActionsTypes';

export type { PodActions, PodActionsInput } from './podActionsTypes';

function emptyActions(): PodActions {
  return { killPod: false, createSandbox: false, initContainersToStart: [], containersToStart: [], containersToKill: [], why: [], reasons: {} };
}

/** ShouldContainerBeRestarted for a main container that is not running ([4.1]). */
function shouldStartMain(c: ContainerForActions, input: PodActionsInput): { start: boolean; why: string; after?: string } {
  if (input.deleted) return { start: false, why: `[4.1] The pod is being deleted, so ${c.name} is not started.` };
  const rt = input.runtime[c.name];
  if (!rt) return { start: true, why: `[3.2] Main container ${c.name} has never run, so it starts.`, after: input.initContainers.at(-1)?.name };
  if (rt.state === 'created' || rt.state === 'unknown') {
    return { start: true, why: `[4.1] Main container ${c.name} is ${rt.state}, so it is started again.`, after: c.name };
  }
  const restart = shouldRestartAfterExit(input.restartPolicy, c, rt.exitCode, input.containerRestartRules);
  const rule = input.containerRestartRules && rt.exitCode !== undefined ? matchingRule(c, rt.exitCode) : undefined;
  if (restart && rule?.action === 'Restart') {
    return { start: true, why: `[4.2] [11.1] Main container ${c.name} exited with ${rt.exitCode}, which its restartPolicyRules (${rule.operator} ${rule.values.join(', ')}) restart.`, after: c.name };
  }
  return exitedDecision(c, rt.exitCode, restart);
}

type MainDecision = ReturnType<typeof shouldStartMain>;

/**
 * The last decision about each exited container, by its exit code and whether it restarts: a
 * crash loop decides the same at every sync (every container in its back-off, at every sync of
 * the pod), so one read-only decision, and the reason filed from it (explainDecision), serve them all.
 */
const exitedDecisions = new WeakMap<ContainerForActions, { exitCode: number | undefined; restart: boolean; decision: MainDecision }>();

function exitedDecision(c: ContainerForActions, exitCode: number | undefined, restart: boolean): MainDecision {
  const last = exitedDecisions.get(c);
  if (last !== undefined && last.exitCode === exitCode && last.restart === restart) return last.decision;
  const decision = restart
    ? { start: true, why: `[4.1] Main container ${c.name} exited with ${exitCode}; the restartPolicy says restart.`, after: c.name }
    : { start: false, why: `[4.1] Main container ${c.name} exited with ${exitCode}; the restartPolicy says it stays stopped.` };
  exitedDecisions.set(c, { exitCode, restart, decision });
  return decision;
}

function sandboxActions(input: PodActionsInput, changes: PodActions): PodActions {
  changes.createSandbox = true;
  changes.killPod = true;
  const anyStatus = Object.values(input.runtime).some((s) => s !== undefined);
  if (input.restartPolicy === 'Never' && input.sandboxAttempt > 0 && anyStatus) {
    changes.createSandbox = false;
    changes.why.push('[2.9] The sandbox is gone, the restartPolicy is Never and containers have already run: no new sandbox, the pod ends.');
    return changes;
  }
  changes.why.push(input.sandboxAttempt === 0
    ? '[0.1] The pod has no sandbox yet: the kubelet creates one first.'
    : '[2.9] The sandbox must be recreated: every container is killed and the init containers run again from the first.');
  const mains = input.containers.filter((c) => {
    // runOnce: the pod's OnFailure, or with ContainerRestartRules the container's own restartPolicy
    // when it has one (computePodActions' createPodSandbox branch, 1.34+; read at a 1.36/1.37-era tree)
    const runOnce = input.containerRestartRules && c.restartPolicy !== undefined ? c.restartPolicy === 'OnFailure' : input.restartPolicy === 'OnFailure';
    if (!runOnce) return true;
    const rt = input.runtime[c.name];
    return !(rt?.state === 'exited' && rt.exitCode === 0);
  });
  if (mains.length === 0 && input.containers.some((c) => input.runtime[c.name] !== undefined && input.runtime[c.name]!.state !== 'unknown')) {
    // hasAnyRegularContainerCreated: init is done and no main container is left to run.
    changes.createSandbox = false;
    changes.why.push('[2.9] The sandbox is gone, but init has completed and every main container succeeded under OnFailure: no new sandbox, the pod ends.');
    return changes;
  }
  if (input.initContainers.length > 0) {
    changes.initContainersToStart = [input.initContainers[0]!.name];
    return changes;
  }
  changes.containersToStart = mains.map((c) => c.name);
  return changes;
}

/** [11.2] The first stopped container whose exit code matches a RestartAllContainers rule. */
function restartAllTrigger(input: PodActionsInput): PodActions['restartAllContainers'] {
  if (!input.restartAllContainers || !input.containerRestartRules || input.deleted) return undefined;
  return restartAllIn(input, input.initContainers) ?? restartAllIn(input, input.containers);
}

/** restartAllTrigger over one spec list, in order (init containers are looked at first). */
function restartAllIn(input: PodActionsInput, list: PodActionsInput['containers']): PodActions['restartAllContainers'] {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const rt = input.runtime[c.name];
    if (rt?.state !== 'exited' || rt.exitCode === undefined) continue;
    if (matchingRule(c, rt.exitCode)?.action === 'RestartAllContainers') return { container: c.name, exitCode: rt.exitCode };
  }
  return undefined;
}

export function computePodActions(input: PodActionsInput): PodActions {
  const changes = emptyActions();
  if (input.deleted) {
    // A deleted pod is not synced any more: the pod worker terminates it ([8.1], [4.1]).
    const running = Object.values(input.runtime).filter((r) => r?.state === 'running').map((r) => r!.name);
    changes.killPod = running.length > 0;
    changes.why.push(running.length > 0
      ? `[8.1] The pod is being deleted: the pod worker kills it (${running.join(', ')} still running), and nothing starts again [4.1].`
      : '[8.1] The pod is being deleted and nothing runs: the kubelet only reports the final status.');
    return changes;
  }
  if (!input.sandboxReady) return sandboxActions(input, changes);
  const trigger = restartAllTrigger(input);
  if (trigger) {
    changes.restartAllContainers = trigger;
    changes.why.push(`[11.2] ${trigger.container} exited with ${trigger.exitCode}, which its RestartAllContainers rule matches: every container is stopped and removed, one after another (a grace override of 0: no preStop hook, the 2s minimum before SIGKILL), and the next sync starts the pod again from its first init container in the same sandbox.`);
    return changes;
  }

  const initialized = computeInitContainerActions(input, changes);
  if (changes.killPod || !initialized) {
    if (!initialized && !changes.killPod) changes.why.push('[3.1] Init is not complete, so main containers are not considered yet.');
    return changes;
  }

  let keepCount = 0;
  for (let i = 0; i < input.containers.length; i++) { const c = input.containers[i]!;
    const rt = input.runtime[c.name];
    if (!rt || rt.state !== 'running') {
      const decision = shouldStartMain(c, input);
      if (decision.start) {
        changes.containersToStart.push(c.name);
        if (rt?.state === 'unknown') {
          changes.containersToKill.push({ name: c.name, reason: 'Unknown', message: `Container ${c.name} is in an unknown state` });
        }
      }
      explainDecision(changes, c.name, decision);
      continue;
    }
    let restart = restartsOnFailure(input.restartPolicy, c, input.containerRestartRules);
    let reason: 'SpecChanged' | 'LivenessProbe' | 'StartupProbe';
    let message: string;
    if (rt.image !== undefined && rt.image !== c.image) {
      reason = 'SpecChanged';
      message = `Container ${c.name} definition changed`;
      restart = true; // [4.4] a spec-hash change always restarts
    } else if (c.livenessProbe && input.liveness[c.name] === 'failure') {
      reason = 'LivenessProbe';
      message = `Container ${c.name} failed liveness probe`;
    } else if (c.startupProbe && input.startup[c.name] === 'failure') {
      reason = 'StartupProbe';
      message = `Container ${c.name} failed startup probe`;
    } else {
      keepCount++;
      continue;
    }
    if (restart) {
      message += ', will be restarted';
      changes.containersToStart.push(c.name);
    }
    changes.containersToKill.push({ name: c.name, reason, message });
    explain(changes, reason === 'SpecChanged'
      ? `[1.8] ${message}: the kubelet kills it and starts the new spec, whatever the restartPolicy.`
      : `[4.4] ${message}${restart ? '' : '; the restartPolicy is Never, so it stays stopped'}.`, { container: c.name, after: c.name });
  }

  if (keepCount > 0 && changes.why.length === 0) {
    changes.why.push('[0.1] Every container runs as it should: this sync has nothing to kill or start.');
  }
  if (keepCount === 0 && changes.containersToStart.length === 0) {
    changes.killPod = true;
    const sidecars = input.initContainers.filter(isRestartableInit).map((c) => c.name);
    changes.initContainersToStart = [];
    changes.killPodAfter = input.containers.map((c) => c.name);
    changes.why.push(sidecars.length > 0
      ? `[8.1c] Every main container is done and none will restart: the pod is killed, and sidecars (${sidecars.join(', ')}) are not restarted.`
      : '[8.1c] Every main container is done and none will restart: the pod is killed.');
  }
  return changes;
}
