// Golden test: the Job helpers of upstream's indexed_job_utils_test.go whose code the engine keeps
// inline in jobController.ts, run through whole scenarios (the upstream files and versions read, and
// the disagreements this translation found: upstreamJobUtilsCases.test.ts's header and end).

import { describe, expect, it } from 'vitest';
import { jobPodName } from './jobRules';
import { created, job, outcome } from './upstreamJobUtils.testkit';

// ---------------------------------------------------------------------------------------------
// The engine, for the tables whose helper is inline in jobController.ts.


describe('upstream TestIsIndexFailed (indexed_job_utils_test.go), in the engine [16.5], [16.7]', () => {
  it('failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=0', () => {
    // the pod with job-index-failure-count 0 fails: its index fails, no replacement
    const t = job({ spec: '  completions: 2\n  completionMode: Indexed\n  parallelism: 2\n  backoffLimitPerIndex: 0', events: '  - { at: 3s, container: worker, index: 0, do: crash }\n' });
    expect(created(t).map((e) => e.index)).toEqual(Array.of(0, 1));
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'FailedIndexes' });
  });

  it('failed pod exceeding backoffLimitPerIndex, when backoffLimitPerIndex=1', () => {
    // the first failure (count 0) is replaced; the pod with job-index-failure-count 1 fails the index
    const t = job({ spec: '  completions: 2\n  completionMode: Indexed\n  parallelism: 2\n  backoffLimitPerIndex: 1', command: 'sleep 30', events: '  - { at: 3s, container: worker, index: 1, do: crash }\n  - { at: 16s, container: worker, index: 1, do: crash }\n' });
    expect(created(t).map((e) => e.index)).toEqual(Array.of(0, 1, 1));
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'FailedIndexes' });
  });

  it('matching FailIndex pod failure policy', () => {
    // job-index-failure-count 0, backoffLimitPerIndex 1, exit code 3 matches FailIndex In [3]: the index fails at once
    const t = job({
      spec: '  completions: 2\n  completionMode: Indexed\n  parallelism: 2\n  backoffLimitPerIndex: 1\n  podFailurePolicy:\n    rules:\n      - action: FailIndex\n        onExitCodes: { operator: In, values: [3] }',
      events: '  - { at: 3s, container: worker, index: 0, do: crash, exitCode: 3 }\n',
    });
    expect(created(t).map((e) => e.index)).toEqual(Array.of(0, 1));
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'FailedIndexes' });
  });
});

describe('upstream TestPodGenerateNameWithIndex (indexed_job_utils_test.go) [16.4]', () => {
  it('short job name', () => {
    // upstream's generateName "indexed-job-1-"; the API server adds 5 random characters
    expect(jobPodName('indexed-job', 3, 1)).toMatch(/^indexed-job-1-[a-z0-9]{5}$/);
  });

  it('job name exceeds MaxGeneneratedNameLength', () => {
    // upstream's strings verbatim; the API server adds 5 random characters to the generateName
    const name = jobPodName('hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo', 3, 1);
    expect(name.slice(0, -5)).toBe('hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-');
    expect(name).toHaveLength(63);
  });

  it('job name with index suffix exceeds MaxGeneratedNameLength', () => {
    const name = jobPodName('hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo', 3, 1);
    expect(name.slice(0, -5)).toBe('hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-');
    expect(name).toHaveLength(63);
  });
});
