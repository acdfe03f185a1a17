// KEP-5532, RestartAllContainers ([11.2], 1.35α / 1.36β): a matching exit restarts the whole pod
// in place, over two syncs (and the time the kills take):
// 1. The sync that sees the matching exit generates AllContainersRestarting=True with its status
//    (status/generate.go GenerateAllContainersRestartingCondition: ShouldAllContainersRestart and not
//    AllContainersRestartCleanedUp) and hands it to the status manager, which writes it at once; only
//    then does kubelet.go SyncPod call the runtime's SyncPod with restartingAllContainers = true.
//    That one only resets: every container the runtime lists is stopped (a running one: killContainer
//    with a grace override of 0, so no preStop hook, then the 2 s minimum before SIGKILL) and removed,
//    one after another, the containers whose exit matched last. Their API statuses stay (waiting
//    RestartingAllContainers, sim/status.ts).
// 2. The next sync finds none of them in the runtime (AllContainersRestartCleanedUp) and writes the
//    condition False; a normal start-up follows, from the first init container, in the same sandbox.
//    From 1.36 (#136966) SyncPod asks for that sync itself once it removed something; 1.35 waits for a
//    ContainerDied event of a container the reset killed, or else for the periodic resync.
// While the condition is True it stays True (ShouldAllContainersRestart reads the old API status),
// so a kubelet restarted in the window resumes the reset from the written condition.
// A deletion in the True window (session 39, helper "deltrue"; 1.35 with the gate, 1.36, 1.37): the
// reset goes on to its end, as kubelet.go SyncPod hands the runtime's SyncPod
// context.WithoutCancel(ctx) (library id 54300650048; a 1.27-era SyncPod passed context.TODO()), so
// the pod worker's "Cancelling current pod sync" does not reach it, and SyncTerminatingPod runs only
// once that SyncPod has returned (one goroutine per pod). SyncTerminatingPod's two statuses
// (generateAPIPodStatus, then with podIsTerminal) generate the condition again: False once the runtime
// lists none of the containers (AllContainersRestartCleanedUp), then False with reason PodFailed or
// PodCompleted once the phase is terminal (GenerateAllContainersRestartingCondition, library id
// 68698090696, the same generator for a pod terminal by itself or past its activeDeadlineSeconds).
// Read: kubelet.go SyncPod (library id 54300650048, a 1.36+ tree with RequestPodRelist: the status
// set before containerRuntime.SyncPod(…, restartingAllContainers), the requeue on a successful
// RemoveContainer result), status/generate.go GenerateAllContainersRestartingCondition (library id
// 68698090696), killContainer in a 1.3x kuberuntime_container.go (library id 41926215: the override,
// then the preStop hook only when the grace is above 0, then the termination order, then the 2 s
// floor) and the newest stored containerTermination.doTerminate (library id 31018077823, the same
// order). The reset loop itself (kuberuntime_manager.go computePodActions / SyncPod,
// containersToReset) is not in upstream's stored trees: read in a TypeScript port of them (library
// id 54608654456: getContainersToReset, the running ones killed with override 0, each removed before
// the next, the sources last) and in a 1.35/1.36-era fork (rulebook [11.5]); the e2e
// "RestartAllContainersWithKubeletRestarts" (library id 544887411) adds ten containers "so the
// cleanup takes more time", which only a one-after-another reset does.

import type { PodActions } from '../kubelet/podActionsTypes';
import { matchingRule } from '../kubelet/restartPolicy';
import type { Task } from './kernel';
import { killContainer } from './kill';
import { newest } from './model';
import type { Causes, PodSim } from './podSim';
import { RESYNC_INTERVAL, jitteredDelay } from './timing';

/** What the API says of the in-place restart, and how its reset went (PodSim.restartAll). */
export interface RestartAllState {
  /** The event that wrote AllContainersRestarting=True, while the written condition is True. */
  trueId?: string;
  /** How many resets ran under this True (a kubelet restart cut the first short: the next resumes it). */
  resets: number;
  /** 1.35: the last reset killed no running container, so only the periodic resync syncs again. */
  slow: boolean;
  /** The sync in flight is a reset (the runtime's SyncPod with restartingAllContainers): a deletion lets it end. */
  resetting?: boolean;
  /** The condition is in the trace: the engine writes it from its first True (the initial False is left out). */
  shown?: boolean;
  /** The written False's reason (PodFailed, PodCompleted), when it has one. */
  falseReason?: string;
}

/** Whether the runtime still lists a run of the container: not removed by the reset, nor deleted while the kubelet was down. */
function inRuntime(sim: PodSim, name: string): boolean {
  const inst = newest(sim.rec(name));
  return inst !== undefined && !hiddenByRestartAll(sim, name, inst.run) && !sim.removedFromRuntime.has(inst);
}

/**
 * [11.2] GenerateAllContainersRestartingCondition at this sync's status generation: True while
 * ShouldAllContainersRestart holds (a stopped container in the runtime cache matches its
 * RestartAllContainers rule, `trigger`, or the written condition is True) and some container is
 * still in the runtime; False once AllContainersRestartCleanedUp. Writes a change as a
 * `pod.condition` event and returns whether the condition is True, which makes this sync the reset.
 */
export function allContainersRestarting(sim: PodSim, trigger: PodActions['restartAllContainers']): boolean {
  const st = sim.restartAll;
  st.resetting = false;
  if (trigger === undefined && st.trueId === undefined) return false; // written False, no matching exit
  if (sim.deletion !== undefined) return false; // [11.2] not during deletion: SyncTerminatingPod stops the pod
  const cleanedUp = !sim.specs().some((c) => inRuntime(sim, c.name));
  if (!cleanedUp) {
    if (st.trueId === undefined) {
      const triggerExit = sim.rec(trigger!.container).instances.at(-1)?.ids.exit;
      st.trueId = sim.emit({
        type: 'pod.condition', condition: 'AllContainersRestarting', status: 'True', reason: 'RestartAllContainersStarted',
        why: `[11.2] ${trigger!.container} exited with ${trigger!.exitCode}, which matches its RestartAllContainers rule: the pod restarts in place. The kubelet writes AllContainersRestarting=True with this sync's status, before anything is stopped (SyncPod sets the status, then calls the runtime), then stops and removes every container one after another; the next sync writes it False and starts them again.`,
      }, [triggerExit]);
      st.resets = 0;
      st.slow = false;
      st.shown = true;
      st.falseReason = undefined;
    }
    return true;
  }
  if (st.trueId !== undefined) {
    sim.emit({
      type: 'pod.condition', condition: 'AllContainersRestarting', status: 'False',
      why: `[11.2] No container of the pod is left in the runtime (AllContainersRestartCleanedUp): this sync writes AllContainersRestarting=False, and a normal start-up follows, from the first init container; the sandbox, IP and volumes are kept.${st.slow ? ' In 1.35 nothing but the pod worker\'s periodic resync (or a probe result\'s change) asks for this sync: no other container was running, so the reset killed none and made no ContainerDied event, and the kubelet ignores ContainerRemoved (fixed in 1.36, kubernetes#136966).' : ''}`,
    }, [st.trueId]);
    st.trueId = undefined;
    st.falseReason = undefined;
  }
  return false;
}

/**
 * The reset's order (getContainersToReset): every container the runtime lists, init containers
 * (sidecars included) then main containers in spec order, the ones whose exit matched a
 * RestartAllContainers rule (the sources) last.
 */
function resetOrder(sim: PodSim): string[] {
  const targets: string[] = [];
  const sources: string[] = [];
  for (const spec of sim.specs()) {
    if (!inRuntime(sim, spec.name)) continue;
    const inst = newest(sim.rec(spec.name))!;
    const source = inst.state === 'exited' && matchingRule(spec, inst.exitCode ?? 0)?.action === 'RestartAllContainers';
    (source ? sources : targets).push(spec.name);
  }
  return [...targets, ...sources];
}

/** RemoveContainer: every run of the container leaves the runtime (its API status stays). */
function removeFromRuntime(sim: PodSim, name: string): void {
  sim.hiddenBelow.set(name, sim.rec(name).instances.length);
  sim.restartAllCount++; // every reader of the runtime and the statuses looks again
}

/**
 * [11.2] The runtime's SyncPod with restartingAllContainers = true: each container the runtime
 * lists is stopped (the ones the sync's snapshot, `seenRunning`, shows running) and removed before
 * the next; then the next sync is asked for (1.36+) or left to the kills' ContainerDied events or
 * the periodic resync (1.35).
 */
export function* restartAllContainers(sim: PodSim, seenRunning: ReadonlySet<string>): Task {
  const state = sim.restartAll;
  const resumed = state.resets > 0;
  state.resets++;
  state.resetting = true;
  const cause = state.trueId === undefined ? [] : [state.trueId];
  const why = `[11.2] The in-place restart stops the pod's containers one after another${resumed ? ', resumed by this kubelet from the written AllContainersRestarting=True (ShouldAllContainersRestart reads the old API status)' : ''}: killContainer with a grace override of 0 runs no preStop hook and gives the 2s minimum before SIGKILL [8.5]; the container is then removed from the runtime, before the next one.`;
  let killed = 0;
  for (const name of resetOrder(sim)) {
    if (seenRunning.has(name)) {
      killed++;
      yield* killContainer(sim, name, 'RestartAllContainers', 0, false, why, cause, true);
    }
    removeFromRuntime(sim, name);
  }
  // [11.2] The start-up is the next sync's. 1.35 syncs again only on a ContainerDied event (a
  // container this reset killed) or the periodic resync (completeWork: resyncInterval, jittered);
  // from 1.36 (#136966) SyncPod asks for the sync itself after a successful RemoveContainer.
  state.resetting = false;
  state.slow = slowStartUp(sim, killed);
  if (state.slow) sim.worker.requeueAt(sim.now + jitteredDelay(RESYNC_INTERVAL, sim.scenario.sim.requeueJitter));
  else sim.requestSync(); // (dropped for a deleted pod: its worker turns to SyncTerminatingPod)
}

/**
 * [11.2] The sync in flight is a reset. kubelet.go SyncPod runs the runtime's SyncPod on
 * context.WithoutCancel(ctx) (library id 54300650048, a 1.36+ tree; 1.27-era trees: context.TODO()),
 * so a deletion's "Cancelling current pod sync" (pod_workers.go UpdatePod) does not cut the reset
 * short: every container is still stopped with the override 0 and removed, and SyncTerminatingPod
 * follows once SyncPod has returned (terminate.ts deletePod waits for it).
 */
export function resetInFlight(sim: PodSim): boolean {
  const st = sim.restartAll;
  return st.resetting === true && st.trueId !== undefined && sim.worker.syncing && !sim.terminalDone;
}

/**
 * [11.2] GenerateAllContainersRestartingCondition at one of SyncTerminatingPod's two statuses (kubelet.go
 * SyncTerminatingPod: generateAPIPodStatus before the kill, then with podIsTerminal once everything
 * stopped; library id 54300650048), after writeStatus: a terminal phase gives False with reason
 * PodFailed or PodCompleted; else the written True stays while some container is still in the runtime
 * (ShouldAllContainersRestart reads it; not AllContainersRestartCleanedUp) and turns False once none
 * is. Only a condition already in the trace is written again (the engine leaves out the initial
 * False). Not modelled: a True first written here, for a pod deleted between a matching exit and the
 * sync that would see it (the TypeScript port of ShouldAllContainersRestart, library id 54527489397,
 * has no deletionTimestamp check; upstream's own helpers.go with it is not stored).
 */
export function restartingAtTermination(sim: PodSim, cause: Causes): void {
  const st = sim.restartAll;
  if (!st.shown || sim.apiRemovedAt !== undefined) return; // [8.2] no pod object to write to
  const phase = sim.status.api.phase;
  const reason = phase === 'Failed' ? 'PodFailed' : phase === 'Succeeded' ? 'PodCompleted' : undefined;
  if (reason === undefined && st.trueId !== undefined && sim.specs().some((c) => inRuntime(sim, c.name))) return; // stays True
  if (st.trueId === undefined && st.falseReason === reason) return; // written as it is
  const was = st.trueId;
  const why = reason !== undefined
    ? `[11.2] The pod is ${phase}: GenerateAllContainersRestartingCondition writes AllContainersRestarting=False with reason ${reason}, whatever the containers, at SyncTerminatingPod's status once everything has stopped.`
    : `[11.2] SyncTerminatingPod's first status: no container of the pod is left in the runtime (a reset under way at the deletion runs to its end first: the deletion does not cancel the runtime's SyncPod), so AllContainersRestartCleanedUp holds and AllContainersRestarting is written False; nothing starts again, as the pod is terminating.`;
  sim.emit(reason === undefined
    ? { type: 'pod.condition', condition: 'AllContainersRestarting', status: 'False', why }
    : { type: 'pod.condition', condition: 'AllContainersRestarting', status: 'False', reason, why }, [was, ...cause]);
  st.trueId = undefined;
  st.falseReason = reason;
}

/** [11.2] 1.35 only: the reset killed no running container, so nothing but the resync syncs the pod again. */
function slowStartUp(sim: PodSim, killed: number): boolean {
  return sim.minor === 35 && killed === 0;
}

/**
 * ShouldAllContainersRestart(pod, nil, &status) as worker.go doProbe asks it (1.35+, behind
 * ContainerRestartRules and RestartAllContainersOnContainerExits; [5.12], [11.2]): with no runtime
 * status it reads only the status manager's copy, the written status: AllContainersRestarting=True
 * is written (`trueId`), or some init or main container's written status is Terminated with an exit
 * code whose first matching rule is RestartAllContainers. Read in a TypeScript port of
 * pkg/kubelet/container/helpers.go (library id 54527489397; upstream's own helpers.go with it is not
 * stored): the condition first, then every container's API status, no deletion check.
 */
export function shouldAllContainersRestart(sim: PodSim): boolean {
  if (sim.restartAll.trueId !== undefined) return true;
  return sim.specs().some((spec) => {
    const terminated = sim.status.statusOf(spec.name)?.state.terminated;
    return terminated !== undefined && matchingRule(spec, terminated.exitCode)?.action === 'RestartAllContainers';
  });
}

/** Whether an instance was removed from the runtime by an in-place restart. */
export function hiddenByRestartAll(sim: PodSim, name: string, run: number): boolean {
  return sim.hiddenBelow.size > 0 && run < (sim.hiddenBelow.get(name) ?? 0); // by run index (Instance.run): hiddenBelow is a count of runs
}
