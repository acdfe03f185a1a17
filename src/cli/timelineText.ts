// `sim run` without --json: one line per trace event, and the `kubectl get pod` row wherever
// it changes (the trace's pod.kubectl events).
//   12.300  istio-proxy       container.start    attempt 0 — [2.1] …

import { probeErroredReason, type Trace, type TraceEvent } from '../engine/trace';

const TIME_WIDTH = 9;
const WHO_WIDTH = 17;
const TYPE_WIDTH = 18;

/** The event's own fields, in a few words. */
export function eventDetail(e: TraceEvent): string {
  switch (e.type) {
    case 'pod.phase': return e.phase;
    case 'pod.condition': return `${e.condition}=${e.status}${e.reason ? ` (${e.reason})` : ''}`;
    case 'pod.kubectl': return `READY ${e.ready}  STATUS ${e.status}  RESTARTS ${e.restarts}`;
    case 'pod.deleted': return `grace ${e.gracePeriodSeconds}s`;
    case 'container.pulling':
    case 'container.pulled': return e.image;
    case 'pod.sandboxChanged': return `sandbox attempt ${e.attempt}`;
    case 'pod.deadlineExceeded': return 'past activeDeadlineSeconds';
    case 'pod.exceededGracePeriod': return 'ExceededGracePeriod';
    case 'container.start':
    case 'container.up':
    case 'container.started':
    case 'container.ready':
    case 'container.unready':
    case 'container.unstarted': return `attempt ${e.attempt}`;
    case 'container.exit': return `attempt ${e.attempt}, exit ${e.exitCode} (${e.reason})`;
    case 'container.kill': return `${e.reason}, grace ${e.gracePeriodSeconds}s`;
    case 'container.signal': return e.signal;
    case 'container.backoff': return `delay ${e.delay}s`;
    case 'container.backoffAgain': return `still in the ${e.delay}s back-off`;
    case 'container.pullBackoff': return `${e.image}: pull in back-off`;
    case 'container.waiting': return e.reason;
    case 'hook.start': return e.hook;
    case 'hook.end': return e.exitCode === undefined ? (e.failed ? `${e.hook}, failed` : e.hook) : `${e.hook}, exit ${e.exitCode}`;
    case 'probe.result': return `${e.probe} ${e.result}`;
    case 'probe.failed': return `${e.probe} run failed (${e.run} in a row)`;
    case 'probe.errored': return `${e.probe} run errored (${probeErroredReason(e)})`;
    case 'job.failed': return e.reason;
    case 'node.kubeletRestart':
    case 'node.kubeletStarted':
    case 'node.containersRemoved':
    case 'node.reboot':
    case 'node.sandboxDied':
    case 'node.eviction':
    case 'node.shutdown':
    case 'node.poweredOff': return e.do;
    case 'sim.truncated': return `budget of ${e.limit} ${e.reason} reached`;
    case 'fault': {
      const what = [e.do, e.exitCode === undefined ? '' : `exit ${e.exitCode}`, e.for === undefined ? '' : `for ${e.for}s`, e.image ?? '']
        .filter(Boolean).join(', ');
      return e.message === undefined ? what : `${what}: ${e.message}`; // a failed pull's error, as the runtime gave it ([10.9])
    }
    default: return '';
  }
}

export function eventLine(e: TraceEvent): string {
  // For Jobs, events carry their pod's name: container lines read pod/container.
  const container = 'container' in e && e.container ? e.container : undefined;
  const who = e.pod ? (container ? `${e.pod}/${container}` : e.pod) : container ?? 'pod';
  const time = e.t.toFixed(3).padStart(TIME_WIDTH);
  const detail = eventDetail(e);
  const head = `${time}  ${who.padEnd(WHO_WIDTH - 1)} ${e.type.padEnd(TYPE_WIDTH - 1)} ${detail}`.trimEnd();
  return `${head} — ${e.why}`;
}

function stoppedEarly(trace: Trace): string {
  const cut = trace.truncated;
  return cut ? ` (stopped early: the budget of ${cut.limit} ${cut.reason === 'events' ? 'trace events' : 'simulation steps'}, of ${cut.horizon} s)` : '';
}

export function timelineText(trace: Trace): string[] {
  const kinds = trace.containers.filter((c) => !c.pod || c.pod === trace.pods?.[0]?.name).map((c) => `${c.name} (${c.kind})`).join(', ');
  const pods = trace.pods && trace.pods.length > 1 ? `; pods: ${trace.pods.map((p) => `${p.name}${p.phase ? ` (${p.phase})` : ''}`).join(', ')}` : '';
  return [
    `# Kubernetes ${trace.kubernetesVersion}; ends at ${trace.end.toFixed(3)} s${stoppedEarly(trace)}; containers: ${kinds}${pods}`,
    ...trace.events.map((e) => (e.type === 'pod.kubectl'
      ? `${e.t.toFixed(3).padStart(TIME_WIDTH)}  ${'kubectl get pod'.padEnd(WHO_WIDTH - 1)} ${'READY'.padEnd(6)}${e.ready.padEnd(6)}STATUS ${e.status.padEnd(22)} RESTARTS ${e.restarts}`
      : eventLine(e))),
  ];
}
