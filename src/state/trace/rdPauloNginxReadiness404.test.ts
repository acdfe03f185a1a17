// A published readiness probe that never passes (nginx answering 404 on /health) on a 1.34
// kubeadm cluster: the `kubectl get pods` row and the `kubectl describe pod` Events 4m49s after
// scheduling, run through the engine and the describe panel's projection (describeEvents).
//
// Source: Portuguese CKA-style course notes, section "Simulando Cenario - Readness" (search-index
// file 63425814495, no repository named). Cluster: kubeadm, nodes master01/worker01, `kubectl get
// nodes` in the same notes prints v1.34.4; the kubelet's `Created container: nginx` and `Image
// size: … bytes.` agree (1.32-1.34, [10.6]). Run at 1.34. Manifest as published:
// fixtures/rd-paulo-nginx-readiness-404.yaml (a one-replica Deployment, `image: nginx`, readiness
// httpGet /health on 80 with the defaults: period 10 s, failureThreshold 3, no delay).
//
// Published, verbatim:
//
//   k get pods
//   NAME                           READY   STATUS    RESTARTS   AGE
//   nginx-paulo-5fd456976b-fffr6   0/1     Running   0          8s
//
//   k describe pod nginx-paulo-5fd456976b-fffr6 | grep -A 20 "Events"
//   Events:
//     Type     Reason     Age                   From               Message
//     ----     ------     ----                  ----               -------
//     Normal   Scheduled  4m49s                 default-scheduler  Successfully assigned default/nginx-paulo-5fd456976b-fffr6 to worker01
//     Normal   Pulling    4m48s                 kubelet            Pulling image "nginx"
//     Normal   Pulled     4m47s                 kubelet            Successfully pulled image "nginx" in 1.292s (1.292s including waiting). Image size: 62944796 bytes.
//     Normal   Created    4m47s                 kubelet            Created container: nginx
//     Normal   Started    4m47s                 kubelet            Started container nginx
//     Warning  Unhealthy  74s (x25 over 4m47s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404
//
// Compared: the row `0/1 Running 0` at 8s and no other row after the start (READY, STATUS, RESTARTS
// strictly: a readiness failure never kills, [5.5]; the result starts at Failure, [5.4]); every
// kubelet Events row with the listing at 289 s (the Scheduled age; the engine schedules at 0):
// reason, type and message word for word ([10.6]; the HTTP prober's `HTTP probe failed with
// statuscode: 404`, [5.13]), count exactly, the first age within 1 s. Unhealthy x25 is the events
// spam filter's burst ([10.7]): the engine's worker fails more often than that by 289 s, and from
// 1.34 the Warning rows have their own bucket, so the four Normal rows do not count against it.
// The first failed run is at the container's start (the manual run the first status triggers,
// [5.9], with no initial delay).
// **Disagrees** (not asserted, see the report): the last Unhealthy. Published 74 s before the
// listing (the 25th failed run at about 215 s), the engine's 25th run comes at 233 s (56 s). The
// engine fails once at the start and then at each 10 s tick; upstream, every successful sync
// requeues the pod at the pod worker's resync interval (completeWork: `wait.Jitter(resyncInterval,
// workerResyncIntervalJitterFactor)`, 60 s × [1, 1.5)), and each of those syncs' generateAPIPodStatus
// calls UpdatePodStatus, which triggers a run of the not-ready readiness worker ([5.9]): two or
// three more failed runs by 215 s, which the engine, with no periodic resync of a healthy sync,
// does not make.
// Inputs, not checks: the pull's time and the image size (published), the 404s for the whole run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRow, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { expectPublishedEvent, publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/rd-paulo-nginx-readiness-404.yaml', import.meta.url), 'utf8');
const POD = 'nginx-paulo-5fd456976b-fffr6';
const VERSION = '1.34';
const LISTING_AT = 4 * 60 + 49; // Scheduled 4m49s

const ROW = publishedRow('nginx-paulo-5fd456976b-fffr6   0/1     Running   0          8s');
const EVENTS = `
  Normal   Pulling    4m48s                 kubelet            Pulling image "nginx"
  Normal   Pulled     4m47s                 kubelet            Successfully pulled image "nginx" in 1.292s (1.292s including waiting). Image size: 62944796 bytes.
  Normal   Created    4m47s                 kubelet            Created container: nginx
  Normal   Started    4m47s                 kubelet            Started container nginx
  Warning  Unhealthy  74s (x25 over 4m47s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404`
  .trim().split('\n').map(publishedEvent);

describe('transcript: nginx-paulo, a readiness probe on /health answered with 404 (kubeadm v1.34.4)', () => {
  it('get pods: `0/1 Running 0` at 8s, and never ready nor restarted after it [5.4] [5.5] [14.1]', () => {
    const rows = simulatedRows(withVersion(FIXTURE, VERSION));
    const at = expectSubsequence([ROW], rows.filter((r) => r.t <= ROW.t));
    expect(rows[at[0]!]!.t).toBeLessThanOrEqual(ROW.t);
    const after = rows.slice(at[0]!).map((r) => `${r.ready} ${r.status} ${r.restarts}`);
    expect(new Set(after)).toEqual(new Set(['0/1 Running 0']));
  });

  it('describe at 4m49s: Pulling, Pulled, Created, Started and Unhealthy x25 as published, first ages within 1 s [5.9] [5.13] [10.6] [10.7]', () => {
    const trace = runScenario(withVersion(FIXTURE, VERSION)).trace!;
    const rows = describeEvents(trace, LISTING_AT, POD).filter((r) => r.from === 'kubelet');
    for (const p of EVENTS) {
      // the last Unhealthy disagrees (74 s published, 56 s here): see the top comment
      expectPublishedEvent(rows, p, LISTING_AT, { age: p.reason !== 'Unhealthy' });
    }
    expect(rows).toHaveLength(EVENTS.length);
    // x25 is the spam filter's burst, not the number of failed runs
    const failed = trace.events.filter((e) => e.type === 'probe.failed' && e.t <= LISTING_AT);
    expect(failed.length).toBeGreaterThan(25);
  });
});
