// The pod worker's jittered requeue ([4.6]): pod_workers.go completeWork enqueues a failed sync's
// pod again with wait.Jitter(delay, workerBackOffPeriodJitterFactor = 0.5), a random 1 to 1.5
// times the delay; the delay is backOffPeriod (10 s) up to 1.34 and, from 1.35 (PR #133066), the
// time left until the earliest back-off expiry, at most the resync interval. The Simulation
// document's `requeueJitter` is that random draw, fixed: 0 (the default) the earliest moment.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const crashLoop = (version: string, jitter?: number) => `apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, "sleep 2; exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 3m
${jitter === undefined ? '' : `requeueJitter: ${jitter}\n`}`;

function events(text: string): TraceEvent[] {
  const r = runScenario(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.trace!.events;
}

/** Each back-off the kubelet announced, with its refusing sync's time and the start that ended it. */
function waits(evs: TraceEvent[]): { refusedAt: number; allowedAt: number; startedAt: number }[] {
  const out: { refusedAt: number; allowedAt: number; startedAt: number }[] = [];
  for (const b of evs.filter((e) => e.type === 'container.backoff')) {
    const exit = evs.filter((e) => e.type === 'container.exit' && e.t <= b.t).at(-1)!;
    const start = evs.find((e) => e.type === 'container.start' && e.t > b.t);
    if (start) out.push({ refusedAt: b.t, allowedAt: exit.t + Number(b.delay), startedAt: start.t });
  }
  return out;
}

describe('requeueJitter: where the pod worker\'s jittered requeue lands [4.6]', () => {
  it('is 0 unless the scenario says otherwise: the trace is the one without the setting', () => {
    for (const v of ['1.34', '1.35']) expect(events(crashLoop(v, 0))).toEqual(events(crashLoop(v)));
  });

  it('up to 1.34 (completeWork: wait.Jitter(backOffPeriod, 0.5)): each requeue after a refused start comes 10 s times 1 + 0.5 x the draw later', () => {
    const earliest = waits(events(crashLoop('1.34')));
    expect(earliest.length).toBeGreaterThanOrEqual(3);
    for (const jitter of [0.5, 1]) {
      const jittered = waits(events(crashLoop('1.34', jitter)));
      // The first wait (10 s) ends at the first requeue: 10 s, then 12.5 s or 15 s after the refusal.
      expect(jittered[0]!.startedAt - jittered[0]!.refusedAt).toBeCloseTo(earliest[0]!.startedAt - earliest[0]!.refusedAt + 10 * 0.5 * jitter, 6);
      // Never before the back-off allows; a longer back-off takes more than one requeue.
      for (const w of jittered) expect(w.startedAt).toBeGreaterThanOrEqual(w.allowedAt);
    }
  });

  it('from 1.35 (#133066: the earliest back-off expiry, then jittered): a start comes 1 + 0.5 x the draw times the wait left after the refusal', () => {
    const earliest = waits(events(crashLoop('1.35')));
    for (const jitter of [0.5, 1]) {
      const jittered = waits(events(crashLoop('1.35', jitter)));
      expect(jittered.length).toBeGreaterThanOrEqual(3); // fewer than without: the later starts pass the horizon
      for (let i = 0; i < jittered.length; i++) {
        const w = jittered[i]!;
        const lateBy = (w.allowedAt - w.refusedAt) * 0.5 * jitter;
        // The same gap from the requeue to the start as without jitter (the sync waits for a relist).
        const gap = earliest[i]!.startedAt - earliest[i]!.allowedAt;
        expect(w.startedAt, `wait ${i}`).toBeCloseTo(w.allowedAt + lateBy + gap, 2);
      }
    }
  });

  it('says so in each back-off\'s why, and only when set', () => {
    const said = (evs: TraceEvent[]) => evs.filter((e) => e.type === 'container.backoff').map((e) => e.why);
    expect(said(events(crashLoop('1.35', 0.5))).every((w) => w.includes('requeues wait 1.25 times their delay here (requeueJitter 0.5; on a node, a random 1 to 1.5 times)'))).toBe(true);
    expect(said(events(crashLoop('1.35'))).some((w) => w.includes('requeueJitter'))).toBe(false);
  });
});
