// [5.11] When a probe's run misses timeoutSeconds: an exec command's timer starts once the process
// runs (containerd's execInternal: process.Start, then time.After(timeout)), so a command of
// exactly timeoutSeconds answers; an HTTP, TCP or gRPC client's deadline covers the whole request.
import { describe, expect, it } from 'vitest';
import type { ProbeSpec } from '../scenario/types';
import { missesTimeout } from '../scenario/probeTimeout';
import { runPlan } from './probeRun';

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
    expect(runPlan(probe('exec', 1, 1), undefined, 'readiness')).toEqual({ seconds: 1, timedOut: false, handler: 1 });
    expect(runPlan(probe('exec', 1, 2), undefined, 'readiness')).toEqual({ seconds: 1, timedOut: true, handler: 2 });
  });
});
