// hoangph3's "devops-tutorial" notes, section "Pod Health Probes" (search-index file 69200079492):
// kubernetes.io's liveness-exec and liveness-http pods on minikube, each described after its
// liveness kills. Manifests and published Events in fixtures/lv-hoangph3-liveness-exec.yaml and
// fixtures/lv-hoangph3-liveness-http.yaml. Server version not printed: about 1.23 (minikube's
// default in April 2022, the page's Deployment dump; Pulled without "including waiting", [10.6]),
// so run at 1.27, 1.31 and 1.36, where these rules have not changed.
// Rules exercised: [5.2] [5.3] the probe ticks from the pod's sync, initialDelaySeconds; [5.5] the
// kill at the failureThreshold's third failure in a row; [5.13] one Unhealthy per failed run, with
// what it printed (busybox cat's error from the script, [15.4]; the HTTP status); [4.4] the
// restart after a kill; [4.5] no back-off for a restart whose previous run lasted longer than
// the back-off ([4.5]); [8.3] [8.5] [15.3] `sh -c` as PID 1 ignores SIGTERM, so the restart waits
// out the 30 s grace; [15.6] an untagged image pulled again at each restart; [14.1] RESTARTS
// "(… ago)".
// What is compared: each published Events row's count, and the ages of its first and last
// occurrence within kubectl's 1 s rounding (expectDescribeAges); the Unhealthy messages; and the
// liveness-http row `1/1 Running 2 (2s ago) 41s`. Given, not checked: the pull times (published)
// and, for liveness-http, when the server starts answering 500 (10 s after each start).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectDescribeAges, publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

const EXEC = readFileSync(new URL('./fixtures/lv-hoangph3-liveness-exec.yaml', import.meta.url), 'utf8');
const HTTP = readFileSync(new URL('./fixtures/lv-hoangph3-liveness-http.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.36'];

const eventsOf = (text: string): TraceEvent[] => runScenario(text).trace!.events;
const timesOf = (events: TraceEvent[], type: TraceEvent['type']) => events.filter((e) => e.type === type).map((e) => e.t);
const unhealthy = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'probe.failed' }> => e.type === 'probe.failed' && e.probe === 'liveness');

describe('transcript: hoangph3 devops-tutorial, kubernetes.io liveness-exec on minikube (about 1.23)', () => {
  it.each(VERSIONS)('at 66 s: Started 61s, Unhealthy 21s (x3 over 31s), Killing 21s, with busybox cat\'s message (%s) [5.3] [5.5] [5.13] [15.4]', (version) => {
    const events = eventsOf(withVersion(EXEC, version));
    const at66 = (t: number) => t <= 66;
    const failed = unhealthy(events).filter((e) => at66(e.t));
    expectDescribeAges(66, [
      ['Pulling', timesOf(events, 'container.pulling').filter(at66), 1, 65, 65],
      ['Pulled', timesOf(events, 'container.pulled').filter(at66), 1, 62, 62],
      ['Started', timesOf(events, 'container.start').filter(at66), 1, 61, 61],
      ['Unhealthy', failed.map((e) => e.t), 3, 21, 31],
      ['Killing', timesOf(events, 'container.kill').filter(at66), 1, 21, 21],
    ]);
    for (const e of failed) expect(e.output).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
  });

  it.each(VERSIONS)('at 83 s: Pulling 8s (x2 over 82s), Started 4s (x2 over 78s), the restart 30 s after the kill (SIGTERM ignored, SIGKILL at the grace\'s end) (%s) [8.3] [8.5] [15.3] [4.4] [15.6]', (version) => {
    const events = eventsOf(withVersion(EXEC, version));
    const at83 = (t: number) => t <= 83;
    expectDescribeAges(83, [
      ['Unhealthy', unhealthy(events).filter((e) => at83(e.t)).map((e) => e.t), 3, 38, 48],
      ['Killing', timesOf(events, 'container.kill').filter(at83), 1, 38, 38],
      ['Pulling', timesOf(events, 'container.pulling').filter(at83), 2, 8, 82],
      ['Started', timesOf(events, 'container.start').filter(at83), 2, 4, 78],
    ]);
    const signals = events.filter((e): e is Extract<TraceEvent, { type: 'container.signal' }> => e.type === 'container.signal');
    expect(signals.map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 45], ['SIGKILL', 75]]);
    expect(events.find((e) => e.type === 'container.exit')).toMatchObject({ exitCode: 137 });
  });
});

describe('transcript: hoangph3 devops-tutorial, kubernetes.io liveness-http (k8s.gcr.io/liveness) on minikube (about 1.23)', () => {
  it.each(VERSIONS)('at 45 s: Unhealthy 6s (x6 over 30s) with `HTTP probe failed with statuscode: 500`, Killing 6s (x2 over 24s), Pulling 6s (x3 over 44s), Started 5s (x3 over 43s) (%s) [5.2] [5.5] [5.13] [4.4] [4.5]', (version) => {
    const events = eventsOf(withVersion(HTTP, version));
    const at45 = (t: number) => t <= 45;
    const failed = unhealthy(events).filter((e) => at45(e.t));
    expectDescribeAges(45, [
      ['Unhealthy', failed.map((e) => e.t), 6, 6, 30],
      ['Killing', timesOf(events, 'container.kill').filter(at45), 2, 6, 24],
      ['Pulling', timesOf(events, 'container.pulling').filter(at45), 3, 6, 44],
      ['Pulled', timesOf(events, 'container.pulled').filter(at45), 3, 5, 43],
      ['Started', timesOf(events, 'container.start').filter(at45), 3, 5, 43],
    ]);
    for (const e of failed) expect(e.output).toBe('HTTP probe failed with statuscode: 500');
    // the second restart comes at once too: the first restarted run lasted 16 s, longer than the
    // 10 s back-off the first restart started ([4.5])
    const starts = timesOf(events, 'container.start');
    const kills = timesOf(events, 'container.kill');
    expect(starts[2]! - kills[1]!).toBeLessThan(2);
  });

  it.each(VERSIONS)('prints `1/1 Running 2 (2s ago)` at AGE 41 s (%s) [14.1] [4.4]', (version) => {
    const line = 'liveness-http   1/1     Running   2 (2s ago)   41s';
    const published = publishedRow(line);
    const rows = simulatedRows(withVersion(HTTP, version));
    expect(rowAt(rows, published.t)).toEqual({ ready: '1/1', status: 'Running', restarts: '2' });
    // AGE − ago: the second run ended in second 39, as the engine's second kill
    const kills = timesOf(eventsOf(withVersion(HTTP, version)), 'container.kill');
    expect(published.t - agoOf(line)!).toBe(Math.floor(kills[1]!));
  });
});
