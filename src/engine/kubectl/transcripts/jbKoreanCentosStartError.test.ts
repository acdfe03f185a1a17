// Korean notes "Kubernetes - Job" (search-index file 59131764263, no repository named), 20 August
// 2026, kubeadm, most likely a 1.35 node (jbKoreanCentosJob.test.ts): a Job whose command is a typo,
// `command: ["bashz"]`, restartPolicy OnFailure, backoffLimit 3. Manifest and published lines in
// fixtures/jb-kr-centos-bashz.yaml; the Simulation document says `startError: true` ([3.5]).
// Rules exercised: [3.5] a start the runtime refuses (containerd: exit 128, StartError; the kubelet:
// RunContainerError, the sync fails); [10.2] RunContainerError shown from the next status on, and
// CrashLoopBackOff once a sync met the back-off; [4.5] the first restart at once, then 10 s, 20 s;
// [4.6] from 1.35 the requeue at the back-off's end (so no `CrashLoopBackOff` row until the restart
// it precedes, as published; up to 1.34 the 10–15 s requeue prints one about 11 s after the failed
// start); [16.3] under OnFailure the third restart reaches backoffLimit 3: the Job fails and
// deletes the pod, whose last rows read `StartError 3` ([14.3]).
// What is compared: READY, STATUS and the RESTARTS count strictly, in order (the scheduler's
// `Pending` rows left out, a repeated line counted once); the first three rows' AGEs within 1 s;
// each `CrashLoopBackOff` row, and the deletion, between the engine's earliest and latest requeue
// (`requeueJitter` 0 and 1); the start failures' code, reason and message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/jb-kr-centos-bashz.yaml', import.meta.url), 'utf8');
const at = (version: string, jitter?: number) => {
  const text = withVersion(FIXTURE, version);
  return jitter === undefined ? text : text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
};
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;
const distinct = (rows: TimedRow[]) => rows.filter((r) => r.status !== 'Pending').filter((r, i, all) => i === 0 || key(r) !== key(all[i - 1]!));

const WATCH = `centos-job-msqkl   0/1   Pending             0               0s
centos-job-msqkl   0/1   Pending             0               0s
centos-job-msqkl   0/1   ContainerCreating   0               0s
centos-job-msqkl   0/1   RunContainerError   0               1s
centos-job-msqkl   0/1   RunContainerError   1 (1s ago)      2s
centos-job-msqkl   0/1   CrashLoopBackOff    1 (13s ago)     14s
centos-job-msqkl   0/1   RunContainerError   2 (0s ago)      14s
centos-job-msqkl   0/1   CrashLoopBackOff    2 (22s ago)     36s
centos-job-msqkl   0/1   RunContainerError   3 (0s ago)      36s
centos-job-msqkl   0/1   Terminating         3 (1s ago)      37s
centos-job-msqkl   0/1   Terminating         3 (1s ago)      37s
centos-job-msqkl   0/1   Terminating         3               37s
centos-job-msqkl   0/1   StartError          3               37s
centos-job-msqkl   0/1   StartError          3               38s
centos-job-msqkl   0/1   StartError          3               38s`;
const published = distinct(publishedRows(WATCH));

describe('transcript: a Korean course, a Job whose command the image does not have (`bashz`), OnFailure, backoffLimit 3 (kubeadm, August 2026)', () => {
  it.each(['1.35', '1.36', '1.37'])('prints the published rows in order: RunContainerError, CrashLoopBackOff only before each restart, then Terminating and StartError (%s) [3.5] [10.2] [4.6] [16.3]', (version) => {
    expect(published.map(key)).toEqual([
      '0/1 ContainerCreating 0',
      '0/1 RunContainerError 0',
      '0/1 RunContainerError 1',
      '0/1 CrashLoopBackOff 1',
      '0/1 RunContainerError 2',
      '0/1 CrashLoopBackOff 2',
      '0/1 RunContainerError 3',
      '0/1 Terminating 3',
      '0/1 StartError 3',
    ]);
    const ours = distinct(simulatedRows(at(version)));
    expect(ours.map(key)).toEqual(published.map(key));
  });

  it('prints the first failures at 1 s and 2 s, and each later row between the earliest and latest requeue (1.35) [4.5] [4.6]', () => {
    const low = distinct(simulatedRows(at('1.35', 0)));
    const high = distinct(simulatedRows(at('1.35', 1)));
    for (const i of [0, 1, 2]) {
      expect(Math.abs(Math.floor(low[i]!.t) - published[i]!.t), key(published[i]!)).toBeLessThanOrEqual(1);
      expect(Math.abs(Math.floor(high[i]!.t) - published[i]!.t), key(published[i]!)).toBeLessThanOrEqual(1);
    }
    for (let i = 3; i < published.length; i++) {
      expect(published[i]!.t, `${key(published[i]!)}: at least the earliest`).toBeGreaterThanOrEqual(Math.floor(low[i]!.t) - 1);
      expect(published[i]!.t, `${key(published[i]!)}: at most the latest`).toBeLessThanOrEqual(Math.floor(high[i]!.t) + 1);
    }
  });

  it('up to 1.34 the failed sync\'s 10–15 s requeue prints a `CrashLoopBackOff` row between two restarts, which this watch does not have [4.6]', () => {
    const ours = distinct(simulatedRows(at('1.34'))).map(key);
    expect(ours.indexOf('0/1 CrashLoopBackOff 2')).toBeGreaterThan(0);
    expect(ours.slice(0, 5)).toEqual(published.slice(0, 5).map(key));
    // the same rows, but the second back-off's row ~11 s after the failed start, long before its restart
    const rows = simulatedRows(at('1.34'));
    const clbo2 = rows.find((r) => key(r) === '0/1 CrashLoopBackOff 2')!.t;
    const restart3 = rows.find((r) => key(r) === '0/1 RunContainerError 3')!.t;
    expect(restart3 - clbo2).toBeGreaterThan(5);
  });

  it('every start fails with exit 128, reason StartError and the runtime\'s message, and the Job fails with BackoffLimitExceeded [3.5] [16.3]', () => {
    const events = runScenario(at('1.35')).trace!.events;
    const exits = events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');
    expect(exits.map((e) => e.attempt)).toEqual([0, 1, 2, 3]);
    for (const e of exits) {
      expect(e).toMatchObject({ exitCode: 128, reason: 'StartError' });
      expect(e.message).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bashz": executable file not found in $PATH: unknown');
    }
    expect(events.some((e) => e.type === 'container.start')).toBe(false);
    expect(events.filter((e) => e.type === 'container.waiting').map((e) => e.reason)).toContain('RunContainerError');
    expect(events.filter((e) => e.type === 'job.failed')).toEqual([expect.objectContaining({ reason: 'BackoffLimitExceeded' })]);
  });
});
