// Upstream node e2e cases of test/e2e_node/container_lifecycle_test.go that the E01–E74 fixtures do
// not cover, part 2: pod termination in the 1.29/1.30-era (commit 03b40b6f) and 1.31/1.32-era (index
// id 413137960) stored versions. The versions read and how they are dated are in
// lifecycleNewE2e.test.ts; the newest stored version (commit 01ba738f) holds no uncovered case.
//
// What differs from the newest version, and is translated here at the minors of those versions:
//   - "should continue running liveness probes for restartable init containers and restart them while
//     in preStop" (N11): the former name of E18. Its preStop hook logs Started at once (the newest adds
//     a 10 s StartDelay "not to make a race condition"); the checks are RunTogether (1.29/1.30 helpers)
//     and RunTogetherLhsFirst (1.31/1.32), both expected to fail.
//   - "should not hang in termination if terminated during initialization": gone in under grace + 2 s
//     (the newest allows grace + 3 s, citing #135008) (E61 pod).
//   - "should terminate sidecars simultaneously if prestop doesn't exit": the hooks' last loops within
//     500 ms (newest 1000 ms) and a lifetime of 32 s ± 1000 ms (newest ± 1500 ms); the 1.29/1.30 version
//     does not check the exit codes (E59 pod).
//   - "should call sidecar container PreStop hook simultaneously": the hooks start within 500 ms
//     (newest 1000 ms); the 1.29/1.30 version does not check the exit codes (E60 pod).
// Not translated: the 1.29/1.30 "should execute readiness probe while in preStop, but not liveness"
// ran a 1 s preStop hook (10 s later, E17): whether one readiness run (period 1 s) falls inside a
// 1 s window is the race upstream removed by widening it, and the engine shows probe runs only as
// failures or result changes. The 1.31/1.32 node-reboot case with a sidecar waits for phase Running
// (the newest wants Pending): phaseByVersion.test.ts holds that version split.
import { describe, it } from 'vitest';
import { ERA, runAt } from './lifecycleNewE2e.testkit';
import {
  checks, eventsOf, expectThat, isRunning, justBefore, lastExit, logOf, mergedLog, phaseAt, phaseReachedAt, podGoneAt,
  type LogLine,
} from './logAssertions';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const R = ['restartable-init-1', 'restartable-init-2', 'restartable-init-3'] as const;
const V129_TO_V132: KubeVersion[] = [...ERA.v129, ...ERA.v131];
const isV131 = (v: KubeVersion) => (ERA.v131 as readonly KubeVersion[]).includes(v);

/** Start order rinit1 < rinit2 < rinit3 < regular-1: each StartsBefore the later ones. */
function sidecarStartOrder(trace: Trace): void {
  const l = logOf(trace);
  const order = [...R, 'regular-1'];
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) l.startsBefore(order[i]!, order[j]!);
}

function preStopStart(trace: Trace, c: string): number | undefined {
  return eventsOf(trace, 'hook.start', c).find((e) => e.hook === 'preStop')?.t;
}

function spread(xs: number[]): number {
  return Math.max(...xs) - Math.min(...xs);
}

/**
 * The merged log plus one `Liveness-<c>` execution (Starting, Started, Exiting) per failed liveness run
 * of `c`: a probe that always fails shows every run as probe.failed. At equal times a probe run is put
 * after the other lines (the strict reading: a run at the instant the hook starts counts as during it).
 */
function logWithLivenessRuns(trace: Trace, c: string): LogLine[] {
  const runs = eventsOf(trace, 'probe.failed', c).filter((e) => e.probe === 'liveness');
  const extra = runs.flatMap((e) => (['Starting', 'Started', 'Exiting'] as const).map((word) => ({ t: e.t, seq: 0, name: `Liveness-${c}`, word })));
  const merged = [...mergedLog(trace).map((l, i) => ({ l, k: i })), ...extra.map((l, i) => ({ l, k: 1e9 + i }))];
  merged.sort((a, b) => a.l.t - b.l.t || a.k - b.k);
  return merged.map(({ l }, seq) => ({ ...l, seq }));
}

describe('a pod is terminating because its liveness probe fails (1.29–1.32-era name)', () => {
  for (const v of V129_TO_V132) {
    it(`${v}: N11: should continue running liveness probes for restartable init containers and restart them while in preStop`, () => {
      const trace = runAt('N11', v);
      const S = 'restartable-init-1';
      const t = phaseReachedAt(trace, ['Succeeded', 'Failed']);
      expectThat(trace, t !== undefined && t <= 300, `the pod stops running (terminal phase at ${t})`, ['regular-1', S]);
      const hook = preStopStart(trace, 'regular-1');
      expectThat(trace, hook !== undefined, 'precondition: the liveness kill ran the preStop hook of regular-1', ['regular-1']);
      const log = logWithLivenessRuns(trace, S);
      // Upstream notes (KEP-4438) that both are expected not to hold in this release.
      const check = isV131(v) ? checks.runTogetherLhsFirst : checks.runTogether;
      const name = isV131(v) ? 'RunTogetherLhsFirst' : 'RunTogether';
      expectThat(trace, check(log, 'PreStop-regular-1', `Liveness-${S}`) !== null,
        `${name}(PreStop-regular-1, Liveness-${S}) must not hold: no liveness run of the sidecar while the preStop hook runs`, ['regular-1', S]);
      expectThat(trace, check(log, 'PreStop-regular-1', S) !== null,
        `${name}(PreStop-regular-1, ${S}) must not hold: the sidecar is not (re)started while the preStop hook runs`, ['regular-1', S]);
    });
  }
});

describe('a pod with restartable init containers is terminating (1.29–1.32-era bounds)', () => {
  for (const v of V129_TO_V132) {
    it(`${v}: should not hang in termination if terminated during initialization (gone in < grace 3 s + 2 s; E61 pod)`, () => {
      const trace = runAt('E61', v);
      const del = eventsOf(trace, 'pod.deleted')[0]?.t ?? NaN;
      expectThat(trace, phaseAt(trace, justBefore(del)) === 'Pending' && isRunning(trace, 'start-init', justBefore(del)),
        'precondition: start-init running and started, phase Pending, at the deletion', ['start-init']);
      const gone = podGoneAt(trace);
      expectThat(trace, gone !== undefined && gone - del < 5, `pod gone less than 5 s after the deletion at ${del}s (gone at ${gone})`, ['start-init', ...R]);
    });

    it(`${v}: should terminate sidecars simultaneously if prestop doesn't exit (last loops within 500 ms, lifetime 32 s ± 1000 ms; E59 pod)`, () => {
      const trace = runAt('E59', v);
      if (isV131(v)) {
        for (const s of R) {
          const x = lastExit(trace, s);
          expectThat(trace, x?.exitCode === 137 && x.reason === 'Error', `${s} terminated 137 / Error (got ${JSON.stringify(x)})`, [s]);
        }
      }
      sidecarStartOrder(trace);
      // The never-ending hook loops until its container dies: its last "Looping" line is the container's exit.
      const lives = R.map((s) => {
        const start = preStopStart(trace, s);
        const last = start === undefined ? undefined : eventsOf(trace, 'container.exit', s).find((e) => e.t >= start)?.t;
        return { s, start, last };
      });
      expectThat(trace, lives.every((x) => x.start !== undefined && x.last !== undefined), 'every sidecar ran its preStop hook', [...R]);
      const lasts = lives.map((x) => x.last!);
      expectThat(trace, spread(lasts) <= 0.5, `the hooks' last lines are within 500 ms (${lasts.join(', ')})`, [...R]);
      for (const x of lives) {
        const life = x.last! - x.start!;
        expectThat(trace, Math.abs(life - 32) <= 1, `PreStop-${x.s} lives 32 s ± 1000 ms (30 s grace + 2 s minimum), got ${life}`, [x.s]);
      }
    });

    it(`${v}: should call sidecar container PreStop hook simultaneously (hooks start within 500 ms; E60 pod)`, () => {
      const trace = runAt('E60', v);
      if (isV131(v)) {
        for (const s of R) {
          const x = lastExit(trace, s);
          expectThat(trace, x?.exitCode === 0 && x.reason === 'Completed', `${s} terminated 0 / Completed (got ${JSON.stringify(x)})`, [s]);
        }
      }
      sidecarStartOrder(trace);
      const l = logOf(trace);
      for (const s of R) l.exitsBefore('regular-1', s); // main containers exit first
      l.exitsBefore(R[2], R[1]); // followed by sidecars in reverse order
      l.exitsBefore(R[1], R[0]);
      const starts = R.map((s) => preStopStart(trace, s) ?? NaN);
      expectThat(trace, starts.every(Number.isFinite) && spread(starts) <= 0.5, `the three PreStop hooks start within 500 ms (${starts.join(', ')})`, [...R]);
    });
  }
});
