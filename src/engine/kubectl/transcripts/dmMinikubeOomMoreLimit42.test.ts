// dimasm93's Indonesian Kubernetes course, "Configure Request and Limit of Resources (CPUs &
// Memory)", section "Exceed a Container's memory limit" (post dated 2022-06-11; read as the search
// index's file 3867104649, its copy 3601571293). kubernetes.io's memory-demo-2 renamed
// `pod-resource-memory-more-limit`: `polinux/stress` (no tag: pull policy Always) allocating 250M
// under a 100Mi limit, restartPolicy Always, on a minikube node with the Docker runtime
// (`docker-pullable://` IDs, Pulled durations without "including waiting"). Server version not
// printed; kubectl 1.22+ by the "(… ago)"; minikube's default in June 2022 was 1.23 or 1.24. The
// behaviour compared has not changed up to 1.33, so run at 1.27, 1.31 and 1.33 (from 1.34 the
// spam filter's key has the event type, [10.7], and lets more than 25 events through).
// Published, first a `kubectl get pod` and describe of one run of the pod:
//   pod-resource-memory-more-limit   0/1   CrashLoopBackOff   5 (19s ago)   3m43s
//   Start Time 09:59:23; Last State Terminated OOMKilled (Exit Code 1), Started and Finished
//   10:02:47 (204 s); Restart Count 5; Ready False, ContainersReady False; Events at 4m6s:
//   Pulled `in 7.376668096s` 3m57s, then `in 3.19955887s` 3m53s, `in 3.142850674s` 3m36s,
//   `in 3.17531734s` 3m10s; Created (x4 over 3m57s), Started (x4 over 3m57s), BackOff (x8 over
//   3m52s), Pulling (x5 over 4m5s): 25 kubelet events, the spam filter's burst ([10.7]), and none
//   after 107 s although two more runs started (Restart Count 5).
// and a watch of another run of it:
//   0/1 CrashLoopBackOff 1 (10s ago) 24s → OOMKilled 2 (20s ago) 34s → CrashLoopBackOff 2 (11s
//   ago) 45s → OOMKilled 3 (30s ago) 64s → CrashLoopBackOff 3 (14s ago) 78s
// What the engine is given: the first pull 7.377 s and each later one (the registry check of a
// present image under Always, [15.6]) 3.2 s, from the Pulled events; each OOM kill 0.2 s after
// its run starts (the describe's run started and finished in one second). Not compared: the exit
// code. The node's was 1 (stress's parent reports its worker killed by signal 9 and exits 1; the
// runtime still says OOMKilled), the engine's oomKill exits 137; neither STATUS nor the counts
// depend on it. The describe's event counts: state/trace/dmMinikubeOomDescribe42Transcript.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRow, publishedRows, rowAt, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/dm-minikube-oom-more-limit.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.33'];

const WATCH = `pod-resource-memory-more-limit   0/1     CrashLoopBackOff   1 (10s ago)   24s
pod-resource-memory-more-limit   0/1     OOMKilled          2 (20s ago)   34s
pod-resource-memory-more-limit   0/1     CrashLoopBackOff   2 (11s ago)   45s
pod-resource-memory-more-limit   0/1     OOMKilled          3 (30s ago)   64s
pod-resource-memory-more-limit   0/1     CrashLoopBackOff   3 (14s ago)   78s`;
// AGE minus "ago": the run each line's lastState is (0-based), ended in seconds 14, 34, 64
const WATCH_LAST_RUN = [1, 1, 2, 2, 3];
const LINE = 'pod-resource-memory-more-limit   0/1     CrashLoopBackOff   5 (19s ago)   3m43s';
const DESCRIBE_AT = 246; // the describe: `Scheduled 4m6s`

type Kubectl = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const traceOf = (version: string) => {
  const r = runScenario(withVersion(SCENARIO, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};
const exitsOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: dimasm93\'s course, a stress pod over its memory limit on minikube (June 2022)', () => {
  it.each(VERSIONS)('prints the watch\'s five rows in order, READY, STATUS and RESTARTS exact (%s) [4.5] [10.2] [10.3] [14.3]', (version) => {
    const events = traceOf(version).events;
    const ours = events.filter((e): e is Kubectl => e.type === 'pod.kubectl');
    const at = expectSubsequence(publishedRows(WATCH), ours);
    // and each "(… ago)" dates the same run as the published line ([14.1])
    const exits = exitsOf(events).map((e) => Math.floor(e.t));
    WATCH.split('\n').forEach((line, i) => {
      const ago = /\((\d+)s ago\)/.exec(ours[at[i]!]!.restarts)?.[1];
      expect(ago, line).toBeDefined();
      expect(Math.floor(ours[at[i]!]!.t) - Number(ago), line).toBe(exits[WATCH_LAST_RUN[i]!]);
      expect(publishedRow(line).t - agoOf(line)!, line).toBe([14, 14, 34, 34, 64][i]);
    });
  });

  it.each(VERSIONS)('shows `0/1 CrashLoopBackOff 5` at 3m43s, after six OOM-killed runs, Ready and ContainersReady False (%s) [4.5] [4.6] [7.3] [7.4] [14.1]', (version) => {
    const trace = traceOf(version);
    const published = publishedRow(LINE);
    const ours = trace.events.filter((e): e is Kubectl => e.type === 'pod.kubectl')
      .map((e) => ({ t: e.t, ready: e.ready, status: e.status, restarts: e.restarts }));
    expect(rowAt(ours, published.t)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '5' });
    const exits = exitsOf(trace.events);
    expect(exits.filter((e) => e.t <= published.t)).toHaveLength(6);
    for (const e of exits) expect(e.reason).toBe('OOMKilled');
    // the sixth run, the describe's Last State, ended at 204 s on the node: the engine's, at the
    // back-off's earliest requeue each time, ends sooner, by less than the five requeues' jitter
    // (10 s × [0, 0.5) each, [4.6]) and the node's slower starts
    const sixth = exits[5]!.t;
    expect(sixth).toBeLessThanOrEqual(204);
    expect(204 - sixth).toBeLessThan(5 * 5 + 5);
    // and no seventh run before the describe (the next back-off is 160 s)
    expect(exits.filter((e) => e.t <= DESCRIBE_AT)).toHaveLength(6);
    const last = (condition: string) => trace.events.filter((e) => e.type === 'pod.condition' && e.condition === condition && e.t <= published.t).at(-1);
    expect(last('Ready')).toMatchObject({ status: 'False' });
    expect(last('ContainersReady')).toMatchObject({ status: 'False' });
    expect(last('Initialized')).toMatchObject({ status: 'True' });
  });
});
