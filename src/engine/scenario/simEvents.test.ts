import { describe, expect, it } from 'vitest';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod('  containers:\n    - {name: app, image: nginx}\n    - {name: log, image: fluent-bit}\n');
const sim = (body: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\nevents:\n${body}---\n${WORKLOAD}`;

describe('Simulation events', () => {
  it('reads evictPod with its threshold and shutdownNode, both acting on the whole pod ([8.15], [8.16])', () => {
    const r = ok(check(sim([
      '  - { at: 20s, do: evictPod }',
      '  - { at: 30s, do: evictPod, threshold: soft }',
      '  - { at: 60s, do: shutdownNode }',
      '',
    ].join('\n'))).result);
    expect(r.scenario.sim.events.map(({ pos: _pos, ...e }) => e)).toEqual([
      { at: 20, do: 'evictPod' },
      { at: 30, do: 'evictPod', threshold: 'soft' },
      { at: 60, do: 'shutdownNode' },
    ]);
    expect(check(sim('  - { at: 1s, do: evictPod, threshold: medium }\n')).errors).toEqual([
      '4:40 events[0].threshold: Unsupported value: "medium": supported values: "hard", "soft"',
    ]);
    const stray = check(sim('  - { at: 1s, do: shutdownNode, threshold: soft, container: app }\n'));
    expect(stray.warnings).toEqual([
      '4:33 events[0].threshold: threshold is used only by evictPod; ignored for shutdownNode',
      '4:50 events[0].container: shutdownNode acts on the whole pod; container is ignored',
    ]);
  });

  it('reads events, applies defaults, and sorts them by time (stable)', () => {
    const r = ok(check(sim([
      '  - { at: 45s, container: app, do: crash }',
      '  - { at: 60s, container: app, do: exit }',
      '  - { at: 10s, container: log, do: oomKill }',
      '  - { at: 10s, container: app, do: failLiveness, for: 30s }',
      '  - { at: 1m, container: app, do: setImage, image: "app:v2" }',
      '  - { at: 90s, do: deletePod, gracePeriodSeconds: 10 }',
      '  - { at: 5, do: recreateSandbox }',
      '',
    ].join('\n'))).result);
    expect(r.scenario.sim.events.map(({ pos: _pos, ...e }) => e)).toEqual([
      { at: 5, do: 'recreateSandbox' },
      { at: 10, do: 'oomKill', container: 'log', exitCode: 137 },
      { at: 10, do: 'failLiveness', container: 'app', for: 30 },
      { at: 45, do: 'crash', container: 'app', exitCode: 1 },
      { at: 60, do: 'exit', container: 'app', exitCode: 0 },
      { at: 60, do: 'setImage', container: 'app', image: 'app:v2' },
      { at: 90, do: 'deletePod', gracePeriodSeconds: 10 },
    ]);
    expect(r.scenario.sim.events[0]?.pos).toEqual({ line: 10, col: 5 });
  });

  it('suggests close action names', () => {
    expect(check(sim('  - { at: 1s, container: app, do: oomkill }\n')).errors[0]).toMatch(/\(did you mean "oomKill"\?\)$/);
  });

  it('validates actions, containers and required fields', () => {
    const c = check(sim([
      '  - { at: 1s, container: app, do: kil }',
      '  - { at: 1s, do: crash }',
      '  - { at: 1s, container: ap, do: crash }',
      '  - { container: app, do: exit }',
      '  - { at: 1s, container: app, do: setImage }',
      '  - { at: 1s, container: app, do: crash, exitCode: -1, colour: red }',
      '  - just words',
      '',
    ].join('\n')));
    expect(c.errors).toEqual([
      '4:35 events[0].do: Unsupported value: "kil": supported values: "crash", "exit", "oomKill", "failLiveness", "failReadiness", "failStartup", "failPull", "setImage", "deletePod", "recreateSandbox", "killSandbox", "restartKubelet", "evictPod", "shutdownNode"',
      '5:5 events[1].container: Required value: crash needs the container it acts on (one of app, log)',
      '6:26 events[2].container: no container named "ap" in the workload (did you mean "app"?)',
      '7:5 events[3].at: Required value: when the event happens, e.g. at: 30s',
      '8:5 events[4].image: Required value: setImage needs the new image, e.g. image: app:v2',
      '9:52 events[5].exitCode: an exit code must be an integer from 0 to 255',
      expect.stringMatching(/^9:56 events\[5\].colour: unknown field "colour" in an event/),
      '10:5 events[6]: each event must be a mapping such as { at: 30s, container: app, do: crash }',
    ]);
  });

  it('warns about fields an action ignores', () => {
    const c = check(sim('  - { at: 1s, container: app, do: deletePod, for: 3s }\n'));
    expect(c.warnings).toEqual([
      '4:15 events[0].container: deletePod acts on the whole pod; container is ignored',
      '4:46 events[0].for: for is used only by failLiveness, failReadiness, failStartup, failPull; ignored for deletePod',
    ]);
  });

  it('reads statusCode, the failing HTTP status of an injected probe failure [5.13], and says where a wrong one is', () => {
    const r = ok(check(sim('  - { at: 5s, container: app, do: failReadiness, for: 10s, statusCode: 503 }\n')).result);
    expect(r.scenario.sim.events[0]).toMatchObject({ do: 'failReadiness', statusCode: 503 });
    for (const bad of ['200', '302', '99', '600', '"500"', '5.5e2x']) {
      expect(check(sim(`  - { at: 5s, container: app, do: failLiveness, statusCode: ${bad} }\n`)).errors, bad).toEqual([
        expect.stringMatching(/^4:\d+ events\[0\]\.statusCode: statusCode must be a failing HTTP status, an integer from 400 to 599 \(the HTTP prober passes 200-399\)$/),
      ]);
    }
    expect(check(sim('  - { at: 5s, container: app, do: crash, statusCode: 500 }\n')).warnings).toEqual([
      '4:42 events[0].statusCode: statusCode is used only by failLiveness, failReadiness, failStartup; ignored for crash',
    ]);
  });

  it('reads a failPull\'s message, the runtime\'s error for the pull [10.9], and says where a wrong one is', () => {
    const r = ok(check(sim('  - { at: 0s, container: app, do: failPull, message: "rpc error: code = NotFound desc = x: not found" }\n')).result);
    expect(r.scenario.sim.events[0]).toMatchObject({ do: 'failPull', message: 'rpc error: code = NotFound desc = x: not found' });
    for (const bad of ['""', '42', `"${'x'.repeat(1001)}"`]) {
      expect(check(sim(`  - { at: 0s, container: app, do: failPull, message: ${bad} }\n`)).errors, bad).toEqual([
        expect.stringMatching(/^4:\d+ events\[0\]\.message: message (must be the runtime's error for the pull|is 1001 characters long \(at most 1000\))/),
      ]);
    }
    expect(check(sim('  - { at: 5s, container: app, do: crash, message: boom }\n')).warnings).toEqual([
      expect.stringMatching(/^4:\d+ events\[0\]\.message: message is used only by failPull; ignored for crash$/),
    ]);
  });
});
