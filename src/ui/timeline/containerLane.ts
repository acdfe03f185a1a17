// One container's lane: its states as bars (waiting with the reason, running, started, ready,
// terminating from the kill to the exit, a sidecar's wait for its turn before that, terminated
// with the exit code), each run numbered,
// back-offs labelled with their delay, hooks as nested bars, and marks where something happened.

import type { TraceContainer, TraceEvent } from '../../engine/trace';
import type { HookBar, Lane, Mark } from './model';
import { forEachEvent, SegmentBuilder, type BarState } from './segments';

const runName = (attempt: number) => (attempt === 0 ? '' : ` #${attempt + 1}`);

const RUNNING_WORD = { running: 'Running', started: 'Started', ready: 'Ready' } as const;

function running(tone: 'running' | 'started' | 'ready', attempt: number, event: number): BarState {
  return { tone, label: RUNNING_WORD[tone] + runName(attempt), attempt, event };
}

function waiting(reason: string, attempt: number | undefined, event: number, label = reason): BarState {
  const tone = reason.endsWith('BackOff') ? 'backoff' : 'waiting';
  return attempt === undefined ? { tone, label, event } : { tone, label, event, attempt };
}

const RUNNING_TONES: ReadonlySet<string> = new Set(['running', 'started', 'ready']);

/** A container's lane; its bars end at `until` (the trace's end, or when the pod is gone). `only`: see podLane. */
export function containerLane(container: TraceContainer, events: readonly TraceEvent[], until: number, only?: readonly number[]): Lane {
  const bars = new SegmentBuilder();
  const marks: Mark[] = [];
  const hooks: HookBar[] = [];
  const openHooks = new Map<string, { start: number; event: number }>();
  let attempt: number | undefined;
  let waitingReason = 'ContainerCreating';
  const isRunning = () => RUNNING_TONES.has(bars.current?.tone ?? '');

  forEachEvent(events, only, (e, i) => {
    if (e.t > until) return;
    if (!('container' in e) || e.container !== container.name) return;
    if (container.pod !== undefined && e.pod !== container.pod) return; // same name, another of a Job's pods
    switch (e.type) {
      case 'container.waiting':
        waitingReason = e.reason;
        if (bars.current?.tone === 'backoff' && e.reason === 'CrashLoopBackOff') break;
        bars.switchTo(e.t, waiting(e.reason, attempt, i));
        break;
      case 'container.pulling':
        bars.switchTo(e.t, waiting('Pulling', attempt, i));
        break;
      case 'container.pulled':
        bars.switchTo(e.t, waiting(waitingReason, attempt, i));
        break;
      case 'container.backoff':
        bars.switchTo(e.t, waiting('CrashLoopBackOff', attempt, i, `back-off ${e.delay}s`));
        break;
      case 'container.start':
        attempt = e.attempt;
        bars.switchTo(e.t, running('running', e.attempt, i));
        break;
      // The status flags change the bar only while the process runs: a regular init container
      // turns ready after it exited 0, and its bar stays "Completed".
      case 'container.started':
        if (isRunning()) bars.switchTo(e.t, running('started', e.attempt, i));
        break;
      case 'container.ready':
        if (isRunning()) bars.switchTo(e.t, running('ready', e.attempt, i));
        break;
      case 'container.unready':
        if (bars.current?.tone === 'ready') bars.switchTo(e.t, running('started', e.attempt, i));
        break;
      case 'container.unstarted':
        if (isRunning()) bars.switchTo(e.t, running('running', e.attempt, i));
        break;
      case 'container.kill':
        if (isRunning() && container.kind === 'sidecar' && e.reason === 'PodTermination') {
          // [8.4] Stop requested, but its stop signal waits until the main containers and the
          // later sidecars have exited: it still runs (its preStop may run meanwhile).
          bars.switchTo(e.t, {
            tone: 'awaiting-turn', label: `Awaiting turn${runName(attempt ?? 0)}`, event: i,
            ...(attempt === undefined ? {} : { attempt }),
          });
        } else if (isRunning()) {
          bars.switchTo(e.t, {
            tone: 'terminating', label: `Terminating${runName(attempt ?? 0)}`, event: i,
            ...(attempt === undefined ? {} : { attempt }),
          });
        }
        marks.push({ t: e.t, kind: 'kill', label: `kill: ${e.reason}, grace ${e.gracePeriodSeconds} s`, event: i });
        break;
      case 'container.exit': {
        const ok = e.exitCode === 0;
        bars.switchTo(e.t, {
          tone: ok ? 'exited-ok' : 'exited-error',
          label: `${e.reason} (${e.exitCode})`,
          attempt: e.attempt,
          event: i,
        });
        marks.push({ t: e.t, kind: 'exit', label: `exit ${e.exitCode} (${e.reason})`, event: i });
        break;
      }
      case 'container.signal':
        if (bars.current?.tone === 'awaiting-turn') {
          bars.switchTo(e.t, {
            tone: 'terminating', label: `Terminating${runName(attempt ?? 0)}`, event: i,
            ...(attempt === undefined ? {} : { attempt }),
          });
        }
        marks.push({ t: e.t, kind: e.signal === 'SIGKILL' ? 'sigkill' : 'signal', label: e.signal, event: i });
        break;
      case 'probe.failed':
        marks.push({ t: e.t, kind: 'probe-miss', label: `${e.probe} probe run failed (${e.run} in a row)`, event: i });
        break;
      case 'probe.errored':
        marks.push({ t: e.t, kind: 'probe-error', label: `${e.probe} probe run errored (context canceled): result unchanged`, event: i });
        break;
      case 'probe.result':
        marks.push({ t: e.t, kind: e.result === 'failure' ? 'probe-fail' : 'probe-ok', label: `${e.probe} probe: ${e.result}`, event: i });
        break;
      case 'hook.start':
        openHooks.set(e.hook, { start: e.t, event: i });
        break;
      case 'hook.end': {
        const open = openHooks.get(e.hook);
        openHooks.delete(e.hook);
        const failed = e.failed === true || (e.exitCode !== undefined && e.exitCode !== 0);
        hooks.push({ start: open?.start ?? e.t, end: e.t, hook: e.hook, event: open?.event ?? i, failed, label: `${e.hook}${failed ? (e.exitCode === undefined ? ' failed' : ` failed (${e.exitCode})`) : ''}` });
        break;
      }
      case 'fault':
        marks.push({ t: e.t, kind: 'fault', label: `injected: ${e.do}`, event: i });
        break;
      default:
        break;
    }
  });
  for (const [hook, open] of openHooks) {
    hooks.push({ start: open.start, end: until, hook: hook as HookBar['hook'], event: open.event, failed: false, label: `${hook} (running)` });
  }
  hooks.sort((a, b) => a.start - b.start);
  return { name: container.name, kind: container.kind, bars: bars.finish(until), marks, hooks, subRows: [] };
}
