// A kubelet restart under a running pod with an exec readiness probe: kubernetes/kubernetes#113646
// (https://github.com/kubernetes/kubernetes/issues/113646, 2022-11-05, `kubectl version` v1.25.3).
// Pod and published watch in fixtures/kubelet-restart-readiness-113646.yaml:
//   busybox-test-1   1/1     Running   0              3m48s
//   busybox-test-1   0/1     Running   0              4m
//   busybox-test-1   1/1     Running   0              4m1s
// Up to 1.34 a new kubelet process has no probe results; its first status finds a readiness worker
// without a result and writes ready=false, and the worker's first run (`sleep 1`, about a second)
// writes it back ([0.5], [5.10]; UpdatePodStatus in pkg/kubelet/prober/prober_manager.go). Run at
// 1.27, 1.31 and 1.34: the source predates 1.27 and nothing here changed until 1.35, where the
// kubelet keeps a running container's readiness across its restart (KEP-4781,
// ChangeContainerStatusOnKubeletRestart off by default), which this 1.25 watch cannot show.
// Given: the restart, down 5 s in the engine, at 235 s, so the kubelet is back at the `0/1` row;
// so that row's time is an input, and what is compared is the rows, their order, nothing printed
// between them, and the second `1/1` a probe run after the `0/1` (AGEs floored: 0 to 2 s).
// Was a disagreement, fixed ([5.11], docs/transcripts.md): the engine reads `sleep 1` as a 1 s run,
// the default timeoutSeconds, and failed it (a run of timeoutSeconds or more timed out), so the pod
// was never Ready, against the published `1/1`. containerd's ExecSync starts its timeout only after
// the exec'd process has started (execInternal, pkg/cri/server/container_execsync.go,
// containerd/containerd at 02e0fef84b721aece327bfa9cc7a218eb0990e59), so `sleep 1` exits first; an
// exec run now times out only when it takes longer than timeoutSeconds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { expectSubsequence, fromWatchStart, publishedRows, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/kubelet-restart-readiness-113646.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.27', '1.31', '1.34'];

describe('transcript: kubernetes#113646, a kubelet restart under a pod with an exec readiness probe (v1.25.3)', () => {
  const published = publishedRows(`
busybox-test-1   1/1     Running   0              3m48s
busybox-test-1   0/1     Running   0              4m
busybox-test-1   1/1     Running   0              4m1s`);

  it.each(VERSIONS)('turns `0/1` at the kubelet\'s first status after the restart and `1/1` after one probe run, nothing between (%s) [0.5] [5.10] [5.11]', (version) => {
    const text = withVersion(SCENARIO, version);
    const events = runScenario(text).trace!.events;
    const back = events.find((e) => e.type === 'node.kubeletStarted')!.t;
    // the watch from 3m48s on: the row showing then, and every later one
    const ours = fromWatchStart(simulatedRows(text), published[0]!.t);
    const at = expectSubsequence(published, ours);
    expect(at).toEqual([0, 1, 2]);
    expect(ours).toHaveLength(3);
    // the first row is the one showing before the restart; `0/1` is the returning kubelet's first status
    expect(ours[0]!.t).toBeLessThan(published[0]!.t);
    expect(ours[1]!.t).toBeCloseTo(back, 6);
    // `4m` then `4m1s`: the two writes 0 to 2 s apart; here the probe's one run, `sleep 1`
    const gap = ours[2]!.t - ours[1]!.t;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(2);
    // no container restarted, the restart count stays 0
    expect(events.filter((e) => e.type === 'container.start')).toHaveLength(1);
  });

  it.each(VERSIONS)('has the pod Ready before the restart, as the 3m48s row shows: `sleep 1` meets the 1 s timeout of an exec probe (%s) [5.4] [5.11]', (version) => {
    const ours = simulatedRows(withVersion(SCENARIO, version));
    const before = ours.filter((r) => r.t <= published[0]!.t);
    expect(before.at(-1)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    // ready within the first probe period, not only after the restart
    expect(ours.find((r) => r.ready === '1/1')!.t).toBeLessThan(10);
  });
});
