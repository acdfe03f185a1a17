// Published `kubectl describe pod` Events of startup probes, against the engine's trace through
// the describe panel's projection (describeEvents). Manifests and sources in
// src/engine/kubectl/transcripts/fixtures/sr-*.yaml; the rows of the same pods are checked in
// src/engine/kubectl/transcripts/srStartupBudget137.test.ts and srStartupKillLoop135.test.ts.
//
// 1. Ridaa Mirza, SST DevOps session 13 (search-index file 70160465649; minikube, `kube-probe/1.37`):
//    two pods applied together, `sleep 20` then nginx, startup probes 30 × 2 s and 3 × 2 s, described
//    at one moment:
//      startup-demo:      Warning  Unhealthy  30s (x10 over 48s)  kubelet  Startup probe failed: Get "http://10.244.0.113:80/": dial tcp 10.244.0.113:80: connect: connection refused
//      startup-fail-demo: Warning  Unhealthy  8s (x6 over 48s)    kubelet  Startup probe failed: Get "http://10.244.0.112:80/": dial tcp …
//                         Normal   Killing    8s (x2 over 44s)    kubelet  Container nginx failed startup probe, will be restarted
//    The dump's time is not printed; at 50 s after creation the engine prints all three ages as published.
// 2. Rudhar Bajaj, the same exercise on kind (node v1.37.0; search-index file 70169779728):
//      Warning  Unhealthy  11s (x10 over 29s)  kubelet  spec.containers{nginx}: Startup probe failed: Get "http://10.244.0.22:80/": dial tcp 10.244.0.22:80: connect: connection refused
//      Normal   Killing    31s (x2 over 69s)   kubelet  spec.containers{nginx}: Container nginx failed startup probe, will be restarted
// 3. The Russian write-up's scenario D (search-index file 71484583810; minikube, 1.35+), Restart Count 4:
//      Normal   Killing    26s (x4 over 58s)  kubelet   spec.containers{nginx}: Container nginx failed startup probe, will be restarted
//      Warning  BackOff    25s (x3 over 26s)  kubelet   spec.containers{nginx}: Back-off restarting failed container nginx ...
//      Warning  Unhealthy  1s (x21 over 66s)  kubelet   spec.containers{nginx}: Startup probe failed: HTTP probe failed with statuscode: 404
//    and no `Liveness probe failed` or `Readiness probe failed` row (the write-up's point).
// Rules: [5.13] one Unhealthy per failed run; [4.4] the Killing message; [4.9] [0.9] three BackOff
// events around the fourth kill; [5.3] no liveness or readiness run before the startup probe passes;
// [10.6] the 1.35+ wording with kubectl's `spec.containers{x}: ` prefix; [4.6] the back-off's requeue.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { ageText, describeEvents, type DescribeRow } from './describeEvents';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');
const SLOW = 'sr-sst137-startup-slow.yaml';
const SHORT = 'sr-sst137-startup-too-short.yaml';
const RU = 'sr-ru-probes-fail-startup.yaml';

function rowsAt(name: string, version: string, t: number, edit: (text: string) => string = (s) => s): DescribeRow[] {
  const text = edit(withVersion(fixture(name), version));
  const pod = /^ {2}name: (\S+)$/m.exec(text)![1]!;
  return describeEvents(runScenario(text).trace!, t, pod);
}
const row = (rows: DescribeRow[], reason: string, probe?: string) =>
  rows.filter((r) => r.reason === reason && (probe === undefined || r.message.includes(`${probe} probe failed`)));

describe('describe: a slow app behind startup probes of 30 × 2 s and 3 × 2 s (v1.37 minikube and kind)', () => {
  it.each(['1.31', '1.34', '1.37'])('prints the minikube dump\'s three ages and counts at 50 s (%s) [5.13] [4.4]', (version) => {
    const [slowUnhealthy] = row(rowsAt(SLOW, version, 50), 'Unhealthy');
    expect(ageText(slowUnhealthy!, 50)).toBe('30s (x10 over 48s)');
    const short = rowsAt(SHORT, version, 50);
    expect(ageText(row(short, 'Unhealthy')[0]!, 50)).toBe('8s (x6 over 48s)');
    const [killing] = row(short, 'Killing');
    expect(ageText(killing!, 50)).toBe('8s (x2 over 44s)');
    expect(killing!.message).toMatch(/Container nginx failed startup probe, will be restarted$/);
  });

  it.each(['1.35', '1.37'])('prints the kind dump\'s counts, x10 over 18 s between first and last, and x2 kills (%s) [5.13] [10.6]', (version) => {
    // x10: the dump's time is not printed; the span first→last (29 − 11 = 18 s) is the pod's own
    const [unhealthy] = row(rowsAt(SLOW, version, 60), 'Unhealthy');
    expect(unhealthy!.count).toBe(10);
    expect(Math.abs(apiSecond(unhealthy!.t) - apiSecond(unhealthy!.first) - (29 - 11))).toBeLessThanOrEqual(1);
    expect(unhealthy!.message).toBe('spec.containers{nginx}: Startup probe failed: Get "http://<pod IP>:80/": dial tcp <pod IP>:80: connect: connection refused');
    // x2 kills 69 − 31 = 38 s apart on the kind node; the engine's 36 s (the minikube's 44 − 8 = 36 s):
    // the second run's first counted failure falls one probe period later on that node
    // (srStartupBudget137.test.ts), so within one period
    const [killing] = row(rowsAt(SHORT, version, 75), 'Killing');
    expect(killing!.count).toBe(2);
    expect(Math.abs(apiSecond(killing!.t) - apiSecond(killing!.first) - (69 - 31))).toBeLessThanOrEqual(2);
    expect(killing!.message).toBe('spec.containers{nginx}: Container nginx failed startup probe, will be restarted');
  });
});

describe('describe: a startup probe that never passes, four kills and a back-off (minikube, 1.35+)', () => {
  // The fifth run's start is the jittered requeue at the back-off's end ([4.6]); the published
  // Unhealthy x21 (one failed run of the fifth container by the dump) is within that draw's range;
  // taken here at its average, 0.5, as describeCrashLoop137Transcript.test.ts does. At the default
  // (0, the earliest restart, 60.2 s) the dump would count x22.
  const jitter = (text: string) => text.replace(/^until: 80s$/m, 'until: 80s\nrequeueJitter: 0.5');

  it.each(['1.35', '1.36', '1.37'])('counts Killing x4, BackOff x3, Unhealthy x21 26 s after the fourth kill, and no liveness or readiness failure (%s) [4.4] [4.9] [0.9] [5.3] [5.13]', (version) => {
    const events = runScenario(jitter(withVersion(fixture(RU), version))).trace!.events;
    const kills = events.filter((e) => e.type === 'container.kill').map((e) => e.t);
    const dumpAt = apiSecond(kills[3]!) + 26;
    const rows = rowsAt(RU, version, dumpAt, jitter);
    const [killing] = row(rows, 'Killing');
    const [backOff] = row(rows, 'BackOff');
    const [unhealthy] = row(rows, 'Unhealthy', 'Startup');
    expect([killing!.count, backOff!.count, unhealthy!.count]).toEqual([4, 3, 21]);
    expect(killing!.message).toBe('spec.containers{nginx}: Container nginx failed startup probe, will be restarted');
    expect(unhealthy!.message).toBe('spec.containers{nginx}: Startup probe failed: HTTP probe failed with statuscode: 404');
    expect(backOff!.message).toMatch(/^spec\.containers\{nginx\}: Back-off restarting failed container nginx in pod /);
    // ages: BackOff within kubectl's 1 s rounding (the relist's phase against the probe's is not
    // drawn); Killing's first within one probe period (the published first run was killed 12 s
    // after the second began, the engine's 10 s: srStartupKillLoop135.test.ts); Unhealthy's last within 1 s
    expect(Math.abs(dumpAt - apiSecond(backOff!.t) - 25)).toBeLessThanOrEqual(1);
    expect(Math.abs(dumpAt - apiSecond(backOff!.first) - 26)).toBeLessThanOrEqual(1);
    expect(Math.abs(dumpAt - apiSecond(killing!.first) - 58)).toBeLessThanOrEqual(2);
    expect(Math.abs(dumpAt - apiSecond(unhealthy!.t) - 1)).toBeLessThanOrEqual(1);
    expect(Math.abs(dumpAt - apiSecond(unhealthy!.first) - 66)).toBeLessThanOrEqual(2);
    // Restart Count: 4
    expect(events.filter((e) => e.type === 'container.start' && e.t <= dumpAt)).toHaveLength(5);
    expect(row(rows, 'Unhealthy', 'Liveness')).toEqual([]);
    expect(row(rows, 'Unhealthy', 'Readiness')).toEqual([]);
  });

  it.each(['1.35', '1.37'])('at the default draw, counts the same four kills\' twenty failed runs (5 × failureThreshold) by the fourth kill (%s) [5.13]', (version) => {
    const events = runScenario(withVersion(fixture(RU), version)).trace!.events;
    const fourthKill = events.filter((e) => e.type === 'container.kill')[3]!.t;
    expect(events.filter((e) => e.type === 'probe.failed' && e.t <= fourthKill)).toHaveLength(20);
  });
});
