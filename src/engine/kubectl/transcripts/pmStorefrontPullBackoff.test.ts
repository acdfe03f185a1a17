// A student's captured ErrImagePull lab on kind (search-index file 71583483872, 2026-10-07; 1.35+
// by its event wording, [10.6]): a Deployment whose image tag does not exist. Published lines in
// fixtures/pm-storefront-pull.yaml.
// Rules exercised: [0.7] the sandbox's relist asks for a second sync, which meets the pull's
// back-off at 2 s; [10.9] every sync in the back-off records BackOff and Error: ImagePullBackOff
// and is requeued after the error ([4.6]: 10 s times wait.Jitter's factor from 1 to 1.5); the
// status a sync writes shows what the sync before it met ([0.1]), so ErrImagePull and
// ImagePullBackOff take turns one requeue apart; from 1.32 the ImagePullBackOff message carries
// the failed pull's error ([10.9], #127918).
// What is compared: the watch's rows in order with their ages within 1 s, at a requeue draw of
// 0.45 and at 0.5 (the average; 0, the earliest, puts the third row at 12 s, which the watch rules
// out); the status message word for word (the fixture gives the registry's published error as
// failPull's `message`). The describe at 46 s: src/state/trace/pmStorefrontPullBackoffDescribe.test.ts. The engine's pull error is containerd's first clause alone,
// without the registry's "rpc error: code = NotFound desc = … not found".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/pm-storefront-pull.yaml', import.meta.url), 'utf8');
const IMAGE = 'mirror.gcr.io/library/nginx:1.27-alpne';
const VERSIONS = ['1.35', '1.36', '1.37'];
const JITTERS = [
  0.45,
  0.5,
];
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
const WATCH = publishedRows(`
storefront-6bccdb6547-87g4d   0/1     ContainerCreating   0          0s
storefront-6bccdb6547-87g4d   0/1     ErrImagePull        0          2s
storefront-6bccdb6547-87g4d   0/1     ImagePullBackOff    0          14s
storefront-6bccdb6547-87g4d   0/1     ErrImagePull        0          28s
storefront-6bccdb6547-87g4d   0/1     ImagePullBackOff    0          39s`);

describe('transcript: a Deployment whose tag does not exist, watched for 45 s on kind (1.35+)', () => {
  for (const version of VERSIONS) {
    it.each(JITTERS)(`ErrImagePull and ImagePullBackOff take turns at 2, 14, 28 and 39 s, one requeue apart (${version}, requeue draw %s) [0.7] [4.6] [10.9]`, (jitter) => {
      const rows = simulatedRows(withJitter(withVersion(FIXTURE, version), jitter)).filter((r) => r.t <= 45);
      expect(rows.map(({ ready, status, restarts }) => ({ ready, status, restarts })))
        .toEqual(WATCH.map(({ ready, status, restarts }) => ({ ready, status, restarts })));
      rows.forEach((r, i) => expect(Math.abs(r.t - WATCH[i]!.t), `row ${i + 1}`).toBeLessThanOrEqual(1));
    });
  }

  it('with the earliest requeue the third row comes at 12 s, 2 s before the published 14 s (1.36) [4.6]', () => {
    const third = simulatedRows(withJitter(FIXTURE, 0))[2]!;
    expect(third).toMatchObject({ status: 'ImagePullBackOff', t: 12 });
  });

  it.each(VERSIONS)('the ImagePullBackOff status message is the back-off, then ErrImagePull and the pull\'s error, as published (%s) [10.9]', (version) => {
    const events = runScenario(withJitter(withVersion(FIXTURE, version), 0.5)).trace!.events;
    const waiting = events.find((e): e is Extract<TraceEvent, { type: 'container.waiting' }> => e.type === 'container.waiting' && e.reason === 'ImagePullBackOff')!;
    // the jsonpath output, its line breaks (the terminal's width) joined
    const published = `Back-off pulling image "${IMAGE}": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": ${IMAGE}: not found`;
    expect(waiting.why).toContain(`The status message reads: ${published}.`);
  });
});
