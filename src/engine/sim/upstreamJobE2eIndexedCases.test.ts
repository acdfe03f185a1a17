// Upstream's Job end-to-end tests (kubernetes/kubernetes test/e2e/apps/job.go), the Indexed Jobs
// ([16.4]), backoffLimitPerIndex and maxFailedIndexes ([16.5]), podFailurePolicy on an Indexed Job
// ([16.7]) and successPolicy ([16.9]). The versions read, the fixtures and how upstream's cases
// map to ours: the header of upstreamJobE2eCases.test.ts (same kit, upstreamJobE2e.testkit.ts).
// Here, besides:
//  - status.completedIndexes: the indexes with a Succeeded pod; status.failedIndexes: the indexes
//    the engine's FailedIndexes reason names (its why lists them), or, with
//    MaxFailedIndexesExceeded, the indexes whose every pod failed.
//  - failOddSucceedEven reads JOB_COMPLETION_INDEX: each pod exits 0 after 1 s (the Simulation
//    behaviour) and the pods of odd indexes exit 1 half a second after their start instead.
//  - The job-index-failure-count annotation (which the engine does not write): the n-th pod of an
//    index carries n failures, so upstream's {0: ["0","1"], 1: ["0","1"]} is two pods per index.
//  - The pod hostname `<job>-<index>` and the completion-index label: not in the trace; the
//    pods' names (`<job>-<index>-<suffix>`) and indexes stand for them.
//  - Versions: backoffLimitPerIndex from 1.29 (on by default) and on 1.28 with its alpha gate on,
//    as upstream's [Feature:JobBackoffLimitPerIndex] runs did; the completion-index label
//    (PodIndexLabel, on by default from 1.28) from 1.28; successPolicy from 1.31 (JobSuccessPolicy
//    on by default; its e2e cases are conformance from 1.33).
//
// Not expressible:
//  - should allow to use a pod failure policy to ignore failure matching on DisruptionTarget
//    condition (newest), and the 1.31 shape's "…to ignore failure for an evicted pod; matching on
//    the DisruptionTarget condition": the engine gives a pod no DisruptionTarget condition (an
//    eviction is a plain deletion here) and never matches onPodConditions ([16.7]).
//
// successPolicy ([16.9]): the three cases of the newest stored job.go (search-index file 5690324,
// "Release: v1.33" conformance), each run from 1.31 (JobSuccessPolicy on by default). Upstream
// waits with WaitForJobComplete(…, batchv1.JobReasonSuccessPolicy, …): the engine's job.complete
// carries that reason; the other cases' WaitForJobComplete(…, JobReasonCompletionsReached, …) is
// the reason job.complete carries from 1.33 (before, upstream's Complete condition has none).
// The two "…even when some indexes remain pending" cases were disagreements until the engine read
// spec.successPolicy (the Job went on retrying the odd indexes: BackoffLimitExceeded at 111 s with
// succeededIndexes "0", no end with succeededCount 1 and backoffLimit MaxInt32).

import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { BUSYBOX, completes, created, failures, indexesIn, noneLeft, podsIn, runJob, terminalAt, type E2eJob, type Plan } from './upstreamJobE2e.testkit';

const from = (m: number) => SUPPORTED_VERSIONS.filter((v) => minor(v) >= m);
const EXITS_0_AFTER_1S = '{ exitAfter: 1s, exitCode: 0 }';
const indexed = (parallelism: number, completions: number, more = '') => `  parallelism: ${parallelism}\n  completions: ${completions}\n  completionMode: Indexed\n${more}`;
const sh = (script: string) => `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c", "${script}"]\n`;
const failOddSucceedEven = `          image: ${BUSYBOX}\n          command: ["sh", "-c"]\n          args: ["if [ $(expr \${JOB_COMPLETION_INDEX} % 2) -ne 0 ]; then exit 1; else exit 0; fi"]\n`;
const odd: Plan = ({ index }) => (index! % 2 === 1 ? 1 : undefined);
/** backoffLimitPerIndex's gate: on by default from 1.29, alpha (set on) in 1.28. */
const perIndexGate = (version: KubeVersion) => (minor(version) === 28 ? { gates: { JobBackoffLimitPerIndex: true } } : {});
const failedIndexesOf = (why: string) => /failedIndexes ([\d,]+)/.exec(why)?.[1];
/** The reason job.complete carries when completions are reached: CompletionsReached from 1.33. */
const reached = (version: KubeVersion) => (minor(version) >= 33 ? 'CompletionsReached' : undefined);
const completeReason = (t: Trace) => completes(t).map((e) => (e.type === 'job.complete' ? e.reason : undefined));

describe('upstream e2e [sig-apps] Job, Indexed [16.4]', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should create pods for an Indexed job with completion indexes and specified hostname`, () => {
      const t = runJob({ name: 'indexed-job', version, spec: indexed(2, 4, '  backoffLimit: 6\n'), container: sh('exit 0') });
      expect(completeReason(t)).toEqual([reached(version)]); // WaitForJobComplete(…, JobReasonCompletionsReached, …)
      expect(indexesIn(t, 'Succeeded')).toEqual([0, 1, 2, 3]);
      for (const p of podsIn(t, 'Succeeded')) expect(p.name).toMatch(new RegExp(`^indexed-job-${p.index}-[a-z0-9]{5}$`));
    });
  }

  for (const version of from(28)) {
    it(`${version}: should create pods with completion indexes for an Indexed Job`, () => {
      const t = runJob({ name: 'indexed-job', version, spec: indexed(2, 4, '  backoffLimit: 6\n'), container: sh('exit 0') });
      expect(completes(t)).toHaveLength(1);
      // every pod carries its index (upstream: the label, on all pods, not only the succeeded ones)
      expect(t.pods!.every((p) => p.index !== undefined)).toBe(true);
      expect([...new Set(t.pods!.map((p) => p.index))].sort()).toEqual([0, 1, 2, 3]);
    });
  }
});

describe('upstream e2e [sig-apps] Job, podFailurePolicy on an Indexed Job [16.7]', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should allow to use a pod failure policy to ignore failure for an evicted pod; matching on the exit code`, () => {
      // notTerminateOnce: index 0 writes the marker and sleeps (sh as PID 1: SIGTERM ignored, 137 at
      // the end of its 1 s grace); the other indexes see the marker and exit 0; so does index 0's next pod
      const j: E2eJob = {
        name: 'evicted-pod-ignore-on-exit-code', version, until: '90s',
        spec: indexed(2, 4, '  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onExitCodes: { operator: In, values: [1, 137] }\n'),
        podSpec: '      terminationGracePeriodSeconds: 1\n',
        container: `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c"]\n`,
        behaviour: '{ exitAfter: never, onStop: ignore }',
      };
      const t = runJob(j, ({ index, n }) => (index !== 0 || n > 0 ? 0 : undefined), 0.5, ['  - { at: 20s, index: 0, do: deletePod }']);
      const [evicted, again, ...more] = t.pods!.filter((p) => p.index === 0);
      expect(more).toEqual([]);
      // before the eviction: the non-0 indexes succeeded, index 0's pod runs
      for (const p of t.pods!.filter((q) => q.index !== 0)) expect(terminalAt(t, p.name)).toBeLessThan(20);
      expect(terminalAt(t, evicted!.name)).toBeGreaterThan(20);
      expect(t.events.find((e) => e.type === 'container.exit' && e.pod === evicted!.name)).toMatchObject({ exitCode: 137 });
      expect(evicted!.phase).toBe('Failed');
      expect(again!.phase).toBe('Succeeded');
      expect(failures(t)).toEqual([]); // backoffLimit 0: the 137 is ignored
      expect(completes(t)).toHaveLength(1);
      expect(indexesIn(t, 'Succeeded')).toEqual([0, 1, 2, 3]);
    });

    it(`${version}: should allow to use a pod failure policy to ignore failure matching on exit code`, () => {
      // failOncePerIndex: each index's first pod writes its marker and exits 42; its next pod succeeds
      const j: E2eJob = {
        name: 'fail-pod-ignore-on-exit-code', version, behaviour: EXITS_0_AFTER_1S,
        spec: indexed(3, 3, '  backoffLimit: 2\n  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onExitCodes: { operator: In, values: [42] }\n'),
        container: `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c"]\n`,
      };
      const t = runJob(j, ({ n }) => (n === 0 ? 42 : undefined));
      expect(failures(t)).toEqual([]); // three failures, backoffLimit 2: all ignored
      expect(completeReason(t)).toEqual([reached(version)]);
      expect(indexesIn(t, 'Succeeded')).toEqual([0, 1, 2]);
      expect(podsIn(t, 'Failed').map((p) => p.index).sort()).toEqual([0, 1, 2]);
    });
  }
});

describe('upstream e2e [sig-apps] Job, backoffLimitPerIndex and maxFailedIndexes [16.5] (JobBackoffLimitPerIndex: alpha 1.28, on from 1.29)', () => {
  for (const version of from(28)) {
    it(`${version}: should execute all indexes despite some failing when using backoffLimitPerIndex`, () => {
      const j: E2eJob = { name: 'with-backoff-limit-per-index', version, spec: indexed(2, 4, '  backoffLimitPerIndex: 1\n'), container: failOddSucceedEven, behaviour: EXITS_0_AFTER_1S, ...perIndexGate(version) };
      const t = runJob(j, odd);
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('FailedIndexes');
      expect(failedIndexesOf(failed!.why)).toBe('1,3');
      expect(indexesIn(t, 'Succeeded')).toEqual([0, 2]); // completedIndexes "0,2"
      expect(podsIn(t, 'Failed')).toHaveLength(4); // one retry per failing index
      expect(podsIn(t, 'Succeeded')).toHaveLength(2);
      expect(noneLeft(t)).toBe(true);
    });

    it(`${version}: should terminate job execution when the number of failed indexes exceeds maxFailedIndexes`, () => {
      const j: E2eJob = { name: 'with-max-failed-indexes', version, spec: indexed(1, 4, '  backoffLimitPerIndex: 0\n  maxFailedIndexes: 0\n'), container: sh('exit 1'), ...perIndexGate(version) };
      const t = runJob(j);
      expect(failures(t).map((e) => e.reason)).toEqual(['MaxFailedIndexesExceeded']);
      expect(created(t).map((e) => e.index)).toEqual([0]); // failedIndexes "0", failed 1: no other index ran
      expect(podsIn(t, 'Failed')).toHaveLength(1);
    });

    it(`${version}: should record the failure-count in the Pod annotation when using backoffLimitPerIndex`, () => {
      const j: E2eJob = { name: 'e2e-backofflimitperindex', version, spec: indexed(2, 2, '  backoffLimitPerIndex: 1\n'), container: sh('exit 1'), ...perIndexGate(version) };
      const t = runJob(j);
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('FailedIndexes');
      expect(failedIndexesOf(failed!.why)).toBe('0,1');
      // failure counts {0: ["0","1"], 1: ["0","1"]}: two pods per index
      expect(created(t).map((e) => e.index).sort()).toEqual([0, 0, 1, 1]);
      expect(podsIn(t, 'Failed')).toHaveLength(4);
      expect(podsIn(t, 'Succeeded')).toEqual([]); // completedIndexes ""
    });

    it(`${version}: should mark indexes as failed when the FailIndex action is matched in podFailurePolicy`, () => {
      const j: E2eJob = {
        name: 'matching-fail-index-action', version, container: failOddSucceedEven, behaviour: EXITS_0_AFTER_1S, ...perIndexGate(version),
        spec: indexed(2, 2, '  backoffLimitPerIndex: 1\n  podFailurePolicy:\n    rules:\n      - action: FailIndex\n        onExitCodes: { operator: In, values: [1] }\n'),
      };
      const t = runJob(j, odd);
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('FailedIndexes');
      expect(failedIndexesOf(failed!.why)).toBe('1');
      expect(created(t).filter((e) => e.index === 1)).toHaveLength(1); // no retry despite backoffLimitPerIndex 1
      expect(indexesIn(t, 'Succeeded')).toEqual([0]);
      expect(podsIn(t, 'Failed')).toHaveLength(1);
      expect(podsIn(t, 'Succeeded')).toHaveLength(1);
    });
  }
});

describe('upstream e2e [sig-apps] Job, successPolicy [16.9] (JobSuccessPolicy: alpha 1.30, on from 1.31)', () => {
  for (const version of from(31)) {
    it(`${version}: with successPolicy should succeeded when all indexes succeeded`, () => {
      // NewTestJob("succeeded", …): no such behaviour in the fixtures, so the container keeps busybox's
      // own entrypoint, a shell without a terminal, which exits 0 at once
      const j: E2eJob = { name: 'with-success-policy-all-index-succeeded', version, spec: indexed(2, 2, '  backoffLimit: 6\n  successPolicy:\n    rules:\n      - succeededCount: 2\n'), container: `          image: ${BUSYBOX}\n` };
      const t = runJob(j);
      // matchSuccessPolicy comes before syncJob's completions check: the reason is SuccessPolicy
      expect(completeReason(t)).toEqual(['SuccessPolicy']);
      expect(failures(t)).toEqual([]);
      expect(podsIn(t, 'Failed')).toEqual([]); // failed 0
      expect(noneLeft(t)).toBe(true); // active 0, ready 0, terminating 0
    });

    it(`${version}: with successPolicy succeededIndexes rule should succeeded even when some indexes remain pending`, () => {
      const j: E2eJob = {
        name: 'with-success-policy-succeeded-indexed', version, container: failOddSucceedEven, behaviour: EXITS_0_AFTER_1S,
        spec: indexed(2, 5, '  backoffLimit: 6\n  successPolicy:\n    rules:\n      - succeededIndexes: "0"\n'),
      };
      const t = runJob(j, odd);
      expect(failures(t)).toEqual([]);
      expect(completeReason(t)).toEqual(['SuccessPolicy']); // SuccessCriteriaMet, then Complete
      expect(indexesIn(t, 'Succeeded')).toEqual([0]); // completedIndexes "0"
      expect(noneLeft(t)).toBe(true); // active 0, ready 0, terminating 0
    });

    it(`${version}: with successPolicy succeededCount rule should succeeded even when some indexes remain pending`, () => {
      const j: E2eJob = {
        name: 'with-success-policy-succeeded-count', version, container: failOddSucceedEven, behaviour: EXITS_0_AFTER_1S,
        spec: indexed(2, 5, '  backoffLimit: 2147483647\n  successPolicy:\n    rules:\n      - succeededCount: 1\n'),
      };
      const t = runJob(j, odd);
      expect(failures(t)).toEqual([]);
      expect(completeReason(t)).toEqual(['SuccessPolicy']);
      expect(indexesIn(t, 'Succeeded')).toEqual([0]); // completedIndexes "0"
      expect(noneLeft(t)).toBe(true);
    });
  }
});
