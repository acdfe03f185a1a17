// A CKA exercise's `time kubectl delete` of a bare `sleep 10000` (MrAhile/K8s-CKA,
// 2-Workloads/pod-deletion.md, search-index file 7992558148; manifest and published lines in
// fixtures/tm-mrahile-debug-sleep.yaml). No server version printed (alpine:3.15: 2022 or later);
// the behaviour has not changed since, so run at 1.27, 1.31 and 1.36.
// `sleep` is PID 1 with no handler, so the SIGTERM is dropped ([15.3]); the runtime SIGKILLs it
// when the default 30 s grace ends ([8.1] [8.3] [8.6]: 137), and `kubectl delete` returns when the
// API server has removed the pod, after the kubelet reported the terminal status ([6.5] [0.6]).
// Tolerance on the 30.682 s: 1 s, for what the engine leaves out or fixes by choice: kubectl's own
// DELETE and watch round trips (user 0.096 s), the PLEG relist that sees the exit (up to 1 s after
// it, [0.2]) and the API server's removal delay (0.5 s, [15.8], our own constant).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-mrahile-debug-sleep.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.36'];

describe('transcript: `time k delete po debug` of a `sleep 10000` pod, real 0m30.682s (MrAhile/K8s-CKA)', () => {
  it.each(VERSIONS)('is `1/1 Running 0` at the 4 s poll and `1/1 Terminating 0` once deleted (%s) [14.4]', (version) => {
    const rows = simulatedRows(withVersion(SCENARIO, version));
    const running = publishedRow('debug   1/1     Running   0          4s');
    expect(rowAt(rows, running.t)).toEqual({ ready: running.ready, status: running.status, restarts: running.restarts });
    expect(rowAt(rows, 10)).toEqual({ ready: '1/1', status: 'Terminating', restarts: '0' });
  });

  it.each(VERSIONS)('ignores the SIGTERM, is SIGKILLed 30 s after the deletion with 137, and is gone within 1 s of 30.682 s (%s) [8.1] [8.3] [8.6] [15.3] [6.5]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const signals = events.filter((e) => e.type === 'container.signal');
    expect(signals.map((e) => e.type === 'container.signal' && e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    // "a sigkill is sent after 30 seconds": the whole default grace, nothing handled the TERM
    expect(signals[1]!.t - deleted).toBeCloseTo(30, 6);
    const exits = events.filter((e) => e.type === 'container.exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ exitCode: 137 });
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    expect(Math.abs(gone - deleted - 30.682)).toBeLessThanOrEqual(1);
  });
});
