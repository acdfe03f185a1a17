// A lab write-up on a kind cluster of v1.30.0 nodes ("Lab 14 - Cluster Resource Exhaustion (CPU)",
// search-index file 53554932120, no repository named): a Deployment whose container gives
// `args: ["--cpu","2"]` to `polinux/stress`, an image with no entrypoint, so the runtime tries to
// exec "--cpu". Manifest and published lines in fixtures/se-kind-cpuhog.yaml.
// Rules exercised: [3.5] a start the runtime refuses (exit 128, StartError; RunContainerError
// shown); [4.5] the first restart at once; [4.9]/[0.9] the extra sync one relist after the failed
// restart, which writes CrashLoopBackOff a second after `RunContainerError 1`; [15.6] the registry
// round trip of a tagless image (imagePullPolicy Always) before the restart.
// What is compared: READY, STATUS and the RESTARTS count strictly, in order (the watch began at
// 12 s, so from the row showing then); each AGE within 1 s, with the earliest and the latest
// requeue (`requeueJitter` 0 and 1: no requeue is involved before the back-off's end). The two
// timings that place the rows (the first pull, the restart's registry check) are fitted inputs;
// the CrashLoopBackOff row's second and the immediate restart are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { fromWatchStart, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/se-kind-cpuhog.yaml', import.meta.url), 'utf8');
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
const JITTERS = [
  0,
  1,
];
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;

const WATCH = `cpuhog-99fdf957b-vk55b   0/1     ContainerCreating   0          12s
cpuhog-99fdf957b-vk55b   0/1     RunContainerError   0          13s
cpuhog-99fdf957b-vk55b   0/1     RunContainerError   1 (0s ago)   16s
cpuhog-99fdf957b-vk55b   0/1     CrashLoopBackOff    1 (1s ago)   17s`;
const published = publishedRows(WATCH);

describe('transcript: kind v1.30.0, a Deployment whose container execs "--cpu" (polinux/stress, args and no command)', () => {
  it.each(['1.30', '1.29', '1.31'])('prints the published rows in order, each within 1 s of its AGE (%s) [3.5] [4.5] [4.9]', (version) => {
    for (const jitter of JITTERS) {
      const ours = fromWatchStart(simulatedRows(withJitter(withVersion(FIXTURE, version), jitter)), published[0]!.t);
      expect(ours.slice(0, published.length).map(key)).toEqual(published.map(key));
      for (let i = 1; i < published.length; i++) {
        expect(Math.abs(Math.floor(ours[i]!.t) - published[i]!.t), `${key(published[i]!)} (jitter ${jitter})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('CrashLoopBackOff 1 comes a second after RunContainerError 1, not at the failed sync\'s 10-15 s requeue (1.30) [4.9] [0.9]', () => {
    const ours = simulatedRows(FIXTURE);
    const rce1 = ours.find((r) => key(r) === '0/1 RunContainerError 1')!.t;
    const clbo1 = ours.find((r) => key(r) === '0/1 CrashLoopBackOff 1')!.t;
    expect(clbo1 - rce1).toBe(published[3]!.t - published[2]!.t);
  });

  it('the restart is immediate: the second failure is one registry round trip after the first row showing the first (1.30) [4.5]', () => {
    const events = runScenario(FIXTURE).trace!.events;
    const exits = events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');
    expect(exits.length).toBeGreaterThanOrEqual(2);
    for (const e of exits) expect(e).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(exits[0]!.message).toContain('exec: "--cpu": executable file not found in $PATH');
    // no back-off before the first restart: its registry check begins within a relist of the first failure
    const pulls = events.filter((e) => e.type === 'container.pulling').map((e) => e.t);
    expect(pulls[1]! - exits[0]!.t).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.floor(exits[1]!.t) + 1 - published[2]!.t)).toBeLessThanOrEqual(1);
    expect(events.some((e) => e.type === 'container.start')).toBe(false);
  });
});
