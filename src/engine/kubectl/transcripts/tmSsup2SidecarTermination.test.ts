// A blog's native-sidecar experiments (ssup2/blog-software, "Kubernetes Sidecar Container",
// sections 1.1-1.3, July 2025; search-index file 41515823454): the published events, pod rows and
// container logs of three pods, quoted in fixtures/tm-ssup2-sidecar-*.yaml. No server version is
// printed: the sidecars stop in reverse order (1.29+) and the events read `Created container X`
// without a colon (up to 1.31, [10.6]), so run at 1.29, 1.30 and 1.31.
// - order: a deletion. Every container's `trap 'sleep 3; echo NAME; exit 0' TERM; sleep infinity &
//   wait` runs its trap at once ([15.3]); the app's kill starts with the deletion, the sidecars'
//   stop signals wait for the app and then for the later sidecar ([8.3] [8.4]), so the logs are 3 s
//   apart, app → second-sidecar → first-sidecar. Killing is recorded for all three at the deletion
//   (killContainer records it before it waits for the container's turn).
// - exit: the same sidecars with a `restartPolicy: Never` app that exits 0 after 3 s: the pod is
//   killed once the app is done ([8.1] (c)), the sidecars in reverse order, and ends `0/3 Completed`
//   ([6.3] [14.2]).
// - liveness: a sidecar `sleep infinity` whose liveness probe always fails: each kill waits out the
//   30 s grace (sleep as PID 1 ignores SIGTERM, [15.3] [8.9]), 137, and the sidecar is restarted
//   ([4.4]); describe counts Unhealthy per failed run ([5.13]).
// Timing tolerances: the log lines carry milliseconds, and each gap is the trap's `sleep 3` plus
// 0.13-0.15 s of runtime latency (the stop call's return and the next signal) that the engine does
// not model: 0.5 s. A gap that includes the PLEG relist noticing the app's exit gets 1 s (the
// relist's phase, [0.2]). The events these pods' listings print are checked in
// src/state/trace/tmSsup2SidecarDescribe.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.29', '1.30', '1.31'];

function traceOf(name: string, version: string) {
  return runScenario(withVersion(fixture(name), version)).trace!;
}
const exitsOf = (events: TraceEvent[]) => events.filter((e) => e.type === 'container.exit') as Extract<TraceEvent, { type: 'container.exit' }>[];
const startsOf = (events: TraceEvent[], container: string) => events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

describe('transcript: ssup2 1.1, a deleted pod whose app and two sidecars trap TERM and exit 3 s later (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-order.yaml';

  it.each(VERSIONS)('exits app, second-sidecar, first-sidecar, each with 0, 3.146 s and 3.127 s apart within 0.5 s (%s) [8.3] [8.4] [15.3] [8.6]', (version) => {
    const events = traceOf(NAME, version).events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const exits = exitsOf(events);
    expect(exits.map((e) => e.container)).toEqual(['app', 'second-sidecar', 'first-sidecar']);
    expect(exits.map((e) => e.exitCode)).toEqual([0, 0, 0]);
    // the app's trap starts with the deletion: its echo (and exit) 3 s after it
    expect(exits[0]!.t - deleted).toBeCloseTo(3, 6);
    // 23:47:31.060 app, 23:47:34.206 second-sidecar, 23:47:37.333 first-sidecar
    expect(Math.abs(exits[1]!.t - exits[0]!.t - 3.146)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(exits[2]!.t - exits[1]!.t - 3.127)).toBeLessThanOrEqual(0.5);
    // no SIGKILL: the 9 s fit in the 30 s grace
    expect(events.filter((e) => e.type === 'container.signal' && e.signal === 'SIGKILL')).toEqual([]);
  });

});

describe('transcript: ssup2 1.2, a Never pod whose app exits 0 after 3 s, then its two sidecars in reverse order (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-exit.yaml';

  it.each(VERSIONS)('ends `0/3 Completed 0`, the sidecars exiting 0 after the app, 3.879 s (within 1 s) and 3.126 s (within 0.5 s) apart (%s) [8.1] [8.4] [6.3] [14.2]', (version) => {
    const events = traceOf(NAME, version).events;
    const exits = exitsOf(events);
    expect(exits.map((e) => e.container)).toEqual(['app', 'second-sidecar', 'first-sidecar']);
    expect(exits.map((e) => e.exitCode)).toEqual([0, 0, 0]);
    // 01:16:50.237 app, 01:16:54.116 second-sidecar (the relist seeing the app's exit, then 3 s),
    // 01:16:57.242 first-sidecar
    expect(Math.abs(exits[1]!.t - exits[0]!.t - 3.879)).toBeLessThanOrEqual(1);
    expect(Math.abs(exits[2]!.t - exits[1]!.t - 3.126)).toBeLessThanOrEqual(0.5);
    const row = publishedRow('sidecar-container-exit-example   0/3     Completed   0          50s');
    expect(rowAt(simulatedRows(withVersion(fixture(NAME), version)), row.t)).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
  });

});

describe('transcript: ssup2 1.3, a sidecar `sleep infinity` whose liveness probe always fails (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-liveness.yaml';

  it.each(VERSIONS)('waits out the 30 s grace at each liveness kill: SIGKILL, 137, restarted at once (%s) [4.4] [8.9] [15.3] [8.6]', (version) => {
    const events = traceOf(NAME, version).events;
    const kills = events.filter((e) => e.type === 'container.kill' && e.container === 'sidecar').map((e) => e.t);
    const exits = exitsOf(events).filter((e) => e.container === 'sidecar');
    expect(exits.length).toBeGreaterThanOrEqual(2);
    exits.slice(0, 2).forEach((exit, n) => {
      expect(exit).toMatchObject({ exitCode: 137 });
      expect(exit.t - kills[n]!).toBeCloseTo(30, 6);
    });
    expect(startsOf(events, 'sidecar')).toHaveLength(exits.length + 1);
  });

  it.each(VERSIONS)('prints `2/2 Running 1` between the first restart and the second kill\'s end, the restart 61 s after creation by AGE minus "ago" (%s) [4.4] [14.2]', (version) => {
    const line = 'sidecar-container-liveness-fail-example   2/2     Running   1 (60s ago)   2m1s';
    const row = publishedRow(line);
    const events = traceOf(NAME, version).events;
    const rows = simulatedRows(withVersion(fixture(NAME), version));
    const exits = exitsOf(events).filter((e) => e.container === 'sidecar');
    // AGE 2m1s falls at the second kill's end (SIGKILL at ~120 s, reported at the next relist); the
    // engine's row just before that relist is the published one
    expect(rowAt(rows, exits[1]!.t - 0.5)).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
    expect(Math.abs(row.t - exits[1]!.t)).toBeLessThanOrEqual(1.5);
    // (60s ago) at 2m1s: the first run's finishedAt at 61 s
    expect(Math.abs(apiSecond(exits[0]!.t) - (row.t - agoOf(line)!))).toBeLessThanOrEqual(1);
  });
});
