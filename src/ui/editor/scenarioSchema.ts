// A small JSON Schema for the scenario file, for completion and hover in the editor. Permissive
// on purpose: manifests copied from a cluster carry fields (status, managedFields) it does not
// list, and the engine is the one that validates.

import type { JSONSchema } from 'monaco-yaml';
import { SUPPORTED_VERSIONS } from '../../engine/version';

const duration: JSONSchema = {
  type: ['number', 'string'],
  description: 'Seconds, or a Go-style duration such as 500ms, 2s, 1m30s.',
};

const behaviour: JSONSchema = {
  type: 'object',
  description: "How this container's process behaves. Without an entry it is inferred from command/args.",
  properties: {
    pull: { ...duration, description: 'Image pull time.' },
    startDelay: { ...duration, description: 'Process start -> app up (a startup probe passes from here).' },
    readyAfter: { ...duration, description: 'Process start -> the readiness handler passes.' },
    exitAfter: { ...duration, description: 'Process start -> it exits by itself; "never" keeps it running.' },
    exitCode: { type: 'integer', description: 'Exit code of that exit.' },
    onStop: { description: 'What the stop signal does: { after, exitCode }, or "ignore" (SIGKILL at the end of the grace period).' },
    postStart: { type: 'object', properties: { duration, exitCode: { type: 'integer' } } },
    preStop: { type: 'object', properties: { duration, exitCode: { type: 'integer' } } },
  },
};

const simEvent: JSONSchema = {
  type: 'object',
  required: ['at', 'do'],
  properties: {
    at: { ...duration, description: 'When the event happens, simulated time.' },
    container: { type: 'string' },
    do: {
      enum: ['crash', 'exit', 'oomKill', 'failLiveness', 'failReadiness', 'failStartup', 'failPull', 'setImage', 'deletePod', 'recreateSandbox', 'restartKubelet'],
    },
    exitCode: { type: 'integer' },
    for: duration,
    image: { type: 'string' },
    gracePeriodSeconds: { type: 'integer' },
  },
};

export const scenarioSchema: JSONSchema = {
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', description: 'v1 for a Pod, sidecar-lab/v1 for the Simulation document.' },
    kind: {
      enum: ['Pod', 'Job', 'CronJob', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Simulation'],
      description: 'The workload to simulate, or Simulation for the optional second document.',
    },
    metadata: { type: 'object' },
    spec: { type: 'object' },
    kubernetesVersion: { enum: [...SUPPORTED_VERSIONS], description: 'Simulation: the Kubernetes version (the header picker overrides it).' },
    featureGates: { type: 'object', additionalProperties: { type: 'boolean' }, description: "Simulation: overrides of the version's feature gates." },
    until: { ...duration, description: 'Simulation: the horizon; default: the pod is terminal + 10s, capped at 30m.' },
    containers: { type: 'object', additionalProperties: behaviour, description: 'Simulation: behaviour per container name.' },
    events: { type: 'array', items: simEvent, description: 'Simulation: faults and actions at simulated times.' },
  },
};

export const SCENARIO_URI = 'file:///scenario.yaml';
