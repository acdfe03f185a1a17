// One pod on one node: wires the pod worker, the prober and the faults onto one virtual clock and
// runs until the horizon (contract section 3). Deterministic: no wall clock, no randomness.

import type { Scenario } from '../scenario/types';
import { TRACE_SCHEMA, roundTime, type Trace, type TraceContainer } from '../trace';
import { scheduleFaults } from './faults';
import { PodSim } from './podSim';
import { patchProbeFlags } from './status';
import { requestSync } from './sync';
import { HORIZON_CAP } from './timing';

export interface SimulateStats {
  steps: number;
}

function traceContainers(scenario: Scenario): TraceContainer[] {
  return [...scenario.pod.initContainers, ...scenario.pod.containers].map((c) => ({ name: c.name, kind: c.kind, index: c.index }));
}

export interface PodRunOptions {
  /** Treat `until` as a cap only: the run still ends this long after the pod is terminal. */
  stopAfterTerminal?: number;
}

export function simulatePod(scenario: Scenario, opts: PodRunOptions = {}): { trace: Trace; stats: SimulateStats } {
  const horizon = scenario.sim.until ?? HORIZON_CAP;
  const sim = new PodSim(scenario, horizon);
  sim.untilIsCap = opts.stopAfterTerminal !== undefined;
  sim.onSyncRequested = () => requestSync(sim);
  sim.onRuntimeChange = (name) => sim.probes.wake(name);
  sim.onPatchStatus = () => patchProbeFlags(sim);

  sim.emit({ type: 'pod.scheduled', why: 'The scheduler bound the pod to this node; its kubelet takes over (t = 0).' });
  sim.probes.addPod();
  scheduleFaults(sim, scenario.sim.events);
  sim.requestSync();
  sim.k.run();

  const end = roundTime(Math.min(sim.k.horizon, horizon));
  const events = sim.events.filter((e) => e.t <= end);
  return {
    trace: { schema: TRACE_SCHEMA, kubernetesVersion: scenario.sim.kubernetesVersion, end, containers: traceContainers(scenario), events },
    stats: { steps: sim.k.stepCount },
  };
}
