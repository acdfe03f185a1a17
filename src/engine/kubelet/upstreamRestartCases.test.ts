// Golden cases: upstream's own unit-test tables for the restart decisions and the restart back-off,
// replayed against our ports (restartPolicy.ts, getPhase.ts containerShouldRestart, backoff.ts).
// Rules: [4.1] [4.2] [4.5] [11.1] [10.9].
//
// Sources (kubernetes/kubernetes, read with the library's read_file; newest stored copies used):
//
// A. pkg/kubelet/container/helpers_test.go, TestShouldContainerBeRestarted. Read at commit
//    36a4ee4533e4aebb597b96e480f91a3e0eaf43d3 (file id 16479538; k8s.io/api/core/v1, the
//    EphemeralContainers gate in TestGetContainerSpec: a 1.19/1.20-era tree) and in the newest
//    stored copy (file id 76302740, 27,586 characters, with TestHashContainerWithoutResources and
//    TestHasWindowsHostProcessContainer: a 1.27+-era tree). The table is the same in both: five
//    containers (no-history, alive, succeed, failed, unknown) x pod restartPolicy Never, OnFailure,
//    Always, then the same with pod.DeletionTimestamp set. The stored tables never set a container
//    restartPolicy or rules; no stored copy of the 1.34+ file (with ContainerRestartRules cases, if
//    any) exists. Code read: helpers.go ShouldContainerBeRestarted (file id 107707182, with the
//    DeletionTimestamp check): deleted -> false; FindContainerStatusByName (the first, i.e. newest,
//    status of that name); none -> true; Running -> false; Unknown/Created -> true; then the pod's
//    policy (Never false, OnFailure exit != 0, else true).
//
// B. pkg/api/v1/pod/util_test.go. find_files names only commit 959795b430c6b44a24bc75745f5e94a0f90b56ed,
//    a 39,098-character copy that predates KEP-5307 (no restart-rule tests). The tables were read in
//    the newest stored copy, file id 3524892120 (46,643 characters; ContainerIter, the
//    PodObservedGenerationTracking tests, ContainerRestartRules tests, nothing of RestartAllContainers
//    or AllContainersCouldRestart: a 1.34-development tree), with util.go of the same shape (file id
//    677383102: ContainerShouldRestart lets a matching rule whose action is not Restart fall back to
//    the container's policy). Upstream has no TestContainerShouldRestart: ContainerShouldRestart's
//    table is TestContainerHasRestartablePolicy. Functions translated: TestIsContainerRestartable,
//    TestContainerHasRestartablePolicy, TestFindMatchingContainerRestartRule. No stored test of
//    ShouldAllContainersRestart or AllContainersCouldRestart was found (find_string: no
//    "func TestAllContainersCouldRestart(", "func TestShouldAllContainersRestart(", and no
//    "func AllContainersCouldRestart(" anywhere), so the RestartAllContainers action has no upstream
//    table here.
//
// C. staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go at commit
//    923690b6184c7d6d7601d0c2e135ef199a1f564e (file id 179859939; k8s.io/client-go/util/clock, an
//    older tree; the kubelet's use of Backoff is unchanged in what these tests touch, except the
//    1.32+ HasExpiredFunc, below). Functions: TestSlowBackoff, TestBackoffReset,
//    TestBackoffHightWaterMark (upstream's spelling), TestBackoffGC, TestIsInBackOffSinceUpdate. Not
//    used: a stored jittered variant (file id 23386776295, expectations such as 1821921541 ns drawn
//    from DefaultJitterRatio): the kubelet's container and image back-offs have no jitter ([4.5]).
//    No kubelet-level back-off test of this era is stored (TestSyncPodBackoff exists only in the
//    pre-CRI dockertools copies; no test of newCrashLoopBackOff is stored).
//
// How the arguments map:
// - pod.Spec.RestartPolicy -> our podPolicy. Upstream's unset "" (a PodSpec{} in a table) is what
//   the API server defaults to Always, and ContainerShouldRestart/IsContainerRestartable treat it as
//   Always too (their default branch), so it is 'Always' here.
// - container.RestartPolicy (nil or a pointer) -> PolicyContainer.restartPolicy (undefined or the value).
// - container.RestartPolicyRules[{Action, ExitCodes{Operator, Values}}] -> restartPolicyRules
//   [{action, operator, values}]. A rule with no ExitCodes (TestIsContainerRestartable's first case)
//   has no counterpart in our type; IsContainerRestartable reads only the action, so any codes do.
// - The runtime status of A: an Exited newest status with ExitCode -> our exitCode argument. Our
//   shouldContainerBeRestarted is only asked about a container whose newest instance exited, so the
//   no-history, alive (Running) and unknown rows have no counterpart (list below).
// - pod.DeletionTimestamp != nil -> RestartQuestion.deleted.
// - Feature gates: ContainerRestartRules -> containerRestartRules, as defaultGates(version) gives it
//   (beta, on, from 1.35), plus 1.34 with the alpha gate turned on (resolveGates). A cases, which have
//   no container policy, run on every version 1.27-1.37 with that version's default gate, and on 1.34
//   with the gate on. B cases that set a container policy or rules run on 1.34 (gate on) and 1.35-1.37
//   (default); B cases with only a pod policy run on every version.
// - Back-off (C): NewFakeBackOff(step, maxDuration, clock) -> BackoffTable({ initial: step, max })
//   (the kubelet's container back-off) and ImagePullBackoff(step, max) (the image-pull back-off);
//   Next(id, eventTime) -> next(id, eventTime, clockNow) / failed(id, clockNow); IsInBackOffSince(id,
//   eventTime) -> isInBackOffSince(id, eventTime, clockNow); IsInBackOffSinceUpdate(id, now) ->
//   ImagePullBackoff.inBackOff(id, now); Get -> get; GC() -> ImagePullBackoff.pulled(now) (its GC), and
//   for BackoffTable the GC it applies when an entry is next read (`live`), observed through
//   isInBackOffSince(id, now, now) followed by get(id) (0 once dropped). client-go's default expiry
//   is 2 x maxDuration; the kubelet's container back-off expires after a flat 600 s (HasExpiredFunc
//   from 1.32; up to 1.31 the cap was always 300 s, so 2 x 300 s), which our BackoffTable hard-codes
//   ([4.5]). So the tests whose outcome depends on the expiry (Reset, HightWaterMark, GC) run on
//   BackoffTable with the kubelet's own settings for each version (step = initial 10 s, maxDuration =
//   cap 300 s, so 2 x maxDuration = 600 s), and on ImagePullBackoff with upstream's own numbers.
//
// Cases with no counterpart (left out):
// - TestShouldContainerBeRestarted: rows no-history (no status: true), alive (newest status
//   Running: false) and unknown (Unknown state: true), 9 cases, and the same three rows of the
//   deleted pod, 9 cases: our shouldContainerBeRestarted takes an exit code, not a runtime state
//   (computePodActions decides those states itself, [4.1]).
// - TestSlowBackoff's tail (Next, Reset(id), Get == 0): neither back-off of ours has Reset.
// - TestIsContainerRestartable "Container: Rule action 'Restart' should always be true": see the
//   note at its table (a different function, not a disagreement of restartPolicy.ts).
//
// Disagreements with upstream: none in these tables. Every translated case passes on every version
// it applies to; the one IsContainerRestartable case left out is a difference of function (B2).

import { describe, expect, it } from 'vitest';
import { BackoffTable, ImagePullBackoff, backoffSettings } from './backoff';
import { containerShouldRestart } from './getPhase';
import {
  matchingRule, restartsOnFailure, shouldContainerBeRestarted, shouldRestartAfterExit, type PolicyContainer,
} from './restartPolicy';
import { SUPPORTED_VERSIONS, defaultGates, minor, resolveGates, type KubeVersion } from '../version';
import type { RestartPolicy, RestartRule } from '../scenario/types';

/** Every version with its default ContainerRestartRules, and 1.34 again with the alpha gate on. */
function gateRuns(sinceGate: boolean): { label: string; gate: boolean }[] {
  const out: { label: string; gate: boolean }[] = [];
  for (const v of SUPPORTED_VERSIONS) {
    const gate = defaultGates(v).ContainerRestartRules;
    if (!sinceGate || gate) out.push({ label: `${v}${gate ? ' (ContainerRestartRules on)' : ''}`, gate });
  }
  const alpha = resolveGates('1.34', { ContainerRestartRules: true }).ContainerRestartRules;
  if (!alpha) throw new Error('1.34 refused ContainerRestartRules');
  out.push({ label: '1.34 with ContainerRestartRules turned on', gate: alpha });
  return out;
}

// ---------------------------------------------------------------------------------------------
// A. TestShouldContainerBeRestarted (helpers_test.go) [4.1]
// ---------------------------------------------------------------------------------------------

const policies: readonly RestartPolicy[] = ['Never', 'OnFailure', 'Always'];
// The statuses of upstream's table with an Exited newest instance: "succeed" exit 0, "failed" exit 1
// (its older instance, exit 3, is not the one FindContainerStatusByName returns).
const exitedRows: { name: string; exitCode: number; expected: readonly boolean[]; expectedDeleted: readonly boolean[] }[] = [
  { name: 'succeed', exitCode: 0, expected: [false, false, true], expectedDeleted: [false, false, false] },
  { name: 'failed', exitCode: 1, expected: [false, true, true], expectedDeleted: [false, false, false] },
];

describe('TestShouldContainerBeRestarted (pkg/kubelet/container/helpers_test.go) [4.1]', () => {
  for (const run of gateRuns(false)) {
    for (const row of exitedRows) {
      policies.forEach((policy, i) => {
        it(`${run.label}: container "${row.name}" (exit ${row.exitCode}), pod restartPolicy ${policy} -> ${String(row.expected[i])}`, () => {
          expect(shouldContainerBeRestarted(policy, { }, row.exitCode, { deleted: false, containerRestartRules: run.gate }))
            .toBe(row.expected[i]);
        });
        it(`${run.label}: deleted pod, container "${row.name}" (exit ${row.exitCode}), pod restartPolicy ${policy} -> ${String(row.expectedDeleted[i])}`, () => {
          expect(shouldContainerBeRestarted(policy, { }, row.exitCode, { deleted: true, containerRestartRules: run.gate }))
            .toBe(row.expectedDeleted[i]);
        });
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// B1. TestContainerHasRestartablePolicy (util_test.go; tests ContainerShouldRestart) [4.2] [11.1]
// ---------------------------------------------------------------------------------------------

const never = 'Never' as const;
const onFailure = 'OnFailure' as const;
const always = 'Always' as const;

interface ShouldRestartCase {
  name: string;
  container: PolicyContainer;
  /** upstream's PodSpec.RestartPolicy; "" (a PodSpec{}) is written 'Always', see the header. */
  pod: RestartPolicy;
  exitCode: number;
  expected: boolean;
}

const rule = (action: RestartRule['action'], operator: RestartRule['operator'], values: number[]): RestartRule =>
  ({ action, operator, values });

const containerHasRestartablePolicy: ShouldRestartCase[] = [
  { name: "Rule: 'In' operator matches with 'Restart' action",
    container: { restartPolicy: never, restartPolicyRules: [rule('Restart', 'In', Array.of(42, 50, 60))] },
    pod: 'Always' /* PodSpec{} */, exitCode: 42, expected: true },
  { name: "Rule: 'NotIn' operator matches with 'Restart' action",
    container: { restartPolicy: never, restartPolicyRules: [rule('Restart', 'NotIn', Array.of(0, 1, 2))] },
    pod: 'Always' /* PodSpec{} */, exitCode: 99, expected: true },
  { name: "Rule: 'In' operator does not match, should fall back to container policy",
    container: { restartPolicy: never, restartPolicyRules: [rule('Restart', 'In', Array.of(10, 20))] },
    pod: 'Always' /* PodSpec{} */, exitCode: 30, expected: false },
  { name: "Rule: 'NotIn' operator does not match, should fall back to container policy",
    container: { restartPolicy: never, restartPolicyRules: [rule('Restart', 'NotIn', Array.of(10, 20))] },
    pod: 'Always' /* PodSpec{} */, exitCode: 10, expected: false },
  { name: "Container Policy: 'Always'", container: { restartPolicy: always }, pod: 'Never', exitCode: 0, expected: true },
  { name: "Container Policy: 'OnFailure' with exit code 0", container: { restartPolicy: onFailure }, pod: 'Never', exitCode: 0, expected: false },
  { name: "Container Policy: 'OnFailure' with non-zero exit code", container: { restartPolicy: onFailure }, pod: 'Never', exitCode: 1, expected: true },
  { name: "Container Policy: 'Never' should return false", container: { restartPolicy: never }, pod: 'Always', exitCode: 1, expected: false },
  { name: "Pod Policy: Fallback to pod 'Always'", container: {}, pod: 'Always', exitCode: 0, expected: true },
  { name: "Pod Policy: Fallback to pod 'OnFailure' with non-zero exit code", container: {}, pod: 'OnFailure', exitCode: 1, expected: true },
  { name: "Pod Policy: Fallback to pod 'Never'", container: {}, pod: 'Never', exitCode: 1, expected: false },
  { name: 'Pod Policy: Fallback with no policies specified should return true', container: {}, pod: 'Always' /* PodSpec{} */, exitCode: 0, expected: true },
];

/** A case that sets a container policy or rules needs the gate; a pod-only case holds everywhere. */
const needsGate = (c: PolicyContainer): boolean => c.restartPolicy !== undefined || (c.restartPolicyRules?.length ?? 0) > 0;

describe('TestContainerHasRestartablePolicy (pkg/api/v1/pod/util_test.go, ContainerShouldRestart) [4.2] [11.1]', () => {
  for (const tc of containerHasRestartablePolicy) {
    for (const run of gateRuns(needsGate(tc.container))) {
      describe(`${run.label}: ${tc.name}`, () => {
        it(`shouldContainerBeRestarted (CH with the gate: ContainerShouldRestart) -> ${String(tc.expected)} [4.1]`, () => {
          expect(shouldContainerBeRestarted(tc.pod, tc.container, tc.exitCode, { deleted: false, containerRestartRules: run.gate }))
            .toBe(tc.expected);
        });
        it(`shouldRestartAfterExit (computePodActions, an exited container) -> ${String(tc.expected)} [4.2]`, () => {
          expect(shouldRestartAfterExit(tc.pod, tc.container, tc.exitCode, run.gate)).toBe(tc.expected);
        });
        if (run.gate) {
          it(`getPhase's containerShouldRestart -> ${String(tc.expected)}`, () => {
            expect(containerShouldRestart(tc.pod, { name: 'c', ...tc.container }, tc.exitCode)).toBe(tc.expected);
          });
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// B2. TestIsContainerRestartable (util_test.go) [4.2]
// ---------------------------------------------------------------------------------------------
// IsContainerRestartable(pod, container) has no port of its own here. Upstream calls it where the
// kubelet asks whether a pod may run again (kubelet.go SyncPod's runOnce, for the pod cgroup; in an
// earlier 1.34-era kuberuntime, shouldRestartOnFailure, since replaced by "the container's own policy
// when set, else the pod's" for probe kills, a patch read as a diff of kuberuntime_manager.go
// computePodActions and kuberuntime_container.go computeInitContainerActions). Our restartsOnFailure
// ports that later branch ([4.2]), which coincides with IsContainerRestartable for every case
// without rules, so those seven are replayed against it. Left out: "Container: Rule action 'Restart'
// should always be true" (pod Never, container Never with a Restart rule, expected true):
// restartsOnFailure reads no rules and answers false, as the probe-kill branch it ports does (a
// running container has no exit code to match). That is a difference of functions, not of the
// decision restartsOnFailure models.

const isContainerRestartable: { name: string; pod: RestartPolicy; container: PolicyContainer; expected: boolean }[] = [
  { name: "Container: Policy 'Always' is restartable", pod: 'Never', container: { restartPolicy: always }, expected: true },
  { name: "Container: Policy 'OnFailure' is restartable", pod: 'Never', container: { restartPolicy: onFailure }, expected: true },
  { name: "Container: Policy 'Never' is not restartable", pod: 'Always', container: { restartPolicy: never }, expected: false },
  { name: "Pod Fallback: Policy 'Always' is restartable", pod: 'Always', container: {}, expected: true },
  { name: "Pod Fallback: Policy 'OnFailure' is restartable", pod: 'OnFailure', container: {}, expected: true },
  { name: "Pod Fallback: Policy 'Never' is not restartable", pod: 'Never', container: {}, expected: false },
  { name: "Pod Fallback: Default empty policy is restartable (since it's not 'Never')", pod: 'Always' /* PodSpec{} */, container: {}, expected: true },
];

describe('TestIsContainerRestartable (pkg/api/v1/pod/util_test.go) against restartsOnFailure [4.2]', () => {
  for (const tc of isContainerRestartable) {
    for (const run of gateRuns(needsGate(tc.container))) {
      it(`${run.label}: ${tc.name} -> ${String(tc.expected)}`, () => {
        expect(restartsOnFailure(tc.pod, tc.container, run.gate)).toBe(tc.expected);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// B3. TestFindMatchingContainerRestartRule (util_test.go) [11.1]
// ---------------------------------------------------------------------------------------------

describe('TestFindMatchingContainerRestartRule (pkg/api/v1/pod/util_test.go; rules exist from 1.34) [11.1]', () => {
  const ruleIn = rule('Restart', 'In', Array.of(42, 50, 60));
  const ruleNotIn = rule('Restart', 'NotIn', Array.of(0, 1, 2));
  const ruleIn42 = rule('Restart', 'In', Array.of(42));
  const cases: { name: string; container: PolicyContainer; exitCode: number; expectedRule: RestartRule | undefined }[] = [
    { name: 'a rule with op In matches', container: { restartPolicyRules: [ruleIn] }, exitCode: 42, expectedRule: ruleIn },
    { name: 'a rule with op NotIn matches', container: { restartPolicyRules: [ruleNotIn] }, exitCode: 99, expectedRule: ruleNotIn },
    { name: 'matches the first rule if two rules both matched', container: { restartPolicyRules: [ruleIn, ruleIn42] }, exitCode: 42, expectedRule: ruleIn },
    { name: 'no rules matched', container: { restartPolicyRules: [ruleIn] }, exitCode: 100, expectedRule: undefined },
    { name: 'no rules defined', container: {}, exitCode: 0, expectedRule: undefined },
  ];
  for (const tc of cases) {
    it(`${tc.name} -> ${tc.expectedRule ? 'found' : 'not found'}`, () => {
      const got = matchingRule(tc.container, tc.exitCode);
      expect(got !== undefined).toBe(tc.expectedRule !== undefined);
      expect(got).toBe(tc.expectedRule);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// C. client-go flowcontrol backoff_test.go [4.5] [10.9]
// ---------------------------------------------------------------------------------------------

/** The kubelet's container back-off for a version's default gates: 10 s to 300 s in every version ([4.5]). */
function kubeletTable(v: KubeVersion): { table: BackoffTable; step: number; maxDuration: number } {
  const settings = backoffSettings(defaultGates(v));
  expect(settings).toEqual({ initial: 10, max: 300 });
  return { table: new BackoffTable(settings), step: settings.initial, maxDuration: settings.max };
}

/** "Get to backoff = maxDuration": maxDuration/step + 1 steps, each a Next at the clock's time. */
function climb(next: (now: number) => void, step: number, maxDuration: number, start = 0): number {
  let now = start;
  for (let i = 0; i <= Math.floor(maxDuration / step); i++) {
    now += step;
    next(now);
  }
  return now;
}

describe('TestSlowBackoff (flowcontrol backoff_test.go): step 1 s, maxDuration 50 s [4.5] [10.9]', () => {
  const expected = Array.of(0, 1, 2, 4, 8, 16, 32, 50, 50, 50);

  it('BackoffTable (the container back-off, as the kubelet drives it): waits 0, 1, 2 … 32, then 50 s', () => {
    const table = new BackoffTable({ initial: 1, max: 50 });
    let now = 0;
    const got: number[] = [];
    for (let i = 0; i < expected.length; i++) {
      now += 1;
      got.push(table.get('_idSlow'));
      table.next('_idSlow', now, now);
    }
    expect(got).toEqual(expected);
  });

  it('ImagePullBackoff (the image-pull back-off): the same sequence', () => {
    const b = new ImagePullBackoff(1, 50);
    let now = 0;
    const got: number[] = [];
    for (let i = 0; i < expected.length; i++) {
      now += 1;
      got.push(b.get('_idSlow'));
      b.failed('_idSlow', now);
    }
    expect(got).toEqual(expected);
  });
});

describe('TestBackoffReset (flowcontrol backoff_test.go) [4.5]', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`${v}: capped at maxDuration and in back-off at once; not in back-off 2 × maxDuration + step later (step 10 s, maxDuration 300 s)`, () => {
      const { table, step, maxDuration } = kubeletTable(v);
      let now = climb((t) => table.next('_idReset', t, t), step, maxDuration);
      expect(table.get('_idReset')).toBe(maxDuration);
      expect(table.isInBackOffSince('_idReset', now, now)).toBe(true);
      const lastUpdate = now;
      now += 2 * maxDuration + step;
      expect(table.isInBackOffSince('_idReset', lastUpdate, now)).toBe(false);
    });
  }
});

describe('TestBackoffHightWaterMark (flowcontrol backoff_test.go) [4.5]', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`${v}: a Next maxDuration + step after the cap keeps the high watermark (step 10 s, maxDuration 300 s)`, () => {
      const { table, step, maxDuration } = kubeletTable(v);
      let now = climb((t) => table.next('_idHiWaterMark', t, t), step, maxDuration);
      now += maxDuration + step;
      table.next('_idHiWaterMark', now, now);
      expect(table.get('_idHiWaterMark')).toBe(maxDuration);
    });
  }

  it('ImagePullBackoff with upstream\'s numbers (step 1 s, maxDuration 5 s) [10.9]', () => {
    const b = new ImagePullBackoff(1, 5);
    let now = climb((t) => b.failed('_idHiWaterMark', t), 1, 5);
    now += 5 + 1;
    b.failed('_idHiWaterMark', now);
    expect(b.get('_idHiWaterMark')).toBe(5);
  });
});

describe('TestBackoffGC (flowcontrol backoff_test.go) [4.5] [10.9]', () => {
  for (const v of SUPPORTED_VERSIONS) {
    it(`${v}: kept maxDuration + step after the last update, gone 2 × (maxDuration + step) after (step 10 s, maxDuration 300 s)`, () => {
      const { table, step, maxDuration } = kubeletTable(v);
      let now = climb((t) => table.next('_idGC', t, t), step, maxDuration);
      now += maxDuration + step;
      table.isInBackOffSince('_idGC', now, now); // the read that GCs an idle entry
      expect(table.get('_idGC')).toBe(maxDuration); // "expected GC to skip entry"
      now += maxDuration + step;
      table.isInBackOffSince('_idGC', now, now);
      expect(table.get('_idGC')).toBe(0); // "expected GC of entry"
    });
  }

  it('ImagePullBackoff.pulled (EnsureImageExists\' GC) with upstream\'s numbers (step 1 s, maxDuration 5 s)', () => {
    const b = new ImagePullBackoff(1, 5);
    let now = climb((t) => b.failed('_idGC', t), 1, 5);
    now += 5 + 1;
    b.pulled(now);
    expect(b.get('_idGC')).toBe(5);
    now += 5 + 1;
    b.pulled(now);
    expect(b.get('_idGC')).toBe(0);
  });
});

describe('TestIsInBackOffSinceUpdate (flowcontrol backoff_test.go; the image manager\'s check) [10.9]', () => {
  // {tick, inBackOff, value}: step 1 s, maxDuration 10 s; value is checked only while in back-off.
  const cases: [number, boolean, number][] = [
    [0, false, 0], [1, false, 1], [2, true, 2], [3, false, 2], [4, true, 4], [5, true, 4], [6, true, 4],
    [7, false, 4], [8, true, 8], [9, true, 8], [10, true, 8], [11, true, 8], [12, true, 8], [13, true, 8],
    [14, true, 8], [15, false, 8], [16, true, 10], [17, true, 10], [18, true, 10], [19, true, 10],
    [20, true, 10], [21, true, 10], [22, true, 10], [23, true, 10], [24, true, 10], [25, false, 10],
    [26, true, 10], [27, true, 10], [28, true, 10], [29, true, 10], [30, true, 10], [31, true, 10],
    [32, true, 10], [33, true, 10], [34, true, 10], [35, false, 10], [56, false, 0], [57, false, 1],
  ];

  it('ImagePullBackoff.inBackOff / failed follow the 38 ticks', () => {
    const b = new ImagePullBackoff(1, 10);
    for (const [tick, inBackOff, value] of cases) {
      expect({ tick, inBackOff: b.inBackOff('_idIsInBackOffSinceUpdate', tick) }).toEqual({ tick, inBackOff });
      if (inBackOff) expect({ tick, value: b.get('_idIsInBackOffSinceUpdate') }).toEqual({ tick, value });
      if (!inBackOff) b.failed('_idIsInBackOffSinceUpdate', tick);
    }
  });
});

// The versions the gated tables ran on, for the record: ContainerRestartRules is alpha in 1.34 and on
// by default from 1.35 ([4.2]).
it('ContainerRestartRules defaults: off up to 1.34, on from 1.35', () => {
  for (const v of SUPPORTED_VERSIONS) expect(defaultGates(v).ContainerRestartRules).toBe(minor(v) >= 35);
});
