// HPE Developer Community blog, "Automating Kubernetes Pod restart troubleshooting in HPE Private
// Cloud AI" (Guoping Jia, 2026-07-29; read as the search index's file 57352020949, the post's
// markdown, and its copy 57428234411). A test pod `oom-demo` on a PCAI cluster: `polinux/stress`
// (no tag, so pull policy Always) allocating 250M under a 200Mi limit, restartPolicy Always
// (default), watched with `kubectl get pods -n podc -w`:
//   oom-demo   0/1   CrashLoopBackOff   1 (3s ago)    10s
//   oom-demo   0/1   OOMKilled          2 (18s ago)   25s
//   oom-demo   0/1   CrashLoopBackOff   2 (12s ago)   36s
//   oom-demo   1/1   Running            3 (25s ago)   49s
//   oom-demo   0/1   OOMKilled          3 (26s ago)   50s
//   oom-demo   0/1   CrashLoopBackOff   3 (13s ago)   62s
//   oom-demo   0/1   OOMKilled          4 (44s ago)   93s
//   oom-demo   0/1   CrashLoopBackOff   4 (14s ago)  107s
// Server version: not printed (PCAI 1.6, 2026). Up to 1.34 by the rows: each `CrashLoopBackOff`
// comes 11-14 s after the run's end (AGE minus "ago"), the requeue after a back-off error of
// [4.6]; from 1.35 the requeue waits for the back-off's end and the reason shows only just before
// the restart. So run at 1.31, 1.33 and 1.34.
// What the engine is given (not checks): the first pull 5 s and each restart's registry check
// 1.5 s (neither is published; the first pull puts the second run's end in second 7, as the first
// row's "ago" dates it); each OOM kill 0.2 s after its run starts, except the fourth run's, 0.5 s:
// the published `1/1 Running 3` says a relist saw that run alive ([0.2]), and the next row 1 s
// later has it OOMKilled in the same whole second (62 - 13 = 49).
// Compared: READY, STATUS and the RESTARTS count of all eight rows, in order (a subsequence of
// the engine's rows); the run each "(… ago)" dates ([14.1]); the gaps between run ends against
// the back-off ([4.5]) and the requeue's jitter ([4.6]), which the engine takes at its earliest.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRows, withVersion } from './watch.testkit';

const SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: oom-demo
spec:
  containers:
  - name: oomkilled-demo
    image: polinux/stress
    resources:
      requests:
        memory: "100Mi"
      limits:
        memory: "200Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.34"
until: 110s
containers:
  oomkilled-demo: { pull: 5s, registryCheck: 1.5s }
events:
  - { at: 5.9s, container: oomkilled-demo, do: oomKill }
  - { at: 7.9s, container: oomkilled-demo, do: oomKill }
  - { at: 20.9s, container: oomkilled-demo, do: oomKill }
  - { at: 43.2s, container: oomkilled-demo, do: oomKill }
  - { at: 85.9s, container: oomkilled-demo, do: oomKill }
`;

const PUBLISHED = `oom-demo                      0/1     CrashLoopBackOff   1 (3s ago)    10s
oom-demo                      0/1     OOMKilled          2 (18s ago)   25s
oom-demo                      0/1     CrashLoopBackOff   2 (12s ago)   36s
oom-demo                      1/1     Running            3 (25s ago)   49s
oom-demo                      0/1     OOMKilled          3 (26s ago)   50s
oom-demo                      0/1     CrashLoopBackOff   3 (13s ago)   62s
oom-demo                      0/1     OOMKilled          4 (44s ago)   93s
oom-demo                      0/1     CrashLoopBackOff   4 (14s ago)  107s`;
const LINES = PUBLISHED.split('\n');
// The run (0-based) each line's lastState is: AGE minus "ago" is its whole-second finishedAt,
// 7, 7, 24, 24, 24, 49, 49, 93: the second to the fifth runs' ends.
const LAST_STATE_RUN = [1, 1, 2, 2, 2, 3, 3, 4];
const PUBLISHED_ENDS = [7, 24, 49, 93]; // the second to the fifth runs, whole seconds
const VERSIONS = ['1.31', '1.33', '1.34'];

type Kubectl = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const eventsOf = (version: string): TraceEvent[] => {
  const r = runScenario(withVersion(SCENARIO, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
};
const rowsOf = (events: TraceEvent[]) => events.filter((e): e is Kubectl => e.type === 'pod.kubectl');
const exitsOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: HPE PCAI blog, `oom-demo` OOM-killed at every start (kubectl get pods -w)', () => {
  it.each(VERSIONS)('OOM-kills five runs, each 137 OOMKilled, the fourth seen running by a relist (%s) [10.3] [0.2]', (version) => {
    const events = eventsOf(version);
    const exits = exitsOf(events);
    expect(exits).toHaveLength(5);
    for (const e of exits) expect(e).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    // every kill lands in its own run (the scenario's times are inputs placed after each start)
    exits.forEach((e, i) => expect(e.t - starts[i]!).toBeGreaterThan(0));
  });

  it.each(VERSIONS)('prints the eight published rows in order, READY, STATUS and RESTARTS exact (%s) [4.5] [10.2] [10.3] [14.1] [14.3]', (version) => {
    expectSubsequence(publishedRows(PUBLISHED), rowsOf(eventsOf(version)));
  });

  it.each(VERSIONS)('dates each row\'s "(… ago)" from the same run as the published line (%s) [14.1]', (version) => {
    const events = eventsOf(version);
    const ours = rowsOf(events);
    const at = expectSubsequence(publishedRows(PUBLISHED), ours);
    const exits = exitsOf(events).map((e) => Math.floor(e.t));
    LINES.forEach((line, i) => {
      const published = publishedRows(line)[0]!;
      expect(published.t - agoOf(line)!, line).toBe(PUBLISHED_ENDS[LAST_STATE_RUN[i]! - 1]);
      const row = ours[at[i]!]!;
      const ago = /\((\d+)s ago\)/.exec(row.restarts)?.[1];
      expect(ago, line).toBeDefined();
      expect(Math.floor(row.t) - Number(ago), line).toBe(exits[LAST_STATE_RUN[i]!]);
    });
  });

  it.each(VERSIONS)('ends the third to fifth runs no sooner than the back-off allows and within the requeue\'s jitter of the node (%s) [4.5] [4.6]', (version) => {
    const ends = exitsOf(eventsOf(version)).map((e) => e.t);
    // the second run ends in the published second (the first pull is the one timing fitted)
    expect(Math.floor(ends[1]!)).toBe(PUBLISHED_ENDS[0]);
    const backoff = [10, 20, 40];
    for (let i = 0; i < 3; i++) {
      const ours = ends[i + 2]! - ends[i + 1]!;
      const node = PUBLISHED_ENDS[i + 1]! - PUBLISHED_ENDS[i]!; // 17, 25, 44
      // both wait out the back-off from the run's end, plus the registry check
      expect(ours).toBeGreaterThanOrEqual(backoff[i]!);
      // the node is later by the requeue's draw (10 s × [1, 1.5) after the sync that met the
      // back-off, up to 5 s) and its whole-second rounding; never earlier than the engine's earliest
      expect(node - ours, `run ${i + 3}`).toBeGreaterThanOrEqual(-1);
      expect(node - ours, `run ${i + 3}`).toBeLessThanOrEqual(5 + 1);
    }
  });

  // The version inference, checked: from 1.35 the requeue waits for the back-off's end ([4.6]), so
  // `CrashLoopBackOff 2` and `3` come 20 s and 40 s after their runs' ends, where the node printed
  // them with "(12s ago)" and "(13s ago)".
  it('from 1.35 prints `CrashLoopBackOff 2` and `3` only at the back-off\'s end, too late for the published "ago" (1.35) [4.6]', () => {
    const events = eventsOf('1.35');
    const exits = exitsOf(events).map((e) => e.t);
    const first = (restarts: string) => rowsOf(events).find((r) => r.status === 'CrashLoopBackOff' && r.restarts.split(' ')[0] === restarts)!;
    expect(first('2').t - exits[2]!).toBeGreaterThanOrEqual(20 - 0.5);
    expect(first('3').t - exits[3]!).toBeGreaterThanOrEqual(40 - 0.5);
    for (const [line, restarts] of [[LINES[2]!, '2'], [LINES[5]!, '3']] as const) {
      const ago = /\((\d+)s ago\)/.exec(first(restarts).restarts)![1];
      expect(Number(ago), line).toBeGreaterThan(agoOf(line)! + 5);
    }
  });
});
