// A reproduction written for kubernetes/website#50859 ("Main container doesn't get stopped prior to
// sidecar containers", alghe-global, 2025-05-10): github.com/alghe-global/kubernetes-website-50859
// (README.md at commit a7d6e775, combined.yaml and docker/ at commit 7e76c5f7; search-index file
// 3706960461), run on 2025-07-07. Server: `Server Version: v1.33.1` (minikube, Docker runtime),
// printed in the README; the events' `Created container: X` is the 1.32-1.34 wording ([10.6]).
// Run at 1.33, and at 1.29 and 1.36 (the termination rules read here are the same there).
// The manifest (combined.yaml: a Deployment, two regular init containers, `logshipper` as a native
// sidecar running `sh -c 'tail -F /opt/logs.txt'` on alpine:latest, and `myapp`, whose image is the
// repository's bash script trapping SIGTERM, sleeping 10 s and exiting 0) and the published
// `kubectl describe pod` lines, verbatim, are in fixtures/so-alghe-50859-logshipper.yaml. In short,
// seconds after the pod's Start Time (11:37:38): init-myservice 1-1, init-mydb 2-2, logshipper
// started 4 and finished 344 (`Error`, `Exit Code: 137`), myapp started 5 and finished 324
// (`Completed`, 0); `Killing 31s … Stopping container logshipper` and `… myapp` listed at AGE 5m44s
// of the Scheduled event, so the deletion was 313 s after scheduling; `Status: Succeeded`,
// PodReadyToStartContainers/Ready/ContainersReady False, Initialized True.
// The claim ("sidecar gets stopped first") came from the Killing events: the sidecar's is
// recorded at the deletion like the main container's, because killContainer records it before the
// sidecar waits for its turn ([8.3] [8.4], kubelet-rules.md section 12, item 7). The published Finished times
// say the opposite of the claim: myapp ended first, logshipper 20 s later.
// Rules: [8.3] every kill starts at the deletion (Killing event, then the main container's stop
// signal); [8.4] the sidecar's stop signal waits for myapp's kill to return; its StopContainer gets
// the grace left in whole seconds (30 - 10 = 20 s); [15.3] busybox ash execs `tail` as PID 1, which
// ignores SIGTERM, so SIGKILL at the end of those 20 s, [8.5] [8.6] 137/Error; [8.8] nothing
// restarts; [6.3] the pod's phase is Succeeded from myapp's 0 (the sidecar's 137 ignored); [7.1]-[7.4]
// the conditions. Inputs, not checks: the deletion's time (313 s), the pull time of alpine:latest
// (1.431 s, its Pulled event), the init containers' run (0.3 s: the Services existed) and myapp's
// reaction to SIGTERM (10.5 s: the loop's `sleep 1` returns, then `sleep 10`; the image is not one
// the engine reads). Checked against the published lines: every start within 1 s, the kills' common
// instant, myapp's end 11 s after the deletion within 1 s, logshipper's SIGTERM after it and its end
// 20 s after myapp's (whole-second Finished times: within 1 s), exit codes and reasons, phase and
// conditions.
// What the published lines cannot tell: the order itself. With `tail` ignoring SIGTERM, an unordered
// kill (1.28, [8.7]) would also end logshipper at the grace period's end, 30 s after the deletion;
// the test shows that as a control, so the published 20 s gap is read as consistent with the
// ordering, not as a proof of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/so-alghe-50859-logshipper.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.29', '1.33', '1.36'];

/** Published, seconds after the pod's Start Time 11:37:38 (whole-second timestamps). */
const PUBLISHED = {
  started: { 'init-myservice': 1, 'init-mydb': 2, logshipper: 4, myapp: 5 } as Record<string, number>,
  deletedAt: 344 - 31, // Scheduled 5m44s, Killing 31s
  myappFinished: 324, // 11:43:02
  logshipperFinished: 344, // 11:43:22
};

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
function eventsOf(version: string): TraceEvent[] {
  return runScenario(withVersion(SCENARIO, version)).trace!.events;
}
const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) => events.filter((e) => e.type === type) as Ev<T>[];

describe('transcript: alghe-global/kubernetes-website-50859, a Deployment pod with a `tail -F` native sidecar, deleted (minikube v1.33.1)', () => {
  it.each(VERSIONS)('starts init-myservice, init-mydb, logshipper, myapp in order, each within 1 s of its published Started second (%s) [2.1] [2.2] [3.2]', (version) => {
    const starts = ofType(eventsOf(version), 'container.start');
    expect(starts.map((e) => e.container)).toEqual(['init-myservice', 'init-mydb', 'logshipper', 'myapp']);
    for (const s of starts) expect(Math.abs(s.t - PUBLISHED.started[s.container]!), s.container).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('records Killing for logshipper and myapp at the deletion, but signals only myapp then (%s) [8.3] [8.4]', (version) => {
    const events = eventsOf(version);
    const deleted = ofType(events, 'pod.deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.gracePeriodSeconds).toBe(30);
    const kills = ofType(events, 'container.kill');
    expect(kills.map((k) => k.container).sort()).toEqual(['logshipper', 'myapp']);
    // both Killing events at the deletion: the published ages are equal (31s)
    for (const k of kills) expect(k.t).toBe(deleted[0]!.t);
    const signals = ofType(events, 'container.signal');
    expect(signals.filter((s) => s.t === deleted[0]!.t).map((s) => `${s.container} ${s.signal}`)).toEqual(['myapp SIGTERM']);
  });

  it.each(VERSIONS)('ends myapp with 0 (Completed) 11 s after the deletion, logshipper 137 (Error) 20 s after myapp, SIGTERM then SIGKILL (%s) [8.4] [15.3] [8.5] [8.6]', (version) => {
    const events = eventsOf(version);
    const deleted = ofType(events, 'pod.deleted')[0]!.t;
    const exits = ofType(events, 'container.exit').filter((e) => e.t > deleted);
    expect(exits.map((e) => `${e.container} ${e.exitCode} ${e.reason}`)).toEqual(['myapp 0 Completed', 'logshipper 137 Error']);
    const [myapp, logshipper] = exits;
    // the deletion's time is an input (from the ages); the ends are compared with the Finished times
    expect(Math.abs(myapp!.t - PUBLISHED.myappFinished)).toBeLessThanOrEqual(1);
    expect(Math.abs(logshipper!.t - PUBLISHED.logshipperFinished)).toBeLessThanOrEqual(1);
    // 11:43:02 -> 11:43:22: the grace left after myapp's kill, in whole seconds
    expect(Math.abs(logshipper!.t - myapp!.t - (PUBLISHED.logshipperFinished - PUBLISHED.myappFinished))).toBeLessThanOrEqual(1);
    const sidecarSignals = ofType(events, 'container.signal').filter((s) => s.container === 'logshipper');
    expect(sidecarSignals.map((s) => s.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(sidecarSignals[0]!.t).toBe(myapp!.t);
    expect(sidecarSignals[1]!.t).toBe(logshipper!.t);
    // nothing restarts during termination
    expect(ofType(events, 'container.start').filter((s) => s.t > deleted)).toEqual([]);
  });

  it.each(VERSIONS)('is Succeeded, with PodReadyToStartContainers, Ready and ContainersReady False and Initialized True, once both stopped (%s) [6.3] [7.1] [7.2] [7.3] [7.4] [8.10]', (version) => {
    const events = eventsOf(version);
    const lastExit = ofType(events, 'container.exit').at(-1)!.t;
    const phases = ofType(events, 'pod.phase');
    expect(phases.at(-1)).toMatchObject({ phase: 'Succeeded', t: lastExit });
    const conditionAt = (c: string) => ofType(events, 'pod.condition').filter((e) => e.condition === c && e.t <= lastExit).at(-1)?.status;
    expect({
      PodReadyToStartContainers: conditionAt('PodReadyToStartContainers'),
      Initialized: conditionAt('Initialized'),
      Ready: conditionAt('Ready'),
      ContainersReady: conditionAt('ContainersReady'),
    }).toEqual({ PodReadyToStartContainers: 'False', Initialized: 'True', Ready: 'False', ContainersReady: 'False' });
  });

  it('control: unordered (1.28 with SidecarContainers on) the sidecar also ends at the grace period\'s end, so the published gap does not prove the order [8.7]', () => {
    const events = runScenario(withVersion(SCENARIO, '1.28').replace(/^kubernetesVersion: "1.28"$/m, 'kubernetesVersion: "1.28"\nfeatureGates:\n  SidecarContainers: true')).trace!.events;
    const deleted = ofType(events, 'pod.deleted')[0]!.t;
    const sidecarSignals = ofType(events, 'container.signal').filter((s) => s.container === 'logshipper');
    expect(sidecarSignals[0]).toMatchObject({ signal: 'SIGTERM', t: deleted });
    const logshipper = ofType(events, 'container.exit').filter((e) => e.container === 'logshipper').at(-1)!;
    expect(logshipper.exitCode).toBe(137);
    expect(Math.abs(logshipper.t - PUBLISHED.logshipperFinished)).toBeLessThanOrEqual(1);
  });
});
