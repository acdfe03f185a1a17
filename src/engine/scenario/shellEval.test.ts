import { describe, expect, it } from 'vitest';
import { runArgv, runScript } from './shellEval';

describe('shell evaluation', () => {
  it.each([
    ['sleep 30', { kind: 'exits', seconds: 30, exitCode: 0 }],
    ['exit 3', { kind: 'exits', seconds: 0, exitCode: 3 }],
    ['false', { kind: 'exits', seconds: 0, exitCode: 1 }],
    ['true', { kind: 'exits', seconds: 0, exitCode: 0 }],
    ['sleep 5; exit 1', { kind: 'exits', seconds: 5, exitCode: 1 }],
    ['sleep 5 && exit 2', { kind: 'exits', seconds: 5, exitCode: 2 }],
    ['false && sleep 9', { kind: 'exits', seconds: 0, exitCode: 1 }],
    ['false || exit 4', { kind: 'exits', seconds: 0, exitCode: 4 }],
    ['echo hi && sleep 2m', { kind: 'exits', seconds: 120, exitCode: 0 }],
    ['sleep 1 & sleep 3 & wait', { kind: 'exits', seconds: 3, exitCode: 0 }],
    ['for i in 1 2 3; do sleep 2; done', { kind: 'exits', seconds: 6, exitCode: 0 }],
    ['(exit 3); sleep 1', { kind: 'exits', seconds: 1, exitCode: 0 }],
    ['sleep 1 > /dev/null 2>&1; exit 7', { kind: 'exits', seconds: 1, exitCode: 7 }],
    ['FOO=bar sleep 2', { kind: 'exits', seconds: 2, exitCode: 0 }],
    ['sleep infinity', { kind: 'never' }],
    ['tail -f /dev/null', { kind: 'never' }],
    ['while true; do echo hi; sleep 5; done', { kind: 'never' }],
    ['while :; do sleep 1; done', { kind: 'never' }],
    ['until false; do sleep 1; done', { kind: 'never' }],
    ['sleep infinity & wait', { kind: 'never' }],
  ])('%s', (script, outcome) => {
    expect(runScript(script).outcome).toEqual(outcome);
  });

  it('treats until/while with an outside condition as waiting', () => {
    const r = runScript('until nslookup myservice; do echo waiting; sleep 2; done');
    expect(r.outcome).toEqual({ kind: 'waits', what: 'until nslookup myservice; do …; done' });
  });

  it('marks what it cannot understand', () => {
    expect(runScript('nginx -g "daemon off;"').outcome).toMatchObject({ kind: 'unknown' });
    expect(runScript('sleep $DELAY').outcome).toMatchObject({ kind: 'unknown' });
    expect(runScript('if [ -f /x ]; then exit 1; fi').outcome).toMatchObject({ kind: 'unknown' });
    expect(runScript('echo "unterminated').outcome).toMatchObject({ kind: 'unknown' });
  });

  it('tells what SIGTERM does to PID 1', () => {
    expect(runScript('sleep 10').term).toEqual({ kind: 'ignore' });
    expect(runScript("trap 'exit 0' TERM; while true; do sleep 1; done").term).toEqual({ kind: 'trap', exitCode: 0 });
    expect(runScript("trap 'echo bye; exit 3' SIGTERM INT; sleep infinity & wait").term).toEqual({ kind: 'trap', exitCode: 3 });
    expect(runScript("trap 'echo hi' TERM; sleep 100").term).toEqual({ kind: 'ignore' });
    expect(runScript("trap 'exit 0' INT; sleep 100").term).toEqual({ kind: 'ignore' });
    expect(runScript('exec /app/server --port 80').term).toEqual({ kind: 'program', name: 'server' });
    expect(runScript("trap 'exit 0' TERM; exec sleep 100").term).toEqual({ kind: 'ignore' });
  });

  it('sees through wrappers', () => {
    expect(runArgv(['busybox', 'sleep', '5']).outcome).toEqual({ kind: 'exits', seconds: 5, exitCode: 0 });
    expect(runArgv(['env', 'A=1', 'sleep', '2']).outcome).toEqual({ kind: 'exits', seconds: 2, exitCode: 0 });
    expect(runArgv(['timeout', '10', 'sleep', '100']).outcome).toEqual({ kind: 'exits', seconds: 10, exitCode: 124 });
    expect(runArgv(['timeout', '10', 'sleep', '3']).outcome).toEqual({ kind: 'exits', seconds: 3, exitCode: 0 });
    expect(runArgv(['timeout', '5s', 'tail', '-f', '/dev/null']).outcome).toEqual({ kind: 'exits', seconds: 5, exitCode: 124 });
    const tini = runArgv(['tini', '--', 'sleep', 'infinity']);
    expect(tini).toMatchObject({ outcome: { kind: 'never' }, term: { kind: 'forward', init: 'tini' } });
  });

  it('runs argv directly and follows nested shells', () => {
    expect(runArgv(['sleep', '10']).outcome).toEqual({ kind: 'exits', seconds: 10, exitCode: 0 });
    expect(runArgv(['/bin/sh', '-c', 'sleep 2; exit 5']).outcome).toEqual({ kind: 'exits', seconds: 2, exitCode: 5 });
    expect(runArgv(['sh']).outcome).toEqual({ kind: 'exits', seconds: 0, exitCode: 0 });
    expect(runArgv(['/app/server']).term).toEqual({ kind: 'program', name: 'server' });
  });
});
