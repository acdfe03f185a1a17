import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { parseScenario } from './parse';
import { forgetDocuments } from './unchangedDocuments';
import { forgetWorkload } from './unchangedWorkload';

const dir = new URL('../../scenarios/', import.meta.url);
const GALLERY = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
const DEFAULT = GALLERY[0]!;

/** A read with nothing remembered, neither documents nor workload: what every read must equal. */
function fresh(text: string) {
  forgetDocuments();
  forgetWorkload();
  return parseScenario(text);
}

afterEach(() => {
  forgetDocuments();
  forgetWorkload();
});

function podOf(text: string) {
  const read = parseScenario(text);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
  return read.scenario.pod;
}

describe('the workload kept from the last read of the same document', () => {
  it('an edit in the Simulation document reuses the workload read before, and the result equals a fresh read', () => {
    const first = podOf(DEFAULT);
    const edited = DEFAULT.replace('until: 40s', 'until: 45s');
    expect(podOf(edited)).toBe(first);
    expect(parseScenario(edited)).toEqual(fresh(edited));
  });

  it('an edit in the Pod document reads the workload again', () => {
    const first = podOf(DEFAULT);
    const edited = DEFAULT.replace('myapp-pod', 'myapp-pod2');
    const second = podOf(edited);
    expect(second).not.toBe(first);
    expect(second.name).toBe('myapp-pod2');
  });

  it('another kubernetesVersion, or other feature gates, in the Simulation document read the workload again', () => {
    const sidecarPod = GALLERY.find((t) => t.includes('restartPolicy: Always') && /kind: Simulation/.test(t) && !/kubernetesVersion/.test(t) && !/featureGates/.test(t))!;
    expect(sidecarPod).toBeDefined();
    const first = podOf(sidecarPod);
    const older = sidecarPod.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.27"\n');
    const olderRead = parseScenario(older);
    expect(olderRead).toEqual(fresh(older));
    podOf(sidecarPod);
    const gated = sidecarPod.replace('kind: Simulation\n', 'kind: Simulation\nkubernetesVersion: "1.29"\nfeatureGates: {SidecarContainers: false}\n');
    const gatedRead = parseScenario(gated);
    expect(gatedRead).toEqual(fresh(gated));
    // Both readings differ from the 1.3x one: an init container with restartPolicy is refused there.
    expect(olderRead.ok && olderRead.scenario.pod === first).toBe(false);
    expect(gatedRead.ok && gatedRead.scenario.pod === first).toBe(false);
  });

  it('a reused workload reports its problems again, at their lines, in their order', () => {
    const warned = DEFAULT.replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: -5\n');
    const first = parseScenario(warned);
    const warning = first.problems.find((p) => p.path.endsWith('terminationGracePeriodSeconds'));
    expect(warning).toMatchObject({ severity: 'warning', line: warned.split('\n').findIndex((l) => l.includes('-5')) + 1 });
    const edited = warned.replace('until: 40s', 'until: 41s');
    const again = parseScenario(edited);
    expect(again.ok && again.scenario.pod).toBe(first.ok && first.scenario.pod);
    expect(again).toEqual(fresh(edited));
    // The problems reported are copies: a reader that changes one changes no later read.
    again.problems.forEach((p) => { p.message = 'changed'; });
    expect(parseScenario(warned.replace('until: 40s', 'until: 42s')).problems.find((p) => p.path.endsWith('terminationGracePeriodSeconds'))?.message).toBe(warning!.message);
  });

  it('nothing downstream writes to a workload: every gallery scenario runs on its frozen workload', () => {
    let frozenRuns = 0;
    for (const text of GALLERY) {
      const read = parseScenario(text);
      if (!read.ok) continue;
      deepFreeze(read.scenario.pod);
      if (read.scenario.job) deepFreeze(read.scenario.job);
      // The same text again: the run reads the kept (now frozen) workload.
      const again = parseScenario(text);
      if (again.ok && again.scenario.pod === read.scenario.pod) frozenRuns++;
      const run = runScenario(text);
      expect(run.ok, text.slice(0, 80)).toBe(true);
      expect(run.trace!.events.length).toBeGreaterThan(3);
    }
    // Most of the gallery puts its workload first, so most of these runs read a frozen workload.
    expect(frozenRuns).toBeGreaterThan(GALLERY.length / 2);
  });
});

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
