// A published `kubectl describe` of a liveness probe `ls -l FILE` on centos:latest, run through the
// engine ([15.4]: the shell reader follows `ls` with listing options: -l changes how a found file is
// listed, which the reader cannot know, not the error for a missing one or the exit code).
// Source: Chinese notes "Pod健康检查机制" (search-index file 48807682312, no repository named),
// "exec命令行健康检查": centos:latest pulled "in 1m40.0763836s" (no "including waiting": before 1.27,
// [10.6]; centos:latest of then is CentOS 8, coreutils 8.30, so ls quotes the name). Published at
// 62 s after the first Started:
//   Warning  Unhealthy  9s (x6 over 49s)  kubelet, w01  Liveness probe failed: ls: cannot access '/tmp/liveness-probe.log': No such file or directory
//   Normal   Killing    9s (x2 over 39s)  kubelet, w01  Container exec-liveness-probe failed liveness probe, will be restarted
//   Normal   Created    2s (x3 over 62s)  …
//   Normal   Started    2s (x3 over 62s)  …
// GNU ls -l on a missing name prints what plain ls prints (`ls: cannot access '%s': No such file or
// directory`, quoteaf, exit 2); on a present file a long line the reader cannot know, exit 0. Found
// by a helper's search (session 38); until then the reader gave up on any option and the probe passed.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { probeWindows } from '../../scenario/probeCommand';
import { withVersion } from './watch.testkit';

const SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: exec-liveness-probe
spec:
  containers:
  - name: exec-liveness-probe
    image: centos:latest
    imagePullPolicy: IfNotPresent
    args:
    - /bin/sh
    - -c
    - touch /tmp/liveness-probe.log && sleep 10 && rm -f /tmp/liveness-probe.log && sleep 20
    livenessProbe:
      exec:
        command:
        - ls
        - -l
        - /tmp/liveness-probe.log
      initialDelaySeconds: 1
      periodSeconds: 5
      timeoutSeconds: 1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 170s
containers:
  exec-liveness-probe: { pull: 100.0763836s }
`;

const PUBLISHED = "Liveness probe failed: ls: cannot access '/tmp/liveness-probe.log': No such file or directory";

describe('transcript: Chinese notes, centos:latest under `ls -l FILE` (file 48807682312)', () => {
  it('GNU ls -l: exit 0 with an unknown listing while the file is there, then coreutils 8.30\'s quoted error with exit 2 [15.4]', () => {
    const c = runScenario(SCENARIO).scenario!.pod.containers[0]!;
    const w = probeWindows(c, c.livenessProbe!.command);
    expect(w.map((x) => [x.from, x.to, x.exitCode])).toEqual([[0, 10, 0], [10, 30, 2]]);
    expect(w[0]!.output).toBeUndefined();
    expect(`Liveness probe failed: ${w[1]!.output}`.trim()).toBe(PUBLISHED);
  });

  it.each(['1.27', '1.31', '1.36'])('`Unhealthy (x6 over 49s)` and `Killing (x2 over 39s)` within 62 s of the first start, every message as published (%s) [5.4] [5.13] [15.4]', (version) => {
    const events = runScenario(withVersion(SCENARIO, version)).trace!.events;
    const start = events.find((e) => e.type === 'container.start')!.t;
    const failed = events.flatMap((e) => (e.type === 'probe.failed' && e.t <= start + 62 ? [e] : []));
    const kills = events.filter((e) => e.type === 'container.kill' && e.t <= start + 62);
    expect(failed.map((e) => `Liveness probe failed: ${e.output}`.trim())).toEqual(Array(6).fill(PUBLISHED));
    expect(kills).toHaveLength(2);
    // Started 62s, first Unhealthy 49s: 12-14 s after the start (the engine's ticks: [5.2], the pull sets their phase).
    expect(failed[0]!.t - start).toBeGreaterThan(12);
    expect(failed[0]!.t - start).toBeLessThan(15);
  });
});
