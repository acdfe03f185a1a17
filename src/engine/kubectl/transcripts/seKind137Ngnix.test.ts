// A homework write-up on a kind node of Kubernetes v1.37.0 (search-index file 70340540798, no
// repository named; 7 October 2026): a pod whose command is a typo, `ngnix`; one row of the
// author's polling loop, `RunContainerError 1 (3s ago)` at 4 s, and the Last State StartError,
// exit 128. The manifest is not published; fixtures/se-kind137-ngnix.yaml reconstructs it.
// Rules exercised: [3.5] a start the runtime refuses (exit 128, StartError, RunContainerError);
// [4.5] the first restart at once; [4.6] from 1.35 the failed sync's requeue at the back-off's
// end, so nothing is written between the failed restart and the next one (no CrashLoopBackOff
// row by 4 s). The row does not tell the versions apart: the engine prints the same at 1.34.
// What is compared: the row showing at the published AGE (READY, STATUS, RESTARTS count), with
// the earliest and latest requeue (`requeueJitter` 0 and 1); the "(3s ago)" against the second
// failure's time, within 1 s; the exit code, reason and message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { agoOf, publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/se-kind137-ngnix.yaml', import.meta.url), 'utf8');
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
const JITTERS = [
  0,
  1,
];
const LINE = 'config-cmd-demo   0/1   RunContainerError   1 (3s ago)   4s';
const published = publishedRow(LINE);
const exitsOf = (text: string) => runScenario(text).trace!.events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');

describe('transcript: kind v1.37.0, a pod whose command is `ngnix` (October 2026)', () => {
  it.each(['1.37', '1.36', '1.35'])('shows `RunContainerError 1` at 4 s, the second failure about 3 s before (%s) [3.5] [4.5] [4.6]', (version) => {
    for (const jitter of JITTERS) {
      const text = withJitter(withVersion(FIXTURE, version), jitter);
      expect(rowAt(simulatedRows(text), published.t), `jitter ${jitter}`).toEqual({ ready: published.ready, status: published.status, restarts: '1' });
      const second = exitsOf(text)[1]!.t;
      expect(Math.abs(published.t - agoOf(LINE)! - second), `jitter ${jitter}`).toBeLessThanOrEqual(1);
    }
  });

  it('every start fails with exit 128 and StartError, the message naming "ngnix" (1.37) [3.5]', () => {
    const events = runScenario(FIXTURE).trace!.events;
    const exits = exitsOf(FIXTURE);
    expect(exits.length).toBeGreaterThanOrEqual(2);
    for (const e of exits) {
      expect(e).toMatchObject({ exitCode: 128, reason: 'StartError' });
      expect(e.message).toContain('exec: "ngnix": executable file not found in $PATH');
    }
    expect(events.some((e) => e.type === 'container.start')).toBe(false);
  });
});
