// The pod phase the kubelet writes ([6.1]–[6.6]). Upstream: pkg/kubelet/kubelet_pods.go
// getPhase, called from generateAPIPodStatus with every container status (init and main), the
// pod worker's "is terminal" verdict and HasAnyActiveRegularContainerStarted. Read at the 1.36
// tree (ContainerRestartRules 1.34+, RestartAllContainersOnContainerExits 1.35+) and against
// TestPodPhaseWithRestartAllContainers (kubelet_pods_test.go). Versions ([6.1], [6.2b]), read in the
// stored 1.29-era kubelet_pods.go and the diffs of #126653 (1.32.0) and #128516 (1.33.0):
// 1.28-1.31 count a pending regular init container only while no main container has a Running or
// Terminated status (HasAnyRegularContainerStarted), 1.32 always; up to 1.32 podHasInitialized is
// that status test, from 1.33 a main container of the current sandbox
// (HasAnyActiveRegularContainerStarted). `phaseVersionRules` says which.
//
// Kubernetes, not our docs, decides the details kept here:
// - a sidecar with no status, or waiting without a previous run, keeps the pod Pending even
//   when podHasInitialized is true (it counts as "unknown" / "waiting" upstream);
// - only a main container's *current* Terminated state with code 0 counts as succeeded.

import type { ContainerForStatus, ContainerStatus, SpecForStatus } from '../api';
import { isSidecarSpec } from '../api';
import type { PodPhase } from '../trace';
import { matchingRule } from './restartPolicy';
import { empty } from './scratchList';

export interface PhaseStatuses {
  initContainerStatuses: ContainerStatus[];
  containerStatuses: ContainerStatus[];
}

/** Finds a container's status by name: the first one, init statuses before main ones, like a `find` over both lists. */
export interface StatusIndex {
  get(name: string): ContainerStatus | undefined;
}

/** Indexes the statuses once per decision, so each container's lookup is O(1). */
export function indexStatuses(st: PhaseStatuses): StatusIndex {
  const byName = new Map<string, ContainerStatus>();
  for (const list of [st.initContainerStatuses, st.containerStatuses]) {
    for (const s of list) if (!byName.has(s.name)) byName.set(s.name, s);
  }
  return byName;
}

export interface PhaseOptions {
  /** The pod worker's verdict: deleted (or evicted) and every container stopped ([6.2d]). */
  podIsTerminal: boolean;
  /** Some main container has run in the current sandbox ([6.1]). */
  podHasInitialized: boolean;
  /** ContainerRestartRules (1.34+): each container's own policy and rules decide ([6.6]). */
  containerRestartRules: boolean;
  /** RestartAllContainersOnContainerExits ([11.2]): a stop with reason RestartingAllContainers is a restart. */
  restartAllContainers?: boolean;
  /**
   * Whether getPhase sees a running sidecar's `started`. Up to 1.34 it does not ([6.1]: the status
   * is generated before the prober fills it in), so a running sidecar counts as not started.
   * From 1.35 (KEP-4781, ChangeContainerStatusOnKubeletRestart off) the previous value is kept.
   */
  sidecarStartedVisible?: boolean;
  /**
   * [v1.28-1.31] a pending regular init container keeps the pod Pending only while
   * podHasInitialized is false (the check covered every init container until #126653, 1.32).
   */
  pendingInitOnlyBeforeInitialized?: boolean;
  /** [v1.28-1.32] podHasInitialized came from the statuses (only the wording of the why depends on it). */
  initializedFromStatuses?: boolean;
}

/** What a version's getPhase reads ([6.1], [6.2b]); see the header. */
export interface PhaseVersionRules {
  /** PhaseOptions.pendingInitOnlyBeforeInitialized. */
  pendingInitOnlyBeforeInitialized: boolean;
  /** podHasInitialized is HasAnyRegularContainerStarted over the generated statuses (up to 1.32), not the current sandbox's containers. */
  initializedFromStatuses: boolean;
}

export function phaseVersionRules(minor: number): PhaseVersionRules {
  return { pendingInitOnlyBeforeInitialized: minor >= 28 && minor <= 31, initializedFromStatuses: minor <= 32 };
}

/** HasAnyRegularContainerStarted (CH, up to 1.32 in getPhase): some main container status is Running or Terminated. */
export function anyMainContainerStarted(status: PhaseStatuses): boolean {
  return status.containerStatuses.some((s) => s.state.running !== undefined || s.state.terminated !== undefined);
}

export interface PhaseExplanation {
  phase: PodPhase;
  /** The rule of docs/kubelet-rules.md that decided, e.g. "6.2b". */
  rule: string;
  why: string;
}

/** ContainerShouldRestart (pkg/api/v1/pod/util.go): rules, then the container's policy, then the pod's. */
export function containerShouldRestart(
  podPolicy: SpecForStatus['restartPolicy'],
  c: ContainerForStatus,
  exitCode: number,
): boolean {
  let policy = podPolicy;
  if (c.restartPolicy) {
    if (matchingRule(c, exitCode)?.action === 'Restart') return true;
    policy = c.restartPolicy;
  }
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return exitCode !== 0;
  return false;
}

interface Tally {
  pendingInit: string[];
  pendingSidecars: string[];
  /** Sidecars whose started=true the phase rule cannot see yet ([6.1]). */
  startedUnseen: string[];
  failedInit: string[];
  failedInitFinal: string[];
  unknown: string[];
  running: string[];
  runningSidecars: string[];
  waiting: string[];
  stopped: string[];
  stoppedFinal: string[];
  succeeded: string[];
}

const list = (names: string[]): string => names.join(', ');
/** The names not in `excluded`, in order (a set: a pod may have hundreds of containers). */
const without = (names: string[], excluded: string[]): string[] => {
  const drop = new Set(excluded);
  return names.filter((n) => !drop.has(n));
};
/** "a is" / "a, b are". */
const are = (names: string[]): string => `${list(names)} ${names.length > 1 ? 'are' : 'is'}`;

// [6.6] [6.8] [11.2] a stop counts as a restart when its policy restarts it, when an in-place restart
// removed it (reason RestartingAllContainers), or when its exit matches a RestartAllContainers
// rule (TestPodPhaseWithRestartAllContainers: the pod stays Running while the restart begins).
function wontRestart(spec: SpecForStatus, opts: PhaseOptions, c: ContainerForStatus, code: number, reason?: string): boolean {
  return !(containerShouldRestart(spec.restartPolicy, c, code)
    || (opts.restartAllContainers === true
      && (reason === 'RestartingAllContainers' || (c.restartPolicy !== undefined && matchingRule(c, code)?.action === 'RestartAllContainers'))));
}

/**
 * The one tally, its lists emptied at each call (issue 16: getPhase runs at many status writes,
 * and twelve new lists each time were a good part of a run's garbage). Safe to reuse: explainPhase
 * is not re-entered, and its explanation keeps only strings built from the lists, never a list.
 */
const scratch: Tally = {
  pendingInit: [], pendingSidecars: [], startedUnseen: [], failedInit: [], failedInitFinal: [], unknown: [],
  running: [], runningSidecars: [], waiting: [], stopped: [], stoppedFinal: [], succeeded: [],
};

/** The tally with every list emptied. */
function emptied(t: Tally): Tally {
  for (const key in t) empty(t[key as keyof Tally]);
  return t;
}

function tally(spec: SpecForStatus, opts: PhaseOptions, byName: StatusIndex): Tally {
  const t = emptied(scratch);

  for (let i = 0; i < spec.initContainers.length; i++) { const c = spec.initContainers[i]!;
    const s = byName.get(c.name);
    if (isSidecarSpec(c)) {
      if (!s) { t.unknown.push(c.name); continue; }
      const { running, terminated, waiting } = s.state;
      if (running) {
        const started = opts.sidecarStartedVisible === true && s.started === true;
        if (!started) t.pendingSidecars.push(c.name);
        if (!started && s.started === true) t.startedUnseen.push(c.name);
        t.running.push(c.name);
        t.runningSidecars.push(c.name);
      } else if (terminated || (waiting && s.lastState.terminated)) {
        // [6.3] a stopped sidecar never counts, whatever its exit code
      } else {
        t.pendingSidecars.push(c.name);
        if (waiting) t.waiting.push(c.name); else t.unknown.push(c.name);
      }
      continue;
    }
    if (!s) { t.pendingInit.push(c.name); continue; }
    const last = s.state.terminated ?? (s.state.waiting ? s.lastState.terminated : undefined);
    if (s.state.running || !last) { t.pendingInit.push(c.name); continue; }
    if (last.exitCode === 0) continue;
    t.failedInit.push(c.name);
    if (wontRestart(spec, opts, c, last.exitCode, last.reason)) t.failedInitFinal.push(c.name);
  }

  for (let i = 0; i < spec.containers.length; i++) { const c = spec.containers[i]!;
    const s = byName.get(c.name);
    if (!s) { t.unknown.push(c.name); continue; }
    const { running, terminated, waiting } = s.state;
    if (running) { t.running.push(c.name); continue; }
    const last = terminated ?? (waiting ? s.lastState.terminated : undefined);
    if (!last) {
      if (waiting) t.waiting.push(c.name); else t.unknown.push(c.name);
      continue;
    }
    t.stopped.push(c.name);
    if (opts.containerRestartRules && wontRestart(spec, opts, c, last.exitCode, last.reason)) t.stoppedFinal.push(c.name);
    if (terminated && terminated.exitCode === 0) t.succeeded.push(c.name);
  }
  return t;
}

/** The phase, its rule, and the sentence. */
function explain(phase: PodPhase, rule: string, why: string): PhaseExplanation {
  return { phase, rule, why: `${phase} [${rule}]: ${why}.` };
}

/** [6.2b] the pending regular init containers a 1.28-1.31 getPhase does not count. */
function ignoredPendingInit(t: Tally, opts: PhaseOptions): string[] {
  return opts.pendingInitOnlyBeforeInitialized === true && opts.podHasInitialized ? t.pendingInit : [];
}

function pendingReasons(t: Tally, opts: PhaseOptions, ignoredInit: string[]): string[] {
  const { podHasInitialized } = opts;
  const out: string[] = [];
  if (t.pendingInit.length && !ignoredInit.length) out.push(`regular init container ${list(t.pendingInit)} ${t.pendingInit.length > 1 ? 'have' : 'has'} not completed`);
  if (t.pendingSidecars.length && !podHasInitialized) {
    const unseen = t.startedUnseen.length
      ? ` (${list(t.startedUnseen)} counts as not started here: the status is generated before the prober fills in started, [6.1])`
      : '';
    const noMain = opts.initializedFromStatuses === true
      ? 'no main container status is Running or Terminated (up to 1.32; from 1.33 only the current sandbox counts)'
      : 'no main container has run in this sandbox';
    out.push(`sidecar ${are(t.pendingSidecars)} not started yet and ${noMain}${unseen}`);
  }
  if (t.waiting.length) out.push(`${are(t.waiting)} waiting and never ran`);
  return out;
}

/** The phase and the rule that chose it, with a sentence for the learner. */
export function explainPhase(
  spec: SpecForStatus,
  status: PhaseStatuses,
  opts: PhaseOptions,
  byName: StatusIndex = indexStatuses(status),
): PhaseExplanation {
  const t = tally(spec, opts, byName);

  if (opts.containerRestartRules ? t.failedInitFinal.length > 0 : t.failedInit.length > 0 && spec.restartPolicy === 'Never') {
    const names = opts.containerRestartRules ? t.failedInitFinal : t.failedInit;
    const policy = opts.containerRestartRules ? 'its restart policy ([6.6])' : "the pod's restartPolicy Never";
    return explain('Failed', '6.2a', `regular init container ${list(names)} failed and ${policy} does not retry it`);
  }

  const ignoredInit = ignoredPendingInit(t, opts);
  const pending = pendingReasons(t, opts, ignoredInit);
  const say = ignoredInit.length
    ? (phase: PodPhase, rule: string, why: string): PhaseExplanation => explain(phase, rule,
      `${why}; regular init container ${are(ignoredInit)} not done, but up to 1.31 that counts only before a main container has a status (fixed in 1.32, #126653)`)
    : explain;
  if (pending.length) {
    const note = t.running.length && t.waiting.length ? `, even though ${are(t.running)} running ([6.4])` : '';
    return explain('Pending', '6.2b', pending.join('; ') + note);
  }

  if (t.running.length && !t.unknown.length) {
    const mainsRunning = without(t.running, t.runningSidecars);
    const note = !mainsRunning.length && t.stopped.length
      ? `; the main containers are done but sidecar ${list(t.runningSidecars)} still runs ([6.3])`
      : '';
    return say('Running', '6.2c', `${are(t.running)} running and every container has a status${note}`);
  }

  if (!t.running.length && t.stopped.length && !t.unknown.length) return explainStopped(spec, t, opts, say);

  const why = t.unknown.length ? `${list(t.unknown)} has no state yet` : 'no container has run yet';
  return say('Pending', '6.2e', why);
}

function explainStopped(
  spec: SpecForStatus,
  t: Tally,
  opts: PhaseOptions,
  explain: (phase: PodPhase, rule: string, why: string) => PhaseExplanation,
): PhaseExplanation {
  const allOk = t.stopped.length === t.succeeded.length;
  const failed = without(t.stopped, t.succeeded);
  const outcome = allOk
    ? 'every main container exited 0 (sidecar exit codes are ignored, [6.3])'
    : `main container ${list(failed)} did not succeed`;
  if (opts.podIsTerminal) {
    return explain(allOk ? 'Succeeded' : 'Failed', '6.2d', `the pod is terminal and ${outcome}`);
  }
  if (opts.containerRestartRules) {
    const restarting = without(t.stopped, t.stoppedFinal);
    if (restarting.length) {
      return explain('Running', '6.6', `nothing runs, but ${list(restarting)} will be restarted by its restart policy`);
    }
    return explain(allOk ? 'Succeeded' : 'Failed', '6.6', `nothing will be restarted and ${outcome}`);
  }
  if (spec.restartPolicy === 'Always') {
    return explain('Running', '6.2d', "nothing runs, but the pod's restartPolicy Always restarts every container");
  }
  if (allOk) return explain('Succeeded', '6.2d', outcome);
  if (spec.restartPolicy === 'Never') return explain('Failed', '6.2d', `${outcome} and restartPolicy is Never`);
  return explain('Running', '6.2d', `${outcome} and restartPolicy OnFailure restarts it`);
}

/** getPhase: the phase alone. */
export function getPhase(spec: SpecForStatus, status: PhaseStatuses, opts: PhaseOptions): PodPhase {
  return explainPhase(spec, status, opts).phase;
}

/**
 * Terminal phases are sticky ([6.5]): generateAPIPodStatus keeps a Succeeded/Failed phase it
 * (or the API) already had, whatever getPhase now says.
 */
export function keepTerminalPhase(next: PhaseExplanation, previous: string | undefined, api: string | undefined = previous): PhaseExplanation {
  // generateAPIPodStatus (kubelet_pods.go, 1.2x-era to 1.3x copies): a phase the API shows terminal
  // never changes; a cached terminal phase replaces a non-terminal one only, so a Failed the kubelet
  // set itself (an eviction's status function, [8.15]) gives way to getPhase's Succeeded.
  const kept = isTerminalPhase(api) ? api : isTerminalPhase(previous) && !isTerminalPhase(next.phase) ? previous : undefined;
  if (kept === undefined || next.phase === kept) return next;
  return {
    phase: kept,
    rule: '6.5',
    why: `${kept} [6.5]: the pod already had the terminal phase ${kept}, and terminal phases never change.`,
  };
}

function isTerminalPhase(phase: string | undefined): phase is 'Succeeded' | 'Failed' {
  return phase === 'Succeeded' || phase === 'Failed';
}
