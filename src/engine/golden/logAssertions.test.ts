import { describe, expect, it } from 'vitest';
import { TRACE_SCHEMA, type Trace, type TraceEvent } from '../trace';
import {
  checks, conditionAt, consistently, eventually, excerpt, finalPhase, GoldenAssertionError, imageAt, isRunning, lastExit,
  logOf, mergedLog, phaseAt, phasesSeen, podGoneAt, restartCount, times, waitingReasons,
} from './logAssertions';

// A compact builder for hand-made traces: [t, type, container?, extra?]
type Row = [number, TraceEvent['type'], string?, Record<string, unknown>?];
function trace(rows: Row[]): Trace {
  const attempts = new Map<string, number>();
  const events = rows.map(([t, type, container, extra]) => {
    const e: Record<string, unknown> = { t, type, why: 'test' };
    if (container !== undefined) e.container = container;
    if (type === 'container.start' && container) attempts.set(container, (attempts.get(container) ?? -1) + 1);
    if (type.startsWith('container.') && container) e.attempt = attempts.get(container) ?? 0;
    return { ...e, ...extra } as unknown as TraceEvent;
  });
  return { schema: TRACE_SCHEMA, kubernetesVersion: '1.36', end: rows.at(-1)?.[0] ?? 0, containers: [], events };
}

// init-1 runs 1s; rinit1 sidecar runs alongside; regular-1 with a preStop hook; rinit1 restarts once.
const T = trace([
  [0, 'pod.scheduled'],
  [1, 'container.pulling', 'init-1', { image: 'busybox:1.36' }],
  [1.5, 'container.pulled', 'init-1', { image: 'busybox:1.36' }],
  [1.5, 'container.start', 'init-1'],
  [1.5, 'container.up', 'init-1'],
  [2.5, 'container.exit', 'init-1', { exitCode: 0, reason: 'Completed' }],
  [3.5, 'container.start', 'rinit1'],
  [3.5, 'container.up', 'rinit1'],
  [4.5, 'container.waiting', 'regular-1', { reason: 'PodInitializing' }],
  [4.5, 'container.start', 'regular-1'],
  [4.5, 'pod.phase', undefined, { phase: 'Running' }],
  [6, 'container.up', 'regular-1'],
  [8, 'container.exit', 'rinit1', { exitCode: 1, reason: 'Error' }],
  [9, 'container.start', 'rinit1'],
  [9, 'container.up', 'rinit1'],
  [10, 'pod.deleted', undefined, { gracePeriodSeconds: 30 }],
  [10, 'hook.start', 'regular-1', { hook: 'preStop' }],
  [11, 'hook.end', 'regular-1', { hook: 'preStop', exitCode: 0 }],
  [12, 'container.exit', 'regular-1', { exitCode: 0, reason: 'Completed' }],
  [13, 'container.exit', 'rinit1', { exitCode: 137, reason: 'Error' }],
  [13, 'pod.phase', undefined, { phase: 'Succeeded' }],
  [13, 'pod.condition', undefined, { condition: 'Initialized', status: 'True', reason: 'PodCompleted' }],
  [14, 'pod.gone'],
]);

describe('mergedLog', () => {
  it('maps container and hook events onto Starting/Started/Exiting lines in trace order', () => {
    const log = mergedLog(T).map((l) => `${l.name}:${l.word}`);
    expect(log.slice(0, 3)).toEqual(['init-1:Starting', 'init-1:Started', 'init-1:Exiting']);
    expect(log).toContain('PreStop-regular-1:Started');
    expect(log.indexOf('PreStop-regular-1:Exiting')).toBeLessThan(log.indexOf('regular-1:Exiting'));
  });
  it('delays a hook Started line when asked, and drops it when the hook ended first', () => {
    const lines = mergedLog(T, { hookStartDelay: { 'PreStop-regular-1': 0.5 } });
    expect(lines.find((l) => l.name === 'PreStop-regular-1' && l.word === 'Started')?.t).toBe(10.5);
    const gone = mergedLog(T, { hookStartDelay: { 'PreStop-regular-1': 5 } });
    expect(gone.some((l) => l.name === 'PreStop-regular-1' && l.word === 'Started')).toBe(false);
  });
});

describe('upstream checkers', () => {
  const log = mergedLog(T);
  it('starts / doesntStart / exits', () => {
    expect(checks.starts(log, 'rinit1')).toBeNull();
    expect(checks.starts(log, 'nobody')).toMatch(/never logged Started/);
    expect(checks.doesntStart(log, 'nobody')).toBeNull();
    expect(checks.doesntStart(log, 'init-1')).toMatch(/expected not to start/);
    expect(checks.exits(log, 'PreStop-regular-1')).toBeNull();
  });
  it('startsBefore works across containers and for restarts of the same container', () => {
    expect(checks.startsBefore(log, 'init-1', 'rinit1')).toBeNull();
    expect(checks.startsBefore(log, 'regular-1', 'init-1')).not.toBeNull();
    expect(checks.startsBefore(log, 'rinit1', 'rinit1')).toBeNull();
    expect(checks.startsBefore(log, 'regular-1', 'regular-1')).not.toBeNull();
  });
  it('exitsBefore: a first Exiting before some later Exiting', () => {
    expect(checks.exitsBefore(log, 'init-1', 'regular-1')).toBeNull();
    expect(checks.exitsBefore(log, 'regular-1', 'rinit1')).toBeNull(); // rinit1's second exit at 13
    expect(checks.exitsBefore(log, 'rinit1', 'init-1')).not.toBeNull();
    expect(checks.exitsBefore(log, 'rinit1', 'rinit1')).toBeNull();
  });
  it('runTogetherLhsFirst needs rhs Started within lhs first run, and rhs to exit later', () => {
    expect(checks.runTogetherLhsFirst(log, 'rinit1', 'regular-1')).toBeNull();
    expect(checks.runTogetherLhsFirst(log, 'regular-1', 'rinit1')).toBeNull(); // rinit1 restarted at 9
    expect(checks.runTogetherLhsFirst(log, 'init-1', 'rinit1')).toMatch(/after init-1 was Exiting/);
    expect(checks.runTogetherLhsFirst(log, 'PreStop-regular-1', 'rinit1')).not.toBeNull();
    expect(checks.runTogetherLhsFirst(log, 'regular-1', 'PreStop-regular-1')).toBeNull();
  });
  it('runTogether holds in either order', () => {
    expect(checks.runTogether(log, 'regular-1', 'rinit1')).toBeNull();
    expect(checks.runTogether(log, 'PreStop-regular-1', 'regular-1')).toBeNull();
    expect(checks.runTogether(log, 'init-1', 'regular-1')).toMatch(/neither order holds/);
  });
  it('restarted / notRestarted count Starting lines', () => {
    expect(checks.restarted(log, 'rinit1')).toBeNull();
    expect(checks.restarted(log, 'init-1')).not.toBeNull();
    expect(checks.notRestarted(log, 'init-1')).toBeNull();
    expect(checks.notRestarted(log, 'rinit1')).toMatch(/again at t=9/);
    expect(checks.notRestarted(log, 'nobody')).not.toBeNull();
  });
});

describe('logOf', () => {
  it('throws a readable error with the container events on failure', () => {
    const l = logOf(T);
    l.startsBefore('init-1', 'rinit1');
    l.not.startsBefore('regular-1', 'init-1');
    let err: unknown;
    try { l.notRestarted('rinit1'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(GoldenAssertionError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/notRestarted\(rinit1\) does not hold/);
    expect(msg).toMatch(/9\.000 {2}container\.start {4}container=rinit1 attempt=1/);
    expect(msg).not.toMatch(/container=init-1/);
    expect(() => l.not.starts('rinit1')).toThrow(/holds but upstream expects it not to/);
  });
});

describe('status helpers', () => {
  it('phases', () => {
    expect(phaseAt(T, 0)).toBe('Pending');
    expect(phaseAt(T, 4.5)).toBe('Running');
    expect(phaseAt(T, 12.9)).toBe('Running');
    expect(finalPhase(T)).toBe('Succeeded');
    expect(phasesSeen(T)).toEqual(['Running', 'Succeeded']);
  });
  it('restartCount, exits, waiting reasons, gone', () => {
    expect(restartCount(T, 'rinit1')).toBe(1);
    expect(restartCount(T, 'rinit1', 8.9)).toBe(0);
    expect(restartCount(T, 'never-started')).toBe(0);
    expect(lastExit(T, 'rinit1')).toEqual({ exitCode: 137, reason: 'Error', t: 13 });
    expect(lastExit(T, 'rinit1', 10)).toEqual({ exitCode: 1, reason: 'Error', t: 8 });
    expect(waitingReasons(T, 'regular-1')).toEqual(['PodInitializing']);
    expect(podGoneAt(T)).toBe(14);
    expect(conditionAt(T, 'Initialized')).toEqual({ status: 'True', reason: 'PodCompleted' });
    expect(conditionAt(T, 'Initialized', 12)).toBeUndefined();
    expect(times(T, 'container.start', 'rinit1')).toEqual([3.5, 9]);
    expect(podGoneAt(trace([[0, 'pod.scheduled']]))).toBeUndefined();
  });
  it('isRunning and imageAt', () => {
    expect(isRunning(T, 'rinit1', 8)).toBe(false);
    expect(isRunning(T, 'rinit1', 9)).toBe(true);
    expect(isRunning(T, 'init-1', 2)).toBe(true);
    expect(imageAt(T, 'init-1')).toBe('busybox:1.36');
    expect(imageAt(T, 'rinit1')).toBeUndefined();
  });
  it('eventually / consistently evaluate at every event time in the window', () => {
    expect(eventually(T, 0, 20, (t) => restartCount(T, 'rinit1', t) >= 1)).toBe(9);
    expect(eventually(T, 0, 8.5, (t) => restartCount(T, 'rinit1', t) >= 1)).toBeUndefined();
    expect(consistently(T, 5, 12, (t) => phaseAt(T, t) === 'Running')).toBeUndefined();
    expect(consistently(T, 5, 13, (t) => phaseAt(T, t) === 'Running')).toBe(13);
  });
  it('excerpt lists the named containers, hooks mapped to their container', () => {
    const x = excerpt(T, ['PreStop-regular-1']);
    expect(x).toMatch(/hook\.start .*container=regular-1 hook=preStop/);
    expect(x).toMatch(/pod\.phase .*phase=Running/);
    expect(x).not.toMatch(/container=rinit1/);
  });
});
