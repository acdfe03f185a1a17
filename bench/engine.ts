// Engine figures (contract section 5): the default scenario, a large pod's event rate, and how
// the cost of a healthy pod grows with simulated time (goal: a day costs about what an hour does).

import { readFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run';
import { parseScenario } from '../src/engine/scenario/parse';
import type { Scenario } from '../src/engine/scenario/types';
import { simulate } from '../src/engine/sim/simulate';
import { buildScenario, type PodDesc } from '../src/engine/testing/build';
import { median, round, timeRuns } from './stats';

export const DEFAULT_SCENARIO = readFileSync(new URL('../src/scenarios/00-default.yaml', import.meta.url), 'utf8');

const PROBES = `    readinessProbe: {exec: {command: [ls]}, periodSeconds: 1}
    livenessProbe: {exec: {command: [ls]}, periodSeconds: 1, initialDelaySeconds: 10}
`;

/**
 * The 40-container pod of `engine.eventsPerSecond` and `web.keystrokeToTimelineP95Ms40` (contract
 * section 5): 4 init containers that exit after 2 s, 6 sidecars with a 1 s startup probe, 30 main
 * containers starting 1–5 s after they are started, every sidecar and main container with 1 s
 * readiness and liveness probes, for an hour. Faults keep the probes busy: a crash or 20 s of
 * failed readiness every 55 s, round the main containers. The image names nothing the engine
 * infers a behaviour from. The first `exitAfter:` line (init-0's) is the one the keystroke
 * figures type in.
 */
export function largePodText(until = '1h'): string {
  const init = Array.from({ length: 4 }, (_, i) => `  - name: init-${i}\n    image: example.com/app:1\n`).join('');
  const sidecars = Array.from({ length: 6 }, (_, i) => `  - name: sidecar-${i}
    image: example.com/app:1
    restartPolicy: Always
    startupProbe: {exec: {command: [ls]}, periodSeconds: 1}
${PROBES}`).join('');
  const main = Array.from({ length: 30 }, (_, i) => `  - name: app-${i}\n    image: example.com/app:1\n${PROBES}`).join('');
  const behaviours = [
    ...Array.from({ length: 4 }, (_, i) => `  init-${i}:\n    exitAfter: 2s\n`),
    ...Array.from({ length: 30 }, (_, i) => `  app-${i}: {startDelay: ${1 + (i % 5)}s}\n`),
  ].join('');
  const faults = Array.from({ length: 60 }, (_, i) =>
    `  - {at: ${60 + i * 55}s, container: app-${i % 30}, ${i % 3 === 0 ? 'do: crash' : 'do: failReadiness, for: 20s'}}\n`).join('');
  return `apiVersion: v1
kind: Pod
metadata: {name: large}
spec:
  initContainers:
${init}${sidecars}  containers:
${main}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: ${until}
containers:
${behaviours}events:
${faults}`;
}

/**
 * `n` identical main containers that crash every 5 s and restart, each with 1 s liveness and
 * readiness probes, for an hour: the same pod at any size, to see how the cost grows with it.
 */
export function uniformPodText(n: number, until = '1h'): string {
  const containers = Array.from({ length: n }, (_, i) => `  - name: c${i}
    image: x
    command: ["sh","-c","sleep 5; exit 1"]
    livenessProbe: {exec: {command: [ls]}, periodSeconds: 1}
    readinessProbe: {exec: {command: [ls]}, periodSeconds: 1}
`).join('');
  return `apiVersion: v1
kind: Pod
metadata: {name: big}
spec:
  containers:
${containers}---
apiVersion: sidecar-lab/v1
kind: Simulation
until: ${until}
`;
}

function parsed(text: string): Scenario {
  const res = parseScenario(text);
  if (!res.ok) throw new Error(`a bench scenario does not parse: ${res.problems.map((p) => p.message).join('; ')}`);
  return res.scenario;
}

/** Trace events per second of wall time simulating this scenario (parsing excluded), the median of `runs`. */
function eventsPerSecond(scenario: Scenario, runs: number): number {
  const events = simulate(scenario).events.length;
  return events / (median(timeRuns(() => simulate(scenario), runs)) / 1000);
}

function healthyPod(until: number): PodDesc {
  return {
    until,
    init: [{ name: 'proxy', kind: 'sidecar', startupProbe: { periodSeconds: 1 }, readinessProbe: { periodSeconds: 1 }, livenessProbe: { periodSeconds: 1 } }],
    main: [{ name: 'app', readinessProbe: { periodSeconds: 1 }, livenessProbe: { periodSeconds: 1 } }],
  };
}

/** Termination-heavy: a Job whose 21 pods each stop 6 sidecars in reverse order, with preStop hooks. */
export const TERMINATION_HEAVY = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 20
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 20
      initContainers:
${Array.from({ length: 6 }, (_, i) => `        - name: sidecar-${i}
          image: envoyproxy/envoy:v1.30
          restartPolicy: Always
          lifecycle: { preStop: { sleep: { seconds: ${i + 1} } } }
`).join('')}      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', 'sleep 3; exit 1']
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 2h
containers:
${Array.from({ length: 6 }, (_, i) => `  sidecar-${i}: { onStop: { after: ${(i % 3) + 1}s, exitCode: 0 } }
`).join('')}`;

export interface EngineFigures {
  'engine.defaultScenarioMs': number;
  'engine.eventsPerSecond': number;
  'engine.eventsPerSecond500': number;
  /** The large pod's events/s once V8 has optimised the engine (30 runs first), the median of batches: not a goal, the steady state beside it. */
  'engine.eventsPerSecondWarm': number;
  /** Events/s of the uniform pod at 40 containers over events/s at 500, in one run (1.0 = linear). */
  'engine.scaling500Over40': number;
  'engine.largePodEvents': number;
  'engine.dayOverHour': number;
  'engine.healthyHourMs': number;
  'engine.healthyDayMs': number;
  'engine.terminationHeavyMs': number;
  'engine.terminationHeavyEvents': number;
}

export function measureEngine(runs: number): EngineFigures {
  const check = runScenario(DEFAULT_SCENARIO);
  if (!check.ok) throw new Error(`the default scenario does not parse: ${check.problems.map((p) => p.message).join('; ')}`);
  const defaultMs = median(timeRuns(() => runScenario(DEFAULT_SCENARIO), runs * 4));

  const large = parsed(largePodText());
  const events = simulate(large).events.length;
  const largeMs = median(timeRuns(() => simulate(large), runs));
  const warmBatchMs = median(timeRuns(() => { for (let i = 0; i < 10; i++) simulate(large); }, runs, 3)) / 10;

  const uniform40 = parsed(uniformPodText(40));
  const uniform500 = parsed(uniformPodText(500));
  const perSecond40 = eventsPerSecond(uniform40, runs * 4);
  const perSecond500 = eventsPerSecond(uniform500, runs);

  const hour = buildScenario(healthyPod(3600));
  const day = buildScenario(healthyPod(86400));
  const ratios: number[] = [];
  const hours: number[] = [];
  const days: number[] = [];
  for (let i = 0; i < runs; i++) {
    const h = median(timeRuns(() => simulate(hour), 5, 1));
    const d = median(timeRuns(() => simulate(day), 5, 1));
    hours.push(h);
    days.push(d);
    ratios.push(d / h);
  }
  const heavy = runScenario(TERMINATION_HEAVY);
  if (!heavy.ok) throw new Error(`the termination-heavy scenario does not parse: ${heavy.problems.map((p) => p.message).join('; ')}`);
  const heavyMs = median(timeRuns(() => runScenario(TERMINATION_HEAVY), runs));
  return {
    'engine.terminationHeavyMs': round(heavyMs, 2),
    'engine.terminationHeavyEvents': heavy.trace!.events.length,
    'engine.defaultScenarioMs': round(defaultMs, 3),
    'engine.eventsPerSecond': Math.round(events / (largeMs / 1000)),
    'engine.eventsPerSecond500': Math.round(perSecond500),
    'engine.eventsPerSecondWarm': Math.round(events / (warmBatchMs / 1000)),
    'engine.scaling500Over40': round(perSecond40 / perSecond500),
    'engine.largePodEvents': events,
    'engine.dayOverHour': round(median(ratios)),
    'engine.healthyHourMs': round(median(hours), 3),
    'engine.healthyDayMs': round(median(days), 3),
  };
}
