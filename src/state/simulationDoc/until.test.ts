import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { withUntil } from '.';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n';
const untilOf = (text: string) => runScenario(text).trace!.end;

describe('withUntil (extends the run from the unfinished-run notice)', () => {
  it('replaces an existing until and keeps the rest of the text', () => {
    const text = `${POD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nuntil: 40s   # short\nevents:\n  - { at: 33s, do: deletePod }\n`;
    const out = withUntil(text, 80)!;
    expect(out).toBe(text.replace('until: 40s', 'until: 80s'));
    expect(untilOf(out)).toBe(80);
  });

  it('adds the key, or the whole Simulation document, when missing', () => {
    const noKey = withUntil(`${POD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\n`, 90)!;
    expect(noKey).toContain('until: 90s');
    expect(untilOf(noKey)).toBe(90);
    const noDoc = withUntil(POD, 70)!;
    expect(untilOf(noDoc)).toBe(70);
  });

  it('refuses an until it cannot edit safely', () => {
    expect(withUntil(`${POD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nuntil: { a: 1 }\n`, 80)).toBeNull();
  });
});
