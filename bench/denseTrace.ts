// A generated trace for the pan benchmark: 20 containers that crash-loop on liveness failures
// for an hour, 10,000 marks in all (probe failures, kills, signals, exits).

import { TRACE_SCHEMA, type Trace, type TraceContainer, type TraceEvent } from '../src/engine/trace';

const why = 'generated for the benchmark [0]';

export function denseTrace(containers = 20, cyclesPerContainer = 125): Trace {
  const list: TraceContainer[] = Array.from({ length: containers }, (_, i) => ({ name: `c${String(i).padStart(2, '0')}`, kind: i === 0 ? 'sidecar' : 'main', index: i === 0 ? 0 : i - 1 }));
  const events: TraceEvent[] = [{ t: 0, type: 'pod.scheduled', why }, { t: 0, type: 'pod.phase', phase: 'Running', why }];
  const end = 3600;
  const period = end / cyclesPerContainer;
  list.forEach((c, ci) => {
    for (let k = 0; k < cyclesPerContainer; k++) {
      const t0 = Math.round((k * period + ci * 0.37) * 1000) / 1000;
      const at = (dt: number) => Math.round((t0 + dt * period) * 1000) / 1000;
      const container = c.name;
      events.push(
        { t: t0, type: 'container.start', container, attempt: k, why },
        { t: at(0.05), type: 'container.started', container, attempt: k, why },
        { t: at(0.1), type: 'container.ready', container, attempt: k, why },
        { t: at(0.5), type: 'probe.result', container, probe: 'liveness', result: 'failure', why },
        { t: at(0.5), type: 'container.kill', container, reason: 'LivenessProbe', gracePeriodSeconds: 30, why },
        { t: at(0.5), type: 'container.signal', container, signal: 'SIGTERM', why },
        { t: at(0.7), type: 'container.exit', container, attempt: k, exitCode: 143, reason: 'Error', why },
        { t: at(0.7), type: 'container.backoff', container, delay: 10, why },
      );
    }
  });
  events.sort((a, b) => a.t - b.t);
  events.push({ t: end, type: 'sim.horizon', why });
  return { schema: TRACE_SCHEMA, kubernetesVersion: '1.36', end, containers: list, events };
}

/** The marks the timeline draws for a trace made by denseTrace. */
export function markCount(trace: Trace): number {
  return trace.events.filter((e) => ['probe.result', 'container.kill', 'container.signal', 'container.exit'].includes(e.type)).length;
}
