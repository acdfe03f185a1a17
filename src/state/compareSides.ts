// How the compare view names and orders its sides: each side's label says what differs from the
// others (the Kubernetes version, a feature gate set away from that version's default, e.g.
// "1.28, SidecarContainers on (set)"), falling back to the author's label when only the spec
// differs; sides are shown by version ascending, ties kept in the link's order.

import { defaultGates, gateExists, isFeatureGateName, isSupportedVersion, type FeatureGateName, type FeatureGates } from '../engine/version';

export interface SideFacts {
  label: string;
  version: string;
  featureGates?: FeatureGates | undefined;
}

/** Gates set away from the version's default on this side. */
function setGates(s: SideFacts): FeatureGateName[] {
  if (!s.featureGates || !isSupportedVersion(s.version)) return [];
  const defaults = defaultGates(s.version);
  return Object.keys(s.featureGates).filter((g): g is FeatureGateName => isFeatureGateName(g) && s.featureGates![g] !== defaults[g]);
}

/** What differs, one label per side (the author's label where only the spec differs). */
export function differsLabels(sides: readonly SideFacts[]): string[] {
  const versionsVary = new Set(sides.map((s) => s.version)).size > 1;
  const gates = [...new Set(sides.flatMap(setGates))].sort();
  return sides.map((s) => {
    const parts: string[] = [];
    if (versionsVary) parts.push(s.version);
    const mine = new Set(setGates(s));
    for (const g of gates) {
      const v = s.version;
      if (!isSupportedVersion(v) || !gateExists(g, v)) continue;
      const on = s.featureGates ? s.featureGates[g] : defaultGates(v)[g];
      parts.push(`${g} ${on ? 'on' : 'off'}${mine.has(g) ? ' (set)' : ''}`);
    }
    return parts.length ? parts.join(', ') : s.label;
  });
}

/** Display order: by version ascending, then fewer gates set first, ties in link order. */
export function sideOrder(sides: readonly SideFacts[]): number[] {
  const minorOf = (v: string) => Number(v.split('.')[1] ?? 0);
  return sides.map((s, i) => ({ i, v: minorOf(s.version), g: setGates(s).length }))
    .sort((a, b) => a.v - b.v || a.g - b.g || a.i - b.i)
    .map((x) => x.i);
}

/** Round tick values (1, 2 or 5 × 10^n seconds) from 0 to `max`, about `count` of them. */
export function niceTicks(max: number, count = 6): number[] {
  if (!(max > 0)) return [0];
  const raw = max / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}
