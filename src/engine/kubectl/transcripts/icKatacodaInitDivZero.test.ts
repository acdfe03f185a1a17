// A Katacoda-format course step, "Step 4" (search-index file 25884180245, no repository named;
// before 2022): an init container running `sh -c '$((0/0))'` (busybox, a division by zero: exit
// at once) under restartPolicy Always, in front of an nginx that never starts, watched for six
// minutes with `kubectl get pods -w`. Manifest and published lines in
// fixtures/ic-katacoda-init-divzero.yaml. Server version not printed; its kubectl prints no
// "(… ago)" after RESTARTS, so it predates the kubectl that added it (1.22-1.23): run at 1.27,
// 1.31 and 1.36.
// Rules exercised: [2.5] a failed init container is restarted; [4.5] the first restart at once,
// then 10, 20, 40, 80, 160 s; [4.6] up to 1.34 the refused sync's requeue 10-15 s later, which
// writes the `CrashLoopBackOff` reason ([10.2]) and, once the back-off has passed, restarts;
// [14.1] [14.3] `Init:0/1`, `Init:Error`, `Init:CrashLoopBackOff` with the init container's
// restart count.
// What is compared: the fourteen rows' READY, STATUS and RESTARTS strictly, in order (a
// subsequence of the engine's: the watch misses each restarted run's short `Init:0/1` where the
// kubelet's status already shows it ended); at 1.27 and 1.31 (the requeue of the source's era),
// every row's AGE within 5 s of the engine's at the mean requeue draw, and each
// `Init:CrashLoopBackOff` after the first 10-15 s after its `Init:Error` (published 12, 15, 13,
// 13, 13 s). The node drew a new jitter at each requeue and checked the registry at each restart
// (busybox untagged: Always); the engine takes one draw for the run, so no single draw fits every
// row exactly (the largest gap, 5 s, is the fourth and fifth restarts).
// Not compared: absolute ages at 1.36, whose requeue at the back-off's end ([4.6], 1.35+) writes
// `Init:CrashLoopBackOff` just before each restart, not 10-15 s after the failure (the rows still
// come in the published order).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/ic-katacoda-init-divzero.yaml', import.meta.url), 'utf8');
const NAME = 'init-container-app-restart-always';
const PUBLISHED = `${NAME}   0/1     Init:0/1                0          2s
${NAME}   0/1     Init:Error              0          3s
${NAME}   0/1     Init:Error              1          5s
${NAME}   0/1     Init:CrashLoopBackOff   1          6s
${NAME}   0/1     Init:Error              2          19s
${NAME}   0/1     Init:CrashLoopBackOff   2          31s
${NAME}   0/1     Init:Error              3          44s
${NAME}   0/1     Init:CrashLoopBackOff   3          59s
${NAME}   0/1     Init:Error              4          90s
${NAME}   0/1     Init:CrashLoopBackOff   4          103s
${NAME}   0/1     Init:Error              5          2m59s
${NAME}   0/1     Init:CrashLoopBackOff   5          3m12s
${NAME}   0/1     Init:Error              6          5m48s
${NAME}   0/1     Init:CrashLoopBackOff   6          6m1s`;
const published = publishedRows(PUBLISHED);

const scenarioAt = (version: string, jitter?: number) => {
  const text = withVersion(fixture, version);
  return jitter === undefined ? text : text.replace(/^until: .*$/m, `until: 400s\nrequeueJitter: ${jitter}`);
};

/** For each `Init:Error` row from the second restart on, the seconds until the next `Init:CrashLoopBackOff`. */
function errorToBackOff(rows: TimedRow[]): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (row.status !== 'Init:Error' || Number(row.restarts) < 2) return;
    const next = rows.slice(i + 1).find((r) => r.status === 'Init:CrashLoopBackOff');
    if (next) out.push(next.t - row.t);
  });
  return out;
}

describe('transcript: a Katacoda step, an init container dividing by zero under restartPolicy Always (before 1.27)', () => {
  it.each(['1.27', '1.31', '1.36'])('prints the fourteen published rows in order, `Init:Error 0` to `Init:CrashLoopBackOff 6` (%s) [2.5] [4.5] [10.2] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(scenarioAt(version));
    expectSubsequence(published, ours);
    // nginx never starts: no other STATUS than the init container's, READY 0/1 throughout
    expect(new Set(ours.map((r) => r.ready))).toEqual(new Set(['0/1']));
    expect(ours.every((r) => r.status.startsWith('Init:'))).toBe(true);
  });

  it.each(['1.27', '1.31'])('restarts the failed init container at once the first time: `Init:Error 1` a second after `Init:Error 0` (published 3 s, 5 s) (%s) [4.5]', (version) => {
    const ours = simulatedRows(scenarioAt(version));
    const first = ours.find((r) => r.status === 'Init:Error' && r.restarts === '0')!;
    const second = ours.find((r) => r.status === 'Init:Error' && r.restarts === '1')!;
    expect(second.t - first.t).toBeLessThanOrEqual(2);
  });

  it.each(['1.27', '1.31'])('prints each row within 5 s of its published AGE at the mean requeue draw (%s) [4.5] [4.6]', (version) => {
    const ours = simulatedRows(scenarioAt(version, 0.5));
    // the watch's first line is the row showing when it began (AGE 2 s: between 2 and 3 s after
    // the creation's whole second); the engine's first failure shows at 2.0 s, within the second
    expect(rowAt(ours, published[0]!.t - 1)).toMatchObject({ ready: '0/1', status: 'Init:0/1', restarts: '0' });
    const at = expectSubsequence(published.slice(1), ours);
    published.slice(1).forEach((row, i) => {
      expect(Math.abs(ours[at[i]!]!.t - row.t), `${row.status} ${row.restarts} at ${row.t}s`).toBeLessThanOrEqual(5);
    });
  });

  it.each(['1.27', '1.31'])('writes `Init:CrashLoopBackOff` 10-15 s after each later failure, the refused sync\'s requeue (published 12, 15, 13, 13, 13 s) (%s) [4.6] [10.2]', (version) => {
    const earliest = errorToBackOff(simulatedRows(scenarioAt(version, 0)));
    const latest = errorToBackOff(simulatedRows(scenarioAt(version, 1)));
    const ours = errorToBackOff(published);
    expect(ours).toEqual([12, 15, 13, 13, 13]);
    expect(earliest).toHaveLength(ours.length);
    expect(latest).toHaveLength(ours.length);
    ours.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(earliest[i]! - 1);
      expect(gap).toBeLessThanOrEqual(latest[i]! + 1);
    });
  });
});
