// "Continue from here" (continueScenario) on pods caught in the restart features, each continued run
// compared with what the kubelet does (and the engine does from scratch):
// - convertToAPIContainerStatuses' podRestarting branch, 1.36+ (kubernetes#136964): an in-place
//   restart's last state has no times; seeding it at "now" drew an exit that never happened and made
//   RESTARTS print "(0s ago)" where the real pod prints none [11.2] [14.1];
// - computePodActions / ShouldContainerBeRestarted: a container the reset removed (Waiting
//   RestartingAllContainers) has no runtime status and is started whatever its restartPolicy; seeded
//   as an exited run it stayed stopped under Never and the pod hung in RestartingAllContainers [11.2];
// - kubelet.go SyncPod restartingAllContainers (a 1.36+ tree): a pod dumped mid-reset resumes it,
//   and the RestartAllContainers rule still applies to later exits [11.2];
// - ContainerShouldRestart (util.go 1.34+, ContainerRestartRules beta from 1.35): a Never
//   container's Restart rule keeps restarting it on its code; exit 1 stays stopped [11.1].
// Fixtures: SOURCES.md (k8rs-* published or rebuilt on published fields; rac-* derived).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import type { KubeVersion } from '../version';
import { continueScenario } from './continueScenario';
import { fixture, from } from './realDumps.testkit';

const kubectlRows = (events: TraceEvent[]) => events.flatMap((e) => (e.type === 'pod.kubectl' ? [e] : []));

/** `after`: what the run simulates from now; `rows`: the kubectl rows from now, the observed one at now included. */
function continued(name: string, version: KubeVersion): { text: string; now: number; after: TraceEvent[]; rows: ReturnType<typeof kubectlRows> } {
  const r = continueScenario(fixture(name), { version });
  if (!r.ok) throw new Error(r.message);
  const text = r.text.replace(/kubernetesVersion: "[^"]*"/, `kubernetesVersion: "${version}"`);
  const out = runScenario(text);
  expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const events = out.trace!.events.filter((e) => e.t >= r.now);
  return { text, now: r.now, after: events.filter((e) => !e.observed), rows: kubectlRows(events) };
}

const startsOf = (events: TraceEvent[], name: string) => events.filter((e) => e.type === 'container.start' && e.container === name);
const resets = (events: TraceEvent[]) => events.filter((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting' && e.status === 'True');

describe('k8rs gang.json (published): running again after three in-place restarts', () => {
  it.each(from(36))('convertToAPIContainerStatuses podRestarting, 1.36+ (%s): the timeless last state is not seeded, RESTARTS stays `6` with no "(… ago)" [11.2] [14.1]', (v) => {
    const { text, after, rows } = continued('k8rs-gang.json', v);
    expect(text).not.toMatch(/reason: RestartingAllContainers/);
    expect(after.some((e) => e.type === 'container.exit')).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.restarts).toBe('6');
  });
});

describe('a pod dumped in the True window (rac-resetting.json)', () => {
  it.each(from(36))('kubelet.go SyncPod restartingAllContainers (%s): the reset goes on, both start again, and the trigger\'s next exit 3 restarts the pod in place again [11.2]', (v) => {
    const { after, now, rows } = continued('rac-resetting.json', v);
    const first = resets(after)[0]!;
    expect(first.t).toBe(now);
    expect(rows.some((r) => r.status === 'RestartingAllContainers')).toBe(true);
    expect(startsOf(after, 'trigger').length).toBeGreaterThan(0);
    expect(startsOf(after, 'bystander').length).toBeGreaterThan(0);
    expect(resets(after).length).toBeGreaterThan(1); // the rule still applies to later exits
  });
});

describe('a container the reset removed (rac-resetting-kubelet-restarted.json, rac-cleaned-up.json)', () => {
  it.each(from(36))('ShouldContainerBeRestarted with no runtime status (%s): the removed bystander starts again, no exit is drawn at now, and the header says its count starts over [11.2]', (v) => {
    const { text, after, now } = continued('rac-resetting-kubelet-restarted.json', v);
    expect(text).toContain('# RestartingAllContainers: the in-place restart had removed bystander');
    expect(after.some((e) => e.type === 'container.exit' && e.container === 'bystander' && e.t === now)).toBe(false);
    expect(startsOf(after, 'bystander').length).toBeGreaterThan(0);
    expect(startsOf(after, 'trigger').length).toBeGreaterThan(0);
  });

  it.each(from(36))('ShouldContainerBeRestarted with no runtime status (%s): after the cleanup both start, where the seeded exited runs kept the pod in RestartingAllContainers for good [11.2]', (v) => {
    const { after, rows } = continued('rac-cleaned-up.json', v);
    expect(startsOf(after, 'trigger').length).toBeGreaterThan(0);
    expect(startsOf(after, 'bystander').length).toBeGreaterThan(0);
    expect(rows.at(-1)!.status).not.toBe('RestartingAllContainers');
  });
});

describe('a Never container restarted by its Restart rule (k8rs neverrules.json, retryloop)', () => {
  it.each(from(35))('ContainerShouldRestart (%s): exit 1 matches no rule, so retry stays stopped while keeper runs on [11.1]', (v) => {
    const { after, rows } = continued('k8rs-neverrules.json', v);
    expect(startsOf(after, 'retry')).toEqual([]);
    expect(rows.at(-1)).toMatchObject({ ready: '1/2', status: 'Error' });
  });

  it.each(from(35))('ContainerShouldRestart + the printed back-off (%s): retry restarts 160 s after its last exit, and again after each exit 3 [11.1] [4.5]', (v) => {
    const { after } = continued('k8rs-retryloop-crashloop.json', v);
    const starts = startsOf(after, 'retry');
    expect(starts.length).toBeGreaterThan(1);
    const lastExit = Date.parse('2026-08-20T12:34:47Z') / 1000 - Date.parse('2026-08-20T12:31:41Z') / 1000;
    expect(starts[0]!.t - lastExit).toBeGreaterThanOrEqual(160);
    expect(starts[0]!.t - lastExit).toBeLessThanOrEqual(160 * 1.5);
  });
});
