// Upstream's own unit-test tables for the Job controller's pure helpers, translated to ours ([16]).
//
// Read (kubernetes/kubernetes pkg/controller/job/, the newest stored copies; the store keeps no
// release tags, so the era is read off the code's shape):
//  - backoff_utils_test.go @0bee0bcaa7ddf245d967776b158f2affb7b9c5f3 (newest stored: its
//    getFinishedTime sidecar case names a restartable init container; the older stored copy
//    @e4348a1210ad876a1bbd71523104215258d68f57, 1.29 shape, has the same three tables used here)
//    and backoff_utils.go @21da0b6d5b46d36ada23854eadba50f069910829 (1.3x: newBackoffRecord,
//    getFinishedTime with the SidecarContainers branch and the Ready=False fallback,
//    getRemainingTimePerIndex with getIndexAbsoluteFailureCount, getRemainingTimeForFailuresCount);
//  - indexed_job_utils_test.go @4a37f009ca615534484b1116d0f147f1f23cf067 and indexed_job_utils.go
//    @78fc8e44052f699bf598f84b697b41e5a328c9c5 (1.3x: firstPendingIndexes(jobCtx, count,
//    completions) with failed and, under onlyReplaceFailedPods, terminating indexes; isIndexFailed;
//    getNewIndexFailureCounts with the ignored-failure count). The store's default copy
//    @037091284e21741bb0427c489694e84774fff8cc is the pre-1.28 shape (no failed indexes): not used;
//  - pod_failure_policy_test.go @1892e4deb967a2b39cfc2fea87a8bd49274449ef and pod_failure_policy.go
//    @95f08499d652a6211121d8af35f470609217c730 (1.3x: matchOnExitCodes reads containerStatuses, then
//    initContainerStatuses; FailIndex only while the JobBackoffLimitPerIndex gate is on).
//
// Translated (each case keeps upstream's name; the rule it checks is cited):
//  - TestGetRemainingBackoffTime -> remainingFor / BackoffRecord.remaining ([16.3]). Upstream's
//    backoffRecord{failuresAfterLastSuccess, lastFailureTime *time.Time} is our BackoffRecord's two
//    public fields (nil -> undefined); time.Duration and time.Time are our seconds (t = 0 is
//    upstream's defaultTestTime, 2009-11-10 23:00:00 UTC; the fake clock is truncated to the second,
//    as our API times are, [16.3]). Upstream's tables pass defaultBackoff 5 s and maxBackoff 700 s;
//    ours are fixed at the production DefaultJobPodFailureBackOff 10 s and MaxJobPodFailureBackOff
//    6 min (jobPodBackoff). So every row is checked twice: upstream's want against
//    getRemainingTimeForFailuresCount transcribed below with its durations as parameters (this pins
//    the transcription to upstream's own numbers), and ours against that same transcription at
//    10 s / 360 s, with the value written out (`ours`). Rows marked "(at 10 s / 6 min)" re-place a
//    boundary the case's name speaks of (back-off reached, cap not reached / exceeded) at our constants.
//  - TestGetRemainingBackoffTimePerIndex -> remainingFor(failures, lastFailureTime, now) as
//    jobController.indexRemaining calls it ([16.5]): upstream's failureCount is
//    getIndexAbsoluteFailureCount(lastFailedPod) + 1 (the job-index-failure-count plus the
//    job-index-ignored-failure-count annotations of the index's last failed pod, plus that pod); ours
//    is indexLast.failures, every failure of the index counted ignored or not. Its time is
//    getFinishedTime of that pod (here its deletionTimestamp), ours indexLast.at. Plus one run of the
//    engine for the "one prev failure counted and one ignored" row.
//  - TestNewBackoffRecord -> BackoffRecord.succeeded()/failed(at) ([16.3]), fed the way
//    jobController.countFinished feeds it: the new finished pods sorted by finish time, a success
//    resetting, a failure adding one. Upstream's storeInitializer sets the two fields directly.
//  - TestFirstPendingIndexes -> firstPendingIndexes(count, completions, taken) ([16.4], [16.5]):
//    `taken(i)` is i in succeededIndexes, in failedIndexes, or the index of an active pod (a pod with
//    no or a negative completion index gives unknownCompletionIndex upstream and is dropped here).
//  - TestMatchPodFailurePolicy -> matchPodFailurePolicy(rules, codes) ([16.7]): `codes` is what
//    jobPodView.exitCodes builds from a failed pod's status: the Terminated exit codes by container
//    name, containerStatuses first, then initContainerStatuses (a container with no Terminated state
//    is absent). Upstream returns (jobFailureMessage, countFailed, action); ours the matched rule:
//    wantAction is our rule's action (nil: undefined), wantCountFailed is `action !== 'Ignore'`
//    (jobController.countFailure returns before counting only on Ignore). The FailJob message
//    ("Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule
//    at index 1") has no counterpart: ours does not return the matching container.
//  - TestIsIndexFailed -> the engine's Indexed Jobs (jobController.countFailure's `counted >
//    perIndex`, upstream `getIndexFailureCount(pod) >= backoffLimitPerIndex` read on the pod's
//    annotation before its own failure, and FailIndex) ([16.5], [16.7]); the pod with
//    job-index-failure-count N is the index's (N+1)-th counted failure.
//  - TestPodGenerateNameWithIndex -> jobPodName ([16.4]): the short-name case.
//
// Not translated (no counterpart here):
//  - TestGetFinishedTime (8): jobPodView's finishedTime is private and reads a PodSim, not a pod object.
//  - TestCalculateSucceededIndexes (12), TestCalculateFailedIndexes (6), TestIntervalsHaveIndex (6):
//    the controller keeps Sets of indexes; there is no status.completedIndexes / failedIndexes string
//    nor orderedIntervals to parse, merge or clip to completions.
//  - TestGetNewIndexFailureCountValue (4), TestGetIndexFailureCount (6),
//    TestGetPodsWithDelayedDeletionPerIndex (8), TestAppendDuplicatedIndexPodsForRemoval (3): no
//    annotations, no tracking finalizers, no duplicate pods of an index; the counts are the private
//    indexCounted/indexLast maps (their effect is checked through TestIsIndexFailed and the per-index
//    back-off run below).
//  - TestMatchPodFailurePolicy's 11 onPodConditions cases (DisruptionTarget True/False/Unknown, the
//    FailIndex/Ignore/Count/FailJob condition rules): no pod condition ever reaches the helper ([16.7]).
//    Its "unknown action …" and "unknown operator …" cases: the scenario reader refuses an unknown
//    action or operator (notSupported), as the API server's validation does, and our rule type cannot
//    hold one.
//  - TestGetNewFinishedPods / ...FinishTime...: not in backoff_utils_test.go at either stored commit
//    (the finished-pods selection is job_controller.go's getNewFinishedPods, tested in
//    job_controller_test.go, out of scope).
//
// DISAGREEMENTS: three, fixed in the engine (see the block at the end).

import { describe, expect, it } from 'vitest';
import type { PodFailurePolicyRule } from '../scenario/types';
import { BackoffRecord, firstPendingIndexes, jobPodBackoff, matchPodFailurePolicy, remainingFor } from './jobRules';
import { created, job } from './upstreamJobUtils.testkit';

/** upstream getRemainingTimeForFailuresCount (backoff_utils.go, 1.3x), its two durations as parameters, in seconds. */
function upstreamRemaining(defaultBackoff: number, maxBackoff: number, failures: number, lastFailureTime: number, now: number): number {
  if (failures === 0) return 0;
  let backoff = defaultBackoff;
  for (let i = 1; i < failures; i++) {
    backoff *= 2;
    if (backoff >= maxBackoff) {
      backoff = maxBackoff;
      break;
    }
  }
  const elapsed = now - lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

const T = 0; // upstream's defaultTestTime
const ms = (n: number) => n / 1000;

describe('upstream TestGetRemainingBackoffTime (backoff_utils_test.go) [16.3]', () => {
  // upstream: 5 s / 700 s; ours: 10 s / 6 min
  const rows: { name: string; failures: number; last?: number; now: number; upstream?: number; ours: number }[] = [
    { name: 'no failures', failures: 0, now: T, upstream: 0, ours: 0 },
    { name: 'one failure; current time and failure time are same', failures: 1, last: T, now: T, upstream: 5, ours: 10 },
    { name: 'one failure; current time == 1 second + failure time', failures: 1, last: T, now: T + 1, upstream: 4, ours: 9 },
    { name: 'one failure; current time == expected backoff time', failures: 1, last: T, now: T + 5, upstream: 0, ours: 5 },
    { name: 'one failure; current time == expected backoff time + 1 Second', failures: 1, last: T, now: T + 6, upstream: 0, ours: 4 },
    { name: 'three failures; current time and failure time are same', failures: 3, last: T, now: T, upstream: 20, ours: 40 },
    { name: 'eight failures; current time and failure time are same; backoff not exceeding maxBackoff', failures: 8, last: T, now: T, upstream: 640, ours: 360 },
    { name: 'nine failures; current time and failure time are same; backoff exceeding maxBackoff', failures: 9, last: T, now: T, upstream: 700, ours: 360 },
    { name: 'one failure; current time == expected backoff time (at 10 s / 6 min)', failures: 1, last: T, now: T + 10, ours: 0 },
    { name: 'one failure; current time == expected backoff time + 1 Second (at 10 s / 6 min)', failures: 1, last: T, now: T + 11, ours: 0 },
    { name: 'six failures; backoff not exceeding maxBackoff (at 10 s / 6 min)', failures: 6, last: T, now: T, ours: 320 },
    { name: 'seven failures; backoff exceeding maxBackoff (at 10 s / 6 min)', failures: 7, last: T, now: T, ours: 360 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      if (r.upstream !== undefined) expect(upstreamRemaining(5, 700, r.failures, r.last ?? T, r.now)).toBe(r.upstream);
      expect(upstreamRemaining(10, 360, r.failures, r.last ?? T, r.now)).toBe(r.ours);
      expect(remainingFor(r.failures, r.last, r.now)).toBe(r.ours);
      const record = new BackoffRecord();
      record.failuresAfterLastSuccess = r.failures;
      record.lastFailureTime = r.last;
      expect(record.remaining(r.now)).toBe(r.ours);
    });
  }

  it('ours equals upstream\'s formula at 10 s / 6 min for 0-12 failures and elapsed times around each step (getRemainingTimeForFailuresCount)', () => {
    for (let failures = 0; failures <= 12; failures++) {
      const step = failures === 0 ? 0 : jobPodBackoff(failures);
      for (const elapsed of [0, 1, step - 1, step, step + 1, 400]) {
        expect(remainingFor(failures, 100, 100 + elapsed)).toBe(upstreamRemaining(10, 360, failures, 100, 100 + elapsed));
      }
    }
  });
});

describe('upstream TestGetRemainingBackoffTimePerIndex (backoff_utils_test.go) [16.5]', () => {
  // failures = upstream's getIndexAbsoluteFailureCount(lastFailedPod) + 1
  it('no failures', () => {
    expect(upstreamRemaining(5, 700, 0, T, T)).toBe(0);
    expect(remainingFor(0, undefined, T)).toBe(0);
  });

  it('two prev failures; current time and failure time are same', () => {
    expect(upstreamRemaining(5, 700, 2 + 1, T, T)).toBe(20);
    expect(remainingFor(2 + 1, T, T)).toBe(40);
  });

  it('one prev failure counted and one ignored; current time and failure time are same', () => {
    expect(upstreamRemaining(5, 700, 1 + 1 + 1, T, T)).toBe(20);
    expect(remainingFor(1 + 1 + 1, T, T)).toBe(40);
  });

  it('one prev failure counted and one ignored, in the engine: the index\'s back-off counts the ignored failure too (indexLast, getIndexAbsoluteFailureCount)', () => {
    // index 0: an Ignore-d failure at 3 s (back-off 10 s), then a counted one at 16 s: its third
    // pod waits 20 s (2 failures of the index), not 10 s (1 counted failure)
    const t = job({
      spec: '  completions: 2\n  parallelism: 2\n  completionMode: Indexed\n  backoffLimitPerIndex: 3\n  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onExitCodes: { operator: In, values: [42] }',
      command: 'sleep 60',
      events: '  - { at: 3s, container: worker, index: 0, do: crash, exitCode: 42 }\n  - { at: 16s, container: worker, index: 0, do: crash, exitCode: 1 }\n',
    });
    expect(created(t).filter((e) => e.index === 0).map((e) => e.t)).toEqual([0, 3 + 10, 16 + 20]);
  });
});

describe('upstream TestNewBackoffRecord (backoff_utils_test.go) [16.3]', () => {
  /** jobController.countFinished: the new finished pods in finish-time order, the failures first on a tie. */
  function newBackoffRecord(init: (r: BackoffRecord) => void, succeeded: number[], failed: number[]): BackoffRecord {
    const record = new BackoffRecord();
    init(record);
    const finished = [...succeeded.map((at) => ({ ok: true, at })), ...failed.map((at) => ({ ok: false, at }))]
      .sort((a, b) => a.at - b.at || Number(a.ok) - Number(b.ok));
    for (const f of finished) {
      if (f.ok) record.succeeded();
      else record.failed(f.at);
    }
    return record;
  }
  const empty = () => undefined;
  const rows: { name: string; init?: (r: BackoffRecord) => void; succeeded: number[]; failed: number[]; failures: number; last?: number }[] = [
    { name: 'Empty backoff store and one new failure', succeeded: [], failed: [T], failures: 1, last: T },
    { name: 'Empty backoff store and two new failures', succeeded: [], failed: [T, T - ms(1)], failures: 2, last: T },
    { name: 'Empty backoff store, two failures followed by success', succeeded: [T], failed: [T - ms(2), T - ms(1)], failures: 0 },
    { name: 'Empty backoff store, two failures, one success and two more failures', succeeded: [T - ms(2)], failed: [T, T - ms(4), T - ms(3), T - ms(1)], failures: 2, last: T },
    {
      name: 'Backoff store having failure count 2 and one new failure',
      init: (r) => {
        r.failuresAfterLastSuccess = 2;
        r.lastFailureTime = undefined;
      },
      succeeded: [],
      failed: [T],
      failures: 3,
      last: T,
    },
    { name: 'Empty backoff store with no success/failure', succeeded: [], failed: [], failures: 0 },
    { name: 'Empty backoff store with one success', succeeded: [T], failed: [], failures: 0 },
    { name: 'Empty backoff store with success and failure at same timestamp', succeeded: [T], failed: [T], failures: 0 },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const record = newBackoffRecord(r.init ?? empty, r.succeeded, r.failed);
      expect(record.failuresAfterLastSuccess).toBe(r.failures);
      expect(record.lastFailureTime).toBe(r.last);
    });
  }
});

describe('upstream TestFirstPendingIndexes (indexed_job_utils_test.go) [16.4], [16.5]', () => {
  type Interval = { first: number; last: number };
  const within = (ivs: Interval[], i: number) => ivs.some((iv) => iv.first <= i && i <= iv.last);
  /** getCompletionIndex: a missing, unparsable or negative annotation is unknownCompletionIndex, dropped. */
  const activeIndexes = (annotations: string[]) => annotations.map(Number).filter((i) => Number.isInteger(i) && i >= 0);
  const rows: { name: string; cnt: number; completions: number; active?: string[]; succeeded?: Interval[]; failed?: Interval[]; want: number[] }[] = [
    { name: 'cnt greater than completions', cnt: 5, completions: 3, want: Array.of(0, 1, 2) },
    { name: 'cnt less than completions', cnt: 2, completions: 5, want: Array.of(0, 1) },
    { name: 'first pods active', active: ['0', '1'], cnt: 3, completions: 10, want: Array.of(2, 3, 4) },
    { name: 'last pods active or succeeded', active: ['6'], succeeded: [{ first: 4, last: 5 }], cnt: 6, completions: 6, want: Array.of(0, 1, 2, 3) },
    {
      name: 'mixed',
      active: ['3', '5', '8', '-', '-3'], // noIndex and "-3" are unknownCompletionIndex
      succeeded: [{ first: 2, last: 4 }, { first: 9, last: 9 }],
      cnt: 5,
      completions: 20,
      want: Array.of(0, 1, 6, 7, 10),
    },
    {
      name: 'with failed indexes',
      active: ['3', '9'],
      succeeded: [{ first: 1, last: 1 }, { first: 5, last: 5 }, { first: 9, last: 9 }],
      failed: [{ first: 2, last: 2 }, { first: 6, last: 7 }],
      cnt: 5,
      completions: 20,
      want: Array.of(0, 4, 8, 10, 11),
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const active = new Set(activeIndexes(r.active ?? []));
      const taken = (i: number) => active.has(i) || within(r.succeeded ?? [], i) || within(r.failed ?? [], i);
      expect(firstPendingIndexes(r.cnt, r.completions, taken)).toEqual(r.want);
    });
  }
});

describe('upstream TestMatchPodFailurePolicy (pod_failure_policy_test.go), onExitCodes cases [16.7]', () => {
  type Status = { name?: string; exitCode?: number };
  /** jobPodView.exitCodes: Terminated codes by name, containerStatuses then initContainerStatuses. */
  function codes(containerStatuses: Status[], initContainerStatuses: Status[] = []): Map<string, number> {
    const out = new Map<string, number>();
    for (const list of [containerStatuses, initContainerStatuses]) {
      for (const s of list) if (s.exitCode !== undefined && !out.has(s.name ?? '')) out.set(s.name ?? '', s.exitCode);
    }
    return out;
  }
  const onCodes = (action: PodFailurePolicyRule['action'], operator: 'In' | 'NotIn', values: number[]): PodFailurePolicyRule => ({ action, onExitCodes: { operator, values } });
  const onCondition = (action: PodFailurePolicyRule['action'], type: string): PodFailurePolicyRule => ({ action, onPodConditions: [type] });
  const rows: { name: string; rules: PodFailurePolicyRule[]; codes: Map<string, number>; wantAction?: PodFailurePolicyRule['action']; wantCountFailed: boolean; ruleIndex?: number }[] = [
    { name: 'no policy rules', rules: [], codes: codes([{ exitCode: 2 }]), wantCountFailed: true },
    { name: 'ignore rule matched for exit codes', rules: [onCodes('Ignore', 'In', [1, 2, 3])], codes: codes([{ exitCode: 2 }]), wantAction: 'Ignore', wantCountFailed: false, ruleIndex: 0 },
    { name: 'FailJob rule matched for exit codes', rules: [onCodes('FailJob', 'In', [1, 2, 3])], codes: codes([{ name: 'main-container', exitCode: 2 }]), wantAction: 'FailJob', wantCountFailed: true, ruleIndex: 0 },
    {
      name: 'successful containers are skipped by the rules',
      rules: [onCodes('FailJob', 'NotIn', [111])],
      codes: codes([{ name: 'main-container', exitCode: 111 }, { name: 'suppport-container', exitCode: 0 }], [{ name: 'init-container', exitCode: 0 }]),
      wantCountFailed: true,
    },
    { name: 'FailIndex rule matched for exit codes; JobBackoffLimitPerIndex enabled', rules: [onCodes('FailIndex', 'In', [1, 2, 3])], codes: codes([{ exitCode: 2 }]), wantAction: 'FailIndex', wantCountFailed: true, ruleIndex: 0 },
    {
      name: 'pod failure policy with NotIn operator and value 0',
      rules: [onCodes('FailJob', 'NotIn', [0])],
      codes: codes([{ name: 'main-container', exitCode: 1 }, { name: 'suppport-container', exitCode: 0 }]),
      wantAction: 'FailJob',
      wantCountFailed: true,
      ruleIndex: 0,
    },
    {
      name: 'second jobfail rule matched for exit codes',
      rules: [onCodes('Count', 'In', [1, 2, 3]), onCodes('FailJob', 'In', [4, 5, 6])],
      codes: codes([{ name: 'main-container', exitCode: 6 }]),
      wantAction: 'FailJob',
      wantCountFailed: true,
      ruleIndex: 1,
    },
    // container "foo" has no state (not Terminated): it is absent from the codes
    { name: 'count rule matched for exit codes', rules: [onCodes('Count', 'In', [1, 2, 3])], codes: codes([{ name: 'foo' }, { name: 'bar', exitCode: 2 }]), wantAction: 'Count', wantCountFailed: true, ruleIndex: 0 },
    {
      name: 'no rule matched',
      rules: [
        onCodes('Count', 'NotIn', [8]),
        onCodes('Ignore', 'In', [1, 2, 3]),
        onCodes('FailJob', 'NotIn', [5, 6, 7]),
        onCondition('Count', 'ResourceLimitExceeded'),
        onCondition('Ignore', 'DisruptionTarget'),
      ],
      codes: codes([{ exitCode: 32 }]),
      wantAction: 'Count', // upstream's want despite the name: the first rule (NotIn [8]) matches 32
      wantCountFailed: true,
      ruleIndex: 0,
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const rule = matchPodFailurePolicy(r.rules, r.codes);
      expect(rule?.action).toBe(r.wantAction);
      expect(rule?.action !== 'Ignore').toBe(r.wantCountFailed);
      if (r.ruleIndex !== undefined) expect(rule).toBe(r.rules[r.ruleIndex]);
    });
  }

  it('FailIndex rule matched for exit codes; JobBackoffLimitPerIndex disabled', () => {
    // upstream: the FailIndex branch returns nothing while the gate is off, so no rule matches and
    // the failure counts (countFailed true)
    const rules = [onCodes('FailIndex', 'In', [1, 2, 3])];
    expect(matchPodFailurePolicy(rules, codes([{ exitCode: 2 }]), false)).toBeUndefined();
    // and the loop goes on to the next rule (not an upstream row: the Go switch's fall-out)
    const then = matchPodFailurePolicy([onCodes('FailIndex', 'In', [1]), onCodes('Ignore', 'In', [1])], codes([{ exitCode: 1 }]), false);
    expect(then?.action).toBe('Ignore');
  });
});

// TestIsIndexFailed and TestPodGenerateNameWithIndex, whose helpers are inline in jobController.ts,
// run through the engine in upstreamJobIndexCases.test.ts.

// ---------------------------------------------------------------------------------------------
// DISAGREEMENTS found by the translation (session 36), each then fixed in the engine to follow
// upstream and asserted above:
// (a) TestNewBackoffRecord "Empty backoff store with success and failure at same timestamp":
//     upstream newBackoffRecord counts only failures strictly after the last success; the controller
//     sorted a same-second success before a failure created after it and counted 1 (a 10 s back-off
//     where upstream's sync at +1 s creates the next pods). countFinished now puts failures first on
//     a tie.
// (b) TestPodGenerateNameWithIndex's long names: podGenerateNameWithIndex cuts the prefix to 58
//     characters keeping "-<index>-"; jobPodName did not cut.
// (c) TestMatchPodFailurePolicy "FailIndex rule matched for exit codes; JobBackoffLimitPerIndex
//     disabled": the FailIndex branch acts only with the gate on; off (1.28), the next rules are tried.
