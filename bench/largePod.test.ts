import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/engine/scenario/parse';
import { simulate } from '../src/engine/sim/simulate';
import { largePodText } from './engine';
import { KEYSTROKE_POD_40 } from './web';

describe('the 40-container pod of engine.eventsPerSecond (contract section 5)', () => {
  const parsed = parseScenario(largePodText());

  it('reads without a problem: 4 init containers, 6 sidecars and 30 main containers, for an hour', () => {
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
    expect(parsed.scenario.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    const { initContainers, containers } = parsed.scenario.pod;
    expect(initContainers.filter((c) => c.kind === 'init')).toHaveLength(4);
    expect(initContainers.filter((c) => c.kind === 'sidecar')).toHaveLength(6);
    expect(containers).toHaveLength(30);
    expect(parsed.scenario.sim.until).toBe(3600);
  });

  it('probes every sidecar and main container each second', () => {
    if (!parsed.ok) throw new Error('does not parse');
    const probed = [...parsed.scenario.pod.initContainers, ...parsed.scenario.pod.containers].filter((c) => c.kind !== 'init');
    for (const c of probed) {
      expect(c.readinessProbe?.periodSeconds).toBe(1);
      expect(c.livenessProbe?.periodSeconds).toBe(1);
    }
  });

  it('is the pod the 40-container keystroke figure types in, its first exitAfter line init-0’s', () => {
    expect(KEYSTROKE_POD_40).toBe(largePodText());
    const lines = KEYSTROKE_POD_40.split('\n');
    const first = lines.findIndex((l) => /^\s+exitAfter: \d+s/.test(l));
    expect(lines[first - 1]).toBe('  init-0:');
  });

  it('keeps its faults busy for the whole hour: restarts and readiness changes after the first minute', () => {
    if (!parsed.ok) throw new Error('does not parse');
    const events = simulate(parsed.scenario).events;
    expect(events.filter((e) => e.type === 'fault')).toHaveLength(60);
    expect(events.filter((e) => e.type === 'container.start' && e.t > 60).length).toBeGreaterThan(15);
    expect(events.filter((e) => e.type === 'container.unready').length).toBeGreaterThan(30);
  });
});
