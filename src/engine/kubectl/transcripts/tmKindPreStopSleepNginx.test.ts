// `time kubectl delete pod lc-hooks`: nginx with a preStop exec hook `echo …; sleep 5; echo …` and
// terminationGracePeriodSeconds 30, "deletion took 6.0s" (Dhruv Davda, SST "Topic 09", section 7;
// search-index file 70224325738; a kind cluster, Wed Oct 7 2026, kubectl 1.35+ by its `deleted from
// default namespace`). Manifest (rebuilt from the printed fields) and published lines:
// fixtures/tm-kind-lc-hooks-prestop.yaml. Run at 1.35 and 1.37 (and 1.31 for the timing, which
// has not changed since).
// The kubelet runs the preStop hook first and sends the stop signal only when it returns, within
// the grace period ([8.3]); nginx then exits 0 at once (an input); the kubelet reports the terminal
// phase and the API server removes the pod ([6.5] [0.6] [15.8]), which is when `kubectl delete`
// returns. From 1.31 the printer keeps the terminal pod's STATUS ([14.4]). The source's prose says
// "SIGTERM"; the signal is the nginx image's STOPSIGNAL, SIGQUIT ([8.13]: containerd sends the
// image's stop signal; nothing printed shows which), and nginx stops on either.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-kind-lc-hooks-prestop.yaml', import.meta.url), 'utf8');

describe('transcript: `time kubectl delete pod lc-hooks`, a 5 s preStop sleep, "deletion took 6.0s" (kind, kubectl 1.35+)', () => {
  it.each(['1.31', '1.35', '1.37'])('holds the stop signal 5 s for the hook, exits 0 and is removed within 1 s of 6.0 s (%s) [8.3] [8.6] [6.5]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const hook = events.filter((e) => (e.type === 'hook.start' || e.type === 'hook.end') && e.hook === 'preStop');
    expect(hook.map((e) => e.type)).toEqual(['hook.start', 'hook.end']);
    expect(hook[0]!.t).toBe(deleted);
    const signals = events.filter((e) => e.type === 'container.signal');
    expect(signals.map((e) => e.type === 'container.signal' && e.signal)).toEqual(['SIGQUIT']);
    // "preStop sleeps 5s before SIGTERM proceeds" (the image's stop signal, SIGQUIT, [8.13])
    expect(signals[0]!.t - deleted).toBeCloseTo(5, 6);
    const exits = events.filter((e) => e.type === 'container.exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    expect(Math.abs(gone - deleted - 6.0)).toBeLessThanOrEqual(1);
  });

  it.each(['1.35', '1.37'])('prints `1/1 Terminating 0` through the hook, then `0/1 Completed 0` (%s) [8.3] [14.4]', (version) => {
    const text = withVersion(SCENARIO, version);
    const events = runScenario(text).trace!.events;
    const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
    const gone = events.find((e) => e.type === 'pod.gone')!.t;
    const rows = simulatedRows(text).filter((r) => r.t >= deleted && r.t <= gone);
    expect(rows.map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(['1/1 Terminating 0', '0/1 Completed 0']);
    expect(rows[1]!.t - deleted).toBeCloseTo(5, 6);
  });
});
