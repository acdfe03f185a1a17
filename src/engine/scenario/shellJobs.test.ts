// [15.2] Shell variables the reading follows: assignments, `NAME=$!` naming the last background
// job, and `kill` of the script's own jobs (shellJobs.ts).
import { describe, expect, it } from 'vitest';
import { runScript } from './shellEval';
import { parseShell } from './shellParse';

describe('assignments and background jobs by name', () => {
  it('an assignment alone is a command (`FOO=bar; …` used to be a syntax error to our reader)', () => {
    expect(parseShell('FOO=bar; sleep 5')[0]!.first.cmds[0]).toEqual({ t: 'simple', words: [], assigns: [{ text: 'FOO=bar', dynamic: false }] });
    expect(runScript('FOO=bar; sleep 5; exit 3').outcome).toEqual({ kind: 'exits', seconds: 5, exitCode: 3 });
    expect(runScript('A=1 B=2\nsleep 1').outcome).toEqual({ kind: 'exits', seconds: 1, exitCode: 0 });
  });

  it('`PID=$!` then `wait $PID` waits for that job, as `wait $!` would', () => {
    expect(runScript('sleep 100 & PID=$!; wait $PID; exit 0').outcome).toEqual({ kind: 'exits', seconds: 100, exitCode: 0 });
    expect(runScript('sleep 100 & PID=$!; sleep 5 & wait "$PID"').outcome).toMatchObject({ kind: 'exits', seconds: 100 }); // not the last job: wait for all
    expect(runScript('sleep 100 & PID=$!; PID=other; sleep 3 & wait $PID').outcome).toMatchObject({ kind: 'exits', seconds: 100 });
  });

  it('`kill` of the script\'s job ends it now; a kill of anything else is not followed', () => {
    expect(runScript('sleep 100 & PID=$!; kill $PID; wait $PID; exit 0').outcome).toEqual({ kind: 'exits', seconds: 0, exitCode: 0 });
    expect(runScript('sleep 100 & kill -TERM %1; wait').outcome).toEqual({ kind: 'exits', seconds: 0, exitCode: 0 });
    expect(runScript('kill 1; exit 0').outcome.kind).toBe('unknown');
    expect(runScript('kill $$; exit 0').outcome.kind).toBe('unknown');
  });

  it('upstream deleted_pods_test.go: `PID=$!` then a trap function that kills it, then `wait $PID; exit 0`', () => {
    const r = runScript('sleep 9999999 & PID=$!; _term() { kill $PID; echo "Caught SIGTERM signal!"; }; trap _term SIGTERM; wait $PID; exit 0');
    expect(r.outcome).toEqual({ kind: 'exits', seconds: 9999999, exitCode: 0 });
    expect(r.term).toMatchObject({ kind: 'trap', exitCode: 0, seconds: 0 });
  });

  it('kubernetes#118310\'s StatefulSet script: the trap kills the job during the first wait, then `trap - TERM; wait $PID; exit 0` runs on to exit 0', () => {
    const r = runScript('sleep 9999999 & PID=$!; _term () { kill $PID; echo "Caught SIGTERM signal!"; }; trap _term SIGTERM; wait $PID; trap - TERM; wait $PID; exit 0');
    expect(r.term).toMatchObject({ kind: 'trap', exitCode: 0, seconds: 0, onlyDuring: { from: 0, to: 9999999 } });
    // reset before any wait, the trap is gone: PID 1 ignores SIGTERM
    expect(runScript('sleep 9999999 & PID=$!; trap "kill $PID" TERM; trap - TERM; wait $PID; exit 0').term).toEqual({ kind: 'ignore' });
  });

  it('a TERM trap that kills the background job interrupts the final wait like any other trap', () => {
    expect(runScript("trap 'kill $!' TERM; sleep 9999999 & wait; exit 0").term).toMatchObject({ kind: 'trap', exitCode: 0, seconds: 0 });
  });

  it('a value that runs a command is not followed', () => {
    const r = runScript('NOW=$(date); sleep 2');
    expect(r.outcome).toEqual({ kind: 'exits', seconds: 2, exitCode: 0 });
  });
});
