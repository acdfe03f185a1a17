import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as run from '../engine/run';
import { createEngineClient } from './client';
import { handleRunRequest } from './handle';
import type { BusyMessage, ProgressMessage } from './protocol';

const DEFAULT = readFileSync(new URL('../scenarios/00-default.yaml', import.meta.url), 'utf8');

describe('handleRunRequest (what the worker runs)', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('answers with the trace and pod name, without the parsed scenario', () => {
    const resp = handleRunRequest({ id: 7, text: DEFAULT, kubernetesVersion: '1.36' });
    expect(resp.id).toBe(7);
    if (resp.kind !== 'result') throw new Error(resp.message);
    expect(resp.result.ok).toBe(true);
    expect(resp.result.podName).toBe('myapp-pod');
    expect(resp.result.trace?.containers.map((c) => c.name)).toEqual(['init-myservice', 'init-mydb', 'istio-proxy', 'myapp-container']);
    expect(resp.result).not.toHaveProperty('scenario');
    expect(() => structuredClone(resp)).not.toThrow();
  });

  it('passes the version picked in the header to the engine', () => {
    const resp = handleRunRequest({ id: 1, text: DEFAULT, kubernetesVersion: '1.27' });
    expect(resp.kind === 'result' && resp.result.ok).toBe(false);
    expect(resp.kind === 'result' && resp.result.problems.map((p) => p.path)).toContain('spec.initContainers[2].restartPolicy');
  });

  it("lets the text's own kubernetesVersion win over the request's, which is a fallback", () => {
    const in127 = DEFAULT.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.27"\n');
    const resp = handleRunRequest({ id: 2, text: in127, kubernetesVersion: '1.36' });
    expect(resp.kind === 'result' && resp.result.problems.map((p) => p.path)).toContain('spec.initContainers[2].restartPolicy');
    const in129 = DEFAULT.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: 1.29 # pinned\n');
    const ok = handleRunRequest({ id: 3, text: in129, kubernetesVersion: '1.27' });
    expect(ok.kind === 'result' && ok.result.trace?.kubernetesVersion).toBe('1.29');
  });

  it('says how far a long run is, with the request\'s id, and stays quiet on a short one', () => {
    const year = 'apiVersion: v1\nkind: Pod\nmetadata: {name: loop}\nspec:\n  containers:\n  - {name: app, image: busybox, command: [sh, -c, exit 1]}\n'
      + '---\napiVersion: sidecar-lab/v1\nkind: Simulation\nuntil: 8760h\n';
    const messages: (ProgressMessage | BusyMessage)[] = [];
    const resp = handleRunRequest({ id: 7, text: year, kubernetesVersion: '1.36' }, (m) => messages.push(m), 0);
    expect(resp.kind).toBe('result');
    // With no interval the reading says it is busy once (a short text is read in one block, then
    // converted), before any figure.
    expect(messages[0]).toEqual({ id: 7, kind: 'busy' });
    const seen = messages.filter((m): m is ProgressMessage => m.kind === 'progress');
    expect(messages.filter((m) => m.kind === 'busy')).toHaveLength(1);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => m.id === 7 && m.kind === 'progress' && m.horizon === 8760 * 3600 && m.t < m.horizon)).toBe(true);
    expect(seen.map((m) => m.t)).toEqual([...seen.map((m) => m.t)].sort((a, b) => a - b));
    // A short run lasts less than the interval: on a clock that a loaded machine cannot stretch
    // (the default scenario's run took over 200 ms of wall time under a load of 30) it never speaks.
    const quiet: (ProgressMessage | BusyMessage)[] = [];
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    handleRunRequest({ id: 8, text: DEFAULT, kubernetesVersion: '1.36' }, (m) => quiet.push(m));
    expect(quiet).toEqual([]);
  });

  it('says it is busy again and again while it reads a long text (yamlInSteps), not only between stages', () => {
    const containers = Array.from({ length: 5000 }, (_, i) => `    - name: c${i}\n      image: busybox\n`).join('');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n${containers}`;
    const messages: (ProgressMessage | BusyMessage)[] = [];
    const resp = handleRunRequest({ id: 9, text, kubernetesVersion: '1.36' }, (m) => messages.push(m), 0);
    expect(resp.kind === 'result' && resp.result.problems[0]?.message).toMatch(/too many containers for the simulator: 5000/);
    // 193,958 characters: a step per 4,096 lexemes read (about 21 here), one when the parse is
    // done, three while its ~15,000 nodes are converted (one per 4,096).
    expect(messages.length).toBeGreaterThanOrEqual(20);
    expect(messages.every((m) => m.id === 9 && m.kind === 'busy')).toBe(true);
  });

  it('turns an exception in the engine into an error response', () => {
    vi.spyOn(run, 'runScenario').mockImplementation(() => { throw new TypeError('boom'); });
    expect(handleRunRequest({ id: 3, text: 'x', kubernetesVersion: '1.36' })).toEqual({
      id: 3, kind: 'error', message: 'The engine failed: boom',
    });
  });
});

describe('the default client where Worker does not exist', () => {
  it('loads the engine inline and runs it', async () => {
    const client = createEngineClient();
    const outcome = await client.run(DEFAULT, '1.36');
    expect(outcome.kind === 'result' && outcome.result.trace?.end).toBe(40);
  });
});
