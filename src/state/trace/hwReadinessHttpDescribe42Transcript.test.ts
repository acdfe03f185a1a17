// The describe of a homework's init container running /bin/bash in alpine (search-index file
// 32898046349; 2024-11-16, containerd; 1.30 or 1.31 by its events, [10.6]). The pod and what the
// engine is given: src/engine/kubectl/transcripts/fixtures/hw-readiness-http-init-bash.yaml; its
// rows: src/engine/kubectl/transcripts/hwReadinessHttpInitBash42.test.ts. Published 3m24s after
// scheduling, with Restart Count 5 (six failed starts, the last at 200 s):
//   Pulled 3m22s `in 3.016s (3.016s including waiting). Image size: 3634744 bytes.`, then 3m21s
//   `in 945ms`, 3m3s `in 936ms`, 2m34s `in 930ms`; Created (x4 over 3m22s); Failed (x4 over
//   3m22s) `Error: failed to create containerd task: … stat /bin/bash: no such file or directory:
//   unknown`; BackOff (x8 over 3m20s); Pulling (x5 over 3m25s)
// 25 kubelet events and none after 102 s although two more starts failed: the spam filter's burst
// of 25 per pod, one token back every 300 s ([10.7]; per pod up to 1.33). The engine, at the
// earliest requeue draw ([4.6]) and at the middle one, spends the 25 tokens as the node did.
// Not compared: the ages (the node's requeues drew later, see the rows' test) and the Pulled
// rows' `Image size` (the engine knows no image's size) and durations (one for every later pull).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const SCENARIO = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/hw-readiness-http-init-bash.yaml', import.meta.url), 'utf8');
const DESCRIBE_AT = 204; // `Scheduled 3m24s`
const VERSIONS = ['1.30', '1.31'];
const scenarioAt = (version: string, jitter: number) => SCENARIO
  .replace(/^kubernetesVersion: "[\d.]+"$/m, `kubernetesVersion: "${version}"`)
  .replace(/^(until: .*)$/m, `$1\nrequeueJitter: ${jitter}`);

describe('transcript: a homework\'s /bin/bash init container, the describe at 3m24s (2024)', () => {
  it.each(VERSIONS.flatMap((v) => [[v, 0], [v, 0.5]] as const))('describes 25 kubelet events: Pulling x5, Pulled x4, Created x4, Failed x4, BackOff x8 (%s, requeueJitter %s) [3.5] [10.6] [10.7]', (version, jitter) => {
    const rows = describeEvents(runScenario(scenarioAt(version, jitter)).trace!, DESCRIBE_AT, 'readiness-http');
    const count = (reason: string) => rows.filter((r) => r.reason === reason).reduce((n, r) => n + r.count, 0);
    expect(count('Pulling')).toBe(5);
    expect(count('Pulled')).toBe(4);
    expect(count('Created')).toBe(4);
    expect(count('Failed')).toBe(4);
    expect(count('BackOff')).toBe(8);
    expect(rows.filter((r) => r.reason !== 'Scheduled').reduce((n, r) => n + r.count, 0)).toBe(25);
    // the Created wording up to 1.31, and the runtime's message in the Failed row
    expect(rows.find((r) => r.reason === 'Created')!.message).toBe('Created container init-data');
    expect(rows.find((r) => r.reason === 'Failed')!.message).toBe('Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown');
    // the first pull's own row, as published (`in 3.016s`)
    expect(rows.filter((r) => r.reason === 'Pulled').map((r) => r.message)).toContainEqual(expect.stringContaining('in 3.016s (3.016s including waiting)'));
  });
});
