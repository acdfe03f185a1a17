// A rolling update's old nginx pods on k3s v1.30 (Saniya Sanjiv Patil, SST session 10, search-index
// file 71225294635; manifest and the published watch in fixtures/tm-k3s130-rolling-nginx.yaml),
// `kubectl get pods -w --output-watch-events`, each old pod's lines verbatim:
//   MODIFIED   app-rolling-774f47b6c6-nnm74   1/1     Terminating         0          17s   v1
//   MODIFIED   app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1
//   MODIFIED   app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1
//   DELETED    app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1
// and the same for 64zmk (23s, 24s, 25s, DELETED 25s), czlg4 (29s, 30s, 31s, DELETED 31s) and 9ngpx
// (34s, 35s, 36s, DELETED 36s). nginx exits 0 at once on its stop signal (an input); the kubelet
// reports the terminal phase (Succeeded, [6.5]) and the pod is removed ([0.6] [15.8]). Up to 1.30 the
// printer shows `Terminating` for any pod with a deletionTimestamp, terminal or not: `0/1
// Terminating`, never `0/1 Completed` ([14.4]; from 1.31 the terminal STATUS is kept). Run at 1.27,
// 1.29 and 1.30. Each pod's deletion (the Deployment controller's) is given at its `1/1 Terminating`
// AGE plus 0.5 s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRows, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/tm-k3s130-rolling-nginx.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.29', '1.30'];

/** Each old pod's published rows: `1/1 Terminating`, `0/1 Terminating` (×2), DELETED `0/1 Terminating`. */
const PODS: Record<string, string> = {
  nnm74: `
app-rolling-774f47b6c6-nnm74   1/1     Terminating         0          17s   v1
app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1
app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1
app-rolling-774f47b6c6-nnm74   0/1     Terminating         0          18s   v1`,
  '64zmk': `
app-rolling-774f47b6c6-64zmk   1/1     Terminating         0          23s   v1
app-rolling-774f47b6c6-64zmk   0/1     Terminating         0          24s   v1
app-rolling-774f47b6c6-64zmk   0/1     Terminating         0          25s   v1
app-rolling-774f47b6c6-64zmk   0/1     Terminating         0          25s   v1`,
  czlg4: `
app-rolling-774f47b6c6-czlg4   1/1     Terminating         0          29s   v1
app-rolling-774f47b6c6-czlg4   0/1     Terminating         0          30s   v1
app-rolling-774f47b6c6-czlg4   0/1     Terminating         0          31s   v1
app-rolling-774f47b6c6-czlg4   0/1     Terminating         0          31s   v1`,
  '9ngpx': `
app-rolling-774f47b6c6-9ngpx   1/1     Terminating         0          34s   v1
app-rolling-774f47b6c6-9ngpx   0/1     Terminating         0          35s   v1
app-rolling-774f47b6c6-9ngpx   0/1     Terminating         0          36s   v1
app-rolling-774f47b6c6-9ngpx   0/1     Terminating         0          36s   v1`,
};

function deletedAt(version: string, at: number): string {
  const text = withVersion(SCENARIO, version);
  expect(text).toContain('{ at: 17.5s, do: deletePod }');
  return text.replace('{ at: 17.5s, do: deletePod }', `{ at: ${at}s, do: deletePod }`);
}

const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;

describe('transcript: a rolling update\'s old nginx pods, `1/1 Terminating` → `0/1 Terminating` → DELETED (k3s v1.30)', () => {
  it.each(VERSIONS)('prints exactly those rows for each of the four pods, each within 1 s of its AGE, and never `Completed` (%s) [8.3] [6.5] [14.4]', (version) => {
    for (const [pod, lines] of Object.entries(PODS)) {
      const published = publishedRows(lines);
      const text = deletedAt(version, published[0]!.t + 0.5);
      const events = runScenario(text).trace!.events;
      const deleted = events.find((e) => e.type === 'pod.deleted')!.t;
      const gone = events.find((e) => e.type === 'pod.gone')!.t;
      const ours = simulatedRows(text).filter((r) => r.t >= deleted && r.t <= gone);
      // MODIFIED 1/1 Terminating, MODIFIED 0/1 Terminating (its repeats are the same row)
      expect(ours.map(key), pod).toEqual([key(published[0]!), key(published[1]!)]);
      expect(Math.abs(ours[0]!.t - published[0]!.t), pod).toBeLessThan(1);
      expect(Math.abs(ours[1]!.t - published[1]!.t), pod).toBeLessThanOrEqual(1);
      // DELETED … 0/1 Terminating: the last row, the removal at its AGE
      expect(key(published[3]!)).toBe(key(ours.at(-1)!));
      expect(Math.abs(gone - published[3]!.t), pod).toBeLessThanOrEqual(1);
      const exit = events.find((e) => e.type === 'container.exit');
      expect(exit, pod).toMatchObject({ exitCode: 0, reason: 'Completed' });
    }
  });
});
