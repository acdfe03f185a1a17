// A homework write-up, "Tasks", task 1 (search-index file 32898046349; 2024-11-16, containerd on a
// kubeadm-style VirtualBox cluster): an init container running `/bin/bash -c …` in `alpine`, which
// has no bash, before three main containers. The pod, what the engine is given and the source:
// fixtures/hw-readiness-http-init-bash.yaml. Server version not printed: 1.30 or 1.31 by its events
// (Pulled with `Image size`, from 1.30; `Created container init-data` without the colon, up to
// 1.31, [10.6]), so run at 1.30 and 1.31.
// Published: `kubectl get pods -o wide`
//   readiness-http   0/3   Init:CrashLoopBackOff   3 (27s ago)   77s
// and its describe 3m24s after scheduling: init-data Waiting RunContainerError, Last State
// Terminated StartError, Exit Code 128, Started `Thu, 01 Jan 1970 02:00:00 +0200` (the epoch),
// Finished 20:09:33 (200 s), Restart Count 5; the three main containers Waiting PodInitializing;
// PodReadyToStartContainers True, Initialized False, Ready False, ContainersReady False. The runs'
// starts, from the Created and Pulled events: 2, 3, 21, 50 s, the fifth after the Pulling at 102 s,
// the sixth ended at 200 s. The describe's event counts: state/trace/hwReadinessHttpDescribe42Transcript.test.ts.
// Rules: [3.5] a start the runtime refuses (StartError 128, RunContainerError); [4.1] [4.5] the
// init container restarted under Always with the back-off; [4.6] up to 1.34 the requeue after a
// back-off error, 10 s × [1, 1.5); [14.1] the printer's `Init:` reasons and the "(… ago)".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, publishedRow, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/hw-readiness-http-init-bash.yaml', import.meta.url), 'utf8');
const LINE = 'readiness-http   0/3     Init:CrashLoopBackOff   3 (27s ago)   77s   10.244.2.2   node3   <none>           <none>';
const VERSIONS = ['1.30', '1.31'];
// the node's runs, whole seconds: starts 2, 3, 21, 50, about 103 (after the Pulling at 102 s)
// and the sixth's end 200 (its Finished); each run ends in the second it starts
const NODE_RUNS = [3, 21, 50, 103, 200]; // the second to the sixth

type Kubectl = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const eventsOf = (version: string): TraceEvent[] => {
  const r = runScenario(withVersion(SCENARIO, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
};
const exitsOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: a homework\'s init container running /bin/bash in alpine (StartError, 2024)', () => {
  it.each(VERSIONS)('prints `0/3 Init:CrashLoopBackOff 3` at 77s, its "ago" dating the fourth run (%s) [3.5] [4.5] [14.1]', (version) => {
    const events = eventsOf(version);
    const published = publishedRow(LINE);
    const row = events.filter((e): e is Kubectl => e.type === 'pod.kubectl' && e.t <= published.t).at(-1)!;
    expect({ ready: row.ready, status: row.status, restarts: row.restarts.split(' ')[0] })
      .toEqual({ ready: '0/3', status: 'Init:CrashLoopBackOff', restarts: '3' });
    // published: AGE 77 minus 27 = 50, the fourth run's whole second; ours: the same arithmetic
    // names our fourth run
    expect(published.t - agoOf(LINE)!).toBe(NODE_RUNS[2]);
    const ago = /\((\d+)s ago\)/.exec(row.restarts)?.[1];
    expect(Math.floor(row.t) - Number(ago)).toBe(Math.floor(exitsOf(events)[3]!.t));
  });

  it.each(VERSIONS)('fails every start with StartError 128 and starts no main container (%s) [3.5] [7.2]', (version) => {
    const events = eventsOf(version);
    const exits = exitsOf(events);
    expect(exits.filter((e) => e.t <= 204)).toHaveLength(6); // Restart Count 5 at the describe
    for (const e of exits) expect(e).toMatchObject({ container: 'init-data', exitCode: 128, reason: 'StartError' });
    expect(events.filter((e) => e.type === 'container.start')).toEqual([]);
    const last = (condition: string) => events.filter((e) => e.type === 'pod.condition' && e.condition === condition && e.t <= 204).at(-1);
    expect(last('Initialized')).toMatchObject({ status: 'False' });
    expect(last('Ready')).toMatchObject({ status: 'False' });
    expect(last('ContainersReady')).toMatchObject({ status: 'False' });
    expect(last('PodReadyToStartContainers')).toMatchObject({ status: 'True' });
    // each failed start shows `Init:RunContainerError` (the reason cache, [10.2]) before the back-off's
    // `Init:CrashLoopBackOff`, as the describe's Waiting RunContainerError 4 s after the sixth failure
    const statuses = events.filter((e): e is Kubectl => e.type === 'pod.kubectl').map((e) => e.status);
    expect(statuses).toContain('Init:RunContainerError');
  });

  it.each(VERSIONS)('restarts at once after the first failure, then no sooner than the back-off and within the requeue\'s jitter of the node (%s) [4.5] [4.6]', (version) => {
    const ends = exitsOf(eventsOf(version)).map((e) => e.t);
    // the node's second run came a second after the first (Pulled 3m22s, 3m21s): no back-off yet
    expect(ends[1]! - ends[0]!).toBeLessThan(2);
    const backoff = [10, 20, 40, 80];
    for (let i = 0; i < 4; i++) {
      const ours = ends[i + 2]! - ends[i + 1]!;
      const node = NODE_RUNS[i + 1]! - NODE_RUNS[i]!; // 18, 29, 53, 97
      expect(ours).toBeGreaterThanOrEqual(backoff[i]!);
      // up to 1.34 a refused start is retried by the requeue after the error, 10 s × [1, 1.5)
      // each, so the node restarts up to half the back-off (plus a second's rounding) later than
      // the engine's earliest draw, never sooner
      expect(node - ours, `run ${i + 3}`).toBeGreaterThanOrEqual(-1.5);
      expect(node - ours, `run ${i + 3}`).toBeLessThanOrEqual(0.5 * backoff[i]! + 2);
    }
  });
});
