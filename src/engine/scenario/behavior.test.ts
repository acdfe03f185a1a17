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

  it('reads imageSize, the bytes a 1.30+ Pulled message names; anything but a whole number of bytes is an error at its line [10.6]', () => {
    const text = (entry: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n  a: ${entry}\n---\n${pod([
      '  containers:',
      '    - name: a',
      '      image: nginx:1.29',
      '',
    ].join('\n'))}`;
    expect(ok(check(text('{imageSize: 72324501}')).result).scenario.sim.behaviors.a).toMatchObject({ imageSize: 72324501 });
    expect(ok(check(text('{pull: 1s}')).result).scenario.sim.behaviors.a!.imageSize).toBeUndefined();
    for (const bad of ['-1', '1.5', '72MB', '1e13']) {
      expect(check(text(`{imageSize: ${bad}}`)).errors, bad).toEqual(['4:18 containers.a.imageSize: imageSize must be a whole number of bytes, from 0 to 10^12 (e.g. 72324501)']);
    }
  });

  it('reads startError: true, the runtime\'s message, or false in a run; anything else is an error at its line [3.5]', () => {
    const text = (entry: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n  a: ${entry}\n---\n${pod([
      '  containers:',
      '    - name: a',
      '      image: centos:7',
      '      command: ["bashz"]',
      '',
    ].join('\n'))}`;
    const b = (entry: string) => ok(check(text(entry)).result).scenario.sim.behaviors.a!;
    expect(b('{startError: true}')).toMatchObject({ startError: true });
    expect(b('{startError: true}').note).toBe('Simulation document: its start fails (executable file not found), so it never runs');
    expect(b('{startError: "exec: \\"/app\\": permission denied"}')).toMatchObject({ startError: 'exec: "/app": permission denied' });
    expect(b('{startError: false}').startError).toBeUndefined();
    expect(b('{startError: true, runs: [{}, {startError: false}]}').attempts).toEqual({ 1: { startError: false } });
    expect(check(text('{startError: 3}')).errors).toEqual([
      "4:19 containers.a.startError: startError must be true (the start fails: executable file not found), false, or the runtime's message",
    ]);
    expect(check(text('{startError: ""}')).errors).toHaveLength(1);
    expect(check(text(`{startError: "${'x'.repeat(1001)}"}`)).errors).toEqual([
      '4:19 containers.a.startError: startError\'s message is 1001 characters long (at most 1000)',
    ]);
  });
});
