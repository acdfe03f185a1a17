// A published readiness probe aimed at a port nothing listens on (nginx on 80, the probe on 8000):
// a `kubectl get pods` row and the Unhealthy row of `kubectl describe pod`, run through the engine
// and the describe panel's projection (describeEvents).
//
// Source: a Croatian DevOps course write-up, "DevOps LO5 — Troubleshooting", task 24 "Pod nikad ne
// postane Ready (readiness probe pada → 0/1)" (search-index file 56225660721, no repository named;
// Podman + minikube on a rootless VM, outputs of June 2026, marked "provjereno uživo", checked
// live). The version is not printed, and the lines shown carry no version-dependent wording (the
// describe is grepped): a minikube of mid-2026, so run at 1.33, 1.34, 1.35 and 1.36. Manifest:
// fixtures/rd-hr-readyfail-port8000.yaml (the published container: nginx:1.25, containerPort 80,
// readiness httpGet / on 8000, delay 3 s, period 5 s; the Deployment around it rebuilt).
//
// Published, verbatim (the pod's name elided and the describe's lines wrapped by the write-up):
//
//   kubectl get pods -l app=readyfail
//   kubectl describe pod -l app=readyfail | grep -A3 -i readiness
//
//   readyfail-...  0/1  Running  0  32s
//
//   Readiness:  http-get http://:8000/ delay=3s timeout=1s period=5s #success=1 #failure=3
//   Warning  Unhealthy  3s (x9 over 43s)  kubelet
//   Readiness probe failed: Get "http://10.244.0.45:8000/": ... connection refused
//
// Compared: the row `0/1 Running 0` at 32 s (READY, STATUS, RESTARTS strictly: a readiness
// failure never kills, [5.5]; the result starts at Failure and stays there, [5.4]); the Unhealthy
// row's count and span: the listing's time is not published (the describe came after the get, as
// x9 over 43 s needs a pod at least 43 s old), so it is placed 3 s after the engine's ninth failed
// run, and the first must then be 43 s before it, within 1 s: nine runs 5 s apart, one per tick,
// none triggered by a status ([5.2] [5.13]; the result never changes, so no sync asks for one,
// and the first periodic resync, 60 s × [1, 1.5) after the last sync, is later); the message up
// to the pod IP the engine does not have and the part the write-up elides ([5.13]: the HTTP
// prober's client error).
// Inputs, not checks: nothing listening on 8000 (given as an app that never comes up, see the
// fixture); the pull's time (not published).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/rd-hr-readyfail-port8000.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.33', '1.34', '1.35', '1.36'];
const POD = 'readyfail';
const ROW_AT = 32;
// the write-up wraps the row after `kubelet`; joined here
const UNHEALTHY = publishedEvent('Warning  Unhealthy  3s (x9 over 43s)  kubelet  Readiness probe failed: Get "http://10.244.0.45:8000/": ... connection refused');

/** The published message as a pattern: any pod IP, the elided middle. */
const PUBLISHED_MESSAGE = /^(spec\.containers\{app\}: )?Readiness probe failed: Get "http:\/\/(10\.244\.0\.45|<pod IP>):8000\/": .* connection refused$/;

describe('transcript: readyfail, a readiness probe on port 8000 of an nginx listening on 80 (minikube, 2026)', () => {
  it.each(VERSIONS)('get pods at 32s: `0/1 Running 0`, and never ready nor restarted (%s) [5.4] [5.5]', (version) => {
    const rows = simulatedRows(withVersion(FIXTURE, version));
    expect(rowAt(rows, ROW_AT)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    expect(rows.filter((r) => r.ready !== '0/1' || r.restarts !== '0')).toEqual([]);
  });

  it.each(VERSIONS)('describe: `Unhealthy 3s (x9 over 43s)`, nine runs 5 s apart, with the client\'s `connection refused` (%s) [5.2] [5.13]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const failed = trace.events.filter((e) => e.type === 'probe.failed').map((e) => e.t);
    expect(failed.length).toBeGreaterThanOrEqual(9);
    const listingAt = apiSecond(failed[8]!) + UNHEALTHY.age;
    const rows = describeEvents(trace, listingAt, POD).filter((r) => r.reason === 'Unhealthy');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.type).toBe(UNHEALTHY.type);
    expect(row.count).toBe(UNHEALTHY.count);
    expect(Math.abs(listingAt - apiSecond(row.first) - UNHEALTHY.over!)).toBeLessThanOrEqual(1);
    expect(UNHEALTHY.message).toMatch(PUBLISHED_MESSAGE);
    expect(row.message).toMatch(PUBLISHED_MESSAGE);
    // the pod is old enough for the listing, and the first run waited out the 3 s delay
    const start = trace.events.find((e) => e.type === 'container.start')!.t;
    expect(failed[0]! - Math.floor(start)).toBeGreaterThanOrEqual(3);
  });
});
