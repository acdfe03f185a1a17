// "Continue from here" (continueScenario) on pods caught in the restart features, each continued run
// compared with what the kubelet does (and the engine does from scratch):
// - convertToAPIContainerStatuses' podRestarting branch, 1.36+ (kubernetes#136964): an in-place
//   restart's last state has no times; seeding it at "now" drew an exit that never happened and made
//   RESTARTS print "(0s ago)" where the real pod prints none [11.2] [14.1];
// - computePodActions / ShouldContainerBeRestarted: a container the reset removed (Waiting
//   RestartingAllContainers) has no runtime status and is started whatever its restartPolicy; seeded
//   as an exited run it stayed stopped under Never and the pod hung in RestartingAllContainers [11.2];
//   convertToAPIContainerStatuses' podRestarting branch (1.36+, #136964): startFrom now carries it as
//   written (its timeless last state, its restartCount) and the run seeds it out of the runtime, so
//   RESTARTS goes on as the pod's own run from scratch counts it (it started over from 0 before), and
//   a cleaned-up pod keeps its sandbox (it got a new one, ContainerCreating, before);
// - kubelet.go SyncPod restartingAllContainers (a 1.36+ tree): a pod dumped mid-reset resumes it
//   from the written AllContainersRestarting=True (not written again at now), and the
//   RestartAllContainers rule still applies to later exits [11.2];
// - ContainerShouldRestart (util.go 1.34+, ContainerRestartRules beta from 1.35): a Never
//   container's Restart rule keeps restarting it on its code; exit 1 stays stopped [11.1].
// Fixtures: SOURCES.md (k8rs-* published or rebuilt on published fields; rac-* derived).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import type { KubeVersion } from '../version';
import { continueScenario } from './continueScenario';
import { fixture, from } from './realDumps.testkit';
import { gangPod } from '../testing/restartAllPods';

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

/** The pod of the rac-* fixtures from scratch (SOURCES.md: they are its run's moments). */
function scratch(version: KubeVersion): TraceEvent[] {
  return runScenario(`${gangPod()}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 120s
`).trace!.events;
}

/** STATUS and the RESTARTS count of each kubectl row from the first RestartingAllContainers one, each change once. */
function fromReset(rows: ReturnType<typeof kubectlRows>): string[] {
  const all = rows.map((r) => `${r.status} ${parseInt(r.restarts, 10)}`);
  const out = all.slice(all.findIndex((r) => r.startsWith('RestartingAllContainers ')));
  return out.filter((r, i) => i === 0 || r !== out[i - 1]).slice(0, 6);
}

/** No new sandbox after now: no ContainerCreating, no PodReadyToStartContainers change. */
const newSandbox = (after: TraceEvent[]) => after.filter((e) => e.type === 'pod.sandboxChanged'
  || (e.type === 'pod.condition' && e.condition === 'PodReadyToStartContainers')
  || (e.type === 'container.waiting' && e.reason === 'ContainerCreating') || (e.type === 'pod.kubectl' && e.status === 'ContainerCreating'));
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
  it.each(from(36))('kubelet.go SyncPod restartingAllContainers (%s): the reset resumes from the written True (drawn where it was written, not written again at now), both start again, RESTARTS as from scratch, and the trigger\'s next exit 3 restarts the pod in place again [11.2]', (v) => {
    const { text, after, now, rows } = continued('rac-resetting.json', v);
    const observedTrue = runScenario(text).trace!.events.filter((e) => e.observed && e.type === 'pod.condition' && e.condition === 'AllContainersRestarting');
    expect(observedTrue).toMatchObject([{ status: 'True', t: 25 }]);
    expect(resets(after).every((e) => e.t > now)).toBe(true);
    expect(after.find((e) => e.type === 'container.kill')).toMatchObject({ t: now, container: 'bystander', reason: 'RestartAllContainers' });
    expect(fromReset(rows)).toEqual(fromReset(kubectlRows(scratch(v))));
    expect(startsOf(after, 'trigger').length).toBeGreaterThan(0);
    expect(startsOf(after, 'bystander').length).toBeGreaterThan(0);
    expect(resets(after).length).toBeGreaterThan(1); // the rule still applies to later exits
  });
});

describe('a container the reset removed (rac-resetting-kubelet-restarted.json, rac-cleaned-up.json)', () => {
  it.each(from(36))('ShouldContainerBeRestarted with no runtime status + convertToAPIContainerStatuses podRestarting (%s): the removed bystander starts again as run 1, no exit is drawn at now, RESTARTS goes on as from scratch, and the header no longer says its count starts over [11.2]', (v) => {
    const { text, after, now, rows } = continued('rac-resetting-kubelet-restarted.json', v);
    expect(text).toContain('# RestartingAllContainers: the in-place restart had removed bystander');
    expect(text).not.toMatch(/starts over/);
    expect(text).toMatch(/bystander:\n {6}state: waiting\n {6}reason: RestartingAllContainers\n {6}restartCount: 1\n[^]*?lastState:\n {8}exitCode: 137\n {8}reason: RestartingAllContainers/);
    expect(after.some((e) => e.type === 'container.exit' && e.container === 'bystander' && e.t === now)).toBe(false);
    expect(startsOf(after, 'bystander')[0]).toMatchObject({ attempt: 1 });
    expect(startsOf(after, 'trigger')[0]).toMatchObject({ attempt: 1 });
    expect(rows[0]!.restarts).toBe('1'); // the pasted pod's RESTARTS at now
    // the pasted pod's own row lists bystander first, as the kubelet sorts statuses by name ([14.3]):
    // RestartingAllContainers 1; the continuation's rows from there go on as a run from scratch
    expect(`${rows[0]!.status} ${rows[0]!.restarts}`).toBe('RestartingAllContainers 1');
    expect(fromReset(kubectlRows(after))).toEqual(fromReset(kubectlRows(scratch(v))));
    expect(newSandbox(after)).toEqual([]);
  });

  it.each(from(36))('ShouldContainerBeRestarted with no runtime status (%s): after the cleanup both start, where the seeded exited runs kept the pod in RestartingAllContainers for good [11.2]', (v) => {
    const { after, rows } = continued('rac-cleaned-up.json', v);
    expect(startsOf(after, 'trigger').length).toBeGreaterThan(0);
    expect(startsOf(after, 'bystander').length).toBeGreaterThan(0);
    expect(rows.at(-1)!.status).not.toBe('RestartingAllContainers');
  });

  it.each(from(36))('convertToAPIContainerStatuses podRestarting (%s): the cleaned-up pod keeps its sandbox (no ContainerCreating), both start as run 1, and RESTARTS goes on from 2 as from scratch [11.2]', (v) => {
    const { after, rows } = continued('rac-cleaned-up.json', v);
    expect(newSandbox(after)).toEqual([]);
    expect([startsOf(after, 'trigger')[0], startsOf(after, 'bystander')[0]]).toMatchObject([{ attempt: 1 }, { attempt: 1 }]);
    // the dump shows no run of trigger to copy, so it runs on here: the rows up to Running compare
    expect(fromReset(rows)).toEqual(['RestartingAllContainers 2', 'Running 2']);
    expect(fromReset(kubectlRows(scratch(v))).slice(0, 2)).toEqual(fromReset(rows));
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
