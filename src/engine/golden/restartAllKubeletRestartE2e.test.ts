// Golden test: upstream's node e2e "RestartAllContainersWithKubeletRestarts" [Serial] [Disruptive]
// [FeatureGate:ContainerRestartRules] [FeatureGate:RestartAllContainersOnContainerExits], a
// test/e2e_node file of package e2enode (library id 544887411, 8,645 chars; the library gives no
// path), cases "kubelet restart during cleanup" and "kubelet restart during startup" (session 39's
// pending cases, translated by helper h39-e2ecases).
//
// What they need of the engine ([11.2]): the AllContainersRestarting=True that kubelet.go SyncPod
// writes before the runtime's reset (GenerateAllContainersRestartingCondition) stays in the API
// while the reset stops and removes the containers one after another (about 2 s each here: busybox
// `sh -c 'sleep 3600; exit 0'` as PID 1 ignores SIGTERM, so killContainer's 2 s minimum ends in
// SIGKILL), long enough for a 1 s poll; a kubelet restarted in that window resumes the reset from
// the written True; the next sync writes False and starts every container again.
// Upstream's own "during startup" case flakes (kubernetes#139469, open: on a COS node a restarted
// kubelet decided "Pod is terminal"); the engine does not do that, and the test expects it not to.
import { describe, it } from 'vitest';
import { fail } from './logAssertions';
import { conditionTransition, minors, pollUntil, retimed, runText, statusAt, withoutEvent } from './podLifecycleE2e.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

// RestartAllContainersWithKubeletRestarts (a test/e2e_node file of package e2enode, library id
// 544887411): [Serial] [Disruptive] [FeatureGate:ContainerRestartRules]
// [FeatureGate:RestartAllContainersOnContainerExits]. restartPolicy Never; source-container's
// first run (its emptyDir has no /mnt/init-complete) sleeps 10 s and exits 42, which matches its
// RestartAllContainers rule; every later run sleeps (the runs: below; the emptyDir is left out).
// Ten more containers `sleep 3600; exit 0` make the cleanup take time. "during startup" adds an init
// container `sleep 20; exit 0` that runs again after the in-place restart.
const CONTAINER_COUNT = 10;
const BUSYBOX = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1';
const REQUEST_AFTER_READ = 0.01;

function restartPod(name: string, withInit: boolean): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', '  restartPolicy: Never'];
  if (withInit) lines.push('  initContainers:', '    - name: init', `      image: ${BUSYBOX}`, "      command: [/bin/sh, -c, 'sleep 20; exit 0']");
  lines.push(
    '  containers:',
    '    - name: source-container',
    `      image: ${BUSYBOX}`,
    "      command: [/bin/sh, -c, 'if [ -f /mnt/init-complete ]; then sleep 3600; else touch /mnt/init-complete; sleep 10; exit 42; fi']",
    '      restartPolicy: Never',
    '      restartPolicyRules:',
    '        - action: RestartAllContainers',
    '          exitCodes: { operator: In, values: [42] }',
  );
  for (let i = 0; i < CONTAINER_COUNT; i++) {
    lines.push(`    - name: container-${i}`, `      image: ${BUSYBOX}`, "      command: [/bin/sh, -c, 'sleep 3600; exit 0']");
  }
  lines.push(
    '---', 'apiVersion: sidecar-lab/v1', 'kind: Simulation', 'until: 400s', 'containers:',
    '  source-container: { exitAfter: never, runs: [{ exitAfter: 10s, exitCode: 42 }] }',
    'events:', '  - { at: 60s, do: restartKubelet }',
  );
  return `${lines.join('\n')}\n`;
}

const restarting = (trace: Trace, status: 'True' | 'False') => (t: number) => conditionTransition(trace, 'AllContainersRestarting', t)?.status === status;

/** gomega.Eventually(…, 2 min, 1 s): the first read (from `from`, then every second) where `pred` holds. */
function eventually2m(trace: Trace, from: number, what: string, pred: (t: number) => boolean): number {
  const t = pollUntil(from, 120, 1, pred);
  if (t === undefined) fail(trace, `${what}: not seen within 2 min of ${from}s`, ['source-container']);
  return t;
}

/** "waiting for containers to restart": Eventually(3 min, f.Timeouts.Poll 2 s) from the kubelet's return. */
function allRestartedAndRunning(trace: Trace): void {
  const back = trace.events.find((e) => e.type === 'node.kubeletStarted')?.t;
  if (back === undefined) fail(trace, 'the kubelet never came back', []);
  const names = ['source-container', ...Array.from({ length: CONTAINER_COUNT }, (_, i) => `container-${i}`)];
  const t = pollUntil(back, 180, 2, (x) => names.every((c) => {
    const s = statusAt(trace, c, x);
    return s !== undefined && s.restartCount > 0 && s.state === 'running';
  }));
  if (t === undefined) fail(trace, `not all containers have restarted and are running within 3 min of ${back}s`, names);
}

function restartKubeletAt(text: string, v: KubeVersion, when: (before: Trace) => number): Trace {
  const before = runText(withoutEvent(text, 'restartKubelet'), v);
  return runText(retimed(text, 'restartKubelet', Number((when(before) + REQUEST_AFTER_READ).toFixed(3))), v);
}

describe('RestartAllContainersWithKubeletRestarts', () => {
  for (const v of minors(36)) {
    it(`kubelet restart during cleanup (${v})`, () => {
      const trace = restartKubeletAt(restartPod('restart-kubelet-during-cleanup', false), v, (before) =>
        eventually2m(before, 0, 'pod not marked for restart', restarting(before, 'True')));
      allRestartedAndRunning(trace);
    });

    it(`kubelet restart during startup (${v})`, () => {
      const trace = restartKubeletAt(restartPod('restart-kubelet-during-cleanup', true), v, (before) => {
        const marked = eventually2m(before, 0, 'pod not marked for restart', restarting(before, 'True'));
        return eventually2m(before, marked, 'pod cleanup not finished', restarting(before, 'False'));
      });
      allRestartedAndRunning(trace);
    });
  }
});
