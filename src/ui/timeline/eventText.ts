// One trace event in words, for the tooltip and the selection panel.

import { probeErroredReason, type TraceEvent } from '../../engine/trace';
import { formatSeconds } from './scale';

/** "10 s · istio-proxy · container.exit" */
export function eventTitle(e: TraceEvent): string {
  const who = 'container' in e && e.container ? e.container : 'pod';
  return `${formatSeconds(e.t)} s · ${who} · ${e.type}`;
}

/** The event's own fields, briefly. */
export function eventDetail(e: TraceEvent): string {
  switch (e.type) {
    case 'pod.phase': return `phase ${e.phase}`;
    case 'pod.condition': return `${e.condition}=${e.status}${e.reason ? ` (${e.reason})` : ''}`;
    case 'pod.kubectl': return `READY ${e.ready}  STATUS ${e.status}  RESTARTS ${e.restarts}`;
    case 'pod.deleted': return `grace period ${e.gracePeriodSeconds} s`;
    case 'pod.sandboxChanged': return `new sandbox, attempt ${e.attempt}`;
    case 'pod.deadlineExceeded': return 'past activeDeadlineSeconds';
    case 'pod.exceededGracePeriod': return 'killPodNow stopped waiting';
    case 'container.pulling':
    case 'container.pulled': return e.image;
    case 'container.start':
    case 'container.up':
    case 'container.started':
    case 'container.ready':
    case 'container.unready':
    case 'container.unstarted': return `run ${e.attempt + 1}`;
    case 'container.exit': return `exit code ${e.exitCode} (${e.reason}), run ${e.attempt + 1}`;
    case 'container.kill': return `${e.reason}, grace ${e.gracePeriodSeconds} s`;
    case 'container.signal': return e.signal;
    case 'container.backoff': return `back-off ${e.delay} s`;
    case 'container.backoffAgain': return `still in its ${e.delay} s back-off`;
    case 'container.pullBackoff': return `pull of ${e.image} in back-off`;
    case 'container.waiting': return e.reason;
    case 'hook.start': return e.hook;
    case 'hook.end': return `${e.hook}${e.exitCode === undefined ? (e.failed ? ', failed' : '') : `, exit code ${e.exitCode}`}`;
    case 'probe.result': return `${e.probe} probe: ${e.result}`;
    case 'probe.failed': return `${e.probe} probe run failed, ${e.run} in a row, run ${e.attempt + 1}`;
    case 'probe.errored': return `${e.probe} probe run errored (${probeErroredReason(e)}), run ${e.attempt + 1}`;
    case 'sim.truncated': return `stopped early: budget of ${e.limit.toLocaleString('en-US')} ${e.reason === 'events' ? 'events' : 'steps'}`;
    case 'node.kubeletRestart':
    case 'node.kubeletStarted':
    case 'node.containersRemoved':
    case 'node.reboot':
    case 'node.sandboxDied':
    case 'node.eviction':
    case 'node.shutdown':
    case 'node.poweredOff': return `node: ${e.do}`;
    case 'fault': return `${e.do}${e.exitCode === undefined ? '' : `, exit code ${e.exitCode}`}${e.for === undefined ? '' : `, for ${e.for} s`}`;
    default: return '';
  }
}
