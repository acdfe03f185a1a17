// Pod termination: grace periods and sidecar shutdown order (E13, E14, E57–E62 of kubelet-cases.md;
// hard behaviours 5.1, 5.2 and 5.13). Exit codes at termination are in terminationExitCodes.test.ts.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import {
  eventsOf, expectConsistently, expectThat, isRunning, justBefore, lastExit, logOf, phaseAt, phaseReachedAt, podGoneAt,
  restartCount,
} from './logAssertions';
import type { Trace } from '../trace';

const R = ['restartable-init-1', 'restartable-init-2', 'restartable-init-3'] as const;

function goneWithin(trace: Trace, from: number, seconds: number, names: string[], strict = false): void {
  const gone = podGoneAt(trace);
  const ok = gone !== undefined && (strict ? gone - from < seconds : gone - from <= seconds);
  expectThat(trace, ok, `pod gone within ${seconds}s of t=${from} (gone at ${gone})`, names);
}

function runningAt(trace: Trace, t: number, names: string[]): void {
  const b = justBefore(t);
  expectThat(trace, phaseAt(trace, b) === 'Running', `precondition: phase Running at ${t}s (got ${phaseAt(trace, b)})`, names);
}

/** Start order rinit1 < rinit2 < rinit3 < regular-1: each ≺start the later ones. */
function sidecarStartOrder(trace: Trace): void {
  const l = logOf(trace);
  const order = [...R, 'regular-1'];
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) l.startsBefore(order[i]!, order[j]!);
}

function reverseStopOrder(trace: Trace): void {
  const l = logOf(trace);
  for (const s of R) l.exitsBefore('regular-1', s);
  l.exitsBefore(R[2], R[1]);
  l.exitsBefore(R[1], R[0]);
}

describe('a pod cannot terminate gracefully', () => {
  // Upstream quirk: these sit in a restartPolicy=Never block but the pod has the default policy (Always).
  it('E13: should respect termination grace period seconds', () => {
    const g = runFixture('E13');
    const del = g.at('deletePod');
    runningAt(g.trace, del, ['regular1']);
    goneWithin(g.trace, del, 60, ['regular1']);
  });

  it('E14: should respect termination grace period seconds with long-running preStop hook', () => {
    const g = runFixture('E14');
    const del = g.at('deletePod');
    runningAt(g.trace, del, ['regular1']);
    goneWithin(g.trace, del, 60, ['regular1', 'PreStop-regular1']);
  });
});

describe('a pod with restartable init containers is terminating', () => {
  it('E57: should terminate sidecars in reverse order after all main containers have exited', () => {
    const { trace } = runFixture('E57');
    const stop = phaseReachedAt(trace, ['Succeeded', 'Failed']);
    expectThat(trace, stop !== undefined && stop <= 300, `pod stops running within 5 min (at ${stop})`, [...R]);
    for (const s of R) {
      const x = lastExit(trace, s);
      expectThat(trace, x?.exitCode === 0 && x.reason === 'Completed', `${s} terminated 0 / Completed (got ${JSON.stringify(x)})`, [s]);
    }
    sidecarStartOrder(trace);
    reverseStopOrder(trace);
  });

  for (const [v, policy] of [['always', 'Always'], ['onfailure', 'OnFailure'], ['never', 'Never']] as const) {
    it(`E58 (restartPolicy=${policy}): should terminate gracefully when a restartable init container has its image updated during pod termination`, () => {
      const g = runFixture(`E58-${v}`);
      const { trace } = g;
      const inits = ['init-1', 'restartable-init-2', 'restartable-init-3'];
      runningAt(trace, g.at('deletePod'), inits);
      const from = g.at('setImage', 'restartable-init-2');
      // Upstream marks this as current behaviour that KEP-4438 (not in ≤1.36) will change: no restart for the image change during termination [8.8].
      expectConsistently(trace, from, from + 20, 'no init container terminated with exit 0 has restartCount > 0', inits,
        (t) => inits.every((c) => lastExit(trace, c, t)?.exitCode !== 0 || restartCount(trace, c, t) === 0));
      // Upstream waits for the pod to disappear (70s) after the 20s Consistently window.
      goneWithin(trace, from + 20, 70, [...inits, 'regular-1']);
    });
  }

  it("E59: should terminate sidecars simultaneously if prestop doesn't exit", () => {
    const { trace } = runFixture('E59');
    for (const s of R) {
      const x = lastExit(trace, s);
      expectThat(trace, x?.exitCode === 137 && x.reason === 'Error', `${s} terminated 137 / Error (got ${JSON.stringify(x)})`, [s]);
    }
    sidecarStartOrder(trace);
    // The never-ending preStop hook logs until its container dies: its last "Looping" line is the
    // container's exit (the kubelet may stop waiting for the hook earlier, the process does not stop).
    const lives = R.map((s) => {
      const start = eventsOf(trace, 'hook.start', s).find((e) => e.hook === 'preStop')?.t;
      const last = start === undefined ? undefined : eventsOf(trace, 'container.exit', s).find((e) => e.t >= start)?.t;
      return { s, start, last };
    });
    expectThat(trace, lives.every((x) => x.start !== undefined && x.last !== undefined), 'every sidecar ran its preStop hook', [...R]);
    const lasts = lives.map((x) => x.last!);
    expectThat(trace, Math.max(...lasts) - Math.min(...lasts) <= 1, `the hooks' last lines are within 1s (${lasts.join(', ')})`, [...R]);
    for (const x of lives) {
      const life = x.last! - x.start!;
      expectThat(trace, Math.abs(life - 32) <= 1.5, `PreStop-${x.s} lives ~32s ±1.5 (30s grace + 2s minimum), got ${life}`, [x.s]);
    }
    const starts = lives.map((x) => x.start!);
    expectThat(trace, Math.max(...starts) - Math.min(...starts) <= 1, `the sidecar preStop hooks start together (${starts.join(', ')})`, [...R]);
  });

  it('E60: should call sidecar container PreStop hook simultaneously', () => {
    const { trace } = runFixture('E60');
    for (const s of R) {
      const x = lastExit(trace, s);
      expectThat(trace, x?.exitCode === 0 && x.reason === 'Completed', `${s} terminated 0 / Completed (got ${JSON.stringify(x)})`, [s]);
    }
    sidecarStartOrder(trace);
    reverseStopOrder(trace);
    const starts = R.map((s) => eventsOf(trace, 'hook.start', s).find((e) => e.hook === 'preStop')?.t ?? NaN);
    expectThat(trace, starts.every(Number.isFinite) && Math.max(...starts) - Math.min(...starts) <= 1,
      `the three PreStop hooks' first lines are within 1s (${starts.join(', ')})`, [...R]);
  });

  it('E61: should not hang in termination if terminated during initialization', () => {
    const g = runFixture('E61');
    const { trace } = g;
    const del = g.at('deletePod');
    expectThat(trace, phaseAt(trace, justBefore(del)) === 'Pending' && isRunning(trace, 'start-init', justBefore(del)),
      'precondition: start-init running and started, phase Pending, at the deletion', ['start-init']);
    goneWithin(trace, del, 6, ['start-init', ...R], true);
  });

  it('E62: should terminate restartable init containers gracefully if there is a non-started restartable init container', () => {
    const g = runFixture('E62');
    const { trace } = g;
    const del = g.at('deletePod');
    const S = 'restartable-init-2';
    const started = eventsOf(trace, 'container.started', S).some((e) => e.t < del);
    expectThat(trace, phaseAt(trace, justBefore(del)) === 'Pending' && isRunning(trace, S, justBefore(del)) && !started,
      `precondition: ${S} running but not started, phase Pending, at the deletion`, [S]);
    expectThat(trace, trace.containers.filter((c) => c.kind !== 'main').length === 3, 'exactly 3 init statuses', [S]);
    goneWithin(trace, del, 61, ['init-1', S, 'restartable-init-3', 'regular-1']);
  });
});
