import { describe, expect, it } from 'vitest';
import { readCommand } from './infer';
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
    // [15.2] loops over known values, functions, `wait $!`, constant loop conditions
    ['for i in $(seq 1 5); do echo $i; sleep 3; done', { kind: 'exits', seconds: 15, exitCode: 0 }],
    ['for i in `seq 2 2 10`; do sleep 1; done', { kind: 'exits', seconds: 5, exitCode: 0 }],
    ['for i in $(seq 3); do sleep 1; done; exit 4', { kind: 'exits', seconds: 3, exitCode: 4 }],
    ['for i in {1..5}; do sleep 2; done', { kind: 'exits', seconds: 2, exitCode: 0 }], // sh has no brace ranges: one word
    ['f() { sleep 2; return 3; }; f; f; exit $?', { kind: 'exits', seconds: 4, exitCode: 3 }],
    ['f() { sleep 2; return 3; }; f && exit 1; f || exit 5', { kind: 'exits', seconds: 4, exitCode: 5 }],
    ['function g { sleep 1; }; g; g', { kind: 'exits', seconds: 2, exitCode: 0 }],
    ['sleep 9 & sleep 2 & wait $!', { kind: 'exits', seconds: 2, exitCode: 0 }],
    ['exec sleep 4 & wait $!; exit 2', { kind: 'exits', seconds: 4, exitCode: 2 }],
    ['while sleep 5; do echo tick; done', { kind: 'never' }],
    ['while read line; do echo $line; done', { kind: 'exits', seconds: 0, exitCode: 0 }],
    ['until true; do sleep 1; done; sleep 2', { kind: 'exits', seconds: 2, exitCode: 0 }],
  ])('%s', (script, outcome) => {
    expect(runScript(script).outcome).toEqual(outcome);
    // [15.3] exec'ing the last command changes who is PID 1, never how long the script runs or its code
    if (!script.includes('{1..5}')) for (const flavour of ['bash', 'ash'] as const) expect(runScript(script, 0, flavour).outcome, flavour).toEqual(outcome);
  });

  it('bash expands {1..5}; sh reads it as one word [15.2]', () => {
    expect(runScript('for i in {1..5}; do sleep 2; done', 0, 'bash').outcome).toEqual({ kind: 'exits', seconds: 10, exitCode: 0 });
  });

  it('gives up on commands nested deeper than the reader follows (issue 17: 1,000 nested subshells)', () => {
    const deep = `${'('.repeat(1000)}sleep 1${')'.repeat(1000)}`;
    expect(runScript(deep).outcome).toMatchObject({ kind: 'unknown' });
    expect(runScript(`${'{ '.repeat(5000)}sleep 1;${' };'.repeat(5000)}`).outcome).toMatchObject({ kind: 'unknown' });
    expect(runScript(`${'('.repeat(20)}sleep 1${')'.repeat(20)}`).outcome).toEqual({ kind: 'exits', seconds: 1, exitCode: 0 });
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
    expect(runScript("trap 'exit 0' TERM; while true; do sleep 1; done").term).toEqual({
      kind: 'trap', exitCode: 0, seconds: 0, armedAt: 0,
      timeline: { holds: [], loops: [{ from: 0, period: 1, holds: [{ from: 0, to: 1 }], end: Infinity }] },
    });
    expect(runScript("trap 'echo bye; exit 3' SIGTERM INT; sleep infinity & wait").term).toEqual({
      kind: 'trap', exitCode: 3, seconds: 0, armedAt: 0, timeline: { holds: [], loops: [] },
    });
    expect(runScript("trap 'echo hi' TERM; sleep 100").term).toEqual({ kind: 'ignore' });
    expect(runScript("trap 'exit 0' INT; sleep 100").term).toEqual({ kind: 'ignore' });
    expect(runScript('exec /app/server --port 80').term).toEqual({ kind: 'program', name: 'server' });
    expect(runScript("trap 'exit 0' TERM; exec sleep 100").term).toEqual({ kind: 'ignore' });
  });

  it('times a trap: its own run time, when it is set, and the foreground commands that hold it back [15.3]', () => {
    expect(runScript("trap 'echo bye; sleep 3; exit 0' TERM; sleep infinity & wait").term).toMatchObject({ kind: 'trap', seconds: 3, exitCode: 0 });
    expect(runScript('trap "exit 0" TERM; sleep 3600').term).toMatchObject({ timeline: { holds: [{ from: 0, to: 3600 }] } });
    expect(runScript("sleep 5; trap 'exit 1' TERM; sleep 10 & wait").term).toMatchObject({ armedAt: 5, exitCode: 1 });
    expect(runScript("_term() { sleep 2; exit 7; }; trap _term TERM; sleep 60 & wait $!").term).toMatchObject({ kind: 'trap', seconds: 2, exitCode: 7 });
    expect(runScript("trap 'exit 0' TERM; (sleep 5); tail -f /dev/null").term).toMatchObject({
      timeline: { holds: [{ from: 0, to: 5 }, { from: 5, to: Infinity }] },
    });
    expect(runScript("trap 'exit 0' TERM; for i in 1 2; do sleep 2; sleep 1 & wait; done").term).toMatchObject({
      timeline: { holds: [{ from: 0, to: 2 }, { from: 3, to: 5 }] },
    });
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

// [15.3] bash (builtins/evalstring.c should_suppress_fork, can_optimize_connection) and busybox ash
// (ash_main's evalstring(minusc, EV_EXIT), evalcommand) exec the last simple command of a -c
// string instead of forking it, unless a trap is set (bash: or the command is redirected); dash as
// Debian ships it is read as keeping the shell as PID 1.
describe('the last command of a -c script, exec\'d by bash and busybox ash [15.3]', () => {
  const server = "echo starting; nginx -g 'daemon off;'";

  it('makes an unknown last program PID 1, which stops on SIGTERM; posix sh stays PID 1 and ignores it', () => {
    expect(runScript(server, 0, 'bash').term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript(server, 0, 'ash').term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript(server).term).toEqual({ kind: 'ignore' });
  });

  it('is the shell until the exec: a SIGTERM before it is lost', () => {
    expect(runScript('sleep 5; /app/server', 0, 'bash').term).toEqual({ kind: 'program', name: 'server', at: 5, lastCommand: true });
    expect(runScript('sleep 5; exec /app/server', 0, 'bash').term).toEqual({ kind: 'program', name: 'server', at: 5 }); // the script's own exec
  });

  it('follows && and ||: the last pipeline of the chain, when it runs', () => {
    expect(runScript('mkdir -p /data && echo ok && /app/server', 0, 'bash').term).toMatchObject({ kind: 'program', name: 'server', lastCommand: true });
    expect(runScript('true || /app/server', 0, 'bash')).toMatchObject({ outcome: { kind: 'exits', exitCode: 0 }, term: { kind: 'ignore' } });
  });

  it('keeps a sleep or tail as PID 1 ignoring SIGTERM, as the shell would', () => {
    expect(runScript('echo hi; sleep 3600', 0, 'bash').term).toEqual({ kind: 'ignore' });
    expect(runScript('tail -f /dev/null', 0, 'ash')).toEqual({ outcome: { kind: 'never' }, term: { kind: 'ignore' }, explicitExit: false });
  });

  it('is not done after a trap on any signal, for a function of the script, a pipeline, a negation or a background job', () => {
    for (const script of [
      `trap 'echo bye' INT; ${server}`,
      "run() { nginx -g 'daemon off;'; }; run",
      "nginx -g 'daemon off;' | tee /tmp/log",
      "! nginx -g 'daemon off;'",
      "nginx -g 'daemon off;' &",
    ]) {
      expect(runScript(script, 0, 'bash').term, script).not.toMatchObject({ kind: 'program' });
      expect(runScript(script, 0, 'ash').term, script).not.toMatchObject({ kind: 'program' });
    }
  });

  it('bash forks a redirected last command; busybox ash execs it with the redirection', () => {
    const redirected = "nginx -g 'daemon off;' > /var/log/out.log 2>&1";
    expect(runScript(redirected, 0, 'bash').term).toEqual({ kind: 'ignore' });
    expect(runScript(redirected, 0, 'ash').term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript('>/dev/null /app/server', 0, 'bash').term).toEqual({ kind: 'ignore' });
  });

  it('reads a shell the script starts as that shell: `bash -c`, `busybox sh -c`, and `sh -c` as the image\'s sh', () => {
    expect(runScript(`bash -c "${server}"`).term).toEqual({ kind: 'ignore' }); // the posix sh forks bash, which stays its child
    expect(runScript(`exec bash -c "${server}"`).term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript(`exec busybox sh -c "${server}"`).term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript(`exec sh -c "${server}"`, 0, 'posix', 'ash').term).toEqual({ kind: 'program', name: 'nginx', lastCommand: true });
    expect(runScript(`exec sh -c "${server}"`).term).toEqual({ kind: 'ignore' });
  });
});


describe('hostile input: a for loop of a billion rounds', () => {
  it('is read to its end (the exit code and time follow, the output is too long to keep); shellCompound.ts runFor takes no step per round whose body puts nothing on the timeline', () => {
    const r = readCommand(['sh', '-c', 'for i in $(seq 1 1000000000); do echo x; done; exit 3'], 'busybox');
    expect(r.outcome).toMatchObject({ kind: 'exits', exitCode: 3, seconds: 0 });
    expect(r.out).toBeNull(); // a billion lines are more than the reader keeps
  });
});
