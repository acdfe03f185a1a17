// fast-check generators of random pods and fault schedules, for the engine's properties and fuzzing.

import fc from 'fast-check';
import type { ContainerDesc, PodDesc } from './build';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../version';

const seconds = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10);

const behavior = fc.record({
  pull: seconds(3),
  startDelay: seconds(8),
  exitAfter: fc.option(seconds(60), { nil: null, freq: 2 }),
  exitCode: fc.constantFrom(0, 0, 1, 2, 137),
  onStop: fc.oneof(
    fc.record({ kind: fc.constant('exit' as const), after: seconds(10), exitCode: fc.constantFrom(0, 1, 143) }),
    fc.constant({ kind: 'ignore' as const }),
  ),
  postStart: fc.record({ duration: seconds(4), exitCode: fc.constantFrom(0, 0, 0, 1) }),
  preStop: fc.record({ duration: fc.option(seconds(20), { nil: null, freq: 6 }), exitCode: fc.constantFrom(0, 1) }),
  // [3.5] now and then a container whose every start the runtime refuses
  startError: fc.constantFrom<true | undefined>(undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, true),
});

const probe = fc.option(fc.record({
  periodSeconds: fc.integer({ min: 1, max: 10 }),
  failureThreshold: fc.integer({ min: 1, max: 5 }),
  initialDelaySeconds: fc.integer({ min: 0, max: 5 }),
}), { nil: undefined, freq: 2 });

function container(name: string, kind: 'init' | 'sidecar' | 'main') {
  return fc.record({ behavior, startupProbe: probe, livenessProbe: probe, readinessProbe: probe, preStop: fc.boolean(), postStart: fc.boolean() }).map(
    (r): ContainerDesc => kind === 'init'
      ? { name, kind, behavior: { ...r.behavior, exitAfter: r.behavior.exitAfter ?? 5 } }
      : { name, kind, ...r },
  );
}

/** Actions on the pod or the node, not on one container. */
const NODE_WIDE = new Set(['deletePod', 'restartKubelet', 'recreateSandbox', 'evictPod', 'shutdownNode']);

const versions = SUPPORTED_VERSIONS.filter((v) => v !== '1.27' && v !== '1.28') as KubeVersion[];

export const podArb = (maxContainers = 6): fc.Arbitrary<PodDesc> =>
  fc.record({
    version: fc.constantFrom(...versions),
    restartPolicy: fc.constantFrom('Always' as const, 'OnFailure' as const, 'Never' as const),
    grace: fc.integer({ min: 0, max: 30 }),
    initKinds: fc.array(fc.constantFrom('init' as const, 'sidecar' as const), { maxLength: Math.max(0, maxContainers - 1) }),
    mainCount: fc.integer({ min: 1, max: Math.max(1, Math.min(3, maxContainers)) }),
    // [4.6] the pod worker's requeue: mostly the default (the earliest), sometimes a later draw
    requeueJitter: fc.constantFrom(undefined, undefined, 0.5, 1),
    // [13] sometimes a deadline, within the run or past the events
    activeDeadlineSeconds: fc.constantFrom(undefined, undefined, undefined, 30, 90),
    seed: fc.integer(),
  }).chain((p) =>
    fc.record({
      init: fc.tuple(...p.initKinds.map((k, i) => container(`${k}-${i}`, k))),
      main: fc.tuple(...Array.from({ length: p.mainCount }, (_, i) => container(`main-${i}`, 'main'))),
      events: fc.array(fc.record({
        at: seconds(120),
        target: fc.integer({ min: 0, max: 20 }),
        do: fc.constantFrom('crash', 'exit', 'oomKill', 'failLiveness', 'failReadiness', 'failStartup', 'failPull', 'deletePod',
          'setImage', 'restartKubelet', 'recreateSandbox', 'evictPod', 'shutdownNode'),
        removeExitedContainers: fc.boolean(),
        for: seconds(60),
      }), { maxLength: 4 }),
    }).map(({ init, main, events }): PodDesc => {
      const names = [...init, ...main].map((c) => c.name);
      return {
        version: p.version, restartPolicy: p.restartPolicy, grace: p.grace, until: 400,
        ...(p.requeueJitter === undefined ? {} : { requeueJitter: p.requeueJitter }),
        ...(p.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: p.activeDeadlineSeconds }),
        init, main,
        events: events.map((e) => ({
          at: e.at, do: e.do, for: e.for,
          ...(NODE_WIDE.has(e.do) ? {} : { container: names[e.target % names.length]! }),
          ...(e.do === 'setImage' ? { image: `img:v${e.target}` } : {}),
          ...(e.do === 'restartKubelet' ? { removeExitedContainers: e.removeExitedContainers } : {}),
        })),
      };
    }),
  );
