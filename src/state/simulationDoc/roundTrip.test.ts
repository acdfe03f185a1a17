// The Simulation document module over every gallery scenario: each edit changes only the lines
// concerned (every comment stays), the engine reads back what was written, and edits undo
// exactly. Then the cases the text-is-the-truth design leans on: a text without a Simulation
// document, gates the new version lacks, CRLF texts, flow-style documents, a version beside a text.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse';
import { runScenario } from '../../engine/run';
import { NEWEST_VERSION } from '../../engine/version';
import { galleryFiles } from '../../scenarios/gallery';
import {
  addSimEvent, effectiveVersion, listSimEvents, moveSimEvent, readSimulationSettings, removeSimEvent, strayGates,
  withFeatureGate, withKubernetesVersion, withUntil, withVersionBeside,
} from '.';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
const SIM = 'apiVersion: sidecar-lab/v1\nkind: Simulation\n';

/** The lines only one side has (as multisets). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const count = new Map<string, number>();
  for (const l of before.split('\n')) count.set(l, (count.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of after.split('\n')) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else added.push(l);
  }
  const removed = [...count.entries()].flatMap(([l, n]) => Array<string>(n).fill(l));
  return { removed, added };
}

const commentsOf = (text: string) => text.split('\n').map((l) => /\s#.*$/.exec(l)?.[0].trim()).filter((c) => c !== undefined);

/** What the engine reads from the text's Simulation document (null when the scenario is invalid, as two lessons are). */
const sim = (text: string) => {
  const r = parseScenario(text);
  return r.ok ? r.scenario.sim : null;
};

describe('edits of every gallery scenario keep the rest of the text as written', () => {
  for (const [file, text] of Object.entries(galleryFiles)) {
    it(file, () => {
      const before = sim(text);
      // A text without a Simulation document (a real pod) gets one: `---`, apiVersion, kind and the setting.
      const room = readSimulationSettings(text).hasDocument ? 2 : 5;
      const edits = {
        version: withKubernetesVersion(text, '1.30'),
        // A gate no lesson's version locks (PodReadyToStartContainersCondition is GA and locked from 1.37).
        gate: withFeatureGate(text, 'KubeletCrashLoopBackOffMax', false),
        until: withUntil(text, 123),
        event: addSimEvent(text, { at: 7, do: 'deletePod', gracePeriodSeconds: 3 }),
      };
      for (const [what, out] of Object.entries(edits)) {
        expect(out, what).not.toBeNull();
        const { removed, added } = changedLines(text, out!);
        expect(removed.length, `${what}: ${removed.join(' | ')}`).toBeLessThanOrEqual(1);
        expect(added.length, `${what}: ${added.join(' | ')}`).toBeLessThanOrEqual(room);
        expect(commentsOf(out!), what).toEqual(expect.arrayContaining(commentsOf(text)));
      }
      // The engine reads what was written, and nothing else changed.
      expect(readSimulationSettings(edits.version!).version).toBe('1.30');
      expect(readSimulationSettings(edits.gate!).gates.KubeletCrashLoopBackOffMax).toBe(false);
      if (before === null) return;
      // (A lesson about a newer field is invalid under 1.30: the module's own read above covers it.)
      const at130 = sim(edits.version!);
      if (at130) expect(at130.kubernetesVersion).toBe('1.30');
      expect(sim(edits.gate!)?.featureGates.KubeletCrashLoopBackOffMax).toBe(false);
      expect(sim(edits.until!)?.until).toBe(123);
      const withEvent = sim(edits.event!)!;
      expect(withEvent.events).toHaveLength(before.events.length + 1);
      expect(withEvent.events).toContainEqual(expect.objectContaining({ at: 7, do: 'deletePod' }));
      expect(withEvent.kubernetesVersion).toBe(before.kubernetesVersion);
      expect(withEvent.until).toBe(before.until);
    });
  }
});

describe('round trips', () => {
  for (const [file, text] of Object.entries(galleryFiles)) {
    it(file, () => {
      const settings = readSimulationSettings(text);
      expect(settings.editable).toBe(true);
      if (settings.hasDocument && !('PodReadyToStartContainersCondition' in settings.gates)) {
        expect(withFeatureGate(withFeatureGate(text, 'PodReadyToStartContainersCondition', true)!, 'PodReadyToStartContainersCondition', undefined)).toBe(text);
      }
      const written = /^kubernetesVersion: "(1\.\d+)"$/m.exec(text)?.[1];
      if (written === '1.28' || written === '1.29') {
        expect(withKubernetesVersion(withKubernetesVersion(text, '1.31')!, written)).toBe(text);
      }
      const events = listSimEvents(text);
      if (events.length > 0) {
        const added = addSimEvent(text, { at: 9, do: 'deletePod' })!;
        expect(removeSimEvent(added, events.length)).toBe(text);
        const at = events[0]!.at!;
        expect(moveSimEvent(moveSimEvent(text, 0, at + 1)!, 0, at)).toBe(text.includes(`at: ${at}s`) ? text : expect.any(String));
      }
    });
  }
});

describe('a version change', () => {
  it('on a text without a Simulation document adds one, which the engine runs', () => {
    const out = withKubernetesVersion(POD, '1.29')!;
    expect(out).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.29"\n`);
    expect(effectiveVersion(POD)).toBe(NEWEST_VERSION);
    expect(effectiveVersion(out)).toBe('1.29');
    expect(runScenario(out).trace?.kubernetesVersion).toBe('1.29');
  });

  it('keeps gates the new version lacks; they get the gates menu\'s note and the engine\'s warning', () => {
    const at129 = `${POD}---\n${SIM}kubernetesVersion: "1.29"   # pinned\nfeatureGates:\n  SidecarContainers: true # native\n`;
    const at127 = withKubernetesVersion(at129, '1.27')!;
    expect(at127).toBe(at129.replace('"1.29"', '"1.27"'));
    const gates = readSimulationSettings(at127).gates;
    expect(gates).toEqual({ SidecarContainers: true });
    expect(strayGates(gates, '1.27')).toEqual([{ name: 'SidecarContainers', value: true, reason: 'not in 1.27 (arrives in 1.28)' }]);
    expect(runScenario(at127).problems.map((p) => p.message))
      .toContain('feature gate SidecarContainers does not exist in 1.27 (it arrives in 1.28); the setting is ignored');
    expect(strayGates(gates, '1.29')).toEqual([]);
    expect(strayGates({ SidecarContainers: true, SidecarContainersX: true }, '1.33')).toEqual([
      { name: 'SidecarContainers', value: true, reason: 'GA in 1.33: always on' },
      { name: 'SidecarContainersX', value: true, reason: 'not a gate the simulator knows' },
    ]);
    expect(strayGates({ SidecarContainers: false }, '1.33')[0]?.reason).toBe('GA in 1.33: locked on, false is refused');
  });
});

describe('the text is the only source', () => {
  it('a version beside a text is written in only when the text names none and it is not the newest', () => {
    expect(withVersionBeside(POD, NEWEST_VERSION)).toBe(POD);
    expect(withVersionBeside(POD, '1.30')).toBe(withKubernetesVersion(POD, '1.30'));
    const named = withKubernetesVersion(POD, '1.28')!;
    expect(withVersionBeside(named, '1.30')).toBe(named);
    const unsupported = `${POD}---\n${SIM}kubernetesVersion: "1.99"\n`;
    expect(withVersionBeside(unsupported, '1.30')).toBe(unsupported);
    expect(effectiveVersion(unsupported)).toBe(NEWEST_VERSION);
  });

  it('reads a flow-style Simulation document (the engine does), and refuses to edit it', () => {
    const flow = `${POD}---\n{ kind: Simulation, kubernetesVersion: "1.28", featureGates: { SidecarContainers: true } }\n`;
    expect(readSimulationSettings(flow)).toEqual({ hasDocument: true, version: '1.28', gates: { SidecarContainers: true }, editable: false });
    expect(effectiveVersion(flow)).toBe('1.28');
    expect(runScenario(flow).trace?.kubernetesVersion).toBe('1.28');
    expect(withKubernetesVersion(flow, '1.30')).toBeNull();
    expect(addSimEvent(flow, { at: 1, do: 'deletePod' })).toBeNull();
  });

  it('writes new lines with a CRLF text\'s own line ending', () => {
    const crlf = `${POD}---\n${SIM}featureGates:\n  A: true\nuntil: 1m\n`.replace(/\n/g, '\r\n');
    const added = withFeatureGate(crlf, 'B', false)!;
    expect(added).toBe(crlf.replace('  A: true\r\n', '  A: true\r\n  B: false\r\n'));
    expect(withFeatureGate(added, 'B', undefined)).toBe(crlf);
    expect(withFeatureGate(withFeatureGate(crlf, 'A', undefined)!, 'C', true)).toBe(crlf.replace('featureGates:\r\n  A: true\r\n', 'featureGates:\r\n  C: true\r\n'));
    const noDoc = POD.replace(/\n/g, '\r\n');
    expect(withKubernetesVersion(noDoc, '1.30')).toBe(`${POD}---\n${SIM}kubernetesVersion: "1.30"\n`.replace(/\n/g, '\r\n'));
    const withEvent = addSimEvent(noDoc, { at: 2, do: 'deletePod' })!;
    expect(withEvent.replace(/\r\n/g, '')).not.toContain('\n');
    expect(removeSimEvent(addSimEvent(withEvent, { at: 3, do: 'deletePod' })!, 1)).toBe(withEvent);
  });

  it('reading is memoised by text: the same text gives the same object', () => {
    const a = readSimulationSettings(`${POD}---\n${SIM}featureGates:\n  A: true\n`);
    readSimulationSettings(POD);
    expect(readSimulationSettings(`${POD}---\n${SIM}featureGates:\n  A: true\n`)).toEqual(a);
    expect(readSimulationSettings(`${POD}---\n${SIM}featureGates:\n  A: true\n`)).toBe(readSimulationSettings(`${POD}---\n${SIM}featureGates:\n  A: true\n`));
  });
});
