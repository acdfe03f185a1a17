// GitLab runner job pods on OpenShift (Nishad Saithaly, "Gitlab cicd runners on Openshift
// Kubernetes", 2025-02-03; search-index file 36214408433, copy 36284139583): one `oc get pods
// --watch` with three pods of the Kubernetes executor (init container `init-permissions`, then the
// `build` and `helper` shells that ignore SIGTERM), quoted verbatim in
// fixtures/tm-gitlab-runner-ocp-pods.yaml with the assumed spec. Server version not printed: 1.28
// by the OpenShift 4.15 docs the post links, ≤1.30 by the printer's `0/2 Terminating` for terminal
// pods ([14.4]); run at 1.28, 1.29 and 1.30.
// - 9r5jiajz: a running pod deleted when its job ended: `2/2 Terminating` 2m43s, `0/2 Terminating`
//   3m13s: the whole 30 s grace, SIGKILL, 137 ([8.1] [8.3] [8.5] [8.6] [15.3]).
// - nnja40x0: the retry's start: `0/2 Init:0/1` 8s, `0/2 PodInitializing` 9s, `2/2 Running` 11s.
// - 7t40yuqh: deleted by the runner at AGE 3m6s, one second after `PodInitializing`: the rows up
//   to the deletion, and what the watch printed next: `2/2 Terminating` 3m7s (the main containers
//   started after the deletion: the runtime SyncPod the deletion found in progress runs on a
//   context nothing cancels and finishes its starts, [3.4]) and `0/2 Terminating` 3m37s (30 s later:
//   the kill began when that sync returned). Until session 40 the engine stopped the sync's starts
//   and removed the pod 2 s after the deletion.
// Times: the engine's trace starts at the kubelet's first status, so each pod's rows are aligned on
// its first `Init:0/1` (7t40yuqh waited 3 minutes unschedulable before it); AGE is floored to the
// second, so a published gap of n s is n-1 to n+1 s: each gap within 1.5 s of the published one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-gitlab-runner-ocp-pods.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.28', '1.29', '1.30'];
const DELETION = '  - { at: 1.5s, do: deletePod }';

/** The fixture at `version`, its deletion moved to `at` seconds, or dropped when `at` is null. */
function scenario(version: string, at: number | null): string {
  const text = withVersion(SCENARIO, version);
  expect(text).toContain(DELETION);
  return text.replace(DELETION, at === null ? '' : `  - { at: ${at}s, do: deletePod }`);
}

const exitsOf = (events: TraceEvent[]) => events.filter((e) => e.type === 'container.exit') as Extract<TraceEvent, { type: 'container.exit' }>[];
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

describe('transcript: GitLab runner pods on OpenShift, `oc get pods --watch` (nishad.link, 2025-02-03)', () => {
  it.each(VERSIONS)('nnja40x0: `0/2 Init:0/1` → `0/2 PodInitializing` → `2/2 Running`, 1 s and 3 s after the first row within 1.5 s (%s) [2.1] [3.2] [14.1]', (version) => {
    // the post's last line is cut after "11": read as 11s
    const published = publishedRows(`
runner-t2mvtdfz-project-2-concurrent-0-nnja40x0     0/2     Init:0/1          0          8s
runner-t2mvtdfz-project-2-concurrent-0-nnja40x0     0/2     PodInitializing   0          9s
runner-t2mvtdfz-project-2-concurrent-0-nnja40x0     2/2     Running           0          11s`);
    const ours = simulatedRows(scenario(version, null));
    const at = expectSubsequence(published, ours);
    expect(at[0]).toBe(0);
    for (const i of [1, 2]) {
      expect(Math.abs(ours[at[i]!]!.t - ours[at[0]!]!.t - (published[i]!.t - published[0]!.t))).toBeLessThanOrEqual(1.5);
    }
  });

  it.each(VERSIONS)('9r5jiajz: deleted while running, `2/2 Terminating` → `0/2 Terminating` 30 s later (SIGKILL, 137 for both shells), then gone (%s) [8.1] [8.3] [8.5] [8.6] [15.3] [14.4] [6.5]', (version) => {
    const published = publishedRows(`
runner-t1tbpaxq-project-2-concurrent-0-9r5jiajz     2/2     Running   0          2m1s
runner-t1tbpaxq-project-2-concurrent-0-9r5jiajz     2/2     Terminating   0          2m43s
runner-t1tbpaxq-project-2-concurrent-0-9r5jiajz     0/2     Terminating   0          3m13s`);
    // the job ended and the runner deleted the pod at AGE 2m43s; its start is not in the watch, so
    // the deletion is given 40 s after the kubelet's first status (any time after `2/2 Running`)
    const text = scenario(version, 40);
    const events = runScenario(text).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const ours = simulatedRows(text);
    const at = expectSubsequence(published, ours);
    expect(ours[at[1]!]!.t).toBe(deleted);
    // no other row between the two Terminating rows
    expect(at[2]! - at[1]!).toBe(1);
    expect(Math.abs(ours[at[2]!]!.t - ours[at[1]!]!.t - (published[2]!.t - published[1]!.t))).toBeLessThanOrEqual(1);
    const exits = exitsOf(events);
    expect(exits.map((e) => [e.container, e.exitCode])).toEqual([['init-permissions', 0], ['build', 137], ['helper', 137]]);
    for (const exit of exits.slice(1)) expect(exit.t - deleted).toBeCloseTo(30, 6);
    // the three further `0/2 Terminating` lines at 3m13s end with the removal: the engine's
    // relist and the API server's removal delay ([15.8]) put it 1.5 s after the row
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    expect(gone - ours[at[2]!]!.t).toBeGreaterThanOrEqual(0);
    expect(gone - ours[at[2]!]!.t).toBeLessThanOrEqual(2);
    expect(ours.filter((r) => r.t >= deleted).map(key)).toEqual(['2/2 Terminating 0', '0/2 Terminating 0']);
  });

  it.each(VERSIONS)('7t40yuqh: `0/2 Init:0/1` → `0/2 PodInitializing` → `0/2 Terminating`, the deletion inside the sync that starts the main containers (%s) [2.1] [3.2] [8.1] [14.4]', (version) => {
    const published = publishedRows(`
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     Init:0/1      0          3m4s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     PodInitializing   0          3m5s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     Terminating       0          3m6s`);
    const text = scenario(version, 1.5);
    const events = runScenario(text).trace!.events;
    const ours = simulatedRows(text);
    const at = expectSubsequence(published, ours);
    expect(at).toEqual([0, 1, 2]);
    for (const i of [1, 2]) {
      expect(Math.abs(ours[at[i]!]!.t - ours[at[0]!]!.t - (published[i]!.t - published[0]!.t))).toBeLessThanOrEqual(1.5);
    }
    // the deletion falls in the sync that pulls and starts the main containers: after the
    // PodInitializing write, while `build`'s image check is under way
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const pulling = events.find((e) => e.type === 'container.pulling' && e.container === 'build')!.t;
    expect(pulling).toBeLessThan(deleted);
    expect(ours[at[1]!]!.t).toBeLessThan(deleted);
  });

  it.each(VERSIONS)('7t40yuqh: the sync the deletion found finishes its starts: `0/2 Terminating` → `2/2 Terminating` 1 s later → `0/2 Terminating` 30 s after that, both shells SIGKILLed (%s) [0.3] [8.1] [8.3] [8.5] [8.6] [15.3] [14.4]', (version) => {
    const published = publishedRows(`
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     Init:0/1      0          3m4s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     PodInitializing   0          3m5s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     Terminating       0          3m6s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     2/2     Terminating       0          3m7s
runner-t2mvtdfz-project-2-concurrent-0-7t40yuqh     0/2     Terminating       0          3m37s`);
    const text = scenario(version, 1.5);
    const events = runScenario(text).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const ours = simulatedRows(text);
    const at = expectSubsequence(published, ours);
    // every gap from the first row within 1.5 s of the published one (AGE is floored)
    for (const i of [1, 2, 3, 4]) {
      expect(Math.abs(ours[at[i]!]!.t - ours[at[0]!]!.t - (published[i]!.t - published[0]!.t))).toBeLessThanOrEqual(1.5);
    }
    // from the deletion on, exactly the three published rows
    expect(ours.filter((r) => r.t >= deleted).map(key)).toEqual(['0/2 Terminating 0', '2/2 Terminating 0', '0/2 Terminating 0']);
    // the main containers start after the deletion: the sync it found goes on ([0.3])
    const starts = events.filter((e) => e.type === 'container.start' && e.container !== 'init-permissions');
    expect(starts.map((e) => e.type === 'container.start' && e.container)).toEqual(['build', 'helper']);
    for (const s of starts) expect(s.t).toBeGreaterThan(deleted);
    // then the kill, once that sync returned: the whole 30 s grace, SIGKILL, 137
    const kills = events.filter((e) => e.type === 'container.kill');
    expect(kills).toHaveLength(2);
    for (const k of kills) expect(k.t).toBeGreaterThanOrEqual(starts.at(-1)!.t);
    const exits = exitsOf(events).filter((e) => e.container !== 'init-permissions');
    expect(exits.map((e) => e.exitCode)).toEqual([137, 137]);
    for (const exit of exits) expect(exit.t - kills[0]!.t).toBeCloseTo(30, 6);
    expect(Math.abs(ours[at[4]!]!.t - ours[at[3]!]!.t - 30)).toBeLessThanOrEqual(1);
    // the three `0/2 Terminating` lines at 3m38s end with the removal
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    expect(gone - ours[at[4]!]!.t).toBeGreaterThanOrEqual(0);
    expect(gone - ours[at[4]!]!.t).toBeLessThanOrEqual(2);
  });
});
