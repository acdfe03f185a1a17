// What explain mode says the kubelet does next with a pod in an in-place restart (restartRules.ts
// restartAllSteps), on dumps taken at the moments the engine's own run passes through (fixtures
// rac-*.json, not published: SOURCES.md), each checked against that run from scratch:
// - kubelet.go SyncPod (library id 54300650048, a 1.36+ tree): `restartingAllContainers` when the
//   generated AllContainersRestarting is True, so the runtime's SyncPod resets the pod: killContainer
//   with a grace override of 0 (no preStop, the 2 s minimum), one container after another [11.2] [8.5];
// - GenerateAllContainersRestartingCondition (status/generate.go, library id 68698090696): True
//   while ShouldAllContainersRestart and not AllContainersRestartCleanedUp [11.2];
// - the next sync: 1.36+ SyncPod asks for it (kubernetes#136966); 1.35 waits for a killed
//   container's ContainerDied at the next relist, or, when the reset killed nothing, the periodic
//   resync 60 s after the sync that wrote True [11.2] [0.2].
// RestartAllContainersOnContainerExits is alpha in 1.35 (turned on here, with NodeDeclaredFeatures)
// and beta, on, from 1.36.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { KubeVersion } from '../version';
import { explainPods } from './explainPods';
import { readRealPods } from './readRealPods';
import { fixture, from } from './realDumps.testkit';
import type { PodExplanation } from './types';
import { gangPod } from '../testing/restartAllPods';

const GATES = { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true };

function explainAt(name: string, version: KubeVersion): PodExplanation {
  const read = readRealPods(fixture(name));
  if (read.kind !== 'pods') throw new Error('not read as pods');
  return explainPods(read.input, { version, gateOverrides: GATES })[0]!;
}

/** The same pod from scratch: `trigger` exits 3 after 20 s; `bystander` runs on, or exits 1 after 2 s. */
function scratch(version: KubeVersion, bystanderExits: boolean): { trueAt: number; startAt: number } {
  const text = `${gangPod(bystanderExits ? '["sh", "-c", "sleep 2; exit 1"]' : undefined)}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }
until: 120s
`;
  const events = runScenario(text).trace!.events;
  const trueAt = events.find((e) => e.type === 'pod.condition' && e.condition === 'AllContainersRestarting' && e.status === 'True')!.t;
  const startAt = events.find((e) => e.type === 'container.start' && e.t > trueAt)!.t;
  return { trueAt, startAt };
}

const step = (e: PodExplanation, name: string) => e.next.find((s) => s.container === name)!;

describe('a pod dumped in the True window, bystander still running (rac-resetting.json)', () => {
  it.each(from(35))('kubelet.go SyncPod restartingAllContainers (%s): bystander is stopped now (no preStop, 2 s minimum), every container starts again after it, as the engine\'s run does [11.2] [8.5]', (v) => {
    const e = explainAt('rac-resetting.json', v);
    expect(step(e, 'bystander')).toMatchObject({ action: 'kill', at: e.now });
    expect(step(e, 'bystander').why).toContain('grace override of 0 (no preStop hook; the 2s minimum before SIGKILL [8.5])');
    const start = step(e, 'trigger');
    expect(start.action).toBe('start');
    // 1.36+: the sync SyncPod asks for once bystander is gone; 1.35: its ContainerDied at the next relist
    expect(start.at! - e.now).toBe(v === '1.35' ? 3 : 2);
    const run = scratch(v, false);
    expect(Math.abs(run.startAt - run.trueAt - (start.at! - e.now))).toBeLessThanOrEqual(1);
    expect(e.conditions.find((c) => c.type === 'AllContainersRestarting')!.why).toContain('the kubelet is stopping and removing every container, one after another');
    expect(e.containers.find((c) => c.name === 'trigger')!.words).toContain('Exit code 3 matches its RestartAllContainers rule: the whole pod restarts in place [11.2]');
  });
});

describe('a pod whose reset killed nothing (rac-resetting-killed-none-135.json): the 1.35/1.36 line of kubernetes#136966', () => {
  it('1.35: only the periodic resync, 60 s after the sync that wrote True, starts them again, as the engine\'s run does [11.2] [0.2]', () => {
    const e = explainAt('rac-resetting-killed-none-135.json', '1.35' as KubeVersion);
    const wroteTrue = e.conditions.find((c) => c.type === 'AllContainersRestarting')!;
    expect(wroteTrue.status).toBe('True');
    const start = step(e, 'trigger');
    expect(start.action).toBe('start');
    expect(start.at).toBe(Date.parse('2026-08-20T22:43:20Z') / 1000 + 60);
    expect(start.why).toContain('only the pod worker\'s periodic resync');
    const run = scratch('1.35' as KubeVersion, true);
    expect(Math.abs(run.startAt - run.trueAt - 60)).toBeLessThanOrEqual(1);
  });

  it.each(from(36))('%s: SyncPod asks for the next sync itself, so they start again at once, as the engine\'s run does [11.2]', (v) => {
    const e = explainAt('rac-resetting-killed-none-135.json', v);
    expect(step(e, 'trigger')).toMatchObject({ action: 'start', at: e.now });
    expect(step(e, 'bystander')).toMatchObject({ action: 'start', at: e.now });
    const run = scratch(v, true);
    expect(run.startAt - run.trueAt).toBeLessThanOrEqual(1);
  });
});

describe('a kubelet restarted in the True window after bystander was removed (rac-resetting-kubelet-restarted.json)', () => {
  it.each(from(36))('ShouldAllContainersRestart reads the written True (%s): the reset resumes, nothing is left running, both start at the next sync [11.2]', (v) => {
    const e = explainAt('rac-resetting-kubelet-restarted.json', v);
    expect(e.kubectl).toMatchObject({ ready: '0/2', status: 'RestartingAllContainers', restarts: '1' });
    expect(e.next.map((s) => [s.container, s.action, s.at])).toEqual([['trigger', 'start', e.now], ['bystander', 'start', e.now]]);
    const words = e.containers.find((c) => c.name === 'bystander')!.words;
    expect(words).toContain('was stopped and removed by an in-place restart of the whole pod');
    expect(words).toContain('the reset is still under way (AllContainersRestarting is True)');
  });
});

describe('the cleaned-up status: AllContainersRestarting False, every container waiting RestartingAllContainers (rac-cleaned-up.json)', () => {
  it.each(from(36))('computePodActions finds no container in the runtime (%s): each starts at the next sync whatever its restartPolicy, not "stays stopped" [11.2]', (v) => {
    const e = explainAt('rac-cleaned-up.json', v);
    expect(e.kubectl).toMatchObject({ ready: '0/2', status: 'RestartingAllContainers', restarts: '2' });
    expect(e.next.map((s) => [s.container, s.action, s.at])).toEqual([['trigger', 'start', e.now], ['bystander', 'start', e.now]]);
    expect(step(e, 'trigger').why).toContain('the in-place restart removed it');
    expect(e.containers.find((c) => c.name === 'trigger')!.words).toContain('the reset is over');
  });
});
