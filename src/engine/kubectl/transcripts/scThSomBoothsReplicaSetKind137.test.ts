// The Thai course of scThSomShopKind137.test.ts, two later chapters that run its som-shop pod
// (PostgreSQL as a native sidecar `db`, init containers wait-for-db and db-seed, Next.js `web`) again,
// now with a restricted securityContext, on the same kind cluster (nodes v1.37.0, printed in the
// ReplicaSet chapter): the namespace chapter's LAB 10 (search-index file 70753444113), the pod in three
// namespaces, and the ReplicaSet chapter's LAB 9 (file 70342127131, screenshots dated 2026-10-05), the
// pod as the template of a three-replica ReplicaSet. Manifest, inputs and every published line used:
// fixtures/sc-th-somboothsrs-kind137.yaml (the inputs are LAB 9's, unchanged: nothing is fitted here).
// What is new against the LAB 9 test: six more pods of the same template, created by a ReplicaSet or in
// other namespaces, and `kubectl wait --for=condition=Ready` spans measured with `date +%s`.
// - The booths' watch ("abbreviated" on the page): the booth alone on lab-worker (mf68c) prints
//   `1/2 Init:2/3` 5s → `1/2 PodInitializing` 6s → `2/2 Running` 7s, LAB 9's rows at LAB 9's ages;
//   the two booths sharing lab-worker2 print `2/2 Running` at 8s, a second later (two PostgreSQL
//   initdb runs on one node; the engine's pod has the node to itself), but mdzn8 was already
//   `1/2 Init:1/3` at 4s, as the engine's pod is ([2.2] [5.6] [5.9] the sidecar started, then ready;
//   [14.2] it counts in READY and in `Init:N/M`).
// - The `kubectl wait` spans (whole seconds from `date +%s`, so each within a second): three booths
//   Ready 8 s after the apply, each replacement 7 s after its `kubectl delete` (four times), two more
//   booths 8 s after a scale to 5, and the namespace chapter's three pods `2/2 Running 0 8s` after
//   their waits. The engine's pod is Ready at 7 s on every version.
// Compared at 1.36 and 1.37 (the cluster's 1.37 and the first on-demand relist, [0.8]); the rows'
// order also at 1.29, 1.33 and 1.35 (the periodic relist puts `1/2 Running` a second later there,
// not a row these watches print).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, publishedRows, rowAt, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/sc-th-somboothsrs-kind137.yaml', import.meta.url), 'utf8');
const TIMED = ['1.36', '1.37'];
const ORDER_ONLY = ['1.29', '1.33', '1.35'];

/** Terminal 2's watch of the three booths, verbatim (the IP and NODE columns cut), by booth. */
const WATCH = publishedRows(`
som-booth-9t78k   0/2     Init:0/3   0          1s
som-booth-mdzn8   1/2     Init:1/3   0          4s
som-booth-mf68c   1/2     Init:2/3   0          5s
som-booth-mf68c   1/2     PodInitializing   0          6s
som-booth-mf68c   2/2     Running           0          7s
som-booth-9t78k   2/2     Running           0          8s
som-booth-mdzn8   2/2     Running           0          8s`);
const BOOTH = { '9t78k': [WATCH[0]!, WATCH[5]!], mdzn8: [WATCH[1]!, WATCH[6]!], mf68c: [WATCH[2]!, WATCH[3]!, WATCH[4]!] };

const row = (r: TimedRow) => ({ ready: r.ready, status: r.status, restarts: r.restarts });
const key = (r: TimedRow) => `${r.ready} ${r.status} ${r.restarts}`;

/** When the engine's pod turns Ready (the condition `kubectl wait --for=condition=Ready` waits for). */
function readyAt(version: string): number {
  const events = runScenario(withVersion(FIXTURE, version)).trace!.events;
  return events.find((e) => e.type === 'pod.condition' && e.condition === 'Ready' && e.status === 'True')!.t;
}

describe('transcript: the som-shop pod as a ReplicaSet\'s template, three booths watched (Thai course, kind v1.37.0)', () => {
  it.each([...TIMED, ...ORDER_ONLY])('each booth\'s published rows come in the engine\'s order (%s) [2.2] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    for (const rows of Object.values(BOOTH)) expectSubsequence(rows, ours);
  });

  it.each(TIMED)('the booth alone on its node prints each row at its AGE; the first two rows of the others too (%s) [0.8] [5.6] [5.9] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    // mf68c (lab-worker): `1/2 Init:2/3` 5s, `1/2 PodInitializing` 6s, `2/2 Running` 7s, each row
    // printed in the whole second its AGE shows (kubectl floors AGE), as LAB 9's pod's were; mdzn8's
    // `1/2 Init:1/3` (its sidecar started, then ready) in its 4th second too
    for (const published of [...BOOTH.mf68c, BOOTH.mdzn8[0]!]) {
      const printed = ours.find((r) => key(r) === key(published))!;
      expect(Math.floor(printed.t), `${key(published)} at ${published.t}s`).toBe(published.t);
    }
    // 9t78k's `0/2 Init:0/3` at 1s is a write that changed no column: the row showing then
    expect(rowAt(ours, BOOTH['9t78k'][0]!.t)).toEqual(row(BOOTH['9t78k'][0]!));
  });

  it.each(TIMED)('the two booths sharing lab-worker2 print `2/2 Running` at 8s: the engine\'s pod is not later, and within 2 s (%s) [5.9] [7.3]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    const running = ours.find((r) => r.ready === '2/2' && r.status === 'Running')!;
    for (const published of [BOOTH['9t78k'][1]!, BOOTH.mdzn8[1]!]) {
      expect(running.t).toBeLessThanOrEqual(published.t);
      expect(published.t - running.t).toBeLessThanOrEqual(2);
    }
  });
});

describe('transcript: `kubectl wait --for=condition=Ready` spans of the same pod, by ReplicaSet and by namespace (Thai course, kind v1.37.0)', () => {
  // Each span is whole seconds from `date +%s` around the commands, so the Ready it measured fell
  // within a second of it either way; the pod's creation follows T0 by the API calls only.
  const spans: [what: string, seconds: number][] = [
    ['three booths after `kubectl apply` of the namespace and the ReplicaSet', 8],
    ['a replacement booth after `kubectl delete pod` (szvhd, and three more in section 9.8)', 7],
    ['two more booths after `kubectl scale --replicas=5`', 8],
  ];

  it.each(TIMED)('the engine\'s pod is Ready within a second of each published span (%s) [2.2] [7.3] [7.4]', (version) => {
    const ready = readyAt(version);
    for (const [what, seconds] of spans) expect(Math.abs(ready - seconds), what).toBeLessThanOrEqual(1);
  });

  it.each(TIMED)('the listings after the waits: `2/2 Running 0 7s` (the replacement) and `2/2 Running 0 8s` (booths, namespace copies) (%s) [7.3] [14.2]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    const listed = publishedRows(`
som-booth-szvhd   2/2     Running   0          7s
som-booth-7szlj   2/2     Running   0          8s
som-shop   2/2     Running    0          8s`);
    for (const published of listed) expect(rowAt(ours, published.t + 0.999)).toEqual(row(published));
    // and the namespace chapter's first listing, right after the apply: `0/2 Init:0/3 0 0s`
    expect(rowAt(ours, 0)).toEqual({ ready: '0/2', status: 'Init:0/3', restarts: '0' });
  });
});
