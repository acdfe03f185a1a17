// A published watch of a container that its startup probe kills, whose container-level
// `restartPolicy: OnFailure` the API server kept (ContainerRestartRules, KEP-5307, on by default
// from 1.35): the blog post "K8s 折腾记录：Startup Probe 权限排障与 YAML 字段陷阱" (2026-04-13; the
// search index's file 53914398621, no repository named), a 1.35 node by the events' wording
// (`spec.containers{nginx}: Container created`, [10.6]). The manifest and the inputs the post
// does not give (the probe's handler sleeps 3 s and its write is denied; nginx exits 0 on SIGTERM;
// the image already on the node) are in fixtures/, the post's rows at its head.
// What it pins: each probe kill restarts the container at once (the kill's own decision takes the
// container's policy, and a probe failure is a failure: [4.1], [5.4]); the fifth kill finds the
// previous run ended inside the back-off ([4.5]), so the container is not started again in that
// sync, and its exit 0 under OnFailure leaves it `Completed` for good ([11.4]). On 1.34 the gate is
// off, the field is dropped and the pod crash-loops, against the post.
// A second later the watch prints `0/1 Completed 4` without "(31s ago)" (three times, one per
// status update): the pod container deletor removed the older dead run on the ContainerDied event
// (containersToKeep 1), and the status built from the next relist has no last state ([10.8]).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/startup-kill-container-onfailure.yaml', import.meta.url), 'utf8');

describe('transcript: a startup probe kills a container whose own restartPolicy is OnFailure (1.35)', () => {
  const published = publishedRows(`
nginx-demo   0/1     Running   0          1s
nginx-demo   0/1     Running   1 (1s ago)   34s
nginx-demo   0/1     Running   2 (1s ago)   64s
nginx-demo   0/1     Running   3 (1s ago)   94s
nginx-demo   0/1     Running   4 (1s ago)   2m4s
nginx-demo   0/1     Completed   4 (31s ago)   2m34s
nginx-demo   0/1     Completed   4             2m35s`);

  it('prints the published rows at their ages, then stays Completed [4.1] [4.5] [5.4] [11.4]', () => {
    const ours = simulatedRows(SCENARIO);
    const at = expectSubsequence(published, ours);
    at.forEach((i, n) => expect(Math.abs(ours[i]!.t - published[n]!.t), `row ${n + 1}`).toBeLessThanOrEqual(1));
    expect(ours.at(-1)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '4' });
  });

  it('drops the "(31s ago)" a relist after the container\'s end, as the watch did [10.8]', () => {
    const rows = runScenario(SCENARIO).trace!.events.flatMap((e) => (e.type === 'pod.kubectl' && e.t >= 150 ? [[e.t, e.restarts]] : []));
    expect(rows).toEqual([[154, '4 (31s ago)'], [155, '4']]);
  });

  it('counts what the post\'s describe counted by 153 s: five starts and kills, fifteen failed probe runs, one back-off [5.13] [4.9]', () => {
    const events = runScenario(SCENARIO).trace!.events.filter((e) => e.t <= 154);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('container.start')).toBe(5);
    expect(count('container.kill')).toBe(5);
    expect(count('probe.failed')).toBe(15);
    expect(count('container.backoff')).toBe(1);
  });

  it('crash-loops instead on 1.34, where the container-level policy is dropped [11.4]', () => {
    const ours = simulatedRows(withVersion(SCENARIO, '1.34'));
    expect(ours.some((r) => r.status === 'CrashLoopBackOff')).toBe(true);
    expect(ours.some((r) => r.status === 'Completed')).toBe(false);
  });
});
