// The container lists of a pod spec ([1.1]–[1.3]): validateContainers, validateInitContainers
// and validateContainerCommon upstream, for the fields the simulator reads (and a few the API
// server rejects although the simulator ignores them: terminationMessagePolicy, host ports).

import type { Ctx } from './decode';
import { PROBE_FIELDS, type RawContainer } from './container';
import { dns1123LabelErrors, duplicate, forbidden, invalid, notSupported, required } from './k8sErrors';
import { child, type Span } from './problems';
import { reportHostPortConflicts } from './hostPorts';
import { validateLifecycle, validateProbe } from './validateHandlers';
import { validateInitRestartPolicy, validateMainRestartPolicy } from './validateRestartPolicy';
import { startOf } from './ynode';
import { imageReferenceError } from '../kubelet/imageReference';

export interface ContainerLists {
  inits: RawContainer[];
  mains: RawContainer[];
  /** Path and position of spec.containers (or of the spec when it is missing). */
  containersPath: string;
  containersSpan: Span;
  grace: number;
  osName: string | undefined;
  /** A Pod rather than a pod template: a few checks apply only to pods (validateContainerOnlyForPod). */
  isPod: boolean;
}

function validateCommon(ctx: Ctx, c: RawContainer, isPod: boolean): void {
  const at = startOf(c.span);
  if (!c.name || c.name.value === '') {
    if (!c.badFields.has('name')) ctx.p.error(child(c.path, 'name'), required(), c.name?.span ?? at);
  } else {
    for (const msg of dns1123LabelErrors(c.name.value)) ctx.p.error(child(c.path, 'name'), invalid(c.name.value, msg), c.name.span);
  }
  if ((!c.image || c.image.value === '') && !c.badFields.has('image')) ctx.p.error(child(c.path, 'image'), required(), c.image?.span ?? at);
  else if (isPod && c.image && c.image.value !== c.image.value.trim()) {
    ctx.p.error(child(c.path, 'image'), invalid(c.image.value, 'must not have leading or trailing whitespace'), c.image.span);
  } else if (c.image) {
    // [10.11] accepted by the API server, refused by the kubelet at every start
    const refused = imageReferenceError(c.image.value.trim());
    if (refused !== undefined) ctx.p.warning(child(c.path, 'image'), `The API server accepts this image, but the kubelet cannot parse it (${refused}): it never pulls or starts the container, which waits in InvalidImageName [10.11].`, c.image.span);
  }
  const pull = c.imagePullPolicy;
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull.value)) {
    ctx.p.error(child(c.path, 'imagePullPolicy'), notSupported(pull.value, ['Always', 'IfNotPresent', 'Never']), pull.span);
  }
  // Defaulting fills an empty policy with File first, so only a wrong value reaches the check.
  const message = c.terminationMessagePolicy;
  if (message && !['File', 'FallbackToLogsOnError'].includes(message.value)) {
    ctx.p.error(child(c.path, 'terminationMessagePolicy'), notSupported(message.value, ['File', 'FallbackToLogsOnError']), message.span);
  }
}

/** Probes and lifecycle, as validated for main containers and sidecars. */
function validateProbesAndHooks(ctx: Ctx, c: RawContainer, grace: number, osName: string | undefined): void {
  if (c.lifecycle) validateLifecycle(ctx, c.lifecycle, grace, osName);
  for (const k of PROBE_FIELDS) {
    const probe = c[k];
    if (probe) validateProbe(ctx, probe, k, grace);
  }
}

const NOT_FOR_INIT = 'may not be set for init containers without restartPolicy=Always';

export function validateContainerLists(ctx: Ctx, lists: ContainerLists): void {
  const { inits, mains, grace, osName } = lists;
  if (mains.length === 0) ctx.p.error(lists.containersPath, required(), lists.containersSpan);

  const mainNames = new Set<string>();
  for (const c of mains) {
    validateCommon(ctx, c, lists.isPod);
    const name = c.name?.value;
    if (name !== undefined) {
      if (mainNames.has(name)) ctx.p.error(child(c.path, 'name'), duplicate(name), c.name?.span);
      else mainNames.add(name);
    }
    validateProbesAndHooks(ctx, c, grace, osName);
    validateMainRestartPolicy(ctx, c);
  }
  reportHostPortConflicts(ctx, mains);

  const allNames = new Set(mainNames);
  for (const c of inits) {
    validateCommon(ctx, c, lists.isPod);
    validateInitRestartPolicy(ctx, c);
    // Each init container alone, named as upstream names it: the one-element list's index, 0.
    reportHostPortConflicts(ctx, [{ path: c.path.replace(/\[\d+\]$/, '[0]'), hostPorts: c.hostPorts }]);
    const name = c.name?.value;
    if (name !== undefined && allNames.has(name)) ctx.p.error(child(c.path, 'name'), duplicate(name), c.name?.span);
    else if (name) allNames.add(name);

    if (c.restartPolicy?.value === 'Always') {
      validateProbesAndHooks(ctx, c, grace, osName);
    } else if (!c.restartPolicyUnknown) {
      if (c.lifecycle) ctx.p.error(child(c.path, 'lifecycle'), forbidden(NOT_FOR_INIT), c.lifecycle.keySpan);
      for (const k of PROBE_FIELDS) {
        const probe = c[k];
        if (probe) ctx.p.error(child(c.path, k), forbidden(NOT_FOR_INIT), probe.keySpan);
      }
    }
  }
}
