// A French Kubernetes course's chapter 17, "Le Pod" (the search index's file 69562553568; no
// repository named), run on the course's minikube, started with `--kubernetes-version=v1.37.0`
// (chapter 15, search-index file 69832508965), outputs dated 2026-09-26. The manifests and every
// published line used are in fixtures/minikube137-ch17-*.yaml. What the engine is given: the images
// are on the node (pull 0), and what a command does where the engine cannot read it (nginx losing
// the port, the counter script's exits, a failing nslookup).
// - sidecar-natif: a native sidecar (`tail -f`) beside a 6 s task in a `Never` pod, polled every 2 s:
//   `0/2 Init:0/1` 0s, `2/2 Running` 2–6s, `1/2 Completed` 8–10s ([2.1] [2.2] [8.1c] [14.2] [14.3]).
// - sidecar-ancien: the same pair as two plain containers: `1/2 NotReady` at 20s, the task's run 6 s
//   by its own timestamps ([3.2] [6.2] [14.3]).
// - troisieme: `restartPolicy: OnFailure`, two failures then success: `0/1 Completed 2 (43s ago)` at
//   45s ([4.1] [4.5] [6.2d] [10.8] [14.1]).
// - deux-nginx: two nginx in one pod, the second losing port 80: `1/2 Error 3 (49s ago)` at 70s, not
//   CrashLoopBackOff (from 1.35 the pod worker requeues at the back-off's end, [4.6]).
// - init, init-rate: an 8 s init container polled every 2 s; a failing init container at 40 s,
//   `0/1 Init:Error 3 (27s ago)` ([2.5] [4.6] [14.1]).
// - plantage: a container exiting 1 at once, its restarts 3, 16, 39, 92, 172, 333 s after the apply
//   ([4.5] [4.6]), the second run seen running (t=3), then `Error` (t=4) ([0.8]). Published also:
//   `CrashLoopBackOff` one second after that `Error` (t=5), which the engine prints only when its
//   first sync spans a relist, as this node's did (see docs/transcripts.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import { agoOf, publishedRows, restartCount, rowAt, simulatedRows, withVersion, type Row, rowsWithLastRestart, type TimedRow } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const key = (r: Row) => `${r.ready} ${r.status} ${restartCount(r.restarts)}`;

/**
 * The rows a poll printing AGE `age` could have seen. AGE is whole seconds counted from the
 * whole-second creationTimestamp ([14.1]), so that poll ran between age − 1 and age + 1 s after
 * the pod's creation: the row showing at age − 1 and every row printed before age + 1.
 */
function rowsAround(rows: TimedRow[], age: number): string[] {
  const seen = rows.filter((r) => r.t > age - 1 && r.t < age + 1).map(key);
  const before = rowAt(rows, age - 1);
  return before ? [key(before), ...seen] : seen;
}


/**
 * The engine's row at the published line's AGE has its READY, STATUS and RESTARTS, and its last
 * restart ("… ago") is no later than the published one and at most `lateBy` seconds earlier.
 */
function expectLastRestartRow(scenario: string, version: string, line: string, lateBy: number): void {
  const rows = rowsWithLastRestart(withVersion(scenario, version));
  const [published] = publishedRows(line);
  const ours = rows.filter((r) => r.t <= published!.t).at(-1)!;
  expect(ours.key).toBe(key(published!));
  const theirs = published!.t - agoOf(line)!;
  expect(ours.lastRestartAt).toBeLessThanOrEqual(theirs);
  expect(theirs - ours.lastRestartAt!).toBeLessThanOrEqual(lateBy);
}

describe('transcript: chapter 17, sidecar-natif: a native sidecar beside a 6 s task under restartPolicy Never (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-sidecar-natif.yaml');
  const published = publishedRows(`
sidecar-natif   0/2   Init:0/1   0     0s
sidecar-natif   2/2   Running   0     2s
sidecar-natif   2/2   Running   0     4s
sidecar-natif   2/2   Running   0     6s
sidecar-natif   1/2   Completed   0     8s
sidecar-natif   1/2   Completed   0     10s`);

  // A native sidecar without a startup probe behaves alike from 1.29 (on by default) to 1.37.
  it.each(['1.29', '1.33', '1.37'])('shows each polled row at its AGE: the sidecar first, then 2/2, then `1/2 Completed` while the sidecar waits out its grace (%s) [2.1] [2.2] [8.1c] [14.2] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    for (const row of published) expect(key(rowAt(ours, row.t)!), `${row.t}s`).toBe(key(row));
  });
});

describe('transcript: chapter 17, sidecar-ancien: the same pair as two plain containers (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-sidecar-ancien.yaml');

  it.each(['1.29', '1.33', '1.37'])('prints `1/2 NotReady 0` at 20s, the task having run 6 s by its whole-second timestamps (%s) [6.2] [14.3]', (version) => {
    const text = withVersion(SCENARIO, version);
    const [published] = publishedRows('sidecar-ancien   1/2     NotReady   0          20s');
    expect(key(rowAt(simulatedRows(text), published!.t)!)).toBe(key(published!));
    const events = runScenario(text).trace!.events.filter((e) => 'container' in e && e.container === 'tache');
    const started = events.find((e) => e.type === 'container.start')!.t;
    const finished = events.find((e) => e.type === 'container.exit')!.t;
    // startedAt 04:58:48Z, finishedAt 04:58:54Z
    expect(apiSecond(finished) - apiSecond(started)).toBe(6);
  });
});

describe('transcript: chapter 17, troisieme: restartPolicy OnFailure, success at the third run (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-troisieme.yaml');
  const line = 'troisieme   0/1     Completed   2 (43s ago)   45s';

  // The "(… ago)": this 1.37 node still printed it 43 s after the pod completed. The engine writes
  // `Completed 2` with it when the periodic relist reports the third run's exit. Up to 1.35 it drops
  // it a relist later ([10.8]): the container deletor removed the second run after that relist, and
  // SyncTerminatingPod's status reads a relist without it (a published 1.35 watch shows the drop,
  // docs/transcripts.md). From 1.36, with RestartAllContainersOnContainerExits on by default,
  // convertContainerStatus carries the last state over from the written status
  // (kubernetes#136964, kubelet_pods.go at 001a80e9), so it stays, as this node printed.
  it.each(['1.35', '1.36', '1.37'])('prints `0/1 Completed 2` at 45s, first with the second run\'s end for "ago", within 2 s (%s) [4.1] [4.5] [6.2d] [10.8] [14.1]', (version) => {
    const rows = rowsWithLastRestart(withVersion(SCENARIO, version));
    const [published] = publishedRows(line);
    const ours = rows.filter((r) => r.t <= published!.t).at(-1)!;
    expect(ours.key).toBe(key(published!));
    // AGE − ago = 2: the second run ended in the node's third second. The engine starts a container
    // 0.2 s after its sync where this node took about a second (chapter 17's own poll of `plantage`
    // saw the first restart running 3 s after the apply), so its second run ends in second 1.
    const completed = rows.find((r) => r.key === key(published!))!;
    expect(completed.lastRestartAt).toBeDefined();
    expect(Math.abs(published!.t - agoOf(line)! - completed.lastRestartAt!)).toBeLessThanOrEqual(2);
  });
  it.each(['1.36', '1.37'])('keeps `(… ago)` after the pod completed, as this 1.37 node printed it at 45s: the last state carried over from the written status (%s) [10.8]', (version) => {
    const rows = rowsWithLastRestart(withVersion(SCENARIO, version));
    const [published] = publishedRows(line);
    const ours = rows.filter((r) => r.t <= published!.t).at(-1)!;
    expect(ours.key).toBe(key(published!));
    expect(ours.lastRestartAt).toBeDefined();
  });

  it('drops `(… ago)` a relist after the pod completed at 1.35, as the published 1.35 watch does (1.35) [10.8]', () => {
    const rows = rowsWithLastRestart(withVersion(SCENARIO, '1.35'));
    const [published] = publishedRows(line);
    const ours = rows.filter((r) => r.t <= published!.t).at(-1)!;
    expect(ours.key).toBe(key(published!));
    expect(ours.lastRestartAt).toBeUndefined();
  });
});

describe('transcript: chapter 17, deux-nginx: the second nginx loses port 80 and crash-loops beside the first (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-deux-nginx.yaml');
  const line = 'deux-nginx   1/2     Error    3 (49s ago)   70s';

  // From 1.35 the pod worker requeues a back-off at its end ([4.6]), so between runs the container
  // shows its Terminated `Error`; up to 1.34 the 10 s requeue writes `CrashLoopBackOff` well before 70 s.
  it.each(['1.35', '1.36', '1.37'])('prints `1/2 Error 3` at 70s; the third run ends no later than published, within a requeue\'s jitter (%s) [4.5] [4.6] [14.1]', (version) => {
    // AGE − ago: the third run ended in second 21. The engine restarts at the back-off's end, the
    // node up to 1.5 times the back-off later (wait.Jitter, [4.6]: up to 5 s after the 10 s one),
    // and its container starts take about a second where the engine's take 0.2 s.
    expectLastRestartRow(SCENARIO, version, line, 5 + 2);
  });
});

describe('transcript: chapter 17, init: an init container sleeping 8 s, polled every 2 s (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-init.yaml');
  const published = publishedRows(`
init   0/1   Init:0/1   0     0s
init   0/1   Init:0/1   0     3s
init   0/1   Init:0/1   0     5s
init   0/1   Init:0/1   0     7s
init   0/1   Init:0/1   0     9s
init   1/1   Running   0     11s`);

  // The engine's init container ends at 8.7 s and nginx runs from 9.2–10 s; the node's ended after
  // its 9 s poll (its first start took about a second, see troisieme): each polled row is checked
  // against what a poll with that AGE could have seen.
  it.each(['1.31', '1.34', '1.37'])('shows each polled row within its AGE\'s second (%s) [2.1] [14.1]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    for (const row of published) expect(rowsAround(ours, row.t), `${row.t}s`).toContain(key(row));
    // and not Running before the last Init:0/1 poll's second
    expect(ours.find((r) => r.status === 'Running')!.t).toBeGreaterThan(9 - 1);
  });
});

describe('transcript: chapter 17, init-rate: an init container whose nslookup fails (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-init-rate.yaml');
  const line = 'init-rate   0/1     Init:Error   3 (27s ago)   40s';

  // As for deux-nginx: `Init:Error` between runs from 1.35 ([4.6]).
  it.each(['1.35', '1.36', '1.37'])('prints `0/1 Init:Error 3` at 40s, the third run\'s end within 2 s of published (%s) [2.5] [4.6] [14.1]', (version) => {
    // AGE − ago = 13: the third run ended in second 13, the engine's in second 11 or 12 (its
    // container starts are 0.2 s; the node's about 1 s, as above).
    expectLastRestartRow(SCENARIO, version, line, 2);
  });
});

describe('transcript: chapter 17, plantage: a container exiting 1 at once under restartPolicy Always (minikube v1.37.0)', () => {
  const SCENARIO = fixture('minikube137-ch17-plantage.yaml');
  // The restarts: runs 2–7 started (restartCount 1–6 first seen) at these seconds after the apply.
  const publishedStarts = [3, 16, 39, 92, 172, 333];

  it.each(['1.35', '1.36', '1.37'])('restarts after back-offs of 10, 20, 40, 80 and 160 s, each gap within the requeue\'s jitter of the published one (%s) [4.5] [4.6]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const starts = events.filter((e) => e.type === 'container.start' && e.attempt >= 1).map((e) => e.t);
    expect(starts.length).toBeGreaterThanOrEqual(publishedStarts.length);
    const delays = events.filter((e) => e.type === 'container.backoff').map((e) => e.delay);
    expect(delays.slice(0, 5)).toEqual([10, 20, 40, 80, 160]);
    // The published gaps: 13, 23, 53, 80, 161 s. The engine takes the earliest restart; the node's
    // requeue is the time left × U[1, 1.5) ([4.6]), capped at the 60 s resync (the 80 and 160 s
    // back-offs end within a resync of their last refusal), and the 1 s poll adds up to a second.
    publishedStarts.slice(1).forEach((at, n) => {
      const theirs = at - publishedStarts[n]!;
      const ours = starts[n + 1]! - starts[n]!;
      expect(theirs - ours, `gap ${n + 1}`).toBeGreaterThanOrEqual(-1.5);
      expect(theirs - ours, `gap ${n + 1}`).toBeLessThanOrEqual(delays[n]! * 0.5 + 1.5);
    });
  });

  // Published: `t=3 s : 1 2026-09-26T04:57:22Z` (the second run's running state, restartCount 1),
  // then `t=4 s : 1 Error`. A process that exits as soon as it starts is still listed running by
  // the on-demand relist after the sync that started it: the runtime records the exit after
  // (containerd's exit event), and the next periodic relist reports it ([0.8]).
  it.each(['1.36', '1.37'])('shows the second run running with restartCount 1, then `Error` at the next periodic relist (%s) [0.8] [0.6]', (version) => {
    const trace = runScenario(withVersion(SCENARIO, version)).trace!;
    const secondStart = trace.events.filter((e) => e.type === 'container.start')[1]!.t;
    const rows = trace.events.filter((e) => e.type === 'pod.kubectl' && e.t >= secondStart);
    expect(rows.slice(0, 2).map((e) => e.type === 'pod.kubectl' && `${e.ready} ${e.status} ${restartCount(e.restarts)}`)).toEqual(['1/1 Running 1', '0/1 Error 1']);
    expect(rows[0]!.t).toBeCloseTo(secondStart, 6);
    expect(rows[1]!.t).toBeCloseTo(Math.ceil(secondStart), 6);
  });

  // The node took 1-2 s to its first start (its first restart ran 3 s after the apply); the
  // engine's first sync, with the image present, ends at 0.7 s, before the first relist. Given a
  // first sync that spans a relist (a 0.5 s pull stands in for the node's slower sandbox), the
  // relist's event during it starts [0.9]'s chain of one more sync, and the published rows follow
  // one relist apart: `1 <running>`, `1 Error`, `1 CrashLoopBackOff` (t=3, 4, 5).
  it.each(['1.36', '1.37'])('with a first sync that spans a relist, prints the second run running, `Error` and `CrashLoopBackOff` one relist apart, as published (%s) [0.8] [0.9] [10.2]', (version) => {
    const slower = withVersion(SCENARIO, version).replace('api: { pull: 0 }', 'api: { pull: 0.5 }');
    const trace = runScenario(slower).trace!;
    const secondStart = trace.events.filter((e) => e.type === 'container.start')[1]!.t;
    const rows = trace.events.filter((e) => e.type === 'pod.kubectl' && e.t >= secondStart);
    const shown = rows.slice(0, 3).map((e) => e.type === 'pod.kubectl' && `${e.status} ${restartCount(e.restarts)}`);
    expect(shown).toEqual(['Running 1', 'Error 1', 'CrashLoopBackOff 1']);
    expect(rows[2]!.t - rows[1]!.t).toBeCloseTo(1, 6);
  });

  it.each(['1.35', '1.36', '1.37'])('shows `Error`, not `CrashLoopBackOff`, through the 20 s back-off (published: `2 Error` at 16 s, then `3 <running>` at 39 s) (%s) [4.6] [10.2]', (version) => {
    const trace = runScenario(withVersion(SCENARIO, version)).trace!;
    const exits = trace.events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    const starts = trace.events.filter((e) => e.type === 'container.start').map((e) => e.t);
    // after the third run's end (attempt 2) to 0.5 s before the fourth run's start
    const during = trace.events.filter((e) => e.type === 'pod.kubectl' && e.t > exits[2]! && e.t < starts[3]! - 0.5);
    expect(during.length).toBeGreaterThan(0);
    for (const e of during) expect(e.type === 'pod.kubectl' && e.status).toBe('Error');
  });
});
