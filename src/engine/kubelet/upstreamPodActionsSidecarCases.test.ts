// Upstream's computePodActions tables for sidecars and container restart rules, run as golden
// cases: TestComputePodActionsWithRestartableInitContainers (1.28+), the same table's cases as
// 1.28-1.31 had them (#126543, #126525), TestComputePodActionsWithContainerRestartRules (1.34+)
// and TestComputePodActionsForRestartAllContainers (1.35+). The source, the era and the mapping
// to our input: upstreamPodActionsCases.test.ts's header.

import { describe, expect, it } from 'vitest';
import type { RestartRule } from '../scenario/types';
import type { RuntimeState } from './podActionsTypes';
import {
  type Expected, type UpstreamCase, type World, makeBasePodAndStatus, makeBasePodAndStatusWithInitContainers, makeBasePodAndStatusWithRestartableInitContainers, noAction, observed, probe, runTable, setExited, status, versions, versionsWithGateReruns, wanted,
} from './upstreamPodActions.testkit';

// --- TestComputePodActionsWithRestartableInitContainers ----------------------------------------

const appendMain = (w: World, state: RuntimeState, exitCode?: number) => {
  for (const c of w.containers) w.statuses.push(status(c, state, exitCode));
};

const restartableCases: UpstreamCase[] = [
  {
    name: 'initialization completed; start all containers', rules: '[2.1] [2.2] [3.1]',
    expected: { containersToStart: [0, 1, 2] },
  },
  {
    name: 'no init containers have been started; start the first one', rules: '[2.1]',
    mutateStatus: (w) => { w.statuses = []; },
    expected: { initContainersToStart: [0] },
  },
  {
    name: 'an init container is stuck in the created state; restart it', rules: '[2.7]',
    from: 29,
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'created'; },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'restartable init container has started; start the next', rules: '[2.1] [2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses = w.statuses.slice(0, 1); },
    expected: { initContainersToStart: [1] },
  },
  {
    name: 'livenessProbe has not been run; start the nothing', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.liveness['restartable-init-2'] = undefined; w.statuses = w.statuses.slice(0, 2); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'livenessProbe in progress; start the next', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.liveness['restartable-init-2'] = undefined; w.statuses = w.statuses.slice(0, 2); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'livenessProbe has completed; start the next', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses = w.statuses.slice(0, 2); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'kill and recreate the restartable init container if the liveness check has failed', rules: '[4.4] [3.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.liveness['restartable-init-3'] = 'failure'; },
    expected: { initContainersToStart: [2], containersToKill: ['restartable-init-3'], containersToStart: [0, 1, 2] },
  },
  {
    name: 'startupProbe has not been run; do nothing', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.startup['restartable-init-2'] = undefined; w.statuses = w.statuses.slice(0, 2); },
    expected: noAction,
  },
  {
    name: 'startupProbe in progress; do nothing', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.startup['restartable-init-2'] = undefined; w.statuses = w.statuses.slice(0, 2); },
    expected: noAction,
  },
  {
    name: 'startupProbe has completed; start the next', rules: '[2.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses = w.statuses.slice(0, 2); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: 'kill and recreate the restartable init container if the startup check has failed', rules: '[2.4]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; w.initContainers[2]!.startupProbe = probe; },
    mutateStatus: (w) => { w.startup['restartable-init-3'] = 'failure'; },
    expected: { initContainersToStart: [2], containersToKill: ['restartable-init-3'] },
  },
  {
    // From 1.32 only: PR #126525 (merged after 1.31.0) added this restart; see the disagreements below.
    name: 'kill and recreate the restartable init container if the container definition changes', rules: '[1.8] [3.1]',
    from: 32,
    mutatePod: (w) => { w.restartPolicy = 'Always'; w.initContainers[2]!.image = 'foo-image'; },
    expected: { initContainersToStart: [2], containersToKill: ['restartable-init-3'], containersToStart: [0, 1, 2] },
  },
  {
    name: 'restart terminated restartable init container and next init container', rules: '[4.3] [2.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 2, 0); },
    expected: { initContainersToStart: [0, 2] },
  },
  {
    name: 'restart terminated restartable init container and regular containers', rules: '[4.3] [3.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { setExited(w, 0, 0); },
    expected: { initContainersToStart: [0], containersToStart: [0, 1, 2] },
  },
  {
    name: 'Pod sandbox not ready, restartable init container failed, but RestartPolicy == Never; kill pod only', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; setExited(w, 2, 137); },
    expected: { killPod: true, createSandbox: false },
  },
  {
    name: 'Pod sandbox not ready, and RestartPolicy == Never, but no visible restartable init containers;  create a new pod sandbox', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.sandbox.ready = false; w.statuses = []; },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'Pod sandbox not ready, restartable init container failed, and RestartPolicy == OnFailure; create a new pod sandbox', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; setExited(w, 2, 137); },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: 'Pod sandbox not ready, restartable init container failed, and RestartPolicy == Always; create a new pod sandbox', rules: '[2.9]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.sandbox.ready = false; setExited(w, 2, 137); },
    expected: { killPod: true, createSandbox: true, initContainersToStart: [0] },
  },
  {
    name: "initialization failed; restart the last restartable init container even if pod's RestartPolicy == Never", rules: '[2.6] [4.3]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 2, 137); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: "restartable init container state unknown; kill and recreate the last restartable init container even if pod's RestartPolicy == Never", rules: '[4.3]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { w.statuses[2]!.state = 'unknown'; },
    expected: { initContainersToStart: [2], containersToKill: ['restartable-init-3'] },
  },
  {
    name: "restart restartable init container if regular containers are running even if pod's RestartPolicy == Never", rules: '[4.3] [3.1]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 2, 137); appendMain(w, 'running'); },
    expected: { initContainersToStart: [2] },
  },
  {
    name: "kill the pod if all main containers succeeded if pod's RestartPolicy == Never", rules: '[4.1] [4.3]',
    mutatePod: (w) => { w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { appendMain(w, 'exited', 0); },
    expected: { killPod: true },
  },
  {
    name: 'some of the init container statuses are missing but the last init container is running, restart restartable init and regular containers', rules: '[2.9] [3.1]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { w.statuses = w.statuses.slice(2); },
    expected: { initContainersToStart: [0, 1], containersToStart: [0, 1, 2] },
  },
];

describe('upstream TestComputePodActionsWithRestartableInitContainers, 1.28-1.37 (sidecars, SidecarContainers forced on in 1.28)', () => {
  runTable(makeBasePodAndStatusWithRestartableInitContainers, restartableCases, (from) => versionsWithGateReruns(from, ['sidecars']), 28);
});

describe('the same table\'s cases as older releases had them (1.28; 1.28-1.31)', () => {
  runTable(makeBasePodAndStatusWithRestartableInitContainers, [
    {
      // the 1.28-1.30-era upstream table (library file id 64524167); #126543 changed it for 1.29+
      name: 'initialization in progress; do nothing (an init container in Created, before #126543)', rules: '[2.7]',
      until: 28,
      mutatePod: (w) => { w.restartPolicy = 'Always'; },
      mutateStatus: (w) => { w.statuses[2]!.state = 'created'; },
      expected: noAction,
    },
    {
      // before #126525 nothing acted on a running sidecar's changed image
      name: 'a restartable init container whose definition changed keeps running (before #126525)', rules: '[1.8]',
      until: 31,
      mutatePod: (w) => { w.restartPolicy = 'Always'; w.initContainers[2]!.image = 'foo-image'; },
      expected: { containersToStart: [0, 1, 2] },
    },
  ], (from) => versions(from, ['sidecars']), 28);
});

// --- TestComputePodActionsWithContainerRestartRules ---------------------------------------------

const restartRulesCases: UpstreamCase[] = [
  {
    name: 'Kill pod and recreate all containers (except for the succeeded one) if the pod sandbox is dead', rules: '[2.9] [4.2]',
    mutatePod: (w) => { w.restartPolicy = 'Always'; w.containers[1]!.restartPolicy = 'OnFailure'; },
    mutateStatus: (w) => { w.sandbox.ready = false; setExited(w, 1, 0); },
    expected: { killPod: true, createSandbox: true, containersToStart: [0, 2] },
  },
  {
    name: 'restart exited containers if RestartPolicy == Always', rules: '[4.2] [4.1]',
    mutatePod: (w) => { w.containers[0]!.restartPolicy = 'Always'; w.containers[1]!.restartPolicy = 'Always'; w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: { containersToStart: [0, 1] },
  },
  {
    name: 'restart failed containers if RestartPolicy == OnFailure', rules: '[4.2] [4.1]',
    mutatePod: (w) => { w.containers[0]!.restartPolicy = 'OnFailure'; w.containers[1]!.restartPolicy = 'OnFailure'; w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: { containersToStart: [1] },
  },
  {
    name: 'restart created but not started containers if RestartPolicy == OnFailure', rules: '[4.2] [4.1]',
    mutatePod: (w) => { w.containers[0]!.restartPolicy = 'OnFailure'; w.containers[1]!.restartPolicy = 'OnFailure'; w.restartPolicy = 'Never'; },
    mutateStatus: (w) => { setExited(w, 0, 0); w.statuses[1]!.state = 'created'; },
    expected: { containersToStart: [1] },
  },
  {
    name: "don't restart containers if RestartPolicy == Never", rules: '[4.2] [4.1]',
    mutatePod: (w) => { w.containers[0]!.restartPolicy = 'Never'; w.containers[1]!.restartPolicy = 'Never'; w.restartPolicy = 'Always'; },
    mutateStatus: (w) => { setExited(w, 0, 0); setExited(w, 1, 111); },
    expected: noAction,
  },
];

describe('upstream TestComputePodActionsWithContainerRestartRules, 1.34-1.37 (ContainerRestartRules forced on in 1.34)', () => {
  runTable(makeBasePodAndStatus, restartRulesCases, (from) => versions(from, ['containerRestartRules']), 34);
});

// --- TestComputePodActionsForRestartAllContainers ----------------------------------------------

const restartAllOnExit1: RestartRule[] = [{ action: 'RestartAllContainers', operator: 'In', values: [1] }];

interface RestartAllCase {
  name: string;
  rules: string;
  world: () => World;
  expected: Expected;
}

const restartAllCases: RestartAllCase[] = [
  {
    name: 'pod not marked for RestartAllContainers', rules: '[11.2] [0.1]',
    world: makeBasePodAndStatus,
    expected: noAction,
  },
  {
    // init3 (own policy Never, rule In [1]) exited 1; init2 turned into a running sidecar.
    name: 'init container exit triggers RestartAllContainers', rules: '[11.2]',
    world: () => {
      const w = makeBasePodAndStatusWithInitContainers();
      w.initContainers[1]!.restartPolicy = 'Always';
      w.initContainers[2]!.restartPolicy = 'Never';
      w.initContainers[2]!.restartPolicyRules = restartAllOnExit1;
      w.statuses[1]!.state = 'running';
      w.statuses[1]!.exitCode = undefined;
      w.statuses[2]!.exitCode = 1;
      return w;
    },
    expected: { restartAllFrom: 'init3' },
  },
  {
    name: 'sidecar container exit triggers RestartAllContainres', rules: '[11.2]',
    world: () => {
      const w = makeBasePodAndStatusWithRestartableInitContainers();
      w.initContainers[2]!.restartPolicyRules = restartAllOnExit1;
      setExited(w, 2, 1);
      w.statuses.push(status(w.containers[0]!, 'running'));
      return w;
    },
    expected: { restartAllFrom: 'restartable-init-3' },
  },
  {
    // Upstream's appended statuses carry no Hash; no spec comparison happens on this path.
    name: 'regular container exit triggers RestartAllContainers', rules: '[11.2]',
    world: () => {
      const w = makeBasePodAndStatusWithRestartableInitContainers();
      w.containers[2]!.restartPolicy = 'Never';
      w.containers[2]!.restartPolicyRules = restartAllOnExit1;
      w.statuses.push(status(w.containers[0]!, 'running'), status(w.containers[1]!, 'running'), status(w.containers[2]!, 'exited', 1));
      return w;
    },
    expected: { restartAllFrom: 'foo3' },
  },
  {
    // Upstream also lists the older exited instances (exit 99) to remove; our runtime holds the newest only.
    name: 'removes past terminated statuses (newest instances only)', rules: '[11.2]',
    world: () => {
      const w = makeBasePodAndStatus();
      w.restartPolicy = 'Always';
      w.containers[2]!.restartPolicy = 'Always';
      w.containers[2]!.restartPolicyRules = restartAllOnExit1;
      setExited(w, 2, 1);
      for (const c of w.containers) w.statuses.push(status(c, 'exited', 99));
      return w;
    },
    expected: { restartAllFrom: 'foo3' },
  },
  {
    name: 'all containers removed, start init container', rules: '[11.2] [2.1]',
    world: () => {
      const w = makeBasePodAndStatusWithInitContainers();
      w.statuses = [];
      return w;
    },
    expected: { initContainersToStart: [0] },
  },
  {
    name: 'all containers removed, start regular container', rules: '[11.2] [3.2]',
    world: () => {
      const w = makeBasePodAndStatus();
      w.statuses = [];
      return w;
    },
    expected: { containersToStart: [0, 1, 2] },
  },
];

describe('upstream TestComputePodActionsForRestartAllContainers, 1.35-1.37 (ContainerRestartRules and RestartAllContainersOnContainerExits on)', () => {
  for (const c of restartAllCases) {
    it(`${c.name} ${c.rules}`, () => {
      for (const v of versions(35, ['containerRestartRules', 'restartAllContainers'])) {
        const w = c.world();
        expect(observed(w, v), `${c.name} on ${v.label}`).toEqual(wanted(w, c.expected));
      }
    });
  }
});
