// The describe panels of the Killercoda session's two `nginx` pods whose command, `shell`, the
// image does not have (search-index file 35152692631; 7 September 2025; 1.32-1.34 by
// `Created container: nginx`, [10.6]). Published lines in
// src/engine/kubectl/transcripts/fixtures/se-kc-shell-pull.yaml and se-kc-shell-present.yaml; their
// pod rows in src/engine/kubectl/transcripts/seKillercodaShell.test.ts.
// Rules exercised: [3.5] each refused start records Normal Created and Warning Failed
// "Error: <the runtime's message>", no Started; [15.6] a tagless image's Pulling/Pulled before
// every start; [4.9]/[0.9] two BackOff a second apart (the failed restart's sync, then the extra
// sync one relist later); [4.6] the failed sync's requeue up to 1.34.
// What is compared: each row's count strictly, the ages of its first and last occurrence within
// 1 s (expectDescribeAges), the listing dated by the published `Scheduled` age (the engine's t = 0
// is the scheduling); the container's state then (Waiting CrashLoopBackOff, Restart Count 1), read
// from the row kubectl would print.
// The Pulled rows carry the pull's time ([10.6], session 33): the first pod's two published rows
// ("in 7.629s", "in 848ms") are two rows here too, worded as published (the fixture gives the
// image's size, `imageSize`); the second pod's ("in 698ms", "in 702ms") are one row of count 2,
// as the engine's registry check takes the same time at every start.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectDescribeAges, rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents, type DescribeRow } from './describeEvents';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];
const MESSAGE = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "shell": executable file not found in $PATH: unknown';
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);

/** The occurrences (whole trace times) of the describe rows with this reason, first and last. */
function occurrences(rows: DescribeRow[], reason: string): number[] {
  const found = rows.filter((r) => r.reason === reason);
  expect(found, reason).toHaveLength(1);
  const row = found[0]!;
  return row.count === 1 ? [row.t] : [row.first, ...Array<number>(row.count - 2).fill(row.first), row.t];
}

function expectStartErrorRows(rows: DescribeRow[]): void {
  expect(rows.find((r) => r.reason === 'Started')).toBeUndefined();
  expect(rows.find((r) => r.reason === 'Created')).toMatchObject({ type: 'Normal', message: 'Created container: nginx' });
  expect(rows.find((r) => r.reason === 'Failed')).toMatchObject({ type: 'Warning', message: `Error: ${MESSAGE}` });
  expect(rows.find((r) => r.reason === 'BackOff')).toMatchObject({ type: 'Warning', message: expect.stringMatching(/^Back-off restarting failed container nginx in pod nginx_default/) });
}

describe('transcript events: Killercoda, the first `shell` pod, describe 20 s after scheduling (1.32-1.34)', () => {
  // Scheduled 20s, Pulled 12s, Pulling 11s (x2 over 20s), Created 10s (x2 over 12s),
  // Failed 10s (x2 over 11s), Pulled 10s, BackOff 8s (x2 over 9s)
  it.each(VERSIONS)('Pulling x2, Pulled x2, Created x2, Failed x2 and BackOff x2 at the published ages; Waiting CrashLoopBackOff, Restart Count 1 (%s) [3.5] [4.9] [10.6]', (version) => {
    const text = withVersion(fixture('se-kc-shell-pull.yaml'), version);
    const trace = runScenario(text).trace!;
    const dumpAt = 20;
    const rows = describeEvents(trace, dumpAt, 'nginx');
    expectStartErrorRows(rows);
    expectDescribeAges(dumpAt, [
      ['Scheduled', occurrences(rows, 'Scheduled'), 1, 20, 20],
      ['Pulling', occurrences(rows, 'Pulling'), 2, 11, 20],
      ['Created', occurrences(rows, 'Created'), 2, 10, 12],
      ['Failed', occurrences(rows, 'Failed'), 2, 10, 11],
      ['BackOff', occurrences(rows, 'BackOff'), 2, 8, 9],
    ]);
    // two Pulled rows, as published: each pull's own time, at its own age
    const published = (seconds: string) => `Successfully pulled image "nginx" in ${seconds} (${seconds} including waiting). Image size: 72324501 bytes.`;
    const pulled = rows.filter((r) => r.reason === 'Pulled');
    expect(pulled.map((r) => [r.message, r.count])).toEqual([[published('7.629s'), 1], [published('848ms'), 1]]);
    expectDescribeAges(dumpAt, [['Pulled', [pulled[0]!.t], 1, 12, 12], ['Pulled', [pulled[1]!.t], 1, 10, 10]]);
    // the two BackOffs a second apart: the failed restart's sync, then the extra one
    const backOff = rows.find((r) => r.reason === 'BackOff')!;
    expect(backOff.t - backOff.first).toBe(1);
    expect(rowAt(simulatedRows(text), dumpAt)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '1' });
  });
});

describe('transcript events: Killercoda, the second `shell` pod (image on the node), describe 16 s after scheduling (1.32-1.34)', () => {
  // Scheduled 16s, Pulled 15s, Pulling 14s (x2 over 16s), Created 13s (x2 over 15s),
  // Failed 13s (x2 over 15s), Pulled 13s, BackOff 12s (x2 over 13s); Restart Count 1
  it.each(VERSIONS)('with the latest requeue (third start at ~20 s, `2 (9s ago)` at 29 s): every row x2 at the published ages, Restart Count 1 (%s) [3.5] [4.6] [4.9]', (version) => {
    const text = withJitter(withVersion(fixture('se-kc-shell-present.yaml'), version), 1);
    const trace = runScenario(text).trace!;
    const dumpAt = 16;
    const rows = describeEvents(trace, dumpAt, 'nginx');
    expectStartErrorRows(rows);
    expectDescribeAges(dumpAt, [
      ['Scheduled', occurrences(rows, 'Scheduled'), 1, 16, 16],
      ['Pulling', occurrences(rows, 'Pulling'), 2, 14, 16],
      ['Pulled', occurrences(rows, 'Pulled'), 2, 13, 15],
      ['Created', occurrences(rows, 'Created'), 2, 13, 15],
      ['Failed', occurrences(rows, 'Failed'), 2, 13, 15],
      ['BackOff', occurrences(rows, 'BackOff'), 2, 12, 13],
    ]);
    expect(rowAt(simulatedRows(text), dumpAt)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '1' });
  });

  it('with the earliest requeue the third start comes before 16 s, which the published describe (Restart Count 1, x2) rules out (1.33) [4.6]', () => {
    const text = withJitter(fixture('se-kc-shell-present.yaml'), 0);
    const rows = describeEvents(runScenario(text).trace!, 16, 'nginx');
    expect(rows.find((r) => r.reason === 'Failed')!.count).toBe(3);
    expect(rowAt(simulatedRows(text), 16)).toEqual({ ready: '0/1', status: 'RunContainerError', restarts: '2' });
  });
});
