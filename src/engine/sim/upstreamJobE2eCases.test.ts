// Upstream's Job end-to-end tests (kubernetes/kubernetes test/e2e/apps/job.go), translated to
// whole scenarios through the Job controller ([16], [13.4]). This file: the NonIndexed Jobs;
// upstreamJobE2eIndexedCases.test.ts: the Indexed ones and the per-index limits.
//
// Read: test/e2e/apps/job.go at three stored versions: the newest (search-index file 5690324,
// 1.34+ shape: "Release: v1.33" conformance tags, successPolicy, the ContainerRestartRules case,
// WaitForJobComplete with a reason), @3267a9fff3f275705d4ce98ceb53ab22b7667a71 (1.31 shape:
// waitForJobCondition on the interim FailureTarget / SuccessCriteriaMet conditions, the pod
// failure policy cases "…to not count the failure towards the backoffLimit" and "…evicted pod;
// matching on the exit code", since replaced) and search-index file 878557766 (1.25 shape, the
// same NonIndexed cases without interim conditions); test/e2e/framework/job/fixtures.go
// @277391ee713412cf75e4b46ad5d6e5ae9844abf1 (NewTestJobOnNode: container "c", busybox, and the
// behaviours succeed, fail, failOnce, notTerminate, notTerminateOnce, failOddSucceedEven; the
// newest job.go's failOncePerIndex and notTerminateOncePerIndex are not in the stored fixtures:
// taken from the tests' descriptions). The controller code the expectations rest on:
// pkg/controller/job/job_controller.go @6ae037f1db843e99547258d7dd292301a74ba0eb, syncJob,
// newFailureCondition, delayTerminalCondition and trackJobStatusAndRemoveFinalizers (1.31+: the
// FailureTarget / SuccessCriteriaMet condition is written first, the Failed / Complete one in the
// same sync when no pod is terminating, else once none is).
//
// How upstream's cases map to ours (upstreamJobE2e.testkit.ts):
//  - NewTestJob(behaviour, name, restartPolicy, parallelism, completions, activeDeadlineSeconds,
//    backoffLimit) -> the same Job, pod template and container "c". A behaviour the engine infers
//    from the command is kept (`exit 0`, `exit 1`, the pause image, the trap script); one that reads
//    a marker file on the node (failOnce) is given as the Simulation behaviour (exit 0 after 1 s)
//    plus a planned exit 1 on the pods that find no marker: the pods of the first batch under Never
//    (they start together on the one node, neither sees the other's file), every pod's first run
//    under OnFailure (its emptyDir outlives the restart).
//  - The Job's final condition: `job.complete` / `job.failed` (its reason). The trace holds no Job
//    conditions list: the interim FailureTarget (1.31+) shows only where the condition waits for
//    terminating pods (the event's why names it); SuccessCriteriaMet is not in the trace, and
//    Complete's reason (CompletionsReached, SuccessPolicy) is `job.complete`'s `reason` ([16.9]).
//  - status.succeeded / failed: the pods whose phase is Succeeded / Failed (no case here ignores a
//    failure and asserts `failed`); status.active / ready / terminating = 0: every pod is terminal.
//  - A pod deletion or eviction: a `deletePod` event at a fixed time, checked to come when upstream
//    makes it (after the pods it waits for).
//
// Not expressible (no counterpart in the engine):
//  - should not create pods when created in suspend state; should delete pods when suspended;
//    should update the status ready field: `spec.suspend` is not modelled (nor status.ready).
//  - should remove pods when job is deleted; should delete a job; should manage the lifecycle of a
//    job; should apply changes to a job status; should adopt matching orphans and release
//    non-matching pods; should allow to delegate reconciliation to external controller
//    (spec.managedBy): API operations on the Job object, owner references, labels, a second
//    controller; the simulation has no Job object to delete, patch or hand over.
//  - should run a job to completion with CPU requests: kept below, but the node's allocatable CPU
//    and the scheduler are not modelled, so all 90 pods run at once instead of five at a time.
//  - No job.go version stored here has a sidecar Job case.
//
// DISAGREEMENTS: none in this file (the successPolicy ones: see the Indexed file's header).

import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../version';
import { BUSYBOX, PAUSE, completes, created, exitCodes, failures, noneLeft, podsIn, runJob, terminalAt, type E2eJob } from './upstreamJobE2e.testkit';

const from = (m: number) => SUPPORTED_VERSIONS.filter((v) => minor(v) >= m);
const sh = (script: string) => `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c", "${script}"]\n`;
/** failOnce: the script's test of /data/foo, given as the Simulation behaviour (the engine reads no file). */
const failOnce = `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c"]\n          args: ["if [[ -r /data/foo ]]; then exit 0; else touch /data/foo; exit 1; fi"]\n`;
const EXITS_0_AFTER_1S = '{ exitAfter: 1s, exitCode: 0 }';
const parallel = (backoffLimit: number) => `  parallelism: 2\n  completions: 4\n  backoffLimit: ${backoffLimit}\n`;

describe('upstream e2e [sig-apps] Job (test/e2e/apps/job.go), NonIndexed [16.2], [16.3]', () => {
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should run a job to completion when tasks succeed`, () => {
      const t = runJob({ name: 'all-succeed', version, spec: parallel(6), container: sh('exit 0') });
      expect(completes(t)).toHaveLength(1);
      expect(failures(t)).toEqual([]);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4); // successes == completions
      expect(created(t).filter((e) => e.t === 0)).toHaveLength(2); // parallelism
      expect(noneLeft(t)).toBe(true);
    });

    it(`${version}: should fail to exceed backoffLimit`, () => {
      const t = runJob({ name: 'backofflimit', version, spec: '  parallelism: 1\n  completions: 1\n  backoffLimit: 1\n', container: sh('exit 1') });
      expect(failures(t).map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
      // "Checking that 2 pod created and status is failed"
      expect(t.pods!.map((p) => p.phase)).toEqual(['Failed', 'Failed']);
      expect(noneLeft(t)).toBe(true);
    });

    const delayed = minor(version) >= 31; // delayTerminalCondition [13.4]
    it(`${version}: should fail when exceeds active deadline${delayed ? ' (FailureTarget first, Failed once the pods are terminal)' : ''}`, () => {
      const t = runJob({ name: 'exceed-active-deadline', version, spec: `  activeDeadlineSeconds: 1\n${parallel(6)}`, container: `          image: ${PAUSE}\n` });
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('DeadlineExceeded');
      expect(t.events.filter((e) => e.type === 'pod.deleted').map((e) => e.t)).toEqual([1, 1]);
      expect(created(t)).toHaveLength(2);
      expect(completes(t)).toEqual([]);
      expect(noneLeft(t)).toBe(true); // active 0, ready 0, terminating 0
      if (delayed) {
        expect(failed!.why).toMatch(/FailureTarget condition \(at 1s\)/);
        expect(failed!.t).toBeGreaterThanOrEqual(Math.max(...t.pods!.map((p) => terminalAt(t, p.name))));
      } else {
        expect(failed!.t).toBe(1);
      }
    });

    it(`${version}: should run a job to completion when tasks sometimes fail and are locally restarted`, () => {
      // failOnce under OnFailure: each pod's first run fails (its emptyDir is empty), the restart succeeds
      const t = runJob({ name: 'fail-once-local', version, spec: parallel(6), restartPolicy: 'OnFailure', container: failOnce, behaviour: EXITS_0_AFTER_1S }, () => 1);
      expect(completes(t)).toHaveLength(1);
      expect(failures(t)).toEqual([]);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4);
      expect(t.pods).toHaveLength(4);
      for (const p of t.pods!) {
        expect(exitCodes(t, p.name)).toEqual([1, 0]);
      }
    });

    it(`${version}: should run a job to completion when tasks sometimes fail and are not locally restarted`, () => {
      // failOnce under Never on one node: the first two pods find no marker and fail; their replacements succeed
      const t = runJob({ name: 'fail-once-non-local', version, spec: parallel(6), container: failOnce, behaviour: EXITS_0_AFTER_1S }, ({ n }) => (n < 2 ? 1 : undefined));
      expect(completes(t)).toHaveLength(1);
      expect(failures(t)).toEqual([]);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4);
      expect(podsIn(t, 'Failed')).toHaveLength(2);
      expect(noneLeft(t)).toBe(true); // active 0, ready 0, terminating 0
    });

    it(`${version}: should run a job to completion with CPU requests`, () => {
      const container = `${sh('exit 0')}          resources: { requests: { cpu: 400m } }\n`;
      const t = runJob({ name: 'all-succeed', version, spec: '  parallelism: 90\n  completions: 90\n  backoffLimit: 0\n', container });
      expect(completes(t)).toHaveLength(1);
      expect(podsIn(t, 'Succeeded')).toHaveLength(90);
    });
  }
});

describe('upstream e2e [sig-apps] Job, podFailurePolicy [16.7]', () => {
  const policy = (action: string, values: string) => `  podFailurePolicy:\n    rules:\n      - action: ${action}\n        onExitCodes: { operator: In, values: [${values}] }\n`;
  for (const version of SUPPORTED_VERSIONS) {
    it(`${version}: should allow to use the pod failure policy on exit code to fail the job early`, () => {
      const j: E2eJob = { name: 'pod-failure-failjob', version, spec: parallel(6) + policy('FailJob', '1'), container: failOnce, behaviour: EXITS_0_AFTER_1S };
      const t = runJob(j, ({ n }) => (n < 2 ? 1 : undefined));
      const [failed, ...more] = failures(t);
      expect(more).toEqual([]);
      expect(failed!.reason).toBe('PodFailurePolicy'); // before the backoffLimit of 6 is reached
      expect(created(t).every((e) => e.t <= failed!.t)).toBe(true);
      expect(created(t)).toHaveLength(2);
      expect(completes(t)).toEqual([]);
      expect(noneLeft(t)).toBe(true);
    });

    it(`${version}: should allow to use the pod failure policy to not count the failure towards the backoffLimit`, () => {
      const j: E2eJob = { name: 'pod-failure-ignore', version, spec: parallel(0) + policy('Ignore', '1'), container: failOnce, behaviour: EXITS_0_AFTER_1S };
      const t = runJob(j, ({ n }) => (n < 2 ? 1 : undefined));
      expect(failures(t)).toEqual([]); // backoffLimit 0, yet the two failures do not count
      expect(completes(t)).toHaveLength(1);
      expect(podsIn(t, 'Succeeded')).toHaveLength(4);
      expect(podsIn(t, 'Failed')).toHaveLength(2);
    });
  }
});

describe('upstream e2e [sig-apps] Job, podReplacementPolicy [16.6] (JobPodReplacementPolicy: alpha 1.28, on from 1.29)', () => {
  // the fixture's script: `_term(){ sleep 5; exit 143; }; trap _term SIGTERM; while true; do sleep 1; done`
  const script = '_term(){\n\tsleep 5\n\texit 143\n}\ntrap _term SIGTERM\nwhile true; do\n\tsleep 1\ndone';
  const container = `          image: ${BUSYBOX}\n          command: ["/bin/sh", "-c", ${JSON.stringify(script)}]\n`;
  for (const version of from(28)) {
    it(`${version}: should recreate pods only after they have failed if pod replacement policy is set to Failed`, () => {
      const j: E2eJob = {
        name: 'pod-recreate-failed', version, until: '60s', container,
        spec: '  parallelism: 1\n  completions: 1\n  backoffLimit: 1\n  podReplacementPolicy: Failed\n',
        ...(minor(version) === 28 ? { gates: { JobPodReplacementPolicy: true } } : {}),
      };
      // the pod is running, then DeletePodsWithGracePeriod(30)
      const t = runJob(j, () => undefined, 0.5, ['  - { at: 10s, do: deletePod, gracePeriodSeconds: 30 }']);
      const [first, second, ...more] = t.pods!;
      expect(more).toEqual([]);
      expect(t.events.find((e) => e.type === 'container.start' && e.pod === first!.name)!.t).toBeLessThan(10);
      const failedAt = terminalAt(t, first!.name);
      expect(first!.phase).toBe('Failed');
      expect(t.events.find((e) => e.type === 'container.exit' && e.pod === first!.name)).toMatchObject({ exitCode: 143 });
      // while it terminates: active 0, failed 0, terminating 1 (no new pod); then active 1, failed 1, terminating 0
      expect(failedAt).toBeGreaterThan(10);
      expect(second!.start).toBeGreaterThanOrEqual(failedAt);
      expect(second!.phase).toBeUndefined();
      expect(failures(t)).toEqual([]);
    });
  }
});

describe('upstream e2e [sig-apps] Job, container restart rules (ContainerRestartRules: alpha 1.34, on from 1.35)', () => {
  for (const version of from(34)) {
    it(`${version}: containers restarted by container restart policy should not trigger PodFailurePolicy`, () => {
      const j: E2eJob = {
        name: 'managed-by', version, behaviour: EXITS_0_AFTER_1S,
        spec: '  parallelism: 1\n  completions: 1\n  backoffLimit: 1\n  podFailurePolicy:\n    rules:\n      - action: FailJob\n        onExitCodes: { containerName: c, operator: In, values: [1] }\n',
        container: `${failOnce}          restartPolicy: OnFailure\n`,
        ...(minor(version) === 34 ? { gates: { ContainerRestartRules: true } } : {}),
      };
      // failOnce: the first run exits 1, the container restarts in place and succeeds
      const t = runJob(j, ({ n }) => (n === 0 ? 1 : undefined));
      expect(exitCodes(t, t.pods![0]!.name)).toEqual([1, 0]);
      expect(failures(t)).toEqual([]);
      expect(completes(t)).toHaveLength(1);
      expect(t.pods!.map((p) => p.phase)).toEqual(['Succeeded']);
    });
  }
});
