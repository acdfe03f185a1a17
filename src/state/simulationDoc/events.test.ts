import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { addSimEvent, findSimEvent, formatSimEvent, listSimEvents, moveSimEvent, removeSimEvent } from './events';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
const crash = { at: 10, container: 'istio-proxy', do: 'crash', exitCode: 1 };

const simulates = (text: string) => {
  const r = runScenario(text, {});
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};

describe('formatSimEvent', () => {
  it('writes the contract style', () => {
    expect(formatSimEvent(crash)).toBe('{ at: 10s, container: istio-proxy, do: crash, exitCode: 1 }');
    expect(formatSimEvent({ at: 12.5, do: 'deletePod', gracePeriodSeconds: 5 })).toBe('{ at: 12.5s, do: deletePod, gracePeriodSeconds: 5 }');
    expect(formatSimEvent({ at: 1, container: 'a', do: 'failLiveness', for: 30 })).toBe('{ at: 1s, container: a, do: failLiveness, for: 30s }');
  });
});

describe('addSimEvent', () => {
  it('adds events: to the default scenario, keeping every comment and line', () => {
    const out = addSimEvent(DEFAULT, crash)!;
    expect(out.startsWith(DEFAULT.trimEnd())).toBe(true);
    expect(out.endsWith('events:\n  - { at: 10s, container: istio-proxy, do: crash, exitCode: 1 }\n')).toBe(true);
    expect(out).toContain('# myservice answers DNS after about 4 seconds');
    const trace = simulates(out);
    expect(trace.events.some((e) => e.type === 'fault' && e.container === 'istio-proxy' && e.t === 10)).toBe(true);
  });

  it('appends to an existing block list with its indentation', () => {
    const one = addSimEvent(DEFAULT, crash)!;
    const two = addSimEvent(one, { at: 20, do: 'deletePod', gracePeriodSeconds: 10 })!;
    expect(two).toBe(`${one}  - { at: 20s, do: deletePod, gracePeriodSeconds: 10 }\n`);
    const indented = 'kind: Simulation\nevents:\n    -   { at: 1s, container: a, do: exit }  # first\nuntil: 5s\n';
    expect(addSimEvent(indented, { at: 2, container: 'a', do: 'exit', exitCode: 0 }))
      .toBe('kind: Simulation\nevents:\n    -   { at: 1s, container: a, do: exit }  # first\n    -   { at: 2s, container: a, do: exit, exitCode: 0 }\nuntil: 5s\n');
  });

  it('appends after a multi-line block item', () => {
    const text = 'kind: Simulation\nevents:\n  - at: 1s\n    container: a\n    do: crash\n# end\n';
    expect(addSimEvent(text, { at: 3, container: 'a', do: 'exit' }))
      .toBe('kind: Simulation\nevents:\n  - at: 1s\n    container: a\n    do: crash\n  - { at: 3s, container: a, do: exit }\n# end\n');
  });

  it('creates the Simulation document when there is none', () => {
    const out = addSimEvent(POD, { at: 5, container: 'app', do: 'crash', exitCode: 2 })!;
    expect(out).toBe(`${POD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nevents:\n  - { at: 5s, container: app, do: crash, exitCode: 2 }\n`);
    expect(simulates(out).events.some((e) => e.type === 'fault')).toBe(true);
    expect(addSimEvent(POD.trimEnd(), { at: 1, container: 'app', do: 'exit' })).toContain('image: nginx\n---\n');
  });

  it('fills an empty or null events key, and a flow list', () => {
    expect(addSimEvent('kind: Simulation\nevents: []\nuntil: 5s\n', { at: 1, container: 'a', do: 'exit' }))
      .toBe('kind: Simulation\nevents:\n  - { at: 1s, container: a, do: exit }\nuntil: 5s\n');
    expect(addSimEvent('kind: Simulation\nevents:\nuntil: 5s\n', { at: 1, container: 'a', do: 'exit' }))
      .toBe('kind: Simulation\nevents:\n  - { at: 1s, container: a, do: exit }\nuntil: 5s\n');
    expect(addSimEvent('kind: Simulation\nevents: ~\n', { at: 1, container: 'a', do: 'exit' }))
      .toBe('kind: Simulation\nevents:\n  - { at: 1s, container: a, do: exit }\n');
    expect(addSimEvent('kind: Simulation\nevents: [{ at: 1s, container: a, do: exit }]\n', { at: 2, container: 'a', do: 'crash' }))
      .toBe('kind: Simulation\nevents: [{ at: 1s, container: a, do: exit }, { at: 2s, container: a, do: crash }]\n');
  });

  it('adds the key at the end of a Simulation document without events', () => {
    const text = `${POD}---\nkind: Simulation\nuntil: 1m # long\n`;
    expect(addSimEvent(text, { at: 1, do: 'deletePod' })).toBe(`${POD}---\nkind: Simulation\nuntil: 1m # long\nevents:\n  - { at: 1s, do: deletePod }\n`);
  });

  it('refuses a text whose YAML errors would swallow a new document, and appends after one that would not', () => {
    expect(addSimEvent('a: "x\n', crash)).toBeNull();
    expect(addSimEvent("a: 'x\n", crash)).toBeNull();
    // An unclosed flow list ends at the `---` line: the appended document is read, the workload's error stays.
    expect(addSimEvent('a: [\n', crash)).toBe(`a: [\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nevents:\n  - ${formatSimEvent(crash)}\n`);
  });
});

describe('finding, removing and moving written events', () => {
  const text = addSimEvent(addSimEvent(DEFAULT, crash)!, { at: 20, do: 'deletePod', gracePeriodSeconds: 10 })!;

  it('lists written events and finds the one a trace moment came from', () => {
    expect(listSimEvents(text)).toEqual([
      { index: 0, at: 10, do: 'crash', container: 'istio-proxy' },
      { index: 1, at: 20, do: 'deletePod', container: null },
    ]);
    expect(findSimEvent(text, { do: 'deletePod', t: 20 })).toBe(1);
    expect(findSimEvent(text, { do: 'crash', container: 'istio-proxy', t: 10 })).toBe(0);
    expect(findSimEvent(text, { do: 'crash', container: 'istio-proxy', t: 11 })).toBeNull();
  });

  it('removes exactly the item line', () => {
    expect(removeSimEvent(text, 1)).toBe(addSimEvent(DEFAULT, crash));
    const onlySecond = removeSimEvent(text, 0)!;
    expect(listSimEvents(onlySecond).map((e) => e.do)).toEqual(['deletePod']);
    expect(removeSimEvent(removeSimEvent(text, 1)!, 0)).toBe(`${DEFAULT}events:\n`);
    expect(removeSimEvent('kind: Simulation\nevents: [{ at: 1s, do: deletePod }, { at: 2s, do: deletePod }]\n', 0))
      .toBe('kind: Simulation\nevents: [{ at: 2s, do: deletePod }]\n');
  });

  it('moves an event by rewriting only its at', () => {
    const moved = moveSimEvent(text, 0, 12.25)!;
    expect(moved).toBe(text.replace('{ at: 10s, container: istio-proxy', '{ at: 12.25s, container: istio-proxy'));
    expect(moveSimEvent('kind: Simulation\nevents:\n  - at: 90   # later\n    do: deletePod\n', 0, 5))
      .toBe('kind: Simulation\nevents:\n  - at: 5s   # later\n    do: deletePod\n');
  });
});
