// What the kubelet does next, with times (issue 14): computePodActions on the object
// (KR/kuberuntime_manager.go computePodActions, as `sim actions` reads it), then a time for each
// step: a crashed container restarts at lastState.terminated.finishedAt + its back-off ([4.5]–[4.7];
// the kubelet notices up to ~15 s late before 1.35, and from 1.35 up to half the wait left late,
// [4.6]); a pending startup probe gives up at
// its threshold ([5.4], [5.5], [2.4]); a deleted pod's containers are SIGKILLed when the grace
// period ends ([8.1], [8.5]), and one still being created may start first ([3.4]).

import type { ContainerStatus } from '../api';
import type { LoadedPod } from '../apiPod/loadPods';
import { pastDeadline } from '../apiPod/podDeadline';
import { toActionsInput } from '../apiPod/toActionsInput';
import { computePodActions } from '../kubelet/computePodActions';
import { goSeconds } from '../kubelet/goDuration';
import { minor } from '../version';
import { backoffForRestart, backoffFromMessage } from './backoffDelay';
import { nodeLostSigns } from './nodeLost';
import { inPlaceTriggers, RESTARTING_ALL, restartAllSteps } from './restartRules';
import type { ExplainSettings, NextStep, PodExtras } from './types';

type Pod = LoadedPod & { extras: PodExtras };

const statusOf = (p: Pod, name: string): ContainerStatus | undefined =>
  [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses].find((s) => s.name === name);

function lateNote(settings: ExplainSettings): string {
  return minor(settings.version) >= 35
    ? ' The kubelet wakes up for it when the back-off ends, or a little later: its requeue waits a random 1 to 1.5 times the back-off left at its last look [4.6].'
    : ' Before 1.35 the kubelet notices up to about 15 s later [4.6].';
}

/** When a container the plan starts actually starts. */
function startStep(name: string, p: Pod, settings: ExplainSettings, now: number, planWhy: string): NextStep {
  const s = statusOf(p, name);
  const last = s?.state.terminated ?? s?.lastState.terminated;
  const waitingReason = s?.state.waiting?.reason;
  if (waitingReason === 'ErrImageNeverPull') {
    // [10.2] EnsureImageExists' Never branch (images/image_manager.go 00a3928b, cfce511e, a 1.34/1.35-era
    // copy): no pull and no pull back-off; every sync fails the same way until the image is on the node.
    return { container: name, action: 'start', at: null, why: `Starts only once its image is on the node: its imagePullPolicy is Never, so the kubelet never pulls it (load it onto the node, e.g. \`kind load docker-image\` or \`minikube image load\`); until then each try, about every 10-15 s, fails with ErrImageNeverPull [10.2]. ${planWhy}` };
  }
  if (waitingReason === 'InvalidImageName') {
    // [10.11] EnsureImageExists' applyDefaultImageTag refuses the name before any pull: every sync fails the same way.
    return { container: name, action: 'start', at: null, why: `Never starts while the spec keeps this image: the kubelet cannot parse the name, so it never pulls it, and each try, about every 10-15 s, fails with InvalidImageName [10.11]. A Pod's image can be changed in place (kubectl set image), and the next sync starts the container with the new name. ${planWhy}` };
  }
  if (waitingReason === 'ErrImagePull' || waitingReason === 'ImagePullBackOff') {
    return { container: name, action: 'start', at: null, why: `Starts once its image pull succeeds; the pull is retried with its own back-off, 10 s doubling to 5 min [10.2]. ${planWhy}` };
  }
  if (waitingReason === RESTARTING_ALL) {
    // [11.2] The in-place restart removed it: the runtime has no container of that name, so the
    // sync after the reset starts it (computePodActions: no status, start it; no crash back-off is
    // read from a container that is gone).
    return { container: name, action: 'start', at: now, why: 'Starts at the next sync: the in-place restart removed it, and the kubelet starts every removed container again, in the usual order [11.2].' };
  }
  if (!s || !last || last.finishedAt === undefined) {
    return { container: name, action: 'start', at: now, why: `Starts at the next sync. ${planWhy}` };
  }
  const printed = waitingReason === 'CrashLoopBackOff' ? backoffFromMessage(s.state.waiting?.message) : undefined;
  const ranFor = last.startedAt === undefined ? undefined : last.finishedAt - last.startedAt;
  const estimate = backoffForRestart(s.restartCount, settings.gates, settings.maxContainerRestartPeriod, ranFor);
  const delay = printed ?? estimate.delay;
  const source = printed !== undefined
    ? `the kubelet's CrashLoopBackOff message says back-off ${goSeconds(printed)} [10.2]${printed !== estimate.delay ? ` (the restart count alone would give ${estimate.delay}s)` : ''}`
    : estimate.why;
  const at = last.finishedAt + delay;
  const due = at <= now ? ' That time has passed: it starts at the next sync.' : '';
  return {
    container: name, action: 'start', at: Math.max(at, now),
    why: `Restarts ${delay}s after its last exit: ${source}.${due}${delay > 0 ? lateNote(settings) : ''} ${planWhy}`.trim(),
  };
}

function waitReason(name: string, p: Pod): string {
  const { spec, status } = p.pod;
  const initIndex = spec.initContainers.findIndex((c) => c.name === name);
  const before = initIndex < 0 ? spec.initContainers : spec.initContainers.slice(0, initIndex);
  for (const c of before) {
    const s = status.initContainerStatuses.find((x) => x.name === c.name);
    if (c.restartPolicy === 'Always') {
      if (s?.started !== true) return `Waits until the sidecar ${c.name} is started [2.1] [2.2].`;
    } else if (s?.state.terminated?.exitCode !== 0) {
      return `Waits until ${c.name} exits with code 0 [2.1].`;
    }
  }
  return initIndex < 0 ? 'Waits until init is complete [3.1].' : 'Waits for its turn [2.1].';
}

function startupProbeStep(name: string, p: Pod, s: ContainerStatus): NextStep | undefined {
  const timing = p.extras.startupProbes[name];
  const startedAt = s.state.running?.startedAt;
  if (!timing || s.started === true || startedAt === undefined) return undefined;
  const at = startedAt + timing.initialDelaySeconds + timing.failureThreshold * timing.periodSeconds;
  return {
    container: name, action: 'kill', at,
    why: `If its startup probe has not passed by then (initialDelaySeconds ${timing.initialDelaySeconds} + failureThreshold ${timing.failureThreshold} × periodSeconds ${timing.periodSeconds} after it started; the probe worker ticks from its own creation, so within a period of this) the kubelet kills it with reason StartupProbe and restarts it [5.4] [5.5] [2.4].`,
  };
}

/** A deletion deadline this long past with a container still shown running means the kubelet has not reported since (its stop and status write take seconds, [8.5] [8.10]). */
const OVERDUE_SECONDS = 30;

/**
 * Why a running container of a deleted pod may not be stopped at all: the deadline is long past
 * (`overdue` seconds) or the object shows the node stopped reporting ([7.6]); empty otherwise.
 */
function unreportedWords(name: string, overdue: number, nodeLost: boolean): string {
  if (overdue <= OVERDUE_SECONDS && !nodeLost) return '';
  const when = overdue > OVERDUE_SECONDS ? `That time passed ${goSeconds(Math.round(overdue))} ago and the object still shows ${name} running: the kubelet has not reported since` : `The object says its node stopped reporting [7.6]: the kubelet there`;
  return ` ${when}${overdue > OVERDUE_SECONDS ? ', and may never have seen the deletion (its node unreachable, or the kubelet down)' : ' may never see the deletion'}, so nothing says ${name} has stopped. The pod stays Terminating until that kubelet reports again or the pod is force-deleted (kubectl delete pod --force --grace-period=0, [8.2]).`;
}

function deletedSteps(p: Pod, now: number): NextStep[] {
  const deadline = p.pod.deletionTimestamp!;
  const nodeLost = nodeLostSigns(p.pod).length > 0;
  const out: NextStep[] = [];
  for (const c of [...p.pod.spec.initContainers, ...p.pod.spec.containers]) {
    const s = statusOf(p, c.name);
    if (s?.state.running) {
      const hook = p.extras.preStops?.[c.name];
      const first = hook === undefined
        ? 'the stop signal has been sent (sidecars get theirs after the main containers stop, in reverse order [8.4])'
        : `its ${hook} preStop hook runs first, bounded by the grace period, and the stop signal follows when it returns [8.3]${c.restartPolicy === 'Always' ? ' and its turn comes, after the main containers [8.4]' : ''}`;
      out.push({
        container: c.name, action: 'kill', at: deadline,
        why: `The pod is being deleted: ${first}; whatever still runs when the grace period ends, at deletionTimestamp, is SIGKILLed [8.1] [8.5].${unreportedWords(c.name, now - deadline, nodeLost)}`,
      });
    } else if (s?.state.waiting?.reason === 'ContainerCreating') {
      // [3.4] the runtime's SyncPod runs on a context the deletion does not cancel (kubelet.go SyncPod,
      // 1.27-1.37): a sync that was pulling or creating this container when the pod was deleted
      // still starts it. The object does not say whether one was.
      out.push({
        container: c.name, action: 'wait', at: null,
        why: 'The pod is being deleted. If the kubelet\'s sync was already pulling or creating this container when the deletion came, it still starts it (a deletion does not cancel the sync under way, so an image pull runs to its end and the pod stays Terminating meanwhile), then stops it with the pod; otherwise it never starts [3.4] [4.1] [8.8].',
      });
    } else {
      out.push({ container: c.name, action: 'wait', at: null, why: 'The pod is being deleted, so nothing starts again [4.1] [8.8].' });
    }
  }
  return out;
}

/** Past spec.activeDeadlineSeconds: the kubelet fails the pod and stops what runs ([13.2], [13.3]). */
function deadlineSteps(p: Pod, now: number, grace: number): NextStep[] {
  return [...p.pod.spec.initContainers, ...p.pod.spec.containers].map((c): NextStep => (statusOf(p, c.name)?.state.running
    ? {
      container: c.name, action: 'kill', at: now,
      why: `The pod is past its activeDeadlineSeconds: the kubelet has failed it (DeadlineExceeded) and stops what runs with the spec's ${grace}s grace, a sidecar after the main containers [13.3] [8.4]; the stop signal at the next sync if not sent yet, SIGKILL at the end of the grace [8.5]. The API shows the pod Failed only once nothing runs [13.2].`,
    }
    : { container: c.name, action: 'wait', at: null, why: 'The pod is past its activeDeadlineSeconds, so nothing starts again [13.3].' }));
}

export function nextSteps(p: Pod, settings: ExplainSettings, now: number): NextStep[] {
  if (p.pod.status.phase === 'Succeeded' || p.pod.status.phase === 'Failed') {
    if (p.pod.deletionTimestamp === undefined) {
      return [...p.pod.spec.initContainers, ...p.pod.spec.containers].map((c) => ({
        container: c.name, action: 'wait' as const, at: null,
        why: statusOf(p, c.name)?.state.running
          ? `The pod is ${p.pod.status.phase}, a terminal phase: nothing runs again [6.5]. The object still shows ${c.name} running, but the kubelet writes a terminal phase only once nothing can run (mergePodStatus holds it back until then, [6.5] [13.2]): this container status is older than the phase, and ${c.name} has stopped.`
          : `The pod is ${p.pod.status.phase}, a terminal phase: nothing runs again [6.5].`,
      }));
    }
  }
  if (p.pod.deletionTimestamp !== undefined) return deletedSteps(p, now);
  const deadline = pastDeadline(p, now);
  if (deadline) return deadlineSteps(p, now, deadline.grace);
  const input = toActionsInput(p, {
    containerRestartRules: settings.gates.ContainerRestartRules, minor: minor(settings.version), sidecarContainers: settings.gates.SidecarContainers,
  });
  if (settings.gates.RestartAllContainersOnContainerExits) {
    // [11.2] A container written Waiting RestartingAllContainers is no longer in the runtime (the
    // reset removed it; its last state, 1.36+, is the kubelet's marker, not a run): upstream's
    // computePodActions finds no status for it and starts it (ShouldContainerBeRestarted).
    for (const s of [...p.pod.status.initContainerStatuses, ...p.pod.status.containerStatuses]) {
      if (s.state.waiting?.reason === RESTARTING_ALL) delete input.runtime[s.name];
    }
  }
  const actions = computePodActions({ ...input, restartAllContainers: settings.gates.RestartAllContainersOnContainerExits });
  const inPlace = restartAllSteps(p, settings, now, actions.restartAllContainers);
  if (inPlace) return inPlace;
  // The plan files its reason under each container it decides about (actionReasons.ts).
  const planWhy = (name: string) => actions.reasons[name]?.text ?? actions.why[0] ?? '';
  const steps = new Map<string, NextStep>();
  if (actions.killPod) {
    for (const c of [...p.pod.spec.initContainers, ...p.pod.spec.containers]) {
      if (statusOf(p, c.name)?.state.running) steps.set(c.name, { container: c.name, action: 'kill', at: now, why: `Killed at the next sync. ${actions.why.join(' ')}` });
    }
  }
  for (const k of actions.containersToKill) steps.set(k.name, { container: k.name, action: 'kill', at: now, why: `${k.message}. ${planWhy(k.name)}` });
  for (const name of [...actions.initContainersToStart, ...actions.containersToStart]) {
    if (!steps.has(name)) steps.set(name, startStep(name, p, settings, now, planWhy(name)));
  }
  const out: NextStep[] = [];
  for (const c of [...p.pod.spec.initContainers, ...p.pod.spec.containers]) {
    const planned = steps.get(c.name);
    if (planned) {
      out.push(planned);
      continue;
    }
    const s = statusOf(p, c.name);
    if (s?.state.running) {
      const probe = startupProbeStep(c.name, p, s);
      if (probe) out.push(probe);
      continue;
    }
    if (s?.state.terminated && c.restartPolicy !== 'Always' && p.pod.spec.initContainers.includes(c) && s.state.terminated.exitCode === 0) continue;
    if (s?.state.terminated && p.pod.spec.containers.includes(c)) {
      const why = actions.why.find((w) => w.includes(`container ${c.name} exited`)) ?? '[4.1] It stays stopped.';
      const others = inPlaceTriggers(p, settings.gates).filter((n) => n !== c.name); // a stopped trigger exits no more
      const inPlace = others.length === 0 ? '' : ` Only an in-place restart starts it again: when ${others.join(' or ')} exits with a code its RestartAllContainers rule lists, the kubelet restarts every container [11.2].`;
      out.push({ container: c.name, action: 'wait', at: null, why: `Not started again. ${why}${inPlace}` });
      continue;
    }
    out.push({ container: c.name, action: 'wait', at: null, why: waitReason(c.name, p) });
  }
  return out;
}
