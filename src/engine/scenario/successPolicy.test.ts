// spec.successPolicy as the API server takes it ([16.9]): validateJobSpec / validateSuccessPolicy /
// validateSuccessPolicyRule / validateIndexesFormat (pkg/apis/batch/validation/validation.go,
// stored 3989b18586203eb366257fa4c8e9c0d605ec41df), the wording of the stored validation_test.go
// error cases; the field dropped while JobSuccessPolicy is off (strategy.go PrepareForCreate;
// alpha 1.30, on from 1.31) and unknown to kubectl's strict decoding before 1.30.
import { describe, expect, it } from 'vitest';
import { check, ok } from './testUtil';
import { validateIndexesFormat } from './successPolicy';

const job = (spec: string, version = '1.33', sim = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
${spec}  template:
    spec:
      restartPolicy: Never
      containers:
        - name: c
          image: busybox
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${sim}`;
const indexed5 = (policy: string) => `  completions: 5\n  completionMode: Indexed\n  successPolicy:\n${policy}`;
/** The problems as `path: message`, errors first. */
const problems = (text: string, severity: 'error' | 'warning' = 'error') =>
  check(text).result.problems.filter((p) => p.severity === severity).map((p) => `${p.path}: ${p.message}`);

describe('validation.go validateSuccessPolicy: upstream validation_test.go error cases [16.9]', () => {
  it('spec.successPolicy: requires indexed completion mode (the rules are not validated then)', () => {
    expect(problems(job('  successPolicy:\n    rules: []\n'))).toEqual([
      'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{}}: requires indexed completion mode',
    ]);
  });

  it('spec.successPolicy.rules: Required value', () => {
    expect(problems(job(indexed5('    rules: []\n')))).toEqual([
      'spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified',
    ]);
  });

  it('spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes', () => {
    expect(problems(job(indexed5('    rules:\n      - {}\n')))).toEqual([
      'spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified',
    ]);
  });

  it('spec.successPolicy.rules[0].succeededIndexes: error parsing succeededIndexes', () => {
    expect(problems(job(indexed5('    rules:\n      - succeededIndexes: invalid-format\n')))).toEqual([
      'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"',
    ]);
  });

  it('spec.successPolicy.rules[0].succeededCount: must be greater than or equal to 0', () => {
    expect(problems(job(indexed5('    rules:\n      - succeededCount: -1\n')))).toEqual([
      'spec.successPolicy.rules[0].succeededCount: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });

  it('spec.successPolicy.rules[0].succeededCount: at most completions', () => {
    expect(problems(job(indexed5('    rules:\n      - succeededCount: 6\n')))).toEqual([
      'spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)',
    ]);
  });

  it('spec.successPolicy.rules[0].succeededCount: at most the number of indexes in succeededIndexes', () => {
    expect(problems(job(indexed5('    rules:\n      - succeededIndexes: "0-2"\n        succeededCount: 4\n')))).toEqual([
      'spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)',
    ]);
  });

  it('spec.successPolicy.rules: Too many: 21: must have at most 20 items', () => {
    const rules = '    rules:\n' + '      - succeededCount: 5\n'.repeat(21);
    expect(problems(job(indexed5(rules)))).toEqual(['spec.successPolicy.rules: Too many: 21: must have at most 20 items']);
  });

  it('a rule as a scalar: the JSON decoder refuses it', () => {
    expect(problems(job(indexed5('    rules:\n      - "0"\n')))).toEqual([
      'spec.successPolicy.rules[0]: json: cannot unmarshal string into Go struct field SuccessPolicy.spec.successPolicy.rules of type v1.SuccessPolicyRule',
    ]);
  });

  it('a valid policy is kept as written', () => {
    const { scenario } = ok(check(job(indexed5('    rules:\n      - succeededIndexes: "0,2-4"\n        succeededCount: 2\n      - succeededCount: 1\n'))).result);
    expect(scenario.job!.successPolicy).toEqual([{ succeededIndexes: '0,2-4', succeededCount: 2 }, { succeededCount: 1 }]);
  });

  it('a CronJob\'s jobTemplate is read the same way', () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      successPolicy:
        rules:
          - succeededCount: 1
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: c
              image: busybox
`;
    expect(check(cron).result.problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['spec.jobTemplate.spec.successPolicy']);
  });
});

describe('validation.go validateIndexesFormat / parseIndexInterval [16.9]', () => {
  it('counts the indexes of a well-formed list', () => {
    expect(validateIndexesFormat('', 5)).toEqual({ total: 0 });
    expect(validateIndexesFormat('0,2-4', 5)).toEqual({ total: 4 });
    expect(validateIndexesFormat('+1', 5)).toEqual({ total: 1 }); // strconv.Atoi takes a sign
  });

  it('words each error as upstream does', () => {
    expect(validateIndexesFormat('1-2-3', 5)).toEqual({ error: 'the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by \'-\'' });
    expect(validateIndexesFormat('5', 5)).toEqual({ error: 'too large index: "5"' });
    expect(validateIndexesFormat('1-7', 5)).toEqual({ error: 'too large index: "7"' });
    expect(validateIndexesFormat('3,1', 5)).toEqual({ error: 'non-increasing order, previous: 3, current: 1' });
    expect(validateIndexesFormat('2-2', 5)).toEqual({ error: 'non-increasing order, previous: 2, current: 2' });
    expect(validateIndexesFormat('1,', 5)).toEqual({ error: 'cannot convert string to integer for index: ""' });
    expect(validateIndexesFormat('99999999999999999999', 5)).toEqual({ error: 'cannot convert string to integer for index: "99999999999999999999"' });
  });
});

describe('JobSuccessPolicy by version (alpha 1.30, beta and on 1.31, GA 1.33) [16.9]', () => {
  const policy = indexed5('    rules:\n      - succeededCount: 1\n');

  it('1.29: no such field, kubectl\'s strict decoding rejects it', () => {
    expect(problems(job(policy, '1.29'))).toEqual(['spec.successPolicy: strict decoding error: unknown field "spec.successPolicy"']);
  });

  it('1.30 by default: dropped with a warning, before validation (a NonIndexed Job too)', () => {
    const warning = 'spec.successPolicy: field dropped: the JobSuccessPolicy feature gate is off in 1.30, so the Job completes only when every index has succeeded';
    expect(problems(job(policy, '1.30'), 'warning')).toEqual([warning]);
    expect(ok(check(job(policy, '1.30')).result).scenario.job!.successPolicy).toBeUndefined();
    expect(problems(job('  successPolicy:\n    rules: []\n', '1.30'))).toEqual([]);
  });

  it('1.30 with the gate on, and 1.31 by default: kept and validated', () => {
    const gateOn = 'featureGates:\n  JobSuccessPolicy: true\n';
    expect(ok(check(job(policy, '1.30', gateOn)).result).scenario.job!.successPolicy).toEqual([{ succeededCount: 1 }]);
    expect(ok(check(job(policy, '1.31')).result).scenario.job!.successPolicy).toEqual([{ succeededCount: 1 }]);
    expect(problems(job('  successPolicy:\n    rules: []\n', '1.31'))).toHaveLength(1);
  });
});
