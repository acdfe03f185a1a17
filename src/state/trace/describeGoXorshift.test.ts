// kubectl describe's Events order above 12 rows on both sides of golang/go#70144: DescribeEvents
// (kubectl describe.go, stored 0176276b) runs sort.Sort(event.SortableEvents(...)), Less =
// LastTimestamp.Before, and sort.Sort's pdqsort scatters ties with breakPatterns, whose xorshift
// Go 1.24 changed from shifts 13, 17, 5 to 13, 7, 17 (sort.go xorshift.Next, read in Debian's
// golang-1.23-src 1.23.5 and golang-1.24-src 1.24.4). kubectl 1.30's last patch is built with Go
// 1.23, kubectl 1.31's (1.31.14) with Go 1.24.9 (goSort.ts KUBECTL_GO_MINOR, kubectlXorshift;
// describeEvents.ts kubectlOrder), so the same listing prints in two orders.
//
// The listing: five busybox containers whose image is on the node (pull 0) and which exit 1 after
// 5 s; at 7 s the API server lists 16 events in first-occurrence order (describeEvents.ts
// kubectlOrder): Scheduled (a zero LastTimestamp in the core/v1 list), then Pulled ("already
// present"), Created and Started of a, b (restarted at 6.2 s and 6.4 s: LastTimestamp second 6) and
// of c, d, e (first start at 1.1 s, 1.3 s, 1.5 s: second 1). Keys -1 6 6 6 6 6 6 1 1 1 1 1 1 1 1 1.
// GO_1_23 is the permutation Go 1.23.5's (and Go 1.19.8's) sort.Sort returned for those keys, GO_1_24
// Go 1.24.4's (goSort.test.ts, the list(...) rows, says how it was run). From 1.36 the PLEG's
// on-demand relist restarts c by 7 s too, a listing of other keys on which every Go agrees.

import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { minor, type KubeVersion } from '../../engine/version';
import { describeEventLog, type DescribeRow } from './describeEvents';
import { POD, VERSIONS, traceOf } from './upstreamEvents.testkit';

const GO_1_23 = [0, 12, 11, 15, 14, 13, 8, 10, 9, 7, 2, 6, 1, 5, 4, 3];
const GO_1_24 = [0, 12, 8, 15, 14, 13, 9, 10, 11, 7, 2, 6, 1, 5, 4, 3];
/** 1.36 and 1.37's listing, keys -1, ten 6s, five 1s: Go 1.19.8, 1.23.5 and 1.24.4 alike. */
const EVERY_GO_136 = [0, 11, 15, 14, 13, 12, 4, 7, 8, 9, 10, 6, 5, 3, 2, 1];

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const fiveRestarting = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${POD}}
spec:
  containers:
${NAMES.map((n) => `  - {name: ${n}, image: busybox:1.36, command: [sh, -c, "sleep 5; exit 1"]}`).join('\n')}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 30s
containers:
${NAMES.map((n) => `  ${n}: {pull: 0s}`).join('\n')}
`;

/** The rows at 7 s, and the same rows as the API server listed them (first occurrence, then as recorded). */
function at7s(version: KubeVersion): { rows: DescribeRow[]; listed: DescribeRow[] } {
  const rows = describeEventLog(traceOf(fiveRestarting(version)), 7, POD).rows;
  const recorded = ['Scheduled', 'Pulled', 'Created', 'Started'];
  const listed = [...rows].sort((a, b) => a.first - b.first || recorded.indexOf(a.reason) - recorded.indexOf(b.reason));
  return { rows, listed };
}

const keys = (rows: readonly DescribeRow[]) => rows.map((r) => (r.reason === 'Scheduled' ? -1 : apiSecond(r.t)));
/** "Started d": the reason and the container, told by the first start's time (a at 0.7 s … e at 1.5 s). */
const label = (r: DescribeRow) => (r.reason === 'Scheduled' ? r.reason : `${r.reason} ${NAMES[Math.round((r.first - 0.7) / 0.2)]}`);

describe('DescribeEvents\' sort.Sort above 12 rows: Go 1.23\'s xorshift up to kubectl 1.30, Go 1.24\'s (golang/go#70144) from 1.31', () => {
  const upTo135 = VERSIONS.filter((v) => minor(v) <= 35);

  it.each(upTo135)('16 rows in the order of the sort.Sort of the Go that builds kubectl (%s) [10.7]', (version) => {
    const { rows, listed } = at7s(version);
    expect(keys(listed)).toEqual([-1, 6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(rows).toEqual((minor(version) <= 30 ? GO_1_23 : GO_1_24).map((i) => listed[i]));
  });

  it('1.30 (Go 1.23) and 1.31 (Go 1.24.9) print the same 16 rows in two orders: c\'s and d\'s rows of second 1 trade places [10.7]', () => {
    const before = at7s('1.30').rows.map(label);
    const after = at7s('1.31').rows.map(label);
    expect(before).toEqual(['Scheduled', 'Started d', 'Created d', 'Started e', 'Created e', 'Pulled e', 'Created c', 'Pulled d', 'Started c', 'Pulled c',
      'Created a', 'Started b', 'Pulled a', 'Created b', 'Pulled b', 'Started a']);
    expect(after).toEqual(['Scheduled', 'Started d', 'Created c', 'Started e', 'Created e', 'Pulled e', 'Started c', 'Pulled d', 'Created d', 'Pulled c',
      'Created a', 'Started b', 'Pulled a', 'Created b', 'Pulled b', 'Started a']);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it.each(VERSIONS.filter((v) => minor(v) >= 36))('1.36 on: c restarted too (on-demand relist); Go 1.24\'s order of that listing, which Go 1.23 shares (%s) [10.7]', (version) => {
    const { rows, listed } = at7s(version);
    expect(keys(listed)).toEqual([-1, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1]);
    expect(rows).toEqual(EVERY_GO_136.map((i) => listed[i]));
  });
});
