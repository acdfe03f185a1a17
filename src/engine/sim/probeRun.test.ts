// [5.11] When a probe's run misses timeoutSeconds: an exec command's timer starts once the process
// runs (containerd's execInternal: process.Start, then time.After(timeout)), so a command of
// exactly timeoutSeconds answers; an HTTP, TCP or gRPC client's deadline covers the whole request.
import { describe, expect, it } from 'vitest';
import type { ProbeSpec } from '../scenario/types';
import { missesTimeout } from '../scenario/probeTimeout';
import { grpcRunPlan, runPlan } from './probeRun';

const probe = (handler: ProbeSpec['handler'], timeoutSeconds = 1, duration?: number): ProbeSpec => ({
  handler, timeoutSeconds, periodSeconds: 10, initialDelaySeconds: 0, successThreshold: 1, failureThreshold: 3,
  ...(duration === undefined ? {} : { duration }),
});

describe('missesTimeout [5.11]', () => {
  it('an exec command of exactly timeoutSeconds answers (`sleep 1` under the default 1 s); a longer one times out', () => {
    expect(missesTimeout(probe('exec'), 1)).toBe(false);
    expect(missesTimeout(probe('exec'), 0.5)).toBe(false);
    expect(missesTimeout(probe('exec'), 1.001)).toBe(true);
    expect(missesTimeout(probe('exec', 5), 5)).toBe(false);
  });

  it.each(['httpGet', 'tcpSocket', 'grpc'] as const)('a %s handler of timeoutSeconds is late already', (handler) => {
    expect(missesTimeout(probe(handler), 1)).toBe(true);
    expect(missesTimeout(probe(handler), 0.999)).toBe(false);
  });

  it('a handler that never answers always misses it', () => {
    expect(missesTimeout(probe('exec'), null)).toBe(true);
  });

  it('runPlan: the exec `sleep 1` run takes its second and passes; a 2 s one is cut at the timeout', () => {
    expect(runPlan(probe('exec', 1, 1), undefined, 'readiness')).toEqual({ seconds: 1, timedOut: false, handler: 1, dialTimedOut: false, dialled: 0 });
    expect(runPlan(probe('exec', 1, 2), undefined, 'readiness')).toEqual({ seconds: 1, timedOut: true, handler: 2, dialTimedOut: false, dialled: 0 });
  });
});

// [5.17] pkg/probe/grpc Probe (read in the stored grpc.go of 1.2x and 1.3x): grpc.DialContext with
// WithBlock under a context of timeoutSeconds; grpc-go's default back-off (BaseDelay 1 s,
// Multiplier 1.6, jitter left out) puts the connection attempts at 0, 1, 2.6, 5.16… s.
describe('grpcRunPlan [5.17]', () => {
  const start = 100;

  it('an app already listening: the run is the handler\'s own, as any probe\'s', () => {
    expect(grpcRunPlan(probe('grpc', 1), undefined, 'startup', start, start)).toEqual(runPlan(probe('grpc', 1), undefined, 'startup'));
    expect(grpcRunPlan(probe('grpc', 1), undefined, 'startup', start, 0)).toMatchObject({ seconds: 0, timedOut: false, dialled: 0 });
  });

  it('nothing listening for the whole timeout: the run lasts timeoutSeconds and fails as a dial that timed out', () => {
    expect(grpcRunPlan(probe('grpc', 1), undefined, 'liveness', start, Infinity)).toEqual({ seconds: 1, timedOut: true, handler: 0, dialTimedOut: true, dialled: 1 });
    expect(grpcRunPlan(probe('grpc', 5), undefined, 'startup', start, start + 6)).toMatchObject({ seconds: 5, dialTimedOut: true });
  });

  it('the app listens during the dial: the run connects at the next attempt (1 s, then 2.6 s after its start)', () => {
    expect(grpcRunPlan(probe('grpc', 5), undefined, 'startup', start, start + 0.4)).toMatchObject({ seconds: 1, timedOut: false, dialTimedOut: false, dialled: 1 });
    expect(grpcRunPlan(probe('grpc', 5), undefined, 'startup', start, start + 2)).toMatchObject({ seconds: 2.6, timedOut: false, dialled: 2.6 });
    expect(grpcRunPlan(probe('grpc', 10), undefined, 'startup', start, start + 3)).toMatchObject({ timedOut: false, dialled: 1 + 1.6 + 2.56 });
  });

  it('under the default 1 s timeout only the first attempt counts: the retry at 1 s meets the deadline', () => {
    expect(grpcRunPlan(probe('grpc', 1), undefined, 'startup', start, start + 0.5)).toMatchObject({ seconds: 1, dialTimedOut: true });
  });

  it('a health check that gets less than it needs of what the dial left times out as the RPC, not the dial', () => {
    expect(grpcRunPlan(probe('grpc', 5, 3), undefined, 'readiness', start, start + 2)).toEqual({ seconds: 5, timedOut: true, handler: 3, dialTimedOut: false, dialled: 2.6 });
    expect(grpcRunPlan(probe('grpc', 5, 2), undefined, 'readiness', start, start + 2)).toMatchObject({ seconds: 4.6, timedOut: false });
  });
});
