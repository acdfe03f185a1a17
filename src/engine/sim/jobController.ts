// The Job controller on the node's clock ([16]): it creates the Job's pods on the shared node,
// watches them finish, and decides as upstream's syncJob does (pkg/controller/job/
// job_controller.go syncJob, manageJob, isPodFailed, onlyReplaceFailedPods, pastBackoffLimitOnFailure,
// newFailureCondition/delayTerminalCondition, deleteActivePods; indexed_job_utils.go
// firstPendingIndexes, isIndexFailed; backoff_utils.go; pod_failure_policy.go), read at the stored
// 1.3x commits and compared with the 1.27/1.28 shape where the gates say so:
//  - count the pods that finished since the last sync, in the order they finished ([16.3], [16.7]);
//  - fail the Job (podFailurePolicy FailJob, then backoffLimit, then activeDeadlineSeconds, then
//    an Indexed Job's failed indexes) and delete its active pods ([16.8], [13.4]);
//  - else keep min(parallelism, completions - succeeded) pods active, after the creation back-off
//    ([16.2], [16.3]; an Indexed Job's lowest pending indexes, [16.4], [16.5]), counting terminating
//    pods as still there under podReplacementPolicy Failed ([16.6]);
//  - complete once completions pods succeeded and none is active ([16.2]), or, for an Indexed
//    Job, once a successPolicy rule matches (checked after the failures, only when none holds:
//    SuccessCriteriaMet, active pods deleted, Complete once none is terminating from 1.31, [16.9]).
// The controller reacts at the instant the kubelet writes the pod's status (the informer's latency
// is not modelled).

import type { Scenario, SimEvent } from '../scenario/types';
import { roundTime, type TraceEvent } from '../trace';
import { minor } from '../version';
import type { SimNode } from './simNode';
import type { Task } from './kernel';
import { startPod } from './simulatePod';
import { applyFault } from './faults';
import { deletePod, finalizerReleased } from './terminate';
import { BackoffRecord, firstPendingIndexes, jobPodBackoff, jobPodName, matchPodFailurePolicy, remainingFor } from './jobRules';
import { AFTER_TERMINAL, SYNC_JOB_BATCH_PERIOD } from './timing';
import { exitCodes, finishOf, restartsOf, type JobPod } from './jobPodView';
import { intervalsOf, intervalsText, matchSuccessPolicy, ruleText } from './jobSuccessPolicy';



type Emit = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't' | 'id'> : never) : never;

const DEADLINE_MESSAGE = 'Job was active longer than specified deadline';

export class JobController {
  readonly pods: JobPod[] = [];
  /** Pods the controller has not counted yet (small: at most parallelism plus terminating ones). */
  private live: JobPod[] = [];
  private succeeded = 0;
  private readonly succeededIndexes = new Set<number>();
  private failed = 0;
  private readonly failedIndexes = new Set<number>();
  /** Per index: failures that count ([16.5], job-index-failure-count) and all failures with the last one's time. */
  private readonly indexCounted = new Map<number, number>();
  private readonly indexLast = new Map<number, { failures: number; at: number }>();
  private readonly backoff = new BackoffRecord();
  private serial = 0;
  private ids = 0;
  private restartsSeen = 0;
  private failJob?: { pod: JobPod; why: string };
  /** The Job's terminal condition, once decided; `pending`: from 1.31 the Failed condition waits for its pods. */
  private verdict?: { event: Emit; pending: boolean; decidedAt: number };
  done = false;
  /** The last pod whose finish the controller counted (job.complete / job.failed name it). */
  private lastFinished?: JobPod;
  /** The last pod counted as Succeeded (a successPolicy match names it, [16.9]). */
  private lastSucceeded?: JobPod;

  private readonly job;
  private readonly jobName: string;
  private readonly minor: number;
  private readonly perIndex: number | undefined;
  private readonly onlyReplaceFailed: boolean;
  private readonly delayTerminal: boolean;

  constructor(private readonly node: SimNode, private readonly scenario: Scenario, private readonly horizon: number) {
    this.job = scenario.job!;
    this.jobName = scenario.pod.name.replace(/-[a-z0-9]{5}$/, '');
    this.minor = minor(scenario.sim.kubernetesVersion);
    const gates = scenario.sim.featureGates;
    // [16.5] backoffLimitPerIndex is dropped while its gate is off (alpha 1.28, beta 1.29, GA 1.33).
    this.perIndex = gates.JobBackoffLimitPerIndex && this.job.completionMode === 'Indexed' ? this.job.backoffLimitPerIndex : undefined;
    // [16.6] onlyReplaceFailedPods: podReplacementPolicy Failed (gate on), or any podFailurePolicy.
    this.onlyReplaceFailed = (gates.JobPodReplacementPolicy && this.job.podReplacementPolicy === 'Failed') || this.job.podFailurePolicy.length > 0;
    // [13.4] delayTerminalCondition (1.31+): JobPodReplacementPolicy or JobManagedBy (beta, on, from 1.32).
    this.delayTerminal = this.minor >= 31 && (gates.JobPodReplacementPolicy || this.minor >= 32);
  }

  private get k() {
    return this.node.k;
  }

  private emit(e: Emit): string {
    const ev = e as TraceEvent;
    ev.t = roundTime(this.k.now);
    ev.id = `job/e${this.ids++}`;
    this.node.record(undefined, ev);
    return ev.id;
  }

  /** Starts the controller at t = 0 and delivers the scenario's injected events to the pods they concern. */
  start(): void {
    this.k.spawn('jobController', this.loop());
    for (const ev of this.scenario.sim.events) this.k.at(ev.at, () => this.deliver(ev));
  }

  /**
   * An injected event acts on the Job's pods that are running at its time (created, no terminal
   * phase yet), or with `index` on the running pod of that completion index; when none is, on the
   * newest such pod, which says that nothing happens.
   */
  private deliver(ev: SimEvent): void {
    const mine = ev.index === undefined ? this.pods : this.pods.filter((p) => p.index === ev.index);
    const running = mine.filter((p) => p.sim.apiTerminalAt === undefined && !p.sim.gone);
    const targets = running.length ? running : mine.slice(-1);
    for (const p of targets) applyFault(p.sim, ev);
  }

  private *loop(): Task {
    for (;;) {
      const created = this.serial;
      const wake = this.sync();
      if (this.done) break;
      // [16.2] the pods a sync created enqueue the Job a second later (addPod, and the Job's own
      // status update, updateJob: both enqueueSyncJobBatched), so a back-off that sync did not wait
      // for (an index's, [16.5]) is found again then
      const next = this.serial !== created ? Math.min(wake ?? Infinity, this.k.now + SYNC_JOB_BATCH_PERIOD) : wake;
      const timeout = next === undefined ? undefined : Math.max(0, next - this.k.now);
      const changed: boolean = yield { until: () => this.changed(), timeout };
      // [16.2] a pod update enqueues the Job after syncJobBatchPeriod (updatePod ->
      // enqueueSyncJobBatched; updates within it make one sync); a sync the controller asked for
      // itself (a back-off's end, the deadline) comes at its time, and the queue keeps the earlier
      // of the two (the delaying queue's AddAfter of a key already waiting)
      if (changed) {
        const at = Math.min(next ?? Infinity, this.k.now + SYNC_JOB_BATCH_PERIOD);
        if (at > this.k.now) yield { sleep: at - this.k.now };
      }
    }
    // The Job is over: the run closes once its pods are gone or terminal.
    yield { until: () => this.pods.every((p) => this.settled(p)) };
    if (this.scenario.sim.until === undefined) this.k.horizon = Math.min(this.k.horizon, this.k.now + AFTER_TERMINAL);
  }

  private settled(p: JobPod): boolean {
    return p.sim.gone || (p.sim.apiTerminalAt !== undefined && !p.sim.deletion);
  }

  /** Something the controller watches changed: a pod finished, was deleted, or restarted (OnFailure). */
  private changed(): boolean {
    if (this.verdict?.pending) return this.noneTerminating();
    for (const p of this.live) if (finishOf(p, this.onlyReplaceFailed)) return true;
    return this.scenario.pod.restartPolicy === 'OnFailure' && this.restarts() !== this.restartsSeen;
  }

  private restarts(): number {
    let n = 0;
    for (const p of this.live) n += restartsOf(p.sim);
    return n;
  }

  private noneTerminating(): boolean {
    return this.pods.every((p) => !p.sim.deletion || p.sim.apiTerminalAt !== undefined || p.sim.gone);
  }

  private active(): JobPod[] {
    return this.live.filter((p) => !p.sim.deletion && p.sim.apiTerminalAt === undefined);
  }

  private terminating(): JobPod[] {
    return this.live.filter((p) => p.sim.deletion && p.sim.apiTerminalAt === undefined && !p.sim.gone);
  }

  /** One syncJob; returns when the controller must sync again by itself (a back-off or the deadline), if ever. */
  private sync(): number | undefined {
    if (this.verdict) {
      if (this.verdict.pending && this.noneTerminating()) this.finish(this.verdict.event);
      return undefined;
    }
    this.countFinished();
    const failure = this.failure();
    if (failure) {
      this.fail(failure);
      return undefined;
    }
    if (this.successPolicyMet()) return undefined;
    const wake = this.manage();
    if (this.completed()) return undefined;
    const deadline = this.job.activeDeadlineSeconds;
    return deadline === undefined ? wake : Math.min(wake ?? Infinity, deadline);
  }

  /** The pods that finished since the last sync, counted in the order they finished ([16.3], [16.5], [16.7]). */
  private countFinished(): void {
    const newly = this.live.flatMap((p) => {
      const f = finishOf(p, this.onlyReplaceFailed);
      return f ? [{ p, ...f }] : [];
      // finish seconds in order; in a tie the failures first, so a success in the same second resets
      // the back-off after them (newBackoffRecord counts only failures strictly after the last success, [16.3])
    }).sort((a, b) => a.at - b.at || (a.outcome === 'Succeeded' ? 1 : 0) - (b.outcome === 'Succeeded' ? 1 : 0));
    for (const { p, outcome, at, by } of newly) {
      p.outcome = outcome;
      finalizerReleased(p.sim, by); // [8.2] the counted pod's finalizer goes; a force-deleted one goes with it
      if (by !== undefined) p.finishedBy = `${p.name}/${by}`; // a pod's ids read `<pod>/eN` in the Job's trace
      this.lastFinished = p;
      if (outcome === 'Succeeded') this.countSuccess(p);
      else this.countFailure(p, at);
    }
    if (newly.length) this.live = this.live.filter((p) => p.outcome === undefined);
    this.restartsSeen = this.restarts();
  }

  private countSuccess(p: JobPod): void {
    this.lastSucceeded = p;
    this.backoff.succeeded();
    if (p.index === undefined) this.succeeded++;
    else this.succeededIndexes.add(p.index);
  }

  private countFailure(p: JobPod, at: number): void {
    this.backoff.failed(at); // [16.3] every failed pod backs off, an ignored one too (newBackoffRecord)
    if (p.index !== undefined) {
      const last = this.indexLast.get(p.index);
      this.indexLast.set(p.index, { failures: (last?.failures ?? 0) + 1, at });
    }
    const conditions = p.sim.status.view.conditions.filter((c) => c.status === 'True').map((c) => c.type);
    const rule = matchPodFailurePolicy(this.job.podFailurePolicy, exitCodes(p.sim), this.scenario.sim.featureGates.JobBackoffLimitPerIndex, conditions);
    if (rule?.action === 'FailJob') {
      this.failJob ??= { pod: p, why: `[16.7] ${p.name} failed with ${rule.onExitCodes ? 'an exit code' : 'a condition'} that matches a podFailurePolicy rule with action FailJob: the Job fails at once, whatever backoffLimit says.` };
      return;
    }
    if (rule?.action === 'Ignore') return;
    if (rule?.action === 'FailIndex' && this.perIndex !== undefined && p.index !== undefined) {
      this.failedIndexes.add(p.index);
      return;
    }
    this.failed++;
    if (this.perIndex === undefined || p.index === undefined) return;
    const counted = (this.indexCounted.get(p.index) ?? 0) + 1;
    this.indexCounted.set(p.index, counted);
    if (counted > this.perIndex) this.failedIndexes.add(p.index); // isIndexFailed
  }

  /** syncJob's failure checks, in upstream's order ([16.8]). */
  private failure(): { reason: string; why: string; cause?: string } | undefined {
    const cause = this.lastFinished?.finishedBy;
    if (this.failJob) return { reason: 'PodFailurePolicy', why: this.failJob.why, cause: this.failJob.pod.finishedBy };
    if (this.failed > this.job.backoffLimit) {
      return { reason: 'BackoffLimitExceeded', why: `[16.3] The Job has ${this.failed} failed pods, more than its backoffLimit of ${this.job.backoffLimit}: it fails ("Job has reached the specified backoff limit").`, cause };
    }
    if (this.pastBackoffLimitOnFailure()) {
      return { reason: 'BackoffLimitExceeded', why: `[16.3] Under restartPolicy OnFailure the containers of the active pods restarted ${this.restartsSeen} times, reaching backoffLimit (${this.job.backoffLimit}): the Job fails and deletes its pods.` };
    }
    const deadline = this.job.activeDeadlineSeconds;
    if (deadline !== undefined && this.k.now >= deadline - 1e-9) {
      return { reason: 'DeadlineExceeded', why: `[13.4] The Job has been active for ${deadline}s, its activeDeadlineSeconds: it fails with reason DeadlineExceeded ("${DEADLINE_MESSAGE}"), deletes its active pods and creates no more.` };
    }
    if (this.perIndex === undefined) return undefined;
    const failedIdx = this.failedIndexes.size;
    const max = this.job.maxFailedIndexes;
    if (max !== undefined && failedIdx > max) {
      return { reason: 'MaxFailedIndexesExceeded', why: `[16.5] ${failedIdx} indexes failed, more than maxFailedIndexes (${max}): the Job fails ("Job has exceeded the specified maximal number of failed indexes") and deletes its active pods.`, cause };
    }
    if (failedIdx > 0 && failedIdx + this.succeededIndexes.size >= this.job.completions!) {
      return { reason: 'FailedIndexes', why: `[16.5] Every index has finished and ${failedIdx} of them failed (failedIndexes ${[...this.failedIndexes].sort((a, b) => a - b).join(',')}): the Job fails ("Job has failed indexes").`, cause };
    }
    return undefined;
  }

  /** pastBackoffLimitOnFailure: under OnFailure, the restarts of running and pending pods reach backoffLimit (any restart when it is 0). */
  private pastBackoffLimitOnFailure(): boolean {
    if (this.scenario.pod.restartPolicy !== 'OnFailure') return false;
    return this.job.backoffLimit === 0 ? this.restartsSeen > 0 : this.restartsSeen >= this.job.backoffLimit;
  }

  /** The Job fails: its active pods are deleted; the Failed condition is set now, or from 1.31 once they are gone ([13.4], [16.8]). */
  private fail(f: { reason: string; why: string; cause?: string }): void {
    const pod = this.active()[0] ?? this.lastFinished ?? this.pods.at(-1);
    for (const p of this.active()) deletePod(p.sim, undefined);
    const event: Emit = { type: 'job.failed', reason: f.reason, ...(pod ? { pod: pod.name } : {}), ...(f.cause ? { cause: [f.cause] } : {}), why: f.why };
    const pending = this.delayTerminal && !this.noneTerminating();
    if (pending) {
      const at = roundTime(this.k.now);
      event.why = `${f.why} From 1.31 the Job first gets the FailureTarget condition (at ${at}s) and turns Failed only once its pods are terminal.`;
      this.verdict = { event, pending, decidedAt: at };
      return;
    }
    this.finish(event);
  }

  private finish(event: Emit): void {
    this.emit(event);
    this.verdict = { event, pending: false, decidedAt: this.k.now };
    this.done = true;
  }

  /**
   * syncJob's successPolicy check ([16.9]; job_controller.go syncJob, success_policy.go
   * matchSuccessPolicy): an Indexed Job whose completed indexes meet a rule gets SuccessCriteriaMet
   * (reason SuccessPolicy), its active pods are deleted (deleteActivePods, their own grace), and
   * it is Complete once none is terminating from 1.31 (delayTerminalCondition), at once before.
   */
  private successPolicyMet(): boolean {
    if (this.job.completionMode !== 'Indexed') return false;
    const succeeded = intervalsOf(this.succeededIndexes);
    const match = matchSuccessPolicy(this.scenario.sim.featureGates.JobSuccessPolicy, this.job.successPolicy, this.job.completions!, succeeded);
    if (!match) return false;
    const active = this.active();
    for (const p of active) deletePod(p.sim, undefined);
    const rule = ruleText(this.job.successPolicy![match.index]!);
    const deleted = active.length ? `, deletes its active pod${active.length === 1 ? '' : 's'} (${active.map((p) => p.name).join(', ')})` : '';
    const why = `[16.9] The completed indexes ${intervalsText(succeeded)} meet successPolicy rule ${match.index} (${rule}): the Job gets the SuccessCriteriaMet condition, reason SuccessPolicy ("${match.message}")${deleted}`;
    const pod = this.lastSucceeded;
    const event: Emit = { type: 'job.complete', reason: 'SuccessPolicy', ...(pod ? { pod: pod.name } : {}), ...(pod?.finishedBy ? { cause: [pod.finishedBy] } : {}), why: '' };
    if (this.delayTerminal && !this.noneTerminating()) {
      const at = roundTime(this.k.now);
      event.why = `${why} (at ${at}s); from 1.31 (delayTerminalCondition) the Job turns Complete, same reason, only once no pod is terminating.`;
      this.verdict = { event, pending: true, decidedAt: at };
      return true;
    }
    event.why = `${why} and is Complete (same reason)${this.delayTerminal ? ': no pod is terminating' : ' at once (before 1.31 the Complete condition does not wait for terminating pods)'}.`;
    this.finish(event);
    return true;
  }

  private succeededCount(): number {
    return this.job.completionMode === 'Indexed' ? this.succeededIndexes.size : this.succeeded;
  }

  /** manageJob: create pods until min(parallelism, remaining completions) are active ([16.2]–[16.6]). */
  private manage(): number | undefined {
    const { completions, parallelism } = this.job;
    const active = this.active().length;
    const succeeded = this.succeededCount();
    const wantActive = completions === undefined
      ? (succeeded > 0 ? active : parallelism)
      : Math.max(0, Math.min(parallelism, completions - succeeded));
    const terminating = this.onlyReplaceFailed ? this.terminating().length : 0;
    const diff = wantActive - terminating - active;
    if (diff <= 0) return undefined;
    if (this.perIndex === undefined) {
      const remaining = this.backoff.remaining(this.k.now);
      // enqueueSyncJobWithDelay never waits less than syncJobBatchPeriod [16.2]
      if (remaining > 1e-9) return this.k.now + Math.max(remaining, SYNC_JOB_BATCH_PERIOD);
    }
    if (this.job.completionMode !== 'Indexed') {
      for (let i = 0; i < diff; i++) this.create(undefined);
      return undefined;
    }
    const busy = new Set(this.live.map((p) => p.index));
    let indexes = firstPendingIndexes(diff, completions!, (i) => this.succeededIndexes.has(i) || this.failedIndexes.has(i) || busy.has(i));
    let wake: number | undefined;
    if (this.perIndex !== undefined) {
      // getPodCreationInfoForIndependentIndexes: each index waits for its own back-off.
      const ready = indexes.filter((i) => this.indexRemaining(i) <= 1e-9);
      if (!ready.length && indexes.length) wake = this.k.now + Math.max(SYNC_JOB_BATCH_PERIOD, Math.min(...indexes.map((i) => this.indexRemaining(i))));
      indexes = ready;
    }
    for (const i of indexes) this.create(i);
    return wake;
  }

  private indexRemaining(index: number): number {
    const last = this.indexLast.get(index);
    return last ? remainingFor(last.failures, last.at, this.k.now) : 0;
  }

  private completed(): boolean {
    const { completions } = this.job;
    const succeeded = this.succeededCount();
    const done = this.active().length === 0 && (completions === undefined ? succeeded > 0 : succeeded >= completions);
    if (!done) return false;
    const why = this.job.completionMode === 'Indexed'
      ? `[16.4] Every index from 0 to ${completions! - 1} has a Succeeded pod (completedIndexes ${completions === 1 ? '0' : `0-${completions! - 1}`}): the Job is complete.`
      : completions === undefined
      ? `[16.2] A pod Succeeded and no pod is active (completions not set: the first success ends the work): the Job is complete.`
      : `[16.2] ${succeeded} pod${succeeded === 1 ? '' : 's'} Succeeded, reaching completions (${completions}), and no pod is active: the Job is complete.`;
    const last = this.lastFinished;
    // [16.2] the Complete condition's reason: CompletionsReached from 1.33 (the 1.33-shape e2e
    // job.go waits for it: WaitForJobComplete(…, JobReasonCompletionsReached, …)); empty before
    // (the stored 1.31-era newSuccessCondition; #126074 gave the reason to SuccessCriteriaMet only)
    const reason = this.minor >= 33 ? { reason: 'CompletionsReached' as const } : {};
    this.finish({ type: 'job.complete', ...reason, ...(last ? { pod: last.name } : {}), ...(last?.finishedBy ? { cause: [last.finishedBy] } : {}), why });
    return true;
  }

  /** Creates one pod (an Indexed Job's with its completion index) and starts it on the node. */
  private create(index: number | undefined): void {
    const serial = this.serial++;
    const name = serial === 0 && index === undefined ? this.scenario.pod.name : jobPodName(this.jobName, serial, index);
    const id = this.emit({ type: 'job.podCreated', pod: name, ...(index !== undefined ? { index } : {}), why: this.creationWhy(name, index), ...(this.lastFinished?.finishedBy ? { cause: [this.lastFinished.finishedBy] } : {}) });
    const podScenario: Scenario = { ...this.scenario, pod: { ...this.scenario.pod, name } };
    const sim = startPod(this.node, podScenario, this.horizon, { events: [], windows: this.scenario.sim.events.filter((e) => e.index === undefined || e.index === index), createdBy: id });
    const pod: JobPod = { sim, name, start: roundTime(this.k.now), ...(index !== undefined ? { index } : {}) };
    this.pods.push(pod);
    this.live.push(pod);
  }

  private creationWhy(name: string, index: number | undefined): string {
    const { completions, parallelism } = this.job;
    const at = index === undefined ? '' : ` for completion index ${index} (annotation batch.kubernetes.io/job-completion-index)`;
    if (this.pods.length === 0) return `[16.2] The Job controller creates ${name}${at}: it keeps min(parallelism ${parallelism}, completions ${completions ?? 'unset'}) pods active.`;
    const failures = this.backoff.failuresAfterLastSuccess;
    const backoff = failures > 0 && this.perIndex === undefined ? ` after its back-off of ${jobPodBackoff(failures)}s for ${failures} failure${failures === 1 ? '' : 's'} since the last success [16.3]` : '';
    const replaced = index !== undefined && this.indexLast.has(index) ? `, replacing the failed pod of index ${index}` : '';
    return `[16.2] The Job controller creates ${name}${at}${replaced}${backoff} (succeeded ${this.succeededCount()}, failed ${this.failed}, backoffLimit ${this.job.backoffLimit}).`;
  }
}
