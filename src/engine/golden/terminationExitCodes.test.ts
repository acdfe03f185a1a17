// Final phase and exit codes when a pod with sidecars is deleted (E63–E68 of kubelet-cases.md;
// hard behaviours 5.2 and 5.3: sidecar exit codes never decide the phase; grace exhaustion gives
// each remaining container its stop signal plus a 2s minimum before SIGKILL).
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import { expectThat, finalPhase, justBefore, lastExit, phaseAt } from './logAssertions';

type Outcome = [exitCode: number, reason: 'Completed' | 'Error'];
const OK: Outcome = [0, 'Completed'];
const KILLED: Outcome = [137, 'Error'];

interface Case {
  id: string;
  title: string;
  phase: 'Succeeded' | 'Failed';
  expect: Record<string, Outcome>;
}

const CASES: Case[] = [
  {
    id: 'E63', phase: 'Succeeded',
    title: 'should mark pod as succeeded if any of the restartable init containers have terminated with non-zero exit code',
    expect: { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': [1, 'Error'], 'restartable-init-3': OK },
  },
  {
    id: 'E64', phase: 'Succeeded',
    title: 'should mark pod as succeeded if any of the restartable init containers have terminated with non-zero exit code by prestop hook',
    expect: { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': OK, 'restartable-init-3': OK },
  },
  {
    id: 'E65', phase: 'Failed',
    title: 'should mark pod as failed if regular container has exceeded its termination grace period seconds',
    expect: { 'regular-1': KILLED, 'restartable-init-1': KILLED, 'restartable-init-2': OK, 'restartable-init-3': KILLED },
  },
  {
    id: 'E66', phase: 'Succeeded',
    title: 'should mark pod as succeeded if any of the restartable init containers have exceeded its termination grace period seconds',
    expect: { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK },
  },
  {
    id: 'E67', phase: 'Failed',
    title: 'should mark pod as failed if any of the prestop hook in regular container has exceeded its termination grace period seconds',
    expect: { 'regular-1': KILLED, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK },
  },
  {
    id: 'E68', phase: 'Succeeded',
    title: 'should mark pod as succeeded if any of the prestop hook in restartable init containers have exceeded its termination grace period seconds',
    expect: { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK },
  },
];

describe('a pod with restartable init containers is terminating: final phase and exit codes', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.title}`, () => {
      const g = runFixture(c.id);
      const { trace } = g;
      const names = Object.keys(c.expect);
      const del = g.at('deletePod');
      expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, names);
      expectThat(trace, finalPhase(trace) === c.phase, `phase ${c.phase} (got ${finalPhase(trace)})`, names);
      for (const [name, [code, reason]] of Object.entries(c.expect)) {
        const x = lastExit(trace, name);
        expectThat(trace, x?.exitCode === code && x.reason === reason,
          `${name} terminated ${code} / ${reason} (got ${x ? `${x.exitCode} / ${x.reason}` : 'no exit'})`, [name]);
      }
    });
  }
});
