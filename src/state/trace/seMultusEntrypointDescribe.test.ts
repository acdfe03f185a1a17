// The describe of kube-multus-ds-26mxd, a Multus DaemonSet pod whose command, /entrypoint.sh, the
// image does not have (search-index file 40355247454; a Cisco Live lab, LTRSPG-2212, 4 December
// 2025; 1.32-1.34 by `Created container: X` and the short "already present on machine", [10.6]).
// Published lines in src/engine/kubectl/transcripts/fixtures/se-multus-entrypoint.yaml; its watch
// rows in src/engine/kubectl/transcripts/seMultusEntrypoint.test.ts.
// Rules exercised: [3.5] each refused start records Created and Failed "Error: <message>", no
// Started; [4.5] the back-off 10 s, 20 s, 40 s; [4.6] up to 1.34 each failed or refused sync
// requeued 10-15 s later, [4.9] a BackOff at each refusal.
// What is compared, the listing dated by the published `Scheduled 66s` (the engine's t = 0 is the
// scheduling): the init container's three rows at 65s; for the main container, each row's count
// and first age strictly / within 1 s, and its last occurrence between the engine's earliest and
// latest requeue. The kubelet draws each requeue afresh (wait.Jitter(10s, 0.5)); the engine draws
// one `requeueJitter` for the whole run, so `requeueJitter` 0 and 1 bound each occurrence: the
// n-th published one lies between the n-th of each, and the count between theirs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents, type DescribeRow } from './describeEvents';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/se-multus-entrypoint.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];
const POD = 'kube-multus-ds-26mxd';
const DUMP_AT = 66;
const MESSAGE = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/entrypoint.sh": stat /entrypoint.sh: no such file or directory: unknown';
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);

function run(version: string, jitter: number) {
  const trace = runScenario(withJitter(withVersion(FIXTURE, version), jitter)).trace!;
  const rows = describeEvents(trace, DUMP_AT, POD);
  const times = (types: string[]) => trace.events.filter((e) => types.includes(e.type) && 'container' in e && e.container === 'kube-multus').map((e) => e.t);
  return { rows, backOffs: times(['container.backoff', 'container.backoffAgain']), failures: times(['container.exit']) };
}
const one = (rows: DescribeRow[], reason: string, message: (m: string) => boolean) => {
  const found = rows.filter((r) => r.reason === reason && message(r.message));
  expect(found, reason).toHaveLength(1);
  return found[0]!;
};
const age = (t: number) => DUMP_AT - t;

describe('transcript events: the Multus pod kube-multus-ds-26mxd, describe 66 s after scheduling (1.32-1.34)', () => {
  it.each(VERSIONS)('the init container Pulled, Created, Started at 65s; no Started for kube-multus (%s) [3.5] [10.6]', (version) => {
    const { rows } = run(version, 1);
    expect(Math.abs(age(one(rows, 'Scheduled', () => true).t) - 66)).toBeLessThanOrEqual(1);
    const pulled = rows.filter((r) => r.reason === 'Pulled');
    expect(pulled).toHaveLength(2);
    expect(pulled[0]!.message).toBe('Container image "ghcr.io/k8snetworkplumbingwg/multus-cni:v4.0.2-thick" already present on machine');
    for (const r of [pulled[0]!, one(rows, 'Created', (m) => m === 'Created container: install-multus-binary'), one(rows, 'Started', (m) => m === 'Started container install-multus-binary')]) {
      expect(r.count, r.reason).toBe(1);
      expect(Math.abs(age(r.t) - 65), r.reason).toBeLessThanOrEqual(1);
    }
    expect(rows.filter((r) => r.reason === 'Started')).toHaveLength(1);
  });

  it.each(VERSIONS)('kube-multus: Pulled, Created and Failed x4 over 65s, the last 23s/22s ago, between the earliest and latest requeue (%s) [3.5] [4.5] [4.6]', (version) => {
    const published: [string, (m: string) => boolean, number][] = [
      ['Created', (m) => m === 'Created container: kube-multus', 23],
      ['Failed', (m) => m === `Error: ${MESSAGE}`, 22],
    ];
    const [low, high] = [run(version, 0), run(version, 1)];
    for (const [reason, message, lastAge] of published) {
      const [l, h] = [one(low.rows, reason, message), one(high.rows, reason, message)];
      for (const r of [l, h]) {
        expect(r.count, reason).toBe(4);
        expect(Math.abs(age(r.first) - 65), `${reason}: first`).toBeLessThanOrEqual(1);
      }
      expect(DUMP_AT - lastAge, `${reason}: last, at least the earliest`).toBeGreaterThanOrEqual(Math.floor(l.t) - 1);
      expect(DUMP_AT - lastAge, `${reason}: last, at most the latest`).toBeLessThanOrEqual(Math.floor(h.t) + 1);
    }
    const pulledMain = (rows: DescribeRow[]) => rows.filter((r) => r.reason === 'Pulled')[1]!;
    for (const r of [pulledMain(low.rows), pulledMain(high.rows)]) expect(r.count).toBe(4);
    expect(DUMP_AT - 23).toBeGreaterThanOrEqual(Math.floor(pulledMain(low.rows).t) - 1);
    expect(DUMP_AT - 23).toBeLessThanOrEqual(Math.floor(pulledMain(high.rows).t) + 1);
  });

  it.each(VERSIONS)('BackOff x5 over 63s, the last 10s ago: the first after the failed restart, the fifth between the earliest and latest requeue (%s) [4.6] [4.9]', (version) => {
    const [low, high] = [run(version, 0), run(version, 1)];
    const count = 5;
    for (const r of [low, high]) {
      const row = one(r.rows, 'BackOff', (m) => m.startsWith(`Back-off restarting failed container kube-multus in pod ${POD}_kube-system`));
      expect(row.type).toBe('Warning');
      expect(Math.abs(age(row.first) - 63)).toBeLessThanOrEqual(1);
    }
    // the count lies between the latest requeue's (fewer refusals) and the earliest's
    expect(count).toBeGreaterThanOrEqual(high.backOffs.filter((t) => t <= DUMP_AT).length);
    expect(count).toBeLessThanOrEqual(low.backOffs.filter((t) => t <= DUMP_AT).length);
    // the fifth published refusal, 10 s before the listing
    expect(DUMP_AT - 10).toBeGreaterThanOrEqual(Math.floor(low.backOffs[count - 1]!) - 1);
    expect(DUMP_AT - 10).toBeLessThanOrEqual(Math.floor(high.backOffs[count - 1]!) + 1);
    // and the failures: four by the listing whichever the requeue
    for (const r of [low, high]) expect(r.failures.filter((t) => t <= DUMP_AT)).toHaveLength(4);
  });
});
