// Upstream's Job end-to-end tests, the parts earlier rounds left out (upstreamJobE2eCases.test.ts:
// the NonIndexed It blocks; upstreamJobE2eIndexedCases.test.ts: the Indexed ones), through the Job
// controller as whole scenarios ([16], [13.4]); same kit (upstreamJobE2e.testkit.ts).
//
// Read (session 43):
//  - test/e2e/apps/job.go, the newest stored version (search-index file 5690324: "Release: v1.33"
//    conformance tags, WaitForJobComplete with a reason, the ContainerRestartRules case), search-index
//    file 1858212 (the 1.31-era shape: waitForJobCondition on the interim FailureTarget /
//    SuccessCriteriaMet conditions first), search-index file 46280436 (the 1.20-era shape:
//    waitForJobFailure(…, activeDeadlineSeconds+10 s, "DeadlineExceeded")) and
//    @01260d48ec620f42f0bafa16df7fb80c90e1d267 (1.24-era, the same with +15 s). Every It block of
//    these versions is in one of the two earlier files or listed there as not expressible; this file
//    adds what those assert and the earlier files do not check.
//  - test/e2e/upgrades/apps/job.go (JobUpgradeTest, "[sig-apps] job-upgrade") at
//    @05c351a9037bd79bf88c56171a951c3097b658da (NewTestJob("notTerminate", "foo", OnFailure, 2, 2,
//    nil, 6), WaitForAllJobPodsRunning) and the newest stored one (search-index file 733178461:
//    "neverTerminate", then ensureJobRunning and ensureAllJobPodsRunning after the upgrade).
//  - test/e2e/framework/job/fixtures.go @1892e4deb967a2b39cfc2fea87a8bd49274449ef: notTerminate is
//    the pause image; neverTerminate is `sleep 1000000` with terminationGracePeriodSeconds 1 ("it
//    always has to restart during an upgrade and continue running"); succeed `exit 0`; fail `exit 1`;
//    failOnce reads a marker file (given as Simulation behaviour plus planned exits, as in the kit).
//
// How upstream's cases map to ours:
//  - WaitForJobComplete(…, batchv1.JobReasonCompletionsReached, …) (newest job.go): `job.complete`'s
//    reason, CompletionsReached from 1.33; before 1.33 the Complete condition has none ([16.2]).
//  - waitForJobFailure / WaitForJobCondition(JobFailed, reason) within the e2e's timeout: the
//    `job.failed` event's reason and time. The interim FailureTarget (1.31+) is in the trace only
//    where the Failed condition waits for terminating pods (job.failed's why names it, [13.4]).
//  - WaitForJobPodsRunning / WaitForAllJobPodsRunning(n) and ensureAllJobPodsRunning(n): exactly n
//    of the Job's pods are in phase Running (the last pod.phase event of each pod).
//  - ensureJobRunning: no Complete, Failed (nor Suspended) condition: no job.complete / job.failed.
//  - The upgrade itself: the engine has no control plane or node image to upgrade; the kubelet's
//    restart (`restartKubelet`), the part of an in-place node upgrade that touches running pods,
//    stands for it.
//
// Not expressible (besides those the earlier files list): the job-upgrade test's cluster and
// master upgrades, and a node upgrade that recreates the node (the simulation keeps one node);
// everything after "Ensuring active pods == parallelism" in should delete a job, should remove pods
// when job is deleted, should adopt matching orphans and release non-matching pods, should delete
// pods when suspended and should apply changes to a job status (API operations on the Job object,
// owner references, spec.suspend: not modelled), so only their first step is here. No stored
// job.go version has a Job with a sidecar (restartable init container); that case has no upstream
// e2e to translate (the issue-based goldens: golden/issues/jobSidecarIssues42.test.ts).
//
// DISAGREEMENTS: none.

import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';
import { BUSYBOX, PAUSE, completes, created, exitCodes, failures, noneLeft, podsIn, runJob, terminalAt, type E2eJob } from './upstreamJobE2e.testkit';

const from = (m: number) => SUPPORTED_VERSIONS.filter((v) => minor(v) >= m);
const sh = (script: string) => `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c", "${script}"]\n`;
const failOnce = `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c"]\n          args: ["if [[ -r /data/foo ]]; then exit 0; else touch /data/foo; exit 1; fi"]\n`;
const EXITS_0_AFTER_1S = '{ exitAfter: 1s, exitCode: 0 }';
const parallel = (backoffLimit: number) => `  parallelism: 2\n  completions: 4\n  backoffLimit: ${backoffLimit}\n`;
/** The reason job.complete carries when completions are reached: CompletionsReached from 1.33 ([16.2]). */
const reached = (version: KubeVersion) => (minor(version) >= 33 ? 'CompletionsReached' : undefined);
const completeReason = (t: Trace) => completes(t).map((e) => (e.type === 'job.complete' ? e.reason : undefined));

/** The pod's phase at time `at`: its last pod.phase event at or before it. */
const phaseAt = (t: Trace, pod: string, at: number) => t.events.filter((e) => e.type === 'pod.phase' && e.pod === pod && e.t <= at).map((e) => (e.type === 'pod.phase' ? e.phase : undefined)).at(-1);
/** The Job's pods in phase Running at time `at` (WaitForJobPodsRunning, ensureAllJobPodsRunning). */
const runningAt = (t: Trace, at: number) => (t.pods ?? []).filter((p) => phaseAt(t, p.name, at) === 'Running').map((p) => p.name);

describe('upstream e2e [sig-apps] Job (job.go, newest): the Complete condition\'s reason on NonIndexed Jobs [16.2]', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should run a job to completion when tasks succeed (WaitForJobComplete, JobReasonCompletionsReached)`, () => {
      const t = runJob({ name: 'all-succeed', version, spec: parallel(6), container: sh('exit 0') });
      expect(completeReason(t)).toEqual([reached(version)]);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4);
    });

    it(`${version}: should run a job to completion when tasks sometimes fail and are locally restarted (WaitForJobComplete, JobReasonCompletionsReached)`, () => {
      const t = runJob({ name: 'fail-once-local', version, spec: parallel(6), restartPolicy: 'OnFailure', container: failOnce, behaviour: EXITS_0_AFTER_1S }, () => 1);
      expect(completeReason(t)).toEqual([reached(version)]);
      expect(failures(t)).toEqual([]);
    });

    it(`${version}: should run a job to completion when tasks sometimes fail and are not locally restarted (WaitForJobComplete, JobReasonCompletionsReached)`, () => {
      const t = runJob({ name: 'fail-once-non-local', version, spec: parallel(6), container: failOnce, behaviour: EXITS_0_AFTER_1S }, ({ n }) => (n < 2 ? 1 : undefined));
      expect(completeReason(t)).toEqual([reached(version)]);
      // "Verifying the Job status fields to ensure correct final state": active 0, ready 0, terminating 0
      expect(noneLeft(t)).toBe(true);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4);
    });
  }

  for (const version of from(34)) {
    it(`${version}: containers restarted by container restart policy should not trigger PodFailurePolicy (WaitForJobComplete, JobReasonCompletionsReached)`, () => {
      const j: E2eJob = {
        name: 'managed-by', version, behaviour: EXITS_0_AFTER_1S,
        spec: '  parallelism: 1\n  completions: 1\n  backoffLimit: 1\n  podFailurePolicy:\n    rules:\n      - action: FailJob\n        onExitCodes: { containerName: c, operator: In, values: [1] }\n',
        container: `${failOnce}          restartPolicy: OnFailure\n`,
        ...(minor(version) === 34 ? { gates: { ContainerRestartRules: true } } : {}),
      };
      const t = runJob(j, ({ n }) => (n === 0 ? 1 : undefined));
      expect(completeReason(t)).toEqual(['CompletionsReached']);
      expect(exitCodes(t, t.pods![0]!.name)).toEqual([1, 0]);
      expect(noneLeft(t)).toBe(true); // active 0, ready 0, terminating 0
    });
  }
});

describe('upstream e2e [sig-apps] Job: the Failed condition, its reason and the e2e\'s wait [16.3], [13.4]', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should fail to exceed backoffLimit (FailureTarget then Failed, BackoffLimitExceeded: one sync, no pod terminating)`, () => {
      const t = runJob({ name: 'backofflimit', version, spec: '  parallelism: 1\n  completions: 1\n  backoffLimit: 1\n', container: sh('exit 1') });
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('BackoffLimitExceeded');
      // the second failure is the one that exceeds the limit; both pods are terminal then, so from
      // 1.31 the Failed condition follows FailureTarget at once (it waits for no terminating pod)
      const [first, second] = t.pods!;
      expect(failed!.t).toBeGreaterThanOrEqual(terminalAt(t, second!.name));
      expect(failed!.why).not.toMatch(/FailureTarget/);
      // the replacement comes only after the first pod failed (backoffLimit 1: "2 pod created")
      expect(second!.start).toBeGreaterThan(terminalAt(t, first!.name));
      expect(failed!.t).toBeLessThan(15 * 60); // e2ejob.JobTimeout
      expect(noneLeft(t)).toBe(true);
    });

    it(`${version}: should fail when exceeds active deadline (waitForJobFailure within activeDeadlineSeconds+10s, DeadlineExceeded)`, () => {
      const t = runJob({ name: 'exceed-active-deadline', version, spec: `  activeDeadlineSeconds: 1\n${parallel(6)}`, container: `          image: ${PAUSE}\n` });
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('DeadlineExceeded');
      expect(failed!.t).toBeGreaterThanOrEqual(1);
      expect(failed!.t).toBeLessThanOrEqual(1 + 10); // the 1.20-era wait; the 1.24-era one gives +15 s
      expect(completes(t)).toEqual([]);
    });
  }
});

describe('upstream e2e [sig-apps] Job: "Ensuring active pods == parallelism" (the first step of the API-operation cases) [16.2]', () => {
  const cases: Array<[string, string]> = [
    ['should delete a job', 'foo'],
    ['should remove pods when job is deleted', 'all-pods-removed'],
    ['should adopt matching orphans and release non-matching pods', 'adopt-release'],
    ['should delete pods when suspended', 'suspend-false-to-true'],
    ['should apply changes to a job status', 'suspend-false-to-true'],
  ];
  for (const version of SUPPORTED_VERSIONS) {
    for (const [name, job] of cases) {
      it(`${version}: ${name} (up to WaitForJobPodsRunning(parallelism))`, () => {
        // notTerminate (the pause image), parallelism 2, completions 4, backoffLimit 6
        const t = runJob({ name: job, version, until: '60s', spec: parallel(6), container: `          image: ${PAUSE}\n` });
        expect(created(t)).toHaveLength(2); // parallelism, no more while they run
        expect(runningAt(t, 60)).toHaveLength(2);
        expect(completes(t)).toEqual([]);
        expect(failures(t)).toEqual([]);
      });
    }
  }
});

describe('upstream e2e [sig-apps] job-upgrade (test/e2e/upgrades/apps/job.go, JobUpgradeTest) [16.2]', () => {
  const older = `          image: ${PAUSE}\n`; // notTerminate
  const newer = `          image: ${BUSYBOX}\n          command: ["sleep", "1000000"]\n`; // neverTerminate
  for (const version of SUPPORTED_VERSIONS) {
    for (const [shape, container, podSpec] of [['notTerminate', older, undefined], ['neverTerminate', newer, '      terminationGracePeriodSeconds: 1\n']] as const) {
      it(`${version}: [sig-apps] job-upgrade, ${shape}: Setup (active pods == parallelism) and Test after the kubelet restarts (ensureJobRunning, ensureAllJobPodsRunning)`, () => {
        const j: E2eJob = { name: 'foo', version, until: '120s', restartPolicy: 'OnFailure', spec: '  parallelism: 2\n  completions: 2\n  backoffLimit: 6\n', container, ...(podSpec ? { podSpec } : {}) };
        const t = runJob(j, () => undefined, 0.5, ['  - { at: 30s, do: restartKubelet }']);
        // Setup: WaitForJobPodsRunning(2) before the upgrade
        expect(runningAt(t, 29)).toHaveLength(2);
        expect(t.events.some((e) => e.type === 'node.kubeletRestart')).toBe(true);
        // Test: the Job is not Complete, Failed (nor Suspended), and both pods still run, the same two
        expect(completes(t)).toEqual([]);
        expect(failures(t)).toEqual([]);
        expect(runningAt(t, 120)).toEqual(runningAt(t, 29));
        expect(created(t)).toHaveLength(2);
        // a kubelet restart leaves running containers alone: no exit, no second start
        for (const p of t.pods!) expect(exitCodes(t, p.name)).toEqual([]);
        for (const p of t.pods!) expect(t.events.filter((e) => e.type === 'container.start' && e.pod === p.name)).toHaveLength(1);
      });
    }
  }
});
