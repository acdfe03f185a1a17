// Golden test: upstream END-TO-END tests of lifecycle hooks, translated to whole scenarios
// (fixtures K01-K20) run through runScenario on every minor they apply to.
//
// Upstream file: test/e2e/common/node/lifecycle_hook.go (kubernetes/kubernetes), four stored versions:
// - 82033881 (commit 8921bcdb) and 21203327228: 1.29-1.31-era trees (SIGDescribe(feature.
//   PodLifecycleSleepAction), e2epod.DefaultPodDeletionTimeout, no zero-value case; the first with
//   nodefeature.SidecarContainers);
// - 373588079: a 1.34/1.35-era tree ("Release : v1.34" on the sleep cases, now conformance; the
//   namespace made privileged for kubernetes#133091; the zero-value and ContainerStopSignals cases);
// - 52356088347 (commit 008b3652): the newest, after kubernetes#137231 (approved 2026-03-09, so in
//   1.36 or 1.37): testPodWithHook adds a sidecar `container-redirect` to the test pod and an HTTP hook
//   targets it (no `host`), which dials the handler pod.
// No 1.32/1.33 copy is stored: the zero-value case is placed at 1.32 by its gate (KEP-4818 alpha,
// switched on there as upstream's [FeatureGate] tag does), the 1.29-era sleep parameters are assumed
// to hold until the 1.34 rewrite.
//
// How the cases map (hookInitE2e.testkit.ts):
// - "Container Lifecycle Hook › should execute {poststart,prestop} {exec,http,https} hook properly"
//   (K01-K06, the pod of 1.27-1.35; K07-K12, the pod with container-redirect; both shapes at 1.36, as
//   the PR's release is not known). The handler pod is outside the test pod and modelled as
//   reachable: the Simulation document gives the hook success in 0.1 s. Upstream's "the handler pod
//   logged GET /echo?msg=poststart" is read as the hook having returned successfully. CreateSync is the
//   first moment the phase is Running; postStart cases then poll every second for up to 2 min and
//   delete (grace 15) after the poll that sees the hook; preStop cases delete right after CreateSync
//   and want the hook within DeleteSync plus 30 s. DeleteSync's timeout is taken as 3 min
//   (DefaultPodDeletionTimeout; f.Timeouts.PodDelete is 5 min). With container-redirect, its startup
//   probe must pass before the test container starts, and the sidecar must be running for the whole
//   HTTP hook (upstream's design relies on it: the preStop request goes through it while the pod stops).
// - "Lifecycle Sleep Hook" (K13-K15 with the 1.29-1.33 parameters: DeleteSync's cost; K16-K18 with the
//   1.34+ ones: finishedAt against deletionTimestamp, as upstream computes it), on 1.29 (gate on) to 1.37.
// - "Lifecycle sleep action zero value" (K19), 1.32 (gate on) to 1.37.
// - "[Feature:ContainerStopSignals] StopSignal defined with pod.OS" (K20), 1.33-1.37 with the gate on.
// DeleteSync polls every 2 s (framework.Poll): its cost is the exact removal time plus up to one poll,
// so a lower bound is checked on the exact time and an upper bound with a whole poll added.
//
// Already translated elsewhere: "Restartable Init Container Lifecycle Hook" (C05, hooks.test.ts).
// Not expressible: the handler pod's log (the engine has no network; its reachability is the
// Simulation document's hook outcome); validDuration on wall-clock readings (exact simulated times are
// used, finishedAt and deletionTimestamp without their whole-second truncation); the finalizer of
// K16/K17 keeps the object in the API after the kubelet is done, which the engine does not model (the
// checks read the status before the pod is removed); the test's MustMixinRestrictedPodSecurity fields.
import { describe, it } from 'vitest';
import { eventsOf, expectThat, fail, isRunning, lastExit, times } from './logAssertions';
import { finishedAt, minors, startedAt } from './podLifecycleE2e.testkit';
import { createSync, deleteSync, deleteWhen, expectDeleteCost, runK, waitTerminated } from './hookInitE2e.testkit';
import type { HookKind, Trace } from '../trace';
import type { KubeVersion } from '../version';

const POST_START_WAIT = 120;
const PRE_STOP_WAIT = 30;
const POD_DELETE_TIMEOUT = 180;
const REDIRECT = 'container-redirect';

/** The hook's run: its start and its end, which must be a success (the handler got the request). */
function hookRun(trace: Trace, c: string, hook: HookKind): { start: number; end: number } {
  const s = eventsOf(trace, 'hook.start', c).find((e) => e.hook === hook);
  const e = eventsOf(trace, 'hook.end', c).find((x) => x.hook === hook && s !== undefined && x.t >= s.t);
  expectThat(trace, s !== undefined && e !== undefined && e.exitCode === 0, `${c}'s ${hook} hook ran and succeeded`, [c]);
  return { start: s!.t, end: e!.t };
}

function checkRedirect(trace: Trace, c: string, hook: HookKind, run: { start: number; end: number }): void {
  const started = times(trace, 'container.started', REDIRECT)[0] ?? Infinity;
  const first = times(trace, 'container.start', c)[0] ?? -Infinity;
  expectThat(trace, started <= first, `${REDIRECT}'s startup probe passed (${started}s) before ${c} started (${first}s)`, [REDIRECT, c]);
  // Running when the hook starts, and its exit (if any) written after the hook's end.
  const end = trace.events.findIndex((e) => e.type === 'hook.end' && e.container === c && e.hook === hook);
  const exit = trace.events.findIndex((e) => e.type === 'container.exit' && e.container === REDIRECT && e.t >= run.start);
  expectThat(trace, isRunning(trace, REDIRECT, run.start) && (exit === -1 || exit > end),
    `${REDIRECT} runs for the whole HTTP hook (${run.start}s to ${run.end}s)`, [REDIRECT, c]);
}

const HOOK_CASES: [string, HookKind, string][] = [
  ['poststart', 'postStart', 'exec'], ['prestop', 'preStop', 'exec'], ['poststart', 'postStart', 'http'],
  ['poststart', 'postStart', 'https'], ['prestop', 'preStop', 'http'], ['prestop', 'preStop', 'https'],
];

function hookCase(fixture: string, v: KubeVersion, [kind, hook, handler]: [string, HookKind, string], redirect: boolean): void {
  const c = `pod-with-${kind}-${handler}-hook`;
  const names = redirect ? [c, REDIRECT] : [c];
  const { trace, at } = deleteWhen(fixture, v, [], (before) => {
    const running = createSync(before);
    if (hook === 'preStop') return running;
    // gomega.Eventually(handler pod logged the request, 2 min, 1 s), from CreateSync's return
    for (let t = running; t <= running + POST_START_WAIT; t += 1) {
      if (eventsOf(before, 'hook.end', c).some((e) => e.hook === 'postStart' && e.exitCode === 0 && e.t <= t)) return t;
    }
    return neverSucceeded(before, c);
  });
  const run = hookRun(trace, c, hook);
  const start = times(trace, 'container.start', c)[0]!;
  const { deleted, grace, gone } = deleteSync(trace, POD_DELETE_TIMEOUT);
  expectThat(trace, deleted === at && grace === 15, `deleted at ${at}s with grace 15 (saw ${deleted}s, ${grace})`, names);
  if (hook === 'postStart') {
    expectThat(trace, run.start >= start && run.end < deleted, `the postStart hook ran after ${c} started and before the deletion`, names);
  } else {
    const sigterm = eventsOf(trace, 'container.signal', c)[0];
    const exit = lastExit(trace, c);
    expectThat(trace, run.start >= deleted && run.end <= gone + PRE_STOP_WAIT,
      `the preStop hook ran after the deletion (${deleted}s) and its request was seen within DeleteSync + ${PRE_STOP_WAIT}s`, names);
    expectThat(trace, sigterm !== undefined && sigterm.t >= run.end && exit !== undefined && exit.t >= run.end,
      `the preStop hook ran before ${c} was signalled and terminated`, names);
  }
  if (redirect && handler !== 'exec') checkRedirect(trace, c, hook, run);
}

function neverSucceeded(trace: Trace, c: string): never {
  return fail(trace, `the postStart hook of ${c} never succeeded within ${POST_START_WAIT}s of Running`, [c]);
}

describe('Container Lifecycle Hook › when create a pod with lifecycle hook', () => {
  HOOK_CASES.forEach((hc, i) => {
    const [kind, , handler] = hc;
    const a = `K${String(i + 1).padStart(2, '0')}`;
    const b = `K${String(i + 7).padStart(2, '0')}`;
    for (const v of minors(27, 36)) {
      it(`${a} ${v}: should execute ${kind} ${handler} hook properly`, () => hookCase(a, v, hc, false));
    }
    for (const v of minors(36)) {
      it(`${b} ${v}: should execute ${kind} ${handler} hook properly (pod with container-redirect)`, () => hookCase(b, v, hc, true));
    }
  });
});

const SLEEP = 'pod-with-prestop-sleep-hook';

describe('[Feature:PodLifecycleSleepAction] › when create a pod with lifecycle hook using sleep action (1.29-1.33)', () => {
  for (const v of minors(29, 33)) {
    it(`K13 ${v}: valid prestop hook using sleep action`, () => {
      const { trace } = deleteWhen('K13', v, ['PodLifecycleSleepAction'], createSync);
      expectDeleteCost(trace, 5, 30, 180, [SLEEP]);
    });

    it(`K14 ${v}: reduce GracePeriodSeconds during runtime`, () => {
      const { trace } = deleteWhen('K14', v, ['PodLifecycleSleepAction'], createSync);
      expectDeleteCost(trace, 2, 15, 180, [SLEEP]);
    });

    it(`K15 ${v}: ignore terminated container`, () => {
      const { trace } = deleteWhen('K15', v, ['PodLifecycleSleepAction'], (before) => waitTerminated(before, SLEEP, 0, 180));
      expectDeleteCost(trace, 0, 15, 180, [SLEEP]);
    });
  }
});

describe('Lifecycle Sleep Hook › when create a pod with lifecycle hook using sleep action (1.34+)', () => {
  /** sleep_duration = finishedAt - deletionTimestamp + gracePeriod, as upstream computes it. */
  function sleepDuration(fixture: string, v: KubeVersion, gracePeriod: number): { trace: Trace; d: number } {
    const { trace } = deleteWhen(fixture, v, [], createSync);
    const { deleted, grace } = deleteSync(trace, 240);
    const deletionTS = deleted + grace;
    waitTerminated(trace, SLEEP, deleted, 50 * 2);
    return { trace, d: finishedAt(trace, SLEEP, 0) - deletionTS + gracePeriod };
  }

  for (const v of minors(34)) {
    it(`K16 ${v}: valid prestop hook using sleep action`, () => {
      const { trace, d } = sleepDuration('K16', v, 100);
      expectThat(trace, d >= 50 && d <= 100, `sleep_duration ${d}s within [50s, 100s]`, [SLEEP]);
    });

    it(`K17 ${v}: reduce GracePeriodSeconds during runtime`, () => {
      const { trace, d } = sleepDuration('K17', v, 30);
      expectThat(trace, d >= 30 && d <= 50, `sleep_duration ${d}s within [30s, 50s]`, [SLEEP]);
    });

    it(`K18 ${v}: ignore terminated container`, () => {
      const trace = runK('K18', v);
      waitTerminated(trace, SLEEP, 0, 30);
      const cost = finishedAt(trace, SLEEP, 0) - startedAt(trace, SLEEP, 0);
      expectThat(trace, cost >= 0 && cost <= 10, `finishedAt - startedAt = ${cost}s within [0s, 10s]`, [SLEEP]);
      expectThat(trace, eventsOf(trace, 'hook.start', SLEEP).length === 0, 'no preStop hook runs for a container that exits by itself', [SLEEP]);
    });
  }
});

describe('Lifecycle sleep action zero value › when create a pod with lifecycle hook using sleep action with a duration of zero seconds', () => {
  for (const v of minors(32)) {
    it(`K19 ${v}: prestop hook using sleep action with zero duration`, () => {
      const { trace } = deleteWhen('K19', v, ['PodLifecycleSleepActionAllowZero'], createSync);
      expectDeleteCost(trace, 0, 30, 300, ['pod-with-prestop-sleep-hook-zero-duration']);
    });
  }
});

describe('[Feature:ContainerStopSignals] › when create a pod with a StopSignal lifecycle', () => {
  for (const v of minors(33)) {
    it(`K20 ${v}: StopSignal defined with pod.OS`, () => {
      const trace = runK('K20', v, ['ContainerStopSignals']);
      const running = createSync(trace);
      expectThat(trace, times(trace, 'container.start', 'test').length === 1 && running <= 300,
        `the pod is Running (at ${running}s) with its one container started once`, ['test']);
    });
  }
});
