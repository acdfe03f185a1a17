// A published pair of liveness kills of nginx (an httpGet probe answered 404 once the probed file was
// removed), with an image pull before each start: the `kubectl get pods -w` rows and the `kubectl
// describe pod` Events, run through the engine and the describe panel's projection.
//
// Source: Mahin556/Kubernetes, course notes on health probes, section "2. Liveness Probes (LP)"
// (search-index file 18789985182; no date in the stored text). Killercoda's playground
// (`controlplane:~$`, node `node01`); the version is not printed: `Created container:
// example-container` with `Image size: … bytes.` is a 1.32-1.34 kubelet ([10.6]), and the same notes'
// `kubectl get ep` warns "v1 Endpoints is deprecated in v1.33+" (a 1.33+ API server), so the test
// runs at 1.33 and 1.34. Manifest: fixtures/lv-mahin-killercoda-liveness-404.yaml, the published pod
// (its Service left out): nginx (no tag: imagePullPolicy Always) under `/bin/bash -c` writing
// /usr/share/nginx/html/testpath and starting nginx; liveness httpGet /testpath, delay 15 s, period
// 10 s (threshold 3, grace 30 s: the defaults). Published, verbatim:
//
//   controlplane:~$ kubectl exec -it example-pod -- rm -f /usr/share/nginx/html/testpath
//   controlplane:~$ kubectl get pods -w
//   NAME          READY   STATUS    RESTARTS      AGE
//   example-pod   1/1     Running   1 (33s ago)   93s
//   example-pod   1/1     Running   2 (2s ago)    2m2s
//   controlplane:~$ kubectl describe pod example-pod | grep -i -A20 events
//     Normal   Scheduled  2m24s                default-scheduler  Successfully assigned default/example-pod to node01
//     Normal   Pulled     2m22s                kubelet            Successfully pulled image "nginx" in 1.561s (1.561s including waiting). Image size: 59774010 bytes.
//     Normal   Pulled     83s                  kubelet            Successfully pulled image "nginx" in 1.286s (1.286s including waiting). Image size: 59774010 bytes.
//     Normal   Pulling    24s (x3 over 2m24s)  kubelet            Pulling image "nginx"
//     Warning  Unhealthy  24s (x6 over 104s)   kubelet            Liveness probe failed: HTTP probe failed with statuscode: 404
//     Normal   Killing    24s (x2 over 84s)    kubelet            Container example-container failed liveness probe, will be restarted
//     Normal   Pulled     23s                  kubelet            Successfully pulled image "nginx" in 1.387s (1.387s including waiting). Image size: 59774010 bytes.
//     Normal   Created    22s (x3 over 2m22s)  kubelet            Created container: example-container
//     Normal   Started    22s (x3 over 2m22s)  kubelet            Started container example-container
//
// Compared: the watch's rows (the first is its initial listing at 93 s, the second printed at the
// second restart): READY, STATUS, RESTARTS strictly, AGE within 1.5 s, AGE minus "ago" (the killed
// run's finishedAt second) exactly; every kubelet Events row with the listing at 144 s (the Scheduled
// row's age; the engine schedules at 0): reason, type and count exactly, ages within 1 s, messages
// word for word but for the two restarts' pull times (inputs: with one registry time for both, the
// engine's two restart Pulled messages are alike and fold into one `x2` row, compared as such). Rules: [5.2] no run before the 15 s
// delay, [5.4] [5.5] three failed runs 10 s apart kill the container, [5.13] one Unhealthy per failed
// run, worded as the HTTP prober does, [4.4] the Killing message, kill and restart in one sync, [4.5]
// no back-off at either restart (each is decided in the kill's sync, whose status still shows the
// killed run running: the first finds no exited run, the second finds the first run, ended 60 s
// before, with no back-off recorded yet), [15.6] `Always` pulls before every start, [14.1] "ago"
// from the exit's whole second,
// [10.6] the 1.32-1.34 wording.
// nginx stops at once on SIGTERM: bash execs the script's last command, so nginx is PID 1 ([15.3];
// the command reader's, not an input; lvMahinBashLastCommandExec.test.ts). Inputs, not checks: the pull times (1.561 s; 1.3 s for the later two, published 1.286 s and
// 1.387 s) and the image size; the two `rm`s at 35 s
// (published, its time from the first Unhealthy) and 95 s (not published: the second container
// writes the file again at its start, so only a second rm explains its 404s from 100 s).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { agoOf, expectSubsequence, fromWatchStart, publishedRows, rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/lv-mahin-killercoda-liveness-404.yaml', import.meta.url), 'utf8');
const POD = 'example-pod';
const VERSIONS = ['1.33', '1.34'];
const LISTING_AT = 2 * 60 + 24; // Scheduled 2m24s

const WATCH_LINES = [
  'example-pod   1/1     Running   1 (33s ago)   93s',
  'example-pod   1/1     Running   2 (2s ago)    2m2s',
];

const EVENTS = `
  Normal   Pulled     2m22s                kubelet            Successfully pulled image "nginx" in 1.561s (1.561s including waiting). Image size: 59774010 bytes.
  Normal   Pulled     83s                  kubelet            Successfully pulled image "nginx" in 1.286s (1.286s including waiting). Image size: 59774010 bytes.
  Normal   Pulling    24s (x3 over 2m24s)  kubelet            Pulling image "nginx"
  Warning  Unhealthy  24s (x6 over 104s)   kubelet            Liveness probe failed: HTTP probe failed with statuscode: 404
  Normal   Killing    24s (x2 over 84s)    kubelet            Container example-container failed liveness probe, will be restarted
  Normal   Pulled     23s                  kubelet            Successfully pulled image "nginx" in 1.387s (1.387s including waiting). Image size: 59774010 bytes.
  Normal   Created    22s (x3 over 2m22s)  kubelet            Created container: example-container
  Normal   Started    22s (x3 over 2m22s)  kubelet            Started container example-container`
  .trim().split('\n').map(publishedEvent);

/** A Pulled message with its pull time masked (the restarts' registry times are inputs, not checks). */
const maskPullTime = (message: string) => message.replace(/in [\d.]+m?s \([\d.]+m?s including waiting\)/, 'in T (T including waiting)');

describe('transcript: Mahin556 liveness-http on Killercoda, nginx killed twice by a 404 (1.33, 1.34)', () => {
  it.each(VERSIONS)('watch: `1/1 Running 1 (33s ago)` at 93 s, then `1/1 Running 2 (2s ago)` at 2m2s; each "ago" dates its kill\'s second (%s) [4.4] [4.5] [14.1]', (version) => {
    const text = withVersion(FIXTURE, version);
    const published = publishedRows(WATCH_LINES.join('\n'));
    const ours = fromWatchStart(simulatedRows(text), published[0]!.t);
    const at = expectSubsequence(published, ours);
    // the first row is the watch's initial listing: the state at 93 s
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '1/1', status: 'Running', restarts: '1' });
    expect(Math.abs(ours[at[1]!]!.t - published[1]!.t)).toBeLessThanOrEqual(1.5);
    // AGE minus "ago": the killed run's finishedAt second, 60 and 120
    const exits = runScenario(text).trace!.events.filter((e) => e.type === 'container.exit').map((e) => apiSecond(e.t));
    expect(exits).toEqual(WATCH_LINES.map((line, n) => published[n]!.t - agoOf(line)!));
  });

  it.each(VERSIONS)('describe at 2m24s: every kubelet row\'s reason, count and message as published, ages within 1 s (%s) [5.4] [5.13] [4.4] [10.6] [15.6]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const rows = describeEvents(trace, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    // The restarts' two Pulled rows differ only by their pull times, which are inputs here (one
    // registry time for both): the engine's two messages are then alike and kubectl folds them
    // into one series, so they are compared as one: x2, the last 23 s and the first 83 s ago.
    const [restartPull1, restartPull2] = EVENTS.filter((p) => p.reason === 'Pulled').slice(1);
    const expected = [
      ...EVENTS.filter((p) => p !== restartPull1 && p !== restartPull2),
      { ...restartPull2!, count: 2, over: restartPull1!.age },
    ];
    for (const p of expected) {
      const same = rows.filter((r) => r.reason === p.reason && maskPullTime(r.message) === maskPullTime(p.message));
      const row = same.find((r) => Math.abs(LISTING_AT - apiSecond(r.t) - p.age) <= 1);
      expect(row, `${p.reason} ${p.age}s ${p.message}\nours: ${rows.map((r) => `${r.reason} ${LISTING_AT - apiSecond(r.t)}s x${r.count} ${r.message}`).join('\n')}`).toBeDefined();
      expect(row!.type).toBe(p.type);
      expect(row!.count, p.reason).toBe(p.count);
      expect(Math.abs(LISTING_AT - apiSecond(row!.first) - (p.over ?? p.age)), `${p.reason}: over`).toBeLessThanOrEqual(1);
    }
    // the first pull's time is the published one, so its message is checked word for word
    expect(rows.some((r) => r.reason === 'Pulled' && r.message === EVENTS[0]!.message)).toBe(true);
    // nothing else from the kubelet: no BackOff (neither restart waited)
    expect(rows).toHaveLength(expected.length);
  });

  it.each(VERSIONS)('the probe\'s runs: none before the 15 s delay, three failures 10 s apart per container, each kill with the third (%s) [5.2] [5.4] [5.5]', (version) => {
    const events = runScenario(withVersion(FIXTURE, version)).trace!.events;
    const failed = events.filter((e) => e.type === 'probe.failed').map((e) => e.t);
    const kills = events.filter((e) => e.type === 'container.kill').map((e) => e.t);
    // published: Unhealthy first 104 s and last 24 s before the listing, Killing 84 s and 24 s
    expect(failed.map((t) => LISTING_AT - apiSecond(t))).toEqual([104, 94, 84, 44, 34, 24]);
    expect(kills).toEqual([failed[2], failed[5]]);
    expect(events.some((e) => e.type === 'container.backoff')).toBe(false);
  });
});
