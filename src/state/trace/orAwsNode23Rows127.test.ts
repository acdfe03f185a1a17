// kubectl's order of a long Events table, from a published describe: the aws-node pod of an EKS 1.27
// cluster (search-index file 33168279082; the listing, its source and what is assumed are in
// agAwsNode127.testkit.ts and agAwsNodeCombined127.test.ts). 23 rows, more than the 12 up to which
// Go's sort.Sort is an insertion sort:
//
//   Normal   Scheduled  112s  default-scheduler  Successfully assigned kube-system/aws-node-qx287 to ip-192-168-2-155.ec2.internal
//   Normal   Pulling    112s  kubelet            Pulling image ".../amazon-k8s-cni-init:v1.19.2-eksbuild.5"
//   Normal   Pulled     112s  kubelet            Successfully pulled image ".../amazon-k8s-cni-init:v1.19.2-eksbuild.5" in 145.717297ms (...)
//   Normal   Created    112s  kubelet            Created container aws-vpc-cni-init
//   Normal   Started    112s  kubelet            Started container aws-vpc-cni-init
//   Normal   Pulled     110s  kubelet            Container image ".../amazon-k8s-cni:v1.19.2-eksbuild.5" already present on machine
//   Normal   Created    110s  kubelet            Created container aws-node
//   Normal   Started    110s  kubelet            Started container aws-node
//   Normal   Pulling    110s  kubelet            Pulling image ".../aws-network-policy-agent:v1.1.6-eksbuild.2"
//   Normal   Pulled     110s  kubelet            Successfully pulled image ".../aws-network-policy-agent:v1.1.6-eksbuild.2" in 132.412679ms (...)
//   Normal   Created    110s  kubelet            Created container aws-eks-nodeagent
//   Normal   Started    110s  kubelet            Started container aws-eks-nodeagent
//   Warning  Unhealthy  104s, 99s, 94s, 87s, 77s, 67s, 57s, 47s (Readiness), 37s (Liveness), 17s (x4 over 37s) (combined)
//   Normal   Killing    17s   kubelet            Container aws-node failed liveness probe, will be restarted
//
// What it shows of kubectl's order ([10.7], describe.go DescribeEvents: sort.Sort by LastTimestamp
// over the list in the order of the events' names, the time of their first occurrence;
// describeEvents.ts kubectlOrder): the scheduler's row first (written through events.k8s.io, it has
// no LastTimestamp); five rows in one whole second (112s) and seven in the next (110s), each group
// in the order the kubelet recorded them, which here is also their order in time; the combined
// event, first seen at 37s, after the plain rows and before the Killing that came after it. With 23
// rows Go's pdqsort finds the list (in name order) already sorted by LastTimestamp and leaves it as
// it is, ties included.
// Version: EKS 1.27 (the post's title; untruncated pull durations, [10.6]); run at 1.27.
// Checked: the engine's rows in the published order, for the rows the two have in common (the
// engine's differ in three Unhealthy rows and the Killing, see agAwsNodeCombined127.test.ts:
// readiness failures at 89s and 84s where the node has one at 87s, and the Killing dropped by the
// spam filter), and the port of Go's sort on the published rows themselves.
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { describeEvents, type DescribeRow } from './describeEvents';
import { AGGREGATE_MESSAGE_PREFIX } from './eventAggregator';
import { goSortSlice } from './goSort';
import type { PublishedEvent } from './publishedEvents.testkit';
import { LISTING_AT, POD, PUBLISHED, traceWithOutputs } from './agAwsNode127.testkit';

const rows = describeEvents(traceWithOutputs('1.27'), LISTING_AT, POD);

/** A row's identity across the two listings: its reason, its container or probe, its age, and whether it is the combined event. */
function key(r: { reason: string; message: string }, age: number): string {
  const what = r.message.startsWith(AGGREGATE_MESSAGE_PREFIX) ? 'combined'
    : r.reason === 'Unhealthy' ? r.message.split(' ')[0]!
      : /(aws-vpc-cni-init|amazon-k8s-cni-init|aws-eks-nodeagent|network-policy-agent|aws-node|amazon-k8s-cni:)/.exec(r.message)?.[1] ?? '';
  return `${r.reason} ${what} ${age}s`;
}
const ours = rows.map((r) => key(r, LISTING_AT - apiSecond(r.t)));
const theirs = PUBLISHED.map((p) => key(p, p.age));

describe('transcript: kubectl\'s order of the aws-node listing, 23 rows (EKS 1.27) [10.7]', () => {
  it('the scheduler\'s row first, then every row by its last write, oldest first', () => {
    expect(rows[0]!.reason).toBe('Scheduled');
    expect(PUBLISHED[0]!.reason).toBe('Scheduled');
    const ages = rows.slice(1).map((r) => LISTING_AT - apiSecond(r.t));
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect(PUBLISHED).toHaveLength(23);
    expect(rows.length).toBeGreaterThan(12);
  });

  it('the rows the two listings share come in the published order: the 112s and 110s groups as the kubelet recorded them, the combined row after the plain ones', () => {
    const shared = new Set(ours.filter((k) => theirs.includes(k)));
    expect(shared.size).toBeGreaterThanOrEqual(19);
    expect(ours.filter((k) => shared.has(k))).toEqual(theirs.filter((k) => shared.has(k)));
    expect(ours.slice(0, 12)).toEqual(theirs.slice(0, 12));
  });

  it('Go\'s sort.Sort (the port) on the published rows in the order of their names gives the published order', () => {
    // the names' order: the first occurrence (the combined event's is its own, at 37s, after the
    // plain Liveness row of that second); LastTimestamp in whole seconds, the scheduler's none
    type Listed = PublishedEvent & { first: number; last: number };
    const listed: Listed[] = PUBLISHED.map((p, i) => ({
      ...p,
      first: LISTING_AT - (p.over ?? p.age) + i / 100,
      last: p.from === 'default-scheduler' ? -Infinity : LISTING_AT - p.age,
    }));
    const byName = [...listed].sort((a, b) => a.first - b.first);
    const sorted = goSortSlice(byName, (a, b) => a.last < b.last);
    expect(sorted.map((p) => key(p, p.age))).toEqual(theirs);
  });

  it('the engine\'s rows carry what the sort reads: a LastTimestamp per row, none earlier than the scheduler\'s', () => {
    const scheduler: DescribeRow = rows[0]!;
    expect(rows.every((r) => r.t >= scheduler.t)).toBe(true);
  });
});
