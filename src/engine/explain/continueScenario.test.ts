// "Continue from here" (issue 14): the generated scenario is share-safe, parses, and its
// startFrom says what the pod's status says, in seconds since its creation.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse';
import { continueScenario } from './continueScenario';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function generated(name: string, now?: number) {
  const r = continueScenario(fixture(name), now === undefined ? {} : { now });
  if (!r.ok) throw new Error(r.message);
  const parsed = parseScenario(r.text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { text: r.text, scenario: parsed.scenario, now: r.now };
}

describe('continueScenario', () => {
  it('the stuck Init:1/2 pod: the completed init container stays completed, the sidecar keeps its start time', () => {
    const { text, scenario } = generated('sidecar-startup-stuck.yaml');
    const from = scenario.sim.startFrom!;
    expect(from.containers['wait-for-cache']).toMatchObject({ state: 'terminated', startedAt: 2, finishedAt: 4, exitCode: 0 });
    expect(from.containers['otel-collector']).toMatchObject({ state: 'running', startedAt: 6, started: false });
    expect(from.containers['hotel-reserv-reservation']).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    // Share-safe: no env values, commands, names or images from the object.
    for (const secret of ['hunter2', 'reservation-7d9c6b5f4', 'busybox', 'memcached-reserve', 'otel/opentelemetry']) expect(text).not.toContain(secret);
  });

  it('a CrashLoopBackOff pod keeps its restart count, its last run and the back-off the kubelet printed ([4.5])', () => {
    const { scenario, now } = generated('crashloop.yaml', Date.parse('2021-07-14T19:53:00Z') / 1000);
    expect(now).toBe(412);
    expect(scenario.sim.startFrom!.containers['centos-new']).toMatchObject({
      state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 6, backoff: 300,
      lastState: { startedAt: 374, finishedAt: 374, exitCode: 0 },
    });
    expect(scenario.sim.behaviors['centos-new']).toMatchObject({ exitAfter: 0, exitCode: 0 });
  });

  it('a pod whose runtime refused its starts ([3.5]): refused again from here, its last run with no start time (the API\'s epoch)', () => {
    const { scenario } = generated('start-error.yaml');
    const from = scenario.sim.startFrom!.containers['app'];
    expect(from).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 2, backoff: 20, lastState: { finishedAt: 14, exitCode: 128, reason: 'StartError' } });
    expect(from!.lastState!.startedAt).toBeUndefined();
    expect(scenario.sim.behaviors['app']).toMatchObject({ startError: true });
  });

  it('a refused start is refused again when the dump prints no startedAt for it either ([3.5])', () => {
    const text = fixture('start-error.yaml').replace('        startedAt: "1970-01-01T00:00:00Z"\n', '');
    expect(text).not.toContain('1970');
    const r = continueScenario(text);
    if (!r.ok) throw new Error(r.message);
    const parsed = parseScenario(r.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.scenario.sim.behaviors['app']).toMatchObject({ startError: true });
  });

  it('a Running pod with a sidecar: started and ready carry over, the last run of a restarted container too', () => {
    const { text, scenario } = generated('running-sidecar.yaml');
    const from = scenario.sim.startFrom!;
    expect(from.now).toBe(370); // the newest timestamp: Ready at 10:06:10
    expect(from.containers['log-shipper']).toMatchObject({ state: 'running', startedAt: 3, started: true, ready: true, restartCount: 0 });
    expect(from.containers.web).toMatchObject({ state: 'running', startedAt: 365, restartCount: 1, lastState: { startedAt: 5, finishedAt: 364, exitCode: 137, reason: 'OOMKilled' } });
    expect(text).not.toContain('s3cr3t-token');
    expect(text).not.toContain('/healthz');
  });

  it('carries the Simulation document\'s settings written beside the pod: the version, the back-off cap and requeueJitter ([4.6])', () => {
    const beside = `${fixture('crashloop.yaml')}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "1.35"\nrequeueJitter: 0.5\n`;
    const r = continueScenario(beside, { now: Date.parse('2021-07-14T19:53:00Z') / 1000 });
    if (!r.ok) throw new Error(r.message);
    const parsed = parseScenario(r.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.scenario.sim).toMatchObject({ kubernetesVersion: '1.35', requeueJitter: 0.5 });
    expect(generated('crashloop.yaml').scenario.sim.requeueJitter).toBeUndefined(); // not written, not carried
  });

  it('says so when the text holds no real pod', () => {
    expect(continueScenario('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n')).toMatchObject({ ok: false });
  });
});
