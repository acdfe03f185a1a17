// What an exported picture says besides the lanes: a title (the presenter's title if a link set
// one, and the pod), the Kubernetes version, and a caption for the cursor (its time and the
// `kubectl get pod` row there: for a Job, the row of the pod the strip follows, named). Plain
// strings: the exporter writes them as SVG text nodes.

import { formatSeconds } from './format';
import type { AppState } from './store';
import { kubectlPodAt, kubectlRowAt, restartsAt } from './trace/kubectlPod';
import { hasErroredProbe, hasSandboxChange } from './trace/rareEvents';

export interface ExportMeta {
  title: string;
  version: string;
  cursor: string;
  /** The run stopped at its budget: the legend explains that mark too. */
  truncated: boolean;
  /** A sandbox was re-created: the legend explains that mark too. */
  sandboxChanged: boolean;
  /** A probe run errored ([5.14]): the legend explains that mark too. */
  probeErrored: boolean;
}

type MetaInput = Pick<AppState, 'trace' | 'podName' | 'presentTitle' | 'cursorTime' | 'selected'>;

export function exportMeta(s: MetaInput): ExportMeta {
  const pod = `pod ${s.podName || 'pod'}`;
  const title = s.presentTitle?.trim() ? `${s.presentTitle.trim()} — ${pod}` : pod;
  const version = `Kubernetes ${s.trace?.kubernetesVersion ?? '?'}`;
  if (!s.trace) return { title, version, cursor: '', truncated: false, sandboxChanged: false, probeErrored: false };
  const t = s.cursorTime ?? s.trace.end;
  // The same row the kubectl strip shows (kubectlPod.ts): a Job's followed pod is named.
  const followed = kubectlPodAt(s.trace, t, s.selected);
  const row = kubectlRowAt(s.trace, t, s.selected);
  const command = followed ? `kubectl get pod ${followed}` : 'kubectl get pod';
  const kubectl = row ? `${command}: READY ${row.ready} · STATUS ${row.status} · RESTARTS ${restartsAt(row, t)}` : `${command}: no row yet`;
  return { title, version, cursor: `Cursor at ${formatSeconds(t)} s — ${kubectl}`, truncated: s.trace.truncated !== undefined, sandboxChanged: hasSandboxChange(s.trace), probeErrored: hasErroredProbe(s.trace) };
}
