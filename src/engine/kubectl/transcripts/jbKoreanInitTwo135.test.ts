// A Korean course's notes "00. Pod", section 8, 실험 A (search-index file 57555175504, no
// repository named; 2026-08-11, a kubeadm cluster whose nodes print v1.35.7): two init containers
// (`sleep 10`, then `sleep 5`) before an nginx, every image without a tag (pull policy Always).
// Manifest and published lines in fixtures/jb-kr135-init-two.yaml.
// Rules exercised: [2.1] init containers run one at a time, in order; [0.3] each start under
// Always asks the registry first; [7.1] [7.2] [7.4] the conditions; [14.3] the printer's
// `Init:0/2`, `Init:1/2`, `PodInitializing`, then `1/1 Running`.
// What is compared: the four watch rows' READY and STATUS strictly, in order; each row's AGE, each
// container's startedAt and finishedAt and the conditions' lastTransitionTimes within 1 s (all
// whole seconds from the creationTimestamp, itself cut to a whole second; the node's sandbox took
// about a second before the first Pulling, the engine's half a second); each init container's run
// (10 s and 5 s) and the gaps between one container's end and the next one's start (2 s) within
// 1 s. The registry checks (1.5 s each) are an input from the notes' "about 4.6 s" for the three.
// Timing at 1.35 only (the source): from 1.36 the on-demand relist ([0.8]) writes a start as the
// sync that made it ends, so the engine's PodReadyToStartContainers comes at 0.5 s and `1/1
// Running` at 21.8 s, a relist before a 1.35 node's; the rows' order at 1.35, 1.36 and 1.37.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { expectSubsequence, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const fixture = readFileSync(new URL('./fixtures/jb-kr135-init-two.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.35', '1.36', '1.37'];
const TIMED = ['1.35'];
// the watch, its timestamp column dropped
const PUBLISHED = `pod-init   0/1   Init:0/2          0 0s
pod-init   0/1   Init:1/2          0 14s
pod-init   0/1   PodInitializing   0 21s
pod-init   1/1   Running           0 23s`;
// seconds from the creationTimestamp (05:38:14 UTC)
const RUNS = {
  'init-1': { start: 3, end: 13 },
  'init-2': { start: 15, end: 20 },
  main: { start: 22 },
};
const CONDITIONS = {
  PodReadyToStartContainers: 3,
  Initialized: 21,
  Ready: 23,
};
const PULLING = [
  1,
  14,
  21,
];

const eventsOf = (version: string): TraceEvent[] => runScenario(withVersion(fixture, version)).trace!.events;

describe('transcript: a Korean course, two init containers of 10 s and 5 s before nginx (kubeadm v1.35.7)', () => {
  it.each(VERSIONS)('prints `Init:0/2`, `Init:1/2`, `PodInitializing`, `1/1 Running` in order (%s) [2.1] [14.3]', (version) => {
    const published = publishedRows(PUBLISHED);
    const ours = simulatedRows(withVersion(fixture, version));
    expect(ours.map((r) => `${r.ready} ${r.status} ${r.restarts}`)).toEqual(published.map((r) => `${r.ready} ${r.status} ${r.restarts}`));
  });

  it.each(TIMED)('prints each of the four rows within 1 s of its published AGE (%s) [14.3] [0.3]', (version) => {
    const published = publishedRows(PUBLISHED);
    const ours = simulatedRows(withVersion(fixture, version));
    const at = expectSubsequence(published, ours);
    published.forEach((row, i) => expect(Math.abs(Math.floor(ours[at[i]!]!.t) - row.t), `${row.status}`).toBeLessThanOrEqual(1));
  });

  it.each(TIMED)('runs init-1, then init-2, then main at the published seconds, within 1 s (%s) [2.1] [0.3]', (version) => {
    const events = eventsOf(version);
    for (const [name, run] of Object.entries(RUNS)) {
      const start = events.find((e) => e.type === 'container.start' && e.container === name)!.t;
      expect(Math.abs(Math.floor(start) - run.start), `${name} startedAt`).toBeLessThanOrEqual(1);
      if (!('end' in run)) continue;
      const end = events.find((e) => e.type === 'container.exit' && e.container === name)!;
      expect(end).toMatchObject({ exitCode: 0 });
      expect(Math.abs(Math.floor(end.t) - run.end), `${name} finishedAt`).toBeLessThanOrEqual(1);
      // the run itself, both ends whole seconds: 10 s and 5 s
      expect(Math.abs(Math.floor(end.t) - Math.floor(start) - (run.end - run.start)), `${name} run`).toBeLessThanOrEqual(1);
    }
    // one container's end to the next one's start: a relist and a registry check, 2 s on the node
    const startOf = (name: string) => events.find((e) => e.type === 'container.start' && e.container === name)!.t;
    const endOf = (name: string) => events.find((e) => e.type === 'container.exit' && e.container === name)!.t;
    expect(Math.abs(startOf('init-2') - endOf('init-1') - 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(startOf('main') - endOf('init-2') - 2)).toBeLessThanOrEqual(1);
    // the three Pulling events, one per container
    const pulling = events.filter((e) => e.type === 'container.pulling').map((e) => Math.floor(e.t));
    expect(pulling).toHaveLength(PULLING.length);
    pulling.forEach((t, i) => expect(Math.abs(t - PULLING[i]!), `Pulling ${i + 1}`).toBeLessThanOrEqual(1));
  });

  it.each(TIMED)('sets PodReadyToStartContainers with the first start, Initialized after init-2, Ready with main, within 1 s (%s) [7.1] [7.2] [7.4]', (version) => {
    const events = eventsOf(version);
    for (const [condition, t] of Object.entries(CONDITIONS)) {
      const set = events.find((e) => e.type === 'pod.condition' && e.condition === condition && e.status === 'True')!;
      expect(Math.abs(Math.floor(set.t) - t), condition).toBeLessThanOrEqual(1);
    }
  });
});
