import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../engine/scenario/limits';
import { documentRanges, findSimulation } from './locate';
import { addSimEvent, listSimEvents, moveSimEvent, removeSimEvent } from './events';

/** A Pod with `labels` metadata labels (about 14 characters each), then a Simulation document. */
function bigScenario(labels: number): string {
  const lines = Array.from({ length: labels }, (_, i) => `    k${i}: v\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  labels:\n${lines}spec:\n  containers:\n    - name: app\n      image: nginx\n`
    + '---\napiVersion: sidecar-lab/v1\nkind: Simulation\nevents:\n  - { at: 1s, container: app, do: crash }\n';
}

describe('findSimulation (main thread: linear and bounded)', () => {
  it('finds document starts at --- lines only', () => {
    expect(documentRanges('a: 1\n---\nb: 2\n--- # c\nd: "---"\n---x: 1\n').map(([s]) => s)).toEqual([0, 5, 14]);
  });

  it('edits a scenario whose workload has 85,000 labels without parsing the workload (was 38 s)', () => {
    const text = bigScenario(85_000);
    const added = addSimEvent(text, { at: 2, do: 'deletePod' })!;
    expect(added).toBe(`${text}  - { at: 2s, do: deletePod }\n`);
    expect(listSimEvents(added).map((e) => e.at)).toEqual([1, 2]);
    expect(moveSimEvent(added, 0, 3)).toBe(added.replace('{ at: 1s,', '{ at: 3s,'));
    expect(removeSimEvent(added, 1)).toBe(text);
  });

  it('checks a large document with no Simulation in linear time before appending one', () => {
    const text = bigScenario(85_000).split('---\n')[0]!;
    // About a second alone (the quadratic check took over a minute): `npm run bench`'s parse.* figures measure it.
    expect(addSimEvent(text, { at: 2, do: 'deletePod' })).toContain('kind: Simulation');
  });

  it('refuses to edit a text the engine would refuse (over 2 MB)', () => {
    const text = `# ${'x'.repeat(MAX_TEXT_CHARS)}\n${bigScenario(1)}`;
    expect(findSimulation(text)).toEqual({ kind: 'unreadable' });
    expect(addSimEvent(text, { at: 2, do: 'deletePod' })).toBeNull();
  });

  it('still refuses a Simulation document with YAML errors', () => {
    expect(addSimEvent('kind: Simulation\nevents: [\n', { at: 2, do: 'deletePod' })).toBeNull();
    const dup = 'kind: Simulation\nuntil: 1m\nevents:\n  - { at: 1s, do: deletePod }\n';
    expect(addSimEvent(dup, { at: 2, do: 'deletePod' })).toBe(`${dup}  - { at: 2s, do: deletePod }\n`);
  });
});
