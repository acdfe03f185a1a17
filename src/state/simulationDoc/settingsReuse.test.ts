import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshSimulationSettings, readSimulationSettings } from './read';
import { findSimulation } from './locate';
import { spansAfterEdit, spansOf, type SettingsSpans } from './settingsReuse';

const GALLERY = new URL('../../scenarios/', import.meta.url);
const TEXTS = readdirSync(GALLERY).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, GALLERY), 'utf8'));
const SIM = 'apiVersion: sidecar-lab/v1\nkind: Simulation\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
// Texts that put the reuse's exclusions in reach of a few keystrokes.
const EDGES = [
  `${POD}---\n${SIM}kubernetesVersion: "1.30"\nfeatureGates:\n  SidecarContainers: true\ncontainers:\n  app: {exitAfter: 5s}\nevents:\n  - {at: 1s, do: deletePod}\n`,
  `${POD}---\n${SIM}containers:\n  app:\n    exitAfter: 3s # Simulatio\nuntil: 1m\n---\nkind: ConfigMap\ndata: {a: Simulatio}\n`,
  `kind: ConfigMap\ndata:\n  note: Simulatio\n---\n${POD}---\n${SIM}containers: {app: {exitAfter: 2s}}\n`,
  `${POD}---\n${SIM}containers:\n  app: &a {exitAfter: 2s}\n  b: *a\n`,
  `${POD}---\n${SIM}containers: [a, b]\nnote: "\\x4"\n`,
  `${POD}---\n${SIM}note: |2\n   x\ncontainers:\n  app: {}\n`,
  `${POD}---\n${SIM}kubernetesVersio: "1.29"\nfeatureGate:\n  SidecarContainer: tru\n`,
];

/** The spans a fresh read of `text` gives, if it finds a Simulation document. */
function freshSpans(text: string): SettingsSpans | undefined {
  const found = findSimulation(text);
  return found.kind === 'found' ? spansOf(found.doc) : undefined;
}

const ALNUM = 'abcxyzKV019';
const OTHER = [' ', ':', '-', '#', '\n', ',', '{', '}', '"', '*', '&', '|', 'tru', 'Simulation', 'e'];

/** One edit at a random place: letters and digits mostly, sometimes anything. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 3 }),
  insert: fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...ALNUM), maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER) },
  ),
  // Near a line the settings read, or anywhere.
  near: fc.constantFrom('anywhere', 'kubernetesVersio', 'featureGate', 'kind', 'Simulatio', 'exitAfter', '---'),
});

function apply(text: string, e: { at: number; remove: number; insert: string; near: string }): string {
  const anchor = e.near === 'anywhere' ? -1 : text.indexOf(e.near);
  const at = anchor >= 0 ? Math.min(text.length, anchor + Math.floor(e.at * (e.near.length + 4))) : Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('settingsReuse: an edit that keeps the settings keeps them', () => {
  it('agrees with a fresh parse after every edit of random edit chains, and takes the reuse often enough to be tested (fast-check)', () => {
    let reused = 0;
    let edits = 0;
    fc.assert(fc.property(fc.constantFrom(...TEXTS, ...EDGES), fc.array(editArb, { minLength: 1, maxLength: 12 }), (start, chain) => {
      let text = start;
      let spans = freshSpans(text);
      for (const e of chain) {
        const next = apply(text, e);
        const kept = spans && spansAfterEdit(text, next, spans);
        edits++;
        if (kept) {
          reused++;
          expect(freshSimulationSettings(next), `${JSON.stringify(text)} → ${JSON.stringify(next)}`).toEqual(freshSimulationSettings(text));
          expect(kept).toEqual(freshSpans(next));
          spans = kept;
        } else {
          spans = freshSpans(next);
        }
        text = next;
      }
    }), { numRuns: 400 });
    expect(reused).toBeGreaterThan(edits / 40); // ~7% of these random edits keep the settings: the property is exercised
  });

  it('reuses the settings for a digit typed in a behaviour, a fault or the Pod, and reads a version line again', () => {
    const text = `${POD}---\n${SIM}kubernetesVersion: "1.30"\ncontainers:\n  app:\n    exitAfter: 2s\nevents:\n  - {at: 10s, do: deletePod}\n`;
    const spans = freshSpans(text)!;
    const typed = (from: string, to: string) => spansAfterEdit(text, text.replace(from, to), spans);
    expect(typed('exitAfter: 2s', 'exitAfter: 3s')).toBeDefined();
    expect(typed('at: 10s', 'at: 105s')).toBeDefined();
    expect(typed('image: nginx', 'image: nginx2')).toBeDefined();
    expect(typed('"1.30"', '"1.31"')).toBeUndefined();
    expect(typed('exitAfter: 2s', 'exitAfter: 2s #')).toBeUndefined();
    expect(typed('app:\n', 'app2:\n')).toBeDefined(); // a nested key: not a setting
    expect(typed('kind: Simulation', 'kind: Simulations')).toBeUndefined();
  });

  it('readSimulationSettings gives the fresh answer, and the same object while the settings stay', () => {
    const text = `${POD}---\n${SIM}kubernetesVersion: "1.30"\ncontainers:\n  app:\n    exitAfter: 2s\n`;
    const first = readSimulationSettings(text);
    expect(first).toEqual(freshSimulationSettings(text));
    const typed = text.replace('exitAfter: 2s', 'exitAfter: 27s');
    expect(readSimulationSettings(typed)).toBe(first);
    const picked = typed.replace('"1.30"', '"1.33"');
    expect(readSimulationSettings(picked)).toEqual({ ...first, version: '1.33' });
  });
});
