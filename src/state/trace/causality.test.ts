import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace, TraceEvent } from '../../engine/trace';
import { addSimEvent } from '../simulationDoc/events';
import { crashLoopTrace } from '../testFixtures';
import { causalLinks } from './causality';

/** Every event's links, asked one at a time, as two lists (what the tests compare). */
function buildCausality(trace: Pick<Trace, 'events'>) {
  const links = causalLinks(trace);
  return {
    causes: trace.events.map((_, i) => [...links.causesOf(i)]),
    effects: trace.events.map((_, i) => [...links.effectsOf(i)]),
  };
}

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');
const run = (text: string): Trace => runScenario(text, {}).trace!;

const find = (trace: Trace, pred: (e: TraceEvent) => boolean): number => {
  const i = trace.events.findIndex(pred);
  if (i < 0) throw new Error('no such event');
  return i;
};
const is = (type: string, container?: string, extra: (e: TraceEvent) => boolean = () => true) =>
  (e: TraceEvent) => e.type === type && (container === undefined || ('container' in e && e.container === container)) && extra(e);

describe('causality of the default scenario', () => {
  const trace = run(DEFAULT);
  const { causes, effects } = buildCausality(trace);

  it('an init container exiting 0 lets the next one start [2.1]', () => {
    const exit = find(trace, is('container.exit', 'init-myservice'));
    const start = find(trace, is('container.start', 'init-mydb'));
    expect(causes[start]).toContain(exit);
    expect(effects[exit]).toContain(start);
  });

  it("the sidecar's started status lets the app start [2.2]", () => {
    const started = find(trace, is('container.started', 'istio-proxy'));
    const appStart = find(trace, (e) => e.type === 'container.start' && e.container === 'myapp-container');
    const pulled = trace.events.findIndex(is('container.pulled', 'myapp-container'));
    const direct = causes[appStart]!;
    // Either the gate itself or the pull that the gate started.
    expect(direct.includes(started) || (pulled >= 0 && causes[pulled]!.includes(started))).toBe(true);
  });

  it('links only backwards in time', () => {
    causes.forEach((cs, i) => cs.forEach((j) => expect(trace.events[j]!.t).toBeLessThanOrEqual(trace.events[i]!.t)));
  });
});

describe('causality of faults and deletions', () => {
  it('a crash: fault -> exit -> restart of the sidecar', () => {
    const trace = run(addSimEvent(DEFAULT, { at: 20, container: 'istio-proxy', do: 'crash', exitCode: 1 })!);
    const { causes, effects } = buildCausality(trace);
    const fault = find(trace, is('fault', 'istio-proxy'));
    const exit = find(trace, is('container.exit', 'istio-proxy'));
    expect(causes[exit]).toEqual([fault]);
    const restart = find(trace, is('container.start', 'istio-proxy', (e) => e.type === 'container.start' && e.attempt === 1));
    expect(causes[restart]).toContain(exit);
    expect(effects[fault]).toContain(exit);
  });

  it('pod deletion -> kills -> signals -> exits, the app before the sidecar', () => {
    const trace = run(addSimEvent(DEFAULT, { at: 20, do: 'deletePod', gracePeriodSeconds: 5 })!);
    const { causes, effects } = buildCausality(trace);
    const deleted = find(trace, is('pod.deleted'));
    const kills = effects[deleted]!.filter((j) => trace.events[j]!.type === 'container.kill');
    expect(kills.length).toBeGreaterThan(0);
    const kill = find(trace, is('container.kill', 'myapp-container'));
    const term = find(trace, is('container.signal', 'myapp-container'));
    const sigkill = find(trace, is('container.signal', 'myapp-container', (e) => e.type === 'container.signal' && e.signal === 'SIGKILL'));
    const exit = find(trace, is('container.exit', 'myapp-container'));
    expect(causes[kill]).toContain(deleted);
    expect(causes[term]).toContain(kill);
    expect(causes[sigkill]).toEqual([term]);
    expect(causes[exit]).toContain(sigkill);
  });

  it('a liveness failure: fault -> probe failure -> kill -> signal -> exit', () => {
    const text = DEFAULT.replace("      command: ['sh', '-c', 'echo The app is running! && sleep 3600']",
      "      command: ['sh', '-c', 'echo The app is running! && sleep 3600']\n      livenessProbe:\n        httpGet: { path: /healthz, port: 8080 }\n        periodSeconds: 2\n        failureThreshold: 1");
    const trace = run(addSimEvent(text, { at: 20, container: 'myapp-container', do: 'failLiveness', for: 5 })!);
    const { causes } = buildCausality(trace);
    const fault = find(trace, is('fault', 'myapp-container'));
    const fail = find(trace, is('probe.result', 'myapp-container', (e) => e.type === 'probe.result' && e.result === 'failure'));
    const kill = find(trace, is('container.kill', 'myapp-container'));
    const signal = find(trace, is('container.signal', 'myapp-container'));
    expect(causes[fail]).toContain(fault);
    expect(causes[kill]).toContain(fail);
    expect(causes[signal]).toContain(kill);
  });

  it('a crash loop: exit -> backoff -> restart, and the waiting reason shows the back-off', () => {
    const crashes = [20, 25].reduce((text, at) => addSimEvent(text, { at, container: 'myapp-container', do: 'crash', exitCode: 1 })!, DEFAULT);
    const trace = run(crashes);
    const { causes } = buildCausality(trace);
    const backoff = find(trace, is('container.backoff', 'myapp-container'));
    const exit = trace.events.findLastIndex((e, i) => i < backoff && e.type === 'container.exit' && e.container === 'myapp-container');
    const restart = find(trace, (e) => e.type === 'container.start' && e.container === 'myapp-container' && e.attempt === 2);
    expect(causes[backoff]).toEqual([exit]);
    expect(causes[restart]).toEqual(expect.arrayContaining([exit, backoff]));
    const waiting = find(trace, is('container.waiting', 'myapp-container', (e) => e.type === 'container.waiting' && e.reason === 'CrashLoopBackOff'));
    expect(causes[waiting]).toContain(backoff);
  });
});

describe('causality is the projection of the engine\'s cause ids (contract section 3)', () => {
  it('maps each cause id to its event index and adds the effects', () => {
    const trace = { events: crashLoopTrace().events.slice(0, 3).map((e, i) => ({ ...e, id: `x${i}`, ...(i > 0 ? { cause: ['x0', `x${i - 1}`] } : {}) })) };
    expect(buildCausality(trace)).toEqual({ causes: [[], [0], [0, 1]], effects: [[1, 2], [2], []] });
  });

  it('draws no link an event does not record: hand-made events without ids have none', () => {
    const { causes, effects } = buildCausality(crashLoopTrace());
    expect(causes.flat()).toEqual([]);
    expect(effects.flat()).toEqual([]);
  });

  it('leaves out a cause that names no earlier event', () => {
    const [a, b] = crashLoopTrace().events;
    expect(buildCausality({ events: [{ ...a!, id: 'a', cause: ['b'] }, { ...b!, id: 'b', cause: ['missing', 'a'] }] }).causes).toEqual([[], [0]]);
  });
});

describe('looking ids up (issue 16: where the numbering puts them, else the map of ids)', () => {
  const ev = (id: string, cause?: string[]): TraceEvent => ({ t: 0, type: 'pod.scheduled', why: 'test [0]', id, ...(cause ? { cause } : {}) });

  it('finds ids that are not where their number says, prefixed ids, and ignores unknown or later ones', () => {
    const events = [
      ev('e1'), ev('e0'), ev('job-x/e0'), ev('e3', ['e1', 'e0', 'job-x/e0', 'nope', 'e4', 'e1']), ev('e4', ['e3']), ev('e7', ['e4', 'e3']),
    ];
    const { causes, effects } = buildCausality({ events });
    expect(causes[3]).toEqual([0, 1, 2]);
    expect(causes[4]).toEqual([3]);
    expect(causes[5]).toEqual([4, 3]);
    expect(effects[0]).toEqual([3]);
    expect(effects[3]).toEqual([4, 5]);
    expect(causes[0]).toEqual([]);
  });
});
