// A Pod object read as the kubelet's computePodActions input: the newest runtime instance of
// each container is what its status shows (contract.md section 2, "actions").

import type { ContainerStatus } from '../api';
import type { PodActionsInput, ProbeVerdict, RuntimeContainerStatus } from '../kubelet/podActionsTypes';
import { createdInitContainerWaits, exitedMainCountsAsInitialized, initProgressReadsActiveSandbox, sidecarImageChangeRestarts, usesLegacyInitProgress } from '../kubelet/initProgressPath';
import { hasRuntimeRecord, sandboxReadyFromObject } from './hiddenInputs';
import type { PodObject } from './readPod';

/** An image reference with the registry, repository path and tag filled in as the runtime does. */
export function normalizeImage(image: string): string {
  let ref = image.trim();
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  if (slash < 0 || (!first.includes('.') && !first.includes(':') && first !== 'localhost')) ref = `docker.io/${ref}`;
  if (/^docker\.io\/[^/]+$/.test(ref.split(/[:@]/)[0] ?? '')) ref = ref.replace('docker.io/', 'docker.io/library/');
  const lastPart = ref.slice(ref.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) ref += ':latest';
  return ref;
}

/** The image the running instance uses: the spec's, unless the status names a different one. */
function runtimeImage(specImage: string, s: ContainerStatus): string {
  if (!s.image || s.image.startsWith('sha256:')) return specImage;
  return normalizeImage(s.image) === normalizeImage(specImage) ? specImage : s.image;
}

function runtimeFromStatus(specImage: string, s: ContainerStatus): RuntimeContainerStatus | undefined {
  const base = { name: s.name, image: runtimeImage(specImage, s), attempts: s.restartCount + 1 };
  if (s.state.running) {
    const out: RuntimeContainerStatus = { ...base, state: 'running' };
    if (s.state.running.startedAt !== undefined) out.startedAt = s.state.running.startedAt;
    return out;
  }
  const term = s.state.terminated ?? (s.state.waiting ? s.lastState.terminated : undefined);
  if (!term) return undefined;
  const out: RuntimeContainerStatus = { ...base, state: 'exited', exitCode: term.exitCode };
  if (term.reason === 'OOMKilled') out.oomKilled = true;
  if (term.startedAt !== undefined) out.startedAt = term.startedAt;
  if (term.finishedAt !== undefined) out.finishedAt = term.finishedAt;
  return out;
}

export interface ActionsInputOptions {
  containerRestartRules: boolean;
  /** The version's minor number and SidecarContainers gate: which code reads init progress ([2.10]); absent, the newest code's reading. */
  minor?: number;
  sidecarContainers?: boolean;
}

export function toActionsInput(obj: PodObject, opts: ActionsInputOptions): PodActionsInput {
  const { pod, actionsSpec } = obj;
  const statuses = [...pod.status.initContainerStatuses, ...pod.status.containerStatuses];
  const runtime: Record<string, RuntimeContainerStatus | undefined> = {};
  const startup: Record<string, ProbeVerdict | undefined> = {};
  for (const c of [...actionsSpec.initContainers, ...actionsSpec.containers]) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) continue;
    const record = runtimeFromStatus(c.image, s);
    if (record) runtime[c.name] = record;
    if (c.startupProbe && s.started === true) startup[c.name] = 'success';
  }
  const sandboxReady = sandboxReadyFromObject(pod);
  return {
    restartPolicy: pod.spec.restartPolicy,
    initContainers: actionsSpec.initContainers,
    containers: actionsSpec.containers,
    deleted: pod.deletionTimestamp !== undefined,
    sandboxReady,
    sandboxAttempt: !sandboxReady && statuses.some(hasRuntimeRecord) ? 1 : 0,
    runtime,
    startup,
    liveness: {},
    containerRestartRules: opts.containerRestartRules,
    // [2.10] as the simulator's sync reads it (sim/sync.ts actionsInput). A status never shows a
    // container as Created (the API has Waiting), so the branches agree on an object today.
    ...(opts.minor === undefined ? {} : versionFlags(opts.minor, usesLegacyInitProgress(opts.minor, opts.sidecarContainers ?? true, actionsSpec.initContainers))),
  };
}

/** The version-dependent branches of computePodActions, as the simulator's sync sets them (sim/sync.ts). */
function versionFlags(minor: number, legacy: boolean): Pick<PodActionsInput, 'legacyInitProgress' | 'initProgressCountsExited' | 'initProgressActiveSandboxOnly' | 'createdInitWaits' | 'sidecarImageChangeIgnored'> {
  return {
    legacyInitProgress: legacy,
    initProgressCountsExited: exitedMainCountsAsInitialized(minor, legacy),
    initProgressActiveSandboxOnly: initProgressReadsActiveSandbox(minor),
    createdInitWaits: createdInitContainerWaits(minor, legacy),
    sidecarImageChangeIgnored: !sidecarImageChangeRestarts(minor),
  };
}
