// Golden tests from kubernetes/kubernetes bug reports about the Events that `kubectl describe pod`
// lists for pods with init containers and several containers (session 43, helper "issues16"),
// each a scenario built from the report's own pod and run on every minor it applies to. Read
// through the library's issues index (descriptions and the comments it keeps). Upstream code read:
// startContainer in pkg/kubelet/kuberuntime/kuberuntime_container.go at the stored fbba6b47 (a
// 1.33/1.34-era tree, library id 41926215: `recordContainerEvent(..., events.CreatedContainer,
// "Created container: %v", container.Name)`, recorded against the container's own reference, so
// its fieldPath). The spam filter and the aggregation are the rulebook's reads ([10.7]).
//
// - kubernetes#34579 (2016-10, closed rotten, "The `SUBOBJECT` of `kubectl get events` is not
//   right"): `initone` (`echo init one`) then `inittwo` (`exit 11`) under Always; the pulls of
//   inittwo's restarts were listed under initone's subobject. Each container's events carry its
//   own reference (spec.initContainers{inittwo}), and the correlator keys on it, so describe lists
//   initone's Pulling/Pulled/Created/Started once and inittwo's as rows of their own counting its
//   runs; up to 1.34 the two Pulling rows read the same (`Pulling image "busybox"`), from 1.35
//   describe prints the fieldPath before the message and names each ([10.6] [10.7]). Every minor.
// - kubernetes#66855 (2018-08, PR, closed unmerged, "increase the readability of events(created,
//   started)": `Created container` / `Started container` named no container, so a two-container
//   pod's rows could not be told apart): every minor here names it, in its own wording: `Created
//   container nginx` up to 1.31, `Created container: nginx` 1.32-1.34 (the stored startContainer
//   above), `spec.containers{nginx}: Container created` from 1.35 ([10.6]). The second container
//   crash-loops as in the PR's listing (`(x2 over 12s)`), its rows apart from nginx's.
// - kubernetes#84272 (2019-10, 1.15.2, closed, "Events from \"kubectl describe\" are incorrect when
//   pod contains multiple contianers"): a Never pod with four containers, the first's image a typo
//   (`buxybox`); `kubectl get po` printed `3/4 ErrImagePull 0 2m20s`, and describe missed the
//   new image-pulling events. The pod's events share one spam-filter bucket (25 tokens, one back
//   every 300 s, keyed by the pod, not the container: [10.7]); the three good containers' twelve
//   events and the bad one's pull/Failed/BackOff rows spend it within the first minute, so the
//   kubelet's later pulls of `buxybox` never reach the API server: at 2m20s the Pulling row counts
//   only the pulls up to its last write, before the latest pull, up to 1.33. From 1.34 the spam
//   key adds the event's type (kubernetes#124747, [10.7]): Normal and Warning events have 25 tokens
//   each, and at 2m20s every pull is listed (the bucket runs dry later). The row alternates `3/4
//   ErrImagePull 0` / `3/4 ImagePullBackOff 0` ([10.9] [14.3]). Every minor.
//
// Not modelled: the 1.15-era docker pulls and kubectl's `get events` SUBOBJECT column (describe has
// none; the fieldPath shows only in 1.35+'s message).
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { at, events } from '../../engine/golden/issues/issues.testkit';
import { SUPPORTED_VERSIONS, minor } from '../../engine/version';
import { describeEventLog, describeEvents, type DescribeRow } from './describeEvents';

/** The row's message without kubectl 1.35+'s fieldPath prefix ([10.6]). */
const bare = (r: DescribeRow): string => r.message.replace(/^spec\.(?:init)?[cC]ontainers\{[^}]+\}: /, '');

const EXAMPLE_INIT = `apiVersion: v1
kind: Pod
metadata:
  name: example-init
  labels:
    name: example-init
spec:
  restartPolicy: Always
  initContainers:
  - name: initone
    image: busybox
    command: ["sh", "-c", "echo init one"]
  - name: inittwo
    image: busybox
    command: ["sh", "-c", "exit 11"]
  containers:
  - name: real-container
    image: busybox
    command: ["sh", "-c", "echo hello from real container; sleep 60"]`;

describe('kubernetes#34579: The SUBOBJECT of kubectl get events is not right', () => {
  it.each(SUPPORTED_VERSIONS)("inittwo's pulls are rows of its own, initone's counted once (%s) [10.6] [10.7]", (v) => {
    const trace = at(EXAMPLE_INIT, 'until: 1m\n', v);
    const now = 30;
    const log = describeEventLog(trace, now, 'example-init');
    expect(log.skipped).toBe(0);
    const pulls = (c: string): number => events(trace, 'container.pulling', c).filter((e) => e.t <= now).length;
    expect(pulls('initone')).toBe(1);
    expect(pulls('inittwo')).toBeGreaterThanOrEqual(3);
    const pulling = log.rows.filter((r) => r.reason === 'Pulling');
    expect(pulling.map((r) => bare(r))).toEqual(['Pulling image "busybox"', 'Pulling image "busybox"']);
    expect(pulling.map((r) => r.count)).toEqual([1, pulls('inittwo')]);
    const created = log.rows.filter((r) => r.reason === 'Created');
    expect(created.map((r) => r.count)).toEqual([1, events(trace, 'container.start', 'inittwo').filter((e) => e.t <= now).length]);
    if (minor(v) >= 35) {
      expect(pulling.map((r) => r.message)).toEqual(['spec.initContainers{initone}: Pulling image "busybox"', 'spec.initContainers{inittwo}: Pulling image "busybox"']);
      expect(created.map((r) => r.message)).toEqual(['spec.initContainers{initone}: Container created', 'spec.initContainers{inittwo}: Container created']);
    } else {
      const sep = minor(v) >= 32 ? ': ' : ' ';
      expect(created.map((r) => r.message)).toEqual([`Created container${sep}initone`, `Created container${sep}inittwo`]);
    }
    // nothing of inittwo's is put under initone: its back-off names it
    const backOff = log.rows.filter((r) => r.reason === 'BackOff');
    expect(backOff.length).toBe(1);
    expect(bare(backOff[0]!)).toBe('Back-off restarting failed container inittwo in pod example-init_default');
  });
});

const TWO = `apiVersion: v1
kind: Pod
metadata:
  name: readable
spec:
  containers:
  - name: nginx
    image: nginx:1.7.9
  - name: busybox
    image: busybox:1.24
    command: ["sh", "-c", "sleep 1; exit 1"]`;

describe('kubernetes#66855: increase the readability of events(created, started)', () => {
  it.each(SUPPORTED_VERSIONS)('each container named in its Created and Started rows, the crash-looping one counted apart (%s) [10.6]', (v) => {
    const trace = at(TWO, 'until: 1m\n', v);
    const rows = describeEvents(trace, 15, 'readable');
    const of = (reason: string): string[] => rows.filter((r) => r.reason === reason).map((r) => r.message);
    const m = minor(v);
    const created = (c: string): string => m >= 35 ? `spec.containers{${c}}: Container created` : m >= 32 ? `Created container: ${c}` : `Created container ${c}`;
    const started = (c: string): string => m >= 35 ? `spec.containers{${c}}: Container started` : `Started container ${c}`;
    expect(of('Created')).toEqual([created('nginx'), created('busybox')]);
    expect(of('Started')).toEqual([started('nginx'), started('busybox')]);
    const busyboxStarts = events(trace, 'container.start', 'busybox').filter((e) => e.t <= 15).length;
    expect(busyboxStarts).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.reason === 'Created').map((r) => r.count)).toEqual([1, busyboxStarts]);
  });
});

const TEST_6 = `apiVersion: v1
kind: Pod
metadata:
  name: test-6
  labels:
    run: test
spec:
  containers:
  - image: buxybox
    name: test
    command: ['sh','-c','sleep 99999']
  - image: nginx
    name: nginx
  - image: redis
    name: redis
  - image: luksa/kubia
    name: kubia
  dnsPolicy: ClusterFirst
  restartPolicy: Never`;
const TEST_6_SIM = `until: 3m
events:
  - { at: 0s, container: test, do: failPull, for: 1h, message: 'pull access denied for buxybox' }
`;

describe('kubernetes#84272: Events from "kubectl describe" are incorrect when pod contains multiple contianers. (1.15.2)', () => {
  it.each(SUPPORTED_VERSIONS)('3/4 ErrImagePull, and at 2m20s the latest pull of buxybox is not listed up to 1.33 (%s) [10.7] [10.9] [14.3]', (v) => {
    const trace = at(TEST_6, TEST_6_SIM, v);
    const kubectl = events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status} ${e.restarts}`);
    expect(kubectl).toContain('3/4 ErrImagePull 0');
    expect(new Set(kubectl.slice(1))).toEqual(new Set(['3/4 ErrImagePull 0', '3/4 ImagePullBackOff 0']));
    const now = 140;
    const log = describeEventLog(trace, now, 'test-6');
    expect(log.skipped).toBeGreaterThan(0);
    const pulls = events(trace, 'container.pulling', 'test').filter((e) => e.t <= now).map((e) => e.t);
    const row = log.rows.find((r) => r.reason === 'Pulling' && bare(r) === 'Pulling image "buxybox"')!;
    if (minor(v) <= 33) {
      // one bucket for the pod: the row's last write is an earlier pull; the latest was never written
      expect(pulls).toContain(row.t);
      expect(row.t).toBeLessThan(pulls.at(-1)!);
      // its count is every pull up to that write (the correlator counts before the filter drops)
      expect(row.count).toBe(pulls.filter((t) => t <= row.t).length);
      expect(row.count).toBeLessThan(pulls.length);
    } else {
      // 1.34+: Normal and Warning events draw on buckets of their own, and at 2m20s the Normal one
      // still has a token for every pull
      expect(row.t).toBe(pulls.at(-1));
      expect(row.count).toBe(pulls.length);
    }
    // the good containers' rows are all there, once each
    for (const c of ['nginx', 'redis', 'kubia']) {
      expect(log.rows.filter((r) => r.reason === 'Started' && r.message.includes(c)).map((r) => r.count)).toEqual([1]);
    }
  });
});
