// A DaemonSet's busybox agent (`sh` as PID 1, no trap, a `sleep 10` loop) deleted with
// `--grace-period=5` on a single-node minikube, Kubernetes v1.37.0 (an SST session-10 write-up,
// search-index file 68755711786, September 2026; manifest and published lines in
// fixtures/tm-sst-daemonset-agent-grace5.yaml). Polled every 4 s, verbatim:
//   node-logging-agent-vx94l   1/1   Terminating   0     11s
//   --
//   node-logging-agent-vx94l   1/1   Terminating   0     16s
//   --
//   node-logging-agent-rbmkh   1/1   Running   0     3s        <-- automatically replaced
// `sh` drops the SIGTERM ([15.3]); the kubelet SIGKILLs it when the 5 s given with the deletion end
// ([8.1] [8.3] [8.5], 137 [8.6]); the pod is removed once the kubelet reported its terminal phase
// ([6.5] [0.6] [15.8]), and the DaemonSet controller creates the replacement only then, so its AGE
// at the third poll dates the removal. The deletion at AGE 11.5 s is the one input (the first poll
// right after it printed 11s; the second, at 16s, still `1/1`, so the SIGKILL came after it).
// Run at 1.31, 1.34 and 1.37: nothing here changed between them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRows, rowAt, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-sst-daemonset-agent-grace5.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34', '1.37'];

describe('transcript: `kubectl delete pod … --grace-period=5` of a DaemonSet\'s `sh` loop (minikube, Kubernetes v1.37.0)', () => {
  const published = publishedRows(`
node-logging-agent-vx94l   1/1   Terminating   0     11s
node-logging-agent-vx94l   1/1   Terminating   0     16s`);

  it.each(VERSIONS)('is `1/1 Terminating 0` at both polls, 11s and 16s (%s) [8.1] [14.4]', (version) => {
    const rows = simulatedRows(withVersion(SCENARIO, version));
    const deleted = runScenario(withVersion(SCENARIO, version)).trace!.events.find((e) => e.type === 'pod.deleted')!.t;
    // the first poll came right after the deletion (AGE 11), the second in the second of AGE 16
    for (const [row, at] of [[published[0]!, deleted], [published[1]!, published[1]!.t]] as const) {
      expect(Math.floor(at)).toBe(row.t);
      expect(rowAt(rows, at)).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
    }
  });

  it.each(VERSIONS)('drops the SIGTERM, is SIGKILLed 5 s after the deletion with 137, and is removed before the replacement\'s `3s` poll (%s) [15.3] [8.5] [8.6] [6.5]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted');
    expect(deleted).toMatchObject({ gracePeriodSeconds: 5 });
    const signals = events.filter((e) => e.type === 'container.signal');
    expect(signals.map((e) => e.type === 'container.signal' && e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(signals[0]!.t).toBe(deleted!.t);
    expect(signals[1]!.t - deleted!.t).toBeCloseTo(5, 6);
    const exits = events.filter((e) => e.type === 'container.exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ exitCode: 137, reason: 'Error' });
    // Listed at the 16s poll; the third poll (≥ 4 s later, before AGE 22) shows the replacement at
    // AGE 3, created once the old pod was gone: between 16 and 19 s on the old pod's clock.
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    expect(gone).toBeGreaterThan(16);
    expect(gone).toBeLessThan(19);
  });
});
