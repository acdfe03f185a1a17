// The Unhealthy line of kubernetes.io's liveness-exec example ([5.13], [15.4]), beside probes.test.ts
// (its timing). Source: "Configure Liveness, Readiness and Startup Probes", liveness-exec,
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
// (kubernetes/website content/en/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes.md,
// read at 00404e61). `kubectl describe` at 57 s:
//   Normal   Started    53s                kubelet, node01    Started container liveness
//   Warning  Unhealthy  10s (x3 over 20s)  kubelet, node01    Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory
//   Normal   Killing    10s                kubelet, node01    Container liveness failed liveness probe, will be restarted
// The message is prober.go probe's `"%s probe failed: %s"` with what `cat` printed: RunInContainer's
// stdout and stderr (pkg/probe/exec Probe keeps the first 10 KiB), busybox's cat (open_or_warn,
// `can't open '%s': %m`); kubectl describe prints it through strings.TrimSpace. The engine reads it
// from the container's own script (scenario/probeCommand.ts probeWindows): the file is there for 30 s
// after each start, then gone; the probe workers fail the runs there with that output (sim/probeScript.ts).
// Checked on the parsed pod and in the run's trace, at 1.27, 1.31 and 1.36 as probes.test.ts runs it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { probeWindows } from '../../scenario/probeCommand';
import { withVersion } from './watch.testkit';

/** The page's pod, shared with probes.test.ts (its timing). */
const scenario = readFileSync(new URL('./fixtures/k8sio-liveness-exec.yaml', import.meta.url), 'utf8');

const PUBLISHED = "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory";

describe('transcript: kubernetes.io liveness-exec, the Unhealthy message', () => {
  it.each(['1.27', '1.31', '1.36'])('a run from 30 s after the start prints busybox cat\'s error: the published line, trimmed as kubectl describe prints it (%s) [5.13] [15.4]', (version) => {
    const c = runScenario(withVersion(scenario, version)).scenario!.pod.containers[0]!;
    const windows = probeWindows(c, c.livenessProbe!.command);
    const failing = windows.find((w) => w.exitCode !== 0)!;
    expect(failing).toMatchObject({ from: 30, to: 630 });
    expect(`Liveness probe failed: ${failing.output}`.trim()).toBe(PUBLISHED);
    expect(failing.output).toBe("cat: can't open '/tmp/healthy': No such file or directory\n"); // the event's own message keeps the newline
  });

  it('the published timing fits: Killing 43 s after Started is the third failure 5 s apart, so the runs at 33 and 38 s failed and the one at 28 s passed [5.4]', () => {
    const c = runScenario(scenario).scenario!.pod.containers[0]!;
    const windows = probeWindows(c, c.livenessProbe!.command);
    const at = (t: number) => windows.find((w) => w.from <= t && t < w.to)!.exitCode;
    expect([28, 33, 38, 43].map(at)).toEqual([0, 1, 1, 1]);
  });

  it.each(['1.27', '1.31', '1.36'])('the run\'s three failed runs before the kill carry that output, with no failure injected (%s) [5.13] [15.4]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const killed = events.find((e) => e.type === 'container.kill')!.t;
    const failed = events.flatMap((e) => (e.type === 'probe.failed' && e.t <= killed ? [e] : []));
    expect(failed.map((e) => `Liveness probe failed: ${e.output}`.trim())).toEqual([PUBLISHED, PUBLISHED, PUBLISHED]);
  });
});
