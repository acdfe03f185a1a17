import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { documentRanges, readSimulationSettings, scenarioVersion, withFeatureGate, withKubernetesVersion } from '.';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
const SIM = 'apiVersion: sidecar-lab/v1\nkind: Simulation\n';

/** What the engine makes of the text: the version it simulated and its error paths. */
function engine(text: string) {
  const r = runScenario(text, {});
  return { version: r.trace?.kubernetesVersion, errors: r.problems.filter((p) => p.severity === 'error').map((p) => p.message) };
}

describe('documentRanges', () => {
  it('splits at --- lines and after ... lines', () => {
    const t = 'a: 1\n---\nb: 2\n...\n--- # c\nc: 3\n';
    expect(documentRanges(t).map(([s, e]) => t.slice(s, e))).toEqual(['a: 1\n', '---\nb: 2\n', '--- # c\nc: 3\n']);
    expect(documentRanges('')).toEqual([[0, 0]]);
    expect(documentRanges('x: "---"\n  ---x\n')).toHaveLength(1);
  });
});

describe('readSimulationSettings', () => {
  it('reads the version the way the engine does, and boolean gates', () => {
    expect(readSimulationSettings(DEFAULT)).toEqual({ hasDocument: true, gates: {}, editable: true });
    expect(readSimulationSettings(POD)).toEqual({ hasDocument: false, gates: {}, editable: true });
    for (const [written, read] of [['"1.30"', '1.30'], ['1.30', '1.30'], ["'v1.29.3'", '1.29'], ['1.27 # old', '1.27'], ['"1.99"', '1.99']]) {
      expect(readSimulationSettings(`${POD}---\n${SIM}kubernetesVersion: ${written}\n`).version, written).toBe(read);
    }
    const flowGates = readSimulationSettings(`${POD}---\n${SIM}featureGates: { SidecarContainers: true, X: "no" }\n`);
    expect(flowGates.gates).toEqual({ SidecarContainers: true });
    const blockGates = readSimulationSettings(`${POD}---\nkind: Simulation\nfeatureGates:\n  A: false # off\n  B: true\n`);
    expect(blockGates.gates).toEqual({ A: false, B: true });
    expect(scenarioVersion(`${POD}---\n${SIM}kubernetesVersion: "1.99"\n`)).toBeUndefined();
    expect(scenarioVersion(`${POD}---\n${SIM}kubernetesVersion: "1.31"\n`)).toBe('1.31');
  });

  it('finds the Simulation document by apiVersion too, and ignores the word elsewhere', () => {
    expect(readSimulationSettings(`# Simulation notes\n${POD}`).hasDocument).toBe(false);
    expect(readSimulationSettings(`${POD}---\napiVersion: sidecar-lab/v1\nkubernetesVersion: "1.28"\n`).version).toBe('1.28');
  });

  it('says when the Simulation document cannot be edited', () => {
    expect(readSimulationSettings(`${POD}---\n{ kind: Simulation, kubernetesVersion: "1.28" }\n`).editable).toBe(false);
    expect(readSimulationSettings(`${POD}---\n${SIM}until: [\n`).editable).toBe(false);
    // A broken workload does not stop the Simulation document from being read.
    expect(readSimulationSettings(`a: [\n---\n${SIM}kubernetesVersion: "1.29"\n`)).toMatchObject({ version: '1.29', editable: true });
  });
});

describe('withKubernetesVersion', () => {
  it('adds the key after kind in the default scenario, keeping every other line', () => {
    const out = withKubernetesVersion(DEFAULT, '1.27')!;
    expect(out).toBe(DEFAULT.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.27"\n'));
    expect(engine(out).errors).toEqual([expect.stringContaining('unknown field')]);
    expect(engine(withKubernetesVersion(DEFAULT, '1.29')!).version).toBe('1.29');
  });

  it('rewrites only the value of an existing key, keeping its comment', () => {
    const text = `${POD}---\n${SIM}kubernetesVersion: 1.30   # pinned\nuntil: 1m\n`;
    expect(withKubernetesVersion(text, '1.33')).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.33"   # pinned\nuntil: 1m\n`);
    expect(withKubernetesVersion(`${POD}---\n${SIM}kubernetesVersion:\nuntil: 1m\n`, '1.28')).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.28"\nuntil: 1m\n`);
  });

  it('creates the Simulation document when there is none', () => {
    const out = withKubernetesVersion(POD, '1.28')!;
    expect(out).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.28"\n`);
    expect(engine(out)).toEqual({ version: '1.28', errors: [] });
    expect(withKubernetesVersion(POD.trimEnd(), '1.28')).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.28"\n`);
    expect(withKubernetesVersion(`${POD}---\n`, '1.28')).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.28"\n`);
  });

  it('follows the indentation of an indented document, and a document without a final newline', () => {
    expect(withKubernetesVersion(`${POD}---\n  kind: Simulation\n  until: 1m`, '1.31')).toBe(`${POD}---\n  kind: Simulation\n  kubernetesVersion: "1.31"\n  until: 1m`);
    expect(withKubernetesVersion(`${POD}---\nkind: Simulation`, '1.31')).toBe(`${POD}---\nkind: Simulation\nkubernetesVersion: "1.31"\n`);
  });

  it('refuses a Simulation document it cannot edit safely', () => {
    expect(withKubernetesVersion(`${POD}---\n{ kind: Simulation }\n`, '1.28')).toBeNull();
    expect(withKubernetesVersion(`${POD}---\n${SIM}until: [\n`, '1.28')).toBeNull();
    expect(withKubernetesVersion(`${POD}---\n${SIM}kubernetesVersion: [1]\n`, '1.28')).toBeNull();
  });
});

describe('withFeatureGate', () => {
  it('adds featureGates after kubernetesVersion, and the 1.28 sidecar then runs natively', () => {
    const v128 = withKubernetesVersion(DEFAULT, '1.28')!;
    const out = withFeatureGate(v128, 'SidecarContainers', true)!;
    expect(out).toBe(DEFAULT.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.28"\nfeatureGates:\n  SidecarContainers: true\n'));
    const r = runScenario(out, {});
    expect(r.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(r.trace?.containers.find((c) => c.name === 'istio-proxy')?.kind).toBe('sidecar');
  });

  it('sets, adds and removes entries of a block map, keeping comments', () => {
    const text = `${POD}---\n${SIM}featureGates:\n  A: true   # why\n  B: false\nuntil: 1m\n`;
    expect(withFeatureGate(text, 'A', false)).toBe(text.replace('A: true', 'A: false'));
    expect(withFeatureGate(text, 'C', true)).toBe(text.replace('  B: false\n', '  B: false\n  C: true\n'));
    expect(withFeatureGate(text, 'B', undefined)).toBe(text.replace('  B: false\n', ''));
    expect(withFeatureGate(withFeatureGate(text, 'B', undefined)!, 'A', undefined)).toBe(`${POD}---\n${SIM}until: 1m\n`);
    expect(withFeatureGate(text, 'Z', undefined)).toBe(text);
  });

  it('edits a flow map in place', () => {
    const text = `${POD}---\n${SIM}featureGates: { A: true, B: false } # g\n`;
    expect(withFeatureGate(text, 'B', true)).toBe(`${POD}---\n${SIM}featureGates: { A: true, B: true } # g\n`);
    expect(withFeatureGate(text, 'C', false)).toBe(`${POD}---\n${SIM}featureGates: { A: true, B: false, C: false } # g\n`);
    expect(withFeatureGate(text, 'A', undefined)).toBe(`${POD}---\n${SIM}featureGates: { B: false } # g\n`);
    expect(withFeatureGate(text, 'B', undefined)).toBe(`${POD}---\n${SIM}featureGates: { A: true } # g\n`);
    expect(withFeatureGate(`${POD}---\n${SIM}featureGates: {}\n`, 'A', true)).toBe(`${POD}---\n${SIM}featureGates: { A: true }\n`);
  });

  it('fills an empty or null featureGates, and creates the document', () => {
    expect(withFeatureGate(`${POD}---\n${SIM}featureGates:   # none yet\nuntil: 1m\n`, 'A', true))
      .toBe(`${POD}---\n${SIM}featureGates:   # none yet\n  A: true\nuntil: 1m\n`);
    expect(withFeatureGate(`${POD}---\n${SIM}featureGates: ~\n`, 'A', true)).toBe(`${POD}---\n${SIM}featureGates: { A: true }\n`);
    expect(withFeatureGate(POD, 'SidecarContainers', false)).toBe(`${POD}---\n${SIM}featureGates:\n  SidecarContainers: false\n`);
    expect(withFeatureGate(POD, 'A', undefined)).toBe(POD);
  });

  it('refuses names that are not gate names, and documents it cannot edit', () => {
    expect(withFeatureGate(POD, 'a: b', true)).toBeNull();
    expect(withFeatureGate(`${POD}---\n${SIM}featureGates: [A]\n`, 'A', true)).toBeNull();
    expect(withFeatureGate(`${POD}---\n{ kind: Simulation }\n`, 'A', true)).toBeNull();
  });
});
