// The JSON Schema of the scenario's optional Simulation document (contract section 1), for
// completion, hover and warnings in the editor. It follows what the engine accepts
// (engine/scenario/simulationDoc.ts, simContainers.ts, simEvents.ts, sim/faults.ts): a field an
// action ignores gets a warning, as from the engine; what the engine accepts, the schema accepts.
// Container names come from the workload document, so the schema is built per scenario.

import type { JSONSchema } from 'monaco-yaml';
import { MAX_EVENTS, MAX_IMAGE_SIZE_BYTES, MAX_RUNS, MAX_START_ERROR_CHARS } from '../../../engine/scenario/limits';
import {
  FEATURE_GATES, NEWEST_VERSION, SUPPORTED_VERSIONS, defaultGates, gateExists, gateLocked, gateRemoved,
  type FeatureGateName, type GateInfo, type KubeVersion,
} from '../../../engine/version';
import { duration, exitCode } from './simFieldSchemas';
import { simEvent } from './simEventSchema';
import { startFromSchema } from './startFromSchema';

export const SIMULATION_API_VERSION = 'sidecar-lab/v1';
export const SIMULATION_KIND = 'Simulation';

/** Definitions of this schema live under this prefix, apart from the workload schema's. */
export const SIM_DEF_PREFIX = 'sidecarLab.';

// Mappings that the engine reads as empty when null (`featureGates:` with nothing after it) allow
// null too; `events` does not (the engine wants a list).

const ref = (name: string): JSONSchema => ({ $ref: `#/definitions/${SIM_DEF_PREFIX}${name}` });

// ---------------------------------------------------------------------------------------------
// `containers:`: each container's process behaviour.

function hook(name: 'postStart' | 'preStop'): JSONSchema {
  const when = name === 'postStart'
    ? 'The postStart hook runs right after the container starts, and the kubelet waits for it before starting anything else.'
    : "The preStop hook runs when the kubelet stops the container, before the stop signal; its time counts against the pod's termination grace period.";
  return {
    type: ['object', 'null'],
    description: `How ${name} behaves. Used only where the container's spec has a lifecycle.${name} handler. ${when} Without an entry it is judged from the handler (a sleep action takes its seconds and always succeeds; an exec of a known command takes its inferred run time and code; anything else returns at once with code 0).`,
    properties: {
      duration: duration(`How long the ${name} handler runs before it returns. \`never\`: it does not return by itself${name === 'preStop' ? ' (the grace period ends it)' : ''}.`, { never: true }),
      exitCode: exitCode(`The handler's result: 0 succeeds; any other code fails the hook${name === 'postStart' ? ' (FailedPostStartHook: the kubelet kills the container, which then follows its restart rules)' : ' (FailedPreStopHook: reported, and the container is stopped anyway)'}. A sleep handler always succeeds.`),
    },
    additionalProperties: false,
  };
}

type ProbeField = 'startupProbe' | 'livenessProbe' | 'readinessProbe';

const PROBE_ROLE: Record<ProbeField, string> = {
  startupProbe: 'A slow startup handler delays Started (and, for a sidecar, the next container); one that times out failureThreshold times in a row gets the container killed (reason StartupProbe).',
  livenessProbe: 'A liveness handler that times out failureThreshold times in a row gets the container killed (reason LivenessProbe), even though the app is up.',
  readinessProbe: 'A slow readiness handler makes the container ready that much later (a handler that takes 30s makes readiness 30s late); one that times out keeps it unready.',
};

/** `readinessProbe: { duration }` and its siblings ([5.11]): how long each run of the handler takes. */
function probeTiming(field: ProbeField): JSONSchema {
  return {
    type: ['object', 'null'],
    description: `How the container's ${field} handler behaves. Used only where the container's spec has a ${field}. ${PROBE_ROLE[field]}`,
    properties: {
      duration: duration(`How long each run of the ${field} handler takes to answer. Default: at once; for an exec probe, the run time of its command as read from it (\`sh -c "sleep 5; exit 0"\` takes 5s). The kubelet waits for the answer before it looks at the period again, and gives up after the probe's timeoutSeconds (default 1s): a run that takes that long or longer fails with a timeout, whatever the app's state. \`never\`: the handler never answers, so every run times out.`, { never: true }),
    },
    additionalProperties: false,
  };
}

const RUN_KEYS = {
  exitAfter: duration('For this attempt: process start -> it exits by itself. `never`: it runs until stopped.', { never: true }),
  exitCode: exitCode('For this attempt: the code of that exit.'),
  startDelay: duration('For this attempt: process start -> the app is up (a startup probe passes from then).'),
  readyAfter: duration('For this attempt: process start -> the readiness handler passes.'),
  startError: startError('For this attempt: whether the runtime refuses the start (`true`, or its message), or lets it run although the container-level `startError` says otherwise (`false`).'),
};

/** `startError`: true, false, or the runtime's message (engine/scenario/simFields.ts readStartError). */
function startError(description: string): JSONSchema {
  return {
    description,
    anyOf: [
      { type: 'boolean' },
      { type: 'string', minLength: 1, maxLength: MAX_START_ERROR_CHARS },
    ],
  };
}

function containerBehaviour(): JSONSchema {
  return {
    title: 'Container behaviour',
    type: ['object', 'null'],
    description: "How this container's process behaves in the simulation (the image is a black box). Every field is optional: a field left out is inferred from the container's command/args, as for a container with no entry.",
    properties: {
      pull: duration("How long pulling the container's image takes when it is not on the node yet. Default 0.5s. An image already pulled is not pulled again with imagePullPolicy IfNotPresent (only checked with Always); with Never it is never pulled."),
      registryCheck: duration("With imagePullPolicy Always and the image already on the node: how long the pull that only asks the registry takes before each start (a busy registry, or an image without a tag, can take seconds). Default 0.5s (or `pull`, when shorter and not 0)."),
      imageSize: {
        description: "The image's size in bytes, as the runtime reports it after a pull: the describe panel's Pulled event of a 1.30+ kubelet ends with `Image size: N bytes.` (left out when unset: the engine knows no image's size).",
        type: 'integer',
        minimum: 0,
        maximum: MAX_IMAGE_SIZE_BYTES,
      },
      startDelay: duration('Process start -> the app is up: a startup probe passes from then on (the `container.up` event). Default 0.'),
      readyAfter: duration('Process start -> the readiness handler passes, so a readiness probe succeeds from then on. Default: startDelay.'),
      exitAfter: duration('Process start -> the process exits by itself. `never`: long-running, it runs until the kubelet stops it. Default: inferred from command/args (e.g. `sleep 30` exits after 30s).', { never: true }),
      exitCode: exitCode('The code of the exit at exitAfter: 0 is Completed, anything else Error. Together with the restart policy it decides whether the container is restarted.'),
      startError: startError("The runtime refuses every start of this container, as for a command the image does not have: `true` gives containerd's message for the container's command (`exec: \"bashz\": executable file not found in $PATH`), a string is the runtime's own message. The container is created but never runs: it exits at once with code 128, reason StartError, the kubelet records `Failed` and shows Waiting RunContainerError, and the restart policy and back-off go on as after any failed run."),
      onStop: {
        description: 'How the process handles the stop signal (SIGTERM, the image\'s STOPSIGNAL such as nginx\'s SIGQUIT, or lifecycle.stopSignal): `{ after, exitCode }` exits that long after the signal with that code; `ignore` ignores it, so the kubelet SIGKILLs it at the end of the grace period (exit 137), as for a PID 1 without a signal handler. Default: inferred (a `trap` naming the signal handles it at once; a shell or sleep as PID 1 ignores it).',
        anyOf: [
          {
            type: 'object',
            description: 'The process exits `after` the stop signal with `exitCode`.',
            properties: {
              after: duration('Stop signal -> the process exits. If this is longer than the remaining grace period, it is SIGKILLed (exit 137) first. Default 0.'),
              exitCode: exitCode('The code it exits with after the stop signal. Default 0.'),
            },
            additionalProperties: false,
          },
          {
            type: 'string',
            pattern: String.raw`^\s*[iI][gG][nN][oO][rR][eE]\s*$`,
            patternErrorMessage: 'onStop is "ignore" or a mapping such as { after: 1s, exitCode: 0 }.',
            description: 'The process ignores the stop signal: it is SIGKILLed (exit 137) when the grace period ends.',
            examples: ['ignore'],
          },
        ],
      },
      postStart: ref('PostStart'),
      preStop: ref('PreStop'),
      startupProbe: ref('StartupProbe'),
      livenessProbe: ref('LivenessProbe'),
      readinessProbe: ref('ReadinessProbe'),
      runs: {
        type: 'array',
        maxItems: MAX_RUNS,
        description: 'Per-run differences, one list entry per start of the container: the first entry is its first run, the next its second start, and so on (runs, not restart counts, which a sandbox change can send back to 0). Each entry overrides exitAfter, exitCode, startDelay, readyAfter or startError for that run only; an empty entry (`- {}` or `-`) keeps the defaults; runs after the last entry use the defaults too. E.g. crash twice, then run: `[{exitAfter: 2s, exitCode: 1}, {exitAfter: 2s, exitCode: 1}, {exitAfter: never}]`.',
        items: {
          type: ['object', 'null'],
          description: 'One run: the fields given replace the container-level ones for this run.',
          properties: RUN_KEYS,
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Feature gates and versions (engine/version.ts).

function gateText(name: FeatureGateName, version?: KubeVersion): string {
  const g: GateInfo = FEATURE_GATES[name];
  const stages = [`Alpha (off by default) in 1.${g.alpha}`];
  if (g.beta !== undefined) stages.push(`beta (on by default) in 1.${g.beta}`);
  if (g.ga !== undefined) stages.push(g.locked !== undefined && g.locked > g.ga ? `GA in 1.${g.ga}, locked on in 1.${g.locked}` : `GA (locked on) in 1.${g.ga}`);
  if (g.removed !== undefined) stages.push(`removed (always on) in 1.${g.removed}`);
  let text = `${g.summary.charAt(0).toUpperCase()}${g.summary.slice(1)}. ${stages.join(', ')}.`;
  if (version) {
    if (gateRemoved(name, version)) text += ` Removed in ${version}: the feature is always on and the setting is ignored.`;
    else if (!gateExists(name, version)) text += ` Not in ${version}: the setting is ignored.`;
    else if (gateLocked(name, version)) text += ` In ${version} it is locked on: true is the only value.`;
    else text += ` In ${version} it is ${defaultGates(version)[name] ? 'on' : 'off'} by default.`;
  }
  return text;
}

const VERSION_NUMBERS = SUPPORTED_VERSIONS.map(Number).sort((a, b) => a - b);
const VERSION_PATTERN = String.raw`^\s*v?1\.(?:${SUPPORTED_VERSIONS.map((v) => v.split('.')[1]).join('|')})(?:\.\d+)?\s*$`;

export interface SimulationSchemaOptions {
  /** The version in effect, to say in the feature gates' hover text whether each is on by default. */
  version?: KubeVersion;
}

/**
 * The Simulation document's schema. `containerNames` (from the workload document, init and main
 * containers) become the completions of `containers:` keys and of `events[].container`.
 */
export function simulationSchema(containerNames: readonly string[], opts: SimulationSchemaOptions = {}): JSONSchema {
  const names = [...new Set(containerNames.filter((n) => typeof n === 'string' && n !== ''))];
  const containersProps: Record<string, JSONSchema> = {};
  for (const n of names) containersProps[n] = { ...ref('Container'), description: `How ${n}'s process behaves in the simulation.` };
  const containers: JSONSchema = {
    title: 'Containers',
    type: ['object', 'null'],
    description: "How each container's process behaves, by container name. A container without an entry behaves as inferred from its command/args (shown as a hint on the container).",
    properties: containersProps,
    additionalProperties: ref('Container'),
  };
  if (names.length > 0) {
    containers.propertyNames = { enum: names, errorMessage: `No such container in the workload; its containers are ${names.join(', ')}.` };
  }

  const gateNames = Object.keys(FEATURE_GATES) as FeatureGateName[];
  return {
    title: 'Sidecar Lab simulation',
    description: 'How to simulate the workload: the Kubernetes version, feature gates, how each container behaves and the faults to inject. Everything has a default, so this document is optional.',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [SIMULATION_API_VERSION], description: `Always ${SIMULATION_API_VERSION} for the Simulation document.` },
      kind: { type: 'string', enum: [SIMULATION_KIND], description: 'Simulation: this document says how to simulate the workload document beside it.' },
      kubernetesVersion: {
        description: `The Kubernetes version whose kubelet is simulated: its rules and default feature gates. ${SUPPORTED_VERSIONS[0]} to ${NEWEST_VERSION}; default ${NEWEST_VERSION}. The version picker overrides it. Quote it ("1.30"): an unquoted 1.30 is read from the text, but looks like 1.3 to YAML tools.`,
        anyOf: [
          { type: 'string', enum: [...SUPPORTED_VERSIONS] },
          // "v1.30", "1.30.2": the engine reads the minor version.
          { type: 'string', pattern: VERSION_PATTERN },
          // Unquoted: YAML reads 1.30 as the number 1.3 (the engine reads the text).
          { type: 'number', minimum: VERSION_NUMBERS[0], maximum: VERSION_NUMBERS[VERSION_NUMBERS.length - 1] },
        ],
      },
      featureGates: {
        title: 'Feature gates',
        type: ['object', 'null'],
        description: "Feature gates to turn on or off, overriding the version's defaults. A gate that is GA (locked on) cannot be turned off; a gate the version does not have is ignored.",
        properties: Object.fromEntries(gateNames.map((n) => [n, { type: 'boolean', description: gateText(n, opts.version) }])),
        additionalProperties: false,
      },
      until: duration('The simulation horizon: how far to simulate. Default: until the pod is terminal, plus 10s, at most 30m.'),
      kubelet: {
        title: 'Kubelet configuration',
        type: ['object', 'null'],
        description: 'Kubelet configuration.',
        properties: {
          maxContainerRestartPeriod: duration('crashLoopBackOff.maxContainerRestartPeriod: the longest restart backoff, from 1s to 300s (default 300s). Needs the KubeletCrashLoopBackOffMax feature gate.', { min: 1, max: 300 }),
          evictionMaxPodGracePeriod: duration("The grace a soft eviction (evictPod with threshold: soft) gives the pod. 0 (default): the pod's own terminationGracePeriodSeconds; from 1.32 never more than it."),
          shutdownGracePeriod: duration('How long a graceful node shutdown (shutdownNode) lasts, critical pods included. Default for shutdownNode: 30s; 0 turns graceful shutdown off (the node powers off at once).'),
          shutdownGracePeriodCriticalPods: duration('The part of shutdownGracePeriod kept for critical pods (priority 2000000000 and up: system-cluster-critical, system-node-critical), killed after the others. Default: 10s.'),
          shutdownGracePeriodByPodPriority: {
            type: ['array', 'null'],
            description: 'Graceful node shutdown by pod priority (gate GracefulNodeShutdownBasedOnPodPriority, on by default): one group per entry, lowest priority first; a pod is killed within the window of the highest entry at or below its priority (the lowest entry for a pod below them all). Instead of shutdownGracePeriod and shutdownGracePeriodCriticalPods: a kubelet refuses both at once.',
            items: {
              type: 'object',
              properties: {
                priority: { type: 'integer', description: 'The lowest pod priority of this group (int32).' },
                shutdownGracePeriodSeconds: { type: 'integer', description: 'The group\'s window, in whole seconds.' },
              },
              required: ['priority', 'shutdownGracePeriodSeconds'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      requeueJitter: {
        title: 'Requeue jitter',
        type: 'number',
        minimum: 0,
        maximum: 1,
        description: "Where the kubelet's randomly delayed requeues land: after a failed sync (a back-off, a failed pull) the pod worker looks again after a random 1 to 1.5 times its delay (wait.Jitter). 0: the earliest moment (default, the back-off's round numbers); 0.5: the average, as real clusters show; 1: the latest.",
      },
      containers,
      events: {
        title: 'Events',
        type: 'array',
        maxItems: MAX_EVENTS,
        description: 'Faults and actions at simulated times, e.g. `- { at: 30s, container: app, do: crash }`.',
        items: ref('Event'),
      },
      startFrom: startFromSchema(names, { duration: (d) => duration(d), exitCode }),
    },
    additionalProperties: false,
    definitions: {
      [`${SIM_DEF_PREFIX}Container`]: containerBehaviour(),
      [`${SIM_DEF_PREFIX}PostStart`]: hook('postStart'),
      [`${SIM_DEF_PREFIX}PreStop`]: hook('preStop'),
      [`${SIM_DEF_PREFIX}StartupProbe`]: probeTiming('startupProbe'),
      [`${SIM_DEF_PREFIX}LivenessProbe`]: probeTiming('livenessProbe'),
      [`${SIM_DEF_PREFIX}ReadinessProbe`]: probeTiming('readinessProbe'),
      [`${SIM_DEF_PREFIX}Event`]: simEvent(names),
    },
  };
}
