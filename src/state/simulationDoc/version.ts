// The Kubernetes version, written into the Simulation document (the version picker; a version
// that came beside a text, in a share link or a history entry).

import { NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import { editSimulation, setTopScalar } from './edit';
import { readSimulationSettings } from './read';

const literal = (v: string) => `"${v}"`;

/**
 * The text with its Simulation document's kubernetesVersion set to `version` (the document or
 * the key is created when missing). Null when the document cannot be edited safely.
 */
export function withKubernetesVersion(text: string, version: KubeVersion): string | null {
  return editSimulation(text, {
    edit: (doc) => setTopScalar(doc, 'kubernetesVersion', literal(version)),
    create: `kubernetesVersion: ${literal(version)}\n`,
    check: (out) => readSimulationSettings(out).version === version,
  });
}

/**
 * A text that arrived with a version beside it (a share link's `kubernetesVersion`, a history
 * entry's): the version the text names wins; a text that names none gets this one written in,
 * unless it is the newest, which the engine takes anyway. Null when it cannot be written.
 */
export function withVersionBeside(text: string, version: KubeVersion): string | null {
  if (readSimulationSettings(text).version !== undefined || version === NEWEST_VERSION) return text;
  return withKubernetesVersion(text, version);
}
