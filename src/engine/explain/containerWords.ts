// Each container's state in words ([2.1], [2.2], [4.5], [5.6], [10.1]–[10.3]): what the status
// shows and what it means for the containers after it; a terminal pod's container with no status
// says why none will come ([6.5]).

import type { ContainerStatus } from '../api';
import type { LoadedPod } from '../apiPod/loadPods';
import type { ContainerExplanation, ContainerKind, ExplainSettings, PodExtras } from './types';
import { formatRfc3339 } from '../apiPod/time';
import { START_ERROR_REASON } from '../sim/process';
import { inPlaceLastWords, RESTARTING_ALL, restartingAllWords, ruleWords } from './restartRules';

const at = (t: number | undefined): string => (t === undefined ? '' : ` at ${formatRfc3339(t)}`);

function exitText(t: NonNullable<ContainerStatus['state']['terminated']>): string {
  const reason = t.reason ? ` (${t.reason})` : '';
  return `exit code ${t.exitCode}${reason}${at(t.finishedAt)}`;
}

/** The longest pull error the words quote; a longer one ends in "…". */
export const MAX_QUOTED_PULL_ERROR = 300;

/**
 * The failed pull's error in a Waiting message: ErrImagePull's message is the error itself; from
 * 1.32 ImagePullBackOff's is `Back-off pulling image "X": <ErrName>: <error>` ([10.9], #127918),
 * before 1.32 the back-off alone (no error to quote).
 */
export function pullError(reason: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const error = reason === 'ErrImagePull' ? message : /^Back-off pulling image "[^"]*": \w+: ([\s\S]+)$/.exec(message)?.[1];
  if (error === undefined || error.trim() === '') return undefined;
  return error.length > MAX_QUOTED_PULL_ERROR ? `${error.slice(0, MAX_QUOTED_PULL_ERROR - 1)}…` : error;
}

function waitingWords(name: string, kind: ContainerKind, s: ContainerStatus, p: LoadedPod): string {
  const reason = s.state.waiting?.reason ?? '';
  const last = s.lastState.terminated;
  if (reason === RESTARTING_ALL) return restartingAllWords(name, s, p);
  if (reason === 'CrashLoopBackOff' && last?.reason === START_ERROR_REASON) {
    return `${name} never ran: the runtime refused its last start (${exitText(last)}; a command the image does not have, for one), and it waits out its restart back-off, ${s.restartCount} restart${s.restartCount === 1 ? '' : 's'} so far [3.5] [4.5] [10.2].`;
  }
  if (reason === 'RunContainerError') {
    return `${name} never ran: the runtime refused its start${last ? ` (${exitText(last)})` : ''}, so the kubelet shows RunContainerError until the next start, which its restart policy and back-off decide [3.5] [10.2].`;
  }
  if (reason === 'CrashLoopBackOff') {
    const restarts = `${s.restartCount} restart${s.restartCount === 1 ? '' : 's'} so far`;
    if (last?.exitCode === 0) {
      // [4.1] Always restarts any exit, and doBackOff reads no exit code: a clean exit backs off like a crash.
      return `${name} exited cleanly (last ${exitText(last)}) and is restarted anyway: its restart policy restarts it whatever the exit code, with the same back-off as after a crash, and it waits that back-off out, ${restarts} [4.1] [4.5] [10.2].`;
    }
    return `${name} crashed and waits out its restart back-off: last ${last ? exitText(last) : 'exit unknown'}, ${restarts} [4.5] [10.2].`;
  }
  if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') {
    const error = pullError(reason, s.state.waiting?.message);
    return `${name} cannot start: the image pull failed${error === undefined ? '' : ` ("${error}")`}, and the kubelet retries it with its own back-off [10.2] [10.9].`;
  }
  if (reason === 'PodInitializing' || reason === 'ContainerCreating' || reason === '') {
    const who = kind === 'main' ? 'the init containers to finish' : 'the init containers before it';
    return last
      ? `${name} has run before (last ${exitText(last)}) and is not running now.`
      : `${name} has not been created yet: it waits for ${reason === 'ContainerCreating' ? 'its sandbox, volumes and image' : who} [10.1] [2.1].`;
  }
  return `${name} is waiting with reason ${reason}: the last start failed that way, and the kubelet retries it [10.2].`;
}

function runningWords(name: string, kind: ContainerKind, s: ContainerStatus, extras: PodExtras): string {
  const since = at(s.state.running?.startedAt).replace(' at ', ' since ');
  if (kind === 'init') {
    return `${name} is running${since}: the next container waits until it exits with code 0 [2.1].`;
  }
  if (kind === 'sidecar') {
    if (s.started !== true) {
      const probe = extras.startupProbes[name]
        ? 'its startup probe has not passed'
        : 'the kubelet has not yet marked it started (it has no startup probe, so it will at the next status update)';
      return `${name} (a sidecar) is running but not started: ${probe}, so the next container waits [2.2] [5.6].`;
    }
    return `${name} (a sidecar) is running and started${since}, so the containers after it may start [2.2]; ${s.ready ? 'it is ready' : 'it is not ready, which keeps the pod out of Ready but blocks nothing [7.4]'}.`;
  }
  if (s.started === false) return `${name} is running${since} but not started: its startup probe has not passed, so liveness and readiness probes wait [5.3].`;
  return `${name} is running${since} and ${s.ready ? 'ready' : 'not ready (its readiness probe has not passed) [5.6]'}.`;
}

function terminatedWords(name: string, kind: ContainerKind, s: ContainerStatus, p: LoadedPod, extras: PodExtras): string {
  const t = s.state.terminated!;
  if (kind === 'init') {
    if (t.exitCode === 0 && t.reason === 'OOMKilled') {
      // isInitContainerFailed reads the reason first (#104650); getPhase the exit code only (#116676).
      return `${name} was OOMKilled though it exited 0 (${exitText(t)}): the kubelet counts it as failed, so the containers after it never start; it is restarted with back-off unless the restartPolicy is Never, where the pod stays Pending for good [2.5].`;
    }
    return t.exitCode === 0
      ? `${name} completed (${exitText(t)}): done; it runs again only if the sandbox is recreated [2.1] [2.9].`
      : `${name} failed (${exitText(t)}): the kubelet restarts it with back-off unless the restartPolicy is Never [2.5].`;
  }
  const killed = sigkillWords(kind, t, p, extras);
  if (kind === 'sidecar') return `${name} (a sidecar) stopped (${exitText(t)})${killed}; a sidecar's exit code never decides the phase [6.3].`;
  return `${name} stopped (${exitText(t)})${killed}.`;
}

/**
 * Exit 137 without OOMKilled is 128 + SIGKILL ([8.6]). When it came one grace period after the
 * kubelet began the stop, it is the kill at the grace's end ([8.5]): a process that does not stop
 * on its stop signal (a shell or `sleep` as PID 1 drops SIGTERM). The stop begins at the deletion
 * (deletionTimestamp minus its grace), or for a sidecar when the last main container exited.
 */
function sigkillWords(kind: ContainerKind, t: NonNullable<ContainerStatus['state']['terminated']>, p: LoadedPod, extras: PodExtras): string {
  if (t.exitCode !== 137 || t.reason === 'OOMKilled') return '';
  // A force deletion's 0 is no grace to the kubelet, which gives the spec's ([8.2]).
  const grace = extras.deletionGracePeriodSeconds || extras.terminationGracePeriodSeconds;
  const deletion = p.pod.deletionTimestamp;
  const stopBegan = deletion !== undefined && extras.deletionGracePeriodSeconds !== undefined ? deletion - extras.deletionGracePeriodSeconds
    : kind === 'sidecar' ? mainContainersEnd(p) : undefined;
  const afterGrace = stopBegan !== undefined && t.finishedAt !== undefined && t.finishedAt - stopBegan >= grace - 1 && t.finishedAt - stopBegan <= grace + 3;
  return afterGrace
    ? `: 137 is 128 + SIGKILL, ${t.finishedAt! - stopBegan!} s after its stop began: it did not stop on its stop signal and was killed when the ${grace} s grace ran out [8.5] [8.6]`
    : ': 137 is 128 + SIGKILL, the kill at the end of a grace period or another process\'s [8.6]';
}

/** When the last main container exited, if every one has (the moment a pod's sidecars begin to stop, [8.1]). */
function mainContainersEnd(p: LoadedPod): number | undefined {
  let end: number | undefined;
  for (const c of p.pod.spec.containers) {
    const finished = p.pod.status.containerStatuses.find((s) => s.name === c.name)?.state.terminated?.finishedAt;
    if (finished === undefined) return undefined;
    end = end === undefined ? finished : Math.max(end, finished);
  }
  return end;
}

/**
 * Whether status.message is the kubelet's admission rejection: rejectPod writes a status of its own,
 * phase Failed, the admit handler's reason and "Pod was rejected: " + its message (kubelet.go
 * rejectPod, the stored 1.3x copy, search-index file 12114237; older kubelets wrote "Pod " + the
 * message, e.g. the eviction manager's Admit: "The node had condition: [DiskPressure]. ", reason
 * Evicted, in the stored eviction_manager.go at 0239cd73).
 */
export function isAdmissionRejection(message: string | undefined): boolean {
  return message !== undefined && /^Pod (was rejected: |The node had condition: )/.test(message);
}

/**
 * A container with no status. While the pod runs the kubelet has not reported it yet ([10.1]); in a
 * terminal pod nothing will report it ([6.5]): the pod was rejected at admission (rejectPod's status
 * holds no container statuses, every version) or evicted by a kubelet that replaced the whole status
 * (up to 1.21 evictPod built `v1.PodStatus{Phase: Failed, Reason: "Evicted", Message}` and killPodNow's
 * PodStatusFunc returned it as the pod's status: eviction_manager.go at 5ff739ee and the stored
 * killPodNow copies; from 1.22 evictPod's statusFn only edits the status generateAPIPodStatus made,
 * which lists every container, as in the stored copies read up to 0239cd73).
 */
function noStatusWords(name: string, p: LoadedPod, extras: PodExtras): string {
  const { phase, reason } = p.pod.status;
  if (phase !== 'Failed' && phase !== 'Succeeded') return `${name} has no status yet: the kubelet has not reported it [10.1].`;
  if (phase === 'Failed' && isAdmissionRejection(extras.statusMessage)) {
    return `${name} has no status: the kubelet rejected the pod at admission${reason ? ` (${reason})` : ''} and never created its containers; the rejection's status holds only the phase Failed, the reason and "Pod was rejected: …", and the kubelet runs none of them [6.5].`;
  }
  if (phase === 'Failed' && reason === 'Evicted') {
    return `${name} has no status: the pod was evicted before (or without) the kubelet reporting it; a kubelet older than 1.22 replaced an evicted pod's whole status with its phase, reason and message, so no container status is left, and nothing runs again [6.5].`;
  }
  return `${name} has no status: the pod is ${phase} and the kubelet never reported this container; it runs none of the pod's containers again [6.5].`;
}

/**
 * Each container's words. `gates` (the explanation's settings) adds what the restart features of
 * 1.34-1.37 say ([11.1] a Never container's restartPolicyRules, [11.2] an in-place restart's marks);
 * without it, the words of a pod with neither.
 */
export function containerExplanations(p: LoadedPod, extras: PodExtras, gates?: ExplainSettings['gates']): ContainerExplanation[] {
  const { spec, status } = p.pod;
  const out: ContainerExplanation[] = [];
  const specs = [...spec.initContainers, ...spec.containers];
  const add = (name: string, kind: ContainerKind, s: ContainerStatus | undefined) => {
    if (!s) {
      out.push({ name, kind, state: 'none', restartCount: 0, words: noStatusWords(name, p, extras) });
      return;
    }
    const state = s.state.running ? 'running' : s.state.terminated ? 'terminated' : 'waiting';
    const reason = s.state.waiting?.reason ?? s.state.terminated?.reason;
    let words = state === 'running' ? runningWords(name, kind, s, extras)
      : state === 'terminated' ? terminatedWords(name, kind, s, p, extras) : waitingWords(name, kind, s, p);
    if (gates) {
      const c = specs.find((x) => x.name === name);
      const rules = c && kind !== 'sidecar' ? ruleWords(p, c, s, gates) : undefined;
      const inPlace = reason === RESTARTING_ALL ? undefined : inPlaceLastWords(s);
      words = [words, rules, inPlace].filter((w) => w !== undefined).join(' ');
    }
    out.push({ name, kind, state, ...(reason ? { reason } : {}), restartCount: s.restartCount, words });
  };
  for (const c of spec.initContainers) {
    add(c.name, c.restartPolicy === 'Always' ? 'sidecar' : 'init', status.initContainerStatuses.find((s) => s.name === c.name));
  }
  for (const c of spec.containers) add(c.name, 'main', status.containerStatuses.find((s) => s.name === c.name));
  return out;
}
