import { describe, expect, it } from 'vitest';
import { hookBehavior, inferProcess, probeVerdict } from './infer';

describe('inferProcess (contract section 1)', () => {
  it('a shell that execs its program after a sleep ignores SIGTERM until the exec, then the program stops at once [15.3]', () => {
    const later = inferProcess({ image: 'nginx:alpine', command: ['sh', '-c', "sleep 90 && exec nginx -g 'daemon off;'"] });
    expect(later.onStop).toEqual({ kind: 'exit', after: 0, exitCode: 0, trap: { armedAt: 90, timeline: { holds: [], loops: [] }, exec: 'nginx' } });
    expect(later.note).toMatch(/ignores SIGTERM until it execs nginx 90 s after the start/);
    // exec'd at once: the program is PID 1 from the start
    expect(inferProcess({ image: 'nginx:alpine', command: ['sh', '-c', "exec nginx -g 'daemon off;'"] }).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 0 });
  });

  it('sleep N exits 0 after N, ignoring SIGTERM as PID 1', () => {
    const r = inferProcess({ image: 'busybox', command: ['sleep', '30'] });
    expect(r).toMatchObject({ exitAfter: 30, exitCode: 0, onStop: { kind: 'ignore' }, understood: true });
    expect(r.note).toBe('sleep 30 → exits 0 after 30 s; ignores SIGTERM as PID 1, so it is killed at the end of the grace period');
  });

  it('exit N / false / true exit at once', () => {
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c', 'exit 2'] })).toMatchObject({ exitAfter: 0, exitCode: 2 });
    expect(inferProcess({ image: 'busybox', command: ['false'] })).toMatchObject({ exitAfter: 0, exitCode: 1 });
    expect(inferProcess({ image: 'busybox', command: ['true'] })).toMatchObject({ exitAfter: 0, exitCode: 0, note: 'true → exits 0 at once' });
  });

  it('sleep N; exit M and sleep N && exit M', () => {
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'] })).toMatchObject({ exitAfter: 5, exitCode: 1 });
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c'], args: ['sleep 5 && exit 3'] })).toMatchObject({ exitAfter: 5, exitCode: 3 });
  });

  it('never-ending shapes', () => {
    for (const command of [['sleep', 'infinity'], ['tail', '-f', '/dev/null'], ['sh', '-c', 'while true; do sleep 1; done']]) {
      expect(inferProcess({ image: 'busybox', command })).toMatchObject({ exitAfter: null, understood: true, onStop: { kind: 'ignore' } });
    }
  });

  it('until loops are long-running with a note', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', 'until nslookup mydb; do echo waiting for mydb; sleep 2; done'] });
    expect(r).toMatchObject({ exitAfter: null, understood: false });
    expect(r.note).toMatch(/^until nslookup mydb; do …; done waits for something the simulator cannot see: assumed long-running/);
  });

  it('a trap on TERM that exits handles the stop signal at once', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', "trap 'exit 0' TERM; sleep infinity & wait"] });
    expect(r).toMatchObject({ exitAfter: null, onStop: { kind: 'exit', after: 0, exitCode: 0 } });
    expect(r.note).toMatch(/its TERM trap exits 0 at once/);
  });

  it('no command: shell images exit 0 at once, other images run and stop on SIGTERM', () => {
    expect(inferProcess({ image: 'busybox:1.28' })).toMatchObject({ exitAfter: 0, exitCode: 0, understood: true });
    expect(inferProcess({ image: 'busybox:1.28' }).note).toBe("no command: busybox's default command is a shell, which exits 0 at once without a terminal");
    expect(inferProcess({ image: 'nginx:1.27' })).toMatchObject({ exitAfter: null, onStop: { kind: 'exit', after: 0, exitCode: 0 } });
    expect(inferProcess({ image: 'istio/proxyv2:1.16.0', args: ['proxy', 'sidecar'] }).note).toBe("no command: proxyv2's own entrypoint with args proxy sidecar, assumed long-running; stops at once on SIGTERM with code 0");
  });

  it('an init like tini forwards SIGTERM to its child', () => {
    expect(inferProcess({ image: 'app', command: ['tini', '--', 'sleep', 'infinity'] })).toMatchObject({
      exitAfter: null, understood: true, onStop: { kind: 'exit', after: 0, exitCode: 143 },
    });
  });

  it('args alone on a shell image are the command', () => {
    expect(inferProcess({ image: 'busybox', args: ['sleep', '10'] })).toMatchObject({ exitAfter: 10 });
  });

  it('anything not understood is long-running, with a note saying so', () => {
    const direct = inferProcess({ image: 'myapp', command: ['/app/server', '--port=80'] });
    expect(direct).toMatchObject({ exitAfter: null, understood: false, onStop: { kind: 'exit', after: 0, exitCode: 0 } });
    expect(direct.note).toMatch(/^can't tell what \/app\/server --port=80 does: assumed long-running/);
    // [15.3] Debian's sh (dash) stays PID 1 and ignores SIGTERM; busybox ash and bash exec the last command
    const viaShell = inferProcess({ image: 'python:3.12', command: ['sh', '-c', 'python3 -m http.server'] });
    expect(viaShell).toMatchObject({ exitAfter: null, understood: false, onStop: { kind: 'ignore' } });
    for (const [image, argv0] of [['busybox', 'sh'], ['python:3.12-alpine', 'sh'], ['python:3.12', 'bash'], ['fedora:41', 'sh']] as const) {
      const exec = inferProcess({ image, command: [argv0, '-c', 'python3 -m http.server'] });
      expect(exec, `${image} ${argv0}`).toMatchObject({ exitAfter: null, understood: false, onStop: { kind: 'exit', after: 0, exitCode: 0 } });
    }
    expect(inferProcess({ image: 'nginx:1.27', command: ['/bin/bash', '-c'], args: ["echo hi > /tmp/x;\nnginx -g 'daemon off;';\n"] }).note)
      .toMatch(/the shell execs its last command, nginx, as PID 1, assumed to stop at once on SIGTERM with code 0/);
  });
});

describe('probe verdicts', () => {
  it('judges literal commands', () => {
    expect(probeVerdict(['false'])).toBe('fail');
    expect(probeVerdict(['sh', '-c', 'exit 1'])).toBe('fail');
    expect(probeVerdict(['/bin/true'])).toBe('pass');
    expect(probeVerdict(['sh', '-c', 'exit 0'])).toBe('pass');
    expect(probeVerdict(['cat', '/tmp/healthy'])).toBeUndefined();
    expect(probeVerdict(undefined)).toBeUndefined();
  });
});

describe('hook behaviour', () => {
  it('sleep handlers and exec sleep take their time', () => {
    expect(hookBehavior({ handler: 'sleep', sleepSeconds: 5 })).toEqual({ duration: 5, exitCode: 0 });
    expect(hookBehavior({ handler: 'exec', command: ['sh', '-c', 'sleep 3'] })).toEqual({ duration: 3, exitCode: 0 });
    expect(hookBehavior({ handler: 'exec', command: ['sleep', 'infinity'] })).toEqual({ duration: null, exitCode: 0 });
    expect(hookBehavior({ handler: 'exec', command: ['false'] })).toEqual({ duration: 0, exitCode: 1 });
    expect(hookBehavior({ handler: 'httpGet' })).toEqual({ duration: 0, exitCode: 0 });
    expect(hookBehavior(undefined)).toEqual({ duration: 0, exitCode: 0 });
  });
});
