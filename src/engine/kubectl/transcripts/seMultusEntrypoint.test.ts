// A Cursor chat export about a Cisco Live lab, LTRSPG-2212 (search-index file 40355247454; a
// kubeadm cluster with Cilium, 4 December 2025; 1.32-1.34 by its event wording, [10.6]): the
// Multus thick DaemonSet whose command, /entrypoint.sh, the image does not have; the image already
// on the nodes. Manifest and published lines in fixtures/se-multus-entrypoint.yaml; the describe's
// Events in src/state/trace/seMultusEntrypointDescribe.test.ts.
// Rules exercised: [3.5] a start the runtime refuses (StartError, RunContainerError); [4.5] the
// first restart at once, then the 10 s back-off; [4.6] up to 1.34 the failed sync's requeue
// (10-15 s, wait.Jitter(10s, 0.5) drawn afresh at each requeue; the engine draws one
// `requeueJitter` for the run, so 0 and 1 bound it): it meets the back-off over, writes the
// CrashLoopBackOff the refusal at the previous sync left and restarts in the same sync, so
// `CrashLoopBackOff 1` and `RunContainerError 2` come within a second, about 15 s after the
// failed restart; no extra sync ([0.9]) writes CrashLoopBackOff right after the failed restart
// here (the image is present: the restart's sync ends within the relist), so `RunContainerError 1`
// still shows at 11 s.
// What is compared: for each of the two pods (the DaemonSet's, one per node; the second created
// about a second later), READY, STATUS and the RESTARTS count strictly, in order, from the row
// showing when the watch began (11 s); each later AGE between the engine's earliest and latest
// requeue (`requeueJitter` 0 and 1), within 1 s.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agoOf, fromWatchStart, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/se-multus-entrypoint.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];
const withJitter = (text: string, jitter: number) => text.replace(/^until: .*$/m, (line) => `${line}\nrequeueJitter: ${jitter}`);
const JITTERS = [
  0,
  1,
];
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts.split(' ')[0]}`;

const WATCH = `kube-multus-ds-264md   0/1     RunContainerError   1 (8s ago)   11s
kube-multus-ds-26mxd   0/1     RunContainerError   1 (9s ago)   11s
kube-multus-ds-26mxd   0/1     CrashLoopBackOff    1 (15s ago)   17s
kube-multus-ds-26mxd   0/1     RunContainerError   2 (0s ago)    17s
kube-multus-ds-264md   0/1     CrashLoopBackOff    1 (15s ago)   18s
kube-multus-ds-264md   0/1     RunContainerError   2 (1s ago)    19s`;
const linesOf = (pod: string) => WATCH.split('\n').filter((l) => l.startsWith(pod));

describe('transcript: a Cisco Live lab, the Multus thick DaemonSet with a command the image lacks (December 2025)', () => {
  it.each(VERSIONS)('kube-multus-ds-26mxd: RunContainerError 1 at 11 s, then CrashLoopBackOff 1 and RunContainerError 2 at 17 s, between the earliest and latest requeue (%s) [3.5] [4.5] [4.6]', (version) => {
    const published = publishedRows(linesOf('kube-multus-ds-26mxd').join('\n'));
    const [low, high] = JITTERS.map((j) => fromWatchStart(simulatedRows(withJitter(withVersion(FIXTURE, version), j)), published[0]!.t));
    for (const ours of [low!, high!]) expect(ours.slice(0, 3).map(key)).toEqual(published.map(key));
    for (let i = 1; i < published.length; i++) {
      expect(published[i]!.t, `${key(published[i]!)}: at least the earliest`).toBeGreaterThanOrEqual(Math.floor(low![i]!.t) - 1);
      expect(published[i]!.t, `${key(published[i]!)}: at most the latest`).toBeLessThanOrEqual(Math.floor(high![i]!.t) + 1);
    }
  });

  it.each(VERSIONS)('kube-multus-ds-264md, created about a second later: the same rows, CrashLoopBackOff 1 at 18 s and RunContainerError 2 at 19 s (%s) [4.6]', (version) => {
    const published = publishedRows(linesOf('kube-multus-ds-264md').join('\n'));
    // its "(8s ago)" at 11 s against the other's "(9s ago)": its failed restart a second later
    const offset = (11 - agoOf(linesOf('kube-multus-ds-264md')[0]!)!) - (11 - agoOf(linesOf('kube-multus-ds-26mxd')[0]!)!);
    expect(offset).toBe(1);
    const [low, high] = JITTERS.map((j) => fromWatchStart(simulatedRows(withJitter(withVersion(FIXTURE, version), j)), published[0]!.t - offset));
    for (const ours of [low!, high!]) expect(ours.slice(0, 3).map(key)).toEqual(published.map(key));
    for (let i = 1; i < published.length; i++) {
      expect(published[i]!.t - offset, `${key(published[i]!)}: at least the earliest`).toBeGreaterThanOrEqual(Math.floor(low![i]!.t) - 1);
      expect(published[i]!.t - offset, `${key(published[i]!)}: at most the latest`).toBeLessThanOrEqual(Math.floor(high![i]!.t) + 1);
    }
  });

  it.each(VERSIONS)('the failed restart ~2 s in ("1 (9s ago)" at 11 s) and CrashLoopBackOff 1 within a second of the next restart, with either requeue (%s) [4.5] [4.6]', (version) => {
    for (const jitter of JITTERS) {
      const ours = simulatedRows(withJitter(withVersion(FIXTURE, version), jitter));
      const rce1 = ours.find((r) => key(r) === '0/1 RunContainerError 1')!;
      expect(Math.abs(rce1.t - (11 - agoOf(linesOf('kube-multus-ds-26mxd')[0]!)!))).toBeLessThanOrEqual(1);
      const clbo1 = ours.find((r) => key(r) === '0/1 CrashLoopBackOff 1')!.t;
      const rce2 = ours.find((r) => key(r) === '0/1 RunContainerError 2')!.t;
      expect(rce2 - clbo1, `jitter ${jitter}`).toBeLessThanOrEqual(1);
    }
  });
});
