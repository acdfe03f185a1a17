// `startFrom:` of the Simulation document (issue 14, "continue from here"; engine/scenario/startFrom.ts):
// the observed state a run continues from, with the hover docs the editor shows.

import type { JSONSchema } from 'monaco-yaml';
import { OBSERVED_CONDITIONS, REMOVED_IN_PLACE } from '../../../engine/scenario/startFrom';

export interface SchemaHelpers {
  duration: (description: string) => JSONSchema;
  exitCode: (description: string) => JSONSchema;
}

const SINCE = 'Seconds since the pod\'s creation (t = 0), not after `now`.';

function run(h: SchemaHelpers, what: string): Record<string, JSONSchema> {
  return {
    startedAt: h.duration(`When ${what} started. ${SINCE}`),
    finishedAt: h.duration(`When ${what} ended. ${SINCE}`),
    exitCode: h.exitCode(`The exit code of ${what}.`),
    reason: { type: 'string', description: `The terminated reason of ${what} (Completed, Error, OOMKilled, …).` },
  };
}

function observedContainer(h: SchemaHelpers): JSONSchema {
  return {
    type: 'object',
    description: "This container's status as observed: what `kubectl get pod -o yaml` showed under containerStatuses, with times as seconds since creation.",
    required: ['state'],
    properties: {
      state: { type: 'string', enum: ['waiting', 'running', 'terminated'], description: 'Which state the status showed: waiting (not running: not started yet, or in CrashLoopBackOff), running, or terminated.' },
      ...run(h, 'the current run (state running or terminated)'),
      reason: { type: 'string', description: 'The state\'s reason: for waiting, CrashLoopBackOff, PodInitializing, ContainerCreating, RestartingAllContainers (an in-place restart removed it: it starts again at the next sync after the reset, in the same sandbox, with its restart count)…; for terminated, Completed, Error, OOMKilled…' },
      restartCount: { type: 'integer', minimum: 0, maximum: 10000, description: 'restartCount from the status: the newest run is attempt restartCount.' },
      started: { type: 'boolean', description: 'The status said started: its startup probe had passed (or it has none).' },
      ready: { type: 'boolean', description: 'The status said ready: its readiness probe had passed (or it has none).' },
      backoff: h.duration('The CrashLoopBackOff delay the kubelet printed ("back-off 40s restarting failed container"): the next restart comes this long after lastState.finishedAt. Default: 10s × 2^(restartCount−1), capped.'),
      lastState: {
        type: 'object',
        description: 'The previous run (lastState.terminated): needed when a waiting container restarted before. A container an in-place restart removed (state waiting, reason RestartingAllContainers) has, from 1.36, the kubelet\'s own last state with no times: exitCode 137, reason RestartingAllContainers; it is counted in restartCount and not drawn as a run [11.2].',
        properties: run(h, 'the previous run'),
        required: ['exitCode'],
        // [11.2] the 1.36+ last state of a removed container has no times; every other one needs its finishedAt
        if: { not: { required: ['reason'], properties: { reason: { const: REMOVED_IN_PLACE } } } },
        then: { required: ['finishedAt'] },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}

export function startFromSchema(names: readonly string[], h: SchemaHelpers): JSONSchema {
  const item = observedContainer(h);
  const containers: JSONSchema = {
    type: 'object',
    description: 'Each container\'s observed status, by name. A container without an entry has not been created yet.',
    properties: Object.fromEntries(names.map((n) => [n, { ...item, description: `${n}'s observed status.` }])),
    additionalProperties: item,
  };
  if (names.length > 0) containers.propertyNames = { enum: [...names], errorMessage: `No such container in the workload; its containers are ${names.join(', ')}.` };
  return {
    title: 'Start from an observed state',
    type: 'object',
    description: 'Continue from a real pod\'s observed state instead of an empty node ("Continue from here" in explain mode writes it). The timeline draws the past as observed up to `now`, then simulates.',
    required: ['now'],
    properties: {
      now: h.duration('Where the simulation takes over: seconds since the pod\'s creation (the explanation\'s "now").'),
      containers,
      conditions: {
        type: 'object',
        description: "Each pod condition's lastTransitionTime as observed, seconds since creation: the timeline draws the condition (and the phase) from there.",
        properties: Object.fromEntries(OBSERVED_CONDITIONS.map((c) => [c, h.duration(`When ${c} last changed. ${SINCE}`)])),
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
