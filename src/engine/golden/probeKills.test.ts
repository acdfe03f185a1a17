// Probe-triggered kills run the preStop hook; probes during termination (E15–E18, E54, E55 of
// kubelet-cases.md). Probe executions are not trace events (only result changes are), so the
// upstream `Liveness-<c>` / `Readiness-<c>` log lines are read as probe.result events; E17 injects a
// readiness-failure window to make readiness executions during the preStop hook observable.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import {
  eventsOf, expectEventually, expectThat, logOf, phaseAt, phaseReachedAt, restartCount,
} from './logAssertions';

describe('a regular container with a PreStop hook fails a probe', () => {
  for (const [id, probe] of [['E15', 'startup'], ['E16', 'liveness']] as const) {
    it(`${id}: should call the container's preStop hook and terminate it if its ${probe} probe fails`, () => {
      const { trace } = runFixture(id);
      expectThat(trace, phaseReachedAt(trace, ['Succeeded', 'Failed']) !== undefined, 'the pod stops running', ['regular-1']);
      const l = logOf(trace);
      l.runTogether('regular-1', 'PreStop-regular-1');
      l.starts('PreStop-regular-1');
      l.exits('regular-1');
    });
  }
});

describe('a pod is terminating because its liveness probe fails', () => {
  it('E17: should execute readiness probe while in preStop, but not liveness', () => {
    const g = runFixture('E17');
    const { trace } = g;
    const C = 'regular-1';
    const hookStart = eventsOf(trace, 'hook.start', C).find((e) => e.hook === 'preStop');
    const hookEnd = eventsOf(trace, 'hook.end', C).find((e) => e.hook === 'preStop');
    expectThat(trace, hookStart !== undefined && hookEnd !== undefined, 'the preStop hook ran (liveness kill)', [C]);
    const [hs, he] = [hookStart!.t, hookEnd!.t];
    const win = g.at('failReadiness', C);
    expectThat(trace, win > hs && win < he, `precondition: the readiness-failure window (${win}s) opens during the preStop hook [${hs}, ${he}]`, [C]);
    // PreStop-regular-1 ∥→ Readiness-regular-1: a readiness execution starts after the hook started and
    // before it exited (seen as the injected failure being detected while the hook runs).
    const readiness = eventsOf(trace, 'probe.result', C).filter((e) => e.probe === 'readiness' && e.t > hs && e.t <= he);
    expectThat(trace, readiness.some((e) => e.result === 'failure'), 'readiness probes keep running while the preStop hook runs', [C]);
    // NOT PreStop-regular-1 ∥→ Liveness-regular-1: no liveness probe runs once termination began.
    const liveness = eventsOf(trace, 'probe.result', C).filter((e) => e.probe === 'liveness' && e.t > hs);
    expectThat(trace, liveness.length === 0, 'no liveness probe result after the preStop hook started', [C]);
    const kills = eventsOf(trace, 'container.kill', C).filter((e) => e.reason === 'LivenessProbe');
    expectThat(trace, kills.length === 1, `exactly one liveness kill (got ${kills.length})`, [C]);
  });

  it('E18: should not continue running liveness probes for restartable init containers and restart them while in preStop', () => {
    const { trace } = runFixture('E18');
    const S = 'restartable-init-1';
    // The preStop hook is scripted: it logs Started 10s after it begins.
    const l = logOf(trace, { hookStartDelay: { 'PreStop-regular-1': 10 } });
    const hookStarted = l.lines.find((x) => x.name === 'PreStop-regular-1' && x.word === 'Started');
    expectThat(trace, hookStarted !== undefined, "PreStop-regular-1 logged Started (10s into the hook)", ['regular-1', S]);
    const liveAfter = eventsOf(trace, 'probe.result', S).filter((e) => e.probe === 'liveness' && e.t > hookStarted!.t);
    expectThat(trace, liveAfter.length === 0,
      `no liveness probe of ${S} runs after PreStop-regular-1 logged Started (t=${hookStarted!.t})`, ['regular-1', S]);
    l.not.runTogetherLhsFirst('PreStop-regular-1', S);
  });
});

describe('restartable init containers with a preStop hook fail a probe', () => {
  const S = 'restartable-init-1';
  it("E54: should call the container's preStop hook and not launch next container if the restartable init container's startup probe fails", () => {
    const { trace } = runFixture('E54');
    const t = expectEventually(trace, 0, 120, `${S} restartCount >= 2`, [S], (x) => restartCount(trace, S, x) >= 2);
    expectThat(trace, phaseAt(trace, t) === 'Pending', `phase Pending (got ${phaseAt(trace, t)})`, [S]);
    const l = logOf(trace);
    l.runTogether(S, `PreStop-${S}`);
    l.starts(`PreStop-${S}`);
    l.exits(S);
    l.doesntStart('regular-1');
  });

  it("E55: should call the container's preStop hook and start the next container if the restartable init container's liveness probe fails", () => {
    const { trace } = runFixture('E55');
    expectEventually(trace, 0, 120, `${S} restartCount >= 2`, [S], (x) => restartCount(trace, S, x) >= 2);
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 1', ['regular-1'], (x) => restartCount(trace, 'regular-1', x) >= 1);
    const l = logOf(trace);
    l.runTogether(S, `PreStop-${S}`);
    l.starts(`PreStop-${S}`);
    l.exits(S);
    l.starts('regular-1');
  });
});
