// What a decoded share link (or a gallery entry, which is one) opens as: each side's text, with
// what the link carries beside the text written into it, since the text is the only place the app
// keeps a scenario's settings. The version the text names wins; a text that names none gets the
// link's version written into its Simulation document (unless it is the newest, the engine's
// default); the link's feature gates are written in as well, when that version takes them.

import { isSupportedVersion, NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import type { ScenarioState, ShareState } from '../../share';
import { checkLinkGates } from '../linkGates';
import { readSimulationSettings, scenarioVersion } from '../simulationDoc/read';
import { withFeatureGate } from '../simulationDoc/gates';
import { withVersionBeside } from '../simulationDoc/version';
import type { CompareSide, LoadedScenario } from '../slices/share';

export interface Resolved {
  scenario: LoadedScenario;
  /** The first side's text as the link carries it (before its version and gates were written in). */
  linkText: string;
  compare: CompareSide[] | null;
  warning?: string;
}

/**
 * A link's featureGates written into the text's Simulation document, where the app keeps gates,
 * so they apply, show in the toggles and travel on. A gate the version does not take, or that
 * cannot be written safely, is named in the warnings.
 */
function withLinkGates(text: string, gates: Record<string, boolean> | undefined, version: KubeVersion, warnings: string[]): string {
  const checked = checkLinkGates(gates, version);
  let out = text;
  const skipped: string[] = [];
  for (const [name, on] of checked.accepted) {
    const next = withFeatureGate(out, name, on);
    if (next === null) skipped.push(name);
    else out = next;
  }
  if (checked.refused.length > 0) warnings.push(`The link sets feature gates that Kubernetes ${version} does not take; they were left out: ${checked.refused.join(', ')}.`);
  if (skipped.length > 0) warnings.push(`The link sets feature gates that could not be written into its Simulation document: ${skipped.join(', ')}.`);
  return out;
}

/** The side's text with the link's version in it, and the version it will be simulated with. */
function withLinkVersion(s: ScenarioState, warnings: string[]): { text: string; version: KubeVersion } {
  const asked = s.kubernetesVersion;
  const askedOk = asked !== undefined && isSupportedVersion(asked);
  let text = s.text;
  let version: KubeVersion = NEWEST_VERSION;
  if (readSimulationSettings(text).version !== undefined) {
    version = scenarioVersion(text) ?? NEWEST_VERSION;
  } else if (askedOk) {
    const written = withVersionBeside(text, asked);
    if (written === null) warnings.push(`The link asks for Kubernetes ${asked}, which could not be written into its Simulation document; it opens with ${version}.`);
    else {
      text = written;
      version = asked;
    }
  }
  if (asked !== undefined && !askedOk) warnings.push(`The link asks for Kubernetes ${asked}, which Sidecar Lab does not simulate; it opens with ${version}.`);
  return { text, version };
}

function resolveSide(s: ScenarioState, fallbackLabel: string): { side: CompareSide; warnings: string[] } {
  const warnings: string[] = [];
  const versioned = withLinkVersion(s, warnings);
  const text = withLinkGates(versioned.text, s.featureGates, versioned.version, warnings);
  return { side: { label: s.label ?? fallbackLabel, text, kubernetesVersion: versioned.version, cursor: s.cursor ?? null }, warnings };
}

/** What the app should show for a decoded link: the editor's scenario and the compare sides. */
export function resolveShareState(state: ShareState): Resolved {
  const first = resolveSide(state, 'A');
  const others = state.view?.kind === 'compare' ? state.view.sides.map((s, i) => resolveSide(s, String.fromCharCode(66 + i))) : [];
  const { text, cursor } = first.side;
  const out: Resolved = { scenario: { text, cursor }, linkText: state.text, compare: others.length > 0 ? [first.side, ...others.map((o) => o.side)] : null };
  const warnings = [first, ...others].find((o) => o.warnings.length > 0)?.warnings;
  if (warnings) out.warning = warnings.join(' ');
  return out;
}
