// [11.2] A set of feature gates no cluster starts with: an enabled gate (set, or on by default)
// whose dependency is off (version.ts GATE_DEPENDENCIES). The API server and the kubelet refuse it
// at startup with component-base's words, so the scenario has no pod: an error, at the setting
// that made the conflict (the dependent gate's, else the disabled dependency's).

import { unmetGateDependencies, type FeatureGates, type KubeVersion } from '../version';
import { child, START_SPAN, type Problems, type Span } from './problems';

export interface WrittenGate {
  name: string;
  keySpan: Span;
  fromOptions: boolean;
}

export function checkGateDependencies(p: Problems, gates: FeatureGates, version: KubeVersion, written: readonly WrittenGate[], featureGatesSpan: Span | undefined): void {
  for (const { gate, disabled } of unmetGateDependencies(gates, version)) {
    const at = written.find((w) => w.name === gate) ?? written.find((w) => (disabled as string[]).includes(w.name));
    const origin = at?.fromOptions ? ' (from the command line or the version picker)' : '';
    const hint = ` (the kubelet and the API server refuse to start with these gates: turn ${disabled.join(' and ')} on, or ${gate} off)`;
    p.error(child('featureGates', at?.name ?? gate), `${gate} is enabled, but depends on features that are disabled: [${disabled.join(' ')}]${hint}${origin}`, at && !at.fromOptions ? at.keySpan : featureGatesSpan ?? START_SPAN);
  }
}
