// The fields of a core/v1 Container, as kubectl's strict field validation knows them. A field not
// in the list (a typo such as `imgae:`) is what `kubectl apply` rejects with "strict decoding
// error: unknown field"; a manifest copied from a cluster must still load (contract section 1),
// so the scenario gets a warning naming the field, at its line, instead of an error.
// Fields that exist only from some version on (restartPolicy, restartPolicyRules) are checked
// where they are read (decode.ts versionedEntry).

import type { Ctx } from './decode';
import { unknownField } from './k8sErrors';
import { child } from './problems';
import { didYouMean } from './suggest';
import type { YMap } from './ynode';

export const CONTAINER_FIELDS: readonly string[] = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources',
  'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices',
  'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath',
  'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
];

const KNOWN = new Set(CONTAINER_FIELDS);

/** Warns about every key of a container that core/v1 does not have. */
export function warnUnknownContainerFields(ctx: Ctx, map: YMap, path: string): void {
  for (const e of map.entries) {
    if (KNOWN.has(e.key)) continue;
    const fp = child(path, e.key);
    ctx.p.warning(fp, `${unknownField(fp)}${didYouMean(e.key, CONTAINER_FIELDS)}: kubectl apply rejects the pod; the simulation ignores the field`, e.keySpan);
  }
}
