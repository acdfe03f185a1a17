import { describe, expect, it } from 'vitest';
import { buildBehavior } from './behavior';
import { check, ok, pod } from './testUtil';
import type { ContainerSpec } from './types';

const spec = (over: Partial<ContainerSpec>): ContainerSpec => ({
  name: 'c', image: 'busybox', kind: 'main', index: 0, imagePullPolicy: 'Always', pos: { line: 1, col: 1 }, ...over,
});

describe('behaviours', () => {
  it('infers from the command when there is no Simulation entry', () => {
    const b = buildBehavior(spec({ command: ['sleep', '30'] }), undefined);
    expect(b).toEqual({
      pull: 0.5, startDelay: 0, readyAfter: 0, exitAfter: 30, exitCode: 0, onStop: { kind: 'ignore' },
      postStart: { duration: 0, exitCode: 0 }, preStop: { duration: 0, exitCode: 0 },
      source: 'inferred',
      note: 'sleep 30 → exits 0 after 30 s; ignores SIGTERM as PID 1, so it is killed at the end of the grace period',
    });
  });

  it("marks behaviour it could not understand as 'default'", () => {
    expect(buildBehavior(spec({ command: ['/bin/app'] }), undefined).source).toBe('default');
  });

  it('lets the Simulation entry win field by field and says what was inferred', () => {
    const b = buildBehavior(spec({ command: ['sleep', '30'] }), { keySpan: { line: 1, col: 1, endLine: 1, endCol: 2 }, startDelay: 2, exitCode: 3 });
    expect(b).toMatchObject({ startDelay: 2, readyAfter: 2, exitAfter: 30, exitCode: 3, source: 'simulation' });
    expect(b.note).toBe('Simulation document: up after 2 s; exits 3 after 30 s; ignores SIGTERM (killed at the end of the grace period) (exitAfter, onStop inferred from the command)');
  });

  it('emits an info hint at each container without a Simulation entry', () => {
    const c = check(`apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n  b: {exitAfter: 1s}\n---\n${pod([
      '  containers:',
      '    - name: a',
      '      image: busybox',
      '      command: [sleep, "10"]',
      '    - name: b',
      '      image: busybox',
      '',
    ].join('\n'))}`);
    expect(c.infos).toEqual(['12:7 spec.containers[0]: a: sleep 10 → exits 0 after 10 s; ignores SIGTERM as PID 1, so it is killed at the end of the grace period']);
    const r = ok(c.result);
    expect(r.scenario.sim.behaviors.b?.source).toBe('simulation');
    expect(r.scenario.problems).toEqual(r.problems);
  });

  it('reads registryCheck, the pull that only asks the registry under imagePullPolicy Always, and warns at its line under another policy [15.6]', () => {
    const text = (image: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n  a: {pull: 1s, registryCheck: 3s}\n---\n${pod([
      '  containers:',
      '    - name: a',
      `      image: ${image}`,
      '',
    ].join('\n'))}`;
    const always = check(text('example/app')); // no tag: imagePullPolicy Always
    expect(ok(always.result).scenario.sim.behaviors.a).toMatchObject({ pull: 1, registryCheck: 3 });
    expect(always.warnings).toEqual([]);
    expect(check(text('example/app:1')).warnings).toEqual([
      "4:17 containers.a.registryCheck: registryCheck is used only with imagePullPolicy Always, which asks the registry again before every start; a's policy is IfNotPresent, so an image on the node is not pulled: ignored",
    ]);
  });
});
