// The Simulation document's `events:` entries for the editor's schema (simulationSchema.ts): each
// action's documentation, and a field an action ignores warned about, as the engine does.

import type { JSONSchema } from 'monaco-yaml';
import { MAX_PULL_ERROR_CHARS } from '../../../engine/scenario/limits';
import type { SimEventKey } from '../../../engine/scenario/simEvents';
import type { SimAction } from '../../../engine/scenario/types';
import { duration, exitCode } from './simFieldSchemas';

// ---------------------------------------------------------------------------------------------
// `events:`: faults and actions at simulated times (engine/scenario/simEvents.ts).

/** What each action does in the simulation: completion and hover text for `do`. */
export const ACTION_DOCS = {
  crash: "The container's process exits with `exitCode` (default 1), as if it crashed. Its restart policy decides what follows (restart after backoff, or the pod fails).",
  exit: "The container's process exits cleanly with `exitCode` (default 0), as if its work were done.",
  oomKill: "The kernel kills the container's process for exceeding its memory limit: exit 137 (or `exitCode`), reason OOMKilled. An init container so ended has failed, even with exit code 0.",
  failLiveness: "The container's liveness probe handler fails from `at`, for `for` (default: from then on). After failureThreshold failures the kubelet kills and restarts the container.",
  failReadiness: "The container's readiness probe handler fails from `at`, for `for` (default: from then on). After failureThreshold failures the container turns unready (and so the pod, if it is a main container or sidecar).",
  failStartup: "The container's startup probe handler fails from `at`, for `for` (default: from then on). After failureThreshold failures the kubelet kills and restarts the container.",
  failPull: "Pulls of the container's image fail from `at`, for `for` (default: from then on): ErrImagePull, then ImagePullBackOff with growing delays. With imagePullPolicy: Never the image is not on the node in that window: each start fails with ErrImageNeverPull, tried again every 10-15 s.",
  setImage: "The container's image changes to `image` (a pod update): its spec hash changes, so the kubelet kills it and starts it again with the new image. Not applied while the pod terminates.",
  deletePod: 'The pod is deleted (kubectl delete pod) with `gracePeriodSeconds` (default: the pod\'s terminationGracePeriodSeconds): preStop hooks, stop signals, sidecars stopped last. A second deletePod only shortens the grace; 0 removes the object at once while the node goes on stopping the containers.',
  recreateSandbox: 'The node reboots: the pod sandbox and every container in it die (exit 255). When the kubelet is back it creates a new sandbox and runs the init containers again from the first; during a deletion it starts nothing and the pod is removed.',
  killSandbox: 'The pod sandbox dies (its pause process is killed) while the kubelet and the containers keep running: at the next relist the kubelet records SandboxChanged, stops every container (preStop, stop signal, grace period), makes a new sandbox and runs the init containers again from the first; the restarted containers count a restart.',
  restartKubelet: 'The kubelet restarts: it is down for a few seconds while the containers keep running, then rebuilds its state from the runtime (completed init containers are not re-run). During a deletion the new kubelet stops what still runs again, with the deletion\'s whole grace and the preStop hooks, but sends no second stop signal.',
  evictPod: 'The kubelet evicts the pod under node pressure (`threshold`: hard, the default, or soft): it kills every container with its own grace override (hard: 1 s from 1.31, the pod\'s grace before; soft: `kubelet.evictionMaxPodGracePeriod`), sidecars last, and the pod ends Failed with reason Evicted (Succeeded if every main container exited 0). The object stays; nothing restarts.',
  shutdownNode: 'The node shuts down gracefully (kubelet `shutdownGracePeriod`, default 30s, of which `shutdownGracePeriodCriticalPods`, default 10s, is kept for critical pods; or `shutdownGracePeriodByPodPriority`, one window per priority entry): the kubelet kills the pod within min(its grace, its group\'s window), sidecars last; Failed with reason Terminated, then the node powers off. What still runs then dies with it.',
} as const satisfies Record<SimAction, string>;

export const SIM_ACTIONS = Object.keys(ACTION_DOCS) as SimAction[];

const POD_ACTIONS: SimAction[] = ['deletePod', 'recreateSandbox', 'killSandbox', 'restartKubelet', 'evictPod', 'shutdownNode'];
const WINDOW_ACTIONS: SimAction[] = ['failLiveness', 'failReadiness', 'failStartup', 'failPull'];
const PROBE_ACTIONS: SimAction[] = ['failLiveness', 'failReadiness', 'failStartup'];

const others = (actions: SimAction[]): SimAction[] => SIM_ACTIONS.filter((a) => !actions.includes(a));

/**
 * "`prop` is present and one of `values`", written without `required`: yaml-language-server
 * would offer a completion skeleton for every `required` it meets, `if` schemas included.
 */
export function propIn(prop: string, values: readonly unknown[]): JSONSchema {
  return { not: { properties: { [prop]: { not: { enum: [...values] } } } } };
}

/** When `do` is one of `actions`, `then` applies. */
function whenDo(actions: SimAction[], then: JSONSchema): JSONSchema {
  return { if: propIn('do', actions), then };
}

/** A field the engine ignores (with a warning) for these actions. */
function unused(field: string, usedBy: string, actions: SimAction[]): JSONSchema {
  return whenDo(actions, { properties: { [field]: false }, errorMessage: `${field} is used only by ${usedBy}; the simulator ignores it here.` });
}

export function simEvent(names: readonly string[]): JSONSchema {
  const container: JSONSchema = {
    type: 'string',
    description: 'The container the action acts on (not for deletePod, recreateSandbox, killSandbox, restartKubelet, evictPod and shutdownNode, which act on the whole pod).',
  };
  if (names.length > 0) container.enum = [...names];
  return {
    title: 'Event',
    type: 'object',
    description: 'One fault or action, at a simulated time. Events at the same time happen in the order written.',
    required: ['at', 'do'],
    properties: {
      at: duration('When it happens: simulated time since the pod was created.'),
      do: {
        type: 'string',
        description: 'The action.',
        enum: [...SIM_ACTIONS],
        enumDescriptions: SIM_ACTIONS.map((a) => ACTION_DOCS[a]),
        markdownEnumDescriptions: SIM_ACTIONS.map((a) => ACTION_DOCS[a]),
      },
      container,
      exitCode: exitCode('The exit code for crash (default 1), exit (default 0) and oomKill (default 137; a program whose child the kernel killed may exit 0 or 1, and the runtime still reports OOMKilled).'),
      for: duration('How long the failure lasts (failLiveness, failReadiness, failStartup, failPull). Default: until the end of the simulation.'),
      statusCode: {
        type: 'integer',
        minimum: 400,
        maximum: 599,
        description: "For failLiveness, failReadiness and failStartup of an httpGet probe: the HTTP status the handler answers while it fails, e.g. 500. The Unhealthy event then says `HTTP probe failed with statuscode: 500`, as the kubelet's HTTP prober words it. Default: no output known. 200-399 pass, so they cannot be a failure.",
      },
      message: {
        type: 'string',
        minLength: 1,
        maxLength: MAX_PULL_ERROR_CHARS,
        description: "For failPull: the runtime's error for each failed pull, e.g. `rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/nginx:1.27-alpne\": …: not found` for a tag that does not exist. The describe panel's `Failed to pull image` row and the ErrImagePull (from 1.32 also the ImagePullBackOff) status message carry it. Default: containerd's first clause, `failed to pull and unpack image \"X\"`.",
      },
      image: { type: 'string', minLength: 1, description: 'The new image, for setImage, e.g. `app:v2`.' },
      index: {
        type: 'integer',
        minimum: 0,
        description: 'For an Indexed Job: the event acts only on the pod of this completion index (batch.kubernetes.io/job-completion-index). Default: every pod running at that time.',
      },
      gracePeriodSeconds: {
        type: 'integer',
        minimum: 0,
        description: "For deletePod: the grace period, like `kubectl delete --grace-period`. Default: the pod's terminationGracePeriodSeconds (30 if unset). 0 deletes at once.",
      },
      removeExitedContainers: {
        type: 'boolean',
        description: "For restartKubelet: `true` deletes the runtime records of the pod's exited containers while the kubelet is down (the upstream node e2e cases E24, E26), so when it comes back it rebuilds their statuses without them (a completed init container is not run again). Default false.",
      },
      threshold: {
        type: 'string',
        enum: ['hard', 'soft'],
        description: "For evictPod: the eviction threshold the node met. hard (default): the kubelet kills at once (a 1 s grace from 1.31; before, the pod's own grace); soft: with kubelet evictionMaxPodGracePeriod (from 1.32 at most the pod's grace; 0, the default, means the pod's grace).",
      },
    } satisfies Record<SimEventKey, JSONSchema>,
    additionalProperties: false,
    allOf: [
      whenDo(others(POD_ACTIONS), { required: ['container'] }),
      whenDo(['setImage'], { required: ['image'] }),
      whenDo(POD_ACTIONS, { properties: { container: false }, errorMessage: 'This action acts on the whole pod; container is ignored.' }),
      unused('exitCode', 'crash, exit and oomKill', others(['crash', 'exit', 'oomKill'])),
      unused('for', WINDOW_ACTIONS.join(', '), others(WINDOW_ACTIONS)),
      unused('statusCode', PROBE_ACTIONS.join(', '), others(PROBE_ACTIONS)),
      unused('message', 'failPull', others(['failPull'])),
      unused('image', 'setImage', others(['setImage'])),
      unused('gracePeriodSeconds', 'deletePod', others(['deletePod'])),
      unused('removeExitedContainers', 'restartKubelet', others(['restartKubelet'])),
      unused('threshold', 'evictPod', others(['evictPod'])),
    ],
  };
}
