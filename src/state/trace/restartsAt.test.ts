import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { kubectlRowAt, restartsAt } from './kubectlPod';

// The CKA blog post's pod (engine/kubectl/transcripts/fixtures): `kubectl get pod slow-a` printed
// `1/1 Running 1 (31s ago) 92s` and `1/1 Running 6 (96s ago) 7m37s`, long after the rows' own moments.
const SLOW = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/slow-start-exec-liveness.yaml', import.meta.url), 'utf8');

describe('restartsAt: RESTARTS as kubectl prints it at the cursor, not at the row\'s moment [14.1]', () => {
  const trace = runScenario(SLOW).trace!;

  it('counts the "(… ago)" to the cursor from the row\'s last restart', () => {
    const row = kubectlRowAt(trace, 92, null)!;
    expect(row.restarts).toMatch(/^1 \(\d+s ago\)$/); // as printed at the row's moment (61 s)
    expect(row.lastRestartAt).toBe(60);
    expect(restartsAt(row, 92)).toBe('1 (32s ago)'); // the post: 1 (31s ago), its SIGKILL a second later
    expect(restartsAt(kubectlRowAt(trace, 457, null)!, 457)).toMatch(/^6 \(9[67]s ago\)$/); // the post: 6 (96s ago)
  });

  it('leaves a row without an "(… ago)" as it is', () => {
    const first = trace.events.find((e) => e.type === 'pod.kubectl')!;
    if (first.type !== 'pod.kubectl') throw new Error('no row');
    expect(first.lastRestartAt).toBeUndefined();
    expect(restartsAt(first, 50)).toBe(first.restarts);
  });
});
