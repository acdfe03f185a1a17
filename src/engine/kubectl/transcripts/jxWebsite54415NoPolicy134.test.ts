// kubernetes/website#54415, "Fix incorrect time estimate in Pod failure policy example" (Amine-LG,
// description, 2026-02-12; https://github.com/kubernetes/website/pull/54415, merged). Server
// version, as printed: "Kubernetes v1.34.0 (minikube)"; run at 1.34, and at 1.29, 1.31 and 1.37,
// where the back-off and the batching read are the same (backoff_utils.go from 1.28). The author
// ran the Pod failure policy task's FailJob example without its podFailurePolicy: completions 8,
// parallelism 2, backoffLimit 6, `sleep 30 && exit 42`; the manifest and the published lines,
// verbatim, are in fixtures/jx-website54415-no-policy134.yaml: "Job start time: 14:11:43",
// "Job fail time: 14:20:49", "Total duration: 9 minutes 6 seconds", "Total failed Pods: 8", and
// the timeline's first rows: pods 1-2 created 14:11:43, pods 1-2 fail 14:12:14 ("failures: 2",
// "20s"), pods 3-4 created 14:12:34 (the stored description is cut there). Not kubectl rows but a
// timeline the PR prints from its run; kept for its times, which no listing gives.
// Rules: [16.2] two pods at a time (parallelism 2), and a pod's terminal status syncs the Job a
// second later; [16.3] no success, so every failed pod counts toward backoffLimit: with both pods
// of a wave failing at once, the back-off after failures 2, 4, 6 is 20 s, 80 s, 320 s, counted
// from the wave's exit second, and the Job fails with BackoffLimitExceeded when the fourth wave
// makes 8 > 6; from 1.31 [16.8] its Failed condition waits for its pods, already terminal here.
// Input, not checked: bash:5 is on the node; each run ends with code 42 30.6 s after its start,
// fitted to the first wave's failure at 31 s (see the fixture). Checked: four waves of two pods,
// each pod `0/1 Error 0`, 8 failed pods, BackoffLimitExceeded; the first wave's failure at 31 s,
// the second wave 20 s after it (51 s), and the Job's failure at 546 s ("9 minutes 6 seconds"),
// each within 1 s; the engine's back-offs 20, 80, 320 s between the waves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/jx-website54415-no-policy134.yaml', import.meta.url), 'utf8');
const clock = (hms: string) => {
  const [h, m, s] = hms.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
};
const START = clock('14:11:43');
const WAVE1_FAILED = clock('14:12:14') - START;
const WAVE2_CREATED = clock('14:12:34') - START;
const JOB_FAILED = clock('14:20:49') - START;
const VERSIONS = ['1.29', '1.31', '1.34', '1.37'];

type PodCreated = Extract<TraceEvent, { type: 'job.podCreated' }>;
const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(FIXTURE, version)).trace!.events;
const waves = (events: TraceEvent[]) => {
  const byTime = new Map<number, string[]>();
  for (const e of events.filter((x): x is PodCreated => x.type === 'job.podCreated')) byTime.set(e.t, [...(byTime.get(e.t) ?? []), e.pod]);
  return [...byTime].map(([t, pods]) => ({ t, pods }));
};

describe('transcript: kubernetes/website#54415, the FailJob example without its podFailurePolicy (completions 8, parallelism 2, backoffLimit 6; minikube v1.34.0)', () => {
  it('reads the published times: 31 s, 51 s, 546 s = 9 minutes 6 seconds', () => {
    expect(Array.of(WAVE1_FAILED, WAVE2_CREATED, JOB_FAILED)).toEqual(Array.of(31, 51, 9 * 60 + 6));
  });

  it.each(VERSIONS)('runs four waves of two pods, each ending `0/1 Error 0`, and fails the Job with BackoffLimitExceeded after 8 failed pods (%s) [16.2] [16.3] [14.3]', (version) => {
    const events = eventsOf(version);
    const w = waves(events);
    expect(w.map((x) => x.pods.length)).toEqual([2, 2, 2, 2]);
    const pods = w.flatMap((x) => x.pods);
    for (const pod of pods) {
      const last = events.filter((e) => e.type === 'pod.kubectl' && e.pod === pod).at(-1);
      expect(last?.type === 'pod.kubectl' ? `${last.ready} ${last.status} ${last.restarts}` : undefined, pod).toBe('0/1 Error 0');
    }
    const failedPods = pods.filter((pod) => events.some((e) => e.type === 'pod.phase' && e.pod === pod && e.phase === 'Failed'));
    expect(failedPods).toHaveLength(8);
    expect(events.filter((e) => e.type === 'job.failed')).toEqual([expect.objectContaining({ reason: 'BackoffLimitExceeded' })]);
  });

  it.each(VERSIONS)('fails the first wave at 31 s, creates the second 20 s later and fails the Job at 9 min 6 s, each within 1 s (%s) [16.2] [16.3]', (version) => {
    const events = eventsOf(version);
    const w = waves(events);
    const firstExit = events.find((e) => e.type === 'container.exit')!;
    expect(Math.abs(Math.floor(firstExit.t) - WAVE1_FAILED)).toBeLessThanOrEqual(1);
    expect(Math.abs(w[1]!.t - WAVE2_CREATED)).toBeLessThanOrEqual(1);
    const failed = events.find((e) => e.type === 'job.failed')!;
    expect(Math.abs(failed.t - JOB_FAILED)).toBeLessThanOrEqual(1);
  });

  it.each(VERSIONS)('waits 20 s, 80 s and 320 s after the second, fourth and sixth failures, from the wave\'s exit second (%s) [16.3]', (version) => {
    const events = eventsOf(version);
    const w = waves(events);
    const exits = events.filter((e) => e.type === 'container.exit');
    const gaps = [1, 2, 3].map((n) => {
      // the wave before wave n: its two exits
      const before = exits.filter((e) => w[n - 1]!.pods.includes(e.pod!));
      return w[n]!.t - Math.floor(Math.max(...before.map((e) => e.t)));
    });
    expect(gaps).toEqual([20, 80, 320]);
  });
});
