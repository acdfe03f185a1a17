// Golden test: upstream's own unit tests of the prober manager, translated to Sidecar Lab.
//
// Upstream files (kubernetes/kubernetes, read 2026-12-08 with the stored copies):
// - pkg/kubelet/prober/prober_manager_test.go, the newest stored copy (id 55717516223: synctest,
//   TestAddPodContinuesAfterExistingWorker of #138930, and tests of a ContainerLifecycleProber gate
//   that no release has): TestAddRemovePods, TestAddPodContinuesAfterExistingWorker,
//   TestAddRemovePodsWithRestartableInitContainer, TestCleanupPods, TestCleanupRepeated,
//   TestUpdatePodStatus, TestUpdatePodStatusWithInitContainers, TestUpdateReadiness (the rows of
//   TestUpdatePodStatus and TestUpdatePodStatusWithInitContainers are the same in the 1.3x copy,
//   id 61536032268). The StartContainerProbes / StopContainerProbes tests belong to that unreleased
//   gate and are not translated.
// - The code: prober_manager.go UpdatePodStatus and isContainerStarted (the 1.35-era copy, id
//   506557261, with the ChangeContainerStatusOnKubeletRestart branches; the sidecar-era copy 198176698
//   has the same rules without them; the pre-sidecar copy 62653940, 1.27's shape, sets no init
//   container's Started), AddPod (1.36 and 1.37, #138930).
//
// How they map to ours: upstream fills the manager's worker map and results caches by hand and
// calls UpdatePodStatus on a made-up status. Here each row is a container whose probes put it in
// that state (a worker with no result yet: an initialDelaySeconds longer than the run; a startup
// worker with a result of Success: an app that is up; a terminated container: one that exits), and
// the row's Started and Ready are read from the trace (container.started, container.ready) at a
// time when that state holds. "No worker" is a container without that probe.
//
// Versions: main-container rows on every minor 1.27-1.37; sidecar rows from 1.28 (the gate is
// switched on there); TestAddPodContinuesAfterExistingWorker is the 1.37 tree's (#138930): on 1.37.
//
// Not expressible (not asserted):
// - TestAddRemovePodsWithRestartableInitContainer "pod without sidecar": probes on a regular init
//   container; the API server rejects them (and says so here), so no kubelet meets such a pod.
// - TestCleanupPods, TestCleanupRepeated: a scenario is one pod.
// - TestAddRemovePods' RemovePod halves: the workers' removal is internal; what a removed worker
//   means for Started and Ready is TestUpdatePodStatus's "no worker" rows.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { KubeVersion } from '../version';
import {
  ALL, WITH_SIDECARS, failedRuns, firstAfter, of, podText, readyAt, run, startedAt, times,
} from './upstreamProber.testkit';

const http = (extra = '') => `{ httpGet: { path: /, port: 80 }${extra} }`;

describe('prober_manager_test.go TestUpdatePodStatus', () => {
  // restartPolicy Never so that "terminated" stays terminated.
  const containers = `    - name: unprobed
      image: example/app:1
      livenessProbe: ${http()}
    - name: probed-ready
      image: example/app:1
      readinessProbe: ${http()}
    - name: probed-pending
      image: example/app:1
      readinessProbe: ${http(', initialDelaySeconds: 100')}
    - name: probed-unready
      image: example/app:1
      readinessProbe: { exec: { command: ["false"] } }
    - name: not-started-no-readiness
      image: example/app:1
      startupProbe: ${http(', failureThreshold: 100')}
    - name: started-no-readiness
      image: example/app:1
      startupProbe: ${http()}
    - name: terminated
      image: example/app:1
      readinessProbe: ${http()}
`;
  const expected: Record<string, boolean> = {
    'unprobed': true, // a liveness worker only: no readiness worker, ready
    'probed-ready': true, // readiness Success
    'probed-pending': false, // a readiness worker with no result yet
    'probed-unready': false, // readiness Failure
    'not-started-no-readiness': false, // a startup worker with no result: not started, so not ready
    'started-no-readiness': true, // startup Success and no readiness worker
  };
  it.each(ALL)('Ready of each container, and Started from the startup worker (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      policy: 'Never', containers, until: '60s',
      sim: 'containers:\n  not-started-no-readiness: { startDelay: 1000s }\n  terminated: { exitAfter: 30s }\n',
    }));
    for (const [name, ready] of Object.entries(expected)) {
      expect(readyAt(t, name, 25), name).toBe(ready);
      expect(startedAt(t, name, 25), name).toBe(name !== 'not-started-no-readiness');
    }
    // "terminated": its readiness result was Success while it ran; not running, it is neither started nor ready
    expect(readyAt(t, 'terminated', 25)).toBe(true);
    const exit = times(t, 'container.exit', 'terminated')[0]!;
    expect(readyAt(t, 'terminated', exit + 5)).toBe(false);
    expect(startedAt(t, 'terminated', exit + 5)).toBe(false);
  });
});

describe('prober_manager_test.go TestUpdatePodStatusWithInitContainers', () => {
  // From 1.28 (#116429): the pre-sidecar UpdatePodStatus (library id 62653940) set only Ready for
  // init containers, so at 1.27 `started` is never written (golden/issues/conditionIssues41.test.ts).
  it.each(WITH_SIDECARS)('"init containers": a running regular init container is started (no startup worker) but not ready; exited 0, ready and not started (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      initContainers: `    - name: setup
      image: busybox:1.36
      command: [sleep, "10"]
`,
      containers: `    - name: app
      image: example/app:1
`,
      until: '40s',
    }));
    const start = times(t, 'container.start', 'setup')[0]!;
    const exit = times(t, 'container.exit', 'setup')[0]!;
    expect(exit - start).toBeCloseTo(10, 6);
    expect(startedAt(t, 'setup', exit - 1)).toBe(true);
    expect(readyAt(t, 'setup', exit - 1)).toBe(false);
    expect(startedAt(t, 'setup', exit + 2)).toBe(false);
    expect(readyAt(t, 'setup', exit + 2)).toBe(true); // Terminated with exit code 0
  });

  it.each(WITH_SIDECARS)('"init container with Always restartPolicy": not started; started and ready without a readiness worker; terminated, neither (%s)', (v: KubeVersion) => {
    // Sidecars start in order, each once the one before is started: "started" first.
    const t = run(podText(v, {
      initContainers: `    - name: started
      image: example/app:1
      restartPolicy: Always
      startupProbe: ${http(', periodSeconds: 2')}
    - name: not-started
      image: example/app:1
      restartPolicy: Always
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 100')}
`,
      containers: `    - name: app
      image: example/app:1
`,
      until: '60s',
      sim: 'containers:\n  started: { exitAfter: 40s, exitCode: 1 }\n  not-started: { startDelay: 1000s }\n',
    }));
    const exit = times(t, 'container.exit', 'started')[0]!;
    const restart = times(t, 'container.start', 'started')[1]!;
    expect(startedAt(t, 'started', exit - 1)).toBe(true);
    expect(readyAt(t, 'started', exit - 1)).toBe(true);
    expect(times(t, 'container.start', 'not-started')).toHaveLength(1);
    expect(startedAt(t, 'not-started', exit - 1)).toBe(false);
    expect(readyAt(t, 'not-started', exit - 1)).toBe(false);
    // "terminated": the status written after its exit, before its restart
    const written = firstAfter(t, 'container.unready', 'started', exit)!.t;
    expect(written).toBeLessThanOrEqual(restart);
    expect(startedAt(t, 'started', written)).toBe(false);
    expect(readyAt(t, 'started', written)).toBe(false);
  });
});

describe('prober_manager_test.go TestAddRemovePodsWithRestartableInitContainer', () => {
  it.each(WITH_SIDECARS)('"pod with sidecar": the sidecar gets a liveness, a readiness and a startup worker (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      initContainers: `    - name: restartable-init
      image: example/app:1
      restartPolicy: Always
      startupProbe: ${http(', periodSeconds: 2, failureThreshold: 10')}
      readinessProbe: ${http(', periodSeconds: 2')}
      livenessProbe: ${http(', periodSeconds: 2, failureThreshold: 1')}
`,
      containers: `    - name: main
      image: example/app:1
`,
      sim: 'containers:\n  restartable-init: { startDelay: 5s, readyAfter: 15s }\nevents:\n  - { at: 40s, container: restartable-init, do: failLiveness, for: 2s }\n',
    }));
    const start = times(t, 'container.start', 'restartable-init')[0]!;
    const started = times(t, 'container.started', 'restartable-init')[0]!;
    const ready = times(t, 'container.ready', 'restartable-init')[0]!;
    expect(failedRuns(t, 'restartable-init', 'startup').length).toBeGreaterThan(0); // the startup worker probed
    expect(started - start).toBeGreaterThanOrEqual(5);
    expect(ready - start).toBeGreaterThanOrEqual(15); // the readiness worker gates Ready
    expect(of(t, 'container.kill', 'restartable-init')[0]?.reason).toBe('LivenessProbe'); // the liveness worker kills
  });

  it('"pod without sidecar": probes on a regular init container are refused by the API server', () => {
    const text = podText('1.33', {
      initContainers: `    - name: init
      image: busybox:1.36
      command: ["true"]
      readinessProbe: ${http()}
`,
      containers: `    - name: main
      image: example/app:1
`,
    });
    expect(runScenario(text).problems.some((p) => p.severity === 'error' && /readinessProbe/.test(p.path ?? p.message))).toBe(true);
  });
});

describe('prober_manager_test.go TestUpdateReadiness', () => {
  it.each(ALL)('the prober succeeds: ready; it fails: not ready (%s)', (v: KubeVersion) => {
    // setTestProbe's defaults: timeout 1, period 1, thresholds 1.
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: ${http(', periodSeconds: 1, failureThreshold: 1')}
`,
      until: '40s',
      sim: 'events:\n  - { at: 20s, container: app, do: failReadiness }\n',
    }));
    expect(readyAt(t, 'app', 19)).toBe(true);
    expect(readyAt(t, 'app', 22)).toBe(false);
  });
});

describe('prober_manager_test.go TestAddPodContinuesAfterExistingWorker (#138930)', () => {
  // b's readiness worker leaves its loop (b ends for good under restartPolicy Never), a's stays;
  // c's exit 42 restarts every container in place (RestartAllContainers, [11.2]), so b runs again
  // and SyncPod's AddPod meets a's worker first. 1.37 goes on to b and makes its worker again.
  it('1.37: b gets its readiness worker back, so its second run is ready only once its app is', () => {
    const t = run(podText('1.37', {
      policy: 'Never',
      containers: `    - name: a
      image: example/a:1
      readinessProbe: ${http(', periodSeconds: 5')}
    - name: b
      image: example/b:1
      readinessProbe: ${http(', periodSeconds: 5')}
    - name: c
      image: example/c:1
      restartPolicy: Never
      restartPolicyRules:
        - { action: RestartAllContainers, exitCodes: { operator: In, values: [42] } }
`,
      until: '90s',
      sim: `containers:
  b: { runs: [{ exitAfter: 10s, exitCode: 1 }, { exitAfter: never, readyAfter: 20s }] }
  c: { runs: [{ exitAfter: 30s, exitCode: 42 }, { exitAfter: never }] }
`,
    }));
    const restart = times(t, 'container.start', 'b')[1]!;
    const ready = times(t, 'container.ready', 'b').find((x) => x >= restart)!;
    expect(ready - restart).toBeGreaterThanOrEqual(20);
  });
});
