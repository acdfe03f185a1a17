// codeinthecreek/k8s-lab's tutorial, chapter 6 "Resource requests and limits" (search-index file
// 59693049223): the `polinux/stress` pod that allocates 150M under a 100Mi limit, on the repo's
// kind cluster pinned to kindest/node:v1.36.1, outputs dated 2026-08-28. Manifest and published
// lines in fixtures/pt-k8slab136-oom-stress.yaml. Run at 1.36, and at 1.35 and 1.37, whose
// back-off requeue ([4.6]) is the same.
// What is compared: the four `kubectl get pod` lines' READY, STATUS and RESTARTS strictly, in
// order (they are separate polls, so a subsequence of the engine's rows); which run each "(… ago)"
// dates ([14.1]: AGE minus "ago" is the lastState's whole second); that the first OOM kill
// restarts at once and the second waits out the 10 s back-off ([4.5]); and the describe's Last
// State (OOMKilled, 137) and Restart Count 2.
// Not compared: absolute times. The image has no tag (pull policy Always), and on the node each
// restart took about 3.5 s longer than the engine's (the first run ended in second 3, the second
// started and ended in second 7): Docker Hub's answer to the registry check, for which the engine
// takes 0.5 s by default ([15.6]; 0.2 s before session 39) unless the scenario's `registryCheck`
// says otherwise. So the node's second run ended at 7 where the engine's ends at 4.9, and the
// published `OOMKilled 0` at 6 s is, in the engine, the 4 s row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/pt-k8slab136-oom-stress.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];
const PUBLISHED = `scheduling-demo-oom-pod   0/1     OOMKilled   0             6s
scheduling-demo-oom-pod   0/1     OOMKilled   1 (6s ago)    9s
scheduling-demo-oom-pod   0/1     CrashLoopBackOff   1 (14s ago)   21s
scheduling-demo-oom-pod   0/1     OOMKilled   2 (17s ago)   24s`;
const LINES = PUBLISHED.split('\n');
// the run (0-based) each line's lastState is, by AGE minus "ago": the first run ended in second
// 3 (9 - 6), the second in second 7 (21 - 14 = 24 - 17); the first line has no lastState
const LAST_STATE_RUN = [undefined, 0, 1, 1];

const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(fixture, version)).trace!.events;
const startsOf = (events: TraceEvent[]) => events.filter((e) => e.type === 'container.start').map((e) => e.t);
const exitsOf = (events: TraceEvent[]) => events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: k8s-lab chapter 6, a stress pod OOM-killed at every start (kind v1.36.1)', () => {
  it.each(VERSIONS)('starts each run where its oomKill assumes (%s)', (version) => {
    const starts = startsOf(eventsOf(version));
    // the first pull 2.5 s; each restart's registry check the engine's default 0.5 s (PULL_CHECK,
    // session 39: kind on EC2 printed 443-497 ms for Docker Hub checks of this very image and of
    // busybox, pqDay57Ec2Kind135), after the relist at 4 s and the back-off's requeue at 14.9 s
    expect(starts.slice(0, 3)).toEqual([3.2, 4.7, 15.6]);
  });

  it.each(VERSIONS)('prints the four published rows in order: `OOMKilled 0`, `OOMKilled 1`, `CrashLoopBackOff 1`, `OOMKilled 2` (%s) [10.3] [14.3] [10.2] [4.5]', (version) => {
    const published = publishedRows(PUBLISHED);
    const ours = simulatedRows(withVersion(fixture, version));
    expectSubsequence(published, ours);
    // READY stays 0/1 on every published line; a never-ready run shows no other READY there
    for (const row of published) expect(row.ready).toBe('0/1');
  });

  it.each(VERSIONS)('dates each row\'s "(… ago)" from the same run as the published line (%s) [14.1] [10.2]', (version) => {
    const published = publishedRows(PUBLISHED);
    const events = eventsOf(version);
    // the engine's rows with RESTARTS as printed, "(… ago)" included
    const ours = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl');
    const at = expectSubsequence(published, ours);
    const exits = exitsOf(events).map((e) => Math.floor(e.t));
    LINES.forEach((line, i) => {
      const run = LAST_STATE_RUN[i];
      const row = ours[at[i]!]!;
      if (run === undefined) {
        expect(agoOf(line)).toBeUndefined();
        expect(row.restarts, line).toBe('0');
        return;
      }
      // published: AGE − ago is that run's whole-second finishedAt
      expect(publishedRows(line)[0]!.t - agoOf(line)!, line).toBe([3, 7][run]);
      // ours: the same arithmetic on the engine's row points at the same run
      const ago = /\((\S+) ago\)/.exec(row.restarts)?.[1];
      expect(ago, line).toBeDefined();
      expect(Math.floor(row.t) - Number(ago!.replace('s', '')), line).toBe(exits[run]);
    });
  });

  it.each(VERSIONS)('restarts at once after the first kill and only after the 10 s back-off after the second, within the published bounds (%s) [4.5] [4.6]', (version) => {
    const events = eventsOf(version);
    const starts = startsOf(events);
    const exits = exitsOf(events).map((e) => e.t);
    // first restart: no back-off yet. The node's took under 5 s (second 3 to second 7), its
    // registry check included; a back-off would have been 10 s
    expect(starts[1]! - exits[0]!).toBeLessThan(1.5);
    // second restart: the 10 s back-off. The node's came after the poll at AGE 21 (still
    // CrashLoopBackOff 14 s after the second run's end) and before the run it started was
    // OOM-killed by the poll at 24 s (before 25 s), so within 18 s of the second run's end
    // (second 7); the engine's, without jitter or registry time, is the earliest allowed
    const gap = starts[2]! - exits[1]!;
    expect(gap).toBeGreaterThanOrEqual(10);
    expect(gap).toBeLessThan(25 - 7);
    // and no start in between
    expect(starts.filter((t) => t > exits[1]! && t < starts[2]!)).toEqual([]);
  });

  it.each(VERSIONS)('ends every run OOMKilled with 137, and after the third the last state is the second run, restartCount 2 (%s) [8.6] [10.3] [10.4]', (version) => {
    const events = eventsOf(version);
    const exits = exitsOf(events);
    for (const e of exits.slice(0, 3)) expect(e).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    // the row the engine prints after the third run's end: restartCount 2, as the describe says
    const ours = simulatedRows(withVersion(fixture, version));
    const afterThird = ours.filter((r) => r.t > exits[2]!.t && r.t <= exits[2]!.t + 1);
    expect(afterThird.map((r) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`)).toContain('0/1 OOMKilled 2');
    // the describe's Last State started and finished in one second: the second run, killed as
    // it started (an input here), its whole-second start and finish alike
    const secondStart = startsOf(events)[1]!;
    expect(Math.floor(secondStart)).toBe(Math.floor(exits[1]!.t));
  });

  // Given the node's registry check (`registryCheck: 3.5s`, read off the first restart: the first
  // run ended in second 3, the second started in second 7) and each OOM kill 0.1-0.3 s into its
  // run, every published poll is the engine's row at its AGE, "(… ago)" included: the back-off's
  // requeue and the check after it put the third run after the poll at 21 s and its end before
  // the poll at 24 s, as published. Only the first gap is fitted; the rest follows [4.5] [4.6] [15.6].
  it.each(VERSIONS)('with the node\'s 3.5 s registry check, prints every published line at its AGE (%s) [4.5] [14.1] [15.6]', (version) => {
    const timed = withVersion(fixture, version)
      .replace('stress: { pull: 2.5s }', 'stress: { pull: 2.5s, registryCheck: 3.5s }')
      .replace('at: 4.9s', 'at: 7.8s')
      .replace('at: 15.9s', 'at: 21.6s');
    const events = runScenario(timed).trace!.events;
    // one per line: docs/rulebook.test.ts reads `[x.y, …` as rule citations
    expect(startsOf(events).slice(0, 3)).toEqual([
      3.2,
      7.7,
      21.5,
    ]);
    const rows = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> => e.type === 'pod.kubectl');
    // A poll printing AGE a ran between a - 1 and a + 1 s after the creation ([14.1]: AGE counts
    // from the whole-second creationTimestamp): the row showing at a - 1, or one printed before
    // a + 1, each with its "(… ago)" as that poll would print it.
    const printedAt = (r: (typeof rows)[number], age: number): string => {
      const ago = /\((\S+) ago\)/.exec(r.restarts)?.[1];
      const count = r.restarts.split(' ')[0];
      const since = ago === undefined ? undefined : Math.floor(r.t) - Number(ago.replace('s', ''));
      return `${r.ready} ${r.status} ${since === undefined ? count : `${count} (${age - since}s ago)`}`;
    };
    for (const line of LINES) {
      const [published] = publishedRows(line);
      const age = published!.t;
      const seen = [rows.filter((r) => r.t <= age - 1).at(-1), ...rows.filter((r) => r.t > age - 1 && r.t < age + 1)];
      const ago = agoOf(line);
      const expected = `${published!.ready} ${published!.status} ${published!.restarts}${ago === undefined ? '' : ` (${ago}s ago)`}`;
      expect(seen.filter((r) => r !== undefined).map((r) => printedAt(r!, age)), line).toContain(expected);
    }
  });
});
