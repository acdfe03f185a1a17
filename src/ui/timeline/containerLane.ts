// One container's lane: its states as bars (waiting with the reason, running, started, ready,
// terminated with the exit code), each run numbered, and marks where something happened to it.

import type { TraceContainer, TraceEvent } from '../../engine/trace';
import type { Lane, Mark } from './model';
import { SegmentBuilder, type BarState } from './segments';

const runName = (attempt: number) => (attempt === 0 ? '' : ` (restart ${attempt})`);

function running(tone: 'running' | 'started' | 'ready', attempt: number): BarState {
  const word = { running: 'Running', started: 'Started', ready: 'Ready' }[tone];
  const detail = {
    running: 'running, not started yet (startup probe pending)',
    started: 'running and started, not ready',
    ready: 'running and ready',
  }[tone];
  return { tone, label: word + runName(attempt), attempt, title: `${detail}, run ${attempt + 1}` };
}

function waiting(reason: string, attempt: number | undefined, title = `waiting: ${reason}`): BarState {
  const tone = reason.endsWith('BackOff') ? 'backoff' : 'waiting';
  return { tone, label: reason, title, ...(attempt === undefined ? {} : { attempt }) };
}

const RUNNING_TONES: ReadonlySet<string> = new Set(['running', 'started', 'ready']);

/** A container's lane; its bars end at `until` (the trace's end, or when the pod is gone). */
export function containerLane(container: TraceContainer, events: readonly TraceEvent[], until: number): Lane {
  const bars = new SegmentBuilder();
  const marks: Mark[] = [];
  let attempt: number | undefined;
  let waitingReason = 'ContainerCreating';
  const isRunning = () => RUNNING_TONES.has(bars.current?.tone ?? '');

  for (const e of events) {
    if (e.t > until) break;
    if (!('container' in e) || e.container !== container.name) continue;
    switch (e.type) {
      case 'container.waiting':
        waitingReason = e.reason;
        bars.switchTo(e.t, waiting(e.reason, attempt));
        break;
      case 'container.pulling':
        bars.switchTo(e.t, waiting('Pulling', attempt, `pulling image ${e.image}`));
        break;
      case 'container.pulled':
        bars.switchTo(e.t, waiting(waitingReason, attempt));
        break;
      case 'container.backoff':
        bars.switchTo(e.t, waiting('CrashLoopBackOff', attempt, `back-off: the restart waits ${e.delay} s`));
        break;
      case 'container.start':
        attempt = e.attempt;
        bars.switchTo(e.t, running('running', e.attempt));
        break;
      // The status flags change the bar only while the process runs: a regular init container
      // turns ready after it exited 0, and its bar stays "Completed".
      case 'container.started':
        if (isRunning()) bars.switchTo(e.t, running('started', e.attempt));
        break;
      case 'container.ready':
        if (isRunning()) bars.switchTo(e.t, running('ready', e.attempt));
        break;
      case 'container.unready':
        if (bars.current?.tone === 'ready') bars.switchTo(e.t, running('started', e.attempt));
        break;
      case 'container.exit': {
        const ok = e.exitCode === 0;
        bars.switchTo(e.t, {
          tone: ok ? 'exited-ok' : 'exited-error',
          label: `${e.reason} (${e.exitCode})`,
          attempt: e.attempt,
          title: `terminated: ${e.reason}, exit code ${e.exitCode}, run ${e.attempt + 1}`,
        });
        marks.push({ t: e.t, kind: 'exit', label: `exit ${e.exitCode} (${e.reason})` });
        break;
      }
      case 'container.kill':
        marks.push({ t: e.t, kind: 'kill', label: `kill: ${e.reason}, grace ${e.gracePeriodSeconds} s` });
        break;
      case 'container.signal':
        marks.push({ t: e.t, kind: 'signal', label: e.signal });
        break;
      case 'probe.result':
        if (e.result === 'failure') marks.push({ t: e.t, kind: 'probe', label: `${e.probe} probe failed` });
        break;
      case 'hook.start':
        marks.push({ t: e.t, kind: 'hook', label: `${e.hook} hook starts` });
        break;
      case 'fault':
        marks.push({ t: e.t, kind: 'fault', label: `injected: ${e.do}` });
        break;
      default:
        break;
    }
  }
  return { name: container.name, kind: container.kind, bars: bars.finish(until), marks };
}
