// The describe of fixtures/pm-storefront-pull.yaml's pod at 46 s (a student's captured ErrImagePull
// lab on kind, search-index file 71583483872, 2026-10-07; 1.35+ by its wording, [10.6]; the watch:
// src/engine/kubectl/transcripts/pmStorefrontPullBackoff.test.ts).
// Rules exercised: [10.9] each sync in the pull back-off records BackOff `Back-off pulling image`
// and Warning Failed `Error: ImagePullBackOff`; each failed pull Warning Failed `Failed to pull
// image …` and `Error: ErrImagePull` ([10.6]); kubectl 1.35+ puts `spec.containers{web}: ` first.
// What is compared: each row's count, and the ages of its first and last occurrence within 1 s, at
// a requeue draw of 0.45 (at 0.5, the average, the third pull fails at 40.5 s, 1.5 s after the
// published 39 s: the two requeues since the first land 2.5 s later than at 0.45). Every message
// word for word, the pull's error given as failPull's `message`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectDescribeAges, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents, type DescribeRow } from './describeEvents';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/pm-storefront-pull.yaml', import.meta.url), 'utf8');
const IMAGE = 'mirror.gcr.io/library/nginx:1.27-alpne';
const VERSIONS = ['1.35', '1.36', '1.37'];
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);

describe('transcript events: the same pod described at 46 s (1.35+)', () => {
  const dumpAt = 46;
  const occurrences = (rows: DescribeRow[], reason: string, message: string): number[] => {
    const row = rows.find((r) => r.reason === reason && r.message === `spec.containers{web}: ${message}`);
    expect(row, `${reason} ${message}`).toBeDefined();
    return row!.count === 1 ? [row!.t] : [row!.first, ...Array<number>(row!.count - 2).fill(row!.first), row!.t];
  };
  for (const version of VERSIONS) {
    it.each([
      0.45,
    ])(`BackOff and Error: ImagePullBackOff x2, Pulling, Failed and Error: ErrImagePull x3, at the published ages (${version}, requeue draw %s) [10.6] [10.9]`, (jitter) => {
      const trace = runScenario(withJitter(withVersion(FIXTURE, version), jitter)).trace!;
      const rows = describeEvents(trace, dumpAt, trace.pods?.[0]?.name ?? 'storefront');
      expect(rows.every((r) => r.from !== 'kubelet' || r.message.startsWith('spec.containers{web}: '))).toBe(true);
      expectDescribeAges(dumpAt, [
        ['BackOff', occurrences(rows, 'BackOff', `Back-off pulling image "${IMAGE}"`), 2, 18, 44],
        ['Failed ImagePullBackOff', occurrences(rows, 'Failed', 'Error: ImagePullBackOff'), 2, 18, 44],
        ['Pulling', occurrences(rows, 'Pulling', `Pulling image "${IMAGE}"`), 3, 7, 46],
        ['Failed to pull', occurrences(rows, 'Failed', `Failed to pull image "${IMAGE}": rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": ${IMAGE}: not found`), 3, 7, 45],
        ['Failed ErrImagePull', occurrences(rows, 'Failed', 'Error: ErrImagePull'), 3, 7, 45],
      ]);
    });
  }

});
