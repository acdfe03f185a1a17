// Upstream conformance tests test/e2e/common/node/init_container.go (C01–C04 of kubelet-cases.md).
// The upstream watch invariants are checked over the whole trace. Not representable in a trace:
// the condition status Unknown and lastTransitionTime (checked: Initialized never goes True->False)
// and C03/C04's condition message text.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import {
  conditionAt, eventsOf, expectConsistently, expectEventually, expectThat, finalPhase, lastExit, phaseAt, restartCount,
  times, waitingReasons,
} from './logAssertions';
import type { Trace } from '../trace';

/** C01's invariants, which upstream checks on every watch event. */
function initInvariants(trace: Trace, inits: string[], mains: string[]): void {
  const names = [...inits, ...mains];
  // The moment init completes: every init container has exited 0.
  const doneAt = Math.max(...inits.map((c) => eventsOf(trace, 'container.exit', c).find((e) => e.exitCode === 0)?.t ?? Infinity));
  for (const m of mains) {
    const firstStart = times(trace, 'container.start', m)[0] ?? Infinity;
    expectThat(trace, firstStart >= doneAt, `${m} is Waiting (not started) while init is incomplete (start ${firstStart}, init done ${doneAt})`, names);
    const early = eventsOf(trace, 'container.waiting', m).filter((e) => e.t < Math.min(doneAt, firstStart)).map((e) => e.reason);
    expectThat(trace, early.every((r) => r === 'PodInitializing'),
      `${m} waits with reason PodInitializing while init is incomplete (saw ${early.join(', ')})`, names);
    expectThat(trace, restartCount(trace, m, doneAt) === 0, `${m} restartCount 0 while init is incomplete`, names);
  }
  // An init container after one that is running or failed is Waiting: it starts only after the
  // previous one exited 0.
  for (let i = 1; i < inits.length; i++) {
    const prevOk = eventsOf(trace, 'container.exit', inits[i - 1]!).find((e) => e.exitCode === 0)?.t ?? Infinity;
    const start = times(trace, 'container.start', inits[i]!)[0] ?? Infinity;
    expectThat(trace, start >= prevOk, `${inits[i]} starts only after ${inits[i - 1]} completed`, names);
  }
  // A successfully terminated init container must be Ready.
  for (const c of inits) {
    const ok = eventsOf(trace, 'container.exit', c).find((e) => e.exitCode === 0);
    if (!ok) continue;
    const ready = eventsOf(trace, 'container.ready', c).find((e) => e.t >= ok.t);
    const unready = eventsOf(trace, 'container.unready', c).find((e) => e.t > ok.t);
    expectThat(trace, ready !== undefined && unready === undefined, `${c} is Ready after terminating with exit 0`, names);
  }
  // Initialized never goes from True back to False.
  const init = eventsOf(trace, 'pod.condition').filter((e) => e.condition === 'Initialized').map((e) => e.status);
  const firstTrue = init.indexOf('True');
  expectThat(trace, firstTrue === -1 || !init.slice(firstTrue).includes('False'),
    `Initialized never regresses True -> False (saw ${init.join(' -> ')})`, names);
}

function initsCompleted(trace: Trace, inits: string[]): void {
  for (const c of inits) {
    const x = lastExit(trace, c);
    expectThat(trace, x?.exitCode === 0, `${c} terminated with exit 0 (got ${x?.exitCode})`, [c]);
  }
}

describe('[NodeConformance] InitContainer', () => {
  it('C01: should invoke init containers on a RestartNever pod', () => {
    const { trace } = runFixture('C01');
    expectThat(trace, finalPhase(trace) === 'Succeeded', `phase Succeeded (got ${finalPhase(trace)})`, ['run1']);
    expectThat(trace, conditionAt(trace, 'Initialized')?.status === 'True', 'condition Initialized True', ['run1']);
    initsCompleted(trace, ['init1', 'init2']);
    initInvariants(trace, ['init1', 'init2'], ['run1']);
  });

  it('C02: should invoke init containers on a RestartAlways pod', () => {
    const { trace } = runFixture('C02');
    expectThat(trace, finalPhase(trace) === 'Running', `phase Running (got ${finalPhase(trace)})`, ['run1']);
    expectThat(trace, conditionAt(trace, 'Initialized')?.status === 'True', 'condition Initialized True', ['run1']);
    initsCompleted(trace, ['init1', 'init2']);
    initInvariants(trace, ['init1', 'init2'], ['run1']);
  });

  it('C03: should not start app containers if init containers fail on a RestartAlways pod', () => {
    const { trace } = runFixture('C03');
    const names = ['init1', 'init2', 'run1'];
    const t = expectEventually(trace, 0, trace.end, 'init1 restartCount >= 3', names, (x) => restartCount(trace, 'init1', x) >= 3);
    expectConsistently(trace, 0, t, 'phase Pending', names, (x) => phaseAt(trace, x) === 'Pending');
    for (const c of ['run1', 'init2']) {
      const r = waitingReasons(trace, c);
      expectThat(trace, r.length > 0 && r.every((x) => x === 'PodInitializing'),
        `${c} stays Waiting with reason PodInitializing (saw ${r.join(', ')})`, names);
      expectThat(trace, times(trace, 'container.start', c).length === 0, `${c} never starts`, names);
    }
    const init1Exits = eventsOf(trace, 'container.exit', 'init1');
    expectThat(trace, init1Exits.length > 0 && init1Exits.every((e) => e.exitCode !== 0),
      'init1 keeps failing (never terminated with exit 0) and has a lastState', names);
    expectThat(trace, phaseAt(trace, t) === 'Pending', 'phase Pending', names);
    const c = conditionAt(trace, 'Initialized', t);
    expectThat(trace, c?.status === 'False' && c.reason === 'ContainersNotInitialized',
      `Initialized False, reason ContainersNotInitialized (got ${JSON.stringify(c)})`, names);
    initInvariants(trace, ['init1', 'init2'], ['run1']);
  });

  it('C04: should not start app containers and fail the pod if init containers fail on a RestartNever pod', () => {
    const { trace } = runFixture('C04');
    const names = ['init1', 'init2', 'run1'];
    const ok = lastExit(trace, 'init1');
    const bad = lastExit(trace, 'init2');
    expectThat(trace, ok?.exitCode === 0 && bad !== undefined && bad.exitCode !== 0 && ok.t <= bad.t,
      'init1 terminated 0, then init2 terminated non-zero', names);
    expectThat(trace, finalPhase(trace) === 'Failed', `phase Failed (got ${finalPhase(trace)})`, names);
    const c = conditionAt(trace, 'Initialized');
    expectThat(trace, c?.status === 'False' && c.reason === 'ContainersNotInitialized',
      `Initialized False, reason ContainersNotInitialized (got ${JSON.stringify(c)})`, names);
    expectThat(trace, times(trace, 'container.start', 'run1').length === 0, 'containerStatuses[0] is still Waiting (never started)', names);
    initInvariants(trace, ['init1', 'init2'], ['run1']);
  });
});
