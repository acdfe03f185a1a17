// A Job (or a CronJob's Job) on one node ([16]): the Job controller (jobController.ts) creates its
// pods on the node's shared clock (simNode.ts), side by side when parallelism allows; the trace is
// the node's events in the order they happened, every pod's events and containers carrying `pod`
// and their ids prefixed with the pod's name (contract section 3, second round), the controller's
// own events (`job.podCreated`, `job.complete`, `job.failed`) with ids `job/eN`.

import type { Scenario } from '../scenario/types';
import { TRACE_SCHEMA, roundTime, type Trace, type TraceEvent, type TracePod } from '../trace';
import { nodeTruncation, truncationWhy, type ProgressListener } from './simulatePod';
import { SimNode } from './simNode';
import { JobController } from './jobController';
import type { JobPod } from './jobPodView';
import { HORIZON_CAP } from './timing';

export { jobPodBackoff, matchPodFailurePolicy } from './jobRules';

/** A pod's event in the Job's trace: its pod named, its id and causes prefixed with the pod's name (the controller's ids stay). */
function inPod(e: TraceEvent, pod: string): TraceEvent {
  const prefixed = (id: string) => (id.startsWith('job/') ? id : `${pod}/${id}`);
  return { ...e, pod, ...(e.id !== undefined ? { id: prefixed(e.id) } : {}), ...(e.cause ? { cause: e.cause.map(prefixed) } : {}) };
}

function tracePod(p: JobPod): TracePod {
  const phase = p.sim.apiTerminalAt !== undefined ? p.sim.status.view.phase : undefined;
  return {
    name: p.name, start: p.start,
    ...(phase === 'Succeeded' || phase === 'Failed' ? { phase } : {}),
    ...(p.index !== undefined ? { index: p.index } : {}),
  };
}

export function simulateJob(scenario: Scenario, onProgress?: ProgressListener): Trace {
  const horizon = scenario.sim.until ?? HORIZON_CAP;
  const node = new SimNode(horizon, undefined, true);
  if (onProgress) node.k.onProgress = (t) => onProgress(t, horizon);
  const controller = new JobController(node, scenario, horizon);
  controller.start();
  node.k.run();

  const stop = nodeTruncation(node, horizon);
  const end = roundTime(stop ? stop.at : Math.min(node.k.horizon, horizon));
  const events: TraceEvent[] = [];
  for (const { pod, event } of node.log) {
    if (event.t > end) break; // the log is in time order
    events.push(pod === undefined ? event : inPod(event, pod));
  }
  const pods = controller.pods;
  const containers: Trace['containers'] = pods.flatMap((p) => p.sim.specs().map((c) => ({ name: c.name, kind: c.kind, index: c.index, pod: p.name, image: c.image })));
  const trace: Trace = { schema: TRACE_SCHEMA, kubernetesVersion: scenario.sim.kubernetesVersion, end, containers, pods: pods.map(tracePod), events };
  // What each pod's status manager wrote, on the one clock (a stable sort keeps each pod's own order).
  trace.statusWrites = pods
    .flatMap((p) => p.sim.status.writes.filter((w) => w.t <= end).map((w) => ({ ...w, pod: p.name })))
    .sort((a, b) => a.t - b.t);
  if (stop) {
    trace.truncated = stop.truncated;
    const last = pods.at(-1)?.name;
    events.push({ t: end, type: 'sim.truncated', reason: stop.truncated.reason, limit: stop.truncated.limit, why: truncationWhy(stop.truncated), id: 'job/truncated', ...(last ? { pod: last } : {}) });
  }
  return trace;
}
