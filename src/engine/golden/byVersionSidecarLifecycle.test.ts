// Golden test: upstream's container_lifecycle_test.go cases with probes, hooks and termination run at
// every older minor they ran at, part 4: E17, E18 (probeKills.test.ts), E54, E55 (probeKills.test.ts),
// E57, E59-E62 (termination.test.ts), E63-E68 (terminationExitCodes.test.ts), and the "Restartable
// Init Container Lifecycle Hook" cases of test/e2e/common/node/lifecycle_hook.go (C05, hooks.test.ts).
// The stored versions of container_lifecycle_test.go read and how they are dated: byVersion.test.ts.
//
// Dating and older expectations:
//   - E17 with its 10 s preStop hook and RunTogetherLhsFirst is in the 1.31/1.32 copy; the 1.29/1.30
//     copy ran a 1 s hook (a different pod, not expressible with E17's fixture: lifecycleNewE2eTermination
//     says why), so E17 starts at 1.31 (the LhsFirst helpers came with kubernetes#124668, May 2024).
//   - E18 is N11 ("should continue running liveness probes ...", no StartDelay) up to the 1.31/1.32 copy
//     (lifecycleNewE2eTermination.test.ts, 1.29-1.32); the newest copy's form runs here at 1.33-1.36.
//   - E54, E55 are in the 1.29/1.30 copy with the newest assertions (1.28 had N01 instead of E54).
//   - E57 checks the sidecars' exit codes (0 / Completed) only from kubernetes#127221 ("Expand test
//     coverage for Node E2E tests on pod termination behavior", 2024-09, 1.32), which also added E63-E68:
//     E57 runs without that check at 1.29-1.31, E63-E68 start at 1.32.
//   - E59, E60, E61: 1.29-1.32 with the older bounds are in lifecycleNewE2eTermination.test.ts; no copy
//     dates to 1.33/1.34, and the newest bounds are the looser ones, so 1.33-1.36 run the newest.
//   - E62 is in the 1.31/1.32 copy and not the 1.29/1.30 one: it starts at 1.31.
//   - C05: "Release: v1.28" in lifecycle_hook.go (stored copies 82033881, 21203327228, 373588079, the same
//     waits: the hook seen within 2 min of CreateSync, the preStop within 30 s of DeleteSync); 1.28 with
//     SidecarContainers on (the suite is tagged with the feature), to 1.36.
import { eventsOf, expectEventually, expectThat, finalPhase, isRunning, justBefore, lastExit, logOf, phaseAt, phaseReachedAt, restartCount } from './logAssertions';
import { byVersion, goneWithin, minors, startOrder } from './byVersion.testkit';
import type { Trace } from '../trace';

const R = ['restartable-init-1', 'restartable-init-2', 'restartable-init-3'] as const;
const S = 'restartable-init-1';

byVersion('E17: a pod is terminating because its liveness probe fails › should execute readiness probe while in preStop, but not liveness', [{
  fixture: 'E17', versions: minors(31),
  check: (g) => {
    const { trace } = g;
    const C = 'regular-1';
    const hookStart = eventsOf(trace, 'hook.start', C).find((e) => e.hook === 'preStop');
    const hookEnd = eventsOf(trace, 'hook.end', C).find((e) => e.hook === 'preStop');
    expectThat(trace, hookStart !== undefined && hookEnd !== undefined, 'the preStop hook ran (liveness kill)', [C]);
    const [hs, he] = [hookStart!.t, hookEnd!.t];
    const win = g.at('failReadiness', C);
    expectThat(trace, win > hs && win < he, `precondition: the readiness-failure window (${win}s) opens during the preStop hook [${hs}, ${he}]`, [C]);
    const readiness = eventsOf(trace, 'probe.result', C).filter((e) => e.probe === 'readiness' && e.t > hs && e.t <= he);
    expectThat(trace, readiness.some((e) => e.result === 'failure'), 'readiness probes keep running while the preStop hook runs', [C]);
    const liveness = eventsOf(trace, 'probe.result', C).filter((e) => e.probe === 'liveness' && e.t > hs);
    expectThat(trace, liveness.length === 0, 'no liveness probe result after the preStop hook started', [C]);
    const kills = eventsOf(trace, 'container.kill', C).filter((e) => e.reason === 'LivenessProbe');
    expectThat(trace, kills.length === 1, `exactly one liveness kill (got ${kills.length})`, [C]);
  },
}]);

byVersion('E18: should not continue running liveness probes for restartable init containers and restart them while in preStop', [{
  fixture: 'E18', versions: minors(33),
  check: ({ trace }) => {
    const l = logOf(trace, { hookStartDelay: { 'PreStop-regular-1': 10 } });
    const hookStarted = l.lines.find((x) => x.name === 'PreStop-regular-1' && x.word === 'Started');
    expectThat(trace, hookStarted !== undefined, 'PreStop-regular-1 logged Started (10s into the hook)', ['regular-1', S]);
    const liveAfter = eventsOf(trace, 'probe.result', S).filter((e) => e.probe === 'liveness' && e.t > hookStarted!.t);
    expectThat(trace, liveAfter.length === 0,
      `no liveness probe of ${S} runs after PreStop-regular-1 logged Started (t=${hookStarted!.t})`, ['regular-1', S]);
    l.not.runTogetherLhsFirst('PreStop-regular-1', S);
  },
}]);

byVersion("E54: should call the container's preStop hook and not launch next container if the restartable init container's startup probe fails", [{
  fixture: 'E54', versions: minors(29),
  check: ({ trace }) => {
    const t = expectEventually(trace, 0, 120, `${S} restartCount >= 2`, [S], (x) => restartCount(trace, S, x) >= 2);
    expectThat(trace, phaseAt(trace, t) === 'Pending', `phase Pending (got ${phaseAt(trace, t)})`, [S]);
    const l = logOf(trace);
    l.runTogether(S, `PreStop-${S}`);
    l.starts(`PreStop-${S}`);
    l.exits(S);
    l.doesntStart('regular-1');
  },
}]);

byVersion("E55: should call the container's preStop hook and start the next container if the restartable init container's liveness probe fails", [{
  fixture: 'E55', versions: minors(29),
  check: ({ trace }) => {
    expectEventually(trace, 0, 120, `${S} restartCount >= 2`, [S], (x) => restartCount(trace, S, x) >= 2);
    expectEventually(trace, 0, 120, 'regular-1 restartCount >= 1', ['regular-1'], (x) => restartCount(trace, 'regular-1', x) >= 1);
    const l = logOf(trace);
    l.runTogether(S, `PreStop-${S}`);
    l.starts(`PreStop-${S}`);
    l.exits(S);
    l.starts('regular-1');
  },
}]);

function reverseStopOrder(trace: Trace): void {
  const l = logOf(trace);
  for (const s of R) l.exitsBefore('regular-1', s); // main containers exit first
  l.exitsBefore(R[2], R[1]); // followed by sidecars in reverse order
  l.exitsBefore(R[1], R[0]);
}

function exitsWith(trace: Trace, names: readonly string[], code: number, reason: string): void {
  for (const s of names) {
    const x = lastExit(trace, s);
    expectThat(trace, x?.exitCode === code && x.reason === reason, `${s} terminated ${code} / ${reason} (got ${JSON.stringify(x)})`, [s]);
  }
}

function preStopStart(trace: Trace, c: string): number | undefined {
  return eventsOf(trace, 'hook.start', c).find((e) => e.hook === 'preStop')?.t;
}

byVersion('E57: should terminate sidecars in reverse order after all main containers have exited', [{
  fixture: 'E57', versions: minors(29),
  check: ({ trace }, v) => {
    const stop = phaseReachedAt(trace, ['Succeeded', 'Failed']);
    expectThat(trace, stop !== undefined && stop <= 300, `pod stops running within 5 min (at ${stop})`, [...R]);
    if (v !== '1.29' && v !== '1.30' && v !== '1.31') exitsWith(trace, R, 0, 'Completed'); // kubernetes#127221, 1.32
    startOrder(trace, [...R, 'regular-1']);
    reverseStopOrder(trace);
  },
}]);

byVersion("E59: should terminate sidecars simultaneously if prestop doesn't exit", [{
  fixture: 'E59', versions: minors(33),
  check: ({ trace }) => {
    exitsWith(trace, R, 137, 'Error');
    startOrder(trace, [...R, 'regular-1']);
    const lives = R.map((s) => {
      const start = preStopStart(trace, s);
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
  },
}]);

byVersion('E60: should call sidecar container PreStop hook simultaneously', [{
  fixture: 'E60', versions: minors(33),
  check: ({ trace }) => {
    exitsWith(trace, R, 0, 'Completed');
    startOrder(trace, [...R, 'regular-1']);
    reverseStopOrder(trace);
    const starts = R.map((s) => preStopStart(trace, s) ?? NaN);
    expectThat(trace, starts.every(Number.isFinite) && Math.max(...starts) - Math.min(...starts) <= 1,
      `the three PreStop hooks' first lines are within 1s (${starts.join(', ')})`, [...R]);
  },
}]);

byVersion('E61: should not hang in termination if terminated during initialization', [{
  fixture: 'E61', versions: minors(33),
  check: (g) => {
    const { trace } = g;
    const del = g.at('deletePod');
    expectThat(trace, phaseAt(trace, justBefore(del)) === 'Pending' && isRunning(trace, 'start-init', justBefore(del)),
      'precondition: start-init running and started, phase Pending, at the deletion', ['start-init']);
    goneWithin(trace, del, 6, ['start-init', ...R], true);
  },
}]);

byVersion('E62: should terminate restartable init containers gracefully if there is a non-started restartable init container', [{
  fixture: 'E62', versions: minors(31),
  check: (g) => {
    const { trace } = g;
    const del = g.at('deletePod');
    const N = 'restartable-init-2';
    const started = eventsOf(trace, 'container.started', N).some((e) => e.t < del);
    expectThat(trace, phaseAt(trace, justBefore(del)) === 'Pending' && isRunning(trace, N, justBefore(del)) && !started,
      `precondition: ${N} running but not started, phase Pending, at the deletion`, [N]);
    expectThat(trace, trace.containers.filter((c) => c.kind !== 'main').length === 3, 'exactly 3 init statuses', [N]);
    goneWithin(trace, del, 61, ['init-1', N, 'restartable-init-3', 'regular-1']);
  },
}]);

type Outcome = [exitCode: number, reason: 'Completed' | 'Error'];
const OK: Outcome = [0, 'Completed'];
const KILLED: Outcome = [137, 'Error'];
const EXIT_CASES: [id: string, title: string, phase: 'Succeeded' | 'Failed', expect: Record<string, Outcome>][] = [
  ['E63', 'should mark pod as succeeded if any of the restartable init containers have terminated with non-zero exit code', 'Succeeded',
    { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': [1, 'Error'], 'restartable-init-3': OK }],
  ['E64', 'should mark pod as succeeded if any of the restartable init containers have terminated with non-zero exit code by prestop hook', 'Succeeded',
    { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': OK, 'restartable-init-3': OK }],
  ['E65', 'should mark pod as failed if regular container has exceeded its termination grace period seconds', 'Failed',
    { 'regular-1': KILLED, 'restartable-init-1': KILLED, 'restartable-init-2': OK, 'restartable-init-3': KILLED }],
  ['E66', 'should mark pod as succeeded if any of the restartable init containers have exceeded its termination grace period seconds', 'Succeeded',
    { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK }],
  ['E67', 'should mark pod as failed if any of the prestop hook in regular container has exceeded its termination grace period seconds', 'Failed',
    { 'regular-1': KILLED, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK }],
  ['E68', 'should mark pod as succeeded if any of the prestop hook in restartable init containers have exceeded its termination grace period seconds', 'Succeeded',
    { 'regular-1': OK, 'restartable-init-1': OK, 'restartable-init-2': KILLED, 'restartable-init-3': OK }],
];

for (const [id, title, phase, expect] of EXIT_CASES) {
  byVersion(`${id}: ${title}`, [{
    fixture: id, versions: minors(32),
    check: (g) => {
      const { trace } = g;
      const names = Object.keys(expect);
      const del = g.at('deletePod');
      expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', `precondition: phase Running at the deletion (${del}s)`, names);
      expectThat(trace, finalPhase(trace) === phase, `phase ${phase} (got ${finalPhase(trace)})`, names);
      for (const [name, [code, reason]] of Object.entries(expect)) exitsWith(trace, [name], code, reason);
    },
  }]);
}

const H = 'restartable-init';
for (const handler of ['exec', 'http', 'https']) {
  byVersion(`C05: Restartable Init Container Lifecycle Hook › should execute poststart ${handler} hook properly`, [{
    fixture: `C05-poststart-${handler}`, versions: minors(28),
    check: ({ trace }) => {
      const hook = eventsOf(trace, 'hook.start', H).find((e) => e.hook === 'postStart');
      const up = eventsOf(trace, 'container.start', H)[0];
      expectThat(trace, hook !== undefined && up !== undefined && hook.t >= up.t && hook.t <= 120,
        'the sidecar postStart hook runs after it starts, within 2 min', [H]);
    },
  }]);

  byVersion(`C05: Restartable Init Container Lifecycle Hook › should execute prestop ${handler} hook properly`, [{
    fixture: `C05-prestop-${handler}`, versions: minors(28),
    check: (g) => {
      const { trace } = g;
      const del = g.at('deletePod');
      const hook = eventsOf(trace, 'hook.start', H).find((e) => e.hook === 'preStop');
      expectThat(trace, hook !== undefined && hook.t >= del && hook.t <= del + 30,
        `on deletion (grace 15s, at ${del}s) the sidecar preStop hook runs within 30s`, [H]);
    },
  }]);
}
