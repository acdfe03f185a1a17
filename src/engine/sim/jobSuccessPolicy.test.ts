// A Job's successPolicy as the Job controller matches it and acts on it ([16.9]):
//  - matchSuccessPolicy: upstream's TestMatchSuccessPolicy table (pkg/controller/job/
//    success_policy_test.go, stored 46f9e4b41f6e4d06564009b9dfcf85da1d2fa5be), case by case, on
//    success_policy.go (stored cb6ff2d8…, 4a37f009…); parseIndexesFromString (indexed_job_utils.go,
//    stored 78fc8e44…) on its lenient reading;
//  - whole runs: syncJob (job_controller.go, stored 6ae037f1…): the match only after the failure
//    checks, the active pods deleted, Complete with reason SuccessPolicy at once up to 1.30 (gate
//    on), once none is terminating from 1.31 (delayTerminalCondition); the gate off (1.30's
//    default) drops the field; job.complete's CompletionsReached reason from 1.33.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import type { SuccessPolicyRule } from '../scenario/successPolicy';
import { intervalsOf, intervalsText, matchSuccessPolicy, parseIndexesFromString, type Interval } from './jobSuccessPolicy';

const iv = (...pairs: [number, number][]): Interval[] => pairs.map(([first, last]) => ({ first, last }));

interface Case { enabled?: boolean; rules?: SuccessPolicyRule[]; succeeded: Interval[]; want?: string }

// upstream's cases, completions 10 throughout; `want`: wantMessage (wantMetSuccessPolicy when set)
const CASES: Record<string, Case> = {
  'JobSuccessPolicy is disabled': { enabled: false, succeeded: iv([0, 0]) },
  'successPolicy is null': { succeeded: iv([0, 0]) },
  'any rules are nothing': { rules: [], succeeded: iv([0, 0]) },
  'rules.succeededIndexes is invalid format': { rules: [{ succeededIndexes: 'invalid-form' }], succeeded: iv([0, 0]) },
  'rules.succeededIndexes is specified; succeededIndexes matched rules': { rules: [{ succeededIndexes: '0-2' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules": { rules: [{ succeededIndexes: '3' }], succeeded: iv([0, 2]) },
  'rules.succeededCount is specified; succeededIndexes matched rules': { rules: [{ succeededCount: 2 }], succeeded: iv([0, 2]), want: 'Matched rules at index 0' },
  "rules.succeededCount is specified; succeededIndexes didn't match rules": { rules: [{ succeededCount: 4 }], succeeded: iv([0, 2]) },
  'multiple rules; rules.succeededIndexes is specified; succeededIndexes met one of rules': { rules: [{ succeededIndexes: '9' }, { succeededIndexes: '4,6' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 1' },
  'multiple rules; rules.succeededIndexes is specified; succeededIndexes met all rules': { rules: [{ succeededIndexes: '0,1' }, { succeededIndexes: '5' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes met all rules': { rules: [{ succeededIndexes: '3-6', succeededCount: 2 }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes didn't match rules": { rules: [{ succeededIndexes: '3-6', succeededCount: 2 }], succeeded: iv([0, 2], [6, 7]) },
  'rules.succeededIndexes is specified; succeededIndexes are nothing': { enabled: false, rules: [{ succeededCount: 4 }], succeeded: [] },
  'rules.succeededIndexes is specified; succeededIndexes matched rules; rules is proper subset of succeededIndexes': { rules: [{ succeededIndexes: '2-4,6-8' }], succeeded: iv([1, 5], [6, 9]), want: 'Matched rules at index 0' },
  'rules.succeededIndexes is specified; succeededIndexes matched rules; rules equals succeededIndexes': { rules: [{ succeededIndexes: '2-4,6-9' }], succeeded: iv([2, 4], [6, 9]), want: 'Matched rules at index 0' },
  'rules.succeededIndexes is specified; succeededIndexes matched rules; rules is subset of succeededIndexes': { rules: [{ succeededIndexes: '2-4,8-12' }], succeeded: iv([2, 5], [7, 15]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules is an empty set": { rules: [{ succeededIndexes: '' }], succeeded: iv([1, 3]) },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; succeededIndexes is an empty set": { rules: [{ succeededIndexes: '' }], succeeded: [] },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules and succeededIndexes are empty set": { rules: [{ succeededIndexes: '' }], succeeded: [] },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; all elements of rules.succeededIndexes aren't included in succeededIndexes": { rules: [{ succeededIndexes: '10-12,14-16' }], succeeded: iv([1, 3], [5, 7]) },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at first": { rules: [{ succeededIndexes: '1-3,5-7' }], succeeded: iv([2, 4], [6, 8]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at first': { rules: [{ succeededIndexes: '1-3,5-7', succeededCount: 4 }], succeeded: iv([2, 4], [6, 8]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at last": { rules: [{ succeededIndexes: '2-4,6-9' }], succeeded: iv([1, 3], [5, 7]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at last': { rules: [{ succeededIndexes: '2-4,6-9', succeededCount: 4 }], succeeded: iv([1, 3], [5, 7]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules completely overlaps succeededIndexes": { rules: [{ succeededIndexes: '0-4,6-9' }], succeeded: iv([1, 3], [7, 8]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules completely overlaps succeededIndexes': { rules: [{ succeededIndexes: '0-4,6-9', succeededCount: 5 }], succeeded: iv([1, 3], [7, 8]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps multiple succeededIndexes at last": { rules: [{ succeededIndexes: '0-6,8-9' }], succeeded: iv([1, 3], [5, 9]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps multiple succeededIndexes at last': { rules: [{ succeededIndexes: '0-6,8-9', succeededCount: 7 }], succeeded: iv([1, 3], [5, 9]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at first, and rules equals succeededIndexes at last": { rules: [{ succeededIndexes: '0-5,7-9' }], succeeded: iv([1, 5], [7, 10]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at first, and rules equals succeededIndexes at last': { rules: [{ succeededIndexes: '0-5,7-9', succeededCount: 8 }], succeeded: iv([1, 5], [7, 10]), want: 'Matched rules at index 0' },
  "rules.succeededIndexes is specified; succeededIndexes didn't match rules; the first rules overlaps succeededIndexes at first": { rules: [{ succeededIndexes: '0-3,6-9' }], succeeded: iv([1, 10]) },
  'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; the first rules overlaps succeededIndexes at first': { rules: [{ succeededIndexes: '0-3,6-9', succeededCount: 7 }], succeeded: iv([1, 10]), want: 'Matched rules at index 0' },
};

describe('success_policy.go matchSuccessPolicy: upstream TestMatchSuccessPolicy [16.9]', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const got = matchSuccessPolicy(c.enabled ?? true, c.rules, 10, c.succeeded);
      expect(got?.message).toBe(c.want);
    });
  }
});

describe('indexed_job_utils.go parseIndexesFromString and orderedIntervals [16.9]', () => {
  it('skips what does not parse, stops at completions, cuts the last index, merges neighbours', () => {
    expect(parseIndexesFromString('invalid-form', 10)).toEqual([]);
    expect(parseIndexesFromString('', 10)).toEqual([]);
    expect(parseIndexesFromString('x,1,2-3,5', 10)).toEqual(iv([1, 3], [5, 5]));
    expect(parseIndexesFromString('1-,4', 10)).toEqual(iv([4, 4]));
    expect(parseIndexesFromString('2,8-12,14', 10)).toEqual(iv([2, 2], [8, 9]));
    expect(parseIndexesFromString('+3', 10)).toEqual(iv([3, 3])); // strconv.Atoi takes a sign
  });

  it('writes the succeeded indexes as status.completedIndexes does', () => {
    expect(intervalsText(intervalsOf([4, 0, 1, 2, 6, 7]))).toBe('0-2,4,6,7');
    expect(intervalsText(intervalsOf([]))).toBe('');
  });
});

// ---- whole runs ----

// A tagged image (IfNotPresent) already on the node: the pods start with no registry check ([0.3]), so
// the injected exits' times line up with the controller's syncs as each test says.
const JOB = (version: string, policy: string, more = '', gates = '', sim = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: sp
spec:
  parallelism: 2
  completions: 4
  completionMode: Indexed
${more}  successPolicy:
    rules:
${policy}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 5
      containers:
        - name: c
          image: busybox:1.36
          command: ["sleep", "3600"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${gates}containers:
  c: { exitAfter: never, pull: 0 }
${sim}`;

/** Index 0's pod exits 0 at 3 s; the pod of index 1 keeps running. */
const INDEX_0_AT_3S = 'events:\n  - { at: 3s, container: c, index: 0, do: exit }\n';

function run(text: string): Trace {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}
const of = <T extends TraceEvent['type']>(t: Trace, type: T) => t.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);

describe('syncJob with a successPolicy (job_controller.go, stored 6ae037f1…) [16.9]', () => {
  it('1.31: the rule matches, the running pod is deleted, Complete (SuccessPolicy) once it is terminal (delayTerminalCondition)', () => {
    const t = run(JOB('1.31', '      - succeededIndexes: "0"', '', '', INDEX_0_AT_3S));
    const [complete, ...more] = of(t, 'job.complete');
    expect(more).toEqual([]);
    expect(complete).toMatchObject({ reason: 'SuccessPolicy' });
    expect(complete!.why).toContain('"Matched rules at index 0"');
    const deleted = of(t, 'pod.deleted');
    expect(deleted.map((e) => e.pod)).toEqual([t.pods!.find((p) => p.index === 1)!.name]);
    const terminal = t.events.find((e) => e.type === 'pod.phase' && e.pod === deleted[0]!.pod && e.phase === 'Failed')!;
    expect(complete!.t).toBeGreaterThan(terminal.t); // SuccessCriteriaMet at the deletion, Complete after
    expect(of(t, 'job.podCreated').map((e) => e.index)).toEqual([0, 1]); // indexes 2 and 3 stay pending
    expect(t.pods!.map((p) => p.phase)).toEqual(['Succeeded', 'Failed']);
  });

  it('1.30 with the JobSuccessPolicy gate on (alpha): Complete at once, before the deleted pod is terminal', () => {
    const t = run(JOB('1.30', '      - succeededCount: 1', '', 'featureGates:\n  JobSuccessPolicy: true\n', INDEX_0_AT_3S));
    const [complete] = of(t, 'job.complete');
    expect(complete).toMatchObject({ reason: 'SuccessPolicy' });
    expect(complete!.t).toBe(of(t, 'pod.deleted')[0]!.t);
  });

  it('1.30 by default (gate off): the field is dropped and the Job waits for every index', () => {
    const r = runScenario(`${JOB('1.30', '      - succeededCount: 1', '', '', INDEX_0_AT_3S)}until: 40s\n`);
    expect(r.problems.map((p) => p.message)).toContain('field dropped: the JobSuccessPolicy feature gate is off in 1.30, so the Job completes only when every index has succeeded');
    expect(of(r.trace!, 'job.complete')).toEqual([]);
    expect(of(r.trace!, 'pod.deleted')).toEqual([]);
  });

  it('the failure checks come first: backoffLimit exceeded in the same sync wins over a matching rule', () => {
    // index 1 fails at 3.5 s, index 0 succeeds at 3 s: one sync sees both (syncJobBatchPeriod)
    const events = 'events:\n  - { at: 3s, container: c, index: 0, do: exit }\n  - { at: 3.5s, container: c, index: 1, do: crash, exitCode: 1 }\n';
    const t = run(JOB('1.33', '      - succeededIndexes: "0"', '  backoffLimit: 0\n', '', events));
    expect(of(t, 'job.complete')).toEqual([]);
    expect(of(t, 'job.failed').map((e) => e.reason)).toEqual(['BackoffLimitExceeded']);
    // the same run within the backoffLimit: the rule decides, in that same sync
    const within = run(JOB('1.33', '      - succeededIndexes: "0"', '  backoffLimit: 1\n', '', events));
    expect(of(within, 'job.complete').map((e) => [e.t, e.reason])).toEqual([[of(t, 'job.failed')[0]!.t, 'SuccessPolicy']]);
  });

  it('a rule met only by the last index: the reason is still SuccessPolicy (checked before the completions)', () => {
    const t = run(JOB('1.33', '      - succeededIndexes: "3"', '', '', 'events:\n  - { at: 3s, container: c, do: exit }\n  - { at: 8s, container: c, do: exit }\n'));
    expect(t.pods!.map((p) => p.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded', 'Succeeded']);
    expect(of(t, 'job.complete').map((e) => e.reason)).toEqual(['SuccessPolicy']);
  });

  it('without a successPolicy: job.complete says CompletionsReached from 1.33, no reason in 1.32', () => {
    const plain = (version: string) => JOB(version, '', '', '', 'events:\n  - { at: 3s, container: c, do: exit }\n  - { at: 8s, container: c, do: exit }\n')
      .replace('  successPolicy:\n    rules:\n\n', '');
    expect(of(run(plain('1.32')), 'job.complete').map((e) => e.reason)).toEqual([undefined]);
    expect(of(run(plain('1.33')), 'job.complete').map((e) => e.reason)).toEqual(['CompletionsReached']);
  });
});
