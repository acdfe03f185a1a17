import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod([
  '  containers:',
  '    - name: app',
  '      image: busybox',
  '      command: ["sh", "-c", "sleep 30; exit 2"]',
  '      lifecycle: {preStop: {exec: {command: ["sleep", "5"]}}}',
  '',
].join('\n'));
const sim = (body: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n${body}---\n${WORKLOAD}`;

describe('Simulation containers', () => {
  it('overrides inferred behaviour field by field', () => {
    const r = ok(check(sim('  app:\n    startDelay: 2s\n    exitCode: 7\n')).result);
    expect(r.scenario.sim.behaviors.app).toMatchObject({
      pull: 0.5, startDelay: 2, readyAfter: 2, exitAfter: 30, exitCode: 7, onStop: { kind: 'ignore' }, source: 'simulation',
      preStop: { duration: 5, exitCode: 0 },
    });
  });

  it('reads every field', () => {
    const r = ok(check(sim([
      '  app:',
      '    pull: 1s',
      '    startDelay: 500ms',
      '    readyAfter: 3s',
      '    exitAfter: never',
      '    exitCode: 0',
      '    onStop: { after: 1s, exitCode: 143 }',
      '    preStop: { duration: never, exitCode: 1 }',
      '    runs:',
      '      - { exitAfter: 5s, exitCode: 1 }',
      '      - {}',
      '      - { startDelay: 10s }',
      '',
    ].join('\n'))).result);
    expect(r.scenario.sim.behaviors.app).toMatchObject({
      pull: 1, startDelay: 0.5, readyAfter: 3, exitAfter: null, exitCode: 0,
      onStop: { kind: 'exit', after: 1, exitCode: 143 }, preStop: { duration: null, exitCode: 1 },
      attempts: { 0: { exitAfter: 5, exitCode: 1 }, 2: { startDelay: 10 } },
    });
    expect(ok(check(sim('  app: { onStop: ignore }\n')).result).scenario.sim.behaviors.app?.onStop).toEqual({ kind: 'ignore' });
  });

  it('checks names with a hint, and fields', () => {
    const c = check(sim([
      '  ap:',
      '    exitAfter: 3s',
      '  app:',
      '    exitafter: 3s',
      '    exitCode: 300',
      '    onStop: sometimes',
      '    pull: -1',
      '',
    ].join('\n')));
    expect(c.errors).toEqual([
      '4:3 containers.ap: no container named "ap" in the workload (did you mean "app"?)',
      expect.stringMatching(/^7:5 containers.app.exitafter: unknown field "exitafter" in a container entry \(did you mean "exitAfter"\?\)/),
      '8:15 containers.app.exitCode: an exit code must be an integer from 0 to 255',
      '9:13 containers.app.onStop: onStop must be "ignore" or a mapping such as { after: 1s, exitCode: 0 }',
      '10:11 containers.app.pull: a duration may not be negative (got -1s)',
    ]);
  });

  it('warns about hook behaviour for a hook the spec does not have', () => {
    expect(check(sim('  app:\n    postStart: { duration: 1s }\n')).warnings).toEqual([
      '5:5 containers.app.postStart: app has no postStart hook in its spec, so this is never used',
    ]);
  });

  it('warns about hook behaviour for a tcpSocket hook, which the kubelet never runs (handlers.go Run, every minor; [3.4])', () => {
    const tcpHook = pod([
      '  containers:',
      '    - name: app',
      '      image: busybox',
      '      command: ["sh", "-c", "sleep 30"]',
      '      lifecycle: {preStop: {tcpSocket: {port: 8080}}}',
      '',
    ].join('\n'));
    const c = check(`apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n  app:\n    preStop: { duration: 5s }\n---\n${tcpHook}`);
    expect(c.warnings).toEqual([
      '5:5 containers.app.preStop: app\'s preStop hook is a tcpSocket handler, which the kubelet never runs (it fails at once: "Cannot run handler: invalid handler"), so this is never used',
    ]);
    expect(ok(c.result).scenario.sim.behaviors.app?.preStop).toEqual({ duration: 0, exitCode: 0 });
  });
});
