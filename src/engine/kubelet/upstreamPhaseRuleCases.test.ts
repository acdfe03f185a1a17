// Golden test: upstream's getPhase tables of the per-container restart policy (ContainerRestartRules,
// 1.34+) and of RestartAllContainers (1.35+), kubelet_pods_test.go at 001a80e9 (the versions read,
// how the cases map and the note on TestPodPhaseWithRestartAllContainers:
// upstreamPhaseCases.test.ts's header). Each case named as upstream names it, on every minor it applies to.

import { describe, expect, it } from 'vitest';
import {
  describeTables, failedState, failedStateWithExitCode, runningState, succeededState, waitingState,
  waitingStateWithRestartingAllContainers, type Case, type ContainerForStatus, type Table,
} from './upstreamPhase.testkit';

const c = (name: string, restartPolicy?: ContainerForStatus['restartPolicy']): ContainerForStatus =>
  restartPolicy ? { name, restartPolicy } : { name };

// [6.2a] [6.6]; ContainerRestartRules on, podHasInitialized true, podIsTerminal false
const containerRestartPolicy: Table = {
  fn: 'TestPodPhaseWithContainerRestartPolicy', since: 34, containerRestartRules: true, shape: { main: [] }, cases: [
    { test: 'container with restart policy Never failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'Never')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Failed', rule: '6.6' },
    { test: 'container with restart policy OnFailure failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'OnFailure')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Running', rule: '6.6' },
    { test: 'container with restart policy Always failed', shape: { restartPolicy: 'Always', main: [c('failed-container', 'Always')] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Running', rule: '6.6' },
    { test: 'At least one container with restartable container-level restart policy failed',
      shape: { restartPolicy: 'Never', main: [c('containerA', 'Always'), c('containerB')] },
      podHasInitialized: true, main: [succeededState('containerA'), failedState('containerB')], phase: 'Running', rule: '6.6' },
    { test: 'All containers without restartable container-level restart policy failed',
      shape: { restartPolicy: 'Always', main: [c('containerA', 'Never'), c('containerB', 'OnFailure')] },
      podHasInitialized: true, main: [failedState('containerA'), succeededState('containerB')], phase: 'Failed', rule: '6.6' },
    { test: 'All containers succeeded',
      shape: { restartPolicy: 'Always', main: [c('containerA', 'Never'), c('containerB', 'OnFailure')] },
      podHasInitialized: true, main: [succeededState('containerA'), succeededState('containerB')], phase: 'Succeeded', rule: '6.6' },
  ],
};

// [6.2a] [6.2e] [6.6]; the statuses are upstream's single list
const containerRestartPolicyInit: Table = {
  fn: 'TestPodPhaseWithContainerRestartPolicyInitContainers', since: 34, containerRestartRules: true, shape: { main: [] }, cases: [
    { test: 'init container with restart policy Never failed',
      shape: { restartPolicy: 'Always', init: [c('failed-container', 'Never')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Failed', rule: '6.2a' },
    { test: 'init container with restart policy OnFailure failed',
      shape: { restartPolicy: 'Never', init: [c('failed-container', 'OnFailure')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Pending', rule: '6.2e' },
    // an init container with restartPolicy Always is a sidecar: its stop never counts ([6.3])
    { test: 'container with restart policy Always failed',
      shape: { restartPolicy: 'Never', init: [c('failed-container', 'Always')], main: ['container'] },
      podHasInitialized: true, main: [failedState('failed-container')], phase: 'Pending', rule: '6.2e' },
  ],
};

// [6.6] [6.8]; ContainerRestartRules, NodeDeclaredFeatures and RestartAllContainersOnContainerExits
// on, getPhase(..., false, true). Note: the upstream getPhase of this commit adds to
// podutil.ContainerShouldRestart only the RestartingAllContainers *reason*, and the only stored
// pkg/api/v1/pod/util.go (commit 959795b4) lets a matching RestartAllContainers rule fall back to
// the container's own Never; yet "regular container triggers RestartAllContainers" and "init
// container triggers RestartAllContainers" expect an un-reasoned exit 42 to count as restarting.
// That util.go is older than this getPhase (it has no AllContainersCouldRestart, which
// generateAPIPodStatus here calls), so the RestartAllContainers-era ContainerShouldRestart
// presumably returns true for such a rule. Our port follows the test ([6.8]).
const ruleRAC = [{ action: 'RestartAllContainers' as const, operator: 'In' as const, values: Array.of(42) }];
const containerWithRule: ContainerForStatus = { name: 'container', restartPolicy: 'Never', restartPolicyRules: ruleRAC };
const sidecarContainerWithRule: ContainerForStatus = { name: 'container', restartPolicy: 'Always', restartPolicyRules: ruleRAC };
const restartAllContainers: Table = {
  fn: 'TestPodPhaseWithRestartAllContainers', since: 35, containerRestartRules: true, restartAllContainers: true, shape: { main: [] },
  cases: ([
    // Trigger RestartAllContainers
    { test: 'regular container triggers RestartAllContainers', shape: { restartPolicy: 'Never', main: [containerWithRule] },
      main: [failedStateWithExitCode('container', 42)], phase: 'Running', rule: '6.6' },
    { test: 'init container triggers RestartAllContainers', shape: { restartPolicy: 'Never', init: [containerWithRule], main: [] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2e' },
    { test: 'sidecar container triggers RestartAllContainers',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'sidecar container triggers RestartAllContainers, kills another init container',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('init'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    // Cleanup phase
    { test: 'regular container triggers RestartAllContainers, cleaned up', shape: { restartPolicy: 'Never', main: [containerWithRule] },
      main: [waitingStateWithRestartingAllContainers('container')], phase: 'Running', rule: '6.6' },
    { test: 'init container triggers RestartAllContainers, cleaned up', shape: { restartPolicy: 'Never', init: [containerWithRule], main: [] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingState('regular')], phase: 'Pending', rule: '6.2e' },
    { test: 'sidecar container triggers RestartAllContainers, cleaned up',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    // (upstream lists "container" twice and no status for "init", which so counts as pending)
    { test: 'sidecar container triggers RestartAllContainers, kills another init container, cleaned up',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingStateWithRestartingAllContainers('container'), waitingState('regular')],
      phase: 'Pending', rule: '6.2b' },
    // Startup phase
    { test: 'regular container triggered RestartAllContainers; init container succeeded',
      shape: { restartPolicy: 'Never', init: ['init'], main: [containerWithRule] },
      main: [succeededState('init'), waitingStateWithRestartingAllContainers('container')], phase: 'Running', rule: '6.6' },
    { test: 'regular container triggered RestartAllContainers; init container failed',
      shape: { restartPolicy: 'Never', init: ['init'], main: [containerWithRule] },
      main: [failedState('init'), waitingStateWithRestartingAllContainers('container')], phase: 'Failed', rule: '6.2a' },
    { test: 'init container triggered RestartAllContainers', shape: { restartPolicy: 'Never', init: [containerWithRule], main: ['regular'] },
      main: [failedStateWithExitCode('container', 42), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'init container triggered RestartAllContainers; init container succeeds',
      shape: { restartPolicy: 'Never', init: [containerWithRule], main: ['regular'] },
      main: [succeededState('container'), waitingState('regular')], phase: 'Pending', rule: '6.2b' },
    { test: 'sidecar container triggered RestartAllContainers kills regular container',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [waitingStateWithRestartingAllContainers('container'), waitingStateWithRestartingAllContainers('regular')], phase: 'Running', rule: '6.6' },
    { test: 'sidecar container triggered RestartAllContainers kills regular container; sidecar running',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule], main: ['regular'] },
      main: [runningState('container'), waitingStateWithRestartingAllContainers('regular')], phase: 'Running', rule: '6.2c' },
    { test: 'sidecar container triggered RestartAllContainers; kills init container; sidecar running',
      shape: { restartPolicy: 'Never', init: [sidecarContainerWithRule, 'init'], main: ['regular'] },
      main: [runningState('container'), waitingStateWithRestartingAllContainers('container'), waitingState('regular')],
      phase: 'Pending', rule: '6.2b' },
  ] satisfies Case[]).map((k): Case => ({ ...k, podHasInitialized: true })),
};


const tables: Table[] = [containerRestartPolicy, containerRestartPolicyInit, restartAllContainers];

describe('upstream getPhase tables of container restart rules (kubelet_pods_test.go at 001a80e9)', () => {
  describeTables(tables);

  it('translates every case of the three tables', () => {
    expect(tables.map((t) => t.cases.length)).toEqual(Array.of(6, 3, 15));
  });
});
