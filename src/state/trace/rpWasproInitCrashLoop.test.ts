// An init container that cannot find its script (`sh -c hello.sh`, exit 127 at once) after two that
// succeed, under the pod's default `Always`: watched through four failures, described after six.
//
// Source: "Kubernetes Init Container & PodInitializing" (https://waspro.tistory.com/643, read as its
// repost in a GitHub Pages repo, search-index file 32604803144, no repository named), a kubespray
// cluster with Docker, September 2020. The version is not printed: `kubelet, kubeworker1` in the
// events' From and RESTARTS without "(… ago)" are a kubectl of 1.19 or earlier. What this pod
// exercises has not changed since (the restart back-off [4.5], the pod worker's 10–15 s requeue after
// a refused restart [4.6], one BackOff per refused sync [4.9], one events bucket per pod [10.7], until
// 1.34 made it two), so it runs at 1.27, 1.29 and 1.31 (from 1.35 the requeue comes at the back-off's
// end, from 1.34 the bucket is split, and this node could do neither). Manifest:
// fixtures/rp-waspro-init-failed-test.yaml (the post's myapp-pod with the third init container as its
// describe prints it). Published, verbatim:
//
//   [root@kubemaster ~]# kubectl get pods -w
//   NAME        READY   STATUS    RESTARTS   AGE
//   myapp-pod   0/1     Pending   0          0s
//   myapp-pod   0/1     Pending   0          0s
//   myapp-pod   0/1     Init:0/3   0          1s
//   myapp-pod   0/1     Init:0/3   0          2s
//   myapp-pod   0/1     Init:1/3   0          6s
//   myapp-pod   0/1     Init:2/3   0          7s
//   myapp-pod   0/1     Init:Error   0          8s
//   myapp-pod   0/1     Init:Error   1          9s
//   myapp-pod   0/1     Init:CrashLoopBackOff   1          22s
//   myapp-pod   0/1     Init:Error              2          23s
//   myapp-pod   0/1     Init:CrashLoopBackOff   2          37s
//   myapp-pod   0/1     Init:Error              3          52s
//   myapp-pod   0/1     Init:CrashLoopBackOff   3          65s
//
//   (describe, Start Time Sat, 26 Sep 2020 23:30:55 +0900)
//   init-myservice:   Terminated Completed 0, Started 23:30:56, Finished 23:31:00
//   init-mydb:        Terminated Completed 0, Started 23:31:01, Finished 23:31:01
//   init-failed-test: State Waiting CrashLoopBackOff; Last State Terminated Error, Exit Code 127,
//                     Started 23:34:06, Finished 23:34:06; Restart Count 5
//   myapp-container:  State Waiting PodInitializing
//   Events:
//     Normal   Scheduled  <unknown>              default-scheduler     Successfully assigned default/myapp-pod to kubeworker1
//     Normal   Pulled     4m20s                  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
//     Normal   Created    4m20s                  kubelet, kubeworker1  Created container init-myservice
//     Normal   Started    4m20s                  kubelet, kubeworker1  Started container init-myservice
//     Normal   Pulled     4m15s                  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
//     Normal   Created    4m15s                  kubelet, kubeworker1  Created container init-mydb
//     Normal   Started    4m15s                  kubelet, kubeworker1  Started container init-mydb
//     Normal   Pulled     3m30s (x4 over 4m14s)  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
//     Normal   Created    3m30s (x4 over 4m14s)  kubelet, kubeworker1  Created container init-failed-test
//     Normal   Started    3m30s (x4 over 4m14s)  kubelet, kubeworker1  Started container init-failed-test
//     Warning  BackOff    2m52s (x7 over 4m12s)  kubelet, kubeworker1  Back-off restarting failed container
//
// Read: init-myservice started 4m20s before the dump at 23:30:56, so the dump is at 23:35:16, 261 s
// after the Start Time; the watch and the describe are one run (the fourth start, 3m30s before the
// dump, is the watch's `Init:Error 3` at 52 s). The describe counts four starts of init-failed-test
// though its Restart Count is 5 (six starts): 3 + 3 + 12 + 7 = 25 kubelet events, the spam filter's
// burst for one pod ([10.7]); the fifth and sixth runs' events were dropped.
// Compared: every watch row in order as a subsequence of ours, READY/STATUS/RESTARTS strictly (the two
// Pending rows are the API server's, before the kubelet's first status, and the second `Init:0/3` a
// status write that changed no column; neither is compared); the rows up to `Init:Error 1` within
// 1.5 s of their AGE; each later row (a restart waits for a requeue, [4.6]) between the engine's times
// at requeueJitter 0 and 1, within 1.5 s; at the dump, at both jitters, the row `0/1 Init:CrashLoopBackOff
// 5`, six runs of init-failed-test each ending 127, one of each other init container, the sixth start
// (191 s) between the two jitters' within 1 s; the Events at jitter 0: every kubelet row's reason,
// count and message (BackOff's aside: "Back-off restarting failed container" is the older wording,
// the engine writes the 1.2x one with the container and pod), the rows' "over" and the first two
// containers' ages within 1 s, the last start's age (210 s) between the two jitters' within 1 s, and
// 25 kubelet events in all at both jitters. Not compared: the BackOff row's last age (the random
// requeues decide whether the 25th write is a seventh BackOff or the fifth run's Pulled: at jitter 1
// it is the Pulled, x5, with BackOff x6).
// Rules: [2.1] [2.5] the init containers in order, the failed one restarted under Always, [4.5] the
// first restart at once, then 10, 20, 40, 80 s, [4.6] [4.9] [10.7], [14.1] `Init:N/3`, `Init:Error`,
// `Init:CrashLoopBackOff` with the init container's restarts.
// Inputs, not checks: busybox:1.28 on the node, init-myservice's 4 s and init-mydb's instant run (their
// published Started/Finished), `hello.sh` exiting 127 at once (published), requeueJitter 0 and 1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { expectSubsequence, publishedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import type { TraceEvent } from '../../engine/trace';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/rp-waspro-init-failed-test.yaml', import.meta.url), 'utf8');
const POD = 'myapp-pod';
const VERSIONS = ['1.27', '1.29', '1.31'];
const DUMP_AT = 261; // 23:35:16 against the Start Time 23:30:55
const SIXTH_START = 191; // 23:34:06
const FAILING = 'init-failed-test';

// the watch, without the two Pending rows and the second `Init:0/3` (see above)
const WATCH = publishedRows(`
myapp-pod   0/1     Init:0/3   0          1s
myapp-pod   0/1     Init:1/3   0          6s
myapp-pod   0/1     Init:2/3   0          7s
myapp-pod   0/1     Init:Error   0          8s
myapp-pod   0/1     Init:Error   1          9s
myapp-pod   0/1     Init:CrashLoopBackOff   1          22s
myapp-pod   0/1     Init:Error              2          23s
myapp-pod   0/1     Init:CrashLoopBackOff   2          37s
myapp-pod   0/1     Init:Error              3          52s
myapp-pod   0/1     Init:CrashLoopBackOff   3          65s`);
const BEFORE_BACKOFF = 5; // the rows up to `Init:Error 1` do not wait for a requeue

const EVENTS = `
  Normal   Pulled     4m20s                  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
  Normal   Created    4m20s                  kubelet, kubeworker1  Created container init-myservice
  Normal   Started    4m20s                  kubelet, kubeworker1  Started container init-myservice
  Normal   Pulled     4m15s                  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
  Normal   Created    4m15s                  kubelet, kubeworker1  Created container init-mydb
  Normal   Started    4m15s                  kubelet, kubeworker1  Started container init-mydb
  Normal   Pulled     3m30s (x4 over 4m14s)  kubelet, kubeworker1  Container image "busybox:1.28" already present on machine
  Normal   Created    3m30s (x4 over 4m14s)  kubelet, kubeworker1  Created container init-failed-test
  Normal   Started    3m30s (x4 over 4m14s)  kubelet, kubeworker1  Started container init-failed-test
  Warning  BackOff    2m52s (x7 over 4m12s)  kubelet, kubeworker1  Back-off restarting failed container`
  .trim().split('\n').map(publishedEvent);

const scenario = (version: string, jitter: 0 | 1): string => {
  const text = withVersion(FIXTURE, version);
  expect(text).toContain('requeueJitter: 0\n');
  return text.replace('requeueJitter: 0\n', `requeueJitter: ${jitter}\n`);
};
const eventsOf = (version: string, jitter: 0 | 1): TraceEvent[] => runScenario(scenario(version, jitter)).trace!.events;
const rowsOf = (events: TraceEvent[]) => events.flatMap((e) => (e.type === 'pod.kubectl'
  ? [{ t: e.t, ready: e.ready, status: e.status, restarts: e.restarts.split(' ')[0]! }]
  : []));
const startsOf = (events: TraceEvent[], container: string) => events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

describe('transcript: waspro\'s myapp-pod with a third init container `sh -c hello.sh` (exit 127), under Always', () => {
  it.each(VERSIONS)('watch: every row in order; up to `Init:Error 1` within 1.5 s, each later row between the engine\'s at requeueJitter 0 and 1 (%s) [2.1] [2.5] [4.5] [4.6] [14.1]', (version) => {
    const [early, late] = ([0, 1] as const).map((j) => {
      const rows = rowsOf(eventsOf(version, j));
      const at = expectSubsequence(WATCH, rows);
      return at.map((i) => rows[i]!.t);
    });
    WATCH.forEach((p, n) => {
      if (n < BEFORE_BACKOFF) {
        for (const ours of [early![n]!, late![n]!]) expect(Math.abs(ours - p.t), `${p.status} ${p.restarts} at ${p.t}`).toBeLessThanOrEqual(1.5);
      } else {
        expect(p.t, `${p.status} ${p.restarts}: ours ${early![n]} to ${late![n]}`).toBeGreaterThanOrEqual(early![n]! - 1.5);
        expect(p.t, `${p.status} ${p.restarts}: ours ${early![n]} to ${late![n]}`).toBeLessThanOrEqual(late![n]! + 1.5);
      }
    });
  });

  it.each(VERSIONS)('at the dump (261 s): `0/1 Init:CrashLoopBackOff 5`, six runs ending 127, the sixth start (191 s) between the two jitters\' (%s) [2.5] [4.5] [4.6] [14.1]', (version) => {
    const sixth = ([0, 1] as const).map((j) => {
      const events = eventsOf(version, j);
      const last = rowsOf(events).filter((r) => r.t <= DUMP_AT).at(-1)!;
      expect(`${last.ready} ${last.status} ${last.restarts}`, `jitter ${j}`).toBe('0/1 Init:CrashLoopBackOff 5');
      const exits = events.flatMap((e) => (e.type === 'container.exit' && e.container === FAILING && e.t <= DUMP_AT ? [e] : []));
      expect(exits.map((e) => e.exitCode), `jitter ${j}`).toEqual([127, 127, 127, 127, 127, 127]);
      expect(startsOf(events, 'init-myservice')).toHaveLength(1);
      expect(startsOf(events, 'init-mydb')).toHaveLength(1);
      expect(startsOf(events, 'myapp-container')).toHaveLength(0);
      return startsOf(events, FAILING)[5]!;
    });
    expect(SIXTH_START).toBeGreaterThanOrEqual(sixth[0]! - 1);
    expect(SIXTH_START).toBeLessThanOrEqual(sixth[1]! + 1);
  });

  it.each(VERSIONS)('describe at 261 s: the kubelet rows, counts and messages at jitter 0; 25 events at either jitter; the ages within 1 s or between the jitters (%s) [4.9] [10.7] [10.6]', (version) => {
    const rowsAt = (j: 0 | 1) => describeEvents(runScenario(scenario(version, j)).trace!, DUMP_AT, POD).filter((r) => r.from === 'kubelet');
    const [rows0, rows1] = [rowsAt(0), rowsAt(1)];
    expect(rows0.reduce((n, r) => n + r.count, 0)).toBe(25);
    expect(rows1.reduce((n, r) => n + r.count, 0)).toBe(25);
    const list = rows0.map((r) => `${r.reason} x${r.count} ${r.message}`).join('\n');
    const find = (rows: typeof rows0, p: (typeof EVENTS)[number], n: number) => {
      // the three Pulled rows have one message: told apart by their order in the published list
      const same = rows.filter((r) => r.reason === p.reason && (p.reason === 'BackOff' || r.message === p.message));
      return p.reason === 'Pulled' ? same[EVENTS.slice(0, n).filter((q) => q.reason === 'Pulled').length] : same[0];
    };
    EVENTS.forEach((p, n) => {
      const row = find(rows0, p, n);
      expect(row, `${p.reason} ${p.message}\nours:\n${list}`).toBeDefined();
      expect(row!.type).toBe(p.type);
      expect(row!.count, `${p.reason} ${p.message}`).toBe(p.count);
      expect(Math.abs(DUMP_AT - apiSecond(row!.first) - (p.over ?? p.age)), `${p.reason}: over`).toBeLessThanOrEqual(1);
      if (p.count === 1) expect(Math.abs(DUMP_AT - apiSecond(row!.t) - p.age), `${p.reason}: age`).toBeLessThanOrEqual(1);
      else if (p.reason !== 'BackOff') {
        // the fourth start: 3m30s before the dump, between the jitters' (its Pulled at jitter 1 is the fifth)
        const late = rows1.find((r) => r.reason === p.reason && r.message === p.message && r.count === 4)
          ?? rows1.find((r) => r.reason === 'Created' && r.message === `Created container ${FAILING}`)!;
        expect(p.age).toBeLessThanOrEqual(DUMP_AT - apiSecond(row!.t) + 1);
        expect(p.age).toBeGreaterThanOrEqual(DUMP_AT - apiSecond(late.t) - 1);
      }
    });
    expect(rows0.find((r) => r.reason === 'BackOff')!.message).toBe(`Back-off restarting failed container ${FAILING} in pod ${POD}_default`);
    expect(rows0).toHaveLength(EVENTS.length);
  });
});
