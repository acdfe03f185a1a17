// The events listed for the ssup2 blog's native-sidecar pods (ssup2/blog-software, "Kubernetes
// Sidecar Container", sections 1.1-1.3, July 2025; search-index file 41515823454; published lines
// in src/engine/kubectl/transcripts/fixtures/tm-ssup2-sidecar-*.yaml, whose pod rows and logs
// src/engine/kubectl/transcripts/tmSsup2SidecarTermination.test.ts checks). A 1.29-1.31 cluster
// (reverse-order sidecar stop; `Created container X` without a colon, [10.6]): run at 1.29, 1.30,
// 1.31. Ages within kubectl's whole seconds, 1 s (expectDescribeAges); the listing's time is
// dated from the published ages themselves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../../engine/kubectl/humanDuration';
import { expectDescribeAges, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const fixture = (name: string) => readFileSync(new URL(`../../engine/kubectl/transcripts/fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.29', '1.30', '1.31'];

function traceOf(name: string, version: string) {
  return runScenario(withVersion(fixture(name), version)).trace!;
}
const startsOf = (trace: ReturnType<typeof traceOf>, container: string) => trace.events.filter((e) => e.type === 'container.start' && e.container === container).map((e) => e.t);

describe('transcript events: ssup2 1.1, a deleted pod with two sidecars (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-order.yaml';
  const POD = 'sidecar-container-order-example';

  it.each(VERSIONS)('lists Started 59s/58s/57s and three Killing events 30s ago, 30 s after the deletion (%s) [8.4] [10.6]', (version) => {
    const trace = traceOf(NAME, version);
    const deleted = trace.events.find((e) => e.type === 'pod.deleted')!.t;
    const dumpAt = deleted + 30;
    const rows = describeEvents(trace, dumpAt, POD);
    const started = (c: string) => rows.filter((r) => r.reason === 'Started' && r.message === `Started container ${c}`).map((r) => r.t);
    expectDescribeAges(dumpAt, [
      ['Started first-sidecar', started('first-sidecar'), 1, 59, 59],
      ['Started second-sidecar', started('second-sidecar'), 1, 58, 58],
      ['Started app', started('app'), 1, 57, 57],
    ]);
    const killing = rows.filter((r) => r.reason === 'Killing');
    expect(killing.map((r) => r.message).sort()).toEqual(['Stopping container app', 'Stopping container first-sidecar', 'Stopping container second-sidecar']);
    for (const r of killing) expect(Math.abs(dumpAt - r.t - 30), r.message).toBeLessThanOrEqual(1);
    // all three in the same second, the sidecars' although their SIGTERMs come 3 s and 6 s later
    expect(new Set(killing.map((r) => apiSecond(r.t))).size).toBe(1);
  });
});

describe('transcript events: ssup2 1.2, a Never pod whose app exits, then its sidecars (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-exit.yaml';
  const POD = 'sidecar-container-exit-example';

  it.each(VERSIONS)('lists Started 71s/70s/69s and Killing for the two sidecars only, 65s ago (%s) [8.1] [10.6]', (version) => {
    const trace = traceOf(NAME, version);
    // the listing's time: the first start 71 s before it
    const dumpAt = apiSecond(startsOf(trace, 'first-sidecar')[0]!) + 71;
    const rows = describeEvents(trace, dumpAt, POD);
    const at = (reason: string, message: string) => rows.filter((r) => r.reason === reason && r.message === message).map((r) => r.t);
    expectDescribeAges(dumpAt, [
      ['Started first-sidecar', at('Started', 'Started container first-sidecar'), 1, 71, 71],
      ['Started second-sidecar', at('Started', 'Started container second-sidecar'), 1, 70, 70],
      ['Started app', at('Started', 'Started container app'), 1, 69, 69],
      ['Killing first-sidecar', at('Killing', 'Stopping container first-sidecar'), 1, 65, 65],
      ['Killing second-sidecar', at('Killing', 'Stopping container second-sidecar'), 1, 65, 65],
    ]);
    // the app had exited by itself: no Killing for it
    expect(at('Killing', 'Stopping container app')).toEqual([]);
  });
});

describe('transcript events: ssup2 1.3, a sidecar whose liveness probe always fails (1.29-1.31)', () => {
  const NAME = 'tm-ssup2-sidecar-liveness.yaml';
  const POD = 'sidecar-container-liveness-fail-example';

  it.each(VERSIONS)('describe at 117 s: Started x2 57s/117s, Unhealthy x6 27s/108s, Killing x2 27s/87s (%s) [4.4] [5.13] [8.9] [10.6]', (version) => {
    const trace = traceOf(NAME, version);
    const dumpAt = 117.5; // Scheduled 117s: the engine's t = 0 is the scheduling
    const rows = describeEvents(trace, dumpAt, POD);
    const row = (reason: string, message: (m: string) => boolean) => rows.find((r) => r.reason === reason && message(r.message));
    // [reason, the describe row, the published count, the age of the last, the age of the first]
    const checks: [string, ReturnType<typeof row>, number, number, number][] = [
      ['Started', row('Started', (m) => m === 'Started container sidecar'), 2, 57, 117],
      ['Unhealthy', row('Unhealthy', (m) => m === 'Liveness probe failed:'), 6, 27, 108],
      ['Killing', row('Killing', () => true), 2, 27, 87],
    ];
    for (const [reason, ours, count, last, first] of checks) {
      expect(ours, reason).toBeDefined();
      expect(ours!.count, reason).toBe(count);
      expect(Math.abs(dumpAt - ours!.t - last), `${reason}: last`).toBeLessThanOrEqual(1);
      expect(Math.abs(dumpAt - ours!.first - first), `${reason}: first`).toBeLessThanOrEqual(1);
    }
  });

  // Published `Init container sidecar failed liveness probe`: computeInitContainerActions' own
  // message for a restartable init container (kuberuntime_container.go, read in a 1.3x tree), not
  // computePodActions' `Container X failed liveness probe, will be restarted`. Was a disagreement
  // (the panel worded every probe kill as a main container's), fixed in session 31.
  it.each(VERSIONS)('words the sidecar\'s Killing as computeInitContainerActions does: "Init container sidecar failed liveness probe" (%s) [4.4] [10.6]', (version) => {
    const rows = describeEvents(traceOf(NAME, version), 117.5, POD);
    expect(rows.filter((r) => r.reason === 'Killing').map((r) => r.message)).toEqual(['Init container sidecar failed liveness probe']);
  });

});
