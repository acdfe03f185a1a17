// Golden tests from kubernetes/kubernetes bug reports about the EVENTS the kubelet records for a pod
// and how many of them `kubectl describe pod` prints (session 42, helper "issues12": the spam
// filter, the counts of a series), each a scenario built from the report's own pod and run on every
// minor it applies to. Read through the library's issues index (descriptions and the comments it
// keeps). The spam filter and the correlator are taken as the rulebook reads them ([10.7]:
// EventSourceObjectSpamFilter's 25 tokens per source and pod, one back every 300 s, getSpamKey with
// the event's type from 1.34 (client-go v0.34.3; kubernetes#124747), an occurrence counted in the
// correlator's cache even when it is not written). describeIssues42.test.ts has the reports about
// the describe lines themselves and about events never recorded.
//
// - kubernetes#67887 (2018-08, closed rotten, "kubelet key events are dropped accidently by
//   EventSourceObjectSpamFilter"): a pod whose image is absent under imagePullPolicy Never, "hold
//   about 5 minutes" while ErrImageNeverPull consumes the tokens, then load the image: the pod runs
//   but its `already present on machine`, Created and Started events are not there; "if i run step
//   4 fast enough, these 3 events will not get" dropped. Each try records two Warnings ([10.10]),
//   so the 25 tokens are gone after about 110 s and none is back before 300 s ([10.7]). Up to 1.33
//   the three Normal events share that bucket and are dropped for good (no later event brings
//   them back); from 1.34 getSpamKey has the event's type, the Normal bucket is untouched, and all
//   three rows print. Loaded after 60 s: all three rows at every minor. (kubernetes#67226, 2018,
//   1.10, "event of created container cannot be watched after pod running", is the same.)
// - kubernetes#99697 (2021-03, GKE, closed rotten, "startup probe restarts without back-off (and
//   looses events)"): a `false` startup probe (initialDelaySeconds 20, periodSeconds 10,
//   failureThreshold 5) on `sleep 1800`; expected "`Killing` events matches the pod restart count,
//   `Unhealthy` events match pod restart count times `failureThreshold`", observed fewer, "Kubelet
//   log does not show dropped events" (the spam filter drops without a log line). At about 5
//   minutes, up to 1.33: Killing x2 and Unhealthy x11 while restartCount is 4 and 24 runs failed
//   (the 25 tokens went by 150 s, [10.7] [5.13] [4.4]); from 1.34 the Normal and Warning buckets are
//   apart and both counts are whole (Killing x4 = restartCount, Unhealthy x24). The report's other
//   half, the restarts "twice in a row between back-offs", is the back-off's own timing (see
//   golden/issues/backoffIssues41.test.ts, kubernetes#109537) and is not asserted here.
// - kubernetes#122904 (2024-01, open, priority/backlog, needs-information, "missing events for some
//   of pod containers"): a Job with 9 init containers and 1 container, all busybox:1.36.1 without a
//   command: "there are Events available only for 8 containers". Each container's start is 3
//   Normal events (Pulled, Created, Started; the first one's pull 4), so the pod's 25 tokens cover
//   exactly 8 containers and the 9th's Pulled ([10.7]); all of them are Normal, so the 1.34 key with
//   the type changes nothing. Every minor, with the image pulled or already present.
// - kubernetes#131026 (2025-03, closed stale, needs-information, "Liveness probes failure does not
//   log event"): nginx:1.14.2, exec liveness `ls /var/opt/liveness` (initialDelaySeconds 120,
//   periodSeconds 30, failureThreshold 4, timeoutSeconds 20); after `rm` of the file: `Warning
//   Unhealthy 1s (x4 over 91s) ... Liveness probe failed: ...` and `Normal Killing`. One event per
//   failed run, one series per message ([5.13] [10.7]); the kill names its cause ([4.4] [10.6]):
//   `Container web failed liveness probe, will be restarted`. Every minor. The command's output
//   (`ls: cannot access …`) is not carried by an injected failure, so only the prefix is compared;
//   the Created and Started rows are not, as the report's listing is cut after Killing.
//
// Not modelled (no test): kubernetes#103877 / #103967 (ProbeWarning `Readiness probe warning:
// Probe terminated redirects`, 2021): the engine's HTTP probes answer no redirect (a statusCode
// below 400 passes).
// Version note: the 1.34 boundary of the spam key is the rulebook's ([10.7]: #124747's first release
// is not established, so 1.31-1.33 keep the pod-only key); 1.27-1.30 and 1.34+ are the sure sides.
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { at, events } from '../../engine/golden/issues/issues.testkit';
import { SUPPORTED_VERSIONS, minor } from '../../engine/version';
import { containersAt } from './containersAt';
import { describeEventLog, describeEvents, type DescribeRow } from './describeEvents';

/** The row's message without kubectl 1.35+'s fieldPath prefix ([10.6]). */
const bare = (r: DescribeRow): string => r.message.replace(/^spec\.(?:init)?[cC]ontainers\{[^}]+\}: /, '');
const row = (rows: DescribeRow[], reason: string): DescribeRow | undefined => rows.find((r) => r.reason === reason);
const WITH_TYPE = (v: (typeof SUPPORTED_VERSIONS)[number]): boolean => minor(v) >= 34;

// kubernetes#67887 ------------------------------------------------------------------------------

const NEVER = `apiVersion: v1
kind: Pod
metadata: { name: busybox-never }
spec:
  containers:
    - name: busybox
      image: busybox:1.0
      imagePullPolicy: Never
      command: ["sleep", "3600"]`;
const neverSim = (loadedAt: number): string => `until: 900s
events:
  - { at: 0s, container: busybox, do: failPull, for: ${loadedAt}s }
`;
const STARTED_ROWS = ['Pulled', 'Created', 'Started'];

describe('kubernetes#67887: the spam filter drops Pulled/Created/Started after minutes of ErrImageNeverPull [10.7] [10.10]', () => {
  it.each(SUPPORTED_VERSIONS)('image loaded after 240 s: the pod runs; the three rows are gone up to 1.33, printed from 1.34 (%s)', (v) => {
    const trace = at(NEVER, neverSim(240), v);
    const started = events(trace, 'container.start', 'busybox');
    expect(started).toHaveLength(1);
    expect(started[0]!.t).toBeGreaterThan(240);
    expect(containersAt(trace, 890)[0]).toMatchObject({ state: 'Running', restarts: 0 });
    const log = describeEventLog(trace, 890, 'busybox-never');
    // the Warnings that spent the tokens: 25 written (x12 and x13) of the tries' two each
    const tries = events(trace, 'fault', 'busybox').filter((e) => e.reason === 'ErrImageNeverPull').length;
    expect(tries).toBeGreaterThan(13);
    expect(log.rows.filter((r) => r.type === 'Warning').map((r) => r.count).sort()).toEqual([12, 13]);
    const normal = log.rows.filter((r) => STARTED_ROWS.includes(r.reason));
    if (WITH_TYPE(v)) {
      expect(normal.map((r) => [r.reason, r.count])).toEqual([['Pulled', 1], ['Created', 1], ['Started', 1]]);
      expect(bare(normal[0]!)).toMatch(/^Container image "busybox:1\.0" already present on machine/);
    } else {
      expect(normal).toEqual([]);
      expect(log.skipped).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(SUPPORTED_VERSIONS)('"fast enough": loaded after 60 s, all three rows print (%s)', (v) => {
    const rows = describeEvents(at(NEVER, neverSim(60), v), 890, 'busybox-never');
    expect(rows.filter((r) => STARTED_ROWS.includes(r.reason)).map((r) => [r.reason, r.count])).toEqual([['Pulled', 1], ['Created', 1], ['Started', 1]]);
  });
});

// kubernetes#99697 ------------------------------------------------------------------------------

const STARTUP = `apiVersion: v1
kind: Pod
metadata: { name: liveness-exec, namespace: test, labels: { test: liveness } }
spec:
  containers:
  - name: c1
    image: joelnb/dumb-init-alpine
    args: ["/bin/sh", "-c", "sleep 1800"]
    startupProbe:
      exec: { command: ["false"] }
      initialDelaySeconds: 20
      periodSeconds: 10
      failureThreshold: 5`;
// dumb-init forwards SIGTERM: the shell's child ends at once (143)
const STARTUP_SIM = `until: 320s
containers:
  c1: { onStop: { after: 0s, exitCode: 143 } }
`;

describe('kubernetes#99697: Killing and Unhealthy counts short of the restarts after a few minutes, up to 1.33 [10.7] [5.13] [4.4]', () => {
  it.each(SUPPORTED_VERSIONS)('at 300 s: restartCount 4 and 24 failed runs; Killing x2 / Unhealthy x11 up to 1.33, x4 / x24 from 1.34 (%s)', (v) => {
    const trace = at(STARTUP, STARTUP_SIM, v);
    const now = 300;
    const restarts = containersAt(trace, now)[0]!.restarts;
    const failedRuns = events(trace, 'probe.failed', 'c1').filter((e) => e.t <= now).length;
    const kills = events(trace, 'container.kill', 'c1').filter((e) => e.t <= now).length;
    expect([restarts, failedRuns, kills]).toEqual([4, 24, 4]);
    const log = describeEventLog(trace, now, 'liveness-exec');
    const killing = row(log.rows, 'Killing')!;
    const unhealthy = row(log.rows, 'Unhealthy')!;
    expect(bare(killing)).toBe('Container c1 failed startup probe, will be restarted');
    expect(bare(unhealthy)).toBe('Startup probe failed:');
    if (WITH_TYPE(v)) {
      expect([killing.count, unhealthy.count, log.skipped]).toEqual([restarts, failedRuns, 0]);
    } else {
      expect([killing.count, unhealthy.count]).toEqual([2, 11]);
      expect(log.skipped).toBeGreaterThan(0);
      // nothing written after the tokens ran out (the first comes back at 300 s from the first write)
      expect(Math.max(...log.rows.map((r) => r.t))).toBeLessThan(160);
    }
  });
});

// kubernetes#122904 ------------------------------------------------------------------------------

const MANY_INITS = `apiVersion: batch/v1
kind: Job
metadata:
  name: example
spec:
  backoffLimit: 0
  completions: 1
  parallelism: 1
  suspend: false
  template:
    spec:
      restartPolicy: Never
      initContainers:
${Array.from({ length: 9 }, (_, i) => `      - image: busybox:1.36.1\n        name: example-${i + 1}`).join('\n')}
      containers:
      - image: busybox:1.36.1
        name: example-10`;
const PRESENT = `containers:\n${Array.from({ length: 10 }, (_, i) => `  example-${i + 1}: { pull: 0s }`).join('\n')}\n`;

describe('kubernetes#122904: a pod of 10 containers has Created/Started rows for 8 of them [10.7]', () => {
  for (const [image, sim] of [['pulled', ''], ['already present', PRESENT]] as const) {
    it.each(SUPPORTED_VERSIONS)(`image ${image}: all 10 run, the rows stop at example-8 (%s)`, (v) => {
      const trace = at(MANY_INITS, `until: 120s\n${sim}`, v);
      expect(events(trace, 'container.start')).toHaveLength(10);
      expect(events(trace, 'job.complete')).toHaveLength(1);
      const pod = events(trace, 'container.start')[0]!.pod!;
      const log = describeEventLog(trace, 100, pod);
      const named = (reason: string): string[] => log.rows.filter((r) => r.reason === reason).map((r) => /example-\d+/.exec(r.message)![0]);
      const eight = Array.from({ length: 8 }, (_, i) => `example-${i + 1}`);
      expect(named('Created')).toEqual(eight);
      expect(named('Started')).toEqual(eight);
      expect(log.rows.filter((r) => r.from === 'kubelet').reduce((n, r) => n + r.count, 0)).toBe(25);
      expect(log.skipped).toBeGreaterThanOrEqual(5);
    });
  }
});

// kubernetes#131026 -----------------------------------------------------------------------------

const WEB = `apiVersion: v1
kind: Pod
metadata: { name: web-0 }
spec:
  containers:
    - name: web
      image: nginx:1.14.2
      readinessProbe:
        exec: { command: ["ls", "/var/opt/podinstalled"] }
        initialDelaySeconds: 60
        timeoutSeconds: 3
        periodSeconds: 5
        failureThreshold: 3
        successThreshold: 1
      livenessProbe:
        exec: { command: ["ls", "/var/opt/liveness"] }
        initialDelaySeconds: 120
        timeoutSeconds: 20
        periodSeconds: 30
        failureThreshold: 4
        successThreshold: 1`;
// "13m" after the start: the file removed at 700 s, for the rest of that container's life
const WEB_SIM = `until: 900s
containers:
  web: { pull: 0s }
events:
  - { at: 700s, container: web, do: failLiveness, for: 200s }
`;

describe('kubernetes#131026: "Unhealthy 1s (x4 over 91s) Liveness probe failed", then Killing [5.13] [4.4] [10.6]', () => {
  it.each(SUPPORTED_VERSIONS)('four failed runs 30 s apart are one Warning row x4 over 91s, then "Container web failed liveness probe, will be restarted" (%s)', (v) => {
    const trace = at(WEB, WEB_SIM, v);
    const fails = events(trace, 'probe.failed', 'web').filter((e) => e.probe === 'liveness');
    expect(fails.map((e) => e.t)).toEqual([720, 750, 780, 810]);
    const kill = events(trace, 'container.kill', 'web')[0]!;
    expect(kill.t).toBe(810);
    const now = 811; // the report's "1s"
    const rows = describeEvents(trace, now, 'web-0');
    const unhealthy = rows.filter((r) => r.reason === 'Unhealthy');
    expect(unhealthy).toHaveLength(1);
    expect(unhealthy[0]).toMatchObject({ type: 'Warning', count: 4 });
    expect(bare(unhealthy[0]!)).toMatch(/^Liveness probe failed:/);
    expect([now - unhealthy[0]!.t, now - unhealthy[0]!.first]).toEqual([1, 91]);
    const killing = rows.filter((r) => r.reason === 'Killing');
    expect(killing.map((r) => [r.type, r.count, bare(r)])).toEqual([['Normal', 1, 'Container web failed liveness probe, will be restarted']]);
    expect(killing[0]!.t).toBe(810);
  });
});
